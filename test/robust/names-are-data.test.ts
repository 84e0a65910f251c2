/**
 * Issue 9, names are data: clusters, node pools, zones, tags and labels named after
 * Object.prototype members (`constructor`, `__proto__`, `toString`, `hasOwnProperty`) go
 * through spec, lock and constructs like any other name.
 */
import { App } from "cdktf";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Fleet } from "../../lib";
import { run } from "../../lib/cli/run";
import { checkSpecFile } from "../../lib/spec/check-spec";
import { readLockFile } from "../../lib/spec/lock-file";
import { synth } from "../fleet/synth-fleet";

const SPEC = `region: cn-hangzhou
pools: { vpc: 10.64.0.0/12, pods: 10.128.0.0/12, services: 172.20.0.0/14 }
clusters:
  - name: constructor
    cni: { plugin: terway }
    zones: [constructor, hasOwnProperty]
    tags: { constructor: b, toString: c, hasOwnProperty: d }
    nodePools:
      - name: constructor
        instanceType: ecs.c7.4xlarge
        size: 2
        labels: { constructor: a, toString: b, hasOwnProperty: c }
  - name: tostring
    cni: { plugin: flannel }
    zones: [toString]
    nodePools:
      - { name: hasownproperty, instanceType: ecs.g7.xlarge, size: 2 }
`;

function cli(args: string[]): { code: number; out: string } {
  const out: string[] = [];
  const code = run(args, { stdout: (s) => out.push(s), stderr: (s) => out.push(s), isTty: false, env: {} });
  return { code, out: out.join("") };
}

describe("names are data", () => {
  test("plan writes the lock, check and synth read it back; nothing dropped, nothing refused", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-names-"));
    const spec = path.join(dir, "fleet.yaml");
    fs.writeFileSync(spec, SPEC);

    const first = checkSpecFile(spec);
    expect(first.findings.filter((f) => f.severity === "error")).toEqual([]);
    const tags = first.spec?.clusters[0].tags ?? {};
    expect(Object.keys(tags)).toEqual(["constructor", "toString", "hasOwnProperty"]);
    expect(tags.constructor).toBe("b");

    const plan = cli(["plan", spec]);
    expect(plan.out).toMatch(/wrote .*fleet\.yaml\.lock\.json/);
    expect(plan.code).toBe(0);
    const lock = readLockFile(`${spec}.lock.json`).lock;
    expect(Object.keys(lock?.clusters ?? {}).sort()).toEqual(["constructor", "tostring"]);
    const ctor: string = "constructor";
    expect(lock?.clusters[ctor].fixed.nodePools[ctor]).toBe("shared");
    expect(Object.keys(lock?.clusters[ctor].vpc?.nodeVSwitches ?? {})).toEqual(["constructor", "hasOwnProperty"]);
    expect(Object.keys(lock?.clusters.tostring.vpc?.nodeVSwitches ?? {})).toEqual(["toString"]);

    // Every later check reads the lock: no "Cannot read properties of undefined", no change.
    const again = cli(["check", spec]);
    expect(again.out).not.toMatch(/Cannot read|TypeError|undefined/);
    expect(again.code).toBe(0);
    const second = checkSpecFile(spec);
    expect(second.lockChanged).toBe(false);
    expect(second.findings.filter((f) => f.ruleId.startsWith("K") || f.ruleId.startsWith("L3"))).toEqual([]);

    const out = synth((app: App) => new Fleet(app, "fleet", { specFile: spec, writeLock: false }));
    expect(out.error).toBeUndefined();
    // The constructs library refuses Object.prototype names as construct ids: the stack id gets a trailing "_".
    expect(Object.keys(out.stacks).sort()).toEqual(["constructor_", "tostring"]);
    const stack = out.stacks.constructor_ as { resource: Record<string, Record<string, { tags?: Record<string, string>; labels?: Array<{ key: string }> }>> };
    const cluster = Object.values(stack.resource.alicloud_cs_managed_kubernetes)[0];
    expect(Object.keys(cluster.tags ?? {}).sort()).toEqual(["constructor", "hasOwnProperty", "toString"]);
    const pool = Object.values(stack.resource.alicloud_cs_kubernetes_node_pool)[0];
    expect((pool.labels ?? []).map((l) => l.key).sort()).toEqual(["constructor", "hasOwnProperty", "toString"]);
  });

  test("a tag __proto__ is read as data (not dropped) and refused by N2, since cdktf would drop it at synth", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-names-"));
    const spec = path.join(dir, "fleet.yaml");
    fs.writeFileSync(spec, SPEC.replace("tags: { constructor: b", "tags: { __proto__: a, constructor: b"));
    const check = checkSpecFile(spec);
    expect(Object.keys(check.spec?.clusters[0].tags ?? {})).toEqual(["__proto__", "constructor", "toString", "hasOwnProperty"]);
    expect(check.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.path} ${f.line}`)).toEqual(["N2-tag clusters[0].tags 7"]);
  });
});
