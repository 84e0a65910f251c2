/**
 * Each cluster's view of the rest of the fleet, as ExternalRange entries for planCluster:
 * pod and service ranges of clusters in the same VPC (sameVpc: true, rules C-3/C-4), VPC,
 * pod and service ranges of clusters in connected VPCs (C-5), data-centre ranges of hybrid
 * links (C-6) and VPCs outside the fleet on a connection.
 *
 * An overlap between two clusters is handed to the later one in spec order only (the earlier
 * cluster "already uses" the range, as rule C-3 puts it), so each clash is reported once.
 * Only ranges that overlap one of the cluster's own ranges are passed (one global
 * findOverlaps, O(n log n + k)), plus one non-overlapping range of a connected network as a
 * marker so that the "joined to other networks" recommendation (A3) still applies. The
 * findings are the same as with every peer range passed, at a fraction of the cost.
 */
import { Cidr, findOverlaps } from "../../cidr";
import { ExternalRange, ExternalRangeKind } from "../model";
import { NetworkAllocation, ClusterAllocation } from "./allocate";
import { FleetPlanInput } from "./model";
import { FleetTopology, connected, connectedNetworks } from "./topology";

type Role = "vpc" | "pod" | "service" | "edge-pod" | "data-center" | "external";

interface Entry {
  readonly role: Role;
  readonly cidr: Cidr;
  readonly text: string;
  /** Cluster index owning the range (a network's VPC: its first member); -1 for DC / external. */
  readonly owner: number;
  readonly network: string;
  /** Connection group (external ranges). */
  readonly group?: number;
  readonly label: string;
}

function kindOf(role: Role): ExternalRangeKind {
  switch (role) {
    case "vpc": case "external": return ExternalRangeKind.CONNECTED_VPC;
    case "service": return ExternalRangeKind.CLUSTER_SERVICE;
    case "data-center": return ExternalRangeKind.DATA_CENTER;
    default: return ExternalRangeKind.CLUSTER_POD;
  }
}

/** Per cluster: the external ranges to plan it with. */
export function peerRanges(
  input: FleetPlanInput, topology: FleetTopology, networks: Map<string, NetworkAllocation>, clusters: ClusterAllocation[],
): ExternalRange[][] {
  const entries: Entry[] = [];
  const add = (role: Role, text: string | undefined, owner: number, network: string, label: string, group?: number) => {
    const cidr = text ? Cidr.tryParse(text) : undefined;
    if (cidr) entries.push({ role, cidr, text: cidr.toString(), owner, network, group, label });
  };
  for (const net of topology.networks) {
    add("vpc", networks.get(net.key)?.cidr, net.members[0], net.key, `VPC of ${net.name}`);
    for (const dc of topology.dataCenters.get(net.key) ?? []) add("data-center", dc, -1, net.key, `data centre of ${net.name}`);
  }
  for (const [g, cidrs] of topology.groupExternals) {
    for (const c of cidrs) add("external", c, -1, "", `${input.connections[g]?.name ?? "connection"} external VPC`, g);
  }
  input.clusters.forEach((c, i) => {
    const key = topology.networkOf[i].key;
    const a = clusters[i];
    add("service", a.serviceCidr.cidr, i, key, `${c.name} services`);
    add("pod", a.podCidr?.cidr, i, key, `${c.name} pods`);
    add("edge-pod", a.edgePodCidr?.cidr, i, key, `${c.name} edge pods`);
  });

  const out: ExternalRange[][] = input.clusters.map(() => []);
  const seen: Array<Set<string>> = input.clusters.map(() => new Set<string>());
  const give = (to: number, e: Entry, sameVpc: boolean) => {
    const k = `${e.label}|${e.text}`;
    if (seen[to].has(k)) return;
    seen[to].add(k);
    out[to].push({ name: e.label, cidr: e.text, kind: kindOf(e.role), sameVpc });
  };
  const isOwn = (e: Entry) => e.owner >= 0;

  for (const { a, b } of findOverlaps(entries.map((e) => e.cidr))) {
    const x = entries[a];
    const y = entries[b];
    if (isOwn(x) && isOwn(y)) {
      if (x.owner === y.owner) continue;
      const [early, late] = x.owner < y.owner ? [x, y] : [y, x];
      if (early.network === late.network) {
        if (early.role === "vpc" || late.role === "vpc") continue;
        give(late.owner, early, true);
      } else if (connected(topology, early.network, late.network)) {
        give(late.owner, early, false);
      }
      continue;
    }
    if (!isOwn(x) && !isOwn(y)) continue;
    const [own, other] = isOwn(x) ? [x, y] : [y, x];
    if (other.role === "data-center") {
      if (own.network === other.network || connected(topology, own.network, other.network)) give(own.owner, other, false);
    } else if (other.group !== undefined && (topology.groupsOf.get(own.network) ?? []).includes(other.group)) {
      give(own.owner, other, false);
    }
  }

  // Markers: a connected cluster that received no connected range gets one that overlaps nothing of its own.
  const ownOf = new Map<number, Cidr[]>();
  const vpcOf = new Map<string, Entry>();
  const dcOf = new Map<string, Entry[]>();
  const externalOf = new Map<number, Entry[]>();
  const push = <K>(m: Map<K, Entry[]>, k: K, e: Entry) => m.set(k, [...(m.get(k) ?? []), e]);
  for (const e of entries) {
    if (e.owner >= 0 && e.role !== "vpc") ownOf.set(e.owner, [...(ownOf.get(e.owner) ?? []), e.cidr]);
    if (e.role === "vpc") vpcOf.set(e.network, e);
    if (e.role === "data-center") push(dcOf, e.network, e);
    if (e.role === "external" && e.group !== undefined) push(externalOf, e.group, e);
  }
  input.clusters.forEach((_, i) => {
    const key = topology.networkOf[i].key;
    if (out[i].some((r) => r.kind === ExternalRangeKind.CONNECTED_VPC || r.kind === ExternalRangeKind.DATA_CENTER)) return;
    const groups = topology.groupsOf.get(key) ?? [];
    if (groups.length === 0 && !dcOf.has(key)) return;
    const vpc = vpcOf.get(key);
    const own = [...(ownOf.get(i) ?? []), ...(vpc ? [vpc.cidr] : [])];
    const clear = (e: Entry | undefined): e is Entry => e !== undefined && !own.some((c) => c.overlaps(e.cidr));
    let marker = [...(dcOf.get(key) ?? []), ...groups.flatMap((g) => externalOf.get(g) ?? [])].find(clear);
    if (!marker) marker = connectedNetworks(topology, key).map((n) => vpcOf.get(n.key)).find(clear);
    if (marker) give(i, marker, false);
  });
  return out;
}
