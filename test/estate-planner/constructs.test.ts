/**
 * The estate planner through the constructs: an App's networks, clusters, pools, links and
 * connections are planned together at `app.synth()`; each cross-resource rule fails with its
 * values and its neighbour passes.
 */
import { App, TerraformStack, TerraformVariable } from "cdktf";
import {
  AckCluster, AckEdgeCluster, AckNetwork, Cni, EdgeCni, EdgeInterconnect, Fleet, HybridConnectivity, HybridLink, HybridLinkProps, NetworkConnection, TerwayMode,
} from "../../lib";
import { generateFleetSpec } from "../../bench/fleet";
import { planCounters } from "../../lib/plan/plan-cluster";
import { CniPlugin } from "../../lib/plan/model";
import { estateCounters } from "../../lib/constructs/estate";
import { AlicloudProvider } from "../../lib/providers/alicloud/provider";
import { synthApp } from "../helpers/synth";

function stack(app: App, name: string): TerraformStack {
  const s = new TerraformStack(app, name);
  new AlicloudProvider(s, "alicloud", { region: "cn-hangzhou" });
  return s;
}

function network(s: TerraformStack, id: string, vpcCidr: string, nodeVSwitchCidrs: string[], podVSwitchCidrs?: string[]): AckNetwork {
  const zones = ["cn-hangzhou-i", "cn-hangzhou-j"].slice(0, nodeVSwitchCidrs.length);
  return new AckNetwork(s, id, { vpcCidr, zones, nodeVSwitchCidrs, podVSwitchCidrs });
}

function link(s: TerraformStack, id: string, net: AckNetwork, dataCenterCidrs: string[], vlanId: number, extra: Partial<HybridLinkProps> = {}): HybridLink {
  return new HybridLink(s, id, {
    network: net, physicalConnectionId: "pc-bp1seed00000000000", accessPointId: "ap-cn-hangzhou-xx-A", vlanId,
    localGatewayIp: "10.254.0.1", peerGatewayIp: "10.254.0.2", peeringSubnetMask: "255.255.255.252",
    bgp: { peerAsn: 65001 }, dataCenterCidrs, ...extra,
  });
}

const errorsOf = (out: { error?: string }) => (out.error ?? "").split("\n").filter((l) => / error /.test(l));

describe("cross-resource rules through app.synth()", () => {
  test("C6: a data-centre range equal to an ACK cluster's VPC fails, even for a non-Edge cluster; a disjoint one passes", () => {
    const build = (dc: string) => synthApp((app) => {
      const s = stack(app, "s");
      const net = network(s, "net", "192.168.0.0/16", ["192.168.0.0/24"], ["192.168.32.0/19"]);
      const c = new AckCluster(s, "ack", { network: net, cni: Cni.terway({ mode: TerwayMode.SHARED_ENI }) });
      c.addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2 });
      link(s, "idc", net, [dc], 100);
    });
    expect(build("192.168.0.0/16").error).toMatch(/C6-data-center-overlap .*VPC net 192\.168\.0\.0\/16 overlaps data-center range idc data centre 192\.168\.0\.0\/16/);
    expect(build("172.16.0.0/16").error).toBeUndefined();
  });

  test("C6: a Flannel pod CIDR equal to the data-centre range fails", () => {
    const build = (pod: string) => synthApp((app) => {
      const s = stack(app, "s");
      const net = network(s, "net", "192.168.0.0/16", ["192.168.0.0/24"]);
      new AckCluster(s, "ack", { network: net, cni: Cni.flannel({ podCidr: pod }) }).addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2 });
      link(s, "idc", net, ["172.16.0.0/16"], 100);
    });
    expect(build("172.16.0.0/16").error).toMatch(/C6-data-center-overlap .*pod CIDR 172\.16\.0\.0\/16 overlaps data-center range idc data centre/);
    expect(build("172.20.0.0/16").error).toBeUndefined();
  });

  test("C10-data-center-duplicate: two VPCs reaching the same data centre with the same VPC CIDR fail; different CIDRs or data centres pass", () => {
    const build = (cidrB: string, dcB: string) => synthApp((app) => {
      const a = stack(app, "a");
      const b = stack(app, "b");
      const netA = network(a, "net", "192.168.0.0/16", ["192.168.0.0/24"]);
      const netB = network(b, "net", cidrB, [cidrB.replace(/\.0\.0\/16$/, ".0.0/24")]);
      new AckCluster(a, "ack", { network: netA, cni: Cni.flannel({ podCidr: "172.20.0.0/16" }), serviceCidr: "172.21.0.0/20" }).addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2 });
      new AckCluster(b, "ack", { network: netB, cni: Cni.flannel({ podCidr: "172.24.0.0/16" }), serviceCidr: "172.25.0.0/20" }).addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2 });
      link(a, "idc", netA, ["172.16.0.0/16"], 100);
      link(b, "idc", netB, [dcB], 101);
    });
    const fail = build("192.168.0.0/16", "172.16.0.0/16");
    expect(errorsOf(fail)).toEqual([expect.stringMatching(/\[b\/net\] error C10-data-center-duplicate \[C-6, I-8, A-VPC-3\] net\.cidr: VPC net 192\.168\.0\.0\/16 overlaps connected-vpc|VPC of net 192\.168\.0\.0\/16/)]);
    expect(build("10.1.0.0/16", "172.16.0.0/16").error).toBeUndefined();
    // Another data centre: the two VPCs never meet, the same CIDR is fine.
    expect(build("192.168.0.0/16", "172.31.0.0/16").error).toBeUndefined();
  });

  test("C10-data-center-duplicate: two Terway Edge clusters reaching the same data centre with the same edge pod CIDR fail", () => {
    const build = (edgeB: string) => synthApp((app) => {
      for (const [name, vpc, edge, vlan, svc] of [["a", "192.168.0.0/16", "10.0.0.0/16", 100, "172.22.0.0/20"], ["b", "10.10.0.0/16", edgeB, 101, "172.23.0.0/20"]] as const) {
        const s = stack(app, name);
        const net = network(s, "net", vpc, [vpc.replace(/0\.0\/16$/, "0.0/24")], [vpc.replace(/0\.0\/16$/, "32.0/19")]);
        const c = new AckEdgeCluster(s, "edge", { network: net, serviceCidr: svc, cni: EdgeCni.terwayEdge({ edgePodCidr: edge, podsPerEdgeNode: 128 }) });
        c.addNodePool("cloud", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2 });
        c.addEdgeNodePool("line", { interconnect: EdgeInterconnect.PRIVATE, desiredSize: 2, createdOutsideTerraform: true });
        link(s, "idc", net, ["172.16.0.0/16"], vlan);
      }
    });
    expect(build("10.0.0.0/16").error).toMatch(/C10-data-center-duplicate .*edge\.cni\.edgePodCidr: edge pod CIDR 10\.0\.0\.0\/16 of edge overlaps edge edge pods 10\.0\.0\.0\/16, and both networks reach the same data centre/);
    expect(errorsOf(build("10.0.0.0/16"))).toHaveLength(1);
    expect(build("10.1.0.0/16").error).toBeUndefined();
  });

  test("I7: a Terway Edge cluster's edge pod CIDR is routed on its network's link without being listed, in either creation order", () => {
    for (const linkFirst of [true, false]) {
      const out = synthApp((app) => {
        const s = stack(app, "s");
        const net = network(s, "net", "192.168.0.0/16", ["192.168.0.0/24"], ["192.168.32.0/19"]);
        const ri = { connectivity: HybridConnectivity.ROUTER_INTERFACE };
        if (linkFirst) link(s, "idc", net, ["172.16.0.0/16"], 100, ri);
        const c = new AckEdgeCluster(s, "edge", { network: net, serviceCidr: "172.22.0.0/20", cni: EdgeCni.terwayEdge({ edgePodCidr: "10.0.0.0/16", podsPerEdgeNode: 128 }) });
        c.addNodePool("cloud", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2 });
        c.addEdgeNodePool("line", { interconnect: EdgeInterconnect.PRIVATE, desiredSize: 2, createdOutsideTerraform: true });
        if (!linkFirst) link(s, "idc", net, ["172.16.0.0/16"], 100, ri);
      });
      expect(out.error).toBeUndefined();
      const routes = Object.values((out.stacks.s.resource as Record<string, Record<string, { destination_cidrblock: string }>>).alicloud_route_entry).map((r) => r.destination_cidrblock);
      expect(routes).toContain("10.0.0.0/16");
      expect(out.infos.find((m) => m.includes("I7-hybrid-routes"))).toMatch(/vpc 10\.0\.0\.0\/16 -> vbr/);
    }
  });

  test("F1-node-vswitch-shared: two Terway clusters that can each grow to 200 nodes on one /24 fail; 120 each pass", () => {
    const build = (max: number) => synthApp((app) => {
      const s = stack(app, "s");
      const net = network(s, "net", "192.168.0.0/16", ["192.168.0.0/24"], ["192.168.32.0/19"]);
      for (const [name, svc] of [["a", "172.21.0.0/20"], ["b", "172.22.0.0/20"]]) {
        new AckCluster(s, name, { network: net, serviceCidr: svc, cni: Cni.terway({ mode: TerwayMode.SHARED_ENI }) })
          .addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 1, maxSize: max });
      }
    });
    expect(build(200).error).toMatch(/F1-node-vswitch-shared .*net\.nodeVSwitches\[node-cn-hangzhou-i\]: node vSwitch node-cn-hangzhou-i 192\.168\.0\.0\/24 \(cn-hangzhou-i\) has 252 usable addresses, but the clusters using it can grow to 400 nodes there \(a 200, b 200\)/);
    expect(build(120).error ?? "").not.toMatch(/F1-node-vswitch-shared/);
  });

  test("D7-vpc-route-quota and F1-node-vswitch-shared: two 150-node Flannel clusters in one VPC fail; 90 each pass", () => {
    const build = (max: number) => synthApp((app) => {
      const s = stack(app, "s");
      const net = network(s, "net", "192.168.0.0/16", ["192.168.0.0/24"]);
      for (const [name, pod, svc] of [["a", "172.20.0.0/16", "172.21.0.0/20"], ["b", "172.24.0.0/16", "172.25.0.0/20"]]) {
        new AckCluster(s, name, { network: net, serviceCidr: svc, cni: Cni.flannel({ podCidr: pod }) })
          .addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 1, maxSize: max });
      }
    });
    const fail = build(150);
    expect(fail.error).toMatch(/D7-vpc-route-quota .*net\.routeTable: the Flannel clusters of VPC net can grow to 300 nodes together \(a 150, b 150\); .* quota is 200 \(the default\)/);
    expect(fail.error).toMatch(/F1-node-vswitch-shared .*can grow to 300 nodes there/);
    const pass = build(90);
    expect(pass.error ?? "").not.toMatch(/D7-vpc-route-quota|F1-node-vswitch-shared/);
  });

  test("F1-pod-vswitch-shared: Terway clusters starting with more pods than their shared pod vSwitch holds fail; fewer pass", () => {
    const build = (min: number) => synthApp((app) => {
      const s = stack(app, "s");
      const net = network(s, "net", "192.168.0.0/16", ["192.168.0.0/20"], ["192.168.32.0/22"]);
      for (const [name, svc] of [["a", "172.21.0.0/20"], ["b", "172.22.0.0/20"]]) {
        new AckCluster(s, name, { network: net, serviceCidr: svc, cni: Cni.terway({ mode: TerwayMode.SHARED_ENI }) })
          // ecs.c7.4xlarge: (8-1) x 30 = 210 pods per node; /22 = 1,020 usable addresses.
          .addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], minSize: min, maxSize: min });
      }
    });
    expect(build(3).error).toMatch(/F1-pod-vswitch-shared .*pod vSwitch pod-cn-hangzhou-i 192\.168\.32\.0\/22 \(cn-hangzhou-i\) has 1,020 usable addresses, but the Terway clusters using it start with 1,260 pods there \(a 630, b 630\)/);
    expect(build(2).error ?? "").not.toMatch(/F1-pod-vswitch-shared/);
  });

  test("F1-pod-vswitch-shared-headroom: the pools' maximum sizes together exceed the shared pod vSwitch (warning)", () => {
    const build = (max: number) => synthApp((app) => {
      const s = stack(app, "s");
      const net = network(s, "net", "192.168.0.0/16", ["192.168.0.0/20"], ["192.168.32.0/22"]);
      for (const [name, svc] of [["a", "172.21.0.0/20"], ["b", "172.22.0.0/20"]]) {
        new AckCluster(s, name, { network: net, serviceCidr: svc, cni: Cni.terway({ mode: TerwayMode.SHARED_ENI }) })
          .addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 1, maxSize: max });
      }
    });
    const warn = build(3);
    expect(warn.error).toBeUndefined();
    expect(warn.warnings.find((w) => w.includes("F1-pod-vswitch-shared-headroom"))).toMatch(/can grow to 1,260 pods there \(a 630, b 630\)/);
    expect(build(2).warnings.find((w) => w.includes("F1-pod-vswitch-shared-headroom"))).toBeUndefined();
  });

  test("C5 through a NetworkConnection: connected VPCs with the same CIDR fail, unconnected ones pass", () => {
    const build = (connect: boolean) => synthApp((app) => {
      const nets = ["a", "b"].map((name, i) => {
        const s = stack(app, name);
        const net = network(s, "net", "10.1.0.0/16", ["10.1.0.0/24"]);
        new AckCluster(s, "ack", { network: net, cni: Cni.flannel({ podCidr: `172.${20 + i}.0.0/16` }), serviceCidr: `172.${24 + i}.0.0/20` }).addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2 });
        return net;
      });
      if (connect) new NetworkConnection(app, "cen", { networks: nets });
    });
    expect(build(true).error).toMatch(/C5-connected-overlap .*VPC net 10\.1\.0\.0\/16 overlaps connected-vpc range VPC of net 10\.1\.0\.0\/16/);
    expect(build(false).error).toBeUndefined();
  });
});

describe("no silent rewriting", () => {
  const flannel = (podsPerNode: number, exclusiveEni?: boolean) => synthApp((app) => {
    const s = stack(app, "s");
    const net = network(s, "net", "192.168.0.0/16", ["192.168.0.0/24"]);
    new AckCluster(s, "ack", { network: net, cni: Cni.flannel({ podCidr: "172.20.0.0/16", podsPerNode }) })
      .addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2, exclusiveEni });
  });

  test("D1: Flannel pods per node 90 and 300 are refused naming the allowed values; 64 and 256 pass", () => {
    expect(flannel(90).error).toMatch(/D1-node-cidr-mask .*Flannel pods per node 90 is not allowed; use 16, 32, 64, 128 or 256/);
    expect(flannel(300).error).toMatch(/D1-node-cidr-mask .*Flannel pods per node 300 is not allowed; .*256 is Flannel's cap/);
    expect(flannel(64).error).toBeUndefined();
    expect(flannel(256).error).toBeUndefined();
  });

  test("D8: exclusive ENI on a Flannel pool is refused; the same pool without it passes", () => {
    expect(flannel(64, true).error).toMatch(/D8-terway-only-feature .*exclusive ENI \(pool p\) is a Terway feature/);
    expect(flannel(64, false).error).toBeUndefined();
  });

  test("F1-node-vswitch-capacity runs for Flannel: 300 nodes on one /24 fail", () => {
    const build = (max: number) => synthApp((app) => {
      const s = stack(app, "s");
      const net = network(s, "net", "192.168.0.0/16", ["192.168.0.0/24"]);
      new AckCluster(s, "ack", { network: net, cni: Cni.flannel({ podCidr: "172.20.0.0/16" }), nodeQuota: 1000, routeTableQuota: 1000 })
        .addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 1, maxSize: max });
    });
    expect(build(300).error).toMatch(/F1-node-vswitch-capacity .*252 usable addresses but the pools can grow to 300 nodes/);
    expect(build(250).error).toBeUndefined();
  });

  test("G7: six zones pass (the control plane takes the first five); controlPlaneZones picks them", () => {
    const zones = ["a", "b", "c", "d", "e", "f"].map((z) => `cn-hangzhou-${z}`);
    const build = (controlPlaneZones?: string[]) => synthApp((app) => {
      const s = stack(app, "s");
      const net = new AckNetwork(s, "net", { vpcCidr: "192.168.0.0/16", zones, nodeVSwitchCidrs: zones.map((_, i) => `192.168.${i}.0/24`) });
      new AckCluster(s, "ack", { network: net, cni: Cni.flannel({ podCidr: "172.20.0.0/16" }), controlPlaneZones })
        .addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 6 });
    });
    const ok = build();
    expect(ok.error).toBeUndefined();
    const cluster = Object.values((ok.stacks.s.resource as Record<string, Record<string, { vswitch_ids: string[] }>>).alicloud_cs_managed_kubernetes)[0];
    expect(cluster.vswitch_ids).toHaveLength(5);
    expect(build(zones.slice(1)).error).toBeUndefined();
    expect(build(zones).error).toMatch(/G7-control-plane-vswitches .*6 node vSwitches given to the control plane \(vswitch_ids\); it takes 1 to 5: choose at most 5 zones with controlPlaneZones/);
  });

  test("T0: a TerraformVariable maxSize skips the checks it feeds with a warning instead of failing", () => {
    const out = synthApp((app) => {
      const s = stack(app, "s");
      const net = network(s, "net", "192.168.0.0/16", ["192.168.0.0/24"], ["192.168.32.0/19"]);
      const max = new TerraformVariable(s, "max_nodes", { type: "number" });
      new AckCluster(s, "ack", { network: net, cni: Cni.terway({ mode: TerwayMode.SHARED_ENI }) })
        .addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 2, maxSize: max.numberValue });
    });
    expect(out.error).toBeUndefined();
    expect(out.warnings.find((w) => w.includes("T0-unresolved-token"))).toMatch(/ack\.nodePools\[p\]\.maxSize/);
  });
});

describe("plan once", () => {
  test("an App's estate is planned once per synth, however many constructs read it", () => {
    const before = estateCounters.plans;
    synthApp((app) => {
      const s = stack(app, "s");
      const net = network(s, "net", "192.168.0.0/16", ["192.168.0.0/24", "192.168.1.0/24"], ["192.168.32.0/19", "192.168.64.0/19"]);
      for (const [name, svc] of [["a", "172.21.0.0/20"], ["b", "172.22.0.0/20"], ["c", "172.23.0.0/20"]]) {
        new AckCluster(s, name, { network: net, serviceCidr: svc, cni: Cni.terway({ mode: TerwayMode.SHARED_ENI }) }).addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2 });
      }
      link(s, "idc", net, ["172.16.0.0/16"], 100);
    });
    expect(estateCounters.plans - before).toBe(1);
  });
});

describe("plan once inside a Fleet", () => {
  test("each cluster of a Fleet is planned once in total (the fleet plan), not again by its construct", () => {
    const before = planCounters.clusters;
    const out = synthApp((app) => {
      new Fleet(app, "fleet", { spec: generateFleetSpec(12), writeLock: false });
    });
    expect(out.error).toBeUndefined();
    expect(planCounters.clusters - before).toBe(12);
  });
});

describe("a hand-written cluster in a Fleet's network", () => {
  test("joins the App's estate with that network: planned, no crash, clashes found", () => {
    const build = (podCidr: string) => synthApp((app) => {
      const fleet = new Fleet(app, "fleet", { spec: generateFleetSpec(2), writeLock: false });
      const net = fleet.clusters.c0000.network;
      const s = stack(app, "extra");
      new AckCluster(s, "extra", { network: net, serviceCidr: "172.31.0.0/20", cni: Cni.flannel({ podCidr }) })
        .addNodePool("p", { instanceTypes: ["ecs.g7.xlarge"], desiredSize: 2 });
    });
    expect(build("172.20.0.0/16").error).toBeUndefined();
    const vpc = generateFleetSpec(2); // the VPC comes from the pool 10.0.0.0/9: a pod CIDR there clashes
    expect(vpc.pools?.vpc).toEqual(["10.0.0.0/9"]);
    expect(build("10.0.0.0/16").error).toMatch(/C1-pod-cidr-overlap/);
  });

  test("a network connected to a Fleet's network is checked against it; the fleet's clusters are not planned again", () => {
    const build = (vpcCidr: string) => {
      const before = planCounters.clusters;
      const out = synthApp((app) => {
        const fleet = new Fleet(app, "fleet", { spec: generateFleetSpec(3), writeLock: false });
        const fleetNet = fleet.clusters.c0000.network;
        const s = stack(app, "mine");
        const net = network(s, "net", vpcCidr, [vpcCidr.replace(/\/\d+$/, "/24")]);
        new AckCluster(s, "mine", { network: net, serviceCidr: "172.31.0.0/20", cni: Cni.flannel({ podCidr: "172.30.0.0/16" }) })
          .addNodePool("p", { instanceTypes: ["ecs.g7.xlarge"], desiredSize: 2 });
        new NetworkConnection(app, "cen", { networks: [fleetNet, net] });
      });
      return { out, plans: planCounters.clusters - before };
    };
    expect(generateFleetSpec(3).pools?.vpc).toEqual(["10.0.0.0/9"]); // the fleet's VPCs come from here
    const clash = build("10.0.0.0/16");
    expect(clash.out.error).toMatch(/\[mine\/mine\] error C5-connected-overlap .*mine\.vpc\.cidr: VPC net 10\.0\.0\.0\/16 overlaps connected-vpc range VPC of s0 10\.0\.0\.0\/24/);
    expect(clash.plans).toBe(3 + 1); // the fleet's 3 clusters once (fleet plan), the hand-written one once
    expect(build("192.168.0.0/16").out.error).toBeUndefined();
  });

  test("the spec's connections between the fleet's networks join the App's estate", () => {
    // Fleet clusters a and b in their own VPCs; a hand-written cluster in a's network uses b's
    // VPC range as its pod CIDR. With the spec's CEN connection between a and b, that clashes.
    const build = (connected: boolean) => synthApp((app) => {
      const fleet = new Fleet(app, "fleet", {
        writeLock: false,
        spec: {
          region: "cn-hangzhou",
          clusters: [
            { name: "a", cni: { plugin: CniPlugin.FLANNEL, podCidr: "172.20.0.0/16" }, serviceCidr: "172.21.0.0/20", zones: ["cn-hangzhou-i"], vpc: { cidr: "10.0.0.0/16" }, nodePools: [{ name: "p", instanceType: "ecs.g7.xlarge", min: 1, max: 3 }] },
            { name: "b", cni: { plugin: CniPlugin.FLANNEL, podCidr: "172.22.0.0/16" }, serviceCidr: "172.23.0.0/20", zones: ["cn-hangzhou-i"], vpc: { cidr: "10.1.0.0/16" }, nodePools: [{ name: "p", instanceType: "ecs.g7.xlarge", min: 1, max: 3 }] },
          ],
          ...(connected ? { connections: [{ name: "cen", vpcs: ["a", "b"] }] } : {}),
        },
      });
      const s = stack(app, "mine");
      new AckCluster(s, "mine", { network: fleet.clusters.a.network, serviceCidr: "172.31.0.0/20", cni: Cni.flannel({ podCidr: "10.1.0.0/16" }) })
        .addNodePool("p", { instanceTypes: ["ecs.g7.xlarge"], desiredSize: 2 });
    });
    expect(errorsOf(build(true)).join("\n")).toMatch(/\[mine\/mine\] error C\S+ .*mine\.\S*podCidr.*10\.1\.0\.0\/16/);
    expect(build(false).error).toBeUndefined();
  });
});
