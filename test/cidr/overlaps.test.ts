import { Cidr, findOverlaps, findOverlapsNaive } from "../../lib/cidr";

const cs = (...texts: string[]): Cidr[] => texts.map((t) => Cidr.parse(t));
const pairs = (ranges: Cidr[]): string[] => {
  const fast = findOverlaps(ranges);
  expect(findOverlapsNaive(ranges)).toEqual(fast);
  return fast.map((p) => `${p.a}-${p.b}`);
};

describe("findOverlaps", () => {
  it("finds nothing in empty, single and disjoint inputs", () => {
    expect(pairs([])).toEqual([]);
    expect(pairs(cs("10.0.0.0/8"))).toEqual([]);
    expect(pairs(cs("10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/23"))).toEqual([]);
  });

  it("reports equal ranges, including triples", () => {
    expect(pairs(cs("10.0.0.0/24", "10.0.0.0/24", "10.1.0.0/16", "10.0.0.0/24"))).toEqual(["0-1", "0-3", "1-3"]);
  });

  it("reports every pair in a nested chain, whatever the input order", () => {
    expect(pairs(cs("10.0.0.0/24", "10.0.0.0/8", "10.0.0.0/28", "10.0.0.0/16"))).toEqual(["0-1", "0-2", "0-3", "1-2", "1-3", "2-3"]);
  });

  it("pops closed ranges: siblings inside a parent overlap the parent only", () => {
    expect(pairs(cs("10.0.1.0/24", "10.0.0.0/16", "10.0.0.0/24", "10.0.0.128/25", "10.1.0.0/16"))).toEqual(["0-1", "1-2", "1-3", "2-3"]);
  });

  it("never pairs different versions, even with equal integers", () => {
    expect(pairs(cs("0.0.0.0/0", "::/0", "::/96", "10.0.0.0/8", "::ffff:0:0/96"))).toEqual(["0-3", "1-2", "1-4"]);
  });

  it("handles a range that starts where a chain ends", () => {
    expect(pairs(cs("10.0.0.0/23", "10.0.1.0/24", "10.0.1.255/32", "10.0.2.0/24"))).toEqual(["0-1", "0-2", "1-2"]);
  });
});
