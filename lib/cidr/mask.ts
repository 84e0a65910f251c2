import { analyseAddress } from "./address-text";
import { CidrError } from "./cidr-error";
import { IpVersion, addressBits, isIpVersion, versionName } from "./ip-version";
import { formatIpv4 } from "./ipv4-text";
import { bitLength, prefixProblem } from "./prefix";

const ALL_ONES_V4 = 0xffffffffn;

/**
 * Dotted-quad netmask to prefix length: "255.255.255.252" -> 30. Throws {@link CidrError} for
 * text that is not an IPv4 address or a mask whose one-bits are not contiguous from the left.
 */
export function maskToPrefix(mask: string): number {
  if (typeof mask !== "string") throw new CidrError(String(mask), `expected netmask text, got ${typeof mask}`);
  const r = analyseAddress(mask);
  if (!r.ok) throw new CidrError(mask, `${mask}: ${r.reason}`);
  if (r.version !== IpVersion.V4) throw new CidrError(mask, `${mask}: netmasks are IPv4 only; use a prefix length for IPv6`);
  const inverted = ~r.value & ALL_ONES_V4;
  if ((inverted & (inverted + 1n)) !== 0n) {
    throw new CidrError(
      mask,
      `${mask} is not a valid netmask: its one-bits must be contiguous from the left (e.g. 255.255.255.0 = /24)`,
    );
  }
  return 32 - bitLength(inverted);
}

/** Prefix length to dotted-quad netmask (IPv4 only): 30 -> "255.255.255.252". Throws {@link CidrError}. */
export function prefixToMask(prefix: number): string {
  const problem = prefixProblem(IpVersion.V4, prefix);
  if (problem !== undefined) throw new CidrError(String(prefix), `cannot make a netmask: ${problem}`);
  return formatIpv4((ALL_ONES_V4 << BigInt(32 - prefix)) & ALL_ONES_V4);
}

/**
 * Longest prefix (smallest block) of the given version that holds `count` addresses:
 * 256 -> /24, 257 -> /23, 1 and 0 -> /32 (or /128). Throws {@link CidrError} for negative or
 * non-integer counts and counts larger than the whole address space.
 */
export function prefixForAddresses(count: number | bigint, version: IpVersion): number {
  if (!isIpVersion(version)) throw new CidrError(String(version), `IP version must be 4 or 6 (got ${String(version)})`);
  if (typeof count === "number" && !Number.isInteger(count)) {
    throw new CidrError(String(count), `address count ${count} is not a whole number`);
  }
  if (typeof count !== "number" && typeof count !== "bigint") {
    throw new CidrError(String(count), `address count must be a number or bigint (got ${typeof count})`);
  }
  const n = BigInt(count);
  if (n < 0n) throw new CidrError(String(count), `address count ${count} is negative`);
  const bits = addressBits(version);
  if (n > 1n << BigInt(bits)) {
    throw new CidrError(String(count), `${count} addresses do not fit in the whole ${versionName(version)} address space (2^${bits})`);
  }
  return n <= 1n ? bits : bits - bitLength(n - 1n);
}
