import { CarveFailure, CarveRequest, Cidr, IpVersion, carve, prefixForAddresses } from "../cidr";
import { VSWITCH_RESERVED_ADDRESSES } from "./capacity";

/** Sizing for vSwitches carved automatically out of a VPC. */
export interface LayoutSizing {
  /** Nodes the cluster is expected to reach, spread evenly over the zones. */
  readonly expectedNodes: number;
  /** Pods per node to size Terway pod vSwitches for. */
  readonly podsPerNode: number;
}

/** A vSwitch block chosen by the layout. */
export interface LaidOutVSwitch {
  readonly key: string;
  readonly zone: string;
  readonly cidr: string;
}

export interface LayoutResult {
  readonly vswitches: LaidOutVSwitch[];
  readonly failures: CarveFailure[];
}

/** A count as the layout uses it: finite, at least 1, at most the IPv4 space (bad counts are rule N5). */
function layoutCount(n: number): number {
  return Number.isFinite(n) && n >= 1 ? Math.min(Math.ceil(n), 2 ** 32) : 1;
}

/** Node vSwitch prefix: room for the zone's share of nodes, at least a /24, never beyond /16. */
export function nodeVSwitchPrefix(sizing: LayoutSizing, zones: number): number {
  const perZone = layoutCount(Math.ceil(layoutCount(sizing.expectedNodes) / Math.max(1, zones)) + VSWITCH_RESERVED_ADDRESSES);
  return Math.max(16, Math.min(24, prefixForAddresses(perZone, IpVersion.V4)));
}

/** Pod vSwitch prefix: room for the zone's share of pods, at least the recommended /19 (A-PVSW-1), never beyond /16. */
export function podVSwitchPrefix(sizing: LayoutSizing, zones: number): number {
  const perZone = layoutCount(Math.ceil(layoutCount(sizing.expectedNodes) / Math.max(1, zones)) * layoutCount(sizing.podsPerNode) + VSWITCH_RESERVED_ADDRESSES);
  return Math.max(16, Math.min(19, prefixForAddresses(perZone, IpVersion.V4)));
}

/**
 * Carves one vSwitch per zone of the given prefix out of the VPC, first fit in zone order,
 * avoiding `taken`. Deterministic: the same inputs always give the same blocks.
 */
export function layoutVSwitches(vpcCidr: string, role: string, zones: string[], prefix: number, taken: string[]): LayoutResult {
  const vpc = Cidr.parse(vpcCidr);
  const requests: CarveRequest[] = zones.map((z) => ({ id: `${role}:${z}`, prefix }));
  // A taken range that does not parse is reported where it was given (A0); it holds nothing here.
  const held = taken.map((t) => Cidr.tryParse(t)).filter((c): c is Cidr => c !== undefined && c.version === vpc.version);
  const result = carve([vpc], requests, held);
  return {
    vswitches: result.allocations.filter((a) => !a.held).map((a) => ({ key: a.id, zone: a.id.slice(role.length + 1), cidr: a.cidr.toString() })),
    failures: result.failures,
  };
}
