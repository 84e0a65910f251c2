#!/usr/bin/env node
// CI, after `npm run jsii`: the jsii assembly (.gen/jsii/.jsii) holds the Fleet construct with
// its props and its plan as plain data, and jsii-pacmak generated Fleet in every language.
// Exits 1 listing what is missing.
"use strict";
const fs = require("fs");
const path = require("path");
const stage = path.join(__dirname, "..", ".gen", "jsii");
const asm = JSON.parse(fs.readFileSync(path.join(stage, ".jsii"), "utf8"));
const fqn = (name) => `${asm.name}.${name}`;
const problems = [];
const type = (name, kind) => {
  const t = asm.types[fqn(name)];
  if (!t) problems.push(`${fqn(name)} is not in the assembly`);
  else if (t.kind !== kind) problems.push(`${fqn(name)} is a ${t.kind}, expected a ${kind}`);
  return t;
};
const props = (t) => new Map((t?.properties ?? []).map((p) => [p.name, p]));
const fleet = props(type("Fleet", "class"));
if (fleet.get("plan")?.type?.fqn !== fqn("PlannedFleet")) problems.push("Fleet.plan is not a PlannedFleet");
if (fleet.get("findings")?.type?.collection?.elementtype?.fqn !== fqn("LocatedFinding")) problems.push("Fleet.findings is not a list of LocatedFinding");
for (const name of ["stacks", "clusters", "lockWritten"]) if (!fleet.has(name)) problems.push(`Fleet.${name} is missing`);
const fleetProps = props(type("FleetProps", "interface"));
for (const name of ["specFile", "spec", "specText", "lockFile", "writeLock"]) if (!fleetProps.has(name)) problems.push(`FleetProps.${name} is missing`);
if (fleetProps.get("spec")?.type?.fqn !== fqn("FleetSpec")) problems.push("FleetProps.spec is not a FleetSpec");
for (const name of ["PlannedFleet", "PlannedFleetCluster", "PlannedFleetNetwork", "PlannedFleetLink", "PlannedFleetRange", "PlannedFleetVSwitch", "LocatedFinding", "FleetSpec", "FleetClusterSpec"]) {
  const t = type(name, "interface");
  if (t && !t.datatype) problems.push(`${fqn(name)} is not a struct`);
}
for (const name of ["FleetNetworkKind", "RangeSource", "SpecClusterType"]) type(name, "enum");
const generated = {
  python: ["src/cdktf_alicloud_ack/__init__.py", /^class Fleet\(/m],
  java: ["src/main/java/io/github/cdktf/alicloud/ack/Fleet.java", /class Fleet\b/],
  dotnet: ["Cdktf.Alicloud.Ack/Cdktf/Alicloud/Ack/Fleet.cs", /class Fleet\b/],
  go: ["cdktfalicloudack/Fleet.go", /type Fleet interface/],
};
for (const [lang, [file, pattern]] of Object.entries(generated)) {
  const p = path.join(stage, "dist", lang, file);
  if (!fs.existsSync(p)) problems.push(`${lang}: ${file} was not generated`);
  else if (!pattern.test(fs.readFileSync(p, "utf8"))) problems.push(`${lang}: ${file} does not declare Fleet`);
}
if (problems.length > 0) {
  process.stderr.write(`jsii assembly check failed:\n${problems.map((p) => `  ${p}\n`).join("")}`);
  process.exit(1);
}
process.stdout.write(`jsii assembly: ${Object.keys(asm.types).length} types, Fleet and its plan included; Fleet generated for ${Object.keys(generated).join(", ")}\n`);
