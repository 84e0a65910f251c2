/**
 * The fleet's hybrid links, planned with planHybridLink (section J) as the HybridLink
 * construct plans them: every other link of the fleet is a sibling (VLAN and peer-count
 * rules), the edge pod CIDRs are those of the Terway Edge clusters in the link's VPC.
 */
import { Finding } from "../finding";
import { HybridLinkPlan, HybridLinkPlanInput, planHybridLink } from "../hybrid";
import { ClusterAllocation, NetworkAllocation } from "./allocate";
import { FleetPlanInput } from "./model";
import { FleetTopology } from "./topology";
import { CniPlugin } from "../model";

export interface FleetLinkPlan {
  readonly name: string;
  readonly input: HybridLinkPlanInput;
  readonly plan: HybridLinkPlan;
}

/** Edge pod CIDRs a link routes: those of the Terway Edge clusters in the link's network. */
export function linkEdgePodCidrs(input: FleetPlanInput, topology: FleetTopology, clusters: ClusterAllocation[], network: string): string[] {
  const out: string[] = [];
  input.clusters.forEach((c, i) => {
    const cidr = clusters[i].edgePodCidr?.cidr;
    if (c.cni.plugin === CniPlugin.TERWAY_EDGE && topology.networkOf[i].key === network && cidr) out.push(cidr);
  });
  return out;
}

/** Plans every link; finding paths become `hybridLinks[<name>].<field>`. */
export function planFleetLinks(
  input: FleetPlanInput, topology: FleetTopology, networks: Map<string, NetworkAllocation>, clusters: ClusterAllocation[],
): { links: FleetLinkPlan[]; findings: Finding[] } {
  const indexByName = new Map(input.clusters.map((c, i) => [c.name, i]));
  const links: FleetLinkPlan[] = [];
  const findings: Finding[] = [];
  for (const l of input.hybridLinks) {
    const idx = indexByName.get(l.cluster);
    if (idx === undefined) continue;
    const net = topology.networkOf[idx];
    const planInput: HybridLinkPlanInput = {
      name: l.name,
      physicalConnectionId: l.physicalConnectionId,
      vbrId: l.vbrId,
      vbr: l.vbr,
      vpcCidr: networks.get(net.key)?.cidr,
      cloudPodCidrs: l.cloudPodCidrs,
      edgePodCidrs: linkEdgePodCidrs(input, topology, clusters, net.key),
      dataCenterCidrs: l.dataCenterCidrs,
      bgp: l.bgp,
      connectivity: l.connectivity,
      hasAccessPoint: l.hasAccessPoint,
      hasVbrRouteTable: l.hasVbrRouteTable,
      siblings: input.hybridLinks.filter((o) => o !== l).map((o) => ({
        name: o.name, physicalConnectionId: o.physicalConnectionId, vlanId: o.vbr?.vlanId, vbrId: o.vbrId, peerCount: o.bgp.peerIps.length,
      })),
      unresolved: [],
    };
    const plan = planHybridLink(planInput);
    links.push({ name: l.name, input: planInput, plan });
    const prefix = `${l.name}.`;
    for (const f of plan.findings) {
      findings.push({ ...f, path: `hybridLinks[${l.name}]${f.path.startsWith(prefix) ? `.${f.path.slice(prefix.length)}` : ""}` });
    }
  }
  return { links, findings };
}
