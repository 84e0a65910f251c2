/**
 * The fleet's address space as the report draws it: each pool CIDR (and, for ranges given
 * outside the pools, their enclosing private block) with the ranges inside it, and each VPC
 * with its vSwitches. Pure.
 */
import { Cidr, RFC1918_BLOCKS } from "../cidr";
import { FleetPlan } from "../plan/fleet/plan-fleet";
import { FleetPlanInput } from "../plan/fleet/model";

export enum RangeRole {
  VPC = "VPC",
  NODE_VSWITCH = "node vSwitch",
  POD_VSWITCH = "pod vSwitch",
  POD = "pod CIDR",
  SERVICE = "service CIDR",
  EDGE_POD = "edge pod CIDR",
  DATA_CENTER = "data centre",
  HELD = "held (removed cluster)",
}

export interface MapRange {
  /** Cluster, VPC, link or removed cluster the range belongs to. */
  readonly owner: string;
  readonly role: RangeRole;
  readonly cidr: Cidr;
  /** given | lock | pool | carved */
  readonly source: string;
  readonly zone?: string;
}

/** A block drawn as one bar: a pool CIDR, a private block holding given ranges, or a VPC. */
export interface MapSpan {
  readonly title: string;
  readonly cidr: Cidr;
  readonly ranges: MapRange[];
}

export interface AddressSpace {
  readonly pools: MapSpan[];
  readonly vpcs: MapSpan[];
}

function parsed(text: string | undefined): Cidr | undefined {
  return text ? Cidr.tryParse(text) : undefined;
}

/** Collects every range of a planned fleet. */
export function addressSpace(input: FleetPlanInput, plan: FleetPlan): AddressSpace {
  const top: MapRange[] = [];
  const push = (list: MapRange[], owner: string, role: RangeRole, text: string | undefined, source: string, zone?: string) => {
    const cidr = parsed(text);
    if (cidr) list.push({ owner, role, cidr, source, zone });
  };
  const vpcs: MapSpan[] = [];
  for (const net of plan.networks) {
    push(top, net.network.name, RangeRole.VPC, net.cidr, net.source);
    const vpc = parsed(net.cidr);
    if (!vpc) continue;
    const inner: MapRange[] = [];
    for (const v of net.nodeVSwitches) push(inner, net.network.name, RangeRole.NODE_VSWITCH, v.cidr, v.source, v.zone);
    for (const v of net.podVSwitches) if (!v.sameAs) push(inner, net.network.name, RangeRole.POD_VSWITCH, v.cidr, v.source, v.zone);
    const members = net.network.members.map((m) => input.clusters[m]?.name).filter((n): n is string => n !== undefined);
    vpcs.push({ title: `VPC ${net.network.name}${net.network.kind === "shared" ? ` (shared by ${members.join(", ")})` : ""}`, cidr: vpc, ranges: inner });
  }
  for (const c of plan.clusters) {
    push(top, c.name, RangeRole.SERVICE, c.allocation.serviceCidr.cidr, c.allocation.serviceCidr.source);
    push(top, c.name, RangeRole.POD, c.allocation.podCidr?.cidr, c.allocation.podCidr?.source ?? "");
    push(top, c.name, RangeRole.EDGE_POD, c.allocation.edgePodCidr?.cidr, c.allocation.edgePodCidr?.source ?? "");
  }
  for (const l of input.hybridLinks) for (const d of l.dataCenterCidrs) push(top, l.name, RangeRole.DATA_CENTER, d, "given");
  for (const h of plan.held) for (const r of h.ranges) push(top, h.name, RangeRole.HELD, r, "lock");

  const pools: MapSpan[] = [];
  const kinds: Array<[string, string[]]> = [["vpc", input.pools.vpc], ["pods", input.pools.pods], ["services", input.pools.services], ["edgePods", input.pools.edgePods]];
  const placed = new Set<MapRange>();
  for (const [kind, list] of kinds) {
    for (const text of list) {
      const cidr = parsed(text);
      if (!cidr) continue;
      const ranges = top.filter((r) => !placed.has(r) && cidr.contains(r.cidr));
      ranges.forEach((r) => placed.add(r));
      pools.push({ title: `pools.${kind} ${cidr}`, cidr, ranges });
    }
  }
  // Ranges outside the pools, under the private block (or the range itself) that holds them.
  const rest = top.filter((r) => !placed.has(r));
  const outer = new Map<string, MapSpan>();
  for (const r of rest) {
    const block = RFC1918_BLOCKS.find((b) => b.contains(r.cidr)) ?? r.cidr;
    const key = block.toString();
    const span = outer.get(key) ?? { title: `given ranges in ${key}`, cidr: block, ranges: [] };
    span.ranges.push(r);
    outer.set(key, span);
  }
  const sortRanges = (s: MapSpan) => s.ranges.sort((a, b) => Cidr.compare(a.cidr, b.cidr));
  const all = [...pools, ...[...outer.values()].sort((a, b) => Cidr.compare(a.cidr, b.cidr))];
  all.forEach(sortRanges);
  vpcs.forEach(sortRanges);
  return { pools: all, vpcs };
}

/** Addresses covered by the ranges of a span (nested ranges counted once). */
export function usedAddresses(span: MapSpan): bigint {
  let used = 0n;
  let end = -1n;
  for (const r of [...span.ranges].sort((a, b) => Cidr.compare(a.cidr, b.cidr))) {
    if (r.cidr.start > end) {
      used += r.cidr.size;
      end = r.cidr.end;
    } else if (r.cidr.end > end) {
      used += r.cidr.end - end;
      end = r.cidr.end;
    }
  }
  return used;
}
