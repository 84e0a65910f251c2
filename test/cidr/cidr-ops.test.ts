import { Cidr, CidrError, IpVersion, MAX_SUBNETS } from "../../lib/cidr";

const c = (text: string): Cidr => Cidr.parse(text);

describe("size, first and last address", () => {
  it.each([
    ["10.0.0.0/8", 16777216n, "10.0.0.0", "10.255.255.255", 32],
    ["192.168.1.4/30", 4n, "192.168.1.4", "192.168.1.7", 32],
    ["0.0.0.0/0", 4294967296n, "0.0.0.0", "255.255.255.255", 32],
    ["fd00::/64", 1n << 64n, "fd00::", "fd00::ffff:ffff:ffff:ffff", 128],
    ["::/0", 1n << 128n, "::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 128],
    ["2001:db8::5/128", 1n, "2001:db8::5", "2001:db8::5", 128],
  ])("%s", (text, size, first, last, maxPrefix) => {
    const x = c(text);
    expect(x.size).toBe(size);
    expect(x.firstAddress).toBe(first);
    expect(x.lastAddress).toBe(last);
    expect(x.maxPrefix).toBe(maxPrefix);
  });
});

describe("contains / overlaps / equals", () => {
  it("contains subnets and itself, not supersets or neighbours", () => {
    expect(c("10.0.0.0/8").contains(c("10.1.2.0/24"))).toBe(true);
    expect(c("10.0.0.0/8").contains(c("10.0.0.0/8"))).toBe(true);
    expect(c("10.1.2.0/24").contains(c("10.0.0.0/8"))).toBe(false);
    expect(c("10.0.0.0/16").contains(c("10.1.0.0/16"))).toBe(false);
  });
  it("is false across versions", () => {
    expect(c("0.0.0.0/0").contains(c("::/128"))).toBe(false);
    expect(c("::/0").overlaps(c("10.0.0.0/8"))).toBe(false);
    expect(c("::/0").contains(c("::ffff:10.0.0.0/104"))).toBe(true);
  });
  it("containsAddress", () => {
    expect(c("10.0.0.0/8").containsAddress("10.255.255.255")).toBe(true);
    expect(c("10.0.0.0/8").containsAddress("11.0.0.0")).toBe(false);
    expect(c("::/0").containsAddress("10.0.0.1")).toBe(false);
    expect(c("fd00::/8").containsAddress("fdff::1")).toBe(true);
    expect(() => c("10.0.0.0/8").containsAddress("10.0.0")).toThrow("'10.0.0' is not an IPv4 address");
  });
  it("overlaps when nested or equal, not when adjacent", () => {
    expect(c("10.0.0.0/16").overlaps(c("10.0.255.0/24"))).toBe(true);
    expect(c("10.0.255.0/24").overlaps(c("10.0.0.0/16"))).toBe(true);
    expect(c("10.0.0.0/24").overlaps(c("10.0.1.0/24"))).toBe(false);
    expect(c("10.0.0.0/24").overlaps(c("10.0.0.0/24"))).toBe(true);
  });
  it("equals compares version, start and prefix", () => {
    expect(c("10.0.0.0/8").equals(c("10.0.0.0/8"))).toBe(true);
    expect(c("10.0.0.0/8").equals(c("10.0.0.0/9"))).toBe(false);
    expect(c("0.0.0.0/0").equals(c("::/0"))).toBe(false);
  });
  it("compare orders by version, start, prefix", () => {
    const sorted = ["fd00::/8", "10.0.0.0/16", "10.0.0.0/8", "9.0.0.0/8", "::/0"].map(c).sort(Cidr.compare).map(String);
    expect(sorted).toEqual(["9.0.0.0/8", "10.0.0.0/8", "10.0.0.0/16", "::/0", "fd00::/8"]);
  });
});

describe("subnets and supernets", () => {
  it("counts and indexes subnets", () => {
    const x = c("10.0.0.0/16");
    expect(x.subnetCount(16)).toBe(1n);
    expect(x.subnetCount(24)).toBe(256n);
    expect(x.subnet(24, 0).toString()).toBe("10.0.0.0/24");
    expect(x.subnet(24, 255n).toString()).toBe("10.0.255.0/24");
    expect(c("fd00::/48").subnet(64, 0xffffn).toString()).toBe("fd00:0:0:ffff::/64");
    expect(c("::/0").subnetCount(128)).toBe(1n << 128n);
  });
  it("lists subnets in order", () => {
    expect(c("10.0.0.0/22").subnets(24).map(String)).toEqual(["10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]);
  });
  it("rejects bad prefixes and indexes", () => {
    expect(() => c("10.0.0.0/16").subnets(8)).toThrow(
      "10.0.0.0/16: cannot split into /8 subnets; the new prefix must be between 16 and 32",
    );
    expect(() => c("10.0.0.0/16").subnet(24, 256)).toThrow(
      "10.0.0.0/16: subnet index 256 is out of range; it has 256 /24 subnets (0-255)",
    );
    expect(() => c("10.0.0.0/16").subnet(24, -1)).toThrow(CidrError);
    expect(() => c("10.0.0.0/16").subnet(24, 1.5)).toThrow(CidrError);
    expect(() => c("10.0.0.0/16").subnetCount(33)).toThrow(/out of range for IPv4/);
  });
  it("refuses to build more than a million subnets", () => {
    expect(MAX_SUBNETS).toBe(1_000_000);
    expect(() => c("10.0.0.0/8").subnets(32)).toThrow(
      "10.0.0.0/8: splitting into /32 would make 16777216 subnets, more than the limit of 1000000; use subnet(prefix, index) instead",
    );
    expect(() => c("fd00::/48").subnets(128)).toThrow(CidrError);
    expect(c("10.0.0.0/12").subnets(24)).toHaveLength(4096);
  });
  it("supernet clears host bits", () => {
    expect(c("10.1.2.0/24").supernet(8).toString()).toBe("10.0.0.0/8");
    expect(c("10.1.2.0/24").supernet(24).toString()).toBe("10.1.2.0/24");
    expect(c("fd12:3456::/32").supernet(7).toString()).toBe("fc00::/7");
    expect(() => c("10.1.2.0/24").supernet(25)).toThrow(CidrError);
  });
  it("the IPv6 version is reported", () => {
    expect(c("fd00::/8").version).toBe(IpVersion.V6);
  });
});
