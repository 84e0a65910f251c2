#!/usr/bin/env node
// Generates the L1 bindings for aliyun/alicloud from provider/alicloud-schema.json into
// lib/providers/alicloud (git-ignored). Arguments that the constraints file marks as removed
// in the pinned provider version are dropped first, so the bindings cannot set them.
// Skips the work when the inputs have not changed since the last run.
"use strict";
// (package.json runs this with TF_CLI_CONFIG_FILE=/dev/null: the generator package runs the
// terraform CLI, which warns about a missing ~/.terraformrc otherwise.)
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

const root = path.resolve(__dirname, "..");
const schemaFile = path.join(root, "provider", "alicloud-schema.json");
const constraintsFile = path.join(root, "provider", "alicloud-constraints.json");
// `npm run pack:cdktn` (scripts/pack-cdktn.js) points these at the CDK Terrain generator and its tree.
const generator = process.env.ACK_PROVIDER_GENERATOR || "@cdktf/provider-generator";
const target = process.env.ACK_BINDINGS_DIR ? path.resolve(process.env.ACK_BINDINGS_DIR) : path.join(root, "lib", "providers", "alicloud");
const stampFile = path.join(target, ".schema-hash");

function hashInputs() {
  const h = crypto.createHash("sha256");
  for (const f of [schemaFile, constraintsFile, __filename, path.join(__dirname, "lazy-bindings.js")]) h.update(fs.readFileSync(f));
  h.update(`${generator}@${require(`${generator}/package.json`).version}`);
  return h.digest("hex");
}

/** Removes every attribute the constraints file marks `removed`, at any nesting depth. */
function stripRemoved(schema, constraints) {
  const providerKey = Object.keys(schema.provider_schemas)[0];
  const ps = schema.provider_schemas[providerKey];
  const sections = [
    ["resources", ps.resource_schemas || {}],
    ["data_sources", ps.data_source_schemas || {}],
  ];
  let dropped = 0;
  for (const [kind, schemas] of sections) {
    for (const [type, entry] of Object.entries((constraints[kind] || {}))) {
      const s = schemas[type];
      if (!s) continue;
      for (const [attrPath, c] of Object.entries(entry.attributes || {})) {
        if (!c.removed) continue;
        const parts = attrPath.split(".");
        let block = s.block;
        for (const p of parts.slice(0, -1)) block = block && block.block_types && block.block_types[p] && block.block_types[p].block;
        const leaf = parts[parts.length - 1];
        if (block && block.attributes && block.attributes[leaf]) { delete block.attributes[leaf]; dropped++; }
        else if (block && block.block_types && block.block_types[leaf]) { delete block.block_types[leaf]; dropped++; }
      }
    }
  }
  return dropped;
}

async function main() {
  const hash = hashInputs();
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === hash && !process.argv.includes("--force")) {
    return;
  }
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));
  const constraints = JSON.parse(fs.readFileSync(constraintsFile, "utf8"));
  const dropped = stripRemoved(schema, constraints);
  // Pins the provider: the generator copies provider_versions into the bindings' metadata, and
  // cdktf writes it as terraform.required_providers.alicloud.version. Exact ("= x.y.z"): every
  // check here is made against this one version's schema (provider/README.md, "Version pin").
  schema.provider_versions = { [Object.keys(schema.provider_schemas)[0]]: `= ${constraints.provider_version}` };
  const { generateProviderBindingsFromSchema } = require(generator);
  const tmp = fs.mkdtempSync(path.join(require("os").tmpdir(), "alicloud-gen-"));
  // The generator logs a harmless warning about a missing ~/.terraformrc; keep the output quiet.
  const origError = console.error;
  console.error = () => undefined;
  try {
    await generateProviderBindingsFromSchema(tmp, schema);
  } finally {
    console.error = origError;
  }
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.cpSync(path.join(tmp, "providers", "alicloud"), target, { recursive: true });
  fs.rmSync(tmp, { recursive: true, force: true });
  require("./lazy-bindings").lazyBindings(target, path.join(root, ".gen", "alicloud-stock")); // issue 12
  fs.writeFileSync(stampFile, hash);
  const count = fs.readdirSync(target).filter((d) => fs.statSync(path.join(target, d)).isDirectory()).length;
  process.stdout.write(`generated ${count} alicloud binding modules (dropped ${dropped} removed arguments)\n`);
}

main().catch((e) => {
  process.stderr.write(`binding generation failed: ${e && e.stack ? e.stack : e}\n`);
  process.exit(1);
});
