import { Construct } from "constructs";
import { MISSING_FIELD } from "../plan/rules/fleet-rules";
import { Finding } from "../plan/finding";
import { constructId } from "./construct-id";
import { AckNetwork, ExistingVSwitch } from "./ack-network";
import { Lazy, TerraformStack, TerraformVariable, Token } from "./cdktf";
import { AppEstate, EstateBuilder } from "./estate";
import { addLinkOutputs } from "./outputs";
import { PlanValues } from "./tokens";
import { addPlanValidation } from "./validation";
import {
  DEFAULT_LOCAL_ASN, DataCenterRoute, HybridConnectivity, HybridLinkPlan, HybridLinkPlanInput, HybridSibling, PlannedRoute,
  RouteNextHop, RouteOrigin, RouteTableKind, formatRoutes, planHybridLink,
} from "../plan/hybrid";
import { CenInstance } from "../providers/alicloud/cen-instance";
import { CenTransitRouter } from "../providers/alicloud/cen-transit-router";
import { CenTransitRouterRouteTableAssociation } from "../providers/alicloud/cen-transit-router-route-table-association";
import { CenTransitRouterRouteTablePropagation } from "../providers/alicloud/cen-transit-router-route-table-propagation";
import { CenTransitRouterVbrAttachment } from "../providers/alicloud/cen-transit-router-vbr-attachment";
import { CenTransitRouterVpcAttachment } from "../providers/alicloud/cen-transit-router-vpc-attachment";
import { DataAlicloudCenTransitRouterRouteTables } from "../providers/alicloud/data-alicloud-cen-transit-router-route-tables";
import type { ExpressConnectRouterInterface } from "../providers/alicloud/express-connect-router-interface";
import { ExpressConnectVirtualBorderRouter } from "../providers/alicloud/express-connect-virtual-border-router";
import { Cidr } from "../cidr";
import { AlicloudProvider } from "../providers/alicloud/provider";
import { VpcBgpGroup } from "../providers/alicloud/vpc-bgp-group";
import { VpcBgpPeer } from "../providers/alicloud/vpc-bgp-peer";
import { bgpNetworkL1, dataAccountL1, routeEntryL1, routerInterfaceL1 } from "./lazy-l1";

export { HybridConnectivity, RouteNextHop, RouteOrigin, RouteTableKind, DataCenterRouteKind } from "../plan/hybrid";
export type { PlannedRoute, DataCenterRoute } from "../plan/hybrid";

/** BGP between the VBR and the data-centre router. */
export interface HybridLinkBgpOptions {
  /** ASN of the data-centre router (1 to 4294967295, rule J5-peer-asn). */
  readonly peerAsn: number;
  /**
   * ASN of the Alibaba Cloud side: 45104, 64512-65534 or 4200000000-4294967294, not 65025
   * (rule J4-local-asn).
   * @default 45104
   */
  readonly localAsn?: number;
  /**
   * Addresses of the BGP peers (at most 8 per VBR, rule J6-bgp-peers).
   * @default [peerGatewayIp] of the VBR created here
   */
  readonly peerIps?: string[];
  /**
   * BGP authentication key. A `TerraformVariable` declared with `sensitive: true` (rule
   * J8-bgp-auth-key); a literal string can't be given, so the key never lands in code or in
   * the synthesized JSON.
   * @default no authentication
   */
  readonly authKey?: TerraformVariable;
  /**
   * Extra CIDRs the VBR advertises to the data centre, besides the VPC and cloud pod ranges.
   * @default none
   */
  readonly advertise?: string[];
  /**
   * Routes expected from the data centre beyond one per edge pod and data-centre CIDR (rule
   * J6-bgp-route-limit).
   * @default 0
   */
  readonly extraExpectedRoutes?: number;
}

/** Properties of a {@link HybridLink}. */
export interface HybridLinkProps {
  /** The network (VPC) joined to the data centre. */
  readonly network: AckNetwork;
  /** Express Connect physical connection the VBR sits on, e.g. `pc-bp1...`. */
  readonly physicalConnectionId: string;
  /**
   * Adopt an existing VBR by id instead of creating one (then vlanId and the gateway IPs are
   * not used).
   * @default a VBR is created
   */
  readonly vbrId?: string;
  /**
   * Route table of the adopted VBR (`vtb-...`), for the static routes toward the VPC.
   * @default the created VBR's route table
   */
  readonly vbrRouteTableId?: string;
  /**
   * VLAN id of the new VBR, 1 to 2999, unique per physical connection (rules J1-vlan-range,
   * J1-vlan-unique).
   * @default none: required when no vbrId is given
   */
  readonly vlanId?: number;
  /**
   * IPv4 address of the Alibaba Cloud side of the new VBR (rule J2-gateway-subnet).
   * @default none: required when no vbrId is given
   */
  readonly localGatewayIp?: string;
  /**
   * IPv4 address of the data-centre side of the new VBR.
   * @default none: required when no vbrId is given
   */
  readonly peerGatewayIp?: string;
  /**
   * Dotted netmask of the peering subnet, e.g. `255.255.255.252`.
   * @default none: required when no vbrId is given
   */
  readonly peeringSubnetMask?: string;
  /**
   * Name of the new VBR.
   * @default the construct id
   */
  readonly vbrName?: string;
  /** BGP toward the data-centre router. */
  readonly bgp: HybridLinkBgpOptions;
  /** Address ranges of the data centre (routed to the VBR; kept clear by the cluster plans). */
  readonly dataCenterCidrs: string[];
  /**
   * Edge pod CIDRs routed toward the data centre, e.g. `[edge.edgePodCidr]` (Terway Edge).
   * Flannel's pod CIDR is an overlay and needs no route.
   * @default none
   */
  readonly edgePodCidrs?: string[];
  /**
   * Cloud pod ranges outside the VPC CIDR that the data centre must reach.
   * @default none: for Terway the cloud pods live in the VPC CIDR, which is always routed
   */
  readonly cloudPodCidrs?: string[];
  /**
   * How the VBR and the VPC are joined. The default follows ACK Edge's current guides (a CEN
   * transit router with the VBR and the VPC attached); router interfaces are the explicit
   * alternative (one fast-link interface, no deprecated resource type).
   * @default HybridConnectivity.CEN_TRANSIT_ROUTER
   */
  readonly connectivity?: HybridConnectivity;
  /**
   * Access point of the physical connection (`ap-...`), for the router interfaces.
   * @default none: required for HybridConnectivity.ROUTER_INTERFACE (rule J10-router-interface-inputs)
   */
  readonly accessPointId?: string;
  /**
   * Specification of the VBR-side router interface.
   * @default "Large.2"
   */
  readonly routerInterfaceSpec?: string;
  /**
   * Region of the VPC and the VBR (the router interfaces' opposite region). CEN resources are
   * always created in the provider's region.
   * @default the region of the stack's AlicloudProvider
   */
  readonly region?: string;
  /**
   * vRouter id of an adopted VPC (`vrt-...`).
   * @default the router of the VPC created by the AckNetwork
   */
  readonly vpcRouterId?: string;
  /**
   * System route table of an adopted VPC (`vtb-...`).
   * @default the route table of the VPC created by the AckNetwork
   */
  readonly vpcRouteTableId?: string;
  /**
   * Existing CEN instance (`cen-...`) for HybridConnectivity.CEN_TRANSIT_ROUTER. Required
   * with `transitRouterId` (the attachments' ids carry the CEN id).
   * @default a CEN instance is created
   */
  readonly cenId?: string;
  /**
   * Existing Enterprise Edition transit router (`tr-...`) of `cenId`, in the provider's region,
   * for HybridConnectivity.CEN_TRANSIT_ROUTER.
   * @default a transit router is created in the CEN, in the provider's region
   */
  readonly transitRouterId?: string;
  /**
   * Transit-router route table (`vtb-...`) the VBR and VPC attachments are associated with and
   * propagate to (HybridConnectivity.CEN_TRANSIT_ROUTER).
   * @default the transit router's system route table (data source alicloud_cen_transit_router_route_tables)
   */
  readonly transitRouterRouteTableId?: string;
  /**
   * Dedicated vSwitches (one per zone, at most 10 zones) for the transit router's VPC attachment
   * (HybridConnectivity.CEN_TRANSIT_ROUTER). The transit router puts an ENI with one address in
   * each mapped vSwitch; give vSwitches that hold no nodes or pods so that it takes none of their
   * addresses (rule J12-transit-router-vswitches).
   * @default the network's node vSwitches, first in each zone (one address per zone taken from them)
   */
  readonly transitRouterVSwitches?: ExistingVSwitch[];
  /**
   * Tags for every resource of the link that takes them (VBR, router interface, CEN instance,
   * transit router, attachments).
   * @default none
   */
  readonly tags?: { [key: string]: string };
}

/** Something in the network that wants to know about hybrid links (an ACK Edge cluster). */
interface HybridLinkAware {
  attachHybridLink(link: HybridLink): void;
}

function isHybridLinkAware(x: unknown): x is HybridLinkAware {
  return typeof x === "object" && x !== null && typeof (x as { attachHybridLink?: unknown }).attachHybridLink === "function";
}

const LINKS = new WeakMap<AckNetwork, HybridLink[]>();

/** Construct id part for a CIDR: its text, or its position when it is an unresolved token. */
function slug(cidr: string, index: number): string {
  return Token.isUnresolved(cidr) ? `token-${index + 1}` : cidr.replace(/[^0-9a-zA-Z]+/g, "-");
}

/**
 * Joins an AckNetwork's VPC to a data centre over Express Connect: a VBR (created or
 * adopted), a BGP group with peers and advertised networks, and VBR-to-VPC connectivity:
 * by default a CEN transit router with a VBR and a VPC attachment, both associated with and
 * propagating to one transit-router route table, which carries the routes worked out by
 * `planHybridLink` (lib/plan/hybrid.ts); or, explicitly, one fast-link router interface and
 * static routes. Routes the data-centre routers must carry are on
 * {@link HybridLink.requiredDataCenterRoutes} and in the output `<link>_data-center-routes`.
 *
 * @see https://www.alibabacloud.com/help/en/ack/ack-edge/user-guide/how-to-use-the-terway-edge-network-plugin
 */
export class HybridLink extends Construct {
  /** Hybrid links of a network, in creation order. */
  public static linksIn(network: AckNetwork): HybridLink[] {
    return [...(LINKS.get(network) ?? [])];
  }

  public readonly network: AckNetwork;
  /** Name used in messages and resource names. */
  public readonly linkName: string;
  /** VBR id (a token when created here). */
  public readonly vbrId: string;
  /** The VBR (undefined when adopted): an escape hatch. */
  public readonly vbr?: ExpressConnectVirtualBorderRouter;
  public readonly bgpGroup: VpcBgpGroup;
  public readonly physicalConnectionId: string;
  public readonly dataCenterCidrs: string[];
  public readonly edgePodCidrs: string[];
  public readonly connectivity: HybridConnectivity;
  /**
   * VBR-side router interface (router-interface connectivity), created in fast-link mode: the
   * VPC-side interface is created and connected by Alibaba Cloud.
   */
  public readonly vbrInterface?: ExpressConnectRouterInterface;
  /** Id of the VPC-side router interface that fast-link mode creates (router-interface connectivity; a token). */
  public readonly vpcInterfaceId?: string;
  /** CEN instance id (CEN connectivity; a token when created here). */
  public readonly cenId?: string;
  /** The CEN instance (CEN connectivity, when created here). */
  public readonly cenInstance?: CenInstance;
  /** Transit router id (CEN connectivity; a token when created here). */
  public readonly transitRouterId?: string;
  /** The transit router (CEN connectivity, when created here). */
  public readonly transitRouter?: CenTransitRouter;
  /** Transit-router route table both attachments use (CEN connectivity; a token unless given). */
  public readonly transitRouterRouteTableId?: string;
  /** The VBR's transit-router attachment (CEN connectivity). */
  public readonly vbrAttachment?: CenTransitRouterVbrAttachment;
  /** The VPC's transit-router attachment (CEN connectivity). */
  public readonly vpcAttachment?: CenTransitRouterVpcAttachment;
  private readonly props: HybridLinkProps;
  private readonly peerIps: string[];
  private readonly estate: AppEstate;
  private readonly inEstate: boolean;
  private fleetPlan?: HybridLinkPlan;
  /** Router-interface connectivity: where static routes go, and what they wait for. */
  private staticRoutes?: { vbrTable?: string; vpcTable: string; vbrNextHop: string; vpcNextHop: string };
  private readonly emittedRoutes = new Set<string>();
  private readonly propFindings: Finding[] = [];

  public constructor(scope: Construct, id: string, props: HybridLinkProps) {
    super(scope, constructId(id));
    this.props = props;
    this.network = props.network;
    this.linkName = props.vbrName ?? id;
    this.physicalConnectionId = props.physicalConnectionId;
    this.dataCenterCidrs = [...props.dataCenterCidrs];
    this.edgePodCidrs = [...(props.edgePodCidrs ?? [])];
    this.connectivity = props.connectivity ?? HybridConnectivity.CEN_TRANSIT_ROUTER;
    this.estate = AppEstate.of(this);
    this.inEstate = this.estate.register(this);
    const tags = props.tags;

    if (props.vbrId !== undefined) {
      this.vbrId = props.vbrId;
    } else {
      const missing = (["vlanId", "localGatewayIp", "peerGatewayIp", "peeringSubnetMask"] as const).filter((k) => props[k] === undefined);
      if (missing.length > 0) {
        // Bad props are findings at synth; the resources below are still built (synth fails on the finding).
        for (const k of missing) {
          this.propFindings.push({ ruleId: MISSING_FIELD.id, severity: MISSING_FIELD.severity, sources: MISSING_FIELD.sources, path: `${this.linkName}.${k}`, message: `give vbrId to adopt a VBR, or ${missing.join(", ")} to create one.` });
        }
      }
      this.vbr = new ExpressConnectVirtualBorderRouter(this, "vbr", {
        physicalConnectionId: props.physicalConnectionId,
        vlanId: props.vlanId as number,
        localGatewayIp: props.localGatewayIp as string,
        peerGatewayIp: props.peerGatewayIp as string,
        peeringSubnetMask: props.peeringSubnetMask as string,
        virtualBorderRouterName: this.linkName,
        tags,
      });
      this.vbrId = this.vbr.id;
    }
    this.peerIps = props.bgp.peerIps ?? (props.peerGatewayIp !== undefined && props.vbrId === undefined ? [props.peerGatewayIp] : []);

    // BGP: group, peers, networks advertised to the data centre.
    this.bgpGroup = new VpcBgpGroup(this, "bgp-group", {
      routerId: this.vbrId,
      bgpGroupName: this.linkName,
      peerAsn: props.bgp.peerAsn,
      localAsn: props.bgp.localAsn ?? DEFAULT_LOCAL_ASN,
      authKey: props.bgp.authKey?.stringValue,
    });
    this.peerIps.forEach((ip, i) => {
      new VpcBgpPeer(this, `bgp-peer-${i + 1}`, { bgpGroupId: this.bgpGroup.id, peerIpAddress: ip });
    });
    const plan = this.computePlan([]);
    for (const [i, cidr] of plan.bgpNetworks.entries()) {
      new (bgpNetworkL1().VpcBgpNetwork)(this, `bgp-network-${slug(cidr, i)}`, { routerId: this.vbrId, dstCidrBlock: cidr, dependsOn: [this.bgpGroup] });
    }

    const region = Lazy.stringValue({ produce: () => this.region() });
    if (this.connectivity === HybridConnectivity.ROUTER_INTERFACE) {
      const adopted = "the network's VPC was adopted; give vpcRouterId and vpcRouteTableId for router-interface connectivity.";
      const vpcRouterId = props.vpcRouterId ?? this.network.vpc?.routerId ?? this.missingProp("vpcRouterId", adopted);
      const vpcRouteTableId = props.vpcRouteTableId ?? this.network.vpc?.routeTableId ?? this.missingProp("vpcRouteTableId", adopted);
      const vbrRouteTableId = props.vbrRouteTableId ?? this.vbr?.routeTableId;
      // One interface on the VBR side in fast-link mode: Alibaba Cloud creates the VPC-side
      // interface and connects the pair (provider v1.289.0 resource_alicloud_express_connect_router_interface.go:71,269;
      // its own acceptance test creates only this side). No alicloud_router_interface_connection
      // (deprecated since 1.199.0). Fast-link mode needs the owner account of the VPC side.
      const account = new (dataAccountL1().DataAlicloudAccount)(this, "account", {});
      const vbrInterface = new (routerInterfaceL1().ExpressConnectRouterInterface)(this, "vbr-interface", {
        routerType: "VBR",
        routerId: this.vbrId,
        role: "InitiatingSide",
        spec: props.routerInterfaceSpec ?? "Large.2",
        accessPointId: props.accessPointId,
        oppositeRegionId: region,
        oppositeRouterType: "VRouter",
        oppositeRouterId: vpcRouterId,
        oppositeInterfaceOwnerId: account.id,
        fastLinkMode: true,
        paymentType: "PayAsYouGo",
        routerInterfaceName: `${this.linkName}-vbr-to-vpc`,
        tags,
      });
      this.vbrInterface = vbrInterface;
      // Read-only: the provider sets it from DescribeRouterInterfaces (…router_interface.go:391).
      this.vpcInterfaceId = vbrInterface.oppositeInterfaceId;
      this.staticRoutes = { vbrTable: vbrRouteTableId, vpcTable: vpcRouteTableId, vbrNextHop: vbrInterface.id, vpcNextHop: this.vpcInterfaceId };
      this.emitStaticRoutes(plan.routes);
    } else {
      if (props.transitRouterId !== undefined && props.cenId === undefined) {
        this.missingProp("cenId", `transitRouterId ${props.transitRouterId} is adopted; give the id of its CEN instance as cenId.`);
      }
      if (props.cenId !== undefined) {
        this.cenId = props.cenId;
      } else {
        this.cenInstance = new CenInstance(this, "cen", { cenInstanceName: this.linkName, tags });
        this.cenId = this.cenInstance.id;
      }
      if (props.transitRouterId !== undefined) {
        this.transitRouterId = props.transitRouterId;
      } else {
        // Created in the provider's region, which is the VPC's region.
        this.transitRouter = new CenTransitRouter(this, "transit-router", { cenId: this.cenId, transitRouterName: this.linkName, tags });
        this.transitRouterId = this.transitRouter.transitRouterId;
      }
      if (props.transitRouterRouteTableId !== undefined) {
        this.transitRouterRouteTableId = props.transitRouterRouteTableId;
      } else {
        const tables = new DataAlicloudCenTransitRouterRouteTables(this, "transit-router-route-tables", {
          transitRouterId: this.transitRouterId,
          transitRouterRouteTableType: "System",
        });
        this.transitRouterRouteTableId = tables.tables.get(0).transitRouterRouteTableId;
      }
      // auto_publish_route_enabled: the transit router publishes the routes of the associated
      // table to the VBR (toward the data centre) and into the VPC route table.
      this.vbrAttachment = new CenTransitRouterVbrAttachment(this, "cen-vbr-attachment", {
        cenId: this.cenId,
        transitRouterId: this.transitRouterId,
        vbrId: this.vbrId,
        autoPublishRouteEnabled: true,
        transitRouterAttachmentName: this.linkName,
        tags,
      });
      this.vpcAttachment = new CenTransitRouterVpcAttachment(this, "cen-vpc-attachment", {
        cenId: this.cenId,
        transitRouterId: this.transitRouterId,
        vpcId: this.network.vpcId,
        zoneMappings: this.attachmentVSwitches().map((v) => ({ zoneId: v.zone, vswitchId: v.id })),
        // The VBR already advertises the VPC to the data centre through the transit router
        // (auto-publish below), so no alicloud_vpc_bgp_network repeats it (computeBgpNetworks).
        autoPublishRouteEnabled: true,
        transitRouterVpcAttachmentName: this.linkName,
        tags,
      });
      for (const [name, attachment] of [["vbr", this.vbrAttachment], ["vpc", this.vpcAttachment]] as const) {
        new CenTransitRouterRouteTableAssociation(this, `cen-${name}-association`, {
          transitRouterAttachmentId: attachment.transitRouterAttachmentId,
          transitRouterRouteTableId: this.transitRouterRouteTableId,
        });
        new CenTransitRouterRouteTablePropagation(this, `cen-${name}-propagation`, {
          transitRouterAttachmentId: attachment.transitRouterAttachmentId,
          transitRouterRouteTableId: this.transitRouterRouteTableId,
        });
      }
    }

    // The route outputs read the plan at synth: a Terway Edge cluster created after the link adds its edge pod CIDR (_routeEdgePodCidr).
    const self = this;
    const current = { get dataCenterRoutes() { return self.computePlan([]).dataCenterRoutes; }, get routes() { return self.computePlan([]).routes; } };
    addLinkOutputs(this, this.linkName, current, {
      vbrRouteTableId: props.vbrRouteTableId ?? this.vbr?.routeTableId,
      vpcRouteTableId: props.vpcRouteTableId ?? this.network.vpc?.routeTableId,
      transitRouterRouteTableId: this.transitRouterRouteTableId,
    });

    const list = LINKS.get(this.network) ?? [];
    list.push(this);
    LINKS.set(this.network, list);
    for (const m of this.network.clusters) if (isHybridLinkAware(m)) m.attachHybridLink(this);
    addPlanValidation(this, () => [...this.propFindings, ...this.regionFindings(), ...this.plan.findings]);
  }

  /** Records a missing prop as an S6 finding (reported at synth); returns a placeholder. */
  private missingProp(field: string, message: string): string {
    this.propFindings.push({ ruleId: MISSING_FIELD.id, severity: MISSING_FIELD.severity, sources: MISSING_FIELD.sources, path: `${this.linkName}.${field}`, message });
    return "";
  }

  /**
   * The plan of this link: findings and routes, from the plan of the whole App (checked
   * against every other HybridLink, network and cluster), or of the Fleet that built it.
   */
  public get plan(): HybridLinkPlan {
    if (this.fleetPlan) return this.fleetPlan;
    if (this.inEstate) {
      const planned = this.estate.plan().links.get(this.node.path);
      if (planned) return planned.plan;
    }
    return this.computePlan(this.siblings());
  }

  /** @internal Used by Fleet: the link's plan comes from the fleet's estate plan. */
  public _useFleetPlan(plan: HybridLinkPlan): void {
    this.fleetPlan = plan;
  }

  /**
   * @internal Routes a Terway Edge cluster's edge pod CIDR on this link (called when the
   * cluster and the link meet, in either order): the planner routes it too (rule I-7).
   */
  public _routeEdgePodCidr(cidr: string): void {
    const key = (c: string) => (Token.isUnresolved(c) ? c : Cidr.tryParse(c)?.toString() ?? c);
    if (this.edgePodCidrs.some((c) => key(c) === key(cidr))) return;
    this.edgePodCidrs.push(cidr);
    this.estate.invalidate();
    this.emitStaticRoutes(this.computePlan([]).routes);
  }

  /** @internal */
  public _contributeTo(builder: EstateBuilder): void {
    // Only the edge pod CIDRs asked for: the planner adds those of the network's Terway Edge clusters.
    const input = this.planInput([], this.props.edgePodCidrs ?? []);
    if (!builder.hasVpc(this.network.node.path)) this.network._contributeTo(builder);
    builder.links.push({ key: this.node.path, vpc: this.network.node.path, input, preplanned: this.fleetPlan });
  }

  /** Static route entries (router-interface connectivity), each emitted once. */
  private emitStaticRoutes(routes: PlannedRoute[]): void {
    const t = this.staticRoutes;
    if (!t) return;
    for (const [i, r] of routes.filter((x) => x.origin === RouteOrigin.STATIC).entries()) {
      const onVbr = r.table === RouteTableKind.VBR;
      const table = onVbr ? t.vbrTable : t.vpcTable;
      if (table === undefined) continue; // adopted VBR without its route table: J10-router-interface-inputs fails the synth
      const id = `route-${r.table}-${slug(r.destination, i)}`;
      if (this.emittedRoutes.has(`${r.table} ${r.destination}`) || this.node.tryFindChild(id)) continue;
      this.emittedRoutes.add(`${r.table} ${r.destination}`);
      new (routeEntryL1().RouteEntry)(this, id, {
        routeTableId: table,
        destinationCidrblock: r.destination,
        nexthopType: "RouterInterface",
        nexthopId: onVbr ? t.vbrNextHop : t.vpcNextHop,
        description: r.nextHop === RouteNextHop.VPC ? "edge to cloud: toward the VPC" : "cloud to edge: toward the VBR",
      });
    }
  }

  /** Routes of the VBR and VPC route tables. */
  public get routes(): PlannedRoute[] {
    return this.plan.routes;
  }

  /**
   * Routes the data-centre routers must carry (cloud ranges toward the VBR) and advertise to
   * the VBR over BGP (edge pod and data-centre CIDRs). Terraform can't create them; they are
   * also in the `data-center-routes` output.
   */
  public get requiredDataCenterRoutes(): DataCenterRoute[] {
    return this.plan.dataCenterRoutes;
  }

  /** BGP peers of the link (for the per-VBR peer count). */
  public get bgpPeerCount(): number {
    return this.peerIps.length;
  }

  /** The link's VLAN id, when it creates the VBR. */
  public get vlanId(): number | undefined {
    return this.props.vbrId === undefined ? this.props.vlanId : undefined;
  }

  /** The route table, one line per route. */
  public describeRoutes(): string {
    return formatRoutes(this.routes);
  }

  /**
   * The vSwitches the transit router's VPC attachment maps: the dedicated ones given, else the
   * network's first node vSwitch in each zone.
   */
  private attachmentVSwitches(): Array<{ zone: string; id: string }> {
    if (this.props.transitRouterVSwitches !== undefined) return this.props.transitRouterVSwitches.map((v) => ({ zone: v.zone, id: v.id }));
    const byZone = new Map<string, string>();
    for (const v of this.network.nodeVSwitches) if (!byZone.has(v.zone)) byZone.set(v.zone, v.id);
    return [...byZone].map(([zone, id]) => ({ zone, id }));
  }

  private siblings(): HybridSibling[] {
    return this.node.root.node.findAll()
      .filter((c): c is HybridLink => c instanceof HybridLink && c !== this)
      .map((l) => ({ name: l.node.path, physicalConnectionId: l.physicalConnectionId, vlanId: l.vlanId, vbrId: l.props.vbrId, peerCount: l.bgpPeerCount }));
  }

  private computePlan(siblings: HybridSibling[]): HybridLinkPlan {
    return planHybridLink(this.planInput(siblings, this.edgePodCidrs));
  }

  private planInput(siblings: HybridSibling[], edgePodCidrs: string[]): HybridLinkPlanInput {
    const p = this.props;
    const v = new PlanValues();
    // Unresolved tokens stay in the lists (their routes are still emitted) and are named in `unresolved`, so their checks are skipped.
    const strs = (path: string, list: string[]) => list.map((s, i) => v.str(`${path}[${i}]`, s) ?? s);
    const zones = this.attachmentVSwitches().map((x) => x.zone);
    return {
      name: this.linkName,
      physicalConnectionId: p.physicalConnectionId,
      vbrId: p.vbrId,
      vbr: p.vbrId === undefined ? {
        vlanId: v.num("vlanId", p.vlanId),
        localGatewayIp: v.str("localGatewayIp", p.localGatewayIp),
        peerGatewayIp: v.str("peerGatewayIp", p.peerGatewayIp),
        peeringSubnetMask: v.str("peeringSubnetMask", p.peeringSubnetMask),
      } : undefined,
      vpcCidr: v.str("vpcCidr", this.network.vpcCidr) ?? this.network.vpcCidr,
      cloudPodCidrs: strs("cloudPodCidrs", p.cloudPodCidrs ?? []),
      edgePodCidrs: strs("edgePodCidrs", edgePodCidrs),
      dataCenterCidrs: strs("dataCenterCidrs", this.dataCenterCidrs),
      bgp: {
        localAsn: v.num("bgp.localAsn", p.bgp.localAsn ?? DEFAULT_LOCAL_ASN) ?? DEFAULT_LOCAL_ASN,
        peerAsn: v.num("bgp.peerAsn", p.bgp.peerAsn),
        peerIps: strs("bgp.peerIps", this.peerIps),
        advertise: strs("bgp.advertise", p.bgp.advertise ?? []),
        authKeySensitive: p.bgp.authKey === undefined ? undefined : p.bgp.authKey.sensitive === true,
        extraExpectedRoutes: p.bgp.extraExpectedRoutes,
      },
      connectivity: this.connectivity,
      hasAccessPoint: p.accessPointId !== undefined,
      hasVbrRouteTable: p.vbrId === undefined || p.vbrRouteTableId !== undefined,
      vpcAttachmentZones: this.connectivity === HybridConnectivity.CEN_TRANSIT_ROUTER && !zones.some((z) => Token.isUnresolved(z)) ? zones : undefined,
      dedicatedAttachmentVSwitches: p.transitRouterVSwitches !== undefined,
      siblings,
      unresolved: v.unresolved,
    };
  }

  /** The region of the link: the prop, or the stack's AlicloudProvider's (S6 at synth when neither). */
  private region(): string {
    return this.findRegion() ?? "";
  }

  private findRegion(): string | undefined {
    if (this.props.region !== undefined) return this.props.region;
    const provider = TerraformStack.of(this).node.findAll().find((c): c is AlicloudProvider => c instanceof AlicloudProvider);
    return provider?.region;
  }

  /** S6 when the region is needed (router-interface connectivity) and can't be found. */
  private regionFindings(): Finding[] {
    if (this.connectivity !== HybridConnectivity.ROUTER_INTERFACE || this.findRegion() !== undefined) return [];
    return [{
      ruleId: MISSING_FIELD.id, severity: MISSING_FIELD.severity, sources: MISSING_FIELD.sources, path: `${this.linkName}.region`,
      message: "router-interface connectivity needs the region: give the region prop, or configure an AlicloudProvider with a region in the stack.",
    }];
  }
}
