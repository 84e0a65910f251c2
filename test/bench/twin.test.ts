/**
 * The raw L1 twin of bench/l1.ts must be honest: generated from an app's synth output, built on
 * the stock bindings, it must produce the same stacks byte for byte. The apps here are built on
 * the lazy bindings (lib/providers/alicloud), so this also shows that the lazy bindings
 * synthesize the same JSON as stock ones for every resource the library emits.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { Fleet } from "../../lib/constructs/fleet";
import { generateFleetSpec } from "../../bench/fleet";
import { assertSameStacks } from "../../bench/l1";
import { STOCK_BINDINGS } from "../../bench/twin";
import { TerwayProStack } from "../../examples/terway-pro";
import { FlannelSmallStack } from "../../examples/flannel-small";
import { EdgeFlannelStack } from "../../examples/edge-flannel";
import { EdgeTerwayStack } from "../../examples/edge-terway";

const ROOT = path.join(__dirname, "..", "..");

function synthInto(build: (app: App) => void): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-twin-app-"));
  const app = new App({ outdir });
  build(app);
  app.synth();
  return outdir;
}

function runTwin(outdir: string): { twinOut: string; source: string } {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ack-twin-src-")), "twin.js");
  // The twin generator loads @cdktf/provider-generator, which runs the terraform CLI; in a child
  // process of its own (the built bench, `npm test` builds it) its CLI-config warning stays out
  // of the test output.
  const g = spawnSync(process.execPath, [path.join(ROOT, "dist", "bench", "twin.js"), outdir, file], { cwd: ROOT, env: { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null" }, encoding: "utf8" });
  expect(g.status).toBe(0);
  const source = fs.readFileSync(file, "utf8");
  const twinOut = fs.mkdtempSync(path.join(os.tmpdir(), "ack-twin-out-"));
  const r = spawnSync(process.execPath, [file], { cwd: ROOT, env: { ...process.env, CHECKPOINT_DISABLE: "1", CDKTF_OUTDIR: twinOut }, encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return { twinOut, source };
}

test("the stock bindings the twin uses exist and are not the lazy ones", () => {
  const stock = fs.readFileSync(path.join(STOCK_BINDINGS, "cs-managed-kubernetes", "index.js"), "utf8");
  expect(stock).toMatch(/_timeouts = new CsManagedKubernetesTimeoutsOutputReference\(this, "timeouts"\)/);
  const lazy = fs.readFileSync(path.join(ROOT, "lib", "providers", "alicloud", "cs-managed-kubernetes", "index.ts"), "utf8");
  expect(lazy).not.toMatch(/private _timeouts = new/);
});

test("twin of the four single-cluster examples (ACK, ACK Edge, hybrid link, a variable): same stacks, byte for byte", () => {
  const outdir = synthInto((app) => {
    new TerwayProStack(app, "terway-pro");
    new FlannelSmallStack(app, "flannel-small");
    new EdgeFlannelStack(app, "edge-flannel");
    new EdgeTerwayStack(app, "edge-terway");
  });
  const { twinOut, source } = runTwin(outdir);
  // built from the stock bindings, with references as tokens of the referenced objects
  expect(source).toContain(STOCK_BINDINGS);
  expect(source).not.toContain("lib/providers/alicloud");
  expect(source).toMatch(/\.getStringAttribute\("id"\)/);
  expect(assertSameStacks(outdir, twinOut)).toBe(4);
});

test("twin of a generated fleet with shared VPCs (cross-stack references): same stacks, byte for byte", () => {
  const outdir = synthInto((app) => {
    new Fleet(app, "fleet", { spec: generateFleetSpec(25), writeLock: false });
  });
  const { twinOut, source } = runTwin(outdir);
  // the cross-stack references are real references, not copied remote-state blocks
  expect(source).not.toContain("terraform_remote_state");
  expect(source).toMatch(/R\["vpc-s0\//);
  expect(fs.readFileSync(path.join(twinOut, "stacks", "c0000", "cdk.tf.json"), "utf8")).toContain("cross-stack-reference-input");
  expect(assertSameStacks(outdir, twinOut)).toBe(27);
});

test("a twin that differs is caught", () => {
  const outdir = synthInto((app) => {
    new FlannelSmallStack(app, "flannel-small");
  });
  const { twinOut } = runTwin(outdir);
  const file = path.join(twinOut, "stacks", "flannel-small", "cdk.tf.json");
  fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('"metadata"', '"metadatA"'));
  expect(() => assertSameStacks(outdir, twinOut)).toThrow(/differs from its app in 1 of 1 stacks/);
});
