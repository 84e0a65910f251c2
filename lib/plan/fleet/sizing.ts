/**
 * How large a block a cluster gets from a pool. Pure and deterministic.
 *
 * - VPC: the smallest block that holds one node vSwitch per zone and, for Terway (pods live
 *   in the VPC), one pod vSwitch per zone, laid out exactly as {@link layoutVSwitches} does
 *   (node vSwitches first, then pod vSwitches, first fit). vSwitch sizes come from
 *   lib/plan/layout (node >= /24, pod >= /19 as recommended by A-PVSW-1).
 * - Flannel pod CIDR: one per-node block (2^(32 - node mask)) per expected node, rounded up to
 *   a power of two, and at least two blocks (rule D-4 needs node mask > pod prefix).
 * - Service CIDR: room for the expected services, clamped to /16../24 (rule A-SVC-1).
 * - Edge pod CIDR: one per-node block per expected edge node, as for Flannel.
 */
import { Cidr, IpVersion, carve, prefixForAddresses } from "../../cidr";
import { maskForPodsPerNode } from "../capacity";
import { LayoutSizing, nodeVSwitchPrefix, podVSwitchPrefix } from "../layout";

/**
 * A count as sizing uses it: finite, at least 1, at most the IPv4 space. Bad counts are
 * reported by rule N5-size-range; sizing itself never throws on them.
 */
export function sizingCount(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.ceil(n), 2 ** 32) : 1;
}

/** vSwitch prefixes of a network. */
export interface VSwitchPrefixes {
  readonly node: number;
  /** Undefined when no cluster of the network runs Terway. */
  readonly pod?: number;
}

export function vswitchPrefixes(sizing: LayoutSizing, zones: number, terway: boolean): VSwitchPrefixes {
  return { node: nodeVSwitchPrefix(sizing, zones), pod: terway ? podVSwitchPrefix(sizing, zones) : undefined };
}

/** The longest VPC prefix whose block holds the vSwitches of every zone, laid out first fit. */
export function vpcPrefixFor(zones: number, prefixes: VSwitchPrefixes): number {
  const n = Math.max(1, zones);
  const requests = [
    ...Array.from({ length: n }, (_, i) => ({ id: `node${i}`, prefix: prefixes.node })),
    ...(prefixes.pod === undefined ? [] : Array.from({ length: n }, (_, i) => ({ id: `pod${i}`, prefix: prefixes.pod as number }))),
  ];
  const total = requests.reduce((s, r) => s + 2 ** (32 - r.prefix), 0);
  for (let p = Math.min(28, prefixForAddresses(sizingCount(total), IpVersion.V4)); p >= 8; p--) {
    if (carve([Cidr.parse(`0.0.0.0/${p}`)], requests).failures.length === 0) return p;
  }
  return 8;
}

/** Prefix of a per-node-block range (Flannel pod CIDR, edge pod CIDR) for `nodes` nodes. */
export function perNodeRangePrefix(nodes: number, podsPerNode: number): number {
  const mask = Math.min(32, Math.max(0, maskForPodsPerNode(sizingCount(podsPerNode))));
  const blocks = Math.max(2, sizingCount(nodes));
  return Math.max(8, mask - Math.ceil(Math.log2(blocks)));
}

/** Service CIDR prefix for the expected number of services (/16../24). */
export function servicePrefixFor(expectedServices: number): number {
  return Math.max(16, Math.min(24, prefixForAddresses(sizingCount(expectedServices), IpVersion.V4)));
}
