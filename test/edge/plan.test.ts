/**
 * Pure planning: planHybridLink / computeHybridRoutes (no cdktf), the seed topology asserted
 * route by route, and the cluster rules the typed constructs can't reach.
 */
import { Testing } from "cdktf";
import { CniPlugin, ClusterProfile } from "../../lib";
import {
  DataCenterRouteKind, HybridConnectivity, HybridLinkPlanInput, RouteNextHop, RouteOrigin, RouteTableKind, computeHybridRoutes, planHybridLink,
} from "../../lib/plan/hybrid";
import { planCluster } from "../../lib/plan/plan-cluster";
import { isValidLocalAsn } from "../../lib/plan/rules/hybrid-rules";
import { SEED_DC, SEED_EDGE_PODS, SEED_VPC, TERWAY_EDGE_BASE, buildEdge } from "./edge-scenario";

const SEED: HybridLinkPlanInput = {
  name: "idc",
  physicalConnectionId: "pc-1",
  vbr: { vlanId: 100, localGatewayIp: "10.254.0.1", peerGatewayIp: "10.254.0.2", peeringSubnetMask: "255.255.255.252" },
  vpcCidr: SEED_VPC,
  cloudPodCidrs: [],
  edgePodCidrs: [SEED_EDGE_PODS],
  dataCenterCidrs: [],
  bgp: { localAsn: 45104, peerAsn: 65001, peerIps: ["10.254.0.2"], advertise: [], authKeySensitive: true },
  connectivity: HybridConnectivity.ROUTER_INTERFACE,
  hasAccessPoint: true,
  hasVbrRouteTable: true,
  siblings: [],
};

const ids = (input: HybridLinkPlanInput) => planHybridLink(input).findings.map((f) => f.ruleId);

describe("seed topology (VPC 192.168.0.0/16, edge pods 10.0.0.0/16)", () => {
  test("exactly the three routes the Terway Edge page describes, one by one", () => {
    const routes = computeHybridRoutes(SEED);
    expect(routes).toHaveLength(3);
    // cloud -> edge: the VBR carries the edge container CIDR toward the IDC (learned over BGP).
    expect(routes[0]).toMatchObject({ table: RouteTableKind.VBR, destination: "10.0.0.0/16", nextHop: RouteNextHop.DATA_CENTER, origin: RouteOrigin.BGP, ruleId: "I7-hybrid-routes" });
    // edge -> cloud: the VBR carries the cloud container range (= VPC CIDR for Terway) toward the VPC.
    expect(routes[1]).toMatchObject({ table: RouteTableKind.VBR, destination: "192.168.0.0/16", nextHop: RouteNextHop.VPC, origin: RouteOrigin.STATIC, ruleId: "I7-hybrid-routes" });
    // The VPC route table sends the edge container CIDR to the VBR.
    expect(routes[2]).toMatchObject({ table: RouteTableKind.VPC, destination: "10.0.0.0/16", nextHop: RouteNextHop.VBR, origin: RouteOrigin.STATIC, ruleId: "I7-hybrid-routes" });
    for (const r of routes) expect(r.reason.length).toBeGreaterThan(20);
  });

  test("with the data centre 172.16.0.0/16 it adds the data-centre routes on both tables", () => {
    const routes = computeHybridRoutes({ ...SEED, dataCenterCidrs: [SEED_DC] });
    expect(routes.map((r) => `${r.table} ${r.destination} ${r.nextHop} ${r.origin}`)).toEqual([
      "vbr 10.0.0.0/16 data-center bgp",
      "vbr 172.16.0.0/16 data-center bgp",
      "vbr 192.168.0.0/16 vpc static",
      "vpc 10.0.0.0/16 vbr static",
      "vpc 172.16.0.0/16 vbr static",
    ]);
  });

  test("the data-centre side: route the VPC to the VBR, advertise the edge pods and the data centre", () => {
    const plan = planHybridLink({ ...SEED, dataCenterCidrs: [SEED_DC] });
    expect(plan.dataCenterRoutes).toHaveLength(3);
    expect(plan.dataCenterRoutes[0]).toMatchObject({ kind: DataCenterRouteKind.ROUTE_TO_VBR, destination: "192.168.0.0/16", nextHop: "10.254.0.1" });
    expect(plan.dataCenterRoutes[1]).toMatchObject({ kind: DataCenterRouteKind.ADVERTISE_TO_VBR, destination: "10.0.0.0/16" });
    expect(plan.dataCenterRoutes[2]).toMatchObject({ kind: DataCenterRouteKind.ADVERTISE_TO_VBR, destination: "172.16.0.0/16", nextHop: "10.254.0.2" });
    expect(plan.bgpNetworks).toEqual(["192.168.0.0/16"]);
    expect(plan.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});

describe("planHybridLink", () => {
  test("CEN connectivity: the transit router learns and publishes the VBR<->VPC routes (no static routes); VBR->IDC stays BGP", () => {
    const CEN: HybridLinkPlanInput = { ...SEED, dataCenterCidrs: [SEED_DC], connectivity: HybridConnectivity.CEN_TRANSIT_ROUTER, hasAccessPoint: false, vpcAttachmentZones: ["cn-hangzhou-i", "cn-hangzhou-j"] };
    const routes = computeHybridRoutes(CEN);
    expect(routes.map((r) => `${r.table} ${r.destination} ${r.nextHop} ${r.origin}`)).toEqual([
      "vbr 10.0.0.0/16 data-center bgp",
      "vbr 172.16.0.0/16 data-center bgp",
      "vbr 192.168.0.0/16 vpc cen",
      "vpc 10.0.0.0/16 vbr cen",
      "vpc 172.16.0.0/16 vbr cen",
    ]);
    expect(routes.filter((r) => r.origin === RouteOrigin.STATIC)).toEqual([]);
    // The VBR learns the VPC's vSwitch (system) routes from the transit router; the VPC gets the VBR's BGP routes published into its table.
    expect(routes[2].reason).toMatch(/learns the VPC's vSwitch \(system\) routes from the VPC attachment and publishes them to the VBR/);
    expect(routes[3].reason).toMatch(/learns it from the VBR attachment and publishes it into the VPC route table \(next hop: the transit router\)/);
    // The data-centre side does not depend on the connectivity.
    const plan = planHybridLink(CEN);
    const ri = planHybridLink({ ...CEN, connectivity: HybridConnectivity.ROUTER_INTERFACE, hasAccessPoint: true });
    expect(plan.dataCenterRoutes).toEqual(ri.dataCenterRoutes);
    // The VPC CIDR is advertised once: by a BGP network with router interfaces, by the transit
    // router's auto-publish (through the VBR) with CEN; extra networks stay BGP networks.
    expect(ri.bgpNetworks).toEqual(["192.168.0.0/16"]);
    expect(plan.bgpNetworks).toEqual([]);
    expect(planHybridLink({ ...CEN, bgp: { ...CEN.bgp, advertise: ["10.9.0.0/16"] } }).bgpNetworks).toEqual(["10.9.0.0/16"]);
    // Two zones, no cloud range outside the VPC, no access point needed: the route info, and
    // the note that the transit router's ENIs sit in the node vSwitches.
    expect(ids(CEN)).toEqual(["J12-transit-router-vswitches", "I7-hybrid-routes"]);
    expect(ids({ ...CEN, dedicatedAttachmentVSwitches: true })).toEqual(["I7-hybrid-routes"]);
    // Zones unknown (e.g. the fleet plan): the zone checks are skipped.
    expect(ids({ ...CEN, vpcAttachmentZones: undefined })).toEqual(["I7-hybrid-routes"]);
  });

  test("J11-cen-vpc-attachment: a VPC attachment in one zone, and cloud pod ranges the transit router doesn't learn", () => {
    const CEN: HybridLinkPlanInput = { ...SEED, connectivity: HybridConnectivity.CEN_TRANSIT_ROUTER, hasAccessPoint: false, vpcAttachmentZones: ["cn-hangzhou-i", "cn-hangzhou-j"] };
    const one = planHybridLink({ ...CEN, vpcAttachmentZones: ["cn-hangzhou-i", "cn-hangzhou-i"] }).findings.filter((f) => f.ruleId === "J11-cen-vpc-attachment");
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ severity: "warning", path: "idc.vpcAttachmentZones" });
    expect(one[0].message).toMatch(/maps only zone cn-hangzhou-i/);
    expect(planHybridLink({ ...CEN, vpcAttachmentZones: [] }).findings.find((f) => f.ruleId === "J11-cen-vpc-attachment")?.message).toMatch(/maps no zone/);
    // A cloud pod range inside the VPC is a vSwitch (system) route: learned. One outside is a route toward ECS instances: not learned.
    const pods = planHybridLink({ ...CEN, cloudPodCidrs: ["192.168.32.0/19", "172.20.0.0/16"] });
    expect(pods.findings.filter((f) => f.ruleId === "J11-cen-vpc-attachment").map((f) => f.path)).toEqual(["idc.cloudPodCidrs[1]"]);
    expect(pods.routes.find((r) => r.destination === "172.20.0.0/16")?.reason).toMatch(/not propagated by default, J11-cen-vpc-attachment/);
    // Router-interface connectivity carries them as static routes: J11 never applies.
    expect(ids({ ...SEED, cloudPodCidrs: ["172.20.0.0/16"], vpcAttachmentZones: ["cn-hangzhou-i"] })).not.toContain("J11-cen-vpc-attachment");
  });

  test("cloud pod ranges inside the VPC are folded into it; others get their own routes and BGP networks", () => {
    const plan = planHybridLink({ ...SEED, cloudPodCidrs: ["192.168.32.0/19", "172.20.0.0/16"], bgp: { ...SEED.bgp, advertise: ["100.100.0.0/24"] } });
    expect(plan.routes.filter((r) => r.nextHop === RouteNextHop.VPC).map((r) => r.destination)).toEqual(["192.168.0.0/16", "172.20.0.0/16"]);
    expect(plan.bgpNetworks).toEqual(["192.168.0.0/16", "172.20.0.0/16", "100.100.0.0/24"]);
  });

  test("duplicates and non-canonical text are normalised", () => {
    const routes = computeHybridRoutes({ ...SEED, edgePodCidrs: ["10.0.0.0/16", "10.0.0.0/16"], dataCenterCidrs: ["10.0.0.0/16"] });
    expect(routes).toHaveLength(3);
  });

  test("unresolved values are skipped with T0-unresolved-token, bad CIDRs are A0-invalid-cidr", () => {
    expect(ids({ ...SEED, unresolved: ["vlanId"], vbr: { ...SEED.vbr, vlanId: undefined } })).toContain("T0-unresolved-token");
    const bad = planHybridLink({ ...SEED, dataCenterCidrs: ["172.16.0.1/16"] });
    expect(bad.findings.find((f) => f.ruleId === "A0-invalid-cidr")?.message).toMatch(/172\.16\.0\.1\/16/);
    // Kept verbatim (the synth fails on A0 anyway); unresolved tokens are kept the same way so their routes are still emitted.
    expect(bad.routes.map((r) => r.destination)).toContain("172.16.0.1/16");
  });

  test("VLAN bounds (safe reading 1-2999) and uniqueness per physical connection only", () => {
    expect(ids({ ...SEED, vbr: { ...SEED.vbr, vlanId: 2999 } })).not.toContain("J1-vlan-range");
    expect(ids({ ...SEED, vbr: { ...SEED.vbr, vlanId: 3000 } })).toContain("J1-vlan-range");
    expect(ids({ ...SEED, vbr: { ...SEED.vbr, vlanId: 1.5 } })).toContain("J1-vlan-range");
    expect(ids({ ...SEED, siblings: [{ name: "other", physicalConnectionId: "pc-2", vlanId: 100, peerCount: 1 }] })).not.toContain("J1-vlan-unique");
    expect(ids({ ...SEED, siblings: [{ name: "other", physicalConnectionId: "pc-1", vlanId: 100, peerCount: 1 }] })).toContain("J1-vlan-unique");
  });

  test("gateway checks: same address, bad mask, bad address", () => {
    expect(ids({ ...SEED, vbr: { ...SEED.vbr, peerGatewayIp: "10.254.0.1" } })).toContain("J2-gateway-subnet");
    expect(planHybridLink({ ...SEED, vbr: { ...SEED.vbr, peeringSubnetMask: "255.0.255.0" } }).findings[0].message).toMatch(/255\.0\.255\.0 is not a valid netmask/);
    expect(ids({ ...SEED, vbr: { ...SEED.vbr, localGatewayIp: "10.254.0" } })).toContain("J2-gateway-subnet");
    expect(ids({ ...SEED, vbr: { ...SEED.vbr, peeringSubnetMask: "255.255.255.0", peerGatewayIp: "10.254.0.200" } })).not.toContain("J2-gateway-subnet");
  });

  test("local ASN ranges (J-4) and peer ASN space (J-5)", () => {
    for (const ok of [45104, 64512, 65534, 4200000000, 4294967294]) expect(isValidLocalAsn(ok)).toBe(true);
    for (const bad of [1, 64511, 65025, 65535, 4294967295, 64512.5]) expect(isValidLocalAsn(bad)).toBe(false);
    expect(ids({ ...SEED, bgp: { ...SEED.bgp, peerAsn: 4294967295 } })).not.toContain("J5-peer-asn");
    expect(ids({ ...SEED, bgp: { ...SEED.bgp, peerAsn: 4294967296 } })).toContain("J5-peer-asn");
  });

  test("peers: none, duplicates, and the 8-peer limit shared by links adopting one VBR", () => {
    expect(ids({ ...SEED, bgp: { ...SEED.bgp, peerIps: [] } })).toContain("J6-bgp-peers");
    expect(ids({ ...SEED, bgp: { ...SEED.bgp, peerIps: ["10.254.0.2", "10.254.0.2"] } })).toContain("J6-bgp-peers");
    const adopted: HybridLinkPlanInput = { ...SEED, vbr: undefined, vbrId: "vbr-1", bgp: { ...SEED.bgp, peerIps: ["1.1.1.1", "1.1.1.2"] } };
    expect(ids({ ...adopted, siblings: [{ name: "b", vbrId: "vbr-1", peerCount: 6 }] })).not.toContain("J6-bgp-peers");
    expect(ids({ ...adopted, siblings: [{ name: "b", vbrId: "vbr-1", peerCount: 7 }] })).toContain("J6-bgp-peers");
  });

  test("route limit counts the routes expected from the data centre", () => {
    const many = Array.from({ length: 110 }, (_, i) => `10.${100 + Math.floor(i / 100)}.${i % 100}.0/24`);
    expect(ids({ ...SEED, edgePodCidrs: [], dataCenterCidrs: many })).not.toContain("J6-bgp-route-limit");
    expect(ids({ ...SEED, edgePodCidrs: [SEED_EDGE_PODS], dataCenterCidrs: many })).toContain("J6-bgp-route-limit");
  });

  test("an adopted VBR needs its route table for router-interface connectivity", () => {
    expect(ids({ ...SEED, vbr: undefined, vbrId: "vbr-1", hasVbrRouteTable: false })).toContain("J10-router-interface-inputs");
    expect(ids({ ...SEED, vbr: undefined, vbrId: "vbr-1", hasVbrRouteTable: true })).not.toContain("J10-router-interface-inputs");
  });
});

describe("cluster rules the typed constructs can't reach", () => {
  const input = () => {
    const app = Testing.app();
    // What the estate planner gave planCluster for this cluster (peers and data-centre ranges included).
    const input = buildEdge(app, TERWAY_EDGE_BASE).cluster._plannedInput;
    if (!input) throw new Error("the cluster is not in the app's estate");
    return input;
  };

  test("I1-edge-cni: plain Terway on ACK Edge, Terway Edge on a managed cluster", () => {
    const base = input();
    const onEdge = planCluster({ ...base, cni: { ...base.cni, plugin: CniPlugin.TERWAY } }).findings.map((f) => f.ruleId);
    expect(onEdge).toContain("I1-edge-cni");
    const onDefault = planCluster({ ...base, profile: ClusterProfile.DEFAULT }).findings.map((f) => f.ruleId);
    expect(onDefault).toContain("I1-edge-cni");
    expect(planCluster(base).findings.map((f) => f.ruleId)).not.toContain("I1-edge-cni");
  });

  test("I4-edge-pod-cidr: Terway Edge without an edge pod CIDR", () => {
    const base = input();
    const found = planCluster({ ...base, cni: { ...base.cni, edgePodCidr: undefined } }).findings;
    expect(found.find((f) => f.ruleId === "I4-edge-pod-cidr")?.severity).toBe("error");
    expect(planCluster(base).findings.map((f) => f.ruleId)).not.toContain("I4-edge-pod-cidr");
  });

  test("the plan input carries the edge pools, the link and the data-centre range", () => {
    const base = input();
    expect(base.profile).toBe(ClusterProfile.EDGE);
    expect(base.hasHybridLink).toBe(true);
    expect(base.podsPerEdgeNode).toBe(128);
    expect(base.cni).toMatchObject({ plugin: CniPlugin.TERWAY_EDGE, edgePodCidr: SEED_EDGE_PODS, nodeCidrMask: 25 });
    expect(base.externalRanges).toEqual(expect.arrayContaining([expect.objectContaining({ cidr: SEED_DC, kind: "data-center", sameVpc: false })]));
    expect(base.nodePools.map((p) => `${p.name}:${p.kind}:${p.maxNodes}`)).toEqual(["cloud:cloud:6", "line-1:edge:50"]);
    expect(base.edgePoolNetworks).toEqual([{ name: "line-1", privateInterconnect: true, intranet: false, createdOutsideTerraform: true }]);
  });
});
