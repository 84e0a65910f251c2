/**
 * Capacity shared by the clusters of one VPC: node vSwitches (every cluster), Terway pod
 * vSwitches (Terway and Terway Edge clusters) and the VPC route table (Flannel: one entry per
 * node). Summed over every cluster that uses it; a single cluster over the limit is its own
 * rule (F1-node-vswitch-capacity, F1-pod-vswitch-capacity, D6-flannel-route-quota). Pure.
 */
import { CapacityPlan, DEFAULT_ROUTE_TABLE_QUOTA, MAX_ROUTE_TABLE_QUOTA, RangeUsage } from "../capacity";
import { ClusterPlanInput, ClusterProfile, CniPlugin, NodePoolKind } from "../model";
import { RuleInfo } from "../rule";
import { NODE_VSWITCH_SHARED, POD_VSWITCH_SHARED, POD_VSWITCH_SHARED_HEADROOM, VPC_ROUTE_QUOTA } from "../rules/estate-rules";
import { EstateVpc } from "./model";

export interface VpcMember {
  readonly input: ClusterPlanInput;
  readonly capacity: CapacityPlan;
}

type Report = (rule: RuleInfo, path: string, message: string) => void;

const n = (x: number) => Math.round(x).toLocaleString("en-US");

/** Pods the pools of one cluster start with in the zone, for one pod vSwitch's share of it. */
function startPods(capacity: CapacityPlan, r: RangeUsage): number {
  const zoneUsable = capacity.ranges.filter((x) => x.role === "pod vSwitch" && x.zone === r.zone).reduce((s, x) => s + x.usable, 0);
  let total = 0;
  for (const p of capacity.pools) {
    if (p.kind !== NodePoolKind.CLOUD || !p.zones.includes(r.zone)) continue;
    total += Math.ceil(p.minNodes / p.zones.length) * (p.podsPerNode ?? 0);
  }
  return total * (r.usable / Math.max(1, zoneUsable));
}

export function checkSharedCapacity(vpc: EstateVpc, members: readonly VpcMember[], report: Report): void {
  if (members.length < 2) return;
  const usage = (role: string, name: string) => members
    .map((m) => ({ m, r: m.capacity.ranges.find((x) => x.role === role && x.name === name) }))
    .filter((x): x is { m: VpcMember; r: RangeUsage } => x.r !== undefined);

  for (const v of vpc.nodeVSwitches) {
    const users = usage("node vSwitch", v.name).filter((x) => x.r.demand > 0);
    if (users.length < 2) continue;
    const usable = users[0].r.usable;
    const total = users.reduce((s, x) => s + x.r.demand, 0);
    if (total > usable && users.every((x) => x.r.demand <= usable)) {
      report(NODE_VSWITCH_SHARED, `${vpc.path}.nodeVSwitches[${v.name}]`,
        `node vSwitch ${v.name} ${users[0].r.cidr} (${v.zone}) has ${n(usable)} usable addresses, but the clusters using it can grow to ${n(total)} nodes there (${users.map((x) => `${x.m.input.name} ${n(x.r.demand)}`).join(", ")}); use a larger block, add a node vSwitch in ${v.zone}, or lower the pools' maximum sizes.`);
    }
  }

  for (const v of vpc.podVSwitches) {
    if (v.sameAs) continue;
    const users = usage("pod vSwitch", v.name).filter((x) => x.r.demand > 0);
    if (users.length < 2) continue;
    const usable = users[0].r.usable;
    const starts = users.map((x) => startPods(x.m.capacity, x.r));
    const startTotal = starts.reduce((s, x) => s + x, 0);
    const maxTotal = users.reduce((s, x) => s + x.r.demand, 0);
    const list = (vals: number[]) => users.map((x, i) => `${x.m.input.name} ${n(vals[i])}`).join(", ");
    if (startTotal > usable && starts.every((x) => x <= usable)) {
      report(POD_VSWITCH_SHARED, `${vpc.path}.podVSwitches[${v.name}]`,
        `pod vSwitch ${v.name} ${users[0].r.cidr} (${v.zone}) has ${n(usable)} usable addresses, but the Terway clusters using it start with ${n(startTotal)} pods there (${list(starts)}); add a pod vSwitch in ${v.zone} or use a larger block.`);
    } else if (startTotal <= usable && maxTotal > usable && users.every((x) => x.r.demand <= usable)) {
      report(POD_VSWITCH_SHARED_HEADROOM, `${vpc.path}.podVSwitches[${v.name}]`,
        `pod vSwitch ${v.name} ${users[0].r.cidr} (${v.zone}) has ${n(usable)} usable addresses, but the Terway clusters using it can grow to ${n(maxTotal)} pods there (${list(users.map((x) => x.r.demand))}); add a pod vSwitch in ${v.zone} or lower the pools' maximum sizes.`);
    }
  }

  const flannel = members.filter((m) => m.input.cni.plugin === CniPlugin.FLANNEL && m.input.profile === ClusterProfile.DEFAULT);
  if (flannel.length >= 2) {
    const total = flannel.reduce((s, m) => s + m.capacity.plannedMaxNodes, 0);
    const given = flannel.map((m) => m.input.routeTableQuota).filter((q): q is number => q !== undefined);
    const quota = Math.min(given.length > 0 ? Math.max(...given) : DEFAULT_ROUTE_TABLE_QUOTA, MAX_ROUTE_TABLE_QUOTA);
    if (total > quota && flannel.every((m) => m.capacity.plannedMaxNodes <= quota)) {
      report(VPC_ROUTE_QUOTA, `${vpc.path}.routeTable`,
        `the Flannel clusters of VPC ${vpc.name} can grow to ${n(total)} nodes together (${flannel.map((m) => `${m.input.name} ${n(m.capacity.plannedMaxNodes)}`).join(", ")}); each node takes one entry of the VPC route table, whose quota is ${n(quota)}${given.length === 0 ? " (the default)" : ""}. ${total > MAX_ROUTE_TABLE_QUOTA ? "A route table holds at most 1,000: move clusters to another VPC or use Terway." : "Raise the quota (up to 1,000) and set routeTableQuota, lower the pools' maximum sizes, or use Terway."}`);
    }
  }
}
