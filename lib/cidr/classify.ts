import { Cidr } from "./cidr";

/** A range that must not (or, if advisory, should not) be used for VPC, vSwitch, pod or service CIDRs. */
export interface ReservedBlock {
  readonly cidr: Cidr;
  /** Rule id in shared/reference/ack-network-rules.md (section B). */
  readonly ruleId: string;
  readonly reason: string;
  /** true: guidance only (warn); false: the platform rejects it or it is unusable. */
  readonly advisory: boolean;
}

function reserved(text: string, ruleId: string, reason: string, advisory = false): ReservedBlock {
  return Object.freeze({ cidr: Cidr.parse(text), ruleId, reason, advisory });
}

/**
 * Reserved ranges, sorted by {@link Cidr.compare}. Rule B-1 lists the blocks a VPC CIDR cannot be
 * or be inside; the other general-purpose unusable ranges (0.0.0.0/8, 240.0.0.0/4 and the IPv6
 * ones) are filed under B-1 too, with the RFC that reserves them.
 */
export const RESERVED_BLOCKS: ReservedBlock[] = Object.freeze(
  [
    reserved("0.0.0.0/8", "B-1", '"This network" (RFC 1122 section 3.2.1.3, RFC 6890); not usable as a network'),
    reserved(
      "7.0.0.0/8",
      "B-3",
      "ASM multi-cluster guidance says blocks starting with 7 are reserved for ACK managed clusters (Flannel); unclear outside ASM",
      true,
    ),
    reserved(
      "100.64.0.0/10",
      "B-1",
      "Shared address space (RFC 6598) used by Alibaba Cloud services (image pulls, ECS metadata); a VPC CIDR cannot overlap it, and pod/service/vSwitch ranges must not use it (B-2)",
    ),
    reserved("127.0.0.0/8", "B-1", "Loopback (RFC 1122 section 3.2.1.3); a VPC CIDR cannot overlap it"),
    reserved(
      "169.254.0.0/16",
      "B-1",
      "Link-local (RFC 3927); a VPC CIDR cannot overlap it, and NodeLocal DNSCache listens on 169.254.20.10 (B-4)",
    ),
    reserved("224.0.0.0/4", "B-1", "Multicast (RFC 5771); a VPC CIDR cannot overlap it"),
    reserved("240.0.0.0/4", "B-1", "Reserved for future use (RFC 1112 section 4, RFC 6890), includes the limited broadcast address 255.255.255.255 (RFC 919)"),
    reserved("::1/128", "B-1", "IPv6 loopback address (RFC 4291 section 2.5.3)"),
    reserved("fe80::/10", "B-1", "IPv6 link-local unicast (RFC 4291 section 2.5.6)"),
    reserved("ff00::/8", "B-1", "IPv6 multicast (RFC 4291 section 2.7)"),
  ].sort((a, b) => Cidr.compare(a.cidr, b.cidr)),
) as ReservedBlock[];

/** The RFC 1918 private IPv4 blocks: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16. */
export const RFC1918_BLOCKS: Cidr[] = Object.freeze([
  Cidr.parse("10.0.0.0/8"),
  Cidr.parse("172.16.0.0/12"),
  Cidr.parse("192.168.0.0/16"),
]) as Cidr[];

/** IPv6 unique local addresses, fc00::/7 (RFC 4193). */
export const ULA_BLOCK: Cidr = Cidr.parse("fc00::/7");

/** True when the block lies inside (or equals) one of {@link RFC1918_BLOCKS}. */
export function isRfc1918(c: Cidr): boolean {
  return RFC1918_BLOCKS.some((block) => block.contains(c));
}

/** True when the block lies inside fc00::/7. */
export function isUniqueLocal(c: Cidr): boolean {
  return ULA_BLOCK.contains(c);
}

/** Every reserved block the range overlaps (in {@link RESERVED_BLOCKS} order), advisory ones included. */
export function reservedOverlaps(c: Cidr): ReservedBlock[] {
  return RESERVED_BLOCKS.filter((block) => block.cidr.overlaps(c));
}
