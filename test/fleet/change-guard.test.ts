import { CniPlugin } from "../../lib/plan/model";
import { errors, flannel, fleet, planSpec, terway } from "./fixtures";

const base = () => fleet([flannel("a"), terway("b", { cni: { plugin: CniPlugin.TERWAY, dataPathV2: false } })]);

describe("change guard", () => {
  const first = planSpec(base());
  const lock = first.lock;

  test("an unchanged spec passes against its lock", () => {
    const again = planSpec(base(), lock);
    expect(errors(again)).toEqual([]);
    expect(again.findings.filter((f) => f.ruleId.startsWith("K"))).toEqual([]);
    expect(again.lockChanged).toBe(false);
  });

  test("changing the CNI fails, naming the cluster, the field and the old and new values", () => {
    const spec = base();
    const changed = { ...spec, clusters: [{ ...spec.clusters[0], cni: { plugin: CniPlugin.TERWAY } }, spec.clusters[1]] };
    const plan = planSpec(changed, lock);
    const k1 = plan.findings.find((f) => f.ruleId === "K1-cni-changed");
    expect(k1).toMatchObject({ severity: "error", path: "a.cni.plugin" });
    expect(k1?.message).toMatch(/cluster a: CNI plugin changed from flannel to terway/);
  });

  test("the same change passes with replace: true (an info), and the lock then records the new values", () => {
    const spec = base();
    const svc = "172.31.0.0/20";
    const replaced = { ...spec, clusters: [spec.clusters[0], { ...spec.clusters[1], serviceCidr: svc, replace: true }] };
    const plan = planSpec(replaced, lock);
    expect(errors(plan)).toEqual([]);
    const k0 = plan.findings.find((f) => f.ruleId === "K0-replace-acknowledged");
    expect(k0?.message).toMatch(/service CIDR 172\.16\.16\.0\/20 -> 172\.31\.0\.0\/20/);
    expect(plan.lockChanges).toContain("replaced cluster b");
    expect(plan.lock.clusters.b.serviceCidr).toBe(svc);
    // After the apply, replace: true comes off and the guard is quiet again.
    const after = planSpec({ ...spec, clusters: [spec.clusters[0], { ...spec.clusters[1], serviceCidr: svc }] }, plan.lock);
    expect(after.findings.filter((f) => f.ruleId.startsWith("K"))).toEqual([]);
  });

  test.each([
    ["K2-service-cidr-changed", { serviceCidr: "172.31.0.0/20" }, "b.serviceCidr"],
    ["K5-proxy-mode-changed", { proxyMode: "iptables" }, "b.proxyMode"],
    ["K5-security-group-changed", { enterpriseSecurityGroup: false }, "b.enterpriseSecurityGroup"],
    ["K6-spec-downgrade", { spec: "ack.standard" }, "b.spec"],
    ["K6-vpc-changed", { vpc: { cidr: "10.9.0.0/16" } }, "b.vpc"],
    ["K7-datapath-v2-changed", { cni: { plugin: CniPlugin.TERWAY, dataPathV2: true } }, "b.cni.dataPathV2"],
  ])("%s fails, and passes with replace: true", (rule, change, path) => {
    const spec = base();
    const b = { ...spec.clusters[1], ...(change as object) };
    const failing = planSpec({ ...spec, clusters: [spec.clusters[0], b] }, lock);
    expect(failing.findings.find((f) => f.ruleId === rule)).toMatchObject({ severity: "error", path });
    const ok = planSpec({ ...spec, clusters: [spec.clusters[0], { ...b, replace: true }] }, lock);
    expect(ok.findings.filter((f) => f.ruleId.startsWith("K") && f.severity === "error")).toEqual([]);
    expect(ok.findings.map((f) => f.ruleId)).toContain("K0-replace-acknowledged");
  });

  test("pods per node and the ENI mode of an existing pool are fixed", () => {
    const spec = base();
    const a = { ...spec.clusters[0], cni: { plugin: CniPlugin.FLANNEL, podsPerNode: 128 } };
    const b = { ...spec.clusters[1], nodePools: [{ name: "general", instanceType: "ecs.c7.4xlarge", min: 1, max: 10, exclusiveEni: true }] };
    const plan = planSpec({ ...spec, clusters: [a, b] }, lock);
    expect(plan.findings.find((f) => f.ruleId === "K4-pods-per-node-changed")?.message).toMatch(/from 64 \(\/26\) to 128 \(\/25\)/);
    expect(plan.findings.find((f) => f.ruleId === "K7-eni-mode-changed")?.message).toMatch(/node pool general changed from shared to exclusive/);
  });

  test("new zones are a K8 warning (ignored by Terraform after creation), not an error; new vSwitches are recorded", () => {
    const spec = base();
    const b = { ...spec.clusters[1], zones: ["cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k"] };
    const plan = planSpec({ ...spec, clusters: [spec.clusters[0], b] }, lock);
    expect(errors(plan)).toEqual([]);
    const k8 = plan.findings.find((f) => f.ruleId === "K8-create-only-ignored");
    expect(k8).toMatchObject({ severity: "warning", path: "b.zones" });
    expect(k8?.message).toMatch(/ignored by Terraform after creation/);
    expect(plan.lockChanges).toContain("recorded new vSwitches of b");
    expect(Object.keys(plan.lock.clusters.b.vpc!.nodeVSwitches)).toHaveLength(3);
    // Existing vSwitches keep their blocks.
    expect(plan.lock.clusters.b.vpc!.nodeVSwitches["cn-hangzhou-i"]).toBe(lock.clusters.b.vpc!.nodeVSwitches["cn-hangzhou-i"]);
  });

  test("a removed cluster's ranges stay held (L1) until --prune", () => {
    const spec = base();
    const plan = planSpec({ ...spec, clusters: [spec.clusters[1], flannel("c")] }, lock);
    const l1 = plan.findings.find((f) => f.ruleId === "L1-removed-cluster-held");
    expect(l1).toMatchObject({ severity: "info", path: "lock.clusters[a]" });
    expect(plan.lock.clusters.a).toEqual(lock.clusters.a);
    // c does not get a's addresses while they are held...
    const c = plan.clusters.find((x) => x.name === "c")!;
    expect(c.network.cidr).not.toBe(lock.clusters.a.vpc!.cidr);
    // ...and does after pruning.
    const pruned = planSpec({ ...spec, clusters: [spec.clusters[1], flannel("c")] }, lock, true);
    expect(pruned.lock.clusters.a).toBeUndefined();
    expect(pruned.lockChanges).toContain("pruned cluster a");
    expect(pruned.clusters.find((x) => x.name === "c")!.network.cidr).toBe(lock.clusters.a.vpc!.cidr);
  });

  test("clusters not in the lock yet are an L2 info", () => {
    const spec = base();
    const plan = planSpec({ ...spec, clusters: [...spec.clusters, flannel("c")] }, lock);
    expect(plan.findings.find((f) => f.ruleId === "L2-lock-outdated")?.message).toMatch(/cluster c is not in the lock yet/);
    expect(plan.lockChanges).toEqual(["added cluster c"]);
  });
});
