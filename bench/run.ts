/**
 * `npm run bench`: every figure is a ratio against a baseline measured in the same run.
 *   - overlap finding over 100,000 ranges vs the naive pairwise finder
 *   - carving 10,000 vSwitch blocks vs the naive carver
 *   - fleet check / synth scaling (1,000 vs 100 clusters), when the fleet bench is present
 *   - synth of the default example vs an empty cdktf app
 *   - raw L1 twins (bench/l1.ts): fleet synth and default app vs an app that creates the same
 *     resources with the stock generated classes, by CPU time; peak RSS of a 5,000-cluster synth
 * For the algorithms the ratio is a speed-up (baseline / measured); for synth it is a cost
 * factor (example / empty app). Each figure's detail line says which.
 * `--quick` runs smaller sizes (the naive overlap finder on a subset), for a fast look.
 */
import * as fs from "fs";
import * as path from "path";
import { BenchFigure, runCidrBenchmarks } from "./cidr";
import { formatL1, runL1Benchmarks } from "./l1";
import { runSynthBenchmarks } from "./synth";

function fmt(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

function print(figs: BenchFigure[]): void {
  for (const f of figs) {
    process.stdout.write(`${f.name}\n  measured ${fmt(f.fastMs)}, baseline ${fmt(f.baselineMs)}, ratio ${f.ratio.toFixed(1)}x\n  ${f.detail}\n`);
  }
}

function main(): void {
  const quick = process.argv.includes("--quick");
  process.stdout.write(`cdktf-alicloud-ack benchmarks (${quick ? "quick" : "full"}), node ${process.version}, ${new Date().toISOString()}\n\n`);
  print(runCidrBenchmarks(quick ? {} : { naiveBudgetMs: Number.POSITIVE_INFINITY }));
  const fleetBench = path.join(__dirname, "fleet.js");
  if (fs.existsSync(fleetBench)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(fleetBench) as { runFleetBenchmarks?: (o?: { checkClusters?: number; isolatedClusters?: number; synthSmall?: number; synthLarge?: number }) => BenchFigure[] };
    // --quick: a tenth of the sizes (the ratios stay comparable: each against its own tenth).
    if (mod.runFleetBenchmarks) print(mod.runFleetBenchmarks(quick ? { checkClusters: 200, isolatedClusters: 2000, synthSmall: 20, synthLarge: 200 } : {}));
  }
  print(runSynthBenchmarks(quick ? 3 : 7, quick ? 1 : 3));
  for (const f of runL1Benchmarks(quick ? { fleetClusters: 200, fleetPairs: 1, appPairs: 3, memoryClusters: 0 } : {})) {
    process.stdout.write(formatL1(f));
  }
}

main();
