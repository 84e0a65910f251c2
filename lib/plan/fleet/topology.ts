/**
 * Which clusters share a VPC (the fleet's networks). Which VPCs reach each other is the estate
 * planner's business (lib/plan/estate/domains.ts). Pure.
 */
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

/** Builds the networks. */
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

  return { networks, networkOf };
}
