/**
 * Issue 12: an app that builds clusters without a spec file does not load the spec validators
 * (zod, the spec and lock schemas) or yaml at start-up; a fleet from a spec file still does.
 * Runs the built library (`npm test` builds it first) in a fresh node process.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

function loaded(script: string): { zod: boolean; yaml: boolean; specSchema: boolean } {
  const probe = `${script};
const ks = Object.keys(require.cache);
process.stdout.write(JSON.stringify({
  zod: ks.some((k) => k.includes("/node_modules/zod/")),
  yaml: ks.some((k) => k.includes("/node_modules/yaml/")),
  specSchema: ks.some((k) => k.endsWith("spec-schema.js")),
}));`;
  const r = spawnSync(process.execPath, ["-e", probe], { cwd: ROOT, env: { ...process.env, CHECKPOINT_DISABLE: "1" }, encoding: "utf8" });
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as { zod: boolean; yaml: boolean; specSchema: boolean };
}

test("requiring the library and synthesizing a cluster loads no spec validator and no yaml", () => {
  const r = loaded(`
const { App } = require("cdktf");
const { FlannelSmallStack } = require("./dist/examples/flannel-small");
const app = new App({ outdir: require("fs").mkdtempSync(require("path").join(require("os").tmpdir(), "ack-lazy-")) });
new FlannelSmallStack(app, "s");
app.synth();
require("./dist/lib");`);
  expect(r).toEqual({ zod: false, yaml: false, specSchema: false });
});

test("checking a spec file loads them", () => {
  const r = loaded(`require("./dist/lib").checkSpecFile("examples/fleet.yaml", { lockFile: false })`);
  expect(r).toEqual({ zod: true, yaml: true, specSchema: true });
});
