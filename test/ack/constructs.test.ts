import { TerraformStack } from "cdktf";
import { AckCluster, AckNetwork, ClusterSpec, Cni, IpStack, ProxyMode, TaintEffect } from "../../lib";
import { AlicloudProvider } from "../../lib/providers/alicloud/provider";
import { assertConformance } from "../../lib/testing";
import { FLANNEL_BASE, TERWAY_BASE, buildScenario, withBase } from "../helpers/scenarios";
import { synthApp } from "../helpers/synth";

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function resources(out: ReturnType<typeof synthApp>, stack = "test"): Resources {
  expect(out.error).toBeUndefined();
  assertConformance(out.stacks[stack]);
  return out.stacks[stack].resource as Resources;
}

function one(res: Resources, type: string): Record<string, unknown> {
  const all = Object.values(res[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0];
}

describe("AckNetwork", () => {
  test("a new VPC gets NAT egress: enhanced NAT gateway, EIP, association and one SNAT entry per vSwitch", () => {
    const res = resources(synthApp((app) => buildScenario(app, TERWAY_BASE)));
    expect(one(res, "alicloud_vpc").cidr_block).toBe("192.168.0.0/16");
    expect(Object.values(res.alicloud_vswitch).map((v) => v.cidr_block).sort()).toEqual(["192.168.0.0/24", "192.168.1.0/24", "192.168.32.0/19", "192.168.64.0/19"]);
    expect(one(res, "alicloud_nat_gateway").nat_type).toBe("Enhanced");
    expect(one(res, "alicloud_eip_association").instance_type).toBe("Nat");
    expect(Object.keys(res.alicloud_snat_entry)).toHaveLength(4);
  });

  test("egress can be turned off, and IPv6 adds a gateway and per-vSwitch IPv6 blocks", () => {
    const res = resources(synthApp((app) => buildScenario(app, withBase(TERWAY_BASE, { network: { egress: false, ipv6: true }, cluster: { ipStack: IpStack.DUAL } }))));
    expect(res.alicloud_nat_gateway).toBeUndefined();
    expect(res.alicloud_snat_entry).toBeUndefined();
    expect(one(res, "alicloud_vpc").enable_ipv6).toBe(true);
    expect(one(res, "alicloud_vpc_ipv6_gateway")).toBeDefined();
    expect(Object.values(res.alicloud_vswitch).map((v) => v.ipv6_cidr_block_mask).sort()).toEqual([0, 1, 2, 3]);
    expect(one(res, "alicloud_cs_managed_kubernetes").ip_stack).toBe("dual");
  });

  test("vSwitches are carved from the VPC in zone order, sized from expectedNodes and pods per node", () => {
    const res = resources(synthApp((app) => buildScenario(app, withBase(TERWAY_BASE, {
      network: { vpcCidr: "10.10.0.0/16", zones: ["a", "b"], nodeVSwitchCidrs: undefined, podVSwitchCidrs: undefined, expectedNodes: 1000, expectedPodsPerNode: 32 },
    }))));
    // 500 nodes per zone -> node /23; 500 x 32 = 16,000 pods per zone -> pod /18.
    expect(Object.values(res.alicloud_vswitch).map((v) => `${v.zone_id} ${v.cidr_block}`).sort()).toEqual([
      "a 10.10.0.0/23", "a 10.10.64.0/18", "b 10.10.128.0/18", "b 10.10.2.0/23",
    ]);
  });

  test("an adopted VPC creates nothing and its ids are wired into the cluster", () => {
    const res = resources(synthApp((app) => buildScenario(app, withBase(TERWAY_BASE, {
      existing: { vpcId: "vpc-1", vpcCidr: "192.168.0.0/16", nodeVSwitches: [{ id: "vsw-a", zone: "cn-hangzhou-i", cidr: "192.168.0.0/24" }], podVSwitches: [{ id: "vsw-p", zone: "cn-hangzhou-i", cidr: "192.168.32.0/19" }] },
    }))));
    expect(res.alicloud_vpc).toBeUndefined();
    expect(res.alicloud_vswitch).toBeUndefined();
    const c = one(res, "alicloud_cs_managed_kubernetes");
    expect(c.vswitch_ids).toEqual(["vsw-a"]);
    expect(c.pod_vswitch_ids).toEqual(["vsw-p"]);
  });

  test("a bad VPC CIDR to carve from is named with the address-maths message, not a library stack", () => {
    const carved = synthApp((app) => buildScenario(app, withBase(TERWAY_BASE, { network: { vpcCidr: "192.168.0.1/16", nodeVSwitchCidrs: undefined } })));
    expect(carved.error).toMatch(/A0-invalid-cidr \[[^\]]*\] main\.vpc\.cidr: 192\.168\.0\.1\/16 has host bits set; did you mean 192\.168\.0\.0\/16\?/);
    expect(carved.error).not.toMatch(/\n\s+at /);
    // With explicit vSwitch CIDRs nothing is carved: the plan reports it like every other finding.
    const out = synthApp((app) => buildScenario(app, withBase(TERWAY_BASE, { network: { vpcCidr: "192.168.0.1/16" } })));
    expect(out.error).toMatch(/A0-invalid-cidr \[[^\]]*\] main\.vpc\.cidr: 192\.168\.0\.1\/16 has host bits set; did you mean 192\.168\.0\.0\/16\?/);
  });

  test("two clusters can't share a name in one network", () => {
    expect(synthApp((app) => {
      const stack = new TerraformStack(app, "s");
      new AlicloudProvider(stack, "p", { region: "cn-hangzhou" });
      const network = new AckNetwork(stack, "n", { zones: ["a"] });
      new AckCluster(stack, "x", { network, cni: Cni.terway(), clusterName: "same" });
      new AckCluster(stack, "y", { network, cni: Cni.terway(), clusterName: "same" });
    }).error).toMatch(/S2-duplicate-name .*a cluster named same is already in this network/);
  });
});

describe("AckCluster", () => {
  test("secure defaults: private endpoint, deletion protection, RRSA, enterprise SG, logs and audit to SLS", () => {
    const c = one(resources(synthApp((app) => buildScenario(app, TERWAY_BASE))), "alicloud_cs_managed_kubernetes");
    expect(c).toMatchObject({
      profile: "Default", cluster_spec: "ack.pro.small", slb_internet_enabled: false, deletion_protection: true, enable_rrsa: true,
      is_enterprise_security_group: true, new_nat_gateway: false, proxy_mode: "ipvs", audit_log_config: { enabled: true },
    });
    expect(c.control_plane_log_components).toEqual(expect.arrayContaining(["apiserver", "kcm", "scheduler"]));
    expect(c.encryption_provider_key).toBeUndefined();
    expect((c.addons as Array<{ name: string }>).map((a) => a.name)).toEqual(["terway-eniip", "csi-plugin", "managed-csiprovisioner", "loongcollector"]);
  });

  test("each default can be turned off, and a KMS key encrypts Secrets", () => {
    const c = one(resources(synthApp((app) => buildScenario(app, withBase(TERWAY_BASE, {
      cluster: {
        apiServerPublicAccess: true, deletionProtection: false, rrsa: false, controlPlaneLogs: false, auditLogs: false,
        secretsEncryptionKeyId: "key-123", proxyMode: ProxyMode.IPTABLES, cni: Cni.terway({ networkPolicy: false, trunk: true }),
      },
    })))), "alicloud_cs_managed_kubernetes");
    expect(c).toMatchObject({ slb_internet_enabled: true, deletion_protection: false, enable_rrsa: false, encryption_provider_key: "key-123", proxy_mode: "iptables" });
    expect(c.audit_log_config).toBeUndefined();
    expect(c.control_plane_log_components).toBeUndefined();
    const addons = c.addons as Array<{ name: string; config?: string }>;
    expect(addons.map((a) => a.name)).toEqual(["terway-controlplane", "terway-eniip", "csi-plugin", "managed-csiprovisioner"]);
    expect(JSON.parse(addons[1].config!)).toEqual({ IPVlan: "false", NetworkPolicy: "false", ENITrunking: "true" });
  });

  test("Flannel: pod CIDR and node CIDR mask from pods per node; no pod vSwitches", () => {
    const res = resources(synthApp((app) => buildScenario(app, withBase(FLANNEL_BASE, { cluster: { cni: Cni.flannel({ podCidr: "172.20.0.0/16", podsPerNode: 128 }), clusterSpec: ClusterSpec.BASIC }, pools: [["p", { instanceTypes: ["ecs.g7.xlarge"], minSize: 1, maxSize: 10 }]] }))));
    const c = one(res, "alicloud_cs_managed_kubernetes");
    expect(c).toMatchObject({ pod_cidr: "172.20.0.0/16", node_cidr_mask: 25, cluster_spec: "ack.standard" });
    expect(c.pod_vswitch_ids).toBeUndefined();
    expect((c.addons as Array<{ name: string }>)[0].name).toBe("flannel");
    expect(Object.keys(res.alicloud_vswitch)).toHaveLength(1);
  });

  test("node pools: autoscaling range or fixed size, zones pick vSwitches, labels and taints", () => {
    const res = resources(synthApp((app) => buildScenario(app, withBase(TERWAY_BASE, {
      pools: [
        ["auto", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 1, maxSize: 9, zones: ["cn-hangzhou-j"], taints: [{ key: "gpu", value: "yes", effect: TaintEffect.NO_SCHEDULE }] }],
        ["fixed", { instanceTypes: ["ecs.g7.4xlarge"], desiredSize: 4, labels: { team: "a" }, kubeletMaxPods: 200 }],
      ],
    }))));
    const pools = Object.values(res.alicloud_cs_kubernetes_node_pool);
    const auto = pools.find((p) => p.node_pool_name === "main-auto")!;
    const fixed = pools.find((p) => p.node_pool_name === "main-fixed")!;
    expect(auto.scaling_config).toEqual({ enable: true, min_size: 1, max_size: 9 });
    expect(auto.desired_size).toBeUndefined();
    expect(auto.vswitch_ids).toEqual([expect.stringMatching(/^\$\{alicloud_vswitch\.net_node-cn-hangzhou-j_[0-9A-F]+\.id\}$/)]);
    expect(auto.taints).toEqual([{ key: "gpu", value: "yes", effect: "NoSchedule" }]);
    expect(fixed.desired_size).toBe("4");
    expect(fixed.labels).toEqual([{ key: "team", value: "a" }]);
    expect(fixed.kubelet_configuration).toEqual({ max_pods: "200" });
    expect((fixed.vswitch_ids as string[]).length).toBe(2);
  });

  test("the capacity plan is data on the construct", () => {
    let cluster: AckCluster | undefined;
    synthApp((app) => { cluster = buildScenario(app, TERWAY_BASE); });
    const plan = cluster!.capacityPlan;
    expect(plan.pools[0]).toMatchObject({ name: "general", podsPerNode: 210, maxNodes: 20 });
    expect(plan.podIpsNeeded).toBe(20 * 210);
    expect(plan.podIpsAvailable).toBe(2 * (8192 - 4));
  });
});
