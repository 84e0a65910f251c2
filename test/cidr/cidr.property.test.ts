import fc from "fast-check";
import { Cidr, IpVersion, formatAddress, parseAddress } from "../../lib/cidr";
import { anyCidr, relatedTo, v4Cidr, v4Value, v6Cidr, v6Value } from "./arbitraries";

/** Uncompressed, zero-padded, upper-case IPv6 text: a different spelling of the same address. */
function longForm(value: bigint): string {
  return value.toString(16).toUpperCase().padStart(32, "0").replace(/(.{4})(?!$)/g, "$1:");
}

describe("parse/format round trips", () => {
  it("IPv4 addresses and blocks", () => {
    fc.assert(
      fc.property(v4Value, v4Cidr, (value, c) => {
        expect(parseAddress(formatAddress(value, IpVersion.V4))).toEqual({ version: IpVersion.V4, value });
        expect(Cidr.parse(c.toString()).equals(c)).toBe(true);
      }),
    );
  });

  it("IPv6 addresses and blocks, from canonical and long spellings", () => {
    fc.assert(
      fc.property(v6Value, v6Cidr, (value, c) => {
        const text = formatAddress(value, IpVersion.V6);
        expect(text).toBe(text.toLowerCase());
        expect(text).not.toMatch(/(^|:)0[0-9a-f]/);
        expect(parseAddress(text)).toEqual({ version: IpVersion.V6, value });
        expect(parseAddress(longForm(value)).value).toBe(value);
        expect(Cidr.parse(c.toString()).equals(c)).toBe(true);
        expect(Cidr.parse(`${longForm(c.start)}/${c.prefix}`).toString()).toBe(c.toString());
      }),
    );
  });
});

describe("overlap and containment", () => {
  const pairs = anyCidr.chain((a) => fc.tuple(fc.constant(a), fc.oneof(relatedTo(a), anyCidr)));

  it("overlap is symmetric and, CIDRs being laminar, means one contains the other", () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        expect(a.overlaps(b)).toBe(b.overlaps(a));
        expect(a.overlaps(b)).toBe(a.contains(b) || b.contains(a));
        expect(a.equals(b)).toBe(a.contains(b) && b.contains(a));
        expect(Math.sign(Cidr.compare(a, b)) + Math.sign(Cidr.compare(b, a))).toBe(0);
      }),
    );
  });

  it("a block contains each of its subnets, which tile it exactly", () => {
    const splits = anyCidr.chain((c) =>
      fc.tuple(fc.constant(c), fc.integer({ min: c.prefix, max: Math.min(c.maxPrefix, c.prefix + 8) }), fc.nat()),
    );
    fc.assert(
      fc.property(splits, ([c, newPrefix, pick]) => {
        const subs = c.subnets(newPrefix);
        expect(BigInt(subs.length)).toBe(c.subnetCount(newPrefix));
        expect(subs[0].start).toBe(c.start);
        expect(subs[subs.length - 1].end).toBe(c.end);
        for (let i = 0; i < subs.length; i++) {
          expect(c.contains(subs[i])).toBe(true);
          expect(subs[i].prefix).toBe(newPrefix);
          expect(subs[i].supernet(c.prefix).equals(c)).toBe(true);
          if (i > 0) expect(subs[i].start).toBe(subs[i - 1].end + 1n);
        }
        const i = pick % subs.length;
        expect(c.subnet(newPrefix, i).equals(subs[i])).toBe(true);
        expect(c.size).toBe(subs[0].size * BigInt(subs.length));
      }),
    );
  });

  it("a supernet contains the block, and the addresses at its ends", () => {
    const widen = anyCidr.chain((c) => fc.tuple(fc.constant(c), fc.integer({ min: 0, max: c.prefix })));
    fc.assert(
      fc.property(widen, ([c, p]) => {
        const s = c.supernet(p);
        expect(s.contains(c)).toBe(true);
        expect(s.containsAddress(c.firstAddress) && s.containsAddress(c.lastAddress)).toBe(true);
        expect(s.prefix).toBe(p);
      }),
    );
  });
});
