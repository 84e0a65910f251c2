/**
 * Issue 12: an app that builds clusters without a spec file does not load the spec validators
 * (zod, the spec and lock schemas) or yaml at start-up; a fleet from a valid spec file loads
 * yaml and the validators compiled ahead of time, not zod; an invalid spec loads zod for its
 * findings.
 * Runs the built library (`npm test` builds it first) in a fresh node process.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

interface Loaded {
  zod: boolean;
  yaml: boolean;
  specSchema: boolean;
  compiled: boolean;
}

function loaded(script: string): Loaded {
  const probe = `${script};
const ks = Object.keys(require.cache);
process.stdout.write(JSON.stringify({
  zod: ks.some((k) => k.includes("/node_modules/zod/")),
  yaml: ks.some((k) => k.includes("/node_modules/yaml/")),
  specSchema: ks.some((k) => k.endsWith("spec-schema.js")),
  compiled: ks.some((k) => k.endsWith("compiled-validators.js")),
}));`;
  const r = spawnSync(process.execPath, ["-e", probe], { cwd: ROOT, env: { ...process.env, CHECKPOINT_DISABLE: "1" }, encoding: "utf8" });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as Loaded;
}

test("requiring the library and synthesizing a cluster loads no spec validator and no yaml", () => {
  const r = loaded(`
const { App } = require("cdktf");
const { FlannelSmallStack } = require("./dist/examples/flannel-small");
const app = new App({ outdir: require("fs").mkdtempSync(require("path").join(require("os").tmpdir(), "ack-lazy-")) });
new FlannelSmallStack(app, "s");
app.synth();
require("./dist/lib");`);
  expect(r).toEqual({ zod: false, yaml: false, specSchema: false, compiled: false });
});

test("checking a valid spec file and its lock loads yaml and the compiled validators, not zod", () => {
  const r = loaded(`const c = require("./dist/lib").checkSpecFile("examples/fleet.yaml");
if (c.hasErrors || !c.lock) throw new Error("expected a valid spec with its lock");`);
  expect(r).toEqual({ zod: false, yaml: true, specSchema: false, compiled: true });
});

test("checking a spec with a schema error loads zod for its findings", () => {
  const r = loaded(`const c = require("./dist/lib").checkSpecFile("test/spec/invalid/s1-unknown-field.yaml", { lockFile: false });
if (!c.findings.some((f) => f.ruleId === "S1-spec-schema")) throw new Error("expected S1");`);
  expect(r).toEqual({ zod: true, yaml: true, specSchema: true, compiled: true });
});
