/**
 * The plan input: plain data describing one cluster's network, as the constructs or the spec
 * file know it. Values that are unknown at synth time (cdktf tokens) are left undefined and
 * their paths listed in `unresolved`, so the checks they feed are skipped with a warning.
 */

/** Container network plugin. */
export enum CniPlugin {
  /** Terway: pods get VPC addresses from pod vSwitches through ENIs (underlay). */
  TERWAY = "terway",
  /** Flannel: VXLAN overlay, pods from a separate pod CIDR split per node. */
  FLANNEL = "flannel",
  /** ACK Edge Terway Edge: Terway on cloud pools, Flannel route mode on edge pools. */
  TERWAY_EDGE = "terway-edge",
}

/** ACK managed cluster (`profile = "Default"`) or ACK Edge (`profile = "Edge"`). */
export enum ClusterProfile {
  DEFAULT = "Default",
  EDGE = "Edge",
}

/** Terway ENI mode of a node pool. */
export enum EniMode {
  /** Several pods share an ENI through secondary IPs (`terway-eniip`). */
  SHARED = "shared",
  /** Each pod gets a whole ENI. Fixed when the pool is created. */
  EXCLUSIVE = "exclusive",
}

/** IPv4 only, or IPv4/IPv6 dual stack. */
export enum IpStack {
  IPV4 = "ipv4",
  DUAL = "dual",
}

/** Where a node pool runs. */
export enum NodePoolKind {
  /** ECS nodes in the VPC. */
  CLOUD = "cloud",
  /** ACK Edge nodes in a data centre or at the edge (`type = "edge"`). */
  EDGE = "edge",
}

/** What a range outside this cluster is, for the overlap rules. */
export enum ExternalRangeKind {
  /** Pod CIDR or pod vSwitch of another cluster. */
  CLUSTER_POD = "cluster-pod",
  /** Service CIDR of another cluster. */
  CLUSTER_SERVICE = "cluster-service",
  /** Node vSwitch of another cluster. */
  CLUSTER_NODE = "cluster-node",
  /** CIDR of a VPC connected by CEN, peering, VPN or a hybrid link. */
  CONNECTED_VPC = "connected-vpc",
  /** Range of an on-premises data centre reached over Express Connect. */
  DATA_CENTER = "data-center",
}

/** A vSwitch of the plan, for nodes or for Terway pods. */
export interface VSwitchPlan {
  /** Name used in messages. */
  readonly name: string;
  readonly zone: string;
  /** IPv4 CIDR; undefined when unknown at synth time. */
  readonly cidr?: string;
  /** True when the vSwitch exists already (adopted by id). */
  readonly existing?: boolean;
  /** Id of the vSwitch it is the same as (a pod vSwitch reusing a node vSwitch, rule F-2). */
  readonly sameAs?: string;
}

export interface NodePoolPlan {
  readonly name: string;
  readonly kind: NodePoolKind;
  readonly instanceTypes: string[];
  /** Nodes at the least (fixed size: min = max). */
  readonly minNodes: number;
  readonly maxNodes: number;
  /** Zones the pool's vSwitches are in (cloud pools). */
  readonly zones: string[];
  /** Terway ENI mode (cloud pools of Terway clusters). */
  readonly eniMode?: EniMode;
  /** Pods per node when the instance type is not in the built-in table, or to cap it. */
  readonly podsPerNodeOverride?: number;
  /** kubelet max_pods, if set (rule E-5). */
  readonly kubeletMaxPods?: number;
  /** Node OS image type, e.g. `AliyunLinux3` (DataPath V2 prerequisite, F-5). */
  readonly imageType?: string;
}

export interface ExternalRange {
  readonly name: string;
  readonly cidr: string;
  readonly kind: ExternalRangeKind;
  /** True when the range lives in this cluster's VPC (rules C-3, C-4); false when connected (C-5). */
  readonly sameVpc: boolean;
}

export interface CniPlan {
  readonly plugin: CniPlugin;
  /** Flannel pod CIDR. */
  readonly podCidr?: string;
  /** Flannel per-node mask (24..28); for Terway Edge the edge per-node mask. */
  readonly nodeCidrMask?: number;
  /**
   * Flannel: the pods per node asked for (16, 32, 64, 128 or 256; rule D1-node-cidr-mask).
   * When given, it is checked as asked (never rounded) and `nodeCidrMask` must match it.
   */
  readonly podsPerNode?: number;
  /** Terway Edge: CIDR the edge pods are taken from. */
  readonly edgePodCidr?: string;
  /** Terway Edge: the `terway-edge` add-on version asked for (rule I9-terway-edge-addon-version). */
  readonly addonVersion?: string;
  readonly networkPolicy: boolean;
  readonly dataPathV2: boolean;
  readonly trunk: boolean;
  readonly ipvlan: boolean;
}

/** How an ACK Edge edge pool reaches the cloud, and who creates it (rules I6, I11). */
export interface EdgePoolNetwork {
  readonly name: string;
  /** `interconnect_mode = private` (leased line / VPN) asked for. */
  readonly privateInterconnect: boolean;
  /** `intranet = true` asked for (edge nodes mutually L3-reachable). */
  readonly intranet: boolean;
  /** The pool is created outside Terraform (console / CreateClusterNodePool) and only planned here. */
  readonly createdOutsideTerraform?: boolean;
}

export interface VpcPlan {
  readonly name: string;
  readonly cidr?: string;
  readonly existing: boolean;
  readonly ipv6: boolean;
  /** Account has the `ack.white_list/supportVPCWithPublicIPRanges` quota (rule A-VPC-2). */
  readonly allowPublicRanges?: boolean;
}

/** How an ACK Edge node pool reaches the cloud. */
export interface EdgePoolNetwork {
  readonly name: string;
  /** Private interconnect (leased line / VPN); false for the Internet. */
  readonly privateInterconnect: boolean;
  /** Edge nodes are L3-reachable from the cloud. */
  readonly intranet: boolean;
}

/** What every cluster kind plans the same way (the constructs fill it before the CNI-specific parts). */
export interface ClusterPlanBaseInput {
  readonly name: string;
  readonly profile: ClusterProfile;
  /** `ack.standard`, `ack.pro.small`, ... */
  readonly clusterSpec: string;
  readonly kubernetesVersion?: string;
  readonly vpc: VpcPlan;
  readonly nodeVSwitches: VSwitchPlan[];
  /**
   * Names of the node vSwitches given to the control plane (`vswitch_ids`, 1 to 5, rule
   * G7-control-plane-vswitches). Default: every node vSwitch.
   */
  readonly controlPlaneVSwitches?: string[];
  readonly serviceCidr?: string;
  /** Ranges of other clusters, connected VPCs and data centres. */
  readonly externalRanges: ExternalRange[];
  /** Node quota raised with Alibaba Cloud (Pro: Terway up to 15,000, Flannel up to 1,000). */
  readonly nodeQuota?: number;
  /** Custom-route quota of the VPC route table (Flannel: one entry per node). Default 200. */
  readonly routeTableQuota?: number;
  /** Enterprise security group (Terway recommendation F-13). */
  readonly enterpriseSecurityGroup: boolean;
  /** Allow this cluster's service CIDR to overlap other clusters' in the same VPC (C-4 opt-out). */
  readonly allowServiceCidrReuse?: boolean;
  /** A KMS key encrypts Secrets at rest (G8-secrets-encryption); undefined = not known, not checked. */
  readonly secretsEncrypted?: boolean;
  /** A HybridLink joins this cluster's VPC to a data centre (Terway Edge needs one). */
  readonly hasHybridLink?: boolean;
  /** Pods per edge node (ACK Edge). */
  readonly podsPerEdgeNode?: number;
  /** Paths of values that are unresolved tokens at synth time. */
  readonly unresolved?: string[];
  /** ACK Edge: how each edge node pool reaches the cloud (private = leased line / VPN; intranet = edge nodes L3-reachable). */
  readonly edgePoolNetworks?: EdgePoolNetwork[];
  /** ACK Edge Flannel: ranges the cluster security group opens UDP 8472 (VXLAN) from, besides the VPC. */
  readonly vxlanPeerCidrs?: string[];
}

export interface ClusterPlanInput extends ClusterPlanBaseInput {
  readonly ipStack: IpStack;
  readonly podVSwitches: VSwitchPlan[];
  readonly cni: CniPlan;
  readonly nodePools: NodePoolPlan[];
}
