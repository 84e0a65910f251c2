import { maskForPodsPerNode } from "../capacity";
import { ClusterProfile, CniPlugin, EniMode, IpStack, NodePoolKind } from "../model";
import { NetworkAllocation } from "./allocate";
import { FixedFields, dict } from "./lock";
import { FleetClusterInput } from "./model";

function cloudTerway(plugin: CniPlugin): boolean {
  return plugin === CniPlugin.TERWAY || plugin === CniPlugin.TERWAY_EDGE;
}

/** The VPC identity the change guard compares: CIDR of a new VPC, `id:<id>`, or `shared:<name>`. */
export function vpcIdentity(c: FleetClusterInput, net: NetworkAllocation): string {
  if (c.vpc.kind === "shared") return `shared:${c.vpc.name}`;
  if (c.vpc.kind === "existing") return `id:${c.vpc.id}`;
  return net.cidr ?? "";
}

/** The fields of a cluster fixed at creation (rules K-1..K-8), as the lock records them. */
export function fixedFieldsOf(c: FleetClusterInput, net: NetworkAllocation): FixedFields {
  const terway = cloudTerway(c.cni.plugin);
  const podVSwitches = dict<string>();
  if (terway) for (const v of net.podVSwitches) podVSwitches[v.zone] = v.id ?? v.cidr ?? "";
  const nodePools = dict<string>();
  if (terway) {
    for (const p of c.nodePools) if (p.kind === NodePoolKind.CLOUD) nodePools[p.name] = p.eniMode ?? EniMode.SHARED;
  }
  const edge = c.profile === ClusterProfile.EDGE;
  return {
    profile: c.profile,
    cni: c.cni.plugin,
    clusterSpec: c.clusterSpec,
    nodeCidrMask: c.cni.plugin === CniPlugin.FLANNEL ? maskForPodsPerNode(c.cni.podsPerNode) : undefined,
    podsPerEdgeNode: c.cni.plugin === CniPlugin.TERWAY_EDGE ? c.cni.podsPerEdgeNode : undefined,
    ipStack: edge ? IpStack.IPV4 : c.ipStack,
    proxyMode: c.proxyMode,
    vpc: vpcIdentity(c, net),
    dataPathV2: c.cni.plugin === CniPlugin.TERWAY && c.cni.dataPathV2,
    enterpriseSecurityGroup: edge && c.cni.plugin === CniPlugin.FLANNEL ? false : c.enterpriseSecurityGroup,
    zones: [...c.zones],
    podVSwitches,
    nodePools,
  };
}
