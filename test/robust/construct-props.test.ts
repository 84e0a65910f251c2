/**
 * Issue 9's minimal construct cases: every bad prop is a finding at `app.synth()` (rule id,
 * property path, value), all listed at once; never a raw CidrError / TypeError / Error.
 * Each case has its passing neighbour.
 */
import { App, TerraformStack } from "cdktf";
import { AckCluster, AckNetwork, ClusterSpec, Cni, HybridConnectivity, HybridLink } from "../../lib";
import { AlicloudProvider } from "../../lib/providers/alicloud/provider";
import { FLANNEL_BASE, Scenario, TERWAY_BASE, buildScenario, withBase } from "../helpers/scenarios";
import { synthApp } from "../helpers/synth";

/** A validation failure lists findings; a raw exception has none of this shape. */
function expectFindings(error: string | undefined, ...patterns: RegExp[]): void {
  expect(error).toBeDefined();
  expect(error).toMatch(/Validation failed/);
  expect(error).not.toMatch(/TypeError|RangeError|CidrError|Cannot read properties|\n\s+at /);
  for (const p of patterns) expect(error).toMatch(p);
}

function network(app: App, props: Partial<ConstructorParameters<typeof AckNetwork>[2]>): AckNetwork {
  const stack = new TerraformStack(app, "s");
  new AlicloudProvider(stack, "p", { region: "cn-hangzhou" });
  return new AckNetwork(stack, "net", { zones: ["cn-hangzhou-i"], ...props });
}

describe("construct props: findings, never exceptions", () => {
  const cases: Array<[string, Scenario, Scenario, RegExp[]]> = [
    ["zones: []", { network: { zones: [], nodeVSwitchCidrs: [], podVSwitchCidrs: [] } }, {}, [/N6-zones \[[^\]]*\] net\.zones: no zones/]],
    ["duplicate zones", { network: { zones: ["cn-hangzhou-i", "cn-hangzhou-i"], nodeVSwitchCidrs: undefined, podVSwitchCidrs: undefined } }, { network: { zones: ["cn-hangzhou-i", "cn-hangzhou-j"], nodeVSwitchCidrs: undefined, podVSwitchCidrs: undefined } }, [/N6-zones \[[^\]]*\] net\.zones\[1\]: zone cn-hangzhou-i is listed twice/]],
    ["expectedNodes: 1e10", { network: { expectedNodes: 1e10, nodeVSwitchCidrs: undefined, podVSwitchCidrs: undefined } }, { network: { expectedNodes: 100, nodeVSwitchCidrs: undefined, podVSwitchCidrs: undefined } }, [/N5-size-range \[[^\]]*\] net\.expectedNodes: 10,000,000,000 expected nodes/]],
    ["expectedPodsPerNode: NaN", { network: { expectedPodsPerNode: NaN, nodeVSwitchCidrs: undefined, podVSwitchCidrs: undefined } }, { network: { expectedPodsPerNode: 32, nodeVSwitchCidrs: undefined, podVSwitchCidrs: undefined } }, [/N5-size-range \[[^\]]*\] net\.expectedPodsPerNode: expectedPodsPerNode is NaN/]],
    ["negative expectedNodes", { network: { expectedNodes: -5, nodeVSwitchCidrs: undefined, podVSwitchCidrs: undefined } }, { network: { expectedNodes: 5, nodeVSwitchCidrs: undefined, podVSwitchCidrs: undefined } }, [/N5-size-range \[[^\]]*\] net\.expectedNodes: expectedNodes is -5/]],
    ["nodeVSwitchCidrs with host bits on Terway", { network: { nodeVSwitchCidrs: ["192.168.0.1/24", "192.168.1.0/24"], podVSwitchCidrs: undefined } }, { network: { nodeVSwitchCidrs: ["192.168.0.0/24", "192.168.1.0/24"], podVSwitchCidrs: undefined } }, [/A0-invalid-cidr .*192\.168\.0\.1\/24 has host bits set/]],
    ["negative podsPerNode on a Terway pool", { pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 3, maxSize: 20, podsPerNode: -15 }]] }, { pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 3, maxSize: 20, podsPerNode: 15 }]] }, [/N5-size-range \[[^\]]*\] main\.nodePools\[general\]\.podsPerNode: podsPerNode is -15/]],
    ["label and taint key 'bad key!!'", { pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 3, labels: { "bad key!!": "x" }, taints: [{ key: "bad key!!", effect: "NoSchedule" as never }] }]] }, { pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 3, labels: { "example.com/role": "x" }, taints: [{ key: "example.com/role", effect: "NoSchedule" as never }] }]] }, [/N3-label-syntax .*label key "bad key!!"/, /N3-label-syntax .*taint key "bad key!!"/]],
    ["system disk 1e15 GiB", { pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 3, systemDiskSize: 1e15 }]] }, { pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 3, systemDiskSize: 2048 }]] }, [/N4-disk .*system disk size 1000000000000000 GiB/]],
    ["an 8 MB tag value", { cluster: { tags: { team: "x".repeat(8_000_000) } } }, { cluster: { tags: { team: "x".repeat(128) } } }, [/N2-tag .*main\.tags\["team"\]: tag value .*8,000,002 characters/]],
  ];

  test.each(cases)("%s", (_name, fail, pass, patterns) => {
    const bad = synthApp((app) => buildScenario(app, withBase(TERWAY_BASE, fail)));
    expectFindings(bad.error, ...patterns);
    const good = synthApp((app) => buildScenario(app, withBase(TERWAY_BASE, pass)));
    expect(good.error).toBeUndefined();
  });

  test("every bad prop is listed at once", () => {
    const out = synthApp((app) => buildScenario(app, withBase(TERWAY_BASE, {
      network: { zones: ["cn-hangzhou-i", "cn-hangzhou-i"], expectedNodes: -1, expectedPodsPerNode: NaN, nodeVSwitchCidrs: undefined, podVSwitchCidrs: undefined },
      pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 3, podsPerNode: -15, systemDiskSize: 1e15 }]],
    })));
    expectFindings(out.error, /N6-zones/, /N5-size-range .*expectedNodes/, /N5-size-range .*expectedPodsPerNode/, /N5-size-range .*podsPerNode/, /N4-disk/);
  });

  test("Flannel with a bad node vSwitch CIDR is the same A0 finding", () => {
    const out = synthApp((app) => buildScenario(app, withBase(FLANNEL_BASE, { network: { nodeVSwitchCidrs: ["192.168.0.1/24"] } })));
    expectFindings(out.error, /A0-invalid-cidr .*192\.168\.0\.1\/24 has host bits set/);
  });

  test("an AckNetwork with no cluster checks its own CIDRs (no cidr_block 10.0.0.0/33)", () => {
    const bad = synthApp((app) => network(app, { vpcCidr: "10.0.0.0/33", nodeVSwitchCidrs: ["10.0.0.0/24"] }));
    expectFindings(bad.error, /A0-invalid-cidr \[[^\]]*\] net\.vpcCidr: .*10\.0\.0\.0\/33/);
    const carved = synthApp((app) => network(app, { vpcCidr: "10.0.0.0/33" }));
    expectFindings(carved.error, /A0-invalid-cidr \[[^\]]*\] net\.vpcCidr/);
    const good = synthApp((app) => network(app, { vpcCidr: "10.0.0.0/16" }));
    expect(good.error).toBeUndefined();
  });

  test("vSwitch CIDR lists of the wrong length are a finding", () => {
    const bad = synthApp((app) => network(app, { zones: ["cn-hangzhou-i", "cn-hangzhou-j"], nodeVSwitchCidrs: ["192.168.0.0/24"] }));
    expectFindings(bad.error, /S5-conflicting-fields net\.nodeVSwitchCidrs: nodeVSwitchCidrs has 1 entries but there are 2 zones/);
  });

  test("ClusterSpec.of with an unlisted spec is a warning; the known specs are not", () => {
    const warned = synthApp((app) => buildScenario(app, withBase(TERWAY_BASE, { cluster: { clusterSpec: ClusterSpec.of("ack.pro.smal") } })));
    expect(warned.error).toBeUndefined();
    expect(warned.warnings.join("\n")).toMatch(/N1-cluster-spec-unlisted .*"ack\.pro\.smal"/);
    const known = synthApp((app) => buildScenario(app, withBase(TERWAY_BASE, { cluster: { clusterSpec: ClusterSpec.of("ack.pro.xlarge") } })));
    expect(known.warnings.join("\n")).not.toMatch(/N1-cluster-spec/);
  });

  test("HybridLink with peering mask 255.255.255.255 is a J2 finding, not an address-space error", () => {
    const build = (mask: string) => synthApp((app) => {
      const stack = new TerraformStack(app, "s");
      new AlicloudProvider(stack, "p", { region: "cn-hangzhou" });
      const net = new AckNetwork(stack, "net", { zones: ["cn-hangzhou-i"], vpcCidr: "192.168.0.0/16", nodeVSwitchCidrs: ["192.168.0.0/24"] });
      new AckCluster(stack, "c", { network: net, cni: Cni.flannel({ podCidr: "172.20.0.0/16" }), serviceCidr: "172.21.0.0/20" });
      new HybridLink(stack, "link", {
        network: net, physicalConnectionId: "pc-1", vlanId: 100, localGatewayIp: "255.255.255.254", peerGatewayIp: "255.255.255.255", peeringSubnetMask: mask,
        bgp: { peerAsn: 65001 }, dataCenterCidrs: ["10.10.0.0/16"], accessPointId: "ap-1",
      });
    });
    const bad = build("255.255.255.255");
    expectFindings(bad.error, /J2-gateway-subnet .*not in one \/32 subnet/);
    expect(bad.error).not.toMatch(/outside the IPv4 address space/);
  });

  test("a node pool name given twice is S2, not a construct-name collision", () => {
    const twice = synthApp((app) => {
      const c = buildScenario(app, withBase(TERWAY_BASE, {}));
      c.addNodePool("general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2 });
    });
    expectFindings(twice.error, /S2-duplicate-name main\.nodePools\[general\]: a node pool named general is already in cluster main/);
    const once = synthApp((app) => {
      const c = buildScenario(app, withBase(TERWAY_BASE, {}));
      c.addNodePool("other", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2 });
    });
    expect(once.error).toBeUndefined();
  });

  test("HybridLink on an adopted VPC without router ids is S6 at synth; with them it synthesizes", () => {
    const build = (ids: { vpcRouterId?: string; vpcRouteTableId?: string }) => synthApp((app) => {
      const stack = new TerraformStack(app, "s");
      new AlicloudProvider(stack, "p", { region: "cn-hangzhou" });
      const net = AckNetwork.fromExisting(stack, "net", { vpcId: "vpc-1", vpcCidr: "192.168.0.0/16", nodeVSwitches: [{ id: "vsw-1", zone: "cn-hangzhou-i", cidr: "192.168.0.0/24" }] });
      new AckCluster(stack, "c", { network: net, cni: Cni.flannel({ podCidr: "172.20.0.0/16" }), serviceCidr: "172.21.0.0/20" });
      new HybridLink(stack, "link", {
        network: net, physicalConnectionId: "pc-1", vlanId: 100, localGatewayIp: "10.254.0.1", peerGatewayIp: "10.254.0.2", peeringSubnetMask: "255.255.255.252",
        bgp: { peerAsn: 65001 }, dataCenterCidrs: ["10.10.0.0/16"], accessPointId: "ap-1", connectivity: HybridConnectivity.ROUTER_INTERFACE, ...ids,
      });
    });
    expectFindings(build({}).error, /S6-missing-field link\.vpcRouterId: the network's VPC was adopted/, /S6-missing-field link\.vpcRouteTableId/);
    expect(build({ vpcRouterId: "vrt-1", vpcRouteTableId: "vtb-1" }).error).toBeUndefined();
  });

  test("router-interface HybridLink with no region anywhere is S6 at synth (was an Error thrown while resolving)", () => {
    const build = (providerRegion: string | undefined, linkRegion: string | undefined) => synthApp((app) => {
      const stack = new TerraformStack(app, "s");
      new AlicloudProvider(stack, "p", providerRegion !== undefined ? { region: providerRegion } : {});
      const net = new AckNetwork(stack, "net", { vpcCidr: "192.168.0.0/16", zones: ["cn-hangzhou-i"] });
      new AckCluster(stack, "c", { network: net, cni: Cni.flannel({ podCidr: "172.20.0.0/16" }), serviceCidr: "172.21.0.0/20" });
      new HybridLink(stack, "link", {
        network: net, physicalConnectionId: "pc-1", vlanId: 100, localGatewayIp: "10.254.0.1", peerGatewayIp: "10.254.0.2", peeringSubnetMask: "255.255.255.252",
        bgp: { peerAsn: 65001 }, dataCenterCidrs: ["10.10.0.0/16"], accessPointId: "ap-1", connectivity: HybridConnectivity.ROUTER_INTERFACE,
        ...(linkRegion !== undefined ? { region: linkRegion } : {}),
      });
    });
    expectFindings(build(undefined, undefined).error, /S6-missing-field link\.region: router-interface connectivity needs the region/);
    expect(build(undefined, "cn-hangzhou").error).toBeUndefined();
    const fromProvider = build("cn-hangzhou", undefined);
    expect(fromProvider.error).toBeUndefined();
    const ri = Object.values((fromProvider.stacks.s.resource as Record<string, Record<string, Record<string, unknown>>>).alicloud_express_connect_router_interface)[0];
    expect(ri.opposite_region_id).toBe("cn-hangzhou");
  });
});
