import { IpVersion, addressBits, versionName } from "./ip-version";

/** Why `prefix` is not a valid prefix length for `version` ("prefix length 33 is out of range for IPv4 (0-32)"), or undefined. */
export function prefixProblem(version: IpVersion, prefix: number): string | undefined {
  const bits = addressBits(version);
  if (typeof prefix !== "number" || !Number.isInteger(prefix)) return `prefix length ${String(prefix)} is not an integer`;
  if (prefix < 0 || prefix > bits) return `prefix length ${prefix} is out of range for ${versionName(version)} (0-${bits})`;
  return undefined;
}

/** Number of addresses in a block of this prefix: 2^(bits - prefix). */
export function blockSize(version: IpVersion, prefix: number): bigint {
  return 1n << BigInt(addressBits(version) - prefix);
}

/** Mask of the host part of a block of this prefix (blockSize - 1). */
export function hostMask(version: IpVersion, prefix: number): bigint {
  return blockSize(version, prefix) - 1n;
}

/** Number of bits needed to write n (0 for 0). */
export function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(2).length;
}
