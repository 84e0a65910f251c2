import fc from "fast-check";
import { findOverlaps, findOverlapsNaive } from "../../lib/cidr";
import { rangeSets } from "./arbitraries";

describe("findOverlaps properties", () => {
  it("agrees with findOverlapsNaive on sets rich in nested and equal ranges", () => {
    let withPairs = 0;
    fc.assert(
      fc.property(rangeSets, (ranges) => {
        const fast = findOverlaps(ranges);
        expect(fast).toEqual(findOverlapsNaive(ranges));
        for (const { a, b } of fast) {
          expect(a).toBeLessThan(b);
          expect(ranges[b].overlaps(ranges[a])).toBe(true);
        }
        if (fast.length > 0) withPairs++;
      }),
      { numRuns: 300 },
    );
    // the generator must actually produce overlaps most of the time
    expect(withPairs).toBeGreaterThan(150);
  });
});
