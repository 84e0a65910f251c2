/**
 * The zod schemas of the fleet spec: the one source of runtime validation and of the shipped
 * JSON Schema (schema/spec.schema.json, written by scripts/gen-spec-schema.ts). Objects are
 * strict: an unknown field is an error, not silently ignored.
 */
import { z } from "zod";
import { HybridConnectivity } from "../plan/hybrid";
import { CniPlugin, ExternalRangeKind, IpStack } from "../plan/model";
import { DICT_JSON_SCHEMAS, address, cidr, cidrOrList, name, netmask, nonNegativeInt, podsPerBlock, positiveInt, stringMap } from "./field-schemas";
import {
  FleetClusterSettings, FleetClusterSpec, FleetCniSpec, FleetConnectionSpec, FleetEdgeNodePoolSpec, FleetExternalRangeSpec,
  FleetHybridLinkSpec, FleetInstanceTypeSpec, FleetNodePoolSpec, FleetPoolsSpec, FleetSharedVpcSpec, FleetSpecFile, FleetTaintSpec,
  FleetVSwitchSpec, FleetVpcSpec, SpecClusterType, SpecConnectionType, SpecInterconnect, SpecProxyMode,
  SpecTaintEffect, SpecTerwayMode,
} from "./spec-types";

const d = (description: string) => ({ description });

const poolsSchema = z.strictObject({
  vpc: cidrOrList.optional().meta(d("VPC CIDRs for clusters and shared VPCs that give none.")),
  pods: cidrOrList.optional().meta(d("Flannel pod CIDRs for clusters that give none.")),
  services: cidrOrList.optional().meta(d("Service CIDRs for clusters that give none.")),
  edgePods: cidrOrList.optional().meta(d("Terway Edge edge pod CIDRs for clusters that give none.")),
}).meta({ id: "Pools", ...d("Address pools: one CIDR or a list each, carved first fit in order, never reusing what the lock holds.") });

const cniSchema = z.strictObject({
  plugin: z.enum(CniPlugin).optional().meta(d("terway | flannel (ACK); flannel | terway-edge (ACK Edge). Fixed at creation (K-1). Default: terway for ACK, flannel for ACK Edge.")),
  mode: z.enum(SpecTerwayMode).optional().meta(d("Terway: ENI mode of node pools that don't choose one. Default shared-eni.")),
  networkPolicy: z.boolean().optional().meta(d("Terway: NetworkPolicy. Default true.")),
  dataPathV2: z.boolean().optional().meta(d("Terway: DataPath V2 (eBPF); creation only. Default false.")),
  trunk: z.boolean().optional().meta(d("Terway: Trunk ENI. Default false.")),
  ipvlan: z.boolean().optional().meta(d("Terway: IPvlan. Default false.")),
  podCidr: cidr.optional().meta(d("Flannel: pod CIDR; fixed at creation (K-3). Default: from pools.pods.")),
  podsPerNode: podsPerBlock.optional().meta(d("Flannel: pods per node, 16/32/64/128/256; fixed at creation (K-4). Default 64.")),
  edgePodCidr: cidr.optional().meta(d("Terway Edge: edge pod CIDR. Default: from pools.edgePods.")),
  podsPerEdgeNode: podsPerBlock.optional().meta(d("Terway Edge: pods per edge node. Default 64.")),
  edgeNodeCidrs: z.array(cidr).optional().meta(d("ACK Edge Flannel: edge node ranges to open UDP 8472 (VXLAN) from.")),
}).meta({ id: "Cni", ...d("Container network plugin.") });

const vswitchSchema = z.strictObject({ id: z.string().min(1), zone: z.string().min(1), cidr }).meta({ id: "ExistingVSwitch" });

const vpcSchema = z.strictObject({
  shared: name.optional().meta(d("Name of a shared VPC; clusters naming the same one share it (one network stack).")),
  cidr: cidr.optional().meta(d("CIDR of the new VPC (or of the adopted one with id). Default: from pools.vpc.")),
  prefix: z.number().int().min(8).max(28).optional().meta(d("Prefix length of the VPC taken from pools.vpc. Default: just large enough.")),
  id: z.string().min(1).optional().meta(d("Id of an existing VPC to adopt; needs cidr and vSwitches.")),
  vSwitches: z.array(vswitchSchema).min(1).optional().meta(d("Existing node vSwitches of the adopted VPC.")),
  podVSwitches: z.array(vswitchSchema).optional().meta(d("Existing Terway pod vSwitches of the adopted VPC.")),
  nodeVSwitchCidrs: z.array(cidr).optional().meta(d("Node vSwitch CIDRs of a new VPC, one per zone. Default: carved.")),
  podVSwitchCidrs: z.array(cidr).optional().meta(d("Terway pod vSwitch CIDRs of a new VPC, one per zone. Default: carved.")),
  ipv6: z.boolean().optional(),
  egress: z.boolean().optional().meta(d("NAT gateway egress. Default true.")),
  allowPublicRanges: z.boolean().optional().meta(d("Adopted VPC (id): the account may use non-RFC 1918 ranges (A-VPC-2).")),
}).meta({ id: "Vpc", ...d("The cluster's VPC: new (cidr, or from pools.vpc), adopted (id + cidr + vSwitches), or shared.") });

const taintSchema = z.strictObject({ key: z.string().min(1), value: z.string().optional(), effect: z.enum(SpecTaintEffect) }).meta({ id: "Taint" });

const nodePoolSchema = z.strictObject({
  name,
  instanceTypes: z.array(z.string().min(1)).min(1).optional().meta(d("ECS instance types in order of preference.")),
  instanceType: z.string().min(1).optional().meta(d("One ECS instance type (shorthand for instanceTypes).")),
  size: nonNegativeInt.optional().meta(d("Fixed number of nodes (or min/max for autoscaling). Default 2.")),
  min: nonNegativeInt.optional(),
  max: nonNegativeInt.optional(),
  zones: z.array(z.string().min(1)).optional().meta(d("Zones. Default: the cluster's zones.")),
  exclusiveEni: z.boolean().optional().meta(d("Terway exclusive ENI; fixed at pool creation (K-7).")),
  podsPerNode: positiveInt.optional().meta(d("Pods per node when the instance type is not in the built-in table.")),
  kubeletMaxPods: positiveInt.optional(),
  labels: stringMap.optional(),
  taints: z.array(taintSchema).optional(),
  imageType: z.string().optional(),
  systemDiskCategory: z.string().optional(),
  systemDiskSize: positiveInt.optional(),
}).meta({ id: "NodePool" });

const edgeNodePoolSchema = z.strictObject({
  name,
  interconnect: z.enum(SpecInterconnect).optional().meta(d("private (Express Connect) or basic (Internet). Default private.")),
  intranet: z.boolean().optional().meta(d("Edge nodes of the pool are mutually reachable at layer 3. Default false.")),
  createdOutsideTerraform: z.boolean().optional().meta(d("Planned here, created with the ACK console or CreateClusterNodePool (the provider can't set interconnect/intranet; rule I11). Default false.")),
  size: nonNegativeInt.optional(),
  min: nonNegativeInt.optional(),
  max: nonNegativeInt.optional(),
  instanceTypes: z.array(z.string().min(1)).optional(),
  labels: stringMap.optional(),
  taints: z.array(taintSchema).optional(),
}).meta({ id: "EdgeNodePool" });

const externalRangeSchema = z.strictObject({
  name: z.string().min(1),
  cidr,
  kind: z.enum(ExternalRangeKind),
  sameVpc: z.boolean().optional(),
}).meta({ id: "ExternalRange" });

const settingsShape = {
  type: z.enum(SpecClusterType).optional().meta(d("ack (default) or ack-edge.")),
  spec: z.string().min(1).optional().meta(d("Cluster spec: ack.pro.small (default), ack.standard, ...")),
  kubernetesVersion: z.string().min(1).optional(),
  cni: cniSchema.optional(),
  zones: z.array(z.string().min(1)).min(1).optional().meta(d("Zones of the cluster's vSwitches.")),
  vpc: vpcSchema.optional(),
  serviceCidr: cidr.optional().meta(d("Service CIDR, /16 to /24; fixed at creation (K-2). Default: from pools.services.")),
  expectedServices: positiveInt.optional().meta(d("Services to size a pooled service CIDR for. Default 4096 (/20).")),
  expectedNodes: positiveInt.optional().meta(d("Cloud nodes the cluster will reach; sizes the VPC and the Flannel pod CIDR; never less than the node pool maxima. Default: their sum.")),
  expectedPodsPerNode: positiveInt.optional().meta(d("Pods per node for Terway pod vSwitch sizing. Default: from the node pools' instance types, else 64.")),
  expectedEdgeNodes: positiveInt.optional().meta(d("Edge nodes; sizes the edge pod CIDR; never less than the edge pool maxima. Default: their sum.")),
  nodePools: z.array(nodePoolSchema).optional(),
  edgeNodePools: z.array(edgeNodePoolSchema).optional().meta(d("ACK Edge node pools.")),
  ipStack: z.enum(IpStack).optional().meta(d("ipv4 (default) or dual; fixed at creation (K-5).")),
  proxyMode: z.enum(SpecProxyMode).optional().meta(d("ipvs (default) or iptables; fixed at creation (K-5).")),
  apiServerPublicAccess: z.boolean().optional(),
  deletionProtection: z.boolean().optional(),
  rrsa: z.boolean().optional(),
  enterpriseSecurityGroup: z.boolean().optional(),
  controlPlaneLogs: z.boolean().optional(),
  auditLogs: z.boolean().optional(),
  secretsEncryptionKeyId: z.string().optional().meta(d("KMS key that encrypts Secrets at rest (Pro clusters); without it a Pro cluster gets warning G8-secrets-encryption.")),
  kubeconfigOutput: z.boolean().optional().meta(d("Export the cluster's kubeconfig as the sensitive output <cluster>_kubeconfig (data source alicloud_cs_cluster_credential; the kubeconfig is then in the Terraform state). Default false.")),
  nodeQuota: positiveInt.optional(),
  routeTableQuota: positiveInt.optional(),
  allowServiceCidrReuse: z.boolean().optional(),
  externalRanges: z.array(externalRangeSchema).optional(),
  tags: stringMap.optional(),
};

const settingsObject = z.strictObject(settingsShape);
export const clusterSettingsSchema: z.ZodType<FleetClusterSettings> = settingsObject.meta({ id: "ClusterSettings", ...d("Settings applied to every cluster; a cluster's own value wins (cni and tags merge one level).") });

const clusterObject = z.strictObject({
  name: name.meta(d("Cluster name; also its stack name and lock key.")),
  ...settingsShape,
  replace: z.boolean().optional().meta(d("Let fields fixed at creation change: the cluster will be replaced.")),
});
export const clusterSchema: z.ZodType<FleetClusterSpec> = clusterObject.meta({ id: "Cluster", ...d("One cluster: a Terraform stack of its own.") });

const sharedVpcSchema = z.strictObject({
  name,
  cidr: cidr.optional(),
  prefix: z.number().int().min(8).max(28).optional(),
  zones: z.array(z.string().min(1)).min(1).optional(),
  nodeVSwitchCidrs: z.array(cidr).optional(),
  podVSwitchCidrs: z.array(cidr).optional(),
  ipv6: z.boolean().optional(),
  egress: z.boolean().optional(),
  tags: stringMap.optional(),
}).meta({ id: "SharedVpc", ...d("A VPC shared by the clusters that name it in vpc.shared.") });

const hybridLinkSchema = z.strictObject({
  name,
  cluster: name.meta(d("Cluster whose VPC the link joins.")),
  physicalConnectionId: z.string().min(1),
  vbrId: z.string().min(1).optional().meta(d("Adopt an existing VBR instead of creating one.")),
  vbrRouteTableId: z.string().min(1).optional(),
  vlanId: z.number().int().optional().meta(d("VLAN of the new VBR, unique per physical connection (J-1).")),
  localGatewayIp: address.optional(),
  peerGatewayIp: address.optional(),
  peeringSubnetMask: netmask.optional(),
  peerAsn: z.number().int().meta(d("ASN of the data-centre router.")),
  localAsn: z.number().int().optional().meta(d("ASN of the Alibaba Cloud side. Default 45104.")),
  peerIps: z.array(address).optional(),
  authKeyVariable: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/).optional().meta(d("Name of a sensitive Terraform variable holding the BGP auth key. Without it the link gets warning J8-bgp-auth-key-missing.")),
  advertise: z.array(cidr).optional(),
  extraExpectedRoutes: nonNegativeInt.optional(),
  dataCenterCidrs: z.array(cidr).min(1),
  cloudPodCidrs: z.array(cidr).optional(),
  connectivity: z.enum(HybridConnectivity).optional().meta(d("cen-transit-router (default: a CEN transit router with the VBR and the VPC attached) or router-interface (one fast-link router interface and static routes).")),
  accessPointId: z.string().min(1).optional().meta(d("Access point of the physical connection (needed by router-interface connectivity).")),
  routerInterfaceSpec: z.string().min(1).optional(),
  vpcRouterId: z.string().min(1).optional(),
  vpcRouteTableId: z.string().min(1).optional(),
  cenId: z.string().min(1).optional(),
  transitRouterId: z.string().min(1).optional(),
  transitRouterVSwitches: z.array(vswitchSchema).min(1).optional().meta(d("Dedicated vSwitches (one per zone) for the transit router's VPC attachment (cen-transit-router): its ENIs take an address in each. Default: the first node vSwitch of each zone (info J12-transit-router-vswitches).")),
  replace: z.boolean().optional(),
}).meta({ id: "HybridLink", ...d("Express Connect link (VBR + BGP) from a cluster's VPC to a data centre.") });

const connectionSchema = z.strictObject({
  name: name.optional(),
  type: z.enum(SpecConnectionType).optional(),
  vpcs: z.array(z.string().min(1)).min(1).meta(d("Cluster names (their VPC) or shared VPC names.")),
  externalCidrs: z.array(cidr).optional().meta(d("CIDRs of VPCs outside the fleet on this connection.")),
}).meta({ id: "Connection", ...d("Declares an EXISTING CEN, peering or VPN connection between VPCs, for address planning only (rules C-5, C-6): nothing is created for it. Create the connection itself outside this spec (hybridLinks do create their own CEN transit router).") });

const instanceTypeSchema = z.strictObject({
  name: z.string().min(1),
  vcpu: positiveInt,
  memoryGiB: z.number().positive(),
  eniQuantity: positiveInt,
  privateIpsPerEni: positiveInt,
  ipv6PerEni: nonNegativeInt.optional(),
}).meta({ id: "InstanceType" });

/** The whole spec file. */
const fleetObject = z.strictObject({
  $schema: z.string().optional(),
  region: z.string().min(1).meta(d("Alibaba Cloud region, e.g. cn-hangzhou.")),
  pools: poolsSchema.optional(),
  defaults: clusterSettingsSchema.optional(),
  sharedVpcs: z.array(sharedVpcSchema).optional(),
  clusters: z.array(clusterSchema).min(1),
  hybridLinks: z.array(hybridLinkSchema).optional(),
  connections: z.array(connectionSchema).optional(),
  extraInstanceTypes: z.array(instanceTypeSchema).optional().meta(d("ENI figures of instance types missing from the built-in table.")),
}).meta({ title: "cdktf-alicloud-ack fleet spec", description: "A fleet of ACK / ACK Edge clusters with address pools (ack-plan, Fleet construct)." });
export const fleetSpecSchema: z.ZodType<FleetSpecFile> = fleetObject;

// Compile-time proof that the schemas and the interfaces have the same fields (the annotations
// above prove the types agree; these prove no field is missing on either side).
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
type Out<T extends z.ZodType> = NonNullable<z.output<T>>;
const sameKeys: [
  SameKeys<FleetSpecFile, Out<typeof fleetObject>>,
  SameKeys<FleetClusterSpec, Out<typeof clusterObject>>,
  SameKeys<FleetClusterSettings, Out<typeof settingsObject>>,
  SameKeys<FleetPoolsSpec, Out<typeof poolsSchema>>,
  SameKeys<FleetCniSpec, Out<typeof cniSchema>>,
  SameKeys<FleetVpcSpec, Out<typeof vpcSchema>>,
  SameKeys<FleetNodePoolSpec, Out<typeof nodePoolSchema>>,
  SameKeys<FleetEdgeNodePoolSpec, Out<typeof edgeNodePoolSchema>>,
  SameKeys<FleetSharedVpcSpec, Out<typeof sharedVpcSchema>>,
  SameKeys<FleetHybridLinkSpec, Out<typeof hybridLinkSchema>>,
  SameKeys<FleetConnectionSpec, Out<typeof connectionSchema>>,
  SameKeys<FleetInstanceTypeSpec, Out<typeof instanceTypeSchema>>,
  SameKeys<FleetTaintSpec, Out<typeof taintSchema>>,
  SameKeys<FleetVSwitchSpec, Out<typeof vswitchSchema>>,
  SameKeys<FleetExternalRangeSpec, Out<typeof externalRangeSchema>>,
] = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
void sameKeys;

/** The JSON Schema of the spec, as shipped in schema/spec.schema.json. */
export function specJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(fleetSpecSchema, {
    target: "draft-2020-12", io: "input", unrepresentable: "any",
    override: (ctx) => {
      const id = (z.globalRegistry.get(ctx.zodSchema) as { id?: string } | undefined)?.id;
      const known = id !== undefined ? DICT_JSON_SCHEMAS[id] : undefined;
      if (known) Object.assign(ctx.jsonSchema, known);
    },
  });
  return { ...schema, $id: "https://github.com/cdktf-alicloud-ack/schema/spec.schema.json" };
}
