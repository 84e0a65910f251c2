/**
 * What the lock becomes after a successful plan: new clusters, shared VPCs, vSwitches and
 * hybrid links are added; records of clusters marked `replace: true` are rewritten; removed
 * clusters stay (their ranges held) unless pruned. Existing records never change otherwise,
 * which is what keeps every locked range in place.
 */
import { NetworkAllocation } from "./allocate";
import { FixedFields, FleetLock, LockedCluster, LockedHybridLink, LockedNetwork, LOCK_VERSION, canonicalJson, copyDict, dict, own } from "./lock";
import { FleetHybridLinkInput, RangeSource } from "./model";

/** A cluster's allocation as it would be recorded (undefined parts were not allocated). */
export interface LockCandidate {
  readonly name: string;
  readonly replace: boolean;
  /** Own VPC (absent for shared and adopted ones). */
  readonly ownNetwork?: NetworkAllocation;
  readonly serviceCidr?: string;
  readonly podCidr?: string;
  readonly edgePodCidr?: string;
  /** Every range the cluster needs was allocated. */
  readonly complete: boolean;
  readonly fixed: FixedFields;
}

/** The lock record of a network allocation (undefined when its VPC or a vSwitch is missing). */
export function lockedNetworkOf(net: NetworkAllocation): LockedNetwork | undefined {
  if (!net.cidr) return undefined;
  const byZone = (list: NetworkAllocation["nodeVSwitches"]) => {
    const out = dict<string>();
    for (const v of list) if (v.cidr) out[v.zone] = v.cidr;
    return out;
  };
  return { cidr: net.cidr, nodeVSwitches: byZone(net.nodeVSwitches), podVSwitches: byZone(net.podVSwitches) };
}

/** True when every range of the network was allocated. */
export function networkComplete(net: NetworkAllocation): boolean {
  return net.source !== RangeSource.MISSING && [...net.nodeVSwitches, ...net.podVSwitches].every((v) => v.source !== RangeSource.MISSING);
}

/** Adds zones that `next` has and `prev` lacks; true when something was added. */
function mergeNetwork(prev: LockedNetwork, next: LockedNetwork | undefined): { merged: LockedNetwork; added: boolean } {
  if (!next || next.cidr !== prev.cidr) return { merged: prev, added: false };
  const nodes = copyDict(prev.nodeVSwitches);
  const pods = copyDict(prev.podVSwitches);
  let added = false;
  for (const [z, c] of Object.entries(next.nodeVSwitches)) if (own(nodes, z) === undefined) (nodes[z] = c), (added = true);
  for (const [z, c] of Object.entries(next.podVSwitches)) if (own(pods, z) === undefined) (pods[z] = c), (added = true);
  return { merged: { cidr: prev.cidr, nodeVSwitches: nodes, podVSwitches: pods }, added };
}

function record(c: LockCandidate): LockedCluster {
  return {
    vpc: c.ownNetwork ? lockedNetworkOf(c.ownNetwork) : undefined,
    serviceCidr: c.serviceCidr,
    podCidr: c.podCidr,
    edgePodCidr: c.edgePodCidr,
    fixed: c.fixed,
  };
}

export interface LockUpdate {
  readonly lock: FleetLock;
  /** Human lines: `added cluster x`, `replaced y`, ... */
  readonly changes: string[];
}

/** Drops clusters, shared VPCs and hybrid links that the spec no longer has. */
export function pruneLock(lock: FleetLock, clusters: ReadonlySet<string>, sharedVpcs: ReadonlySet<string>, links: ReadonlySet<string>): LockUpdate {
  const changes: string[] = [];
  const keep = <T>(m: { [k: string]: T }, live: ReadonlySet<string>, what: string) => {
    const out = dict<T>();
    for (const [k, v] of Object.entries(m)) {
      if (live.has(k)) out[k] = v;
      else changes.push(`pruned ${what} ${k}`);
    }
    return out;
  };
  return {
    lock: {
      version: LOCK_VERSION,
      spec: lock.spec,
      clusters: keep(lock.clusters, clusters, "cluster"),
      sharedVpcs: keep(lock.sharedVpcs, sharedVpcs, "shared VPC"),
      hybridLinks: keep(lock.hybridLinks, links, "hybrid link"),
    },
    changes,
  };
}

/** The lock after this plan. */
export function updateLock(
  prev: FleetLock, clusters: readonly LockCandidate[], shared: readonly NetworkAllocation[], links: readonly FleetHybridLinkInput[],
): LockUpdate {
  const changes: string[] = [];
  const out = copyDict<LockedCluster>(prev.clusters);
  for (const c of clusters) {
    if (!c.complete) continue;
    const was = own(prev.clusters, c.name);
    const next = record(c);
    if (!was) {
      out[c.name] = next;
      changes.push(`added cluster ${c.name}`);
    } else if (c.replace && canonicalJson(was) !== canonicalJson(next)) {
      out[c.name] = next;
      changes.push(`replaced cluster ${c.name}`);
    } else if (was.vpc) {
      const { merged, added } = mergeNetwork(was.vpc, next.vpc);
      if (added) {
        out[c.name] = { ...was, vpc: merged };
        changes.push(`recorded new vSwitches of ${c.name}`);
      }
    }
  }
  const sharedVpcs = copyDict<LockedNetwork>(prev.sharedVpcs);
  for (const net of shared) {
    if (!networkComplete(net)) continue;
    const next = lockedNetworkOf(net);
    const was = own(prev.sharedVpcs, net.network.name);
    if (!next) continue;
    if (!was) {
      sharedVpcs[net.network.name] = next;
      changes.push(`added shared VPC ${net.network.name}`);
    } else {
      const { merged, added } = mergeNetwork(was, next);
      if (added) {
        sharedVpcs[net.network.name] = merged;
        changes.push(`recorded new vSwitches of shared VPC ${net.network.name}`);
      }
    }
  }
  const hybridLinks = copyDict<LockedHybridLink>(prev.hybridLinks);
  for (const l of links) {
    const next: LockedHybridLink = { cluster: l.cluster, physicalConnectionId: l.physicalConnectionId, vlanId: l.vbr?.vlanId };
    const was = own(prev.hybridLinks, l.name);
    if (!was) {
      hybridLinks[l.name] = next;
      changes.push(`added hybrid link ${l.name}`);
    } else if (canonicalJson(was) !== canonicalJson(next)) {
      hybridLinks[l.name] = next;
      changes.push(`updated hybrid link ${l.name}`);
    }
  }
  return { lock: { version: LOCK_VERSION, spec: prev.spec, clusters: out, sharedVpcs, hybridLinks }, changes };
}
