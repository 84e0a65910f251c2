/**
 * The spec as an estate: the fleet's networks (own, adopted and shared VPCs with their
 * allocated vSwitches), its clusters with their allocated ranges, its hybrid links and its
 * connections. planFleet hands it to planEstate, the planner the constructs use too.
 */
import { HybridConnectivity, HybridLinkPlanInput } from "../hybrid";
import { VSwitchPlan } from "../model";
import { EstateConnection, EstateInput, EstateLink, EstateVpc } from "../estate/model";
import { ClusterAllocation, NetworkAllocation, PlannedVSwitch } from "./allocate";
import { clusterPlanInput } from "./cluster-input";
import { FleetPlanInput } from "./model";
import { FleetTopology, sharedNetworkKey } from "./topology";

function vswitchPlans(list: PlannedVSwitch[]): VSwitchPlan[] {
  return list.map((v) => ({ name: v.name, zone: v.zone, cidr: v.cidr, existing: v.id !== undefined, sameAs: v.sameAs }));
}

/** Builds the estate of a fleet whose ranges are allocated. Cluster keys are cluster names, link keys link names, VPC keys network keys. */
export function fleetEstate(
  input: FleetPlanInput, topology: FleetTopology, networks: Map<string, NetworkAllocation>, clusters: ClusterAllocation[],
): EstateInput {
  const vpcs: EstateVpc[] = topology.networks.map((net) => {
    const a = networks.get(net.key);
    return {
      key: net.key, name: net.name, path: net.path, cidr: a?.cidr, existing: net.kind === "existing", ipv6: net.ipv6,
      allowPublicRanges: net.allowPublicRanges,
      nodeVSwitches: vswitchPlans(a?.nodeVSwitches ?? []), podVSwitches: vswitchPlans(a?.podVSwitches ?? []),
    };
  });
  const indexByName = new Map(input.clusters.map((c, i) => [c.name, i]));
  const linksOf = new Map<string, string[]>();
  for (const l of input.hybridLinks) {
    const idx = indexByName.get(l.cluster);
    if (idx === undefined) continue;
    const key = topology.networkOf[idx].key;
    linksOf.set(key, [...(linksOf.get(key) ?? []), ...l.dataCenterCidrs]);
  }
  const estateClusters = input.clusters.map((c, i) => {
    const net = topology.networkOf[i];
    const a = networks.get(net.key) as NetworkAllocation;
    return { key: c.name, vpc: net.key, input: clusterPlanInput(c, a, clusters[i], c.externalRanges, linksOf.get(net.key) ?? []) };
  });
  const links: EstateLink[] = [];
  for (const l of input.hybridLinks) {
    const idx = indexByName.get(l.cluster);
    if (idx === undefined) continue; // S3-unknown-reference (lib/spec)
    const net = networks.get(topology.networkOf[idx].key);
    const linkInput: HybridLinkPlanInput = {
      name: l.name,
      physicalConnectionId: l.physicalConnectionId,
      vbrId: l.vbrId,
      vbr: l.vbr,
      cloudPodCidrs: l.cloudPodCidrs,
      // The edge pod CIDRs of the VPC's Terway Edge clusters are added by planEstate.
      edgePodCidrs: [],
      dataCenterCidrs: l.dataCenterCidrs,
      bgp: l.bgp,
      connectivity: l.connectivity,
      hasAccessPoint: l.hasAccessPoint,
      hasVbrRouteTable: l.hasVbrRouteTable,
      // As HybridLink does: the transit router's VPC attachment maps the dedicated vSwitches, or one node vSwitch per zone of the network.
      vpcAttachmentZones: l.connectivity === HybridConnectivity.CEN_TRANSIT_ROUTER
        ? [...new Set(l.transitRouterVSwitchZones ?? (net?.nodeVSwitches ?? []).map((v) => v.zone))] : undefined,
      dedicatedAttachmentVSwitches: l.transitRouterVSwitchZones !== undefined,
      siblings: [],
      unresolved: [],
    };
    links.push({ key: l.name, vpc: topology.networkOf[idx].key, input: linkInput });
  }
  const keyOf = (name: string): string | undefined => {
    const idx = indexByName.get(name);
    if (idx !== undefined) return topology.networkOf[idx].key;
    const shared = sharedNetworkKey(name);
    return networks.has(shared) ? shared : undefined;
  };
  const connections: EstateConnection[] = input.connections.map((c) => ({
    name: c.name,
    vpcs: c.vpcs.map(keyOf).filter((k): k is string => k !== undefined),
    externalCidrs: c.externalCidrs,
  }));
  return { vpcs, clusters: estateClusters, links, connections, extraInstanceTypes: input.extraInstanceTypes };
}
