import { Cidr } from "./cidr";
import { IpVersion, addressBits } from "./ip-version";
import { bitLength } from "./prefix";

/** A free block found by {@link FreeBlocks.findLowest}: where it is stored and the address chosen in it. */
export interface FreeSlot {
  readonly level: number;
  readonly index: number;
  /** Start of the aligned block to allocate. */
  readonly start: bigint;
}

/** First index in the sorted array whose value is >= x. */
function lowerBound(values: bigint[], x: bigint): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sorted, merged [start, end] intervals covered by the blocks. */
function mergedIntervals(blocks: Cidr[]): Array<[bigint, bigint]> {
  const sorted = [...blocks].sort(Cidr.compare);
  const out: Array<[bigint, bigint]> = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && b.start <= last[1] + 1n) {
      if (b.end > last[1]) last[1] = b.end;
    } else {
      out.push([b.start, b.end]);
    }
  }
  return out;
}

/**
 * Free address space of one IP version, kept as maximal aligned free blocks (buddy-style), one
 * sorted array of block starts per block size. Invariant: no free block's parent (the aligned block
 * twice its size) is entirely free, so every free aligned block lies inside one stored block.
 * Allocation only ever removes space (carving never frees), so blocks are split, never merged.
 */
export class FreeBlocks {
  private readonly bits: number;
  /** levels[L]: sorted starts of free blocks of 2^L addresses. */
  private readonly levels: bigint[][];
  private readonly sizes: bigint[];

  /** Free space = union of `pools` minus union of `taken` (blocks of other versions are ignored). */
  constructor(version: IpVersion, pools: Cidr[], taken: Cidr[]) {
    this.bits = addressBits(version);
    this.levels = Array.from({ length: this.bits + 1 }, () => []);
    this.sizes = Array.from({ length: this.bits + 1 }, (_, L) => 1n << BigInt(L));
    const free = mergedIntervals(pools.filter((p) => p.version === version));
    const used = mergedIntervals(taken.filter((t) => t.version === version));
    let u = 0;
    for (const [lo0, hi] of free) {
      let lo = lo0;
      while (u < used.length && used[u][1] < lo) u++;
      for (let v = u; v < used.length && used[v][0] <= hi && lo <= hi; v++) {
        if (used[v][0] > lo) this.addRange(lo, used[v][0] - 1n);
        if (used[v][1] + 1n > lo) lo = used[v][1] + 1n;
      }
      if (lo <= hi) this.addRange(lo, hi);
    }
  }

  /** Appends the aligned decomposition of [lo, hi] (ranges arrive in ascending order, so levels stay sorted). */
  private addRange(lo: bigint, hi: bigint): void {
    let s = lo;
    while (s <= hi) {
      const align = s === 0n ? this.bits : bitLength(s & -s) - 1;
      const fit = bitLength(hi - s + 1n) - 1;
      const level = Math.min(align, fit);
      this.levels[level].push(s);
      s += this.sizes[level];
    }
  }

  private insert(level: number, start: bigint): void {
    const values = this.levels[level];
    values.splice(lowerBound(values, start), 0, start);
  }

  /**
   * Lowest-addressed free aligned /prefix block inside `pool` (caller guarantees pool.prefix <=
   * prefix <= bits). Looks, for each block size at least the request's, for the first free block
   * meeting the pool; CIDRs being laminar, that block is either inside the pool (its start is a
   * candidate) or contains it (the pool's start is).
   */
  findLowest(pool: Cidr, prefix: number): FreeSlot | undefined {
    let best: FreeSlot | undefined;
    for (let level = this.bits - prefix; level <= this.bits; level++) {
      const values = this.levels[level];
      if (values.length === 0) continue;
      const index = lowerBound(values, pool.start - this.sizes[level] + 1n);
      if (index >= values.length || values[index] > pool.end) continue;
      const start = values[index] > pool.start ? values[index] : pool.start;
      if (best === undefined || start < best.start) best = { level, index, start };
      if (start === pool.start) break;
    }
    return best;
  }

  /** Marks the /prefix block at slot.start used, splitting the free block that holds it. */
  take(slot: FreeSlot, prefix: number): void {
    const target = this.bits - prefix;
    let level = slot.level;
    let cur = this.levels[level][slot.index];
    this.levels[level].splice(slot.index, 1);
    while (level > target) {
      level--;
      const half = this.sizes[level];
      if (slot.start < cur + half) {
        this.insert(level, cur + half);
      } else {
        this.insert(level, cur);
        cur += half;
      }
    }
  }

  /** Size of the largest free aligned block inside `pool` (the pool's size if it is all free; 0 if full). */
  largestFree(pool: Cidr): bigint {
    const poolLevel = this.bits - pool.prefix;
    for (let level = this.bits; level >= 0; level--) {
      const values = this.levels[level];
      if (values.length === 0) continue;
      if (level >= poolLevel) {
        const index = lowerBound(values, pool.start - this.sizes[level] + 1n);
        if (index < values.length && values[index] <= pool.end) return this.sizes[poolLevel];
      } else {
        const index = lowerBound(values, pool.start);
        if (index < values.length && values[index] <= pool.end) return this.sizes[level];
      }
    }
    return 0n;
  }
}
