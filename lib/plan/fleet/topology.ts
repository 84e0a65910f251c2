/**
 * Which clusters share a VPC, and which VPCs reach each other (CEN / peering / VPN entries
 * under `connections`, and hybrid links into the same data centre). Pure.
 */
import { Cidr, findOverlaps } from "../../cidr";
import { CniPlugin } from "../model";
import { FleetExistingVSwitch, FleetPlanInput } from "./model";

export type NetworkKind = "own" | "existing" | "shared";

/** One VPC of the fleet. */
export interface FleetNetwork {
  /** `cluster:<name>` for a cluster's own or adopted VPC, `shared:<name>` for a shared one. */
  readonly key: string;
  /** Cluster name or shared VPC name. */
  readonly name: string;
  readonly kind: NetworkKind;
  /** Indexes of the clusters in it, in spec order. */
  readonly members: number[];
  readonly zones: string[];
  readonly cidr?: string;
  readonly prefix?: number;
  readonly nodeVSwitchCidrs?: string[];
  readonly podVSwitchCidrs?: string[];
  readonly existingNodeVSwitches?: FleetExistingVSwitch[];
  readonly existingPodVSwitches?: FleetExistingVSwitch[];
  readonly existingId?: string;
  readonly ipv6: boolean;
  readonly allowPublicRanges: boolean;
  /** Some member runs Terway on cloud nodes (pod vSwitches needed). */
  readonly terway: boolean;
  /** Sum of the members' expected nodes. */
  readonly expectedNodes: number;
  /** Largest expected pods per node among Terway members. */
  readonly podsPerNode: number;
  /** Finding path of the VPC: `<cluster>.vpc` or `sharedVpcs[<name>]`. */
  readonly path: string;
}

export interface FleetTopology {
  readonly networks: FleetNetwork[];
  /** Cluster index -> its network. */
  readonly networkOf: FleetNetwork[];
  /** Network key -> ids of the connection groups it belongs to. */
  readonly groupsOf: Map<string, number[]>;
  /** Group id -> CIDRs outside the fleet reachable through it. */
  readonly groupExternals: Map<number, string[]>;
  /** Network key -> data-centre CIDRs of its own hybrid links. */
  readonly dataCenters: Map<string, string[]>;
}

export function clusterNetworkKey(name: string): string {
  return `cluster:${name}`;
}

export function sharedNetworkKey(name: string): string {
  return `shared:${name}`;
}

function isCloudTerway(plugin: CniPlugin): boolean {
  return plugin === CniPlugin.TERWAY || plugin === CniPlugin.TERWAY_EDGE;
}

/** Builds the networks and the connection groups. Unknown names are skipped (lib/spec reports them). */
export function buildTopology(input: FleetPlanInput): FleetTopology {
  const byKey = new Map<string, { net: FleetNetwork; members: number[]; zones: string[] }>();
  const order: string[] = [];
  const shared = new Map(input.sharedVpcs.map((s) => [s.name, s]));
  const networkOf: FleetNetwork[] = [];
  const keyOf: string[] = [];

  input.clusters.forEach((c, i) => {
    const vpc = c.vpc;
    const key = vpc.kind === "shared" ? sharedNetworkKey(vpc.name) : clusterNetworkKey(c.name);
    keyOf.push(key);
    let entry = byKey.get(key);
    if (!entry) {
      const base = { key, members: [] as number[], terway: false, expectedNodes: 0, podsPerNode: 0 };
      let net: FleetNetwork;
      if (vpc.kind === "shared") {
        const def = shared.get(vpc.name);
        net = {
          ...base, name: vpc.name, kind: "shared", zones: def?.zones ?? [], cidr: def?.cidr, prefix: def?.prefix,
          nodeVSwitchCidrs: def?.nodeVSwitchCidrs, podVSwitchCidrs: def?.podVSwitchCidrs,
          ipv6: def?.ipv6 ?? false, allowPublicRanges: def?.allowPublicRanges ?? false, path: `sharedVpcs[${vpc.name}]`,
        };
      } else if (vpc.kind === "existing") {
        net = {
          ...base, name: c.name, kind: "existing", zones: [...new Set(vpc.nodeVSwitches.map((v) => v.zone))], cidr: vpc.cidr,
          existingId: vpc.id, existingNodeVSwitches: vpc.nodeVSwitches, existingPodVSwitches: vpc.podVSwitches,
          ipv6: vpc.ipv6, allowPublicRanges: vpc.allowPublicRanges, path: `${c.name}.vpc`,
        };
      } else {
        net = {
          ...base, name: c.name, kind: "own", zones: c.zones, cidr: vpc.cidr, prefix: vpc.prefix,
          nodeVSwitchCidrs: vpc.nodeVSwitchCidrs, podVSwitchCidrs: vpc.podVSwitchCidrs,
          ipv6: vpc.ipv6, allowPublicRanges: vpc.allowPublicRanges, path: `${c.name}.vpc`,
        };
      }
      entry = { net, members: [], zones: [...net.zones] };
      byKey.set(key, entry);
      order.push(key);
    }
    entry.members.push(i);
    if (vpc.kind === "shared" && !shared.get(vpc.name)?.zones) {
      for (const z of c.zones) if (!entry.zones.includes(z)) entry.zones.push(z);
    }
  });

  const networks: FleetNetwork[] = order.map((key) => {
    const { net, members, zones } = byKey.get(key) as { net: FleetNetwork; members: number[]; zones: string[] };
    const clusters = members.map((m) => input.clusters[m]);
    const terwayMembers = clusters.filter((c) => isCloudTerway(c.cni.plugin));
    return {
      ...net,
      members,
      zones,
      terway: terwayMembers.length > 0,
      expectedNodes: clusters.reduce((s, c) => s + c.expectedNodes, 0),
      podsPerNode: Math.max(0, ...terwayMembers.map((c) => c.expectedPodsPerNode)),
    };
  });
  const netByKey = new Map(networks.map((n) => [n.key, n]));
  keyOf.forEach((k) => networkOf.push(netByKey.get(k) as FleetNetwork));

  const indexByName = new Map(input.clusters.map((c, i) => [c.name, i]));
  const resolve = (name: string): string | undefined => {
    const idx = indexByName.get(name);
    if (idx !== undefined) return keyOf[idx];
    return netByKey.has(sharedNetworkKey(name)) ? sharedNetworkKey(name) : undefined;
  };

  const groupsOf = new Map<string, number[]>();
  const groupExternals = new Map<number, string[]>();
  const join = (key: string, group: number) => {
    const list = groupsOf.get(key) ?? [];
    if (!list.includes(group)) list.push(group);
    groupsOf.set(key, list);
  };
  input.connections.forEach((conn, g) => {
    for (const name of conn.vpcs) {
      const key = resolve(name);
      if (key) join(key, g);
    }
    groupExternals.set(g, conn.externalCidrs);
  });

  // Hybrid links into overlapping data-centre ranges join their VPCs (one group per data centre).
  const dataCenters = new Map<string, string[]>();
  const dcEntries: Array<{ key: string; cidr: Cidr }> = [];
  for (const link of input.hybridLinks) {
    const idx = indexByName.get(link.cluster);
    if (idx === undefined) continue;
    const key = keyOf[idx];
    dataCenters.set(key, [...(dataCenters.get(key) ?? []), ...link.dataCenterCidrs]);
    for (const text of link.dataCenterCidrs) {
      const cidr = Cidr.tryParse(text);
      if (cidr) dcEntries.push({ key, cidr });
    }
  }
  const parent = dcEntries.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const { a, b } of findOverlaps(dcEntries.map((e) => e.cidr))) parent[root(a)] = root(b);
  const dcGroup = new Map<number, number>();
  dcEntries.forEach((e, i) => {
    const r = root(i);
    if (!dcGroup.has(r)) dcGroup.set(r, input.connections.length + dcGroup.size);
    join(e.key, dcGroup.get(r) as number);
  });

  return { networks, networkOf, groupsOf, groupExternals, dataCenters };
}

/** True when two different networks share a connection group. */
export function connected(topology: FleetTopology, a: string, b: string): boolean {
  if (a === b) return false;
  const ga = topology.groupsOf.get(a);
  const gb = topology.groupsOf.get(b);
  if (!ga || !gb) return false;
  return ga.some((g) => gb.includes(g));
}

/** Networks (other than `key`) sharing a group with it. */
export function connectedNetworks(topology: FleetTopology, key: string): FleetNetwork[] {
  return topology.networks.filter((n) => connected(topology, key, n.key));
}
