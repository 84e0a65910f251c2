import {
  ClusterPlanInput, ClusterProfile, CniPlugin, EniMode, IpStack, NodePoolKind, exclusiveEniPodsPerNode,
  findInstanceType, planCluster, sharedEniPodsPerNode,
} from "../../lib/plan";

function terway(pools: ClusterPlanInput["nodePools"]): ClusterPlanInput {
  return {
    name: "t", profile: ClusterProfile.DEFAULT, clusterSpec: "ack.pro.small", ipStack: IpStack.IPV4,
    vpc: { name: "vpc", cidr: "192.168.0.0/16", existing: false, ipv6: false },
    nodeVSwitches: [{ name: "n1", zone: "a", cidr: "192.168.0.0/19" }],
    podVSwitches: [{ name: "p1", zone: "a", cidr: "192.168.32.0/19" }],
    serviceCidr: "172.21.0.0/20",
    cni: { plugin: CniPlugin.TERWAY, networkPolicy: true, dataPathV2: false, trunk: false, ipvlan: false },
    nodePools: pools, externalRanges: [], enterpriseSecurityGroup: true,
  };
}

function flannel(podCidr: string, mask: number, maxNodes: number): ClusterPlanInput {
  return {
    ...terway([{ name: "p", kind: NodePoolKind.CLOUD, instanceTypes: ["ecs.g7.xlarge"], minNodes: 1, maxNodes, zones: ["a"] }]),
    podVSwitches: [],
    cni: { plugin: CniPlugin.FLANNEL, podCidr, nodeCidrMask: mask, networkPolicy: false, dataPathV2: false, trunk: false, ipvlan: false },
  };
}

describe("capacity plan (rules D-3, D-4, E-1, E-4)", () => {
  test("ecs.c7.4xlarge: 210 pods per node in shared-ENI mode and 7 in exclusive-ENI mode (CMP, PODCAP)", () => {
    const plan = planCluster(terway([
      { name: "shared", kind: NodePoolKind.CLOUD, instanceTypes: ["ecs.c7.4xlarge"], minNodes: 3, maxNodes: 10, zones: ["a"], eniMode: EniMode.SHARED },
      { name: "exclusive", kind: NodePoolKind.CLOUD, instanceTypes: ["ecs.c7.4xlarge"], minNodes: 3, maxNodes: 10, zones: ["a"], eniMode: EniMode.EXCLUSIVE },
    ]));
    expect(plan.capacity.pools.map((p) => [p.name, p.podsPerNode, p.basis])).toEqual([
      ["shared", 210, "ecs.c7.4xlarge shared ENI (8-1)x30"],
      ["exclusive", 7, "ecs.c7.4xlarge exclusive ENI 8-1"],
    ]);
    expect(plan.capacity.podIpsNeeded).toBe(10 * 210 + 10 * 7);
    expect(plan.capacity.podIpsAvailable).toBe(8192 - 4);
    // Binding limit: the pod vSwitch at full density, floor(8188 / 210) = 38 nodes.
    expect(plan.capacity.maxNodes).toBe(38);
    expect(plan.capacity.bindingLimit?.ruleId).toBe("F1-pod-vswitch-capacity");
  });

  test("ecs.c6.4xlarge gives 140 shared-ENI pods (CMP)", () => {
    const t = findInstanceType("ecs.c6.4xlarge");
    expect(t && sharedEniPodsPerNode(t)).toBe(140);
    expect(t && exclusiveEniPodsPerNode(t)).toBe(7);
  });

  test("g7 and r7 have the ENI figures of c7; memory follows the family ratio", () => {
    for (const size of ["large", "xlarge", "4xlarge", "32xlarge"]) {
      const c = findInstanceType(`ecs.c7.${size}`)!;
      for (const fam of ["g7", "r7"]) {
        const o = findInstanceType(`ecs.${fam}.${size}`)!;
        expect([o.eniQuantity, o.privateIpsPerEni, o.vcpu]).toEqual([c.eniQuantity, c.privateIpsPerEni, c.vcpu]);
      }
      expect(findInstanceType(`ecs.r7.${size}`)!.memoryGiB).toBe(4 * c.memoryGiB);
    }
  });

  test("Flannel 172.16.0.0/20 at 256 pods per node supports 16 nodes (CMP example)", () => {
    const plan = planCluster(flannel("172.16.0.0/20", 24, 16));
    const limit = plan.capacity.limits.find((l) => l.ruleId === "D4-flannel-max-nodes");
    expect(limit?.nodes).toBe(16);
    expect(plan.capacity.pools[0].podsPerNode).toBe(256);
    expect(plan.capacity.maxNodes).toBe(16);
    expect(plan.capacity.bindingLimit?.ruleId).toBe("D4-flannel-max-nodes");
    expect(plan.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("Flannel capacity follows 2^(mask - prefix) for every mask 24..28", () => {
    for (let mask = 24; mask <= 28; mask++) {
      const plan = planCluster(flannel("172.20.0.0/16", mask, 1));
      expect(plan.capacity.limits.find((l) => l.ruleId === "D4-flannel-max-nodes")?.nodes).toBe(2 ** (mask - 16));
      expect(plan.capacity.pools[0].podsPerNode).toBe(2 ** (32 - mask));
    }
  });

  test("Flannel route-table quota binds before a large pod CIDR (D-6)", () => {
    const plan = planCluster(flannel("172.20.0.0/16", 26, 10));
    expect(plan.capacity.maxNodes).toBe(200);
    expect(["D6-flannel-route-quota", "G2-pro-cluster-size"]).toContain(plan.capacity.bindingLimit?.ruleId);
  });
});
