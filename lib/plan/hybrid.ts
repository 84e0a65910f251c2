/**
 * Pure planning of a hybrid link (Express Connect VBR + BGP between a VPC and a data centre):
 * which routes go in which route table, what the data-centre routers must carry, and every
 * section J finding. No cdktf: the HybridLink construct only emits what this returns.
 *
 * Route model (shared/reference/ack-network-rules.md I-7, C-6, J-9; seeds "Terway Edge"):
 *   cloud -> edge  the VBR carries the edge pod CIDRs (and data-centre CIDRs) toward the data
 *                  centre, the VPC route table carries them toward the VBR;
 *   edge -> cloud  the VBR carries the cloud ranges (VPC CIDR; for Terway the cloud pods live
 *                  in it) toward the VPC; the data-centre routers carry them toward the VBR.
 * A VBR route table only accepts custom routes whose next hop is a router interface
 * (CreateRouteEntry, VBR notes), so VBR -> data-centre routes can't be static Terraform
 * resources: they are learned over the BGP session from the data-centre router (to which the
 * Terway Edge BGP speakers advertise the edge pod subnets). They are listed with
 * origin `bgp` and count toward the per-peer route limit (J-6).
 *
 * Between the VBR and the VPC the routes depend on the connectivity:
 *   CEN transit router  (default) see below;
 *   router interfaces   one VBR-side interface in fast-link mode (Alibaba Cloud creates and
 *                       connects the VPC side) and static `alicloud_route_entry` routes in both
 *                       tables (origin `static`);
 *   CEN transit router  no route entries: both attachments are associated with, and propagate
 *                       to, one transit-router route table; the VBR attachment and the VPC
 *                       attachment have `auto_publish_route_enabled`, so the transit router
 *                       publishes the VBR's BGP routes into the VPC route table and the VPC's
 *                       system (vSwitch) routes to the VBR (origin `cen`). Only a VPC's system
 *                       routes are propagated to a transit router by default, so cloud ranges
 *                       outside the VPC CIDR (Flannel-style pod routes toward ECS instances)
 *                       are not learned: rule J11-cen-vpc-attachment.
 *                       The VBR advertises what the transit router publishes to it over its
 *                       BGP session, so the VPC CIDR gets no `alicloud_vpc_bgp_network` of its
 *                       own in this mode (it would be advertised twice).
 */
import { Finding, sortFindings } from "./finding";
import { checkHybridLink } from "./rules/hybrid-rules";
import { Cidr } from "../cidr";

/** How the VBR and the VPC are joined. */
export enum HybridConnectivity {
  /**
   * One VBR-side router interface in fast-link mode (Alibaba Cloud creates the VPC-side
   * interface and connects the pair) and static route entries in the VBR and VPC route tables.
   * No deprecated resource type.
   */
  ROUTER_INTERFACE = "router-interface",
  /**
   * The default. A CEN transit router with a VBR attachment and a VPC attachment, both
   * associated with and propagating to the transit router's route table, both auto-publishing:
   * the transit router carries the routes between the VBR and the VPC, and no static route
   * entries are needed.
   */
  CEN_TRANSIT_ROUTER = "cen-transit-router",
}

/** Route table a planned route goes into. */
export enum RouteTableKind {
  /** The VBR's route table. */
  VBR = "vbr",
  /** The VPC's system route table. */
  VPC = "vpc",
}

/** Where a planned route sends traffic. */
export enum RouteNextHop {
  /** Over the Express Connect circuit to the data-centre router. */
  DATA_CENTER = "data-center",
  /** Through the router interface (or transit router) into the VPC. */
  VPC = "vpc",
  /** Through the router interface (or transit router) to the VBR. */
  VBR = "vbr",
}

/** How a planned route comes to exist. */
export enum RouteOrigin {
  /** A static `alicloud_route_entry` created by the HybridLink. */
  STATIC = "static",
  /** Learned over the VBR's BGP session from the data-centre router. */
  BGP = "bgp",
  /** Learned by the CEN transit router from an attachment and published into the table by it. */
  CEN = "cen",
}

/** One route the hybrid link needs. */
export interface PlannedRoute {
  readonly table: RouteTableKind;
  readonly destination: string;
  readonly nextHop: RouteNextHop;
  readonly origin: RouteOrigin;
  /** Why the route is needed, in one sentence. */
  readonly reason: string;
  /** Catalogue rule the route implements. */
  readonly ruleId: string;
}

/** What the data-centre side must do for a range: route it to the VBR, or advertise it to the VBR. */
export enum DataCenterRouteKind {
  /** A route on the data-centre router toward the VBR (learned over BGP or static). */
  ROUTE_TO_VBR = "route-to-vbr",
  /** The data-centre router advertises the range to the VBR over BGP. */
  ADVERTISE_TO_VBR = "advertise-to-vbr",
}

/** A route Terraform can't create: it lives on the data-centre routers. */
export interface DataCenterRoute {
  readonly kind: DataCenterRouteKind;
  readonly destination: string;
  /** Next hop on the data-centre router (route), or who originates the range (advertise). */
  readonly nextHop: string;
  readonly reason: string;
}

/** The VBR as planned (undefined fields are unknown or unresolved tokens). */
export interface HybridVbrPlan {
  readonly vlanId?: number;
  readonly localGatewayIp?: string;
  readonly peerGatewayIp?: string;
  /** Dotted mask, e.g. `255.255.255.252`. */
  readonly peeringSubnetMask?: string;
}

/** BGP settings as planned. */
export interface HybridBgpPlan {
  readonly localAsn: number;
  readonly peerAsn?: number;
  readonly peerIps: string[];
  /** Extra CIDRs advertised to the data centre. */
  readonly advertise: string[];
  /** Whether the auth key variable is marked sensitive; undefined when there is no auth key. */
  readonly authKeySensitive?: boolean;
  /** Routes expected from the data centre beyond the declared edge pod and data-centre CIDRs. */
  readonly extraExpectedRoutes?: number;
  /** Route limit per BGP peer (J-6). Default 110. */
  readonly routeLimit?: number;
}

/** Another hybrid link of the same app (VLAN and peer-count rules). */
export interface HybridSibling {
  readonly name: string;
  readonly physicalConnectionId?: string;
  readonly vlanId?: number;
  readonly vbrId?: string;
  readonly peerCount: number;
}

/** Everything the hybrid rules and the route plan look at. */
export interface HybridLinkPlanInput {
  readonly name: string;
  readonly physicalConnectionId?: string;
  /** Id of an adopted VBR; undefined when the link creates one. */
  readonly vbrId?: string;
  /** The VBR to create (undefined when adopted). */
  readonly vbr?: HybridVbrPlan;
  readonly vpcCidr?: string;
  /** Cloud pod ranges outside the VPC CIDR (none for Terway: its pods live in the VPC). */
  readonly cloudPodCidrs: string[];
  readonly edgePodCidrs: string[];
  readonly dataCenterCidrs: string[];
  readonly bgp: HybridBgpPlan;
  readonly connectivity: HybridConnectivity;
  /** Router-interface mode needs the access point of the physical connection. */
  readonly hasAccessPoint: boolean;
  /** Router-interface mode with an adopted VBR needs its route table id. */
  readonly hasVbrRouteTable: boolean;
  /**
   * CEN mode: the zones in which the VPC attachment maps a vSwitch (J11-cen-vpc-attachment).
   * Undefined when not known (the zone check is skipped).
   */
  readonly vpcAttachmentZones?: string[];
  /**
   * CEN mode: the VPC attachment maps vSwitches given for it (no nodes or pods in them) rather
   * than the node vSwitches (J12-transit-router-vswitches).
   */
  readonly dedicatedAttachmentVSwitches?: boolean;
  /** Other links in the same app. */
  readonly siblings: HybridSibling[];
  /** Paths of values that are unresolved tokens. */
  readonly unresolved?: string[];
}

/** What planning a hybrid link gives. */
export interface HybridLinkPlan {
  /** Every finding, errors first. */
  readonly findings: Finding[];
  /** Routes in the VBR and VPC route tables, in a stable order. */
  readonly routes: PlannedRoute[];
  /** Routes the data-centre routers must carry or advertise (not creatable by Terraform). */
  readonly dataCenterRoutes: DataCenterRoute[];
  /** CIDRs the VBR advertises to the data centre (`alicloud_vpc_bgp_network`). */
  readonly bgpNetworks: string[];
}

/** Default Alibaba Cloud side ASN of a BGP group (J-4). */
export const DEFAULT_LOCAL_ASN = 45104;
/** Routes one BGP peer accepts by default (J-6). */
export const DEFAULT_BGP_ROUTE_LIMIT = 110;
/** Catalogue id every planned route cites. */
export const HYBRID_ROUTES_RULE_ID = "I7-hybrid-routes";

/** Canonical CIDR text; text that doesn't parse (an unresolved token, or an error reported as A0-invalid-cidr) is kept as given. */
function canonical(text: string): string {
  return Cidr.tryParse(text)?.toString() ?? text;
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

/**
 * The cloud ranges the data centre must reach: the VPC CIDR, plus cloud pod ranges that are
 * not inside it (Flannel-style pod CIDRs). Unparseable or unresolved values are left out.
 */
export function cloudRanges(input: Pick<HybridLinkPlanInput, "vpcCidr" | "cloudPodCidrs">): string[] {
  const vpc = input.vpcCidr !== undefined ? Cidr.tryParse(input.vpcCidr) : undefined;
  const out: string[] = [];
  if (input.vpcCidr !== undefined) out.push(canonical(input.vpcCidr));
  for (const text of input.cloudPodCidrs) {
    const c = Cidr.tryParse(text);
    if (c && vpc && vpc.contains(c)) continue; // already reached through the VPC route
    out.push(canonical(text));
  }
  return dedupe(out);
}

/**
 * The routes of the VBR and VPC route tables. Pure; the order is stable: VBR routes toward the
 * data centre, VBR routes toward the VPC, then VPC routes toward the VBR.
 */
export function computeHybridRoutes(input: Pick<HybridLinkPlanInput, "vpcCidr" | "cloudPodCidrs" | "edgePodCidrs" | "dataCenterCidrs" | "connectivity">): PlannedRoute[] {
  const cen = input.connectivity === HybridConnectivity.CEN_TRANSIT_ROUTER;
  const inner = cen ? RouteOrigin.CEN : RouteOrigin.STATIC;
  const edge = dedupe(input.edgePodCidrs.map(canonical));
  const dc = dedupe(input.dataCenterCidrs.map(canonical)).filter((c) => !edge.includes(c));
  const cloud = cloudRanges(input);
  const remote: Array<{ cidr: string; what: string }> = [
    ...edge.map((cidr) => ({ cidr, what: "edge pod CIDR" })),
    ...dc.map((cidr) => ({ cidr, what: "data-centre CIDR" })),
  ];
  const vpc = input.vpcCidr !== undefined ? canonical(input.vpcCidr) : undefined;
  const routes: PlannedRoute[] = [];
  for (const r of remote) {
    routes.push({
      table: RouteTableKind.VBR, destination: r.cidr, nextHop: RouteNextHop.DATA_CENTER, origin: RouteOrigin.BGP, ruleId: HYBRID_ROUTES_RULE_ID,
      reason: `cloud -> edge: the VBR forwards traffic for the ${r.what} ${r.cidr} over the Express Connect circuit; it learns the route over BGP from the data-centre router`,
    });
  }
  for (const c of cloud) {
    const how = !cen
      ? "through the router interface"
      : c === vpc
        ? "through the transit router, which learns the VPC's vSwitch (system) routes from the VPC attachment and publishes them to the VBR"
        : "through the transit router, once the route is advertised to it (a VPC route toward ECS instances is not propagated by default, J11-cen-vpc-attachment)";
    routes.push({
      table: RouteTableKind.VBR, destination: c, nextHop: RouteNextHop.VPC, origin: inner, ruleId: HYBRID_ROUTES_RULE_ID,
      reason: `edge -> cloud: the VBR sends traffic for the cloud range ${c} into the VPC ${how}`,
    });
  }
  for (const r of remote) {
    const how = cen
      ? "the transit router, which learns it from the VBR attachment and publishes it into the VPC route table (next hop: the transit router)"
      : "the router interface";
    routes.push({
      table: RouteTableKind.VPC, destination: r.cidr, nextHop: RouteNextHop.VBR, origin: inner, ruleId: HYBRID_ROUTES_RULE_ID,
      reason: `cloud -> edge: the VPC sends traffic for the ${r.what} ${r.cidr} to the VBR through ${how}`,
    });
  }
  return routes;
}

/** What the data-centre routers must carry (route) and advertise to the VBR. Pure. */
export function computeDataCenterRoutes(input: Pick<HybridLinkPlanInput, "vpcCidr" | "cloudPodCidrs" | "edgePodCidrs" | "dataCenterCidrs" | "vbr">): DataCenterRoute[] {
  const vbrSide = input.vbr?.localGatewayIp ?? "the VBR (Alibaba Cloud side gateway IP)";
  const out: DataCenterRoute[] = [];
  for (const c of cloudRanges(input)) {
    out.push({
      kind: DataCenterRouteKind.ROUTE_TO_VBR, destination: c, nextHop: vbrSide,
      reason: `edge -> cloud: data-centre routers send traffic for the cloud range ${c} to the VBR (learned over BGP from the VBR's advertised networks, or a static route)`,
    });
  }
  for (const e of dedupe(input.edgePodCidrs.map(canonical))) {
    out.push({
      kind: DataCenterRouteKind.ADVERTISE_TO_VBR, destination: e, nextHop: "the edge nodes (Terway Edge BGP speakers)",
      reason: `cloud -> edge: the data-centre router advertises the edge pod CIDR ${e} (aggregated, one prefix) to the VBR over BGP; it learns the per-node subnets from the edge nodes`,
    });
  }
  for (const d of dedupe(input.dataCenterCidrs.map(canonical))) {
    out.push({
      kind: DataCenterRouteKind.ADVERTISE_TO_VBR, destination: d, nextHop: input.vbr?.peerGatewayIp ?? "the data-centre gateway",
      reason: `the data-centre router advertises the data-centre CIDR ${d} to the VBR over BGP`,
    });
  }
  return out;
}

/**
 * CIDRs the VBR advertises to the data centre with `alicloud_vpc_bgp_network`: the cloud ranges
 * and any extra ones. With a CEN transit router the VPC CIDR is left out: the transit router
 * publishes the VPC's system routes to the VBR (auto-publish), and the VBR advertises them to
 * the data centre already. Pure.
 */
export function computeBgpNetworks(input: Pick<HybridLinkPlanInput, "vpcCidr" | "cloudPodCidrs" | "bgp"> & Partial<Pick<HybridLinkPlanInput, "connectivity">>): string[] {
  const extra = input.bgp.advertise.map(canonical);
  const vpc = input.vpcCidr !== undefined ? canonical(input.vpcCidr) : undefined;
  const cloud = cloudRanges(input).filter((c) => input.connectivity !== HybridConnectivity.CEN_TRANSIT_ROUTER || c !== vpc);
  return dedupe([...cloud, ...extra]);
}

/** Plans one hybrid link: findings (section J and I-7) and the routes. Pure. */
export function planHybridLink(input: HybridLinkPlanInput): HybridLinkPlan {
  const routes = computeHybridRoutes(input);
  const dataCenterRoutes = computeDataCenterRoutes(input);
  const bgpNetworks = computeBgpNetworks(input);
  const findings = checkHybridLink(input, { routes, bgpNetworks });
  return { findings: sortFindings(findings), routes, dataCenterRoutes, bgpNetworks };
}

/** One line per route, for messages and annotations. */
export function formatRoutes(routes: readonly PlannedRoute[]): string {
  return routes.map((r) => `${r.table.padEnd(3)} ${r.destination.padEnd(18)} -> ${r.nextHop.padEnd(11)} (${r.origin})`).join("\n");
}
