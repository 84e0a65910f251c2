import { exactMaskForPodsPerNode } from "../capacity";
import { ClusterPlanInput, ClusterProfile, CniPlugin, ExternalRange, IpStack, VSwitchPlan } from "../model";
import { ClusterAllocation, NetworkAllocation, PlannedVSwitch } from "./allocate";
import { FleetClusterInput } from "./model";

function vswitchPlans(list: PlannedVSwitch[]): VSwitchPlan[] {
  return list.map((v) => ({ name: v.name, zone: v.zone, cidr: v.cidr, existing: v.id !== undefined, sameAs: v.sameAs }));
}

/**
 * The plan input of one fleet cluster, the way AckCluster / AckEdgeCluster build it: VPC and
 * vSwitches of its network, its allocated ranges, the external ranges of its peers, and the
 * data-centre CIDRs of the hybrid links of its VPC.
 */
export function clusterPlanInput(
  c: FleetClusterInput, net: NetworkAllocation, alloc: ClusterAllocation, externalRanges: ExternalRange[], dataCenterCidrs: string[],
): ClusterPlanInput {
  const plugin = c.cni.plugin;
  const edge = c.profile === ClusterProfile.EDGE;
  const terway = plugin === CniPlugin.TERWAY || plugin === CniPlugin.TERWAY_EDGE;
  // Cluster-level Terway features exist on ACK only (Terway Edge takes no Terway options).
  const terwayFeatures = plugin === CniPlugin.TERWAY;
  const edgePodsPerNode = plugin === CniPlugin.TERWAY_EDGE ? c.cni.podsPerEdgeNode : c.cni.podsPerNode;
  return {
    name: c.name,
    profile: c.profile,
    clusterSpec: c.clusterSpec,
    kubernetesVersion: c.kubernetesVersion,
    ipStack: edge ? IpStack.IPV4 : c.ipStack,
    vpc: {
      name: net.network.name,
      cidr: net.cidr,
      existing: net.network.kind === "existing",
      ipv6: net.network.ipv6,
      allowPublicRanges: net.network.allowPublicRanges,
    },
    nodeVSwitches: vswitchPlans(net.nodeVSwitches),
    // As AckCluster does by default: the control plane takes the first 5 node vSwitches (G7).
    controlPlaneVSwitches: net.nodeVSwitches.slice(0, 5).map((v) => v.name),
    podVSwitches: terway ? vswitchPlans(net.podVSwitches) : [],
    serviceCidr: alloc.serviceCidr.cidr,
    cni: {
      plugin,
      podCidr: alloc.podCidr?.cidr,
      nodeCidrMask: edge ? exactMaskForPodsPerNode(edgePodsPerNode) : plugin === CniPlugin.FLANNEL ? exactMaskForPodsPerNode(c.cni.podsPerNode) : undefined,
      podsPerNode: plugin === CniPlugin.FLANNEL ? c.cni.podsPerNode : undefined,
      edgePodCidr: alloc.edgePodCidr?.cidr,
      networkPolicy: terwayFeatures && c.cni.networkPolicy,
      dataPathV2: terwayFeatures && c.cni.dataPathV2,
      trunk: terwayFeatures && c.cni.trunk,
      ipvlan: terwayFeatures && c.cni.ipvlan,
    },
    nodePools: c.nodePools,
    externalRanges,
    nodeQuota: c.nodeQuota,
    routeTableQuota: c.routeTableQuota,
    // ACK Edge Flannel brings its own security group (rule I-2), so no enterprise group.
    enterpriseSecurityGroup: edge && plugin === CniPlugin.FLANNEL ? false : c.enterpriseSecurityGroup,
    allowServiceCidrReuse: c.allowServiceCidrReuse,
    secretsEncrypted: c.secretsEncrypted,
    hasHybridLink: dataCenterCidrs.length > 0,
    podsPerEdgeNode: edge ? edgePodsPerNode : undefined,
    edgePoolNetworks: edge ? c.edgePoolNetworks : undefined,
    vxlanPeerCidrs: edge && plugin === CniPlugin.FLANNEL ? [...new Set([...c.cni.edgeNodeCidrs, ...dataCenterCidrs])] : undefined,
    unresolved: [],
  };
}
