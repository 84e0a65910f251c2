/**
 * planEstate as a pure function: connected domains, comparisons per domain only (issue 9:
 * isolated VPCs are never paired), and the cross-resource rules.
 */
import { buildDomains } from "../../lib/plan/estate/domains";
import { EstateCluster, EstateInput, EstateLink, EstateVpc } from "../../lib/plan/estate/model";
import { planEstate } from "../../lib/plan/estate/plan-estate";
import { DEFAULT_LOCAL_ASN, HybridConnectivity } from "../../lib/plan/hybrid";
import { ClusterPlanInput, ClusterProfile, CniPlugin, IpStack, NodePoolKind } from "../../lib/plan/model";
import { checkSpecObject } from "../../lib/spec/check-spec";
import { generateIsolatedSpec } from "../../bench/fleet";

function vpc(key: string, cidr = "192.168.0.0/16", node = "192.168.0.0/24"): EstateVpc {
  return { key, name: key, path: key, cidr, existing: false, ipv6: false, nodeVSwitches: [{ name: "node-z1", zone: "z1", cidr: node }], podVSwitches: [] };
}

function flannel(name: string, vpcKey: string, max = 3, over: Partial<ClusterPlanInput> = {}): EstateCluster {
  const input: ClusterPlanInput = {
    name, profile: ClusterProfile.DEFAULT, clusterSpec: "ack.pro.small", ipStack: IpStack.IPV4,
    vpc: { name: vpcKey, existing: false, ipv6: false }, nodeVSwitches: [], podVSwitches: [],
    serviceCidr: "172.21.0.0/20",
    cni: { plugin: CniPlugin.FLANNEL, podCidr: "172.20.0.0/16", nodeCidrMask: 26, podsPerNode: 64, networkPolicy: false, dataPathV2: false, trunk: false, ipvlan: false },
    nodePools: [{ name: "p", kind: NodePoolKind.CLOUD, instanceTypes: ["ecs.g7.xlarge"], minNodes: 1, maxNodes: max, zones: ["z1"] }],
    externalRanges: [], enterpriseSecurityGroup: true, ...over,
  };
  return { key: name, vpc: vpcKey, input };
}

function link(key: string, vpcKey: string, dc: string[], vlanId: number): EstateLink {
  return {
    key, vpc: vpcKey,
    input: {
      name: key, physicalConnectionId: "pc-1", vbr: { vlanId, localGatewayIp: "10.254.0.1", peerGatewayIp: "10.254.0.2", peeringSubnetMask: "255.255.255.252" },
      cloudPodCidrs: [], edgePodCidrs: [], dataCenterCidrs: dc, bgp: { localAsn: DEFAULT_LOCAL_ASN, peerAsn: 65001, peerIps: ["10.254.0.2"], advertise: [] },
      connectivity: HybridConnectivity.ROUTER_INTERFACE, hasAccessPoint: true, hasVbrRouteTable: true, siblings: [],
    },
  };
}

const estate = (over: Partial<EstateInput>): EstateInput => ({ vpcs: [], clusters: [], links: [], connections: [], ...over });
const errorIds = (e: EstateInput) => planEstate(e).findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.path}`);

describe("connected domains", () => {
  test("connections and shared data centres join VPCs into domains; groups are not transitive", () => {
    const input = estate({
      vpcs: ["a", "b", "c", "d", "e"].map((k) => vpc(k)),
      connections: [{ name: "cen1", vpcs: ["a", "b"], externalCidrs: [] }, { name: "cen2", vpcs: ["b", "c"], externalCidrs: [] }],
      links: [link("l-d", "d", ["172.16.0.0/16"], 100), link("l-e", "e", ["172.16.128.0/17"], 101)],
    });
    const d = buildDomains(input);
    expect(d.count).toBe(2);
    expect(d.domainOf[0]).toBe(d.domainOf[2]);
    expect(d.domainOf[3]).toBe(d.domainOf[4]);
    expect(d.linkGroup[0]).toBe(d.linkGroup[1]);
    // a and c share a domain but no group: their equal VPC CIDRs never meet.
    const planned = planEstate({ ...input, clusters: [flannel("ca", "a", 3, { serviceCidr: "172.21.0.0/20" }), flannel("cc", "c", 3, { serviceCidr: "172.22.0.0/20", cni: { ...flannel("x", "c").input.cni, podCidr: "172.24.0.0/16" } })] });
    const c5 = planned.findings.filter((f) => f.ruleId === "C5-connected-overlap");
    expect(c5.length).toBeGreaterThan(0); // a-b and c-b do clash
    expect(c5.filter((f) => (f.path.startsWith("ca.") && f.message.includes("of c")) || (f.path.startsWith("cc.") && f.message.includes("of a")))).toEqual([]);
  });

  test("equal ranges in isolated VPCs are never compared; connecting two of them makes one C5 per clash", () => {
    const isolated = estate({ vpcs: [vpc("a"), vpc("b"), vpc("c")], clusters: [flannel("ca", "a"), flannel("cb", "b"), flannel("cc", "c")] });
    const planned = planEstate(isolated);
    expect(planned.stats).toMatchObject({ domains: 3, crossVpcPairs: 0, overlapPairs: 0, clusterPlans: 3 });
    expect(errorIds(isolated)).toEqual([]);
    const joined = { ...isolated, connections: [{ name: "cen", vpcs: ["a", "b"], externalCidrs: [] }] };
    expect(planEstate(joined).stats.domains).toBe(2);
    expect(planEstate(joined).stats.crossVpcPairs).toBe(3); // VPC, pod and service CIDRs of a and b
    expect(errorIds(joined).sort()).toEqual([
      "C5-connected-overlap cb.cni.podCidr", "C5-connected-overlap cb.nodeVSwitches[node-z1].cidr", "C5-connected-overlap cb.serviceCidr", "C5-connected-overlap cb.vpc.cidr",
    ]);
  });
});

describe("cross-resource rules", () => {
  test("C6 for an ACK cluster: its VPC equals the data-centre range of its VPC's link; a disjoint range passes", () => {
    const make = (dc: string) => estate({ vpcs: [vpc("a")], clusters: [flannel("ca", "a")], links: [link("l", "a", [dc], 100)] });
    expect(errorIds(make("192.168.0.0/16"))).toEqual(expect.arrayContaining(["C6-data-center-overlap ca.vpc.cidr"]));
    expect(errorIds(make("172.16.0.0/16"))).toEqual([]);
  });

  test("C6 for a VPC without clusters is reported on the VPC", () => {
    const make = (dc: string) => estate({ vpcs: [vpc("a")], links: [link("l", "a", [dc], 100)] });
    expect(errorIds(make("192.168.0.0/16"))).toEqual(["C6-data-center-overlap a.cidr"]);
    expect(errorIds(make("172.16.0.0/16"))).toEqual([]);
  });

  test("C10: two VPCs reaching the same data centre may not share a VPC CIDR; reported once, on the later VPC", () => {
    const make = (cidrB: string, dcB: string) => estate({
      vpcs: [vpc("a"), vpc("b", cidrB, cidrB.replace(/\.0\.0\/16$/, ".0.0/24"))],
      clusters: [flannel("ca", "a"), flannel("cb", "b", 3, { serviceCidr: "172.22.0.0/20", cni: { ...flannel("x", "b").input.cni, podCidr: "172.24.0.0/16" } })],
      links: [link("la", "a", ["172.16.0.0/16"], 100), link("lb", "b", [dcB], 101)],
    });
    expect(errorIds(make("192.168.0.0/16", "172.16.0.0/16"))).toEqual(["C10-data-center-duplicate b.cidr"]);
    expect(errorIds(make("10.1.0.0/16", "172.16.0.0/16"))).toEqual([]);
    expect(errorIds(make("192.168.0.0/16", "172.31.0.0/16"))).toEqual([]);
  });

  test("D7: Flannel clusters of one VPC share its route table; the largest routeTableQuota given counts", () => {
    const make = (max: number, quota?: number) => estate({
      vpcs: [vpc("a", "192.168.0.0/16", "192.168.0.0/22")],
      clusters: [
        flannel("c1", "a", max, { routeTableQuota: quota }),
        flannel("c2", "a", max, { serviceCidr: "172.22.0.0/20", cni: { ...flannel("x", "a").input.cni, podCidr: "172.24.0.0/16" } }),
      ],
    });
    expect(errorIds(make(150))).toEqual(["D7-vpc-route-quota a.routeTable"]);
    expect(errorIds(make(100))).toEqual([]);
    expect(errorIds(make(150, 400))).toEqual([]);
  });

  test("a Terway Edge cluster's edge pod CIDR is routed on every link of its VPC", () => {
    const edge: EstateCluster = {
      key: "e", vpc: "a",
      input: {
        ...flannel("e", "a").input, profile: ClusterProfile.EDGE, podsPerEdgeNode: 128,
        cni: { plugin: CniPlugin.TERWAY_EDGE, edgePodCidr: "10.0.0.0/16", nodeCidrMask: 25, networkPolicy: false, dataPathV2: false, trunk: false, ipvlan: false },
      },
    };
    const planned = planEstate(estate({ vpcs: [vpc("a")], clusters: [edge], links: [link("l", "a", ["172.16.0.0/16"], 100)] }));
    const l = planned.links.get("l");
    expect(l?.addedEdgePodCidrs).toEqual(["10.0.0.0/16"]);
    expect(l?.plan.routes.filter((r) => r.destination === "10.0.0.0/16").map((r) => `${r.table}->${r.nextHop}`)).toEqual(["vbr->data-center", "vpc->vbr"]);
    expect(planned.clusters.get("e")?.findings.map((f) => f.ruleId)).not.toContain("I6-terway-edge-hybrid-link");
  });
});

describe("scale (issue 9): isolated VPCs reusing the default ranges", () => {
  test("20,000 isolated clusters: one domain each, no comparison between VPCs, each cluster planned once", () => {
    const n = 20_000;
    const vpcs: EstateVpc[] = [];
    const clusters: EstateCluster[] = [];
    for (let i = 0; i < n; i++) {
      vpcs.push(vpc(`v${i}`));
      clusters.push(flannel(`c${i}`, `v${i}`));
    }
    const planned = planEstate(estate({ vpcs, clusters }));
    expect(planned.stats).toEqual({ vpcs: n, clusters: n, links: 0, domains: n, comparedDomains: n, overlapPairs: 0, crossVpcPairs: 0, clusterPlans: n });
    expect(planned.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("the same through a spec: 1,000 isolated clusters check without errors and without cross-VPC comparisons", () => {
    const check = checkSpecObject(generateIsolatedSpec(1000), { lockFile: false });
    expect(check.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(check.plan?.stats).toMatchObject({ domains: 1000, crossVpcPairs: 0, clusterPlans: 1000 });
  });
});
