/**
 * Every ACK Edge (section I) and hybrid-link (section J) rule through the full `app.synth()`:
 * a failing scenario that names the rule id and the offending values, and a passing neighbour
 * that differs in one thing. Errors fail the synth; warnings and infos are annotations.
 */
import { ClusterSpec, EdgeCni, EdgeInterconnect, HybridConnectivity } from "../../lib";
import { Testing } from "cdktf";
import { synthApp } from "../helpers/synth";
import { EdgeScenario, FLANNEL_EDGE_BASE, TERWAY_EDGE_BASE, buildEdge, withBase } from "./edge-scenario";

interface Case {
  readonly rule: string;
  /** Reference ids the case demonstrates. */
  readonly source: string;
  readonly base: EdgeScenario;
  readonly fail: EdgeScenario;
  readonly pass: EdgeScenario;
  /** The offending values, as they must appear in the message. */
  readonly values: RegExp;
  readonly level?: "warning" | "info";
}

const edgePool = (max: number, interconnect = EdgeInterconnect.PRIVATE): EdgeScenario => ({ edgePools: [["line-1", { interconnect, createdOutsideTerraform: interconnect === EdgeInterconnect.PRIVATE, minSize: 1, maxSize: max }]] });
const peers = (n: number) => Array.from({ length: n }, (_, i) => `10.254.1.${i + 1}`);
const cidrs = (n: number) => Array.from({ length: n }, (_, i) => `10.100.${i}.0/24`);

const CASES: Case[] = [
  // Section I: one ACK Edge cluster.
  { rule: "I2-flannel-vxlan-port", source: "I-2", level: "warning", base: FLANNEL_EDGE_BASE,
    fail: { cluster: { cni: EdgeCni.flannel({ podCidr: "10.8.0.0/16" }) } },
    pass: { cluster: { cni: EdgeCni.flannel({ podCidr: "10.8.0.0/16", edgeNodeCidrs: ["10.200.0.0/16"] }) } }, values: /UDP 8472 .*VPC 192\.168\.0\.0\/16.*shops/ },
  { rule: "I4-edge-pods-per-node", source: "I-4", base: TERWAY_EDGE_BASE,
    fail: { cluster: { cni: EdgeCni.terwayEdge({ edgePodCidr: "10.0.0.0/16", podsPerEdgeNode: 100 }) } },
    pass: { cluster: { cni: EdgeCni.terwayEdge({ edgePodCidr: "10.0.0.0/16", podsPerEdgeNode: 128 }) } }, values: /100 pods per edge node/ },
  { rule: "I4-edge-pod-capacity", source: "I-4", base: TERWAY_EDGE_BASE,
    fail: { cluster: { cni: EdgeCni.terwayEdge({ edgePodCidr: "10.0.0.0/22", podsPerEdgeNode: 128 }) }, link: { edgePodCidrs: ["10.0.0.0/22"] } },
    pass: { cluster: { cni: EdgeCni.terwayEdge({ edgePodCidr: "10.0.0.0/19", podsPerEdgeNode: 128 }) }, link: { edgePodCidrs: ["10.0.0.0/19"] } },
    values: /edge pod CIDR 10\.0\.0\.0\/22 at 128 pods per edge node \(\/25\) holds 8 edge nodes, but the edge pools can grow to 50; use a \/19/ },
  { rule: "I6-terway-edge-hybrid-link", source: "I-6", base: TERWAY_EDGE_BASE, fail: { link: null }, pass: {}, values: /VPC 192\.168\.0\.0\/16.*edgePodCidrs: \[10\.0\.0\.0\/16\]/ },
  { rule: "I6-terway-edge-private-interconnect", source: "I-6", base: TERWAY_EDGE_BASE, fail: edgePool(50, EdgeInterconnect.BASIC), pass: edgePool(50), values: /edge pool line-1 reaches the cloud over the Internet/ },
  { rule: "I9-terway-edge-version", source: "I-9", base: TERWAY_EDGE_BASE, fail: { cluster: { kubernetesVersion: "1.26.3-aliyun.1" } }, pass: { cluster: { kubernetesVersion: "1.28.9-aliyun.1" } }, values: /Kubernetes 1\.26\.3-aliyun\.1 is older than 1\.28/ },
  { rule: "I10-edge-pods-per-node", source: "I-10", level: "warning", base: TERWAY_EDGE_BASE,
    fail: { cloudPools: [["big", { instanceTypes: ["ecs.custom.large"], podsPerNode: 300, minSize: 1, maxSize: 2 }]] },
    pass: { cloudPools: [["big", { instanceTypes: ["ecs.custom.large"], podsPerNode: 200, minSize: 1, maxSize: 2 }]] }, values: /pool big gives 300 pods per node/ },
  { rule: "I10-edge-cluster-size", source: "I-10", base: TERWAY_EDGE_BASE,
    fail: { cluster: { clusterSpec: ClusterSpec.BASIC }, ...edgePool(8) }, pass: { cluster: { clusterSpec: ClusterSpec.BASIC }, ...edgePool(4) }, values: /can grow to 14 nodes but ACK Edge Basic allows 10 nodes/ },
  { rule: "I11-edge-pool-interconnect", source: "I-11", base: FLANNEL_EDGE_BASE,
    fail: { edgePools: [["shops", { interconnect: EdgeInterconnect.BASIC, intranet: true, maxSize: 5 }]] }, pass: {}, values: /edge pool shops asks for intranet = true, which alicloud_cs_kubernetes_node_pool \(provider 1\.289\.0\) can't set/ },
  { rule: "I13-edge-pool-outside-terraform", source: "I-11", level: "info", base: TERWAY_EDGE_BASE, fail: {}, pass: { edgePools: [] },
    values: /edge pool line-1 is planned here but not created by Terraform; .*"interconnect_mode":"private"/ },
  { rule: "I9-terway-edge-addon-version", source: "I-9", base: TERWAY_EDGE_BASE,
    fail: { cluster: { kubernetesVersion: "1.30.7-aliyun.1", cni: EdgeCni.terwayEdge({ edgePodCidr: "10.0.0.0/16", podsPerEdgeNode: 128, addonVersion: "v1.14.3" }) } },
    pass: { cluster: { kubernetesVersion: "1.30.7-aliyun.1", cni: EdgeCni.terwayEdge({ edgePodCidr: "10.0.0.0/16", podsPerEdgeNode: 128, addonVersion: "v1.9.14" }) } },
    values: /terway-edge v1\.14\.3 does not run on Kubernetes 1\.30\.7-aliyun\.1: terway-edge > v1\.13 needs Kubernetes >= 1\.32/ },
  { rule: "I12-edge-cluster-spec", source: "I-12", base: TERWAY_EDGE_BASE, fail: { cluster: { clusterSpec: ClusterSpec.of("ack.pro.xlarge") } }, pass: { cluster: { clusterSpec: ClusterSpec.PRO_SMALL } }, values: /cluster spec ack\.pro\.xlarge is not an ACK Edge edition/ },
  // Overlaps with the data centre come from the existing section C rules, fed by the link.
  { rule: "C9-edge-pod-overlap", source: "C-9, I-8", base: TERWAY_EDGE_BASE, fail: { link: { dataCenterCidrs: ["10.0.0.0/8"] } }, pass: { link: { dataCenterCidrs: ["172.16.0.0/16"] } }, values: /edge pod CIDR 10\.0\.0\.0\/16 overlaps data-center range idc data centre 10\.0\.0\.0\/8/ },
  { rule: "C6-data-center-overlap", source: "C-6", base: TERWAY_EDGE_BASE, fail: { link: { dataCenterCidrs: ["192.168.0.0/20"] } }, pass: {}, values: /overlaps data-center range idc data centre 192\.168\.0\.0\/20/ },

  // Section J: the hybrid link.
  { rule: "J1-vlan-range", source: "J-1", base: TERWAY_EDGE_BASE, fail: { link: { vlanId: 0 } }, pass: { link: { vlanId: 1 } }, values: /VLAN id 0 is outside 1-2999/ },
  { rule: "J1-vlan-unique", source: "J-1", base: TERWAY_EDGE_BASE,
    fail: { moreLinks: [{ vlanId: 100, dataCenterCidrs: ["172.17.0.0/16"], edgePodCidrs: [], localGatewayIp: "10.254.0.5", peerGatewayIp: "10.254.0.6" }] },
    pass: { moreLinks: [{ vlanId: 101, dataCenterCidrs: ["172.17.0.0/16"], edgePodCidrs: [], localGatewayIp: "10.254.0.5", peerGatewayIp: "10.254.0.6" }] },
    values: /VLAN id 100 on physical connection pc-bp1seed00000000000 is also used by edge\/idc-2/ },
  { rule: "J2-gateway-subnet", source: "J-2", base: TERWAY_EDGE_BASE, fail: { link: { peerGatewayIp: "10.254.0.6" } }, pass: { link: { peerGatewayIp: "10.254.0.2" } }, values: /local gateway 10\.254\.0\.1 and peer gateway 10\.254\.0\.6 are not in one \/30 subnet/ },
  { rule: "J2-peering-subnet-overlap", source: "J-2, C-6", base: TERWAY_EDGE_BASE,
    fail: { link: { localGatewayIp: "172.16.255.1", peerGatewayIp: "172.16.255.2" } }, pass: { link: { localGatewayIp: "10.254.0.1", peerGatewayIp: "10.254.0.2" } }, values: /peering subnet 172\.16\.255\.0\/30 overlaps the data-centre CIDR 172\.16\.0\.0\/16/ },
  { rule: "J4-local-asn", source: "J-4", base: TERWAY_EDGE_BASE, fail: { link: { bgp: { localAsn: 65025 } } }, pass: { link: { bgp: { localAsn: 64512 } } }, values: /local ASN 65025 is not allowed \(65025 is reserved/ },
  { rule: "J5-peer-asn", source: "J-5", base: TERWAY_EDGE_BASE, fail: { link: { bgp: { peerAsn: 0 } } }, pass: { link: { bgp: { peerAsn: 4200000001 } } }, values: /peer ASN 0 is not an AS number/ },
  { rule: "J6-bgp-peers", source: "J-6", base: TERWAY_EDGE_BASE, fail: { link: { bgp: { peerIps: peers(9) } } }, pass: { link: { bgp: { peerIps: peers(8) } } }, values: /9 BGP peers on one VBR/ },
  { rule: "J6-bgp-route-limit", source: "J-6", base: TERWAY_EDGE_BASE, fail: { link: { bgp: { extraExpectedRoutes: 109 } } }, pass: { link: { bgp: { extraExpectedRoutes: 108 } } }, values: /expects 111 routes from the data centre/ },
  { rule: "J6-bgp-advertised-routes", source: "J-6, J-9", level: "warning", base: TERWAY_EDGE_BASE, fail: { link: { bgp: { advertise: cidrs(111) } } }, pass: { link: { bgp: { advertise: cidrs(110) } } }, values: /advertises 111 networks/ },
  // With the CEN default the VPC CIDR comes from the transit router, not from a BGP network: the
  // same 110 extra networks stay within the limit there and exceed it with router interfaces.
  { rule: "J6-bgp-advertised-routes", source: "J-6, J-9", level: "warning", base: TERWAY_EDGE_BASE,
    fail: { link: { connectivity: HybridConnectivity.ROUTER_INTERFACE, bgp: { advertise: cidrs(110) } } }, pass: { link: { bgp: { advertise: cidrs(110) } } }, values: /advertises 111 networks/ },
  { rule: "J8-bgp-auth-key", source: "J-8", base: TERWAY_EDGE_BASE, fail: { link: { insecureAuthKey: true } }, pass: {}, values: /auth key variable is not sensitive/ },
  { rule: "J8-bgp-auth-key-missing", source: "J-8", level: "warning", base: TERWAY_EDGE_BASE, fail: { link: { noAuthKey: true } }, pass: {}, values: /idc\.bgp\.authKey: the BGP session has no authentication key/ },
  { rule: "J10-router-interface-inputs", source: "I-7, J-9", base: withBase(TERWAY_EDGE_BASE, { link: { connectivity: HybridConnectivity.ROUTER_INTERFACE } }),
    fail: { link: { accessPointId: undefined } }, pass: {}, values: /needs the access point id/ },
  { rule: "J11-cen-vpc-attachment", source: "I-9", level: "warning", base: withBase(TERWAY_EDGE_BASE, { link: { connectivity: HybridConnectivity.CEN_TRANSIT_ROUTER, accessPointId: undefined } }),
    fail: { network: { zones: ["cn-hangzhou-i"], nodeVSwitchCidrs: ["192.168.0.0/24"], podVSwitchCidrs: ["192.168.32.0/19"] } }, pass: {},
    values: /transit router's VPC attachment maps only zone cn-hangzhou-i; .*needs a vSwitch in two of them/ },
  { rule: "J12-transit-router-vswitches", source: "I-9", level: "info", base: TERWAY_EDGE_BASE, fail: {},
    pass: { link: { transitRouterVSwitches: [{ id: "vsw-tr1", zone: "cn-hangzhou-i", cidr: "192.168.2.0/28" }, { id: "vsw-tr2", zone: "cn-hangzhou-j", cidr: "192.168.2.16/28" }] } },
    values: /maps the node vSwitches of cn-hangzhou-i, cn-hangzhou-j; its ENIs take one address from each/ },
  { rule: "I7-hybrid-routes", source: "I-7", level: "info", base: TERWAY_EDGE_BASE, fail: {}, pass: FLANNEL_EDGE_BASE, values: /vbr 10\.0\.0\.0\/16 -> data-center \(bgp\)/ },
];

describe("ACK Edge and hybrid-link rules through app.synth()", () => {
  test.each(CASES.filter((c) => !c.level).map((c) => [c.rule, c] as const))("%s: fails with the values, neighbour passes", (_id, c) => {
    const app = Testing.app();
    buildEdge(app, withBase(c.base, c.fail));
    let message = "";
    expect(() => {
      try {
        app.synth();
      } catch (e) {
        message = e instanceof Error ? e.message : String(e);
        throw e;
      }
    }).toThrow(new RegExp(`error ${c.rule} \\[`));
    expect(message).toMatch(c.values);
    const ok = Testing.app();
    buildEdge(ok, withBase(c.base, c.pass));
    expect(() => ok.synth()).not.toThrow();
  });

  test.each(CASES.filter((c) => c.level).map((c) => [c.rule, c] as const))("%s: reported as an annotation, neighbour clean", (_id, c) => {
    const fail = synthApp((app) => { buildEdge(app, withBase(c.base, c.fail)); });
    expect(fail.error).toBeUndefined();
    const notes = (c.level === "warning" ? fail.warnings : fail.infos).join("\n");
    expect(notes).toMatch(new RegExp(`${c.level} ${c.rule} \\[`));
    expect(notes).toMatch(c.values);
    const pass = synthApp((app) => { buildEdge(app, withBase(c.base, c.pass)); });
    expect(pass.error).toBeUndefined();
    expect([...pass.warnings, ...pass.infos].join("\n")).not.toMatch(new RegExp(`${c.rule} \\[`));
  });

  test("every edge and hybrid rule of the catalogue has a synth case or a pure-plan test", () => {
    // I1-edge-cni and I4-edge-pod-cidr can't be reached through the typed constructs (EdgeCni
    // only builds Flannel or Terway Edge, and the edge pod CIDR is required): plan.test.ts.
    const covered = new Set([...CASES.map((c) => c.rule), "I1-edge-cni", "I4-edge-pod-cidr"]);
    const { EDGE_RULES } = jest.requireActual<typeof import("../../lib/plan/rules/edge-rules")>("../../lib/plan/rules/edge-rules");
    const { HYBRID_RULES } = jest.requireActual<typeof import("../../lib/plan/rules/hybrid-rules")>("../../lib/plan/rules/hybrid-rules");
    for (const r of [...EDGE_RULES, ...HYBRID_RULES]) expect(covered).toContain(r.id);
  });
});
