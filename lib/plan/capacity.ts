import { Cidr } from "../cidr";
import { PlanContext } from "./context";
import { exclusiveEniPodsPerNode, findInstanceType, sharedEniPodsPerNode } from "./instance-types";
import { ClusterProfile, CniPlugin, EniMode, NodePoolKind, NodePoolPlan } from "./model";
import { formatCount } from "./format-count";

/** Addresses a vSwitch keeps for the system: the first and the last three (rule B-5). */
export const VSWITCH_RESERVED_ADDRESSES = 4;
/** Flannel and ACK Edge allow at most 256 pods per node (G-3, I-10). */
export const FLANNEL_MAX_PODS_PER_NODE = 256;
/** Default custom-route quota of a VPC route table (D-6). */
export const DEFAULT_ROUTE_TABLE_QUOTA = 200;
export const MAX_ROUTE_TABLE_QUOTA = 1000;

/** Pods per node of one pool, and where the figure came from. */
export interface PoolCapacity {
  readonly name: string;
  readonly kind: NodePoolKind;
  readonly minNodes: number;
  readonly maxNodes: number;
  /** Pods one node of the pool can run (the smallest of its instance types); undefined if unknown. */
  readonly podsPerNode?: number;
  /** How podsPerNode was worked out, e.g. `ecs.c7.4xlarge shared ENI (8-1)x30`. */
  readonly basis: string;
  readonly zones: string[];
}

/** How full a vSwitch (or pod CIDR) would be with every pool at its maximum size. */
export interface RangeUsage {
  readonly name: string;
  readonly role: string;
  readonly zone: string;
  readonly cidr: string;
  readonly usable: number;
  readonly demand: number;
  /** demand / usable (0..n; above 1 means exhaustion). */
  readonly utilisation: number;
}

/** One bound on the number of nodes. */
export interface NodeLimit {
  readonly nodes: number;
  readonly reason: string;
  readonly ruleId: string;
}

/** The capacity plan of one cluster. */
export interface CapacityPlan {
  readonly cluster: string;
  readonly plugin: CniPlugin;
  /** Sum of the pools' maximum sizes. */
  readonly plannedMaxNodes: number;
  /** The most nodes the network plan allows, i.e. the binding limit. */
  readonly maxNodes: number;
  /** The limit that binds first (smallest). */
  readonly bindingLimit?: NodeLimit;
  readonly limits: NodeLimit[];
  readonly pools: PoolCapacity[];
  /** Cloud pod addresses available (Terway pod vSwitches, or the Flannel pod CIDR). */
  readonly podIpsAvailable?: number;
  /** Pod addresses the pools need at their maximum sizes. */
  readonly podIpsNeeded: number;
  readonly ranges: RangeUsage[];
}

function usableAddresses(c: Cidr): number {
  return Math.max(0, Number(c.size) - VSWITCH_RESERVED_ADDRESSES);
}

function isTerwayCloud(plugin: CniPlugin): boolean {
  return plugin === CniPlugin.TERWAY || plugin === CniPlugin.TERWAY_EDGE;
}

/** Pods per node for Flannel-style per-node blocks of the given mask. */
export function podsPerNodeForMask(mask: number): number {
  return 2 ** (32 - mask);
}

/**
 * The per-node mask that gives exactly `pods` pods per node: 16..256 and a power of two, else
 * undefined (never rounded; rule D1-node-cidr-mask reports the value asked).
 */
export function exactMaskForPodsPerNode(pods: number | undefined): number | undefined {
  if (pods === undefined || !Number.isInteger(pods) || pods < 16 || pods > FLANNEL_MAX_PODS_PER_NODE || (pods & (pods - 1)) !== 0) return undefined;
  return 32 - Math.log2(pods);
}

/** The per-node mask that gives `pods` pods per node (pods must be a power of two). */
export function maskForPodsPerNode(pods: number): number {
  return 32 - Math.round(Math.log2(pods));
}

/** Works out pods per node for a pool (rules D-3, E-1, E-4, I-4). */
export function poolPodsPerNode(ctx: PlanContext, pool: NodePoolPlan): { pods?: number; basis: string } {
  const { cni } = ctx.input;
  if (pool.kind === NodePoolKind.EDGE) {
    const pods = ctx.input.podsPerEdgeNode ?? (cni.nodeCidrMask ? podsPerNodeForMask(cni.nodeCidrMask) : undefined);
    return { pods, basis: pods ? `edge per-node block /${maskForPodsPerNode(pods)}` : "unknown" };
  }
  if (!isTerwayCloud(cni.plugin)) {
    if (pool.podsPerNodeOverride !== undefined) return { pods: pool.podsPerNodeOverride, basis: "given per pool" };
    const mask = cni.nodeCidrMask;
    return mask ? { pods: podsPerNodeForMask(mask), basis: `Flannel node CIDR /${mask}` } : { basis: "unknown" };
  }
  const exclusive = pool.eniMode === EniMode.EXCLUSIVE;
  let best: { pods: number; basis: string } | undefined;
  const unknown: string[] = [];
  for (const name of pool.instanceTypes) {
    const t = findInstanceType(name, ctx.extraInstanceTypes);
    // An unknown type keeps the known types' figure (E9-unknown-instance-type reports it).
    if (!t) { unknown.push(name); continue; }
    const pods = exclusive ? exclusiveEniPodsPerNode(t) : sharedEniPodsPerNode(t);
    const basis = exclusive
      ? `${name} exclusive ENI ${t.eniQuantity}-1`
      : `${name} shared ENI (${t.eniQuantity}-1)x${t.privateIpsPerEni}`;
    if (!best || pods < best.pods) best = { pods, basis };
  }
  if (pool.podsPerNodeOverride !== undefined && (!best || pool.podsPerNodeOverride < best.pods)) {
    return { pods: pool.podsPerNodeOverride, basis: "given per pool" };
  }
  if (unknown.length > 0) {
    const missing = pool.podsPerNodeOverride !== undefined
      ? `${unknown.join(", ")}: ${pool.podsPerNodeOverride} given per pool`
      : `${unknown.join(", ")} not in the instance-type table`;
    return best ? { pods: best.pods, basis: `${best.basis}; ${missing}` } : { basis: missing };
  }
  return best ?? { basis: "no instance type" };
}

/** Node limit of the cluster spec and CNI (G-1, G-2, I-10), honouring a raised quota. */
export function specNodeLimit(ctx: PlanContext): NodeLimit {
  const { input } = ctx;
  const basic = input.clusterSpec === "ack.standard";
  if (input.profile === ClusterProfile.EDGE) {
    return basic
      ? { nodes: 10, reason: "ACK Edge Basic allows 10 nodes", ruleId: "I10-edge-cluster-size" }
      : { nodes: 1000, reason: "ACK Edge Pro allows 1,000 nodes", ruleId: "I10-edge-cluster-size" };
  }
  if (basic) return { nodes: 10, reason: "ACK Basic (ack.standard) allows 10 nodes", ruleId: "G1-basic-cluster-size" };
  if (input.cni.plugin === CniPlugin.FLANNEL) {
    const q = Math.min(input.nodeQuota ?? 200, 1000);
    return { nodes: q, reason: `ACK Pro with Flannel allows ${formatCount(q)} nodes${input.nodeQuota ? " (raised quota)" : " by default (1,000 with a quota increase)"}`, ruleId: "G2-pro-cluster-size" };
  }
  const q = Math.min(input.nodeQuota ?? 5000, 15000);
  return { nodes: q, reason: `ACK Pro with Terway allows ${formatCount(q)} nodes${input.nodeQuota ? " (raised quota)" : " by default (15,000 with a quota increase)"}`, ruleId: "G2-pro-cluster-size" };
}

/** Builds the capacity plan. Reads the context's parsed ranges; reports nothing itself. */
export function computeCapacity(ctx: PlanContext): CapacityPlan {
  const { input } = ctx;
  const plugin = input.cni.plugin;
  const pools: PoolCapacity[] = input.nodePools.map((p) => {
    const { pods, basis } = poolPodsPerNode(ctx, p);
    return { name: p.name, kind: p.kind, minNodes: p.minNodes, maxNodes: p.maxNodes, podsPerNode: pods, basis, zones: p.zones };
  });
  const cloudPools = pools.filter((p) => p.kind === NodePoolKind.CLOUD);
  const edgePools = pools.filter((p) => p.kind === NodePoolKind.EDGE);
  const edgeMaxNodes = edgePools.reduce((s, p) => s + p.maxNodes, 0);
  const plannedMaxNodes = pools.reduce((s, p) => s + p.maxNodes, 0);
  const limits: NodeLimit[] = [specNodeLimit(ctx)];
  const ranges: RangeUsage[] = [];

  const nodesPerZone = new Map<string, number>();
  const podsPerZone = new Map<string, number>();
  let podIpsNeeded = 0;
  for (const p of cloudPools) {
    const zones = p.zones.length > 0 ? p.zones : ["?"];
    const perZone = Math.ceil(p.maxNodes / zones.length);
    for (const z of zones) {
      nodesPerZone.set(z, (nodesPerZone.get(z) ?? 0) + perZone);
      podsPerZone.set(z, (podsPerZone.get(z) ?? 0) + perZone * (p.podsPerNode ?? 0));
    }
    podIpsNeeded += p.maxNodes * (p.podsPerNode ?? 0);
  }

  // Node vSwitches: one address per node (the primary ENI).
  let nodeAddresses = 0;
  const nodeZoneAddresses = new Map<string, number>();
  for (const v of input.nodeVSwitches) {
    const c = ctx.cidr(`nodeVSwitches[${v.name}].cidr`, v.cidr);
    if (!c) continue;
    const usable = usableAddresses(c);
    nodeAddresses += usable;
    nodeZoneAddresses.set(v.zone, (nodeZoneAddresses.get(v.zone) ?? 0) + usable);
  }
  for (const v of input.nodeVSwitches) {
    const c = ctx.cidr(`nodeVSwitches[${v.name}].cidr`, v.cidr);
    if (!c) continue;
    const usable = usableAddresses(c);
    const zoneTotal = nodeZoneAddresses.get(v.zone) ?? usable;
    const demand = Math.round(((nodesPerZone.get(v.zone) ?? 0) * usable) / Math.max(1, zoneTotal));
    ranges.push({ name: v.name, role: "node vSwitch", zone: v.zone, cidr: c.toString(), usable, demand, utilisation: demand / Math.max(1, usable) });
  }
  if (input.nodeVSwitches.length > 0 && nodeAddresses > 0) {
    // Edge nodes live outside the VPC: they take no node vSwitch address (ACK Edge).
    limits.push({ nodes: nodeAddresses + edgeMaxNodes, reason: `node vSwitches hold ${formatCount(nodeAddresses)} usable addresses${edgeMaxNodes > 0 ? " (plus the edge pools)" : ""}`, ruleId: "F1-node-vswitch-capacity" });
  }

  let podIpsAvailable: number | undefined;
  if (isTerwayCloud(plugin)) {
    const zoneAvail = new Map<string, number>();
    const own = input.podVSwitches.map((v) => ({ v, c: ctx.cidr(v.sameAs ? `nodeVSwitches[${v.sameAs}].cidr` : `podVSwitches[${v.name}].cidr`, v.cidr) }));
    for (const { v, c } of own) if (c) zoneAvail.set(v.zone, (zoneAvail.get(v.zone) ?? 0) + usableAddresses(c));
    podIpsAvailable = [...zoneAvail.values()].reduce((s, n) => s + n, 0);
    for (const { v, c } of own) {
      if (!c) continue;
      const usable = usableAddresses(c);
      const share = usable / Math.max(1, zoneAvail.get(v.zone) ?? usable);
      const demand = Math.round((podsPerZone.get(v.zone) ?? 0) * share);
      ranges.push({ name: v.name, role: "pod vSwitch", zone: v.zone, cidr: c.toString(), usable, demand, utilisation: demand / Math.max(1, usable) });
    }
    const densest = Math.max(0, ...cloudPools.map((p) => p.podsPerNode ?? 0));
    if (densest > 0 && input.podVSwitches.length > 0) {
      limits.push({
        nodes: Math.floor(podIpsAvailable / densest) + edgeMaxNodes,
        reason: `pod vSwitches hold ${formatCount(podIpsAvailable)} usable addresses, ${densest} per node at full density${edgeMaxNodes > 0 ? " (plus the edge pools)" : ""}`,
        ruleId: "F1-pod-vswitch-capacity",
      });
    }
  } else {
    const pod = ctx.cidr("cni.podCidr", input.cni.podCidr);
    const mask = input.cni.nodeCidrMask;
    if (pod && mask !== undefined && mask > pod.prefix) {
      const nodes = 2 ** (mask - pod.prefix);
      podIpsAvailable = Number(pod.size);
      limits.push({ nodes, reason: `pod CIDR ${pod} split into /${mask} blocks of ${podsPerNodeForMask(mask)} pods gives 2^(${mask}-${pod.prefix}) node blocks`, ruleId: "D4-flannel-max-nodes" });
      ranges.push({ name: "pod CIDR", role: "pod CIDR", zone: "-", cidr: pod.toString(), usable: nodes, demand: plannedMaxNodes, utilisation: plannedMaxNodes / nodes });
    }
    if (plugin === CniPlugin.FLANNEL && input.profile === ClusterProfile.DEFAULT) {
      const quota = Math.min(input.routeTableQuota ?? DEFAULT_ROUTE_TABLE_QUOTA, MAX_ROUTE_TABLE_QUOTA);
      limits.push({ nodes: quota, reason: `one VPC route entry per Flannel node; route table quota ${formatCount(quota)}`, ruleId: "D6-flannel-route-quota" });
    }
  }

  if (plugin === CniPlugin.TERWAY_EDGE) {
    const edge = ctx.cidr("cni.edgePodCidr", input.cni.edgePodCidr);
    const pods = input.podsPerEdgeNode;
    if (edge && pods) {
      const mask = maskForPodsPerNode(pods);
      if (mask > edge.prefix) {
        const nodes = 2 ** (mask - edge.prefix);
        const edgeMax = edgePools.reduce((s, p) => s + p.maxNodes, 0);
        ranges.push({ name: "edge pod CIDR", role: "edge pod CIDR", zone: "edge", cidr: edge.toString(), usable: nodes, demand: edgeMax, utilisation: edgeMax / nodes });
        limits.push({ nodes: nodes + cloudPools.reduce((s, p) => s + p.maxNodes, 0), reason: `edge pod CIDR ${edge} in /${mask} blocks gives ${formatCount(nodes)} edge nodes (plus the cloud pools)`, ruleId: "I4-edge-pod-capacity" });
      }
    }
  }

  const sorted = [...limits].sort((a, b) => a.nodes - b.nodes);
  return {
    cluster: input.name,
    plugin,
    plannedMaxNodes,
    maxNodes: sorted[0].nodes,
    bindingLimit: sorted[0],
    limits,
    pools,
    podIpsAvailable,
    podIpsNeeded,
    ranges,
  };
}

/** A plain-text table of the capacity plan, as printed at synth. */
export function formatCapacityPlan(plan: CapacityPlan): string {
  const lines: string[] = [];
  const n = (x: number) => formatCount(x);
  lines.push(`Capacity plan for ${plan.cluster} (${plan.plugin})`);
  lines.push(`  max nodes: ${n(plan.maxNodes)} (binding: ${plan.bindingLimit?.reason ?? "-"}); pools plan up to ${n(plan.plannedMaxNodes)}`);
  for (const l of [...plan.limits].sort((a, b) => a.nodes - b.nodes)) lines.push(`    limit ${n(l.nodes).padStart(7)}  ${l.reason} [${l.ruleId}]`);
  if (plan.podIpsAvailable !== undefined) {
    lines.push(`  pod IPs: ${n(plan.podIpsNeeded)} needed at max size / ${n(plan.podIpsAvailable)} available`);
  }
  lines.push("  pools:");
  for (const p of plan.pools) {
    lines.push(`    ${p.name.padEnd(16)} ${p.kind.padEnd(5)} nodes ${n(p.minNodes)}..${n(p.maxNodes)}  pods/node ${p.podsPerNode !== undefined ? n(p.podsPerNode) : "?"}  (${p.basis})`);
  }
  if (plan.ranges.length > 0) {
    lines.push("  ranges:");
    for (const r of plan.ranges) {
      lines.push(`    ${r.role.padEnd(14)} ${r.name.padEnd(18)} ${r.zone.padEnd(16)} ${r.cidr.padEnd(18)} ${n(r.demand).padStart(7)} / ${n(r.usable).padEnd(7)} ${(r.utilisation * 100).toFixed(1)}%`);
    }
  }
  return lines.join("\n");
}
