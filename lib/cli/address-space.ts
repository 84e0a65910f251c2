/**
 * The fleet's address space as the report draws it: each pool CIDR (and, for ranges given
 * outside the pools, their enclosing private block) with the ranges inside it, and each VPC
 * with its vSwitches. Pure.
 */
import { Cidr, RFC1918_BLOCKS } from "../cidr";
import { DataCenterRoute, PlannedRoute } from "../plan/hybrid";
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

/** How full a range gets at the pools' planned maximum sizes (from the capacity plan). */
export interface RangeFill {
  readonly demand: number;
  readonly usable: number;
  /** What is counted: `node IPs`, `pod IPs`, `node blocks`, `edge node blocks`. */
  readonly unit: string;
}

export interface MapRange {
  /** Cluster, VPC, link or removed cluster the range belongs to. */
  readonly owner: string;
  readonly role: RangeRole;
  readonly cidr: Cidr;
  /** given | lock | pool | carved */
  readonly source: string;
  readonly zone?: string;
  /** Demand against capacity, for ranges the capacity plan sizes. */
  readonly fill?: RangeFill;
}

/** A hybrid link: the data centre, the VPC it joins and the routes the plan puts in between. */
export interface MapLink {
  readonly name: string;
  readonly cluster: string;
  readonly vpcCidr?: string;
  readonly connectivity: string;
  readonly dataCenterCidrs: string[];
  readonly routes: PlannedRoute[];
  readonly dataCenterRoutes: DataCenterRoute[];
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
  readonly links: MapLink[];
}

const FILL_UNITS = new Map<string, string>([
  [RangeRole.NODE_VSWITCH, "node IPs"],
  [RangeRole.POD_VSWITCH, "pod IPs"],
  [RangeRole.POD, "node blocks"],
  [RangeRole.EDGE_POD, "edge node blocks"],
]);

/** Demand per range role and CIDR, summed over the clusters that share the range. */
function fills(plan: FleetPlan): Map<string, RangeFill> {
  const out = new Map<string, RangeFill>();
  for (const c of plan.clusters) {
    for (const r of c.result.capacity.ranges) {
      const unit = FILL_UNITS.get(r.role);
      if (unit === undefined) continue;
      const key = `${r.role}|${r.cidr}`;
      const prev = out.get(key);
      out.set(key, { demand: (prev?.demand ?? 0) + r.demand, usable: Math.max(prev?.usable ?? 0, r.usable), unit });
    }
  }
  return out;
}

function parsed(text: string | undefined): Cidr | undefined {
  return text ? Cidr.tryParse(text) : undefined;
}

/** Collects every range of a planned fleet. */
export function addressSpace(input: FleetPlanInput, plan: FleetPlan): AddressSpace {
  const top: MapRange[] = [];
  const demand = fills(plan);
  const push = (list: MapRange[], owner: string, role: RangeRole, text: string | undefined, source: string, zone?: string) => {
    const cidr = parsed(text);
    if (cidr) list.push({ owner, role, cidr, source, zone, fill: demand.get(`${role}|${cidr}`) });
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
  const links: MapLink[] = plan.links.map((l) => {
    const given = input.hybridLinks.find((h) => h.name === l.name);
    return {
      name: l.name,
      cluster: given?.cluster ?? "",
      vpcCidr: l.input.vpcCidr,
      connectivity: String(given?.connectivity ?? ""),
      dataCenterCidrs: given?.dataCenterCidrs ?? [],
      routes: l.plan.routes,
      dataCenterRoutes: l.plan.dataCenterRoutes,
    };
  });
  return { pools: all, vpcs, links };
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
