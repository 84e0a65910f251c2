import { CidrError, IpVersion, maskToPrefix, prefixForAddresses, prefixToMask } from "../../lib/cidr";

describe("maskToPrefix / prefixToMask", () => {
  it.each([
    ["255.255.255.252", 30],
    ["255.255.255.255", 32],
    ["0.0.0.0", 0],
    ["255.0.0.0", 8],
    ["255.255.240.0", 20],
    ["128.0.0.0", 1],
  ])("%s <-> /%d", (mask, prefix) => {
    expect(maskToPrefix(mask)).toBe(prefix);
    expect(prefixToMask(prefix)).toBe(mask);
  });

  it("round-trips every IPv4 prefix", () => {
    for (let p = 0; p <= 32; p++) expect(maskToPrefix(prefixToMask(p))).toBe(p);
  });

  it("rejects non-contiguous masks and non-masks", () => {
    expect(() => maskToPrefix("255.0.255.0")).toThrow(
      "255.0.255.0 is not a valid netmask: its one-bits must be contiguous from the left (e.g. 255.255.255.0 = /24)",
    );
    expect(() => maskToPrefix("0.0.0.255")).toThrow(CidrError);
    expect(() => maskToPrefix("255.255.0")).toThrow("255.255.0: '255.255.0' is not an IPv4 address");
    expect(() => maskToPrefix("ffff::")).toThrow("ffff::: netmasks are IPv4 only; use a prefix length for IPv6");
  });

  it("rejects prefixes outside 0-32", () => {
    expect(() => prefixToMask(33)).toThrow("cannot make a netmask: prefix length 33 is out of range for IPv4 (0-32)");
    expect(() => prefixToMask(-1)).toThrow(CidrError);
    expect(() => prefixToMask(8.5)).toThrow("cannot make a netmask: prefix length 8.5 is not an integer");
  });
});

describe("prefixForAddresses", () => {
  it.each([
    [0, IpVersion.V4, 32],
    [1, IpVersion.V4, 32],
    [2, IpVersion.V4, 31],
    [3, IpVersion.V4, 30],
    [256, IpVersion.V4, 24],
    [257, IpVersion.V4, 23],
    [8192, IpVersion.V4, 19],
    [4294967296n, IpVersion.V4, 0],
    [1n << 64n, IpVersion.V6, 64],
    [(1n << 64n) + 1n, IpVersion.V6, 63],
    [1, IpVersion.V6, 128],
  ])("%s addresses in %s -> /%d", (count, version, prefix) => {
    expect(prefixForAddresses(count, version)).toBe(prefix);
  });

  it("rejects impossible counts", () => {
    expect(() => prefixForAddresses(-1, IpVersion.V4)).toThrow("address count -1 is negative");
    expect(() => prefixForAddresses(2.5, IpVersion.V4)).toThrow("address count 2.5 is not a whole number");
    expect(() => prefixForAddresses(4294967297n, IpVersion.V4)).toThrow(
      "4294967297 addresses do not fit in the whole IPv4 address space (2^32)",
    );
  });
});
