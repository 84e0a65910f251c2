/**
 * One abstract estate (VPCs, clusters, node pools, hybrid links, data centres, connections)
 * written two ways: as a fleet spec object (checkSpecObject) and as constructs in a cdktf app
 * (app.synth()). Every CIDR is given explicitly, so no pool or carving differs between the two.
 * Names are the same on both sides (cluster name = construct id = spec name; a VPC is named
 * after its only cluster, or after the shared VPC), so messages can be compared by value.
 */
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  AckCluster, AckClusterBase, AckEdgeCluster, AckNetwork, ClusterSpec, Cni, EdgeCni, EdgeInterconnect, HybridConnectivity, HybridLink, TerwayMode,
} from "../../lib";
import { AlicloudProvider } from "../../lib/providers/alicloud/provider";
import {
  FleetClusterSpec, FleetConnectionSpec, FleetHybridLinkSpec, FleetSharedVpcSpec, FleetSpec, SpecClusterType, SpecConnectionType,
  SpecInterconnect, SpecTerwayMode,
} from "../../lib/spec";
import { CniPlugin } from "../../lib/plan/model";

export type ClusterKind = "terway" | "flannel" | "edge-flannel" | "edge-terway";
export type ConnectionType = "cen" | "peering" | "vpn";

export interface EstateVpc {
  readonly name: string;
  /** Spec: the VPC of its only cluster (`vpc.cidr`) instead of a `sharedVpcs` entry. */
  readonly own: boolean;
  /**
   * An existing VPC adopted by id (only with `own`): `AckNetwork.fromExisting` and `vpc.id` +
   * `vpc.vSwitches`. Links on it are given the VPC's router and route table.
   */
  readonly adopted?: boolean;
  readonly cidr: string;
  readonly zones: string[];
  readonly nodeVSwitchCidrs: string[];
  /** One per zone; written only when a member runs Terway on cloud nodes. */
  readonly podVSwitchCidrs: string[];
}

export interface EstatePool {
  readonly name: string;
  readonly instanceType: string;
  readonly min: number;
  readonly max: number;
  readonly exclusiveEni?: boolean;
  /** A subset of the VPC's zones (undefined: all of them). */
  readonly zones?: string[];
  /** Node OS image (DataPath V2 needs a recent one, F-5). */
  readonly imageType?: string;
}

export interface EstateEdgePool {
  readonly name: string;
  readonly privateInterconnect: boolean;
  /** Planned here, created outside Terraform (the provider can't set private interconnect, I11). */
  readonly createdOutsideTerraform?: boolean;
  readonly min: number;
  readonly max: number;
}

export interface EstateCluster {
  readonly name: string;
  /** Index into `vpcs`. */
  readonly vpc: number;
  readonly kind: ClusterKind;
  readonly basic: boolean;
  readonly kubernetesVersion: string;
  readonly serviceCidr: string;
  /** Flannel and ACK Edge Flannel: pod CIDR; Terway Edge: edge pod CIDR. */
  readonly podCidr?: string;
  /** Flannel: pods per node; Terway Edge: pods per edge node. */
  readonly podsPerNode: number;
  /** Terway: default ENI mode of the pools. */
  readonly exclusiveDefault?: boolean;
  /** Terway: NetworkPolicy (default true) and DataPath V2 (default false). */
  readonly networkPolicy?: boolean;
  readonly dataPathV2?: boolean;
  /** C-4 opt-out. */
  readonly allowServiceCidrReuse?: boolean;
  /** ACK Edge Flannel: edge node ranges. */
  readonly edgeNodeCidrs?: string[];
  readonly pools: EstatePool[];
  readonly edgePools: EstateEdgePool[];
  /** Node quota raised with Alibaba Cloud. */
  readonly nodeQuota?: number;
  /** ACK: custom-route quota of the VPC route table. */
  readonly routeTableQuota?: number;
}

export interface EstateLink {
  readonly name: string;
  /** Index into `vpcs`. */
  readonly vpc: number;
  readonly physicalConnectionId: string;
  readonly vlanId: number;
  readonly localGatewayIp: string;
  readonly peerGatewayIp: string;
  readonly peerAsn: number;
  readonly dataCenterCidrs: string[];
  /** Constructs: pass the Terway Edge clusters' edge pod CIDRs as `edgePodCidrs` (else the planner must add them). */
  readonly listEdgePods: boolean;
  /** true: CEN transit router (given explicitly); false: router interface; undefined: the default (CEN). */
  readonly cen?: boolean;
  /** Routes expected from the data centre beyond its CIDRs and the edge pods (J6-bgp-route-limit). */
  readonly extraExpectedRoutes?: number;
}

export interface EstateConnection {
  readonly name: string;
  readonly type: ConnectionType;
  /** Indexes into `vpcs`, at least two, distinct. */
  readonly vpcs: number[];
  readonly externalCidrs: string[];
}

export interface Estate {
  readonly vpcs: EstateVpc[];
  readonly clusters: EstateCluster[];
  readonly links: EstateLink[];
  readonly connections: EstateConnection[];
  /** Constructs: one stack for everything, or one stack per VPC. */
  readonly stacks: "single" | "per-vpc";
}

export const REGION = "cn-hangzhou";
export const ACCESS_POINT = "ap-cn-hangzhou-xs-A";

function cloudTerway(kind: ClusterKind): boolean {
  return kind === "terway" || kind === "edge-terway";
}

function isEdge(kind: ClusterKind): boolean {
  return kind === "edge-flannel" || kind === "edge-terway";
}

export function membersOf(e: Estate, vpc: number): EstateCluster[] {
  return e.clusters.filter((c) => c.vpc === vpc);
}

function vpcHasTerway(e: Estate, vpc: number): boolean {
  return membersOf(e, vpc).some((c) => cloudTerway(c.kind));
}

/** The spec name of a VPC: its cluster (own VPC) or the shared VPC. */
function specVpcRef(e: Estate, vpc: number): string {
  const v = e.vpcs[vpc];
  return v.own ? membersOf(e, vpc)[0].name : v.name;
}

// ---------------------------------------------------------------------------------------
// Spec

/** The vSwitches of an adopted VPC, with made-up ids. */
function existingVSwitches(v: EstateVpc, role: "node" | "pod"): Array<{ id: string; zone: string; cidr: string }> {
  const cidrs = role === "node" ? v.nodeVSwitchCidrs : v.podVSwitchCidrs;
  return v.zones.map((zone, i) => ({ id: `vsw-${v.name}-${role}-${"abcdef"[i]}`, zone, cidr: cidrs[i] }));
}

function adoptedRoutes(e: Estate, vpc: number): { vpcRouterId?: string; vpcRouteTableId?: string } {
  const v = e.vpcs[vpc];
  return v.adopted ? { vpcRouterId: `vrt-${v.name}`, vpcRouteTableId: `vtb-${v.name}` } : {};
}

function specCluster(e: Estate, c: EstateCluster): FleetClusterSpec {
  const v = e.vpcs[c.vpc];
  const terwayPods = vpcHasTerway(e, c.vpc);
  const vpc = v.adopted
    ? {
      id: `vpc-${v.name}`, cidr: v.cidr, vSwitches: existingVSwitches(v, "node"),
      ...(terwayPods ? { podVSwitches: existingVSwitches(v, "pod") } : {}),
    }
    : v.own
      ? { cidr: v.cidr, nodeVSwitchCidrs: [...v.nodeVSwitchCidrs], ...(terwayPods ? { podVSwitchCidrs: [...v.podVSwitchCidrs] } : {}) }
      : { shared: v.name };
  const cni = (() => {
    switch (c.kind) {
      case "terway": return {
        plugin: CniPlugin.TERWAY, mode: c.exclusiveDefault ? SpecTerwayMode.EXCLUSIVE_ENI : SpecTerwayMode.SHARED_ENI,
        ...(c.networkPolicy !== undefined ? { networkPolicy: c.networkPolicy } : {}), ...(c.dataPathV2 !== undefined ? { dataPathV2: c.dataPathV2 } : {}),
      };
      case "flannel": return { plugin: CniPlugin.FLANNEL, podCidr: c.podCidr, podsPerNode: c.podsPerNode };
      case "edge-flannel": return { plugin: CniPlugin.FLANNEL, podCidr: c.podCidr, podsPerNode: c.podsPerNode, edgeNodeCidrs: c.edgeNodeCidrs ?? [] };
      case "edge-terway": return { plugin: CniPlugin.TERWAY_EDGE, edgePodCidr: c.podCidr, podsPerEdgeNode: c.podsPerNode };
    }
  })();
  return {
    name: c.name,
    type: isEdge(c.kind) ? SpecClusterType.ACK_EDGE : SpecClusterType.ACK,
    spec: c.basic ? "ack.standard" : "ack.pro.small",
    kubernetesVersion: c.kubernetesVersion,
    cni,
    zones: [...v.zones],
    vpc,
    serviceCidr: c.serviceCidr,
    ...(c.nodeQuota !== undefined ? { nodeQuota: c.nodeQuota } : {}),
    ...(c.routeTableQuota !== undefined ? { routeTableQuota: c.routeTableQuota } : {}),
    ...(c.allowServiceCidrReuse !== undefined ? { allowServiceCidrReuse: c.allowServiceCidrReuse } : {}),
    nodePools: c.pools.map((p) => ({
      name: p.name, instanceType: p.instanceType, min: p.min, max: p.max,
      ...(p.exclusiveEni !== undefined ? { exclusiveEni: p.exclusiveEni } : {}),
      ...(p.zones ? { zones: [...p.zones] } : {}),
      ...(p.imageType ? { imageType: p.imageType } : {}),
    })),
    ...(isEdge(c.kind) ? {
      edgeNodePools: c.edgePools.map((p) => ({
        name: p.name, interconnect: p.privateInterconnect ? SpecInterconnect.PRIVATE : SpecInterconnect.BASIC, min: p.min, max: p.max,
        ...(p.createdOutsideTerraform !== undefined ? { createdOutsideTerraform: p.createdOutsideTerraform } : {}),
      })),
    } : {}),
  };
}

/** What a hybrid link says the same way as a spec entry and as HybridLink props. */
function linkCommon(l: EstateLink) {
  return {
    physicalConnectionId: l.physicalConnectionId,
    accessPointId: ACCESS_POINT,
    vlanId: l.vlanId,
    localGatewayIp: l.localGatewayIp,
    peerGatewayIp: l.peerGatewayIp,
    peeringSubnetMask: "255.255.255.252",
    ...(l.cen !== undefined ? { connectivity: l.cen ? HybridConnectivity.CEN_TRANSIT_ROUTER : HybridConnectivity.ROUTER_INTERFACE } : {}),
  };
}

/** The estate as a fleet spec object. */
export function toSpec(e: Estate): FleetSpec {
  const sharedVpcs: FleetSharedVpcSpec[] = e.vpcs.flatMap((v, i) => (v.own ? [] : [{
    name: v.name, cidr: v.cidr, zones: [...v.zones], nodeVSwitchCidrs: [...v.nodeVSwitchCidrs],
    ...(vpcHasTerway(e, i) ? { podVSwitchCidrs: [...v.podVSwitchCidrs] } : {}),
  }]));
  const hybridLinks: FleetHybridLinkSpec[] = e.links.map((l) => ({
    name: l.name,
    cluster: membersOf(e, l.vpc)[0].name,
    ...linkCommon(l),
    peerAsn: l.peerAsn,
    dataCenterCidrs: [...l.dataCenterCidrs],
    ...(l.extraExpectedRoutes !== undefined ? { extraExpectedRoutes: l.extraExpectedRoutes } : {}),
    ...adoptedRoutes(e, l.vpc),
  }));
  const connections: FleetConnectionSpec[] = e.connections.map((c) => ({
    name: c.name,
    type: c.type === "cen" ? SpecConnectionType.CEN : c.type === "peering" ? SpecConnectionType.PEERING : SpecConnectionType.VPN,
    vpcs: c.vpcs.map((i) => specVpcRef(e, i)),
    ...(c.externalCidrs.length > 0 ? { externalCidrs: [...c.externalCidrs] } : {}),
  }));
  return {
    region: REGION,
    clusters: e.clusters.map((c) => specCluster(e, c)),
    ...(sharedVpcs.length > 0 ? { sharedVpcs } : {}),
    ...(hybridLinks.length > 0 ? { hybridLinks } : {}),
    ...(connections.length > 0 ? { connections } : {}),
  };
}

// ---------------------------------------------------------------------------------------
// Constructs

/** What toConstructs built, for tests that look at the constructs. */
export interface BuiltEstate {
  readonly stacks: TerraformStack[];
  readonly networks: AckNetwork[];
  readonly clusters: AckClusterBase[];
  readonly links: HybridLink[];
}

/**
 * Joins networks by CEN / peering / VPN in the construct front-end. The construct API for this
 * comes from the estate work (issue 8); `connectNetworks` adapts to it in one place.
 */
export type ConnectFn = (scope: TerraformStack, id: string, c: EstateConnection, networks: AckNetwork[]) => void;

/** The estate as constructs in `app`. */
export function toConstructs(app: App, e: Estate, connect: ConnectFn): BuiltEstate {
  const stacks: TerraformStack[] = [];
  const stackFor = (vpc: number): TerraformStack => {
    const idx = e.stacks === "single" ? 0 : vpc;
    if (!stacks[idx]) {
      const s = new TerraformStack(app, e.stacks === "single" ? "estate" : `vpc-${e.vpcs[vpc].name}`);
      new AlicloudProvider(s, "alicloud", { region: REGION });
      stacks[idx] = s;
    }
    return stacks[idx];
  };
  const networks = e.vpcs.map((v, i) => (v.adopted
    // fromExisting takes no name: the construct id is the name, in a scope of its own so that it can be the cluster's.
    ? AckNetwork.fromExisting(new Construct(stackFor(i), `${v.name}-adopted`), v.name, {
      vpcId: `vpc-${v.name}`, vpcCidr: v.cidr, nodeVSwitches: existingVSwitches(v, "node"),
      ...(vpcHasTerway(e, i) ? { podVSwitches: existingVSwitches(v, "pod") } : {}),
    })
    : new AckNetwork(stackFor(i), `${v.name}-net`, {
      name: v.own ? membersOf(e, i)[0].name : v.name,
      vpcCidr: v.cidr,
      zones: [...v.zones],
      nodeVSwitchCidrs: [...v.nodeVSwitchCidrs],
      ...(vpcHasTerway(e, i) ? { podVSwitchCidrs: [...v.podVSwitchCidrs] } : {}),
    })));
  const clusters: AckClusterBase[] = [];
  for (const c of e.clusters) {
    const scope = stackFor(c.vpc);
    const base = {
      network: networks[c.vpc],
      clusterSpec: c.basic ? ClusterSpec.BASIC : ClusterSpec.PRO_SMALL,
      kubernetesVersion: c.kubernetesVersion,
      serviceCidr: c.serviceCidr,
      ...(c.nodeQuota !== undefined ? { nodeQuota: c.nodeQuota } : {}),
      ...(c.allowServiceCidrReuse !== undefined ? { allowServiceCidrReuse: c.allowServiceCidrReuse } : {}),
    };
    let cluster: AckClusterBase;
    if (c.kind === "terway" || c.kind === "flannel") {
      cluster = new AckCluster(scope, c.name, {
        ...base,
        ...(c.routeTableQuota !== undefined ? { routeTableQuota: c.routeTableQuota } : {}),
        cni: c.kind === "terway"
          ? Cni.terway({
            mode: c.exclusiveDefault ? TerwayMode.EXCLUSIVE_ENI : TerwayMode.SHARED_ENI,
            ...(c.networkPolicy !== undefined ? { networkPolicy: c.networkPolicy } : {}), ...(c.dataPathV2 !== undefined ? { dataPathV2: c.dataPathV2 } : {}),
          })
          : Cni.flannel({ podCidr: c.podCidr as string, podsPerNode: c.podsPerNode }),
      });
    } else {
      const edge = new AckEdgeCluster(scope, c.name, {
        ...base,
        cni: c.kind === "edge-terway"
          ? EdgeCni.terwayEdge({ edgePodCidr: c.podCidr as string, podsPerEdgeNode: c.podsPerNode })
          : EdgeCni.flannel({ podCidr: c.podCidr as string, podsPerNode: c.podsPerNode, edgeNodeCidrs: c.edgeNodeCidrs ?? [] }),
      });
      for (const p of c.edgePools) {
        edge.addEdgeNodePool(p.name, {
          interconnect: p.privateInterconnect ? EdgeInterconnect.PRIVATE : EdgeInterconnect.BASIC, minSize: p.min, maxSize: p.max,
          ...(p.createdOutsideTerraform !== undefined ? { createdOutsideTerraform: p.createdOutsideTerraform } : {}),
        });
      }
      cluster = edge;
    }
    for (const p of c.pools) {
      cluster.addNodePool(p.name, {
        instanceTypes: [p.instanceType], minSize: p.min, maxSize: p.max,
        ...(p.exclusiveEni !== undefined ? { exclusiveEni: p.exclusiveEni } : {}),
        ...(p.zones ? { zones: [...p.zones] } : {}),
        ...(p.imageType ? { imageType: p.imageType } : {}),
      });
    }
    clusters.push(cluster);
  }
  const links = e.links.map((l) => new HybridLink(stackFor(l.vpc), l.name, {
    network: networks[l.vpc],
    ...linkCommon(l),
    bgp: { peerAsn: l.peerAsn, ...(l.extraExpectedRoutes !== undefined ? { extraExpectedRoutes: l.extraExpectedRoutes } : {}) },
    ...adoptedRoutes(e, l.vpc),
    dataCenterCidrs: [...l.dataCenterCidrs],
    ...(l.listEdgePods ? {
      edgePodCidrs: membersOf(e, l.vpc).filter((c) => c.kind === "edge-terway").map((c) => c.podCidr as string),
    } : {}),
  }));
  e.connections.forEach((c) => connect(stackFor(c.vpcs[0]), c.name, c, c.vpcs.map((i) => networks[i])));
  return { stacks, networks, clusters, links };
}

// ---------------------------------------------------------------------------------------
// Text

/** A short, reproducible description of an estate (for failure reports). */
export function describeEstate(e: Estate): string {
  const lines: string[] = [`stacks: ${e.stacks}`];
  e.vpcs.forEach((v, i) => {
    lines.push(`vpc ${v.name}${v.adopted ? " (adopted)" : v.own ? " (own)" : ""} ${v.cidr} zones ${v.zones.join(",")} node ${v.nodeVSwitchCidrs.join(",")}${vpcHasTerway(e, i) ? ` pod ${v.podVSwitchCidrs.join(",")}` : ""}`);
    for (const c of membersOf(e, i)) {
      const pools = c.pools.map((p) => `${p.name}:${p.instanceType}:${p.min}..${p.max}${p.exclusiveEni !== undefined ? `:excl=${p.exclusiveEni}` : ""}${p.zones ? `:${p.zones.join("+")}` : ""}${p.imageType ? `:${p.imageType}` : ""}`);
      const edgePools = c.edgePools.map((p) => `${p.name}:${p.privateInterconnect ? "private" : "basic"}${p.createdOutsideTerraform ? "(outside tf)" : ""}:${p.min}..${p.max}`);
      lines.push(`  cluster ${c.name} ${c.kind}${c.basic ? " basic" : ""} k8s ${c.kubernetesVersion} svc ${c.serviceCidr}${c.podCidr ? ` pods ${c.podCidr}/${c.podsPerNode}pn` : ""}${c.exclusiveDefault ? " exclusive-default" : ""}${c.networkPolicy === false ? " no-networkpolicy" : ""}${c.dataPathV2 ? " datapathv2" : ""}${c.allowServiceCidrReuse ? " allow-service-reuse" : ""}${c.nodeQuota !== undefined ? ` nodeQuota ${c.nodeQuota}` : ""}${c.routeTableQuota !== undefined ? ` routeTableQuota ${c.routeTableQuota}` : ""}${c.edgeNodeCidrs?.length ? ` edgeNodes ${c.edgeNodeCidrs.join(",")}` : ""} pools [${pools.join(" ")}]${edgePools.length ? ` edge [${edgePools.join(" ")}]` : ""}`);
    }
  });
  for (const l of e.links) lines.push(`link ${l.name} -> ${e.vpcs[l.vpc].name} ${l.physicalConnectionId}/vlan${l.vlanId} dc ${l.dataCenterCidrs.join(",")}${l.listEdgePods ? " (edge pods listed)" : ""}${l.cen === true ? " cen" : l.cen === false ? " router-interface" : ""}${l.extraExpectedRoutes !== undefined ? ` +${l.extraExpectedRoutes} routes` : ""}`);
  for (const c of e.connections) lines.push(`connection ${c.name} ${c.type} ${c.vpcs.map((i) => e.vpcs[i].name).join(",")}${c.externalCidrs.length ? ` external ${c.externalCidrs.join(",")}` : ""}`);
  return lines.join("\n");
}
