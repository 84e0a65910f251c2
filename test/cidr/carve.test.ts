import { CarveRequest, Cidr, CidrError, carve, carveNaive } from "../../lib/cidr";

const c = (text: string): Cidr => Cidr.parse(text);
const req = (id: string, prefix: number, hold?: boolean): CarveRequest => (hold === undefined ? { id, prefix } : { id, prefix, hold });
const shown = (r: ReturnType<typeof carve>): string[] => r.allocations.map((a) => `${a.id} ${a.cidr}${a.held ? " held" : ""}`);

/** Runs both implementations and checks they agree before returning the fast one's result. */
function both(pools: Cidr[], requests: CarveRequest[], taken?: Cidr[]): ReturnType<typeof carve> {
  const fast = carve(pools, requests, taken);
  expect(carveNaive(pools, requests, taken)).toEqual(fast);
  return fast;
}

describe("carve", () => {
  it("allocates in request order, lowest aligned block first, back-filling holes", () => {
    const r = both([c("10.0.0.0/16")], [req("a", 28), req("b", 24), req("c", 28), req("d", 26), req("e", 25)]);
    expect(shown(r)).toEqual(["a 10.0.0.0/28", "b 10.0.1.0/24", "c 10.0.0.16/28", "d 10.0.0.64/26", "e 10.0.0.128/25"]);
    expect(r.failures).toEqual([]);
  });

  it("aligns every block to its own size", () => {
    const r = both([c("10.0.0.0/16")], [req("a", 30), req("b", 20), req("c", 19)]);
    expect(shown(r)).toEqual(["a 10.0.0.0/30", "b 10.0.16.0/20", "c 10.0.32.0/19"]);
  });

  it("keeps holds in place so removing a request does not shift the others", () => {
    const before = both([c("10.0.0.0/24")], [req("a", 26), req("b", 26), req("c", 26)]);
    const after = both([c("10.0.0.0/24")], [req("a", 26), req("b", 26, true), req("c", 26)]);
    expect(shown(before)).toEqual(["a 10.0.0.0/26", "b 10.0.0.64/26", "c 10.0.0.128/26"]);
    expect(shown(after)).toEqual(["a 10.0.0.0/26", "b 10.0.0.64/26 held", "c 10.0.0.128/26"]);
    const dropped = both([c("10.0.0.0/24")], [req("a", 26), req("c", 26)]);
    expect(shown(dropped)).toEqual(["a 10.0.0.0/26", "c 10.0.0.64/26"]);
  });

  it("avoids taken ranges, including ones that straddle pools or are of another version", () => {
    const r = both(
      [c("10.0.0.0/24")],
      [req("a", 26), req("b", 28), req("c", 26)],
      [c("10.0.0.0/26"), c("10.0.0.64/28"), c("fd00::/8"), c("10.0.0.192/26"), c("9.0.0.0/8")],
    );
    expect(shown(r)).toEqual(["a 10.0.0.128/26", "b 10.0.0.80/28"]);
    expect(r.failures).toEqual([
      {
        id: "c",
        prefix: 26,
        missingAddresses: 32n,
        message: "c: no free /26 (64 addresses) in pool 10.0.0.0/24; it has at most a /27 (32 addresses) free in one aligned block: 32 addresses short",
      },
    ]);
  });

  it("tries pools in the given order, not by address", () => {
    const r = both([c("10.1.0.0/24"), c("10.0.0.0/16")], [req("a", 25), req("b", 25), req("c", 25), req("d", 23)]);
    expect(shown(r)).toEqual(["a 10.1.0.0/25", "b 10.1.0.128/25", "c 10.0.0.0/25", "d 10.0.2.0/23"]);
  });

  it("never places a request in a pool smaller than it, and keeps going after failures", () => {
    const r = both([c("10.0.0.0/24"), c("10.9.0.0/20")], [req("big", 22), req("huge", 16), req("small", 28)]);
    expect(shown(r)).toEqual(["big 10.9.0.0/22", "small 10.0.0.0/28"]);
    expect(r.failures).toEqual([
      {
        id: "huge",
        prefix: 16,
        missingAddresses: 63488n,
        message:
          "huge: no free /16 (65,536 addresses) in pools 10.0.0.0/24, 10.9.0.0/20; the closest, 10.9.0.0/20, has at most a /21 (2,048 addresses) free in one aligned block: 63,488 addresses short",
      },
    ]);
  });

  it("reports a pool that is entirely free but too small", () => {
    const r = both([c("10.0.0.0/24")], [req("x", 23)]);
    expect(r.failures).toEqual([
      {
        id: "x",
        prefix: 23,
        missingAddresses: 256n,
        message: "x: no free /23 (512 addresses) in pool 10.0.0.0/24; the pool holds only 256 addresses: 256 addresses short",
      },
    ]);
  });

  it("reports a full pool", () => {
    const r = both([c("10.0.0.0/30")], [req("a", 30), req("b", 32)]);
    expect(r.failures[0].missingAddresses).toBe(1n);
    expect(r.failures[0].message).toBe(
      "b: no free /32 (1 address) in pool 10.0.0.0/30; it has no free addresses left: 1 address short",
    );
  });

  it("handles overlapping and nested pools as one shared space", () => {
    const r = both([c("10.0.0.0/25"), c("10.0.0.0/24")], [req("a", 25), req("b", 26), req("c", 25)]);
    expect(shown(r)).toEqual(["a 10.0.0.0/25", "b 10.0.0.128/26"]);
    expect(r.failures.map((f) => [f.id, f.missingAddresses])).toEqual([["c", 64n]]);
  });

  it("carves IPv6 pools and mixed-version pool lists", () => {
    const r = both([c("10.0.0.0/24"), c("fd00::/56")], [req("v4", 26), req("v6", 64), req("v6b", 64), req("any", 120)]);
    expect(shown(r)).toEqual(["v4 10.0.0.0/26", "v6 fd00::/64", "v6b fd00:0:0:1::/64", "any fd00:0:0:2::/120"]);
  });

  it("fails prefixes no pool's family has, and empty pool lists", () => {
    const r = both([c("10.0.0.0/8")], [req("a", 40)]);
    expect(r.failures[0].message).toBe("a: /40 is longer than the pools' address family allows (pools: 10.0.0.0/8)");
    expect(r.failures[0].missingAddresses).toBe(1n << 88n);
    const none = both([], [req("a", 24)]);
    expect(none.failures).toEqual([{ id: "a", prefix: 24, missingAddresses: 256n, message: "a: no pool to carve a /24 from" }]);
  });

  it("throws for prefixes that are not prefix lengths at all", () => {
    expect(() => carve([c("10.0.0.0/8")], [req("bad", 24.5)])).toThrow(
      "carve request 'bad': prefix 24.5 is not a prefix length (expected a whole number 0-128)",
    );
    expect(() => carveNaive([c("10.0.0.0/8")], [req("bad", 129)])).toThrow(CidrError);
  });

  it("carves 10,000 mixed requests in a /8 quickly", () => {
    const requests: CarveRequest[] = [];
    let seed = 7;
    for (let i = 0; i < 10_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      requests.push(req(`r${i}`, 24 + (seed % 5)));
    }
    const t0 = process.hrtime.bigint();
    const r = carve([c("10.0.0.0/8")], requests);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    expect(r.allocations).toHaveLength(10_000);
    expect(ms).toBeLessThan(1000);
  });
});
