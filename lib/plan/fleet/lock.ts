/**
 * The fleet lock: what was allocated to each cluster and the fields fixed at its creation.
 * Written next to the spec as `<spec>.lock.json`; commit it. Allocation reads it first, so a
 * locked cluster's ranges never move; the change guard compares the spec against it.
 */

export const LOCK_VERSION = 1;

/** A VPC block and its vSwitches, by zone. */
export interface LockedNetwork {
  readonly cidr: string;
  /** zone -> node vSwitch CIDR. */
  readonly nodeVSwitches: { [zone: string]: string };
  /** zone -> Terway pod vSwitch CIDR (empty for Flannel-only networks). */
  readonly podVSwitches: { [zone: string]: string };
}

/** Fields the change guard compares (rules K-1..K-8). Ranges are on {@link LockedCluster}. */
export interface FixedFields {
  /** `Default` (ACK) or `Edge` (ACK Edge). */
  readonly profile: string;
  /** CNI plugin. */
  readonly cni: string;
  readonly clusterSpec: string;
  /** Flannel / Edge Flannel per-node mask. */
  readonly nodeCidrMask?: number;
  /** Terway Edge pods per edge node. */
  readonly podsPerEdgeNode?: number;
  readonly ipStack: string;
  readonly proxyMode: string;
  /** VPC identity: its CIDR (new VPC), `id:<vpc id>` (adopted) or `shared:<name>`. */
  readonly vpc: string;
  readonly dataPathV2: boolean;
  readonly enterpriseSecurityGroup: boolean;
  readonly zones: string[];
  /** zone -> pod vSwitch CIDR (or id when adopted); Terway only. */
  readonly podVSwitches: { [zone: string]: string };
  /** Terway node pool name -> `shared` | `exclusive` ENI mode (K-7). */
  readonly nodePools: { [pool: string]: string };
}

export interface LockedCluster {
  /** The cluster's own VPC (absent for shared and adopted VPCs). */
  readonly vpc?: LockedNetwork;
  readonly serviceCidr?: string;
  /** Flannel pod CIDR. */
  readonly podCidr?: string;
  /** Terway Edge edge pod CIDR. */
  readonly edgePodCidr?: string;
  readonly fixed: FixedFields;
}

export interface LockedHybridLink {
  readonly cluster: string;
  readonly physicalConnectionId: string;
  /** VLAN of the VBR created by the link (absent for an adopted VBR). */
  readonly vlanId?: number;
}

export interface FleetLock {
  readonly version: number;
  /**
   * The spec the lock belongs to: its path relative to the lock's folder (e.g. `fleet.yaml`).
   * A lock naming another spec is refused (L4-lock-foreign). Absent in locks written before
   * the field existed; the next `ack-plan plan` records it.
   */
  readonly spec?: string;
  readonly clusters: { [name: string]: LockedCluster };
  readonly sharedVpcs: { [name: string]: LockedNetwork };
  readonly hybridLinks: { [name: string]: LockedHybridLink };
}

/**
 * A map keyed by user names (clusters, pools, zones, tags): a null-prototype object, so that
 * every name is data (`constructor`, `__proto__`, `toString` included) and a lookup of an
 * absent name is undefined, never an inherited member.
 */
export function dict<T>(entries: Iterable<readonly [string, T]> = []): { [key: string]: T } {
  const out = Object.create(null) as { [key: string]: T };
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** A copy of `m` as a {@link dict}. */
export function copyDict<T>(m: { readonly [key: string]: T } | undefined): { [key: string]: T } {
  return dict(m ? Object.entries(m) : []);
}

/** `m[key]` when `m` has it as its own entry (never an inherited member such as `constructor`). */
export function own<T>(m: { readonly [key: string]: T } | undefined, key: string): T | undefined {
  return m !== undefined && Object.prototype.hasOwnProperty.call(m, key) ? m[key] : undefined;
}

export function emptyLock(): FleetLock {
  return { version: LOCK_VERSION, clusters: dict(), sharedVpcs: dict(), hybridLinks: dict() };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    const out = dict<unknown>();
    for (const k of Object.keys(value).sort()) {
      const v = (value as { [k: string]: unknown })[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** Compact canonical JSON (keys sorted, undefined dropped), to compare records. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/** Canonical text: keys sorted, two-space indent, trailing newline (diff-friendly). */
export function serializeLock(lock: FleetLock): string {
  return `${JSON.stringify(sortKeys(lock), null, 2)}\n`;
}

/** Every range a lock holds (clusters present or removed): pools never hand these out again. */
export function lockedRanges(lock: FleetLock): string[] {
  const out: string[] = [];
  const net = (n: LockedNetwork | undefined) => {
    if (n) out.push(n.cidr);
  };
  for (const c of Object.values(lock.clusters)) {
    net(c.vpc);
    for (const r of [c.serviceCidr, c.podCidr, c.edgePodCidr]) if (r) out.push(r);
  }
  for (const n of Object.values(lock.sharedVpcs)) net(n);
  return out;
}
