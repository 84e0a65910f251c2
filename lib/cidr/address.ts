import { CidrError } from "./cidr-error";
import { IpVersion, addressBits, isIpVersion, versionName } from "./ip-version";
import { formatIpv4 } from "./ipv4-text";
import { formatIpv6 } from "./ipv6-text";
import { analyseAddress } from "./address-text";

/**
 * Parses one IPv4 or IPv6 address (no prefix) into its version and integer value.
 * Strict: no whitespace, no leading zeros in IPv4 octets, no IPv6 zone ids. Throws {@link CidrError}.
 */
export function parseAddress(text: string): { version: IpVersion; value: bigint } {
  if (typeof text !== "string") throw new CidrError(String(text), `expected address text, got ${typeof text}`);
  const r = analyseAddress(text);
  if (!r.ok) throw new CidrError(text, r.reason);
  return { version: r.version, value: r.value };
}

/** Formats an integer as address text (IPv6 per RFC 5952). Throws {@link CidrError} if out of range. */
export function formatAddress(value: bigint, version: IpVersion): string {
  if (!isIpVersion(version)) throw new CidrError(String(version), `IP version must be 4 or 6 (got ${String(version)})`);
  if (typeof value !== "bigint") throw new CidrError(String(value), `address value must be a bigint (got ${typeof value})`);
  const limit = 1n << BigInt(addressBits(version));
  if (value < 0n || value >= limit) {
    throw new CidrError(
      value.toString(),
      `${value} is outside the ${versionName(version)} address space (0 to ${limit - 1n})`,
    );
  }
  return version === IpVersion.V4 ? formatIpv4(value) : formatIpv6(value);
}
