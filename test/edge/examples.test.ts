/**
 * The ACK Edge examples synthesized, schema-checked and snapshotted; the seed topology's routes
 * asserted one by one in the synthesized JSON.
 */
import { App, TerraformStack, TerraformVariable } from "cdktf";
import { EdgeFlannelStack } from "../../examples/edge-flannel";
import { EdgeTerwayStack } from "../../examples/edge-terway";
import { AckEdgeCluster, AckNetwork, EdgeCni, EdgeInterconnect, HybridConnectivity, HybridLink } from "../../lib";
import { assertConformance, checkConformance, loadProviderSchema } from "../../lib/testing";
import { AlicloudProvider } from "../../lib/providers/alicloud/provider";
import { stableJson, synthApp } from "../helpers/synth";
import { FLANNEL_EDGE_BASE, SEED_DC, SEED_EDGE_PODS, TERWAY_EDGE_BASE, buildEdge, withBase } from "./edge-scenario";

type Resources = Record<string, Record<string, Record<string, unknown>>>;
const resources = (doc: Record<string, unknown>) => doc.resource as Resources;
const ofType = (doc: Record<string, unknown>, type: string) => Object.entries(resources(doc)[type] ?? {});
const ref = (type: string, name: string, attr: string) => `\${${type}.${name}.${attr}}`;
const nameOf = (doc: Record<string, unknown>, type: string, pathEnd: string) =>
  ofType(doc, type).find(([, r]) => String((r["//"] as { metadata: { path: string } }).metadata.path).endsWith(pathEnd))![0];

describe("ACK Edge examples", () => {
  test.each([
    ["edge-terway", (app: App) => new EdgeTerwayStack(app, "edge-terway")],
    ["edge-flannel", (app: App) => new EdgeFlannelStack(app, "edge-flannel")],
  ] as const)("%s synthesizes, passes the schema conformance check and matches its snapshot", (name, build) => {
    const out = synthApp((app) => { build(app); });
    expect(out.error).toBeUndefined();
    const doc = out.stacks[name];
    expect(() => assertConformance(doc)).not.toThrow();
    expect(stableJson(doc)).toMatchSnapshot();
  });

  test("edge-terway: profile Edge with Terway Edge arguments, never alicloud_cs_edge_kubernetes", () => {
    const doc = synthApp((app) => { new EdgeTerwayStack(app, "edge-terway"); }).stacks["edge-terway"];
    expect(resources(doc).alicloud_cs_edge_kubernetes).toBeUndefined();
    const [, cluster] = ofType(doc, "alicloud_cs_managed_kubernetes")[0];
    expect(cluster).toMatchObject({ profile: "Edge", pod_cidr: SEED_EDGE_PODS, node_cidr_mask: 25, is_enterprise_security_group: true });
    expect(cluster.pod_vswitch_ids).toHaveLength(2);
    // ACK's terway-edge component page and the ACK Edge storage overview name the add-ons.
    expect((cluster.addons as Array<{ name: string }>).map((a) => a.name)).toEqual(["terway-edge", "csi-plugin", "csi-provisioner", "loongcollector"]);
    // The private edge pool is created outside Terraform (the provider can't set interconnect_mode).
    expect(ofType(doc, "alicloud_cs_kubernetes_node_pool").find(([, p]) => p.type === "edge")).toBeUndefined();
    const [, group] = ofType(doc, "alicloud_vpc_bgp_group")[0];
    expect(group).toMatchObject({ peer_asn: 65001, local_asn: 45104, auth_key: "${var.idc_bgp_auth_key}" });
    expect((doc.variable as Record<string, { sensitive?: boolean }>).idc_bgp_auth_key.sensitive).toBe(true);
  });

  test("edge-flannel: own security group with UDP 8472, no enterprise security group (they conflict)", () => {
    const doc = synthApp((app) => { new EdgeFlannelStack(app, "edge-flannel"); }).stacks["edge-flannel"];
    const [, cluster] = ofType(doc, "alicloud_cs_managed_kubernetes")[0];
    const sg = nameOf(doc, "alicloud_security_group", "stores/security-group");
    expect(cluster).toMatchObject({ profile: "Edge", pod_cidr: "10.8.0.0/16", node_cidr_mask: 26, security_group_id: ref("alicloud_security_group", sg, "id") });
    expect(cluster.is_enterprise_security_group).toBeUndefined();
    expect((cluster.addons as Array<{ name: string }>).map((a) => a.name)).toEqual(["flannel", "csi-plugin", "csi-provisioner", "loongcollector"]);
    // ACK's recommended inbound rules for a cluster security group (ICMP; all from the pod CIDR in
    // Flannel mode; the group itself through inner_access_policy) plus VXLAN.
    expect(nameOf(doc, "alicloud_security_group", "stores/security-group")).toBeDefined();
    expect((resources(doc).alicloud_security_group as Record<string, { inner_access_policy?: string }>)[sg].inner_access_policy).toBe("Accept");
    const rules = ofType(doc, "alicloud_security_group_rule").map(([, r]) => `${r.type} ${r.ip_protocol} ${r.port_range} ${r.cidr_ip}`);
    expect(rules.sort()).toEqual(["ingress all -1/-1 10.8.0.0/16", "ingress icmp -1/-1 0.0.0.0/0", "ingress udp 8472/8472 10.200.0.0/16", "ingress udp 8472/8472 192.168.0.0/16"]);
  });
});

describe("Terway Edge add-on and edge pools (issue 10)", () => {
  test("addonVersion is sent as the terway-edge add-on version; without it ACK picks one", () => {
    const withVersion = synthApp((app) => { buildEdge(app, withBase(TERWAY_EDGE_BASE, { cluster: { cni: EdgeCni.terwayEdge({ edgePodCidr: SEED_EDGE_PODS, podsPerEdgeNode: 128, addonVersion: "v1.14.3" }) } }), "v"); });
    expect(withVersion.error).toBeUndefined();
    const [, cluster] = ofType(withVersion.stacks.v, "alicloud_cs_managed_kubernetes")[0];
    expect((cluster.addons as Array<Record<string, unknown>>)[0]).toEqual({ name: "terway-edge", version: "v1.14.3" });
    const without = synthApp((app) => { buildEdge(app, TERWAY_EDGE_BASE, "n"); });
    const [, plain] = ofType(without.stacks.n, "alicloud_cs_managed_kubernetes")[0];
    expect((plain.addons as Array<Record<string, unknown>>)[0]).toEqual({ name: "terway-edge" });
  });

  test("a private Terway Edge pool left to Terraform is an error (the provider would create it basic); createdOutsideTerraform emits no pool", () => {
    const failing = synthApp((app) => { buildEdge(app, withBase(TERWAY_EDGE_BASE, { edgePools: [["line-1", { interconnect: EdgeInterconnect.PRIVATE, minSize: 1, maxSize: 5 }]] }), "f"); });
    expect(failing.error).toMatch(/error I11-edge-pool-interconnect \[I-11, I-12\] .*edge pool line-1 asks for interconnect_mode = private, .*on which Terway Edge can't route pods/);
    const ok = synthApp((app) => { buildEdge(app, TERWAY_EDGE_BASE, "o"); });
    expect(ok.error).toBeUndefined();
    expect(ofType(ok.stacks.o, "alicloud_cs_kubernetes_node_pool").map(([, p]) => p.node_pool_name)).toEqual(["edge-cloud"]);
    expect(ok.infos.join("\n")).toMatch(/info I13-edge-pool-outside-terraform .*\{"nodepool_info":\{"name":"line-1","type":"edge"\},"interconnect_mode":"private","intranet":false\}/);
  });

  test("ACK Edge versions: the older x.y.z-aliyunedge.n form passes V1, and V2 (ACK managed creation window) does not apply", () => {
    for (const version of ["1.22.15-aliyunedge.1", "1.30.7-aliyun.1"]) {
      const out = synthApp((app) => { buildEdge(app, withBase(FLANNEL_EDGE_BASE, { cluster: { kubernetesVersion: version } }), "e"); });
      expect(out.error).toBeUndefined();
      expect([...out.warnings, ...out.infos].join("\n")).not.toMatch(/V[12]-kubernetes-version/);
    }
    const bad = synthApp((app) => { buildEdge(app, withBase(FLANNEL_EDGE_BASE, { cluster: { kubernetesVersion: "v1.30.7" } }), "b"); });
    expect(bad.error).toMatch(/error V1-kubernetes-version-format .*"v1\.30\.7" is not an ACK version/);
  });
});

describe("seed topology in the synthesized JSON (router-interface connectivity)", () => {
  const RI = { connectivity: HybridConnectivity.ROUTER_INTERFACE };
  const seed = () => synthApp((app) => {
    buildEdge(app, withBase(TERWAY_EDGE_BASE, { link: { ...RI, dataCenterCidrs: [] } }), "seed");
  });

  test("exactly the seed's routes: VBR 192.168.0.0/16 -> VPC, VPC 10.0.0.0/16 -> VBR (static); VBR 10.0.0.0/16 -> IDC (BGP)", () => {
    const out = seed();
    expect(out.error).toBeUndefined();
    const doc = out.stacks.seed;
    const vbr = nameOf(doc, "alicloud_express_connect_virtual_border_router", "idc/vbr");
    const vbrIf = nameOf(doc, "alicloud_express_connect_router_interface", "idc/vbr-interface");
    const vpc = nameOf(doc, "alicloud_vpc", "net/vpc");
    // One interface, on the VBR side, in fast-link mode: Alibaba Cloud creates and connects the
    // VPC side. No alicloud_router_interface_connection (deprecated since 1.199.0).
    expect(ofType(doc, "alicloud_express_connect_router_interface")).toHaveLength(1);
    expect(resources(doc).alicloud_router_interface_connection).toBeUndefined();
    const account = Object.keys((doc.data as Resources).alicloud_account)[0];
    expect(resources(doc).alicloud_express_connect_router_interface[vbrIf]).toMatchObject({
      router_type: "VBR", router_id: ref("alicloud_express_connect_virtual_border_router", vbr, "id"), role: "InitiatingSide",
      fast_link_mode: true, access_point_id: "ap-cn-hangzhou-xs-A", opposite_router_type: "VRouter", opposite_router_id: ref("alicloud_vpc", vpc, "router_id"),
      opposite_interface_owner_id: `\${data.alicloud_account.${account}.id}`, opposite_region_id: "cn-hangzhou",
    });
    expect(resources(doc).alicloud_express_connect_router_interface[vbrIf].opposite_interface_id).toBeUndefined();
    const entries = ofType(doc, "alicloud_route_entry").map(([, r]) => r);
    expect(entries).toHaveLength(2);
    // edge -> cloud: the VBR sends 192.168.0.0/16 into the VPC through its router interface.
    expect(entries).toContainEqual(expect.objectContaining({
      route_table_id: ref("alicloud_express_connect_virtual_border_router", vbr, "route_table_id"),
      destination_cidrblock: "192.168.0.0/16", nexthop_type: "RouterInterface", nexthop_id: ref("alicloud_express_connect_router_interface", vbrIf, "id"),
    }));
    // cloud -> edge: the VPC route table sends 10.0.0.0/16 to the VBR.
    expect(entries).toContainEqual(expect.objectContaining({
      route_table_id: ref("alicloud_vpc", vpc, "route_table_id"),
      destination_cidrblock: "10.0.0.0/16", nexthop_type: "RouterInterface", nexthop_id: ref("alicloud_express_connect_router_interface", vbrIf, "opposite_interface_id"),
    }));
    // cloud -> edge: the VBR carries 10.0.0.0/16 toward the IDC, learned over BGP (a VBR custom route can only point at a router interface).
    const outputs = doc.output as Record<string, { value: Array<Record<string, string>> }>;
    const routes = outputs.idc_routes.value;
    expect(routes).toHaveLength(3);
    expect(routes[0]).toMatchObject({ table: "vbr", destination: "10.0.0.0/16", next_hop: "data-center", origin: "bgp" });
    expect(routes[1]).toMatchObject({ table: "vbr", destination: "192.168.0.0/16", next_hop: "vpc", origin: "static" });
    expect(routes[2]).toMatchObject({ table: "vpc", destination: "10.0.0.0/16", next_hop: "vbr", origin: "static" });
    // The VBR peers with the IDC and advertises the VPC range to it.
    expect(ofType(doc, "alicloud_vpc_bgp_peer").map(([, p]) => p.peer_ip_address)).toEqual(["10.254.0.2"]);
    expect(ofType(doc, "alicloud_vpc_bgp_network").map(([, n]) => n.dst_cidr_block)).toEqual(["192.168.0.0/16"]);
    // IDC side (not creatable by Terraform): 192.168.0.0/16 toward the VBR.
    const dc = outputs["idc_data-center-routes"].value;
    expect(dc[0]).toMatchObject({ kind: "route-to-vbr", destination: "192.168.0.0/16", next_hop: "10.254.0.1" });
    expect(() => assertConformance(doc)).not.toThrow();
    // No deprecated resource type or argument.
    expect(checkConformance(doc, loadProviderSchema())).toEqual([]);
  });

  test("with the data centre 172.16.0.0/16 the VPC also routes it to the VBR", () => {
    const doc = synthApp((app) => { buildEdge(app, withBase(TERWAY_EDGE_BASE, { link: RI }), "edge-terway"); }).stacks["edge-terway"];
    const entries = ofType(doc, "alicloud_route_entry").map(([, r]) => `${String(r.route_table_id).split(".")[0].slice(2)} ${r.destination_cidrblock}`);
    expect(entries.sort()).toEqual([
      "alicloud_express_connect_virtual_border_router 192.168.0.0/16",
      `alicloud_vpc ${SEED_EDGE_PODS}`,
      `alicloud_vpc ${SEED_DC}`,
    ]);
  });
});

describe("CEN transit-router connectivity in the synthesized JSON", () => {
  const CEN = { connectivity: HybridConnectivity.CEN_TRANSIT_ROUTER, accessPointId: undefined };
  const dataRef = (type: string, name: string, attr: string) => `\${data.${type}.${name}.${attr}}`;
  const dataNameOf = (doc: Record<string, unknown>, type: string, pathEnd: string) =>
    Object.entries((doc.data as Resources)[type] ?? {}).find(([, r]) => String((r["//"] as { metadata: { path: string } }).metadata.path).endsWith(pathEnd))![0];
  const body = (doc: Record<string, unknown>, type: string, pathEnd: string) => resources(doc)[type][nameOf(doc, type, pathEnd)];

  test("Terway Edge: CEN, transit router, both attachments, association and propagation on the system route table; no static routes", () => {
    const out = synthApp((app) => { buildEdge(app, withBase(TERWAY_EDGE_BASE, { link: CEN }), "cen"); });
    expect(out.error).toBeUndefined();
    const doc = out.stacks.cen;
    const cen = nameOf(doc, "alicloud_cen_instance", "idc/cen");
    const tr = nameOf(doc, "alicloud_cen_transit_router", "idc/transit-router");
    const vbr = nameOf(doc, "alicloud_express_connect_virtual_border_router", "idc/vbr");
    const vpc = nameOf(doc, "alicloud_vpc", "net/vpc");
    const vbrAtt = nameOf(doc, "alicloud_cen_transit_router_vbr_attachment", "idc/cen-vbr-attachment");
    const vpcAtt = nameOf(doc, "alicloud_cen_transit_router_vpc_attachment", "idc/cen-vpc-attachment");
    const tables = dataNameOf(doc, "alicloud_cen_transit_router_route_tables", "idc/transit-router-route-tables");
    const cenId = ref("alicloud_cen_instance", cen, "id");
    const trId = ref("alicloud_cen_transit_router", tr, "transit_router_id");
    const routeTable = dataRef("alicloud_cen_transit_router_route_tables", tables, "tables[0].transit_router_route_table_id");

    // Nothing of the router-interface path.
    expect(resources(doc).alicloud_route_entry).toBeUndefined();
    expect(resources(doc).alicloud_express_connect_router_interface).toBeUndefined();
    expect(resources(doc).alicloud_router_interface_connection).toBeUndefined();
    // One CEN instance and one transit router in it (created in the provider's region, the VPC's).
    expect(ofType(doc, "alicloud_cen_instance")).toHaveLength(1);
    expect(body(doc, "alicloud_cen_instance", "idc/cen")).toMatchObject({ cen_instance_name: "idc" });
    expect(ofType(doc, "alicloud_cen_transit_router")).toHaveLength(1);
    expect(body(doc, "alicloud_cen_transit_router", "idc/transit-router")).toMatchObject({ cen_id: cenId, transit_router_name: "idc" });
    // The transit router's system route table, read by the data source.
    expect((doc.data as Resources).alicloud_cen_transit_router_route_tables[tables]).toMatchObject({ transit_router_id: trId, transit_router_route_table_type: "System" });
    // VBR attachment: the link's VBR on that transit router, publishing the transit router's routes to the VBR.
    expect(body(doc, "alicloud_cen_transit_router_vbr_attachment", "idc/cen-vbr-attachment")).toMatchObject({
      cen_id: cenId, transit_router_id: trId, vbr_id: ref("alicloud_express_connect_virtual_border_router", vbr, "id"), auto_publish_route_enabled: true,
    });
    // VPC attachment: the network's VPC, one zone mapping per node vSwitch zone, publishing into the VPC route table.
    const vpcAttachment = body(doc, "alicloud_cen_transit_router_vpc_attachment", "idc/cen-vpc-attachment");
    expect(vpcAttachment).toMatchObject({
      cen_id: cenId, transit_router_id: trId, vpc_id: ref("alicloud_vpc", vpc, "id"), auto_publish_route_enabled: true, transit_router_vpc_attachment_name: "idc",
    });
    expect(vpcAttachment.zone_mappings).toEqual([
      { zone_id: "cn-hangzhou-i", vswitch_id: ref("alicloud_vswitch", nameOf(doc, "alicloud_vswitch", "net/node-cn-hangzhou-i"), "id") },
      { zone_id: "cn-hangzhou-j", vswitch_id: ref("alicloud_vswitch", nameOf(doc, "alicloud_vswitch", "net/node-cn-hangzhou-j"), "id") },
    ]);
    // Neither attachment uses the deprecated association/propagation flags or attachment name.
    for (const a of [vpcAttachment, body(doc, "alicloud_cen_transit_router_vbr_attachment", "idc/cen-vbr-attachment")]) {
      expect(a.route_table_association_enabled).toBeUndefined();
      expect(a.route_table_propagation_enabled).toBeUndefined();
    }
    expect(vpcAttachment.transit_router_attachment_name).toBeUndefined();
    // Association and propagation of both attachments with the system route table.
    const links = (type: string) => ofType(doc, type).map(([, r]) => [r.transit_router_attachment_id, r.transit_router_route_table_id]);
    const expected = [
      [ref("alicloud_cen_transit_router_vbr_attachment", vbrAtt, "transit_router_attachment_id"), routeTable],
      [ref("alicloud_cen_transit_router_vpc_attachment", vpcAtt, "transit_router_attachment_id"), routeTable],
    ];
    expect(links("alicloud_cen_transit_router_route_table_association")).toEqual(expected);
    expect(links("alicloud_cen_transit_router_route_table_propagation")).toEqual(expected);
    // BGP toward the data centre is the same as with router interfaces.
    expect(ofType(doc, "alicloud_vpc_bgp_peer").map(([, p]) => p.peer_ip_address)).toEqual(["10.254.0.2"]);
    // ... except that the VPC range reaches the data centre through the transit router, which
    // publishes it to the VBR: no BGP network repeats it.
    expect(ofType(doc, "alicloud_vpc_bgp_network")).toEqual([]);

    // Planned routes: VBR -> IDC over BGP; VBR <-> VPC learned and published by the transit router.
    const outputs = doc.output as Record<string, { value: Array<Record<string, string>> }>;
    const routes = outputs.idc_routes.value;
    expect(routes.map((r) => `${r.table} ${r.destination} ${r.next_hop} ${r.origin}`)).toEqual([
      `vbr ${SEED_EDGE_PODS} data-center bgp`,
      `vbr ${SEED_DC} data-center bgp`,
      "vbr 192.168.0.0/16 vpc cen",
      `vpc ${SEED_EDGE_PODS} vbr cen`,
      `vpc ${SEED_DC} vbr cen`,
    ]);
    expect(routes[2].reason).toMatch(/transit router, which learns the VPC's vSwitch \(system\) routes/);
    expect(routes[3].reason).toMatch(/publishes it into the VPC route table/);
    expect(out.infos.join("\n")).toMatch(/vpc 10\.0\.0\.0\/16 -> vbr \(cen\)/);
    // Two zones, Terway pods in the VPC: J11 has nothing to say.
    expect([...out.warnings, ...out.infos].join("\n")).not.toMatch(/J11-cen-vpc-attachment/);
    // Schema conformance, with no warnings either (no deprecated argument is used).
    expect(() => assertConformance(doc)).not.toThrow();
    expect(checkConformance(doc, loadProviderSchema())).toEqual([]);
  });

  test("an existing CEN, transit router and route table are adopted: nothing of them is created", () => {
    const out = synthApp((app) => {
      buildEdge(app, withBase(TERWAY_EDGE_BASE, { link: { ...CEN, cenId: "cen-1", transitRouterId: "tr-1", transitRouterRouteTableId: "vtb-tr-1" } }), "adopt");
    });
    expect(out.error).toBeUndefined();
    const doc = out.stacks.adopt;
    expect(resources(doc).alicloud_cen_instance).toBeUndefined();
    expect(resources(doc).alicloud_cen_transit_router).toBeUndefined();
    expect(doc.data).toBeUndefined();
    for (const type of ["alicloud_cen_transit_router_vbr_attachment", "alicloud_cen_transit_router_vpc_attachment"]) {
      expect(ofType(doc, type)[0][1]).toMatchObject({ cen_id: "cen-1", transit_router_id: "tr-1" });
    }
    for (const type of ["alicloud_cen_transit_router_route_table_association", "alicloud_cen_transit_router_route_table_propagation"]) {
      expect(ofType(doc, type).map(([, r]) => r.transit_router_route_table_id)).toEqual(["vtb-tr-1", "vtb-tr-1"]);
    }
    expect(() => assertConformance(doc)).not.toThrow();
  });

  test("an adopted CEN without an adopted transit router gets a transit router; an adopted transit router needs its CEN", () => {
    const out = synthApp((app) => { buildEdge(app, withBase(TERWAY_EDGE_BASE, { link: { ...CEN, cenId: "cen-1" } }), "cen-only"); });
    expect(out.error).toBeUndefined();
    expect(resources(out.stacks["cen-only"]).alicloud_cen_instance).toBeUndefined();
    expect(ofType(out.stacks["cen-only"], "alicloud_cen_transit_router")[0][1]).toMatchObject({ cen_id: "cen-1" });
    expect(synthApp((app) => { buildEdge(app, withBase(TERWAY_EDGE_BASE, { link: { ...CEN, transitRouterId: "tr-1" } }), "tr-only"); }).error)
      .toMatch(/S6-missing-field [^\n]*cenId: transitRouterId tr-1 is adopted; give the id of its CEN instance as cenId/);
  });

  test("an adopted VPC needs no router or route table ids; the zone mappings take one node vSwitch per zone", () => {
    const out = synthApp((app) => {
      const stack = new TerraformStack(app, "existing");
      new AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
      const network = AckNetwork.fromExisting(stack, "net", {
        vpcId: "vpc-1", vpcCidr: "192.168.0.0/16",
        nodeVSwitches: [
          { id: "vsw-i1", zone: "cn-hangzhou-i", cidr: "192.168.0.0/24" },
          { id: "vsw-i2", zone: "cn-hangzhou-i", cidr: "192.168.1.0/24" },
          { id: "vsw-j1", zone: "cn-hangzhou-j", cidr: "192.168.2.0/24" },
        ],
      });
      new HybridLink(stack, "idc", {
        network, physicalConnectionId: "pc-1", connectivity: HybridConnectivity.CEN_TRANSIT_ROUTER, vlanId: 10,
        localGatewayIp: "10.254.0.1", peerGatewayIp: "10.254.0.2", peeringSubnetMask: "255.255.255.252",
        bgp: { peerAsn: 65001 }, dataCenterCidrs: ["172.16.0.0/16"],
      });
    });
    expect(out.error).toBeUndefined();
    const [, att] = ofType(out.stacks.existing, "alicloud_cen_transit_router_vpc_attachment")[0];
    expect(att).toMatchObject({ vpc_id: "vpc-1" });
    expect(att.zone_mappings).toEqual([{ zone_id: "cn-hangzhou-i", vswitch_id: "vsw-i1" }, { zone_id: "cn-hangzhou-j", vswitch_id: "vsw-j1" }]);
    expect(() => assertConformance(out.stacks.existing)).not.toThrow();
  });

  test("a cloud pod range outside the VPC is not learned by the transit router: J11-cen-vpc-attachment", () => {
    const out = synthApp((app) => { buildEdge(app, withBase(TERWAY_EDGE_BASE, { link: { ...CEN, cloudPodCidrs: ["172.20.0.0/16"] } }), "outside"); });
    expect(out.error).toBeUndefined();
    expect(out.warnings.join("\n")).toMatch(/warning J11-cen-vpc-attachment .*idc\.cloudPodCidrs\[0\]: the cloud pod range 172\.20\.0\.0\/16 is outside the VPC CIDR 192\.168\.0\.0\/16/);
  });
});

describe("HybridLink wiring", () => {
  test("a link created before the cluster still feeds it (order-independent), and Flannel opens UDP 8472 from the data centre", () => {
    const out = synthApp((app) => {
      const stack = new TerraformStack(app, "order");
      new AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
      const network = new AckNetwork(stack, "net", { vpcCidr: "192.168.0.0/16", zones: ["cn-hangzhou-i"], nodeVSwitchCidrs: ["192.168.0.0/24"] });
      new HybridLink(stack, "idc", {
        network, physicalConnectionId: "pc-1", accessPointId: "ap-1", vlanId: 10,
        localGatewayIp: "10.254.0.1", peerGatewayIp: "10.254.0.2", peeringSubnetMask: "255.255.255.252",
        bgp: { peerAsn: 65001 }, dataCenterCidrs: ["172.16.0.0/16"],
      });
      const edge = new AckEdgeCluster(stack, "edge", { network, serviceCidr: "172.21.0.0/20", cni: EdgeCni.flannel({ podCidr: "10.8.0.0/16" }) });
      expect(edge.hybridLinks).toHaveLength(1);
      expect(edge._plannedInput?.externalRanges.map((r) => r.cidr)).toContain("172.16.0.0/16");
      expect(() => edge.edgePodCidr).toThrow(/Flannel has no routed edge pod CIDR/);
    });
    expect(out.error).toBeUndefined();
    const rules = ofType(out.stacks.order, "alicloud_security_group_rule").filter(([, r]) => r.port_range === "8472/8472").map(([, r]) => r.cidr_ip);
    expect(rules.sort()).toEqual(["172.16.0.0/16", "192.168.0.0/16"]);
  });

  test("a data-centre CIDR that is a token still gets its VPC route, with T0-unresolved-token instead of the checks", () => {
    const out = synthApp((app) => {
      const built = buildEdge(app, withBase(TERWAY_EDGE_BASE, { link: { dataCenterCidrs: [], connectivity: HybridConnectivity.ROUTER_INTERFACE } }), "token");
      const dc = new TerraformVariable(built.stack, "dc_cidr", { type: "string" });
      new HybridLink(built.stack, "idc-2", {
        network: built.cluster.network, physicalConnectionId: "pc-2", accessPointId: "ap-2", vlanId: 7, connectivity: HybridConnectivity.ROUTER_INTERFACE,
        localGatewayIp: "10.254.1.1", peerGatewayIp: "10.254.1.2", peeringSubnetMask: "255.255.255.252",
        bgp: { peerAsn: 65002 }, dataCenterCidrs: [dc.stringValue],
      });
    });
    expect(out.error).toBeUndefined();
    expect(out.warnings.join("\n")).toMatch(/T0-unresolved-token .*idc-2\.dataCenterCidrs\[0\]/);
    const routes = ofType(out.stacks.token, "alicloud_route_entry").map(([, r]) => r.destination_cidrblock);
    expect(routes).toContain("${var.dc_cidr}");
  });

  test("VLAN ids are checked across every stack of the app", () => {
    const out = synthApp((app) => {
      buildEdge(app, TERWAY_EDGE_BASE, "a");
      buildEdge(app, TERWAY_EDGE_BASE, "b");
    });
    expect(out.error).toMatch(/J1-vlan-unique .*VLAN id 100 on physical connection pc-bp1seed00000000000 is also used by b\/idc/);
  });

  test("adopting a VBR needs its route table; creating one needs every VBR argument", () => {
    const out = synthApp((app) => {
      buildEdge(app, withBase(TERWAY_EDGE_BASE, { link: { vbrId: "vbr-bp1existing", connectivity: HybridConnectivity.ROUTER_INTERFACE } }), "adopt");
    });
    expect(out.error).toMatch(/J10-router-interface-inputs .*adopted VBR vbr-bp1existing needs its route table id/);
    // A finding at synth (S6), not an exception from the constructor.
    expect(synthApp((app) => {
      buildEdge(app, withBase(TERWAY_EDGE_BASE, { link: { peeringSubnetMask: undefined } }), "missing");
    }).error).toMatch(/S6-missing-field [^\n]*peeringSubnetMask: give vbrId to adopt a VBR, or peeringSubnetMask to create one/);
  });
});
