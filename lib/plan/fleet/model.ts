/**
 * The fleet plan input: every cluster of a fleet with its settings resolved (spec defaults
 * applied), CIDRs that were given, and the address pools the missing ones come from.
 * Plain data; lib/spec builds it from a spec file, tests build it directly.
 */
import { HybridBgpPlan, HybridConnectivity, HybridVbrPlan } from "../hybrid";
import { InstanceTypeInfo } from "../instance-types";
import { CniPlugin, ClusterProfile, ExternalRange, IpStack, NodePoolPlan } from "../model";

/** Address pools, each a list of CIDRs carved first-fit in the order given. */
export interface FleetPools {
  readonly vpc: string[];
  readonly pods: string[];
  readonly services: string[];
  readonly edgePods: string[];
}

/** A vSwitch that exists already. */
export interface FleetExistingVSwitch {
  readonly id: string;
  readonly zone: string;
  readonly cidr: string;
}

/** A VPC created for this cluster alone; `cidr` omitted = taken from `pools.vpc`. */
export interface FleetOwnVpc {
  readonly kind: "own";
  readonly cidr?: string;
  /** Prefix length of the VPC to take from the pool (default: just large enough). */
  readonly prefix?: number;
  /** Node vSwitch CIDRs, one per zone (default: carved from the VPC). */
  readonly nodeVSwitchCidrs?: string[];
  /** Terway pod vSwitch CIDRs, one per zone (default: carved from the VPC). */
  readonly podVSwitchCidrs?: string[];
  readonly ipv6: boolean;
  readonly allowPublicRanges: boolean;
}

/** A VPC that exists already, adopted by id. */
export interface FleetExistingVpc {
  readonly kind: "existing";
  readonly id: string;
  /** Its IPv4 CIDR (undefined only when the spec forgot it: S6-missing-field). */
  readonly cidr?: string;
  readonly nodeVSwitches: FleetExistingVSwitch[];
  readonly podVSwitches: FleetExistingVSwitch[];
  readonly ipv6: boolean;
  readonly allowPublicRanges: boolean;
}

/** A VPC shared with other clusters of the fleet, defined under `sharedVpcs` (or implied). */
export interface FleetSharedVpcRef {
  readonly kind: "shared";
  readonly name: string;
}

export type FleetVpcInput = FleetOwnVpc | FleetExistingVpc | FleetSharedVpcRef;

/** A shared VPC: one network stack, several cluster stacks. */
export interface FleetSharedVpcInput {
  readonly name: string;
  readonly cidr?: string;
  readonly prefix?: number;
  /** Zones of its vSwitches (default: the member clusters' zones, in order of appearance). */
  readonly zones?: string[];
  readonly nodeVSwitchCidrs?: string[];
  readonly podVSwitchCidrs?: string[];
  readonly ipv6: boolean;
  readonly allowPublicRanges: boolean;
}

/** The CNI of a fleet cluster, with the settings that size its ranges. */
export interface FleetCniInput {
  readonly plugin: CniPlugin;
  /** Flannel: pod CIDR (omitted = from `pools.pods`). */
  readonly podCidr?: string;
  /** Flannel: pods per node (power of two, 16..256). */
  readonly podsPerNode: number;
  /** Terway Edge: edge pod CIDR (omitted = from `pools.edgePods`). */
  readonly edgePodCidr?: string;
  /** Terway Edge: pods per edge node. */
  readonly podsPerEdgeNode: number;
  /** ACK Edge Flannel: edge node ranges opened for UDP 8472 (VXLAN). */
  readonly edgeNodeCidrs: string[];
  /** Terway: exclusive-ENI by default in node pools. */
  readonly exclusiveEni: boolean;
  readonly networkPolicy: boolean;
  readonly dataPathV2: boolean;
  readonly trunk: boolean;
  readonly ipvlan: boolean;
}

/** One cluster of the fleet, settings resolved. */
export interface FleetClusterInput {
  readonly name: string;
  readonly profile: ClusterProfile;
  readonly clusterSpec: string;
  readonly kubernetesVersion?: string;
  readonly cni: FleetCniInput;
  readonly vpc: FleetVpcInput;
  readonly zones: string[];
  /** Service CIDR (omitted = from `pools.services`). */
  readonly serviceCidr?: string;
  /** Services to size a pooled service CIDR for. */
  readonly expectedServices: number;
  /** Cloud nodes to size the VPC and the Flannel pod CIDR for. */
  readonly expectedNodes: number;
  /** Pods per cloud node to size Terway pod vSwitches for. */
  readonly expectedPodsPerNode: number;
  /** Edge nodes to size the edge pod CIDR (Terway Edge) or the pod CIDR (Edge Flannel) for. */
  readonly expectedEdgeNodes: number;
  readonly nodePools: NodePoolPlan[];
  /** ACK Edge: how each edge pool reaches the cloud. */
  readonly edgePoolNetworks: Array<{ readonly name: string; readonly privateInterconnect: boolean; readonly intranet: boolean; readonly createdOutsideTerraform?: boolean }>;
  readonly ipStack: IpStack;
  readonly proxyMode: string;
  readonly enterpriseSecurityGroup: boolean;
  readonly apiServerPublicAccess: boolean;
  readonly nodeQuota?: number;
  readonly routeTableQuota?: number;
  readonly allowServiceCidrReuse: boolean;
  /** A KMS key encrypts Secrets at rest (G8-secrets-encryption). */
  readonly secretsEncrypted?: boolean;
  /** Ranges given in the spec for this cluster (other networks it must avoid). */
  readonly externalRanges: ExternalRange[];
  /** Change-guard override: fixed-at-creation fields may change (the cluster is replaced). */
  readonly replace: boolean;
}

/** An Express Connect link from a cluster's VPC to a data centre (planned by planHybridLink). */
export interface FleetHybridLinkInput {
  readonly name: string;
  /** Cluster whose VPC the link joins. */
  readonly cluster: string;
  readonly physicalConnectionId: string;
  /** Id of an adopted VBR; undefined when the link creates one. */
  readonly vbrId?: string;
  /** The VBR to create (undefined when adopted). */
  readonly vbr?: HybridVbrPlan;
  readonly bgp: HybridBgpPlan;
  readonly connectivity: HybridConnectivity;
  readonly hasAccessPoint: boolean;
  readonly hasVbrRouteTable: boolean;
  readonly dataCenterCidrs: string[];
  /** Cloud pod ranges outside the VPC CIDR the data centre must reach. */
  readonly cloudPodCidrs: string[];
  /** CEN connectivity: zones of the dedicated vSwitches of the transit router's VPC attachment (undefined: the node vSwitches). */
  readonly transitRouterVSwitchZones?: string[];
  readonly replace: boolean;
}

/** VPCs joined by CEN, peering or VPN: every listed VPC reaches every other. */
export interface FleetConnectionInput {
  readonly name: string;
  /** Cluster names (their VPC) or shared VPC names. */
  readonly vpcs: string[];
  /** CIDRs of VPCs outside the fleet on the same connection. */
  readonly externalCidrs: string[];
}

export interface FleetPlanInput {
  readonly pools: FleetPools;
  readonly sharedVpcs: FleetSharedVpcInput[];
  readonly clusters: FleetClusterInput[];
  readonly hybridLinks: FleetHybridLinkInput[];
  readonly connections: FleetConnectionInput[];
  readonly extraInstanceTypes: InstanceTypeInfo[];
}

/** Where a range of the plan came from. */
export enum RangeSource {
  /** Written in the spec. */
  GIVEN = "given",
  /** Recorded in the lock file. */
  LOCK = "lock",
  /** Newly carved from a pool. */
  POOL = "pool",
  /** Carved from the VPC (vSwitches). */
  CARVED = "carved",
  /** Could not be allocated (see the findings). */
  MISSING = "missing",
}

/** A range with its origin. */
export interface PlannedRange {
  readonly cidr?: string;
  readonly source: RangeSource;
}
