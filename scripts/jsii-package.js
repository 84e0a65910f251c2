#!/usr/bin/env node
// Prints the package.json of the jsii build (scripts/jsii-build.sh): the repository's name,
// version and peer dependencies, the construct API (lib/jsii.ts) as the entry point, yaml and
// zod bundled, and the jsii targets.
"use strict";
const pkg = require("../package.json");
const out = {
  name: pkg.name,
  version: pkg.version,
  description: pkg.description,
  license: pkg.license,
  author: { name: "cdktf-alicloud-ack authors", organization: false },
  repository: { type: "git", url: "https://example.invalid/cdktf-alicloud-ack.git" },
  main: "lib/jsii.js",
  types: "lib/jsii.d.ts",
  peerDependencies: pkg.peerDependencies,
  devDependencies: { cdktf: pkg.devDependencies.cdktf, constructs: pkg.devDependencies.constructs },
  dependencies: pkg.dependencies,
  bundledDependencies: Object.keys(pkg.dependencies),
  jsii: {
    outdir: "dist",
    excludeTypescript: ["lib/cli/**", "lib/testing/**"],
    tsc: { outDir: ".", rootDir: "." },
    targets: {
      python: { distName: "cdktf-alicloud-ack", module: "cdktf_alicloud_ack" },
      java: { package: "io.github.cdktf.alicloud.ack", maven: { groupId: "io.github.cdktf", artifactId: "cdktf-alicloud-ack" } },
      dotnet: { namespace: "Cdktf.Alicloud.Ack", packageId: "Cdktf.Alicloud.Ack" },
      go: { moduleName: "github.com/cdktf-alicloud-ack/cdktf-alicloud-ack-go" },
    },
  },
};
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
