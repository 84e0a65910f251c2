/**
 * Each cluster's view of the rest of the estate, as ExternalRange entries for planCluster:
 * pod and service ranges of clusters in the same VPC (sameVpc, rules C-3/C-4), ranges of
 * clusters in connected VPCs (C-5), data-centre ranges of the hybrid links of its VPC and of
 * connected VPCs (C-6, for every cluster, ACK or ACK Edge), and external CIDRs of its
 * connections. Ranges are compared inside one connected domain only (domains.ts): isolated
 * VPCs are never paired, whatever their ranges.
 *
 * An overlap between two clusters is handed to the later one in input order only (the earlier
 * cluster "already uses" the range, as rule C-3 puts it), so each clash is reported once.
 * Only ranges that overlap one of the cluster's own ranges are passed, plus one
 * non-overlapping range of a connected network as a marker so that the "joined to other
 * networks" recommendation (A3) still applies. VPC and edge pod CIDRs of two VPCs reaching
 * the same data centre are not handed over: they are rule C10-data-center-duplicate, which
 * the caller reports.
 */
import { Cidr, findOverlaps } from "../../cidr";
import { ClusterProfile, CniPlugin, ExternalRange, ExternalRangeKind } from "../model";
import { EstateDomains, connectedVpcs, sameDataCenter } from "./domains";
import { EstateInput } from "./model";

export type PeerRole = "vpc" | "pod" | "service" | "edge-pod" | "data-center" | "external";

export interface PeerEntry {
  readonly role: PeerRole;
  readonly cidr: Cidr;
  readonly text: string;
  /** Cluster index owning the range (a VPC: its first cluster); -1 for data centres, externals and VPCs without clusters. */
  readonly owner: number;
  /** VPC index (-1 for externals). */
  readonly vpc: number;
  /** Input order for "who came later": the cluster index, or past every cluster for a VPC without clusters. */
  readonly order: number;
  /** Connection group (externals). */
  readonly group?: number;
  readonly label: string;
}

/** An overlap the caller reports itself (not through a cluster's external ranges). */
export interface EstateClash {
  readonly kind: "data-center-duplicate" | "vpc-connected" | "vpc-data-center";
  /** The range reported on (the later one). */
  readonly subject: PeerEntry;
  readonly other: PeerEntry;
}

export interface PeerResult {
  /** Per cluster index: the external ranges to plan it with. */
  readonly peers: ExternalRange[][];
  readonly clashes: EstateClash[];
  /** Overlapping pairs examined, over every domain. */
  readonly pairs: number;
  /** Domains that had two or more ranges to compare. */
  readonly comparedDomains: number;
  /** Overlapping pairs of ranges of two different VPCs. */
  readonly crossVpcPairs: number;
}

function kindOf(role: PeerRole): ExternalRangeKind {
  switch (role) {
    case "vpc": case "external": return ExternalRangeKind.CONNECTED_VPC;
    case "service": return ExternalRangeKind.CLUSTER_SERVICE;
    case "data-center": return ExternalRangeKind.DATA_CENTER;
    default: return ExternalRangeKind.CLUSTER_POD;
  }
}

const isOwn = (e: PeerEntry) => e.role !== "data-center" && e.role !== "external";
const isAdvertised = (e: PeerEntry) => e.role === "vpc" || e.role === "edge-pod";

/** The peers of every cluster, domain by domain. */
export function estatePeers(input: EstateInput, domains: EstateDomains, vpcOfCluster: Int32Array): PeerResult {
  const nClusters = input.clusters.length;
  const byDomain: PeerEntry[][] = Array.from({ length: domains.count }, () => []);
  const members: number[][] = input.vpcs.map(() => []);
  for (let i = 0; i < nClusters; i++) if (vpcOfCluster[i] >= 0) members[vpcOfCluster[i]].push(i);
  const add = (role: PeerRole, text: string | undefined, owner: number, vpc: number, order: number, label: string, domain: number, group?: number) => {
    const cidr = text ? Cidr.tryParse(text) : undefined;
    if (cidr) byDomain[domain].push({ role, cidr, text: cidr.toString(), owner, vpc, order, group, label });
  };
  // Input order, except that clusters planned already (a Fleet's) always come first.
  const orderOf = (i: number) => (input.clusters[i].preplanned ? i - nClusters : i);
  input.vpcs.forEach((v, i) => {
    const first = members[i][0];
    add("vpc", v.cidr, first ?? -1, i, first !== undefined ? orderOf(first) : nClusters + i, `VPC of ${v.name}`, domains.domainOf[i]);
  });
  const vpcIndex = new Map(input.vpcs.map((v, i) => [v.key, i]));
  input.links.forEach((l) => {
    const v = vpcIndex.get(l.vpc);
    if (v === undefined) return;
    for (const dc of l.input.dataCenterCidrs) add("data-center", dc, -1, v, -1, `${l.input.name} data centre`, domains.domainOf[v]);
  });
  input.connections.forEach((conn, g) => {
    const v = conn.vpcs.map((k) => vpcIndex.get(k)).find((x): x is number => x !== undefined);
    if (v === undefined) return;
    for (const c of conn.externalCidrs) add("external", c, -1, -1, -1, `${conn.name} external VPC`, domains.domainOf[v], g);
  });
  input.clusters.forEach((c, i) => {
    const v = vpcOfCluster[i];
    if (v < 0) return;
    const d = domains.domainOf[v];
    const name = c.input.name;
    add("service", c.input.serviceCidr, i, v, orderOf(i), `${name} services`, d);
    add("pod", c.input.cni.podCidr, i, v, orderOf(i), `${name} pods`, d);
    add("edge-pod", c.input.cni.edgePodCidr, i, v, orderOf(i), `${name} edge pods`, d);
  });

  const peers: ExternalRange[][] = Array.from({ length: nClusters }, () => []);
  const seen = new Map<number, Set<string>>();
  const give = (to: number, e: PeerEntry, sameVpc: boolean) => {
    const k = `${e.label}|${e.text}`;
    let s = seen.get(to);
    if (!s) seen.set(to, (s = new Set()));
    if (s.has(k)) return;
    s.add(k);
    peers[to].push({ name: e.label, cidr: e.text, kind: kindOf(e.role), sameVpc });
  };
  const clashes: EstateClash[] = [];
  let pairs = 0;
  let crossVpcPairs = 0;
  let comparedDomains = 0;

  for (const entries of byDomain) {
    if (entries.length < 2) continue;
    comparedDomains++;
    for (const { a, b } of findOverlaps(entries.map((e) => e.cidr))) {
      pairs++;
      const x = entries[a];
      const y = entries[b];
      if (isOwn(x) && isOwn(y)) {
        if (x.vpc !== y.vpc) crossVpcPairs++;
        if (x.owner === y.owner && x.owner >= 0 && x.vpc === y.vpc) continue;
        const [early, late] = x.order < y.order ? [x, y] : [y, x];
        if (early.vpc === late.vpc) {
          if (early.role === "vpc" || late.role === "vpc") continue;
          give(late.owner, early, true);
        } else if (connectedVpcs(domains, early.vpc, late.vpc)) {
          if (isAdvertised(early) && isAdvertised(late) && sameDataCenter(domains, early.vpc, late.vpc)) {
            clashes.push({ kind: "data-center-duplicate", subject: late, other: early });
          } else if (late.owner >= 0) {
            give(late.owner, early, false);
          } else if (early.owner >= 0) {
            give(early.owner, late, false);
          } else {
            clashes.push({ kind: "vpc-connected", subject: late, other: early });
          }
        }
        continue;
      }
      if (!isOwn(x) && !isOwn(y)) continue;
      const [own, other] = isOwn(x) ? [x, y] : [y, x];
      let reaches: boolean;
      if (other.role === "data-center") reaches = own.vpc === other.vpc || connectedVpcs(domains, own.vpc, other.vpc);
      else reaches = other.group !== undefined && domains.groupsOf[own.vpc].includes(other.group);
      if (!reaches) continue;
      if (own.owner >= 0) give(own.owner, other, false);
      else clashes.push({ kind: other.role === "data-center" ? "vpc-data-center" : "vpc-connected", subject: own, other });
    }
  }

  // Markers: a connected cluster that received no connected range gets one that overlaps nothing of its own.
  const vpcsOfDomain: number[][] = Array.from({ length: domains.count }, () => []);
  input.vpcs.forEach((_, v) => vpcsOfDomain[domains.domainOf[v]].push(v));
  const ownOf = new Map<number, Cidr[]>();
  const vpcEntry = new Map<number, PeerEntry>();
  const dcOf = new Map<number, PeerEntry[]>();
  const externalOf = new Map<number, PeerEntry[]>();
  const push = <K>(m: Map<K, PeerEntry[]>, k: K, e: PeerEntry) => {
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  };
  for (const entries of byDomain) {
    for (const e of entries) {
      if (e.role === "vpc") vpcEntry.set(e.vpc, e);
      else if (e.role === "data-center") push(dcOf, e.vpc, e);
      else if (e.role === "external" && e.group !== undefined) push(externalOf, e.group, e);
      else if (e.owner >= 0) {
        const list = ownOf.get(e.owner);
        if (list) list.push(e.cidr);
        else ownOf.set(e.owner, [e.cidr]);
      }
    }
  }
  for (let i = 0; i < nClusters; i++) {
    const v = vpcOfCluster[i];
    if (v < 0) continue;
    const groups = domains.groupsOf[v];
    if (groups.length === 0 && !dcOf.has(v)) continue;
    if (peers[i].some((r) => r.kind === ExternalRangeKind.CONNECTED_VPC || r.kind === ExternalRangeKind.DATA_CENTER)) continue;
    const vpc = vpcEntry.get(v);
    const own = [...(ownOf.get(i) ?? []), ...(vpc ? [vpc.cidr] : [])];
    const clear = (e: PeerEntry | undefined): e is PeerEntry => e !== undefined && !own.some((c) => c.overlaps(e.cidr));
    let marker = [...(dcOf.get(v) ?? []), ...groups.flatMap((g) => externalOf.get(g) ?? [])].find(clear);
    if (!marker) marker = vpcsOfDomain[domains.domainOf[v]].filter((o) => connectedVpcs(domains, v, o)).map((o) => vpcEntry.get(o)).find(clear);
    if (marker) give(i, marker, false);
  }
  return { peers, clashes, pairs, comparedDomains, crossVpcPairs };
}

/** Per VPC index: the edge pod CIDRs its links route automatically (those of its Terway Edge clusters). */
export function terwayEdgePodCidrs(input: EstateInput, vpcOfCluster: Int32Array): Map<number, string[]> {
  const out = new Map<number, string[]>();
  input.clusters.forEach((c, i) => {
    const cidr = c.input.cni.edgePodCidr;
    const v = vpcOfCluster[i];
    if (v < 0 || c.input.profile !== ClusterProfile.EDGE || c.input.cni.plugin !== CniPlugin.TERWAY_EDGE || cidr === undefined) return;
    const list = out.get(v);
    if (list) list.push(cidr);
    else out.set(v, [cidr]);
  });
  return out;
}
