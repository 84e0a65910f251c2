/**
 * Pure address maths for IPv4 and IPv6 (exact bigint arithmetic): parsing and formatting, the
 * {@link Cidr} block type, netmask conversions, classification of reserved/private ranges,
 * first-fit carving and overlap detection. No cdktf dependency.
 */
export * from "./ip-version";
export * from "./cidr-error";
export * from "./address";
export * from "./mask";
export * from "./cidr";
export * from "./carve";
export * from "./classify";
export * from "./overlaps";
