/**
 * formatCount (issue 12: plans format counts without loading ICU) gives exactly what
 * `toLocaleString("en-US")` gives, for every number.
 */
import fc from "fast-check";
import { formatCount } from "../../lib/plan/format-count";

test("formatCount equals toLocaleString(\"en-US\") on edge values", () => {
  const edges = [0, -0, 1, -1, 9, 10, 99, 100, 999, 1000, -1000, 9999, 10000, 12345, 999999, 1000000, 1234567, 15000, 65536,
    2 ** 32, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, 1e21, 0.5, 1234.5678, -0.0001, Number.NaN, Infinity, -Infinity];
  for (const n of edges) expect([n, formatCount(n)]).toEqual([n, n.toLocaleString("en-US")]);
});

test("formatCount equals toLocaleString(\"en-US\") on integers and doubles", () => {
  fc.assert(fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double()), (n) => formatCount(n) === n.toLocaleString("en-US")), { numRuns: 2000, seed: 12 });
});
