/**
 * The README's main command runs the app of cdktf.json; this runs the same app (built by
 * `npm test`'s build step) into a temp directory and checks every synthesized stack against
 * the provider schema.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { checkConformanceOfDirectory, formatIssues, ConformanceSeverity } from "../lib/testing";

const ROOT = path.join(__dirname, "..");

test("the default app (cdktf.json) synthesizes one stack per fleet cluster, all schema-conformant", () => {
  const { app } = JSON.parse(fs.readFileSync(path.join(ROOT, "cdktf.json"), "utf8")) as { app: string };
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-default-app-"));
  const [cmd, ...args] = app.split(" ");
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: "1" }, encoding: "utf8" });
  expect(r.stderr).not.toMatch(/Error/);
  expect(r.status).toBe(0);
  expect(fs.readdirSync(path.join(outdir, "stacks")).sort()).toEqual(["dev", "factory", "prod"]);
  const issues = checkConformanceOfDirectory(outdir);
  expect(formatIssues(issues.filter((i) => i.severity === ConformanceSeverity.ERROR))).toBe(formatIssues([]));
  // No deprecated resource type or argument, and the provider pinned to the checked version (issue 10).
  expect(formatIssues(issues.filter((i) => ["deprecated-type", "deprecated-argument", "provider-version"].includes(i.code)))).toBe(formatIssues([]));
  // Issue 10: no annotation that means "this resource will not work". The factory's private edge
  // pool is created outside Terraform (info I13), not a basic pool Terraform can't fix (I11).
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, { annotations?: Array<{ level: string; message: string }> }> };
  const notes = Object.values(manifest.stacks).flatMap((st) => st.annotations ?? []);
  const broken = notes.filter((n) => n.level !== "@cdktf/info" && /(I11-edge-pool-interconnect|I6-terway-edge|F5-no-datapath-v2-key|V\d-kubernetes-version|I9-terway-edge)/.test(n.message));
  expect(broken.map((n) => n.message)).toEqual([]);
  expect(notes.map((n) => n.message).join("\n")).toMatch(/info I13-edge-pool-outside-terraform .*factory\.nodePools\[line-1\]/);
  fs.rmSync(outdir, { recursive: true, force: true });
});
