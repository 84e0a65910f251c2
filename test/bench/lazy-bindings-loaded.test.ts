/**
 * Issue 12: the default app (a fleet from examples/fleet.yaml) loads the binding modules of
 * the resources and data sources it synthesizes and no other (lib/constructs/lazy-l1.ts loads
 * the rest when a construct needs them), and no zod (the spec is valid; compiled validators).
 * Runs the built app (`npm test` builds it first) in a fresh node process.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

/** `alicloud_cs_managed_kubernetes` -> `cs-managed-kubernetes`; data `alicloud_account` -> `data-alicloud-account`. */
const moduleOf = (type: string, data: boolean): string => `${data ? "data-" : ""}${(data ? type : type.replace(/^alicloud_/, "")).replace(/_/g, "-")}`;

test("the default app loads only the binding modules of what it synthesizes, and not zod", () => {
  const { app } = JSON.parse(fs.readFileSync(path.join(ROOT, "cdktf.json"), "utf8")) as { app: string };
  const [cmd, script, ...rest] = app.split(" ");
  expect(cmd).toBe("node");
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-lazy-l1-"));
  const probe = `process.argv.splice(1, 0, ${JSON.stringify(script)}, ...${JSON.stringify(rest)});
require(${JSON.stringify(path.join(ROOT, script))});
const ks = Object.keys(require.cache);
process.stdout.write(JSON.stringify({
  bindings: ks.map((k) => /[\\\\/]providers[\\\\/]alicloud[\\\\/]([^\\\\/]+)[\\\\/]index\\.js$/.exec(k)).filter(Boolean).map((m) => m[1]).sort(),
  zod: ks.some((k) => k.includes("/node_modules/zod/")),
}));`;
  const r = spawnSync(process.execPath, ["-e", probe], { cwd: ROOT, env: { ...process.env, CHECKPOINT_DISABLE: "1", CDKTF_OUTDIR: outdir }, encoding: "utf8" });
  expect(r.stderr).toBe("");
  const loaded = JSON.parse(r.stdout) as { bindings: string[]; zod: boolean };

  const used = new Set<string>(["provider"]);
  for (const stack of fs.readdirSync(path.join(outdir, "stacks"))) {
    const tf = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stack, "cdk.tf.json"), "utf8")) as { resource?: object; data?: object };
    for (const t of Object.keys(tf.resource ?? {})) if (t.startsWith("alicloud_")) used.add(moduleOf(t, false));
    for (const t of Object.keys(tf.data ?? {})) if (t.startsWith("alicloud_")) used.add(moduleOf(t, true));
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  // The fleet has hybrid links (CEN transit router) and edge pools: a check with teeth.
  expect(used.size).toBeGreaterThan(15);
  expect(loaded.bindings).toEqual([...used].sort());
  expect(loaded.zod).toBe(false);
});
