/**
 * The fleet spec as TypeScript types (jsii-friendly structs). The YAML/JSON file, the runtime
 * validation (spec-schema.ts) and schema/spec.schema.json all describe this shape; the zod
 * schemas are checked against these interfaces at compile time.
 */
import { HybridConnectivity } from "../plan/hybrid";
import { InstanceTypeInfo } from "../plan/instance-types";
import { CniPlugin, ExternalRangeKind, IpStack } from "../plan/model";

/** `ack` (ACK managed cluster) or `ack-edge` (ACK Edge). */
export enum SpecClusterType {
  ACK = "ack",
  ACK_EDGE = "ack-edge",
}

/** Terway ENI mode of node pools that don't choose one. */
export enum SpecTerwayMode {
  SHARED_ENI = "shared-eni",
  EXCLUSIVE_ENI = "exclusive-eni",
}

/** kube-proxy mode. */
export enum SpecProxyMode {
  IPVS = "ipvs",
  IPTABLES = "iptables",
}

/** How edge nodes reach the cloud (ACK Edge node pool `interconnect_mode`). */
export enum SpecInterconnect {
  PRIVATE = "private",
  BASIC = "basic",
}

/** Effect of a node taint. */
export enum SpecTaintEffect {
  NO_SCHEDULE = "NoSchedule",
  PREFER_NO_SCHEDULE = "PreferNoSchedule",
  NO_EXECUTE = "NoExecute",
}

/** How VPCs are joined. */
export enum SpecConnectionType {
  CEN = "cen",
  PEERING = "peering",
  VPN = "vpn",
}

/**
 * Address pools, each carved first fit in order. (A spec file may give a single CIDR instead
 * of a list; it is read as a list of one.)
 */
export interface FleetPoolsSpec {
  /** VPC CIDRs for clusters (and shared VPCs) that give none. */
  readonly vpc?: string[];
  /** Flannel pod CIDRs. */
  readonly pods?: string[];
  /** Service CIDRs. */
  readonly services?: string[];
  /** Terway Edge edge pod CIDRs. */
  readonly edgePods?: string[];
}

/** The container network plugin and its settings. */
export interface FleetCniSpec {
  /** `terway` | `flannel` (ACK); `flannel` | `terway-edge` (ACK Edge). @default terway (ACK), flannel (ACK Edge) */
  readonly plugin?: CniPlugin;
  /** Terway: ENI mode of pools that don't choose. @default shared-eni */
  readonly mode?: SpecTerwayMode;
  /** Terway: NetworkPolicy. @default true */
  readonly networkPolicy?: boolean;
  /** Terway: DataPath V2 (eBPF). @default false */
  readonly dataPathV2?: boolean;
  /** Terway: Trunk ENI. @default false */
  readonly trunk?: boolean;
  /** Terway: IPvlan. @default false */
  readonly ipvlan?: boolean;
  /** Flannel: pod CIDR. @default from pools.pods */
  readonly podCidr?: string;
  /** Flannel: pods per node, 16/32/64/128/256. @default 64 */
  readonly podsPerNode?: number;
  /** Terway Edge: edge pod CIDR. @default from pools.edgePods */
  readonly edgePodCidr?: string;
  /** Terway Edge: pods per edge node (power of two). @default 64 */
  readonly podsPerEdgeNode?: number;
  /** ACK Edge Flannel: edge node ranges to open UDP 8472 (VXLAN) from. @default none */
  readonly edgeNodeCidrs?: string[];
}

/** A vSwitch that exists already. */
export interface FleetVSwitchSpec {
  readonly id: string;
  readonly zone: string;
  readonly cidr: string;
}

/** The cluster's VPC: new (`cidr` or from the pool), adopted (`id`), or `shared`. */
export interface FleetVpcSpec {
  /** Name of a shared VPC (see `sharedVpcs`); clusters naming the same one share it. */
  readonly shared?: string;
  /** CIDR of a new VPC (or of the adopted one with `id`). @default from pools.vpc */
  readonly cidr?: string;
  /** Prefix length of the VPC taken from the pool. @default just large enough for the vSwitches */
  readonly prefix?: number;
  /** Id of an existing VPC to adopt (needs `cidr` and `vSwitches`). */
  readonly id?: string;
  /** Existing node vSwitches (adopted VPC). */
  readonly vSwitches?: FleetVSwitchSpec[];
  /** Existing Terway pod vSwitches (adopted VPC). */
  readonly podVSwitches?: FleetVSwitchSpec[];
  /** Node vSwitch CIDRs of a new VPC, one per zone. @default carved */
  readonly nodeVSwitchCidrs?: string[];
  /** Pod vSwitch CIDRs of a new VPC, one per zone. @default carved */
  readonly podVSwitchCidrs?: string[];
  /** IPv6 on the VPC. @default false */
  readonly ipv6?: boolean;
  /** NAT gateway egress. @default true */
  readonly egress?: boolean;
  /** Adopted VPC: the account may use non-RFC 1918 ranges (A-VPC-2). @default false */
  readonly allowPublicRanges?: boolean;
}

/** A Kubernetes taint. */
export interface FleetTaintSpec {
  readonly key: string;
  readonly value?: string;
  readonly effect: SpecTaintEffect;
}

/** A cloud node pool. */
export interface FleetNodePoolSpec {
  readonly name: string;
  /** ECS instance types in order of preference. */
  readonly instanceTypes?: string[];
  /** One ECS instance type (shorthand for `instanceTypes: [x]`). */
  readonly instanceType?: string;
  /** Fixed size. @default 2 unless min/max */
  readonly size?: number;
  /** Autoscaling minimum. */
  readonly min?: number;
  /** Autoscaling maximum. */
  readonly max?: number;
  /** Zones. @default the cluster's zones */
  readonly zones?: string[];
  /** Terway exclusive ENI. @default the cluster's Terway mode */
  readonly exclusiveEni?: boolean;
  /** Pods per node when the instance type is not in the built-in table. */
  readonly podsPerNode?: number;
  readonly kubeletMaxPods?: number;
  readonly labels?: { [key: string]: string };
  readonly taints?: FleetTaintSpec[];
  readonly imageType?: string;
  readonly systemDiskCategory?: string;
  readonly systemDiskSize?: number;
}

/** An ACK Edge node pool. */
export interface FleetEdgeNodePoolSpec {
  readonly name: string;
  /** @default private */
  readonly interconnect?: SpecInterconnect;
  /** Edge nodes of the pool are mutually reachable at layer 3. @default false */
  readonly intranet?: boolean;
  /**
   * Planned here, created with the ACK console or CreateClusterNodePool: the provider can't set
   * `interconnect_mode`/`intranet` (rule I11-edge-pool-interconnect). @default false
   */
  readonly createdOutsideTerraform?: boolean;
  readonly size?: number;
  readonly min?: number;
  readonly max?: number;
  /** Instance types of the edge nodes (for the record). */
  readonly instanceTypes?: string[];
  readonly labels?: { [key: string]: string };
  readonly taints?: FleetTaintSpec[];
}

/** A range of another network the cluster must stay clear of. */
export interface FleetExternalRangeSpec {
  readonly name: string;
  readonly cidr: string;
  readonly kind: ExternalRangeKind;
  /** @default false */
  readonly sameVpc?: boolean;
}

/** Settings every cluster can have; `defaults` holds the same fields. */
export interface FleetClusterSettings {
  /** @default ack */
  readonly type?: SpecClusterType;
  /** Cluster spec, e.g. `ack.pro.small`, `ack.standard`. @default ack.pro.small */
  readonly spec?: string;
  readonly kubernetesVersion?: string;
  readonly cni?: FleetCniSpec;
  readonly zones?: string[];
  readonly vpc?: FleetVpcSpec;
  /** @default from pools.services */
  readonly serviceCidr?: string;
  /** Services to size a pooled service CIDR for (/16../24). @default 4096 (/20) */
  readonly expectedServices?: number;
  /** Cloud nodes the cluster will reach (sizes the VPC and the Flannel pod CIDR); never less than the node pools' maxima. @default sum of node pool maxima */
  readonly expectedNodes?: number;
  /** Pods per node for Terway pod vSwitch sizing. @default from the node pools' instance types, else 64 */
  readonly expectedPodsPerNode?: number;
  /** Edge nodes (sizes the edge pod CIDR); never less than the edge pools' maxima. @default sum of edge node pool maxima */
  readonly expectedEdgeNodes?: number;
  readonly nodePools?: FleetNodePoolSpec[];
  readonly edgeNodePools?: FleetEdgeNodePoolSpec[];
  /** @default ipv4 */
  readonly ipStack?: IpStack;
  /** @default ipvs */
  readonly proxyMode?: SpecProxyMode;
  /** @default false */
  readonly apiServerPublicAccess?: boolean;
  /** @default true */
  readonly deletionProtection?: boolean;
  /** @default true */
  readonly rrsa?: boolean;
  /** @default true */
  readonly enterpriseSecurityGroup?: boolean;
  /** @default true */
  readonly controlPlaneLogs?: boolean;
  /** @default true */
  readonly auditLogs?: boolean;
  readonly secretsEncryptionKeyId?: string;
  /** Export the kubeconfig as a sensitive output. @default false */
  readonly kubeconfigOutput?: boolean;
  readonly nodeQuota?: number;
  readonly routeTableQuota?: number;
  /** @default false */
  readonly allowServiceCidrReuse?: boolean;
  readonly externalRanges?: FleetExternalRangeSpec[];
  readonly tags?: { [key: string]: string };
}

/** One cluster. */
export interface FleetClusterSpec extends FleetClusterSettings {
  /** Cluster name; also its stack name and its key in the lock. */
  readonly name: string;
  /** Let fields fixed at creation change: the cluster will be replaced. @default false */
  readonly replace?: boolean;
}

/** A VPC shared by several clusters (`vpc: { shared: <name> }`). */
export interface FleetSharedVpcSpec {
  readonly name: string;
  /** @default from pools.vpc */
  readonly cidr?: string;
  readonly prefix?: number;
  /** @default the member clusters' zones */
  readonly zones?: string[];
  readonly nodeVSwitchCidrs?: string[];
  readonly podVSwitchCidrs?: string[];
  readonly ipv6?: boolean;
  readonly egress?: boolean;
  readonly tags?: { [key: string]: string };
}

/** An Express Connect link (VBR + BGP) from a cluster's VPC to a data centre. */
export interface FleetHybridLinkSpec {
  readonly name: string;
  /** Cluster whose VPC the link joins. */
  readonly cluster: string;
  readonly physicalConnectionId: string;
  /** Adopt an existing VBR instead of creating one (then vlanId and the gateway IPs are not used). */
  readonly vbrId?: string;
  /** Route table of the adopted VBR. */
  readonly vbrRouteTableId?: string;
  /** VLAN of the new VBR, unique per physical connection. */
  readonly vlanId?: number;
  readonly localGatewayIp?: string;
  readonly peerGatewayIp?: string;
  /** e.g. `255.255.255.252`. */
  readonly peeringSubnetMask?: string;
  readonly peerAsn: number;
  /** @default 45104 */
  readonly localAsn?: number;
  /** @default [peerGatewayIp] */
  readonly peerIps?: string[];
  /** Name of a sensitive Terraform variable holding the BGP auth key. @default no auth key */
  readonly authKeyVariable?: string;
  /** Extra CIDRs the VBR advertises to the data centre. */
  readonly advertise?: string[];
  /** Routes expected from the data centre beyond the edge pod and data-centre CIDRs. */
  readonly extraExpectedRoutes?: number;
  readonly dataCenterCidrs: string[];
  /** Cloud pod ranges outside the VPC CIDR the data centre must reach. */
  readonly cloudPodCidrs?: string[];
  /** @default cen-transit-router */
  readonly connectivity?: HybridConnectivity;
  /** Access point of the physical connection (router-interface connectivity). */
  readonly accessPointId?: string;
  /** @default Large.2 */
  readonly routerInterfaceSpec?: string;
  /** vRouter of an adopted VPC (router-interface connectivity). */
  readonly vpcRouterId?: string;
  /** System route table of an adopted VPC. */
  readonly vpcRouteTableId?: string;
  /** CEN to attach the VBR to (cen-transit-router). */
  readonly cenId?: string;
  readonly transitRouterId?: string;
  /** Dedicated vSwitches for the transit router's VPC attachment. @default the node vSwitches */
  readonly transitRouterVSwitches?: FleetVSwitchSpec[];
  /** Let the physical connection change (the VBR is recreated). @default false */
  readonly replace?: boolean;
}

/**
 * An existing connection (CEN, peering or VPN) between VPCs, declared for the cross-VPC rules
 * (C-5). Nothing is created for it.
 */
export interface FleetConnectionSpec {
  /** @default connection-<n> */
  readonly name?: string;
  /** @default cen */
  readonly type?: SpecConnectionType;
  /** Cluster names (their VPC) or shared VPC names. */
  readonly vpcs: string[];
  /** CIDRs of VPCs outside the fleet on this connection. */
  readonly externalCidrs?: string[];
}

/** ENI figures of an instance type missing from the built-in table (same fields as the table). */
export interface FleetInstanceTypeSpec extends InstanceTypeInfo {}

/**
 * A fleet of ACK / ACK Edge clusters. A spec file may also carry `$schema` (see
 * {@link FleetSpecFile}); this struct leaves it out, as jsii can't name such a property.
 */
export interface FleetSpec {
  /** Alibaba Cloud region, e.g. `cn-hangzhou`. */
  readonly region: string;
  readonly pools?: FleetPoolsSpec;
  /** Settings applied to every cluster (a cluster's own value wins; `cni` and `tags` merge one level). */
  readonly defaults?: FleetClusterSettings;
  readonly sharedVpcs?: FleetSharedVpcSpec[];
  readonly clusters: FleetClusterSpec[];
  readonly hybridLinks?: FleetHybridLinkSpec[];
  readonly connections?: FleetConnectionSpec[];
  readonly extraInstanceTypes?: FleetInstanceTypeSpec[];
}

/**
 * What a spec file holds: a {@link FleetSpec} and the JSON Schema reference editors read
 * (`$schema`, ignored). TypeScript only (not in the jsii API: `$schema` is not a valid jsii
 * property name); a FleetSpecFile is a FleetSpec, so it can be passed wherever one is taken.
 */
export interface FleetSpecFile extends FleetSpec {
  /** JSON Schema reference for editors (ignored). */
  readonly $schema?: string;
}
