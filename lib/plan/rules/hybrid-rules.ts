import { Cidr, CidrError, IpVersion, formatAddress, maskToPrefix, parseAddress } from "../../cidr";
import { Finding, Severity } from "../finding";
import type { HybridLinkPlanInput, PlannedRoute } from "../hybrid";
import { RuleInfo, rule } from "../rule";
import { INVALID_CIDR, UNRESOLVED_VALUE } from "./input-rules";

/** Section J rules (Express Connect VBR / BGP) and the hybrid route plan (I-7). */

export const VLAN_RANGE = rule(
  "J1-vlan-range", Severity.ERROR, ["J-1"],
  "The VBR VLAN id is a whole number from 1 to 2999.",
  "**Conflict in the sources.** CreateVirtualBorderRouter and the provider accept 0-2999; the ROS VirtualBorderRouter page says 1-2999. Safe reading: 1-2999, accepted by every source (VLAN 0 is rejected here; an untagged port would use it).",
);
export const VLAN_UNIQUE = rule(
  "J1-vlan-unique", Severity.ERROR, ["J-1"],
  "Two VBRs on one physical connection use different VLAN ids.",
  "Each VBR is a VLAN subinterface of the physical connection; two with the same VLAN id on one connection are rejected. Checked across every HybridLink of the app.",
);
export const GATEWAY_SUBNET = rule(
  "J2-gateway-subnet", Severity.ERROR, ["J-2"],
  "The VBR's local and peer gateway IPs are distinct IPv4 addresses in the subnet of the peering mask.",
  "`local_gateway_ip` (Alibaba Cloud side) and `peer_gateway_ip` (data-centre side) must sit in the same subnet defined by `peering_subnet_mask` (a dotted netmask, typically 255.255.255.252). No minimum or maximum mask is documented.",
);
export const PEERING_SUBNET_OVERLAP = rule(
  "J2-peering-subnet-overlap", Severity.ERROR, ["J-2", "C-6"],
  "The VBR peering subnet overlaps neither the VPC, the cloud or edge pod ranges nor the data-centre ranges.",
  "The peering subnet is a point-to-point link between the VBR and the data-centre router; a range routed elsewhere that contains it makes the gateway addresses unreachable or ambiguous.",
);
export const LOCAL_ASN = rule(
  "J4-local-asn", Severity.ERROR, ["J-4"],
  "The BGP group's local ASN is 45104, or in 64512-65534 or 4200000000-4294967294, and not 65025.",
  "`alicloud_vpc_bgp_group.local_asn` (Alibaba Cloud side) defaults to 45104; custom values must come from the private ranges; 65025 is reserved by Alibaba Cloud. A custom local ASN in multi-line setups can cause BGP loops.",
);
export const PEER_ASN = rule(
  "J5-peer-asn", Severity.ERROR, ["J-5"],
  "The BGP peer ASN is a whole number from 1 to 4294967295.",
  "`peer_asn` is required; 2-byte and 4-byte ASNs are accepted and no private-only restriction is stated (J-5), so only the ASN number space is checked.",
);
export const BGP_PEERS = rule(
  "J6-bgp-peers", Severity.ERROR, ["J-6"],
  "A VBR has 1 to 8 BGP peers, each a valid IPv4 address, listed once.",
  "A VBR supports at most eight BGP peers (counted over every HybridLink adopting the same VBR). Without a peer no route is learned from the data centre.",
);
export const BGP_ROUTE_LIMIT = rule(
  "J6-bgp-route-limit", Severity.ERROR, ["J-6"],
  "The routes expected from the data centre fit the per-peer route limit (110).",
  "Each BGP peer accepts at most 110 dynamic routes; routes beyond the limit are denied. Expected: one per edge pod CIDR and data-centre CIDR, plus `extraExpectedRoutes`. The data-centre router must aggregate the edge nodes' per-node pod subnets into the edge pod CIDR, or each node costs one route.",
);
export const BGP_ADVERTISED_ROUTES = rule(
  "J6-bgp-advertised-routes", Severity.WARNING, ["J-6", "J-9"],
  "The VBR advertises at most 110 networks to the data centre.",
  "The documented 110-route limit is for routes a peer receives on the Alibaba Cloud side; no limit is documented for `alicloud_vpc_bgp_network` entries, but data-centre routers commonly apply a similar max-prefix. A warning, not an error, for that reason.",
);
export const BGP_AUTH_KEY = rule(
  "J8-bgp-auth-key", Severity.ERROR, ["J-8"],
  "The BGP authentication key comes from a sensitive Terraform variable.",
  "`auth_key` is a secret. The HybridLink only accepts it as a `TerraformVariable` (a literal can't be passed), and that variable must be declared `sensitive: true` so Terraform redacts it from plans and logs. No length or charset rule is documented (J-8).",
);
export const BGP_AUTH_KEY_MISSING = rule(
  "J8-bgp-auth-key-missing", Severity.WARNING, ["J-8"],
  "The BGP session has an authentication key.",
  "Without `auth_key` (CreateBgpGroup `AuthKey`, optional) the BGP session between the VBR and the data-centre router is not authenticated, so a device on the peering subnet can inject routes. Compliance baselines flag unauthenticated BGP sessions; the Alibaba Cloud Config managed-rule id could not be confirmed (provider/README.md, \"Compliance warnings\"). Give `bgp.authKey` (HybridLink) or `authKeyVariable` (spec), a sensitive Terraform variable (J8-bgp-auth-key)."
);
export const ROUTER_INTERFACE_INPUTS = rule(
  "J10-router-interface-inputs", Severity.ERROR, ["I-7", "J-9"],
  "Router-interface connectivity knows the access point of the physical connection and, for an adopted VBR, its route table.",
  "The VBR-side router interface is created in fast-link mode, which needs `access_point_id` (provider docs of `alicloud_express_connect_router_interface`, `fast_link_mode`); static routes on an adopted VBR need its route table id (`vbrRouteTableId`).",
);
export const CEN_VPC_ATTACHMENT = rule(
  "J11-cen-vpc-attachment", Severity.WARNING, ["I-9", "I-7"],
  "With CEN connectivity the VPC attachment maps vSwitches in at least two zones, and every cloud range is a VPC system route the transit router learns.",
  "The HybridLink attaches the VPC to the transit router (`alicloud_cen_transit_router_vpc_attachment`) with one `zone_mappings` entry per zone of the network's node vSwitches. In regions where Enterprise Edition transit routers run in several zones, the VPC connection needs vSwitches in two zones (one free IP address each); regions with a single transit-router zone accept one, which is why this is a warning. The zones must also be zones the transit router supports (not known at synth). A transit router learns a VPC's system routes (its vSwitch CIDRs) by default, but not custom routes toward ECS instances or ENIs: cloud pod ranges outside the VPC CIDR (Flannel-style per-node routes) must be advertised to the transit router outside this library (VPC route advertisement, or a transit-router route entry toward the VPC attachment), or the VBR and the data centre never learn them.",
);
export const TRANSIT_ROUTER_VSWITCHES = rule(
  "J12-transit-router-vswitches", Severity.INFO, ["I-9"],
  "With CEN connectivity the transit router's VPC attachment uses vSwitches of its own.",
  "An Enterprise Edition transit router creates one ENI in each vSwitch its VPC connection maps, and the ENI takes one IP address of that vSwitch (CEN guide \"Connect a VPC to a transit router\"). Without `transitRouterVSwitches` the HybridLink maps the network's first node vSwitch in each zone, so each zone loses one node address to the transit router; give dedicated vSwitches (any free /29 or larger of the VPC, one per zone) to keep node vSwitches whole. Reported as an info.",
);
export const HYBRID_ROUTES = rule(
  "I7-hybrid-routes", Severity.INFO, ["I-7", "C-6", "J-9"],
  "Cloud and edge ranges are routed between the VPC, the VBR and the data centre.",
  "VBR: edge pod and data-centre CIDRs toward the data centre (learned over BGP: a VBR custom route can only point at a router interface), cloud ranges toward the VPC. VPC: edge pod and data-centre CIDRs toward the VBR. Data centre: cloud ranges toward the VBR (listed as data, Terraform can't create them). Router interfaces carry the VBR/VPC routes as static route entries (origin `static`); with a CEN transit router they are learned and published by the transit router (origin `cen`, no route entries). Reported as an info with the route table.",
);

export const HYBRID_RULES: RuleInfo[] = [
  VLAN_RANGE, VLAN_UNIQUE, GATEWAY_SUBNET, PEERING_SUBNET_OVERLAP, LOCAL_ASN, PEER_ASN, BGP_PEERS, BGP_ROUTE_LIMIT,
  BGP_ADVERTISED_ROUTES, BGP_AUTH_KEY, BGP_AUTH_KEY_MISSING, ROUTER_INTERFACE_INPUTS, CEN_VPC_ATTACHMENT, TRANSIT_ROUTER_VSWITCHES, HYBRID_ROUTES,
];

const MAX_BGP_PEERS = 8;
const MAX_ASN = 4294967295;

/** Valid local ASN (J-4). */
export function isValidLocalAsn(asn: number): boolean {
  if (!Number.isInteger(asn) || asn === 65025) return false;
  return asn === 45104 || (asn >= 64512 && asn <= 65534) || (asn >= 4200000000 && asn <= 4294967294);
}

function ipv4(text: string): bigint | undefined {
  try {
    const a = parseAddress(text);
    return a.version === IpVersion.V4 ? a.value : undefined;
  } catch (e) {
    if (e instanceof CidrError) return undefined;
    throw e;
  }
}

/** Runs the section J checks. `computed` carries the routes and advertised networks already worked out. */
export function checkHybridLink(input: HybridLinkPlanInput, computed: { routes: PlannedRoute[]; bgpNetworks: string[] }): Finding[] {
  const findings: Finding[] = [];
  const unresolved = new Set(input.unresolved ?? []);
  const path = (rest: string) => `${input.name}.${rest}`;
  const report = (r: RuleInfo, rest: string, message: string) =>
    findings.push({ ruleId: r.id, severity: r.severity, path: path(rest), message, sources: r.sources });
  for (const u of unresolved) {
    report(UNRESOLVED_VALUE, u, "value is an unresolved token at synth time; the checks that need it are skipped. Give a literal to have it checked.");
  }
  const parse = (rest: string, text: string | undefined): Cidr | undefined => {
    if (text === undefined || unresolved.has(rest)) return undefined;
    try {
      return Cidr.parse(text);
    } catch (e) {
      if (!(e instanceof CidrError)) throw e;
      report(INVALID_CIDR, rest, e.message);
      return undefined;
    }
  };
  const vpc = parse("vpcCidr", input.vpcCidr);
  const ranges: Array<{ label: string; cidr: Cidr }> = [];
  if (vpc) ranges.push({ label: `VPC ${vpc}`, cidr: vpc });
  input.cloudPodCidrs.forEach((t, i) => { const c = parse(`cloudPodCidrs[${i}]`, t); if (c) ranges.push({ label: `cloud pod range ${c}`, cidr: c }); });
  input.edgePodCidrs.forEach((t, i) => { const c = parse(`edgePodCidrs[${i}]`, t); if (c) ranges.push({ label: `edge pod CIDR ${c}`, cidr: c }); });
  input.dataCenterCidrs.forEach((t, i) => { const c = parse(`dataCenterCidrs[${i}]`, t); if (c) ranges.push({ label: `data-centre CIDR ${c}`, cidr: c }); });
  input.bgp.advertise.forEach((t, i) => parse(`bgp.advertise[${i}]`, t));

  // J-1: VLAN id range and uniqueness per physical connection.
  const vlan = input.vbr?.vlanId;
  if (vlan !== undefined && !unresolved.has("vlanId")) {
    if (!Number.isInteger(vlan) || vlan < 1 || vlan > 2999) {
      report(VLAN_RANGE, "vlanId", `VLAN id ${vlan} is outside 1-2999 (the API also takes 0, ROS does not; this library takes the reading every source accepts). Pick a VLAN id from 1 to 2999 agreed with the data-centre side.`);
    }
    const clash = input.siblings.filter((s) => s.vlanId === vlan && s.physicalConnectionId !== undefined && s.physicalConnectionId === input.physicalConnectionId);
    if (clash.length > 0) {
      report(VLAN_UNIQUE, "vlanId", `VLAN id ${vlan} on physical connection ${input.physicalConnectionId} is also used by ${clash.map((s) => s.name).join(", ")}; give each VBR on a connection its own VLAN id.`);
    }
  }

  // J-2: gateway IPs in one peering subnet.
  const v = input.vbr;
  let peering: Cidr | undefined;
  if (v && !["localGatewayIp", "peerGatewayIp", "peeringSubnetMask"].some((k) => unresolved.has(k))) {
    const local = v.localGatewayIp !== undefined ? ipv4(v.localGatewayIp) : undefined;
    const peer = v.peerGatewayIp !== undefined ? ipv4(v.peerGatewayIp) : undefined;
    let prefix: number | undefined;
    try {
      prefix = v.peeringSubnetMask !== undefined ? maskToPrefix(v.peeringSubnetMask) : undefined;
    } catch (e) {
      if (!(e instanceof CidrError)) throw e;
      report(GATEWAY_SUBNET, "peeringSubnetMask", `${e.message}; use a dotted netmask such as 255.255.255.252 (/30).`);
    }
    if (local === undefined) report(GATEWAY_SUBNET, "localGatewayIp", `local gateway IP ${v.localGatewayIp ?? "(missing)"} is not an IPv4 address; give the Alibaba Cloud side address, e.g. 10.254.0.1.`);
    if (peer === undefined) report(GATEWAY_SUBNET, "peerGatewayIp", `peer gateway IP ${v.peerGatewayIp ?? "(missing)"} is not an IPv4 address; give the data-centre side address, e.g. 10.254.0.2.`);
    if (local !== undefined && peer !== undefined && prefix !== undefined) {
      const hostBits = 32 - prefix;
      const net = (x: bigint) => (x >> BigInt(hostBits)) << BigInt(hostBits);
      peering = Cidr.fromBigInt(IpVersion.V4, net(local), prefix);
      if (local === peer) {
        report(GATEWAY_SUBNET, "peerGatewayIp", `local and peer gateway IPs are both ${v.localGatewayIp}; they are the two ends of the link and must differ.`);
      } else if (net(local) !== net(peer)) {
        report(GATEWAY_SUBNET, "peerGatewayIp",
          `local gateway ${v.localGatewayIp} and peer gateway ${v.peerGatewayIp} are not in one /${prefix} subnet (mask ${v.peeringSubnetMask}): the local one is in ${peering}. ${prefix <= 30
            ? `Put both in the same subnet (e.g. ${formatAddress(peering.start + 1n, IpVersion.V4)} and ${formatAddress(peering.start + 2n, IpVersion.V4)}), or widen the mask.`
            : "A /31 or /32 subnet has no room for two gateways: use a /30 mask (255.255.255.252) or wider."}`);
      }
    }
  }
  if (peering) {
    for (const r of ranges) {
      if (peering.overlaps(r.cidr)) {
        report(PEERING_SUBNET_OVERLAP, "peeringSubnetMask", `the peering subnet ${peering} overlaps the ${r.label}; pick gateway addresses from a block used nowhere else (e.g. a /30 out of 10.254.0.0/24).`);
      }
    }
  }

  // J-4 / J-5: ASNs.
  const b = input.bgp;
  if (!unresolved.has("bgp.localAsn") && !isValidLocalAsn(b.localAsn)) {
    report(LOCAL_ASN, "bgp.localAsn", `local ASN ${b.localAsn} is not allowed${b.localAsn === 65025 ? " (65025 is reserved by Alibaba Cloud)" : ""}; use the default 45104, or a value in 64512-65534 or 4200000000-4294967294.`);
  }
  if (!unresolved.has("bgp.peerAsn")) {
    if (b.peerAsn === undefined || !Number.isInteger(b.peerAsn) || b.peerAsn < 1 || b.peerAsn > MAX_ASN) {
      report(PEER_ASN, "bgp.peerAsn", `peer ASN ${b.peerAsn ?? "(missing)"} is not an AS number; give the data-centre router's ASN, a whole number from 1 to 4294967295.`);
    }
  }

  // J-6: peers and routes.
  const peersHere = b.peerIps.length;
  const sharing = input.vbrId !== undefined ? input.siblings.filter((s) => s.vbrId === input.vbrId) : [];
  const peerTotal = peersHere + sharing.reduce((s, x) => s + x.peerCount, 0);
  if (peersHere === 0) {
    report(BGP_PEERS, "bgp.peerIps", "no BGP peer: give bgp.peerIps (the data-centre router addresses), or the peer gateway IP of a new VBR is used.");
  } else if (peerTotal > MAX_BGP_PEERS) {
    report(BGP_PEERS, "bgp.peerIps", `${peerTotal} BGP peers on one VBR${sharing.length > 0 ? ` (with ${sharing.map((s) => s.name).join(", ")})` : ""}; a VBR supports at most ${MAX_BGP_PEERS}. Drop peers or use another VBR.`);
  }
  const seen = new Set<string>();
  b.peerIps.forEach((ip, i) => {
    if (unresolved.has(`bgp.peerIps[${i}]`)) return;
    if (ipv4(ip) === undefined) report(BGP_PEERS, `bgp.peerIps[${i}]`, `BGP peer ${ip} is not an IPv4 address.`);
    else if (seen.has(ip)) report(BGP_PEERS, `bgp.peerIps[${i}]`, `BGP peer ${ip} is listed twice; list each peer once.`);
    seen.add(ip);
  });
  const limit = b.routeLimit ?? 110;
  const received = computed.routes.filter((r) => r.table === "vbr" && r.nextHop === "data-center").length + (b.extraExpectedRoutes ?? 0);
  if (received > limit) {
    report(BGP_ROUTE_LIMIT, "bgp", `the VBR expects ${received.toLocaleString("en-US")} routes from the data centre (edge pod and data-centre CIDRs${b.extraExpectedRoutes ? ` plus ${b.extraExpectedRoutes} extra` : ""}) but a BGP peer accepts ${limit}; aggregate the data-centre ranges into fewer prefixes.`);
  }
  if (computed.bgpNetworks.length > limit) {
    report(BGP_ADVERTISED_ROUTES, "bgp.advertise", `the VBR advertises ${computed.bgpNetworks.length} networks to the data centre; keep it within ${limit} by advertising aggregates.`);
  }

  // J-8: auth key.
  if (b.authKeySensitive === false) {
    report(BGP_AUTH_KEY, "bgp.authKey", "the BGP auth key variable is not sensitive; declare it with `sensitive: true` so Terraform keeps it out of plans and logs.");
  }
  if (b.authKeySensitive === undefined) {
    report(BGP_AUTH_KEY_MISSING, "bgp.authKey", "the BGP session has no authentication key; give one from a sensitive Terraform variable (HybridLink bgp.authKey, spec authKeyVariable).");
  }

  // Connectivity inputs.
  if (input.connectivity === "router-interface") {
    if (!input.hasAccessPoint) {
      report(ROUTER_INTERFACE_INPUTS, "accessPointId", "router-interface connectivity needs the access point id of the physical connection (accessPointId, e.g. ap-cn-hangzhou-xx-A) for the VBR-side router interface.");
    }
    if (input.vbrId !== undefined && !input.hasVbrRouteTable) {
      report(ROUTER_INTERFACE_INPUTS, "vbrRouteTableId", `the adopted VBR ${input.vbrId} needs its route table id (vbrRouteTableId, vtb-...) for the static routes toward the VPC.`);
    }
  } else {
    const zones = input.vpcAttachmentZones;
    if (zones !== undefined && new Set(zones).size < 2) {
      report(CEN_VPC_ATTACHMENT, "vpcAttachmentZones",
        `the transit router's VPC attachment maps ${zones.length === 0 ? "no zone" : `only zone ${zones[0]}`}; in regions where the transit router runs in several zones it needs a vSwitch in two of them. Give the network node vSwitches in two zones the transit router supports.`);
    }
    if (input.dedicatedAttachmentVSwitches !== true && zones !== undefined && zones.length > 0) {
      report(TRANSIT_ROUTER_VSWITCHES, "transitRouterVSwitches",
        `the transit router's VPC attachment maps the node vSwitches of ${zones.join(", ")}; its ENIs take one address from each. Give transitRouterVSwitches (one dedicated vSwitch per zone) to keep them out of the node vSwitches.`);
    }
    const vpc = input.vpcCidr !== undefined && !unresolved.has("vpcCidr") ? Cidr.tryParse(input.vpcCidr) : undefined;
    input.cloudPodCidrs.forEach((t, i) => {
      if (unresolved.has(`cloudPodCidrs[${i}]`)) return;
      const c = Cidr.tryParse(t);
      if (c === undefined || vpc === undefined || vpc.contains(c)) return;
      report(CEN_VPC_ATTACHMENT, `cloudPodCidrs[${i}]`,
        `the cloud pod range ${c} is outside the VPC CIDR ${vpc}: its VPC routes point at ECS instances, which a transit router does not learn by default, so the VBR and the data centre never get it. Advertise those routes to the transit router outside this library, or use router-interface connectivity.`);
    });
  }

  if (computed.routes.length > 0) {
    report(HYBRID_ROUTES, "routes", `routes:\n${computed.routes.map((r) => `  ${r.table} ${r.destination} -> ${r.nextHop} (${r.origin})`).join("\n")}`);
  }
  return findings;
}
