/**
 * ENI figures per ECS instance type, for Terway pods-per-node maths (rules E-1..E-6).
 *
 * The built-in table comes from `instance-types-data.ts` (Alibaba Cloud's ECS "Instance
 * families" page; per-family source lines there, summary in docs/instance-types.md). The seed
 * anchors hold: c7/g7.4xlarge -> 210 shared / 7 exclusive, c6.4xlarge -> 140 shared. IPv6 per
 * ENI, EniTotalQuantity and trunk support are not on that page: unknown here (undefined).
 * Types not in the table need `podsPerNode` on the node pool or an entry through
 * `extraInstanceTypes`; live figures come from ECS DescribeInstanceTypes (E-9).
 */
import { INSTANCE_FAMILIES, INSTANCE_FAMILIES_SOURCE } from "./instance-types-data";

export interface InstanceTypeInfo {
  /** ECS instance type, e.g. `ecs.c7.4xlarge`. */
  readonly name: string;
  readonly vcpu: number;
  readonly memoryGiB: number;
  /** EniQuantity: ENIs the type can attach, primary included. */
  readonly eniQuantity: number;
  /** EniPrivateIpAddressQuantity: private IPv4 addresses per ENI. */
  readonly privateIpsPerEni: number;
  /** EniIpv6AddressQuantity, when known (dual stack, rule E-6). */
  readonly ipv6PerEni?: number;
}

/** A type of the built-in table, with where its figures come from. */
export interface BuiltinInstanceType extends InstanceTypeInfo {
  /** Instance family, e.g. `c7`. */
  readonly family: string;
  /** The family table's documentation link (file and line). */
  readonly source: string;
}

let builtin: readonly BuiltinInstanceType[] | undefined;
let byName: Map<string, BuiltinInstanceType> | undefined;

/** The built-in table, built on first use from the data module. */
export function builtinInstanceTypes(): readonly BuiltinInstanceType[] {
  if (!builtin) {
    const out: BuiltinInstanceType[] = [];
    for (const f of INSTANCE_FAMILIES) {
      const source = `${INSTANCE_FAMILIES_SOURCE}?plain=1#L${f.line}`;
      for (const [type, vcpu, memoryGiB, eniQuantity, privateIpsPerEni] of f.types) {
        out.push({ name: `ecs.${type}`, family: f.family, vcpu, memoryGiB, eniQuantity, privateIpsPerEni, source });
      }
    }
    builtin = out;
  }
  return builtin;
}

function index(): Map<string, BuiltinInstanceType> {
  if (!byName) byName = new Map(builtinInstanceTypes().map((t) => [t.name, t]));
  return byName;
}

/** Looks a type up in `extra` first, then in the built-in table. */
export function findInstanceType(name: string, extra: readonly InstanceTypeInfo[] = []): InstanceTypeInfo | undefined {
  for (const t of extra) if (t.name === name) return t;
  return index().get(name);
}

/** Edit distance, capped: returns `max + 1` as soon as the distance must exceed `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The family part of a type name (`c7` of `ecs.c7.4xlarge`, `gn6i` of `ecs.gn6i-c4g1.xlarge`). */
export function instanceFamilyOf(name: string): string {
  const parts = name.trim().toLowerCase().split(".");
  return parts.length === 3 && parts[0] === "ecs" ? parts[1].split("-")[0] : "";
}

/** Whether the built-in table has the family of `name`. */
export function isKnownInstanceFamily(name: string): boolean {
  const family = instanceFamilyOf(name);
  return builtinInstanceTypes().some((t) => t.family === family);
}

/**
 * Known types a mistyped name probably meant: the closest ones (at most three); case is ignored.
 * Within a known family (`ecs.c7.4xlarg`) anything at edit distance <= 2; for a family the table
 * does not have (`ecs.g8i.4xlarge`) only distance 1, so a newer family is not "corrected" into
 * an older one. Empty for a known name.
 */
export function suggestInstanceTypes(name: string, extra: readonly InstanceTypeInfo[] = []): string[] {
  if (findInstanceType(name, extra)) return [];
  const wanted = name.trim().toLowerCase();
  const prefixed = findInstanceType(`ecs.${wanted}`, extra);
  if (!wanted.startsWith("ecs.") && prefixed) return [prefixed.name];
  const family = instanceFamilyOf(name);
  const max = isKnownInstanceFamily(name) ? 2 : 1;
  const scored: Array<[number, string]> = [];
  const seen = new Set<string>();
  for (const t of [...extra, ...builtinInstanceTypes()]) {
    if (seen.has(t.name)) continue;
    seen.add(t.name);
    const limit = max === 2 && instanceFamilyOf(t.name) !== family ? 1 : max;
    const d = distance(wanted, t.name.toLowerCase(), limit);
    if (d <= limit) scored.push([d, t.name]);
  }
  const best = Math.min(...scored.map(([d]) => d));
  return scored.filter(([d]) => d === best).map(([, n]) => n).sort().slice(0, 3);
}

/** Rule E-1: shared-ENI pods per node = (ENIs - 1) x IPv4 per ENI (the primary ENI is the node's). */
export function sharedEniPodsPerNode(t: InstanceTypeInfo): number {
  return (t.eniQuantity - 1) * t.privateIpsPerEni;
}

/** Rule E-4: exclusive-ENI pods per node = ENIs - 1. */
export function exclusiveEniPodsPerNode(t: InstanceTypeInfo): number {
  return t.eniQuantity - 1;
}

/** Rule E-2: a node joins a shared-ENI Terway cluster only when its pod quota exceeds 11. */
export const SHARED_ENI_MIN_PODS_EXCLUSIVE = 11;
/** Rule E-4 (safe reading of a conflict): an exclusive-ENI node needs a pod quota above 6. */
export const EXCLUSIVE_ENI_MIN_PODS_EXCLUSIVE = 6;
