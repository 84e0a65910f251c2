import {
  Cidr,
  RESERVED_BLOCKS,
  RFC1918_BLOCKS,
  ULA_BLOCK,
  isRfc1918,
  isUniqueLocal,
  reservedOverlaps,
} from "../../lib/cidr";

const c = (text: string): Cidr => Cidr.parse(text);
const hits = (text: string): string[] => reservedOverlaps(c(text)).map((r) => `${r.ruleId} ${r.cidr}`);

describe("reserved blocks", () => {
  it("lists the B-1/B-3 ranges and the general unusable ones, sorted", () => {
    expect(RESERVED_BLOCKS.map((r) => `${r.ruleId} ${r.cidr} ${r.advisory}`)).toEqual([
      "B-1 0.0.0.0/8 false",
      "B-3 7.0.0.0/8 true",
      "B-1 100.64.0.0/10 false",
      "B-1 127.0.0.0/8 false",
      "B-1 169.254.0.0/16 false",
      "B-1 224.0.0.0/4 false",
      "B-1 240.0.0.0/4 false",
      "B-1 ::1/128 false",
      "B-1 fe80::/10 false",
      "B-1 ff00::/8 false",
    ]);
    for (const r of RESERVED_BLOCKS) expect(r.reason.length).toBeGreaterThan(10);
    expect(RESERVED_BLOCKS.find((r) => r.cidr.toString() === "169.254.0.0/16")?.reason).toMatch(/169\.254\.20\.10/);
    expect(RESERVED_BLOCKS.find((r) => r.cidr.toString() === "100.64.0.0/10")?.reason).toMatch(/RFC 6598/);
  });

  it("is frozen", () => {
    expect(Object.isFrozen(RESERVED_BLOCKS)).toBe(true);
    expect(Object.isFrozen(RESERVED_BLOCKS[0])).toBe(true);
    expect(Object.isFrozen(RFC1918_BLOCKS)).toBe(true);
  });

  it("reports every reserved block a range overlaps", () => {
    expect(hits("10.0.0.0/8")).toEqual([]);
    expect(hits("100.100.0.0/16")).toEqual(["B-1 100.64.0.0/10"]);
    expect(hits("169.254.20.10/32")).toEqual(["B-1 169.254.0.0/16"]);
    expect(hits("7.1.0.0/16")).toEqual(["B-3 7.0.0.0/8"]);
    expect(hits("0.0.0.0/0")).toHaveLength(7);
    expect(hits("96.0.0.0/3")).toEqual(["B-1 100.64.0.0/10", "B-1 127.0.0.0/8"]);
    expect(hits("::/0")).toEqual(["B-1 ::1/128", "B-1 fe80::/10", "B-1 ff00::/8"]);
    expect(hits("fd00::/8")).toEqual([]);
  });
});

describe("private ranges", () => {
  it("RFC 1918 blocks", () => {
    expect(RFC1918_BLOCKS.map(String)).toEqual(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"]);
    expect(isRfc1918(c("10.0.0.0/8"))).toBe(true);
    expect(isRfc1918(c("172.31.255.0/24"))).toBe(true);
    expect(isRfc1918(c("172.32.0.0/16"))).toBe(false);
    expect(isRfc1918(c("172.0.0.0/8"))).toBe(false);
    expect(isRfc1918(c("192.168.0.0/15"))).toBe(false);
    expect(isRfc1918(c("::ffff:10.0.0.0/104"))).toBe(false);
  });
  it("unique local IPv6", () => {
    expect(ULA_BLOCK.toString()).toBe("fc00::/7");
    expect(isUniqueLocal(c("fd00:1234::/112"))).toBe(true);
    expect(isUniqueLocal(c("fc00::/7"))).toBe(true);
    expect(isUniqueLocal(c("fc00::/6"))).toBe(false);
    expect(isUniqueLocal(c("2001:db8::/32"))).toBe(false);
    expect(isUniqueLocal(c("10.0.0.0/8"))).toBe(false);
  });
});
