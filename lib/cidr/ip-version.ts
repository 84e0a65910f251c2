/** IP address family. The numeric values are the protocol versions. */
export enum IpVersion {
  V4 = 4,
  V6 = 6,
}

/** Number of bits in an address of the given version: 32 or 128. */
export function addressBits(version: IpVersion): number {
  return version === IpVersion.V4 ? 32 : 128;
}

/** Human name of the family, e.g. "IPv4". */
export function versionName(version: IpVersion): string {
  return version === IpVersion.V4 ? "IPv4" : "IPv6";
}

/** True for the two values of {@link IpVersion}; guards values that come from untyped callers. */
export function isIpVersion(value: unknown): value is IpVersion {
  return value === IpVersion.V4 || value === IpVersion.V6;
}
