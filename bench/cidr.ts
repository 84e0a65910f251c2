/**
 * In-process benchmarks of lib/cidr's fast algorithms against their naive baselines.
 * Build with `npx tsc -p tsconfig.json`, then:
 *   node -e "console.table(require('./dist/bench/cidr.js').runCidrBenchmarks())"
 * or `node dist/bench/cidr.js`.
 */
import { CarveRequest, CarveResult, Cidr, IpVersion, carve, carveNaive, findOverlaps, findOverlapsNaive } from "../lib/cidr";

export interface BenchFigure {
  name: string;
  fastMs: number;
  baselineMs: number;
  /** baselineMs / fastMs, both measured on the same input. */
  ratio: number;
  detail: string;
}

export interface CidrBenchOptions {
  /** Ranges for findOverlaps (default 100,000). */
  readonly overlapRanges?: number;
  /** vSwitch-sized requests carved from a /8 (default 10,000). */
  readonly carveRequests?: number;
  /** If a naive baseline is projected to take longer than this at full size, it runs on a smaller n (default 20,000 ms). */
  readonly naiveBudgetMs?: number;
  /** Target time for a reduced-size naive run (default 8,000 ms). */
  readonly reducedNaiveMs?: number;
  /** Seed of the deterministic data generator. */
  readonly seed?: number;
}

/** mulberry32: small deterministic PRNG returning [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function timeMs<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

/** Median of `runs` timings (after one warm-up run on the same input). */
function medianMs<T>(fn: () => T, runs: number): { ms: number; value: T } {
  fn();
  const samples: Array<{ ms: number; value: T }> = [];
  for (let i = 0; i < runs; i++) samples.push(timeMs(fn));
  samples.sort((x, y) => x.ms - y.ms);
  return samples[Math.floor(samples.length / 2)];
}

const round = (x: number, digits = 1): number => Math.round(x * 10 ** digits) / 10 ** digits;
const fmt = (n: number): string => n.toLocaleString("en-US");

/**
 * An inventory-like mix, shuffled: ~3% VPC-like /16s (a third from 10.0.0.0/8, some from
 * 172.16.0.0/12 and 192.168.0.0/16, which repeat heavily as real inventories do, the rest spread
 * over other /16s), ~96% /20-/28 blocks inside random VPCs, ~1% exact duplicates of earlier blocks.
 */
export function inventoryRanges(n: number, seed = 1): Cidr[] {
  const rnd = prng(seed);
  const int = (k: number): number => Math.floor(rnd() * k);
  const vpcCount = Math.max(1, Math.round(n * 0.03));
  const vpcs: Cidr[] = [];
  for (let i = 0; i < vpcCount; i++) {
    const r = rnd();
    let slash16: number;
    if (r < 0.35) slash16 = (10 << 8) | int(256);
    else if (r < 0.42) slash16 = (172 << 8) | (16 + int(16));
    else if (r < 0.45) slash16 = (192 << 8) | 168;
    else slash16 = ((11 + int(89)) << 8) | int(256);
    vpcs.push(Cidr.fromBigInt(IpVersion.V4, BigInt(slash16) << 16n, 16));
  }
  const out: Cidr[] = [...vpcs];
  while (out.length < n) {
    if (rnd() < 0.01 && out.length > vpcCount) {
      out.push(out[vpcCount + int(out.length - vpcCount)]);
      continue;
    }
    const vpc = vpcs[int(vpcs.length)];
    const prefix = 20 + int(9);
    out.push(vpc.subnet(prefix, int(Number(vpc.subnetCount(prefix)))));
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** vSwitch-sized requests, /20../28, in a random order. */
export function vswitchRequests(n: number, seed = 2): CarveRequest[] {
  const rnd = prng(seed);
  return Array.from({ length: n }, (_, i) => ({ id: `vsw-${i}`, prefix: 20 + Math.floor(rnd() * 9) }));
}

/**
 * Picks the size the naive baseline runs at: the full size if a quadratic projection from a probe
 * run fits the budget, else the largest round size projected to take about `reducedMs`.
 */
function naiveSize(full: number, probeSize: number, probeMs: number, budgetMs: number, reducedMs: number): number {
  const projectedFull = probeMs * (full / probeSize) ** 2;
  if (projectedFull <= budgetMs) return full;
  const n = probeSize * Math.sqrt(reducedMs / Math.max(probeMs, 0.001));
  const step = n >= 10_000 ? 5_000 : 500;
  return Math.max(probeSize, Math.min(full, Math.floor(n / step) * step));
}

function overlapFigure(options: Required<CidrBenchOptions>): BenchFigure {
  const full = options.overlapRanges;
  const ranges = inventoryRanges(full, options.seed);
  const fastFull = medianMs(() => findOverlaps(ranges), 3);

  const probeSize = Math.min(full, 5_000);
  const probe = timeMs(() => findOverlapsNaive(ranges.slice(0, probeSize)));
  const n = naiveSize(full, probeSize, probe.ms, options.naiveBudgetMs, options.reducedNaiveMs);
  const subset = n === full ? ranges : ranges.slice(0, n);
  const naive = timeMs(() => findOverlapsNaive(subset));
  const fast = n === full ? fastFull : medianMs(() => findOverlaps(subset), 3);
  if (naive.value.length !== fast.value.length) {
    throw new Error(`findOverlaps disagrees with findOverlapsNaive on ${n} ranges: ${fast.value.length} vs ${naive.value.length} pairs`);
  }
  const projected = naive.ms * (full / n) ** 2;
  const detail =
    n === full
      ? `${fmt(full)} ranges (VPC /16s + /20-/28 inside + ~1% duplicates), ${fmt(fast.value.length)} overlapping pairs, both at full size; pair counts match`
      : `fast: ${fmt(full)} ranges in ${round(fastFull.ms)} ms (${fmt(fastFull.value.length)} pairs). Naive run on a smaller n = ${fmt(n)} (first ${fmt(n)} of the same shuffled set) because at ${fmt(full)} it would take ~${fmt(Math.round(projected / 1000))} s (quadratic extrapolation of the n = ${fmt(n)} run, not measured); fastMs/baselineMs/ratio are both measured at n = ${fmt(n)}, ${fmt(fast.value.length)} pairs each`;
  return {
    name: `findOverlaps vs findOverlapsNaive (n=${fmt(n)})`,
    fastMs: round(fast.ms, 2),
    baselineMs: round(naive.ms, 1),
    ratio: round(naive.ms / fast.ms),
    detail,
  };
}

function sameAllocations(a: CarveResult, b: CarveResult): boolean {
  if (a.allocations.length !== b.allocations.length || a.failures.length !== b.failures.length) return false;
  return a.allocations.every((x, i) => {
    const y = b.allocations[i];
    return x.id === y.id && x.held === y.held && x.cidr.equals(y.cidr);
  });
}

function carveFigure(options: Required<CidrBenchOptions>): BenchFigure {
  const full = options.carveRequests;
  const pool = [Cidr.parse("10.0.0.0/8")];
  const requests = vswitchRequests(full, options.seed + 1);
  const fastFull = medianMs(() => carve(pool, requests), 3);

  const probeSize = Math.min(full, 1_000);
  const probe = timeMs(() => carveNaive(pool, requests.slice(0, probeSize)));
  const n = naiveSize(full, probeSize, probe.ms, options.naiveBudgetMs, options.reducedNaiveMs);
  const subset = n === full ? requests : requests.slice(0, n);
  const naive = timeMs(() => carveNaive(pool, subset));
  const fast = n === full ? fastFull : medianMs(() => carve(pool, subset), 3);
  if (!sameAllocations(fast.value, naive.value)) {
    throw new Error(`carve disagrees with carveNaive on ${n} requests`);
  }
  const used = fast.value.allocations.reduce((sum, a) => sum + a.cidr.size, 0n);
  const detail =
    n === full
      ? `${fmt(full)} requests (/20-/28, random order) in 10.0.0.0/8, ${fmt(fast.value.allocations.length)} allocated (${fmt(Number(used))} addresses), ${fast.value.failures.length} failures, both at full size; allocations identical`
      : `fast: ${fmt(full)} requests in ${round(fastFull.ms)} ms. Naive run on a smaller n = ${fmt(n)} (first ${fmt(n)} requests) because at ${fmt(full)} it would take ~${fmt(Math.round((naive.ms * (full / n) ** 2) / 1000))} s (quadratic extrapolation of the n = ${fmt(n)} run, not measured); fastMs/baselineMs/ratio are both measured at n = ${fmt(n)}; allocations identical`;
  return {
    name: `carve vs carveNaive (n=${fmt(n)})`,
    fastMs: round(fast.ms, 2),
    baselineMs: round(naive.ms, 1),
    ratio: round(naive.ms / fast.ms),
    detail,
  };
}

/** Runs both benchmarks; throws if a fast algorithm and its baseline disagree. */
export function runCidrBenchmarks(options: CidrBenchOptions = {}): BenchFigure[] {
  const o: Required<CidrBenchOptions> = {
    overlapRanges: options.overlapRanges ?? 100_000,
    carveRequests: options.carveRequests ?? 10_000,
    naiveBudgetMs: options.naiveBudgetMs ?? 20_000,
    reducedNaiveMs: options.reducedNaiveMs ?? 8_000,
    seed: options.seed ?? 1,
  };
  return [overlapFigure(o), carveFigure(o)];
}

if (require.main === module) {
  for (const f of runCidrBenchmarks()) {
    console.log(`${f.name}: fast ${f.fastMs} ms, baseline ${f.baselineMs} ms, ratio ${f.ratio}x\n  ${f.detail}`);
  }
}
