import { Cidr } from "./cidr";

/** Two overlapping inputs, as indexes into the array given (a < b). */
export interface OverlapPair {
  readonly a: number;
  readonly b: number;
}

/**
 * Orders pairs by (a, b) in O(n + k): a stable counting sort by b, then one by a.
 * `first`/`second` hold unordered index pairs; each pair is normalised so a < b.
 */
function sortPairs(n: number, first: number[], second: number[]): OverlapPair[] {
  const k = first.length;
  const lo = new Int32Array(k);
  const hi = new Int32Array(k);
  for (let i = 0; i < k; i++) {
    lo[i] = Math.min(first[i], second[i]);
    hi[i] = Math.max(first[i], second[i]);
  }
  const countingSort = (keys: Int32Array, order: Int32Array): Int32Array => {
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < k; i++) offsets[keys[order[i]] + 1]++;
    for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
    const out = new Int32Array(k);
    for (let i = 0; i < k; i++) out[offsets[keys[order[i]]]++] = order[i];
    return out;
  };
  const identity = new Int32Array(k);
  for (let i = 0; i < k; i++) identity[i] = i;
  const order = countingSort(lo, countingSort(hi, identity));
  const pairs: OverlapPair[] = new Array<OverlapPair>(k);
  for (let i = 0; i < k; i++) pairs[i] = { a: lo[order[i]], b: hi[order[i]] };
  return pairs;
}

/**
 * Every pair of overlapping ranges, sorted by (a, b); equal ranges and every level of a nested chain
 * are reported. Ranges of different versions never overlap.
 *
 * O(n log n + k): CIDR blocks are laminar (two blocks are disjoint or one contains the other), so
 * after sorting by (version, start, prefix) the blocks still open at a new block's start form a
 * chain of containers, kept on a stack; the new block overlaps exactly the blocks on the stack.
 */
export function findOverlaps(ranges: Cidr[]): OverlapPair[] {
  const n = ranges.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((x, y) => Cidr.compare(ranges[x], ranges[y]) || x - y);
  const first: number[] = [];
  const second: number[] = [];
  const stack: number[] = [];
  for (const i of order) {
    const r = ranges[i];
    while (stack.length > 0) {
      const top = ranges[stack[stack.length - 1]];
      if (top.version === r.version && top.end >= r.start) break;
      stack.pop();
    }
    for (const j of stack) {
      first.push(j);
      second.push(i);
    }
    stack.push(i);
  }
  return sortPairs(n, first, second);
}

/** O(n^2) reference for {@link findOverlaps}: tests every pair. Same output. */
export function findOverlapsNaive(ranges: Cidr[]): OverlapPair[] {
  const pairs: OverlapPair[] = [];
  for (let a = 0; a < ranges.length; a++) {
    for (let b = a + 1; b < ranges.length; b++) {
      if (ranges[a].overlaps(ranges[b])) pairs.push({ a, b });
    }
  }
  return pairs;
}
