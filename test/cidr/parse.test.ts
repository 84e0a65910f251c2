import { Cidr, CidrError, IpVersion, formatAddress, parseAddress } from "../../lib/cidr";

function errorOf(fn: () => unknown): CidrError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CidrError) return e;
    throw new Error(`expected a CidrError, got ${String(e)}`);
  }
  throw new Error("expected a CidrError, nothing was thrown");
}

describe("Cidr.parse accepts", () => {
  it.each([
    ["10.0.0.0/8", "10.0.0.0/8", IpVersion.V4],
    ["0.0.0.0/0", "0.0.0.0/0", IpVersion.V4],
    ["192.168.1.7/32", "192.168.1.7/32", IpVersion.V4],
    ["fd00::/64", "fd00::/64", IpVersion.V6],
    ["FD00:0000:0000:0000::/64", "fd00::/64", IpVersion.V6],
    ["2001:DB8:0:0:1::/80", "2001:db8:0:0:1::/80", IpVersion.V6],
    ["::/0", "::/0", IpVersion.V6],
    ["::1/128", "::1/128", IpVersion.V6],
    ["::ffff:10.0.0.0/104", "::ffff:10.0.0.0/104", IpVersion.V6],
    ["::ffff:a00:1/128", "::ffff:10.0.0.1/128", IpVersion.V6],
    ["64:ff9b::192.0.2.0/120", "64:ff9b::c000:200/120", IpVersion.V6],
  ])("%s -> %s", (text, canonical, version) => {
    const c = Cidr.parse(text);
    expect(c.toString()).toBe(canonical);
    expect(c.version).toBe(version);
    expect(Cidr.tryParse(text)?.equals(c)).toBe(true);
  });

  it("exposes start, end, prefix as exact integers", () => {
    const c = Cidr.parse("10.0.0.0/8");
    expect(c.start).toBe(0x0a000000n);
    expect(c.end).toBe(0x0affffffn);
    expect(c.prefix).toBe(8);
    const v6 = Cidr.parse("fd00::/8");
    expect(v6.start).toBe(0xfdn << 120n);
    expect(v6.end).toBe((0xfen << 120n) - 1n);
  });

  it("serialises to its text in JSON", () => {
    expect(JSON.stringify({ c: Cidr.parse("10.1.0.0/16") })).toBe('{"c":"10.1.0.0/16"}');
  });
});

describe("Cidr.parse rejects with actionable messages", () => {
  it.each([
    ["10.0.3.1/28", "10.0.3.1/28 has host bits set; did you mean 10.0.3.0/28?"],
    ["2001:db8::1/64", "2001:db8::1/64 has host bits set; did you mean 2001:db8::/64?"],
    ["10.0.0.0/33", "10.0.0.0/33: prefix length 33 is out of range for IPv4 (0-32)"],
    ["fd00::/129", "fd00::/129: prefix length 129 is out of range for IPv6 (0-128)"],
    ["10.0.0.0/99999999999", "10.0.0.0/99999999999: prefix length 99999999999 is out of range for IPv4 (0-32)"],
    ["10.0.0/16", "10.0.0/16: '10.0.0' is not an IPv4 address"],
    ["not-a-cidr", "not-a-cidr: not a CIDR block (expected address/prefix, e.g. 10.0.0.0/16)"],
    ["10.0.0.0", "10.0.0.0: missing prefix length (write 10.0.0.0/32 for a single address, or 10.0.0.0/N for a block)"],
    ["fd00::", "fd00::: missing prefix length (write fd00::/128 for a single address, or fd00::/N for a block)"],
    ["10.0.0.0/", "10.0.0.0/: missing prefix length after '/' (e.g. 10.0.0.0/24)"],
    ["/8", "/8: missing address before '/' (expected address/prefix, e.g. 10.0.0.0/16)"],
    [
      "010.0.0.0/8",
      "010.0.0.0/8: '010.0.0.0' has a leading zero in octet '010', which is ambiguous (some tools read it as octal); write 10.0.0.0 if decimal was meant",
    ],
    ["10.0.0.0/08", "10.0.0.0/08: prefix length '08' has a leading zero; write 10.0.0.0/8"],
    [" 10.0.0.0/8", '" 10.0.0.0/8": stray whitespace (a space at the start); remove it (CIDR text is not trimmed)'],
    ["10.0.0.0/8\n", '"10.0.0.0/8\\n": stray whitespace (a newline at the end); remove it (CIDR text is not trimmed)'],
    ["10.0.0.0 /8", '"10.0.0.0 /8": stray whitespace (a space at position 9); remove it (CIDR text is not trimmed)'],
    [
      "fe80::1%eth0/64",
      "fe80::1%eth0/64: 'fe80::1%eth0' has an IPv6 zone id '%eth0', which names a local interface and is not allowed here; remove it",
    ],
    ["10.0.0.256/32", "10.0.0.256/32: '10.0.0.256' is not an IPv4 address (octet 256 is greater than 255)"],
    ["10.0.0.0/8/9", "10.0.0.0/8/9: not a CIDR block (more than one '/'; expected address/prefix, e.g. 10.0.0.0/16)"],
    ["10.0.0.0/255.255.0.0", "10.0.0.0/255.255.0.0: '255.255.0.0' is a netmask, not a prefix length; write 10.0.0.0/16"],
    ["10.0.0.0/x", "10.0.0.0/x: prefix length 'x' is not a whole number (expected 0-32 for IPv4)"],
    ["abc/8", "abc/8: 'abc' is not an IP address (expected e.g. 10.0.0.1 or fd00::1)"],
    ["1::2::3/64", "1::2::3/64: '1::2::3' is not an IPv6 address ('::' may appear only once)"],
    ["1:2:3:4:5:6:7:8:9/64", "1:2:3:4:5:6:7:8:9/64: '1:2:3:4:5:6:7:8:9' is not an IPv6 address (9 groups of 16 bits, expected 8)"],
    ["1:2:3:4:5:6:7/64", "1:2:3:4:5:6:7/64: '1:2:3:4:5:6:7' is not an IPv6 address (7 groups of 16 bits, expected 8)"],
    ["12345::/16", "12345::/16: '12345::' is not an IPv6 address (group '12345' is not 1-4 hex digits)"],
    [":1::/16", ":1::/16: ':1::' is not an IPv6 address (a single ':' cannot start or end an address)"],
    ["", "empty string is not a CIDR block (expected address/prefix, e.g. 10.0.0.0/16)"],
  ])("%j", (text, message) => {
    const err = errorOf(() => Cidr.parse(text));
    expect(err.message).toBe(message);
    expect(err.input).toBe(text);
    expect(err.name).toBe("CidrError");
    expect(err).toBeInstanceOf(Error);
    expect(Cidr.tryParse(text)).toBeUndefined();
  });

  it("rejects non-string input from untyped callers with a CidrError", () => {
    const untyped = Cidr.parse as (text: unknown) => Cidr;
    expect(() => untyped(42)).toThrow(CidrError);
  });
});

describe("Cidr.fromBigInt", () => {
  it("builds aligned blocks", () => {
    expect(Cidr.fromBigInt(IpVersion.V4, 0x0a000300n, 24).toString()).toBe("10.0.3.0/24");
    expect(Cidr.fromBigInt(IpVersion.V6, 0xfdn << 120n, 8).toString()).toBe("fd00::/8");
  });
  it("rejects host bits, bad prefixes and out-of-range starts", () => {
    expect(() => Cidr.fromBigInt(IpVersion.V4, 0x0a000301n, 28)).toThrow("10.0.3.1/28 has host bits set; did you mean 10.0.3.0/28?");
    expect(() => Cidr.fromBigInt(IpVersion.V4, 0n, 33)).toThrow("0.0.0.0/33: prefix length 33 is out of range for IPv4 (0-32)");
    expect(() => Cidr.fromBigInt(IpVersion.V4, 0n, 1.5)).toThrow("0.0.0.0/1.5: prefix length 1.5 is not an integer");
    expect(() => Cidr.fromBigInt(IpVersion.V4, 1n << 32n, 32)).toThrow("4294967296 is outside the IPv4 address space (0 to 4294967295)");
    expect(() => Cidr.fromBigInt(IpVersion.V4, -1n, 32)).toThrow(CidrError);
    expect(() => Cidr.fromBigInt(5 as IpVersion, 0n, 0)).toThrow("IP version must be 4 or 6 (got 5)");
  });
});

describe("parseAddress / formatAddress", () => {
  it.each([
    ["10.1.2.3", IpVersion.V4, 0x0a010203n, "10.1.2.3"],
    ["255.255.255.255", IpVersion.V4, 0xffffffffn, "255.255.255.255"],
    ["::", IpVersion.V6, 0n, "::"],
    ["::1", IpVersion.V6, 1n, "::1"],
    ["1::", IpVersion.V6, 1n << 112n, "1::"],
    ["2001:db8:0:0:1:0:0:1", IpVersion.V6, 0x20010db8000000000001000000000001n, "2001:db8::1:0:0:1"],
    ["2001:0:0:1:0:0:0:1", IpVersion.V6, 0x20010000000000010000000000000001n, "2001:0:0:1::1"],
    ["2001:db8:0:1:1:1:1:1", IpVersion.V6, 0x20010db8000000010001000100010001n, "2001:db8:0:1:1:1:1:1"],
    ["1:2:3:4:5:6:7::", IpVersion.V6, 0x00010002000300040005000600070000n, "1:2:3:4:5:6:7:0"],
    ["::FFFF:192.168.0.1", IpVersion.V6, 0xffffc0a80001n, "::ffff:192.168.0.1"],
    ["::0.0.0.1", IpVersion.V6, 1n, "::1"],
  ])("%s", (text, version, value, canonical) => {
    expect(parseAddress(text)).toEqual({ version, value });
    expect(formatAddress(value, version)).toBe(canonical);
  });

  it("rejects bad text with the reason", () => {
    expect(() => parseAddress("10.0.0")).toThrow("'10.0.0' is not an IPv4 address");
    expect(() => parseAddress("01.2.3.4")).toThrow(/leading zero in octet '01'/);
    expect(() => parseAddress("fe80::1%1")).toThrow(/zone id '%1'/);
    expect(() => parseAddress("1.2.3.4::")).toThrow(/embedded IPv4 address may only be the last part/);
    expect(() => parseAddress("::1.2.3")).toThrow(/embedded IPv4 part: '1.2.3' is not an IPv4 address/);
    expect(() => parseAddress("10.0.0.1 ")).toThrow("'10.0.0.1 ' contains stray whitespace (a space at the end); remove it");
    expect(() => parseAddress("")).toThrow("empty address");
  });

  it("rejects values outside the address space", () => {
    expect(() => formatAddress(1n << 32n, IpVersion.V4)).toThrow(CidrError);
    expect(() => formatAddress(-1n, IpVersion.V6)).toThrow(CidrError);
  });
});
