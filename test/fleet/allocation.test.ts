import { flannel, fleet, planSpec, terway, errors } from "./fixtures";
import { perNodeRangePrefix, servicePrefixFor, vpcPrefixFor, vswitchPrefixes } from "../../lib/plan/fleet/sizing";

describe("fleet address pools", () => {
  test("sizes: VPC holds node and (Terway) pod vSwitches; Flannel pod CIDR holds a block per node; services /16../24", () => {
    expect(vpcPrefixFor(1, vswitchPrefixes({ expectedNodes: 20, podsPerNode: 64 }, 1, false))).toBe(24);
    // Two /24 node vSwitches first, then two /19 pod vSwitches, first fit: a /17.
    expect(vpcPrefixFor(2, vswitchPrefixes({ expectedNodes: 10, podsPerNode: 45 }, 2, true))).toBe(17);
    expect(perNodeRangePrefix(50, 64)).toBe(20);
    expect(perNodeRangePrefix(1, 256)).toBe(23);
    expect(servicePrefixFor(4096)).toBe(20);
    expect(servicePrefixFor(10)).toBe(24);
    expect(servicePrefixFor(1_000_000)).toBe(16);
  });

  test("clusters get ranges from the pools in spec order, first fit, avoiding given ranges", () => {
    const plan = planSpec(fleet([
      flannel("a", { serviceCidr: "172.16.0.0/20" }),
      flannel("b"),
      terway("c", { vpc: { cidr: "10.64.0.0/24" } }),
    ]));
    expect(plan.specErrors).toEqual([]);
    const [a, b] = plan.clusters;
    expect(a.allocation.serviceCidr).toEqual({ cidr: "172.16.0.0/20", source: "given" });
    expect(b.allocation.serviceCidr).toEqual({ cidr: "172.16.16.0/20", source: "pool" });
    // c gave 10.64.0.0/24 (too small for Terway: A12), so a and b do not land on it.
    expect(a.network.cidr).toBe("10.64.1.0/24");
    expect(b.network.cidr).toBe("10.64.2.0/24");
    expect(a.allocation.podCidr).toEqual({ cidr: "10.128.0.0/22", source: "pool" }); // 10 nodes x /26
    const e = errors(plan);
    expect(e.length).toBeGreaterThan(0);
    for (const m of e) expect(m).toMatch(/^A12-vpc-space c\.vpc\.(node|pod)VSwitches/);
  });

  test("an exhausted pool says how many addresses are missing", () => {
    const plan = planSpec(fleet([flannel("a", { expectedNodes: 200 }), flannel("b", { expectedNodes: 200 })], {
      pools: { vpc: ["10.64.0.0/24"], pods: ["10.128.0.0/17"], services: ["172.16.0.0/20"] },
    }));
    const msgs = errors(plan);
    expect(msgs.some((m) => m.startsWith("P1-pool-exhausted b.vpc.cidr") && /256 addresses short/.test(m))).toBe(true);
    expect(msgs.some((m) => m.startsWith("P1-pool-exhausted b.serviceCidr") && /4,096 addresses short/.test(m))).toBe(true);
    // Nothing of b is recorded in the lock; a is.
    expect(plan.lock.clusters.b).toBeUndefined();
    expect(plan.lock.clusters.a).toBeDefined();
  });

  test("a missing pool is P2", () => {
    const plan = planSpec(fleet([flannel("a")], { pools: { vpc: ["10.64.0.0/16"], services: ["172.16.0.0/16"] } }));
    expect(errors(plan)).toEqual([expect.stringMatching(/^P2-pool-missing a\.cni\.podCidr: the pod CIDR of a is not given and there is no pools\.pods/)]);
  });

  test("a shared VPC is sized for its members and keeps that size; outgrowing it is A12, naming the VPC", () => {
    const shared = (n: number) => Array.from({ length: n }, (_, i) => terway(`t${i}`, { vpc: { shared: "core" } }));
    const first = planSpec(fleet(shared(2)));
    expect(errors(first)).toEqual([]);
    const core = first.networks.find((n) => n.network.name === "core")!;
    expect(core.network.members).toEqual([0, 1]);
    expect(first.lock.sharedVpcs.core.cidr).toBe(core.cidr);
    // A new member in a new zone fits in the free space: the VPC and the old vSwitches stay.
    const grown = planSpec(fleet([...shared(2), flannel("f", { vpc: { shared: "core" }, zones: ["cn-hangzhou-k"] })]), first.lock);
    expect(errors(grown)).toEqual([]);
    expect(grown.networks.find((n) => n.network.name === "core")!.cidr).toBe(core.cidr);
    expect(grown.lockChanges).toContain("recorded new vSwitches of shared VPC core");
    // A Flannel-only shared VPC has no room for the /19 pod vSwitches a Terway member needs.
    const small = planSpec(fleet([flannel("f", { vpc: { shared: "core" } })]));
    const outgrown = planSpec(fleet([flannel("f", { vpc: { shared: "core" } }), terway("t", { vpc: { shared: "core" }, zones: ["cn-hangzhou-i"] })]), small.lock);
    expect(errors(outgrown)).toEqual([expect.stringMatching(/^A12-vpc-space sharedVpcs\[core\]\.podVSwitches\[cn-hangzhou-i\]: VPC 10\.64\.0\.0\/24 of core has no room/)]);
  });
});
