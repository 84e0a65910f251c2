/**
 * Connectivity of the estate: which VPCs can exchange traffic, and so whose ranges must be
 * compared. Two VPCs are connected when they share a group: a connection (CEN, peering, VPN:
 * every listed VPC reaches every other) or a data centre (hybrid links whose data-centre
 * ranges overlap reach the same data centre). Groups are not transitive (two CEN instances
 * sharing one VPC do not join the other two). A connected domain is the union of everything
 * joined by any group: ranges are only ever compared inside one domain, so isolated VPCs are
 * never paired and the work is linear in the number of domains. Pure.
 */
import { Cidr } from "../../cidr";
import { EstateInput } from "./model";

export interface EstateDomains {
  /** VPC index -> domain id (0..count-1). */
  readonly domainOf: Int32Array;
  readonly count: number;
  /** VPC index -> ids of its groups (connections first, then data centres), sorted. */
  readonly groupsOf: number[][];
  /** Group id -> external CIDRs reachable through it (connections only). */
  readonly groupExternals: Map<number, string[]>;
  /** Group ids that are data centres (reached by hybrid links). */
  readonly dataCenterGroups: Set<number>;
  /** Link index -> its data-centre group (undefined when it has no parseable data-centre range). */
  readonly linkGroup: Array<number | undefined>;
}

/** Union-find with path halving. */
class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let x = i;
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Groups, data centres and domains of an estate. Unknown VPC keys are skipped (the front-end reports them). */
export function buildDomains(input: EstateInput): EstateDomains {
  const vpcIndex = new Map<string, number>();
  input.vpcs.forEach((v, i) => vpcIndex.set(v.key, i));
  const groupsOf: number[][] = input.vpcs.map(() => []);
  const groupExternals = new Map<number, string[]>();
  const join = (vpc: number, group: number) => {
    const list = groupsOf[vpc];
    if (!list.includes(group)) list.push(group);
  };
  input.connections.forEach((conn, g) => {
    for (const key of conn.vpcs) {
      const i = vpcIndex.get(key);
      if (i !== undefined) join(i, g);
    }
    groupExternals.set(g, conn.externalCidrs);
  });

  // Data centres: links whose data-centre ranges overlap, transitively (one sweep over the ranges sorted by start).
  const dcEntries: Array<{ link: number; cidr: Cidr }> = [];
  input.links.forEach((l, i) => {
    for (const text of l.input.dataCenterCidrs) {
      const cidr = Cidr.tryParse(text);
      if (cidr) dcEntries.push({ link: i, cidr });
    }
  });
  dcEntries.sort((a, b) => (a.cidr.version !== b.cidr.version ? (a.cidr.version < b.cidr.version ? -1 : 1) : a.cidr.start < b.cidr.start ? -1 : a.cidr.start > b.cidr.start ? 1 : 0));
  const links = new UnionFind(input.links.length);
  let runEnd: bigint | undefined;
  let runVersion: unknown;
  let runLink = -1;
  for (const e of dcEntries) {
    if (runEnd !== undefined && runVersion === e.cidr.version && e.cidr.start <= runEnd) {
      links.union(runLink, e.link);
      if (e.cidr.end > runEnd) runEnd = e.cidr.end;
    } else {
      runEnd = e.cidr.end;
      runVersion = e.cidr.version;
      runLink = e.link;
    }
  }
  const hasDc = new Set(dcEntries.map((e) => e.link));
  const dcGroupOfRoot = new Map<number, number>();
  const dataCenterGroups = new Set<number>();
  const linkGroup: Array<number | undefined> = input.links.map((l, i) => {
    if (!hasDc.has(i)) return undefined;
    const root = links.find(i);
    let g = dcGroupOfRoot.get(root);
    if (g === undefined) {
      g = input.connections.length + dcGroupOfRoot.size;
      dcGroupOfRoot.set(root, g);
      dataCenterGroups.add(g);
    }
    const v = vpcIndex.get(l.vpc);
    if (v !== undefined) join(v, g);
    return g;
  });
  for (const list of groupsOf) list.sort((a, b) => a - b);

  // Domains: VPCs sharing any group.
  const uf = new UnionFind(input.vpcs.length);
  const firstOfGroup = new Map<number, number>();
  groupsOf.forEach((groups, v) => {
    for (const g of groups) {
      const first = firstOfGroup.get(g);
      if (first === undefined) firstOfGroup.set(g, v);
      else uf.union(first, v);
    }
  });
  const domainOf = new Int32Array(input.vpcs.length);
  const ids = new Map<number, number>();
  for (let v = 0; v < input.vpcs.length; v++) {
    const root = uf.find(v);
    let id = ids.get(root);
    if (id === undefined) {
      id = ids.size;
      ids.set(root, id);
    }
    domainOf[v] = id;
  }
  return { domainOf, count: ids.size, groupsOf, groupExternals, dataCenterGroups, linkGroup };
}

/** True when two different VPCs share a group (sorted lists). */
export function connectedVpcs(domains: EstateDomains, a: number, b: number): boolean {
  if (a === b) return false;
  return sharesGroup(domains.groupsOf[a], domains.groupsOf[b]);
}

/** True when two different VPCs reach the same data centre. */
export function sameDataCenter(domains: EstateDomains, a: number, b: number): boolean {
  if (a === b) return false;
  return sharesGroup(domains.groupsOf[a], domains.groupsOf[b], domains.dataCenterGroups);
}

function sharesGroup(x: number[], y: number[], only?: Set<number>): boolean {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      if (!only || only.has(x[i])) return true;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  return false;
}
