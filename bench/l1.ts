/**
 * Raw L1 twin benchmarks (issue 12). Every figure compares two processes measured in this run,
 * by CPU time (user + system of the whole process, from process.resourceUsage() at exit), in
 * paired runs (A B, B A, A B, ...), medians:
 *   - fleet synth at N clusters (default 1,000) vs its raw L1 twin on the stock bindings;
 *   - the default app (cdktf.json) vs its raw L1 twin, and vs an empty cdktf app;
 *   - peak RSS of an N-cluster synth (default 5,000), against its twin's.
 * Each twin is generated (bench/twin.ts) from the synth output of the app it twins, and is run
 * once first to check that it produces byte-identical stacks; the bench stops if not.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeTwin } from "./twin";

const ROOT = path.resolve(__dirname, "..", "..");
const PROBE = path.join(__dirname, "usage-probe.js");
const FLEET_APP = path.join(__dirname, "fleet-app.js");
const EMPTY_APP = path.join(__dirname, "empty-app.js");

export interface L1Figure {
  readonly name: string;
  readonly measured: number;
  readonly baseline: number;
  /** "ms" (CPU time) or "MiB" (peak RSS) */
  readonly unit: string;
  /** measured / baseline: a cost factor, lower is better */
  readonly ratio: number;
  /** the goal for the ratio or the measured value, if any */
  readonly goal?: string;
  readonly detail: string;
}

interface Usage {
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly maxRssMiB: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Runs `node -r usage-probe <args>` with CDKTF_OUTDIR = outdir; returns its own resource usage. */
function runNode(args: string[], outdir: string): Usage {
  const usageFile = path.join(os.tmpdir(), `ack-bench-usage-${process.pid}-${Date.now()}.json`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["-r", PROBE, ...args], {
    cwd: ROOT,
    env: { ...process.env, CHECKPOINT_DISABLE: "1", CDKTF_OUTDIR: outdir, ACK_BENCH_USAGE: usageFile },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed (${r.status}): ${r.stderr || r.stdout}`);
  const u = JSON.parse(fs.readFileSync(usageFile, "utf8")) as { cpuMs: number; maxRssKiB: number };
  fs.rmSync(usageFile, { force: true });
  return { cpuMs: u.cpuMs, wallMs, maxRssMiB: u.maxRssKiB / 1024 };
}

function stackFiles(outdir: string): Map<string, string> {
  const dir = path.join(outdir, "stacks");
  return new Map(fs.readdirSync(dir).sort().map((s) => [s, fs.readFileSync(path.join(dir, s, "cdk.tf.json"), "utf8")]));
}

/** Throws unless both synth outputs hold the same stacks with byte-identical JSON. */
export function assertSameStacks(a: string, b: string): number {
  const x = stackFiles(a);
  const y = stackFiles(b);
  const names = [...new Set([...x.keys(), ...y.keys()])];
  const differ = names.filter((n) => x.get(n) !== y.get(n));
  if (differ.length) throw new Error(`twin differs from its app in ${differ.length} of ${names.length} stacks, e.g. ${differ.slice(0, 3).join(", ")}`);
  return names.length;
}

interface Twin {
  readonly file: string;
  readonly stacks: number;
  readonly resources: number;
  /** usage of the app's own first synth (the one the twin was made from) and of the twin's check run */
  readonly appFirst: Usage;
  readonly twinFirst: Usage;
}

function countResources(outdir: string): number {
  let n = 0;
  for (const text of stackFiles(outdir).values()) {
    const tf = JSON.parse(text) as { resource?: Record<string, Record<string, unknown>> };
    for (const byId of Object.values(tf.resource ?? {})) n += Object.keys(byId).length;
  }
  return n;
}

/** Synthesizes the app once, generates its twin, runs the twin once and checks identical output. */
function makeTwin(appArgs: string[], tmp: string, name: string): Twin {
  const out = path.join(tmp, `${name}-app`);
  const appFirst = runNode(appArgs, out);
  const file = path.join(tmp, `${name}-twin.js`);
  writeTwin(out, file);
  const twinOut = path.join(tmp, `${name}-twin`);
  const twinFirst = runNode([file], twinOut);
  const stacks = assertSameStacks(out, twinOut);
  const resources = countResources(out);
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(twinOut, { recursive: true, force: true });
  return { file, stacks, resources, appFirst, twinFirst };
}

/** Paired runs of a and b (order alternating), `pairs` each; returns their usages. */
function paired(a: string[], b: string[], pairs: number, tmp: string): { a: Usage[]; b: Usage[] } {
  const ua: Usage[] = [];
  const ub: Usage[] = [];
  for (let i = 0; i < pairs; i++) {
    const runA = (): void => {
      const out = path.join(tmp, `pa-${i}`);
      ua.push(runNode(a, out));
      fs.rmSync(out, { recursive: true, force: true });
    };
    const runB = (): void => {
      const out = path.join(tmp, `pb-${i}`);
      ub.push(runNode(b, out));
      fs.rmSync(out, { recursive: true, force: true });
    };
    if (i % 2 === 0) {
      runA();
      runB();
    } else {
      runB();
      runA();
    }
  }
  return { a: ua, b: ub };
}

const fmtN = (n: number): string => n.toLocaleString("en-US");
/** Median of the ratios a[i] / b[i] of runs made back to back: steadier than the ratio of medians when the load changes during the bench. */
const pairRatio = (a: Usage[], b: Usage[]): string => median(a.map((u, i) => u.cpuMs / b[i].cpuMs)).toFixed(2);
const cpuList = (us: Usage[]): string => us.map((u) => (u.cpuMs / 1000).toFixed(2)).join(", ");

export interface L1BenchOptions {
  /** Clusters of the fleet compared with its twin (default 1,000; 0 skips it). */
  readonly fleetClusters?: number;
  /** Paired runs of the fleet synth (default 3) and of the default app (default 9). */
  readonly fleetPairs?: number;
  readonly appPairs?: number;
  /** Clusters of the peak-memory synth (default 5,000; 0 skips it). */
  readonly memoryClusters?: number;
  /** Skips the default-app figures. */
  readonly skipDefaultApp?: boolean;
}

export function runL1Benchmarks(options: L1BenchOptions = {}): L1Figure[] {
  const n = options.fleetClusters ?? 1000;
  const fleetPairs = options.fleetPairs ?? 3;
  const appPairs = options.appPairs ?? 9;
  const memN = options.memoryClusters ?? 5000;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ack-bench-l1-"));
  const figures: L1Figure[] = [];
  try {
    // Fleet synth vs its twin.
    if (n > 0) {
      const fleetArgs = [FLEET_APP, String(n)];
      const ft = makeTwin(fleetArgs, tmp, "fleet");
      const f = paired(fleetArgs, [ft.file], fleetPairs, tmp);
      const fa = median(f.a.map((u) => u.cpuMs));
      const fb = median(f.b.map((u) => u.cpuMs));
      figures.push({
        name: `raw L1 twin: fleet synth, ${fmtN(n)} clusters vs its twin on stock bindings`,
        measured: fa,
        baseline: fb,
        unit: "ms",
        ratio: fa / fb,
        goal: "≤ 1.0×",
        detail: `process CPU time (user+sys), median of ${fleetPairs} paired runs each: fleet [${cpuList(f.a)}] s, twin [${cpuList(f.b)}] s, median of per-pair ratios ${pairRatio(f.a, f.b)}×; ${fmtN(ft.stacks)} stacks, ${fmtN(ft.resources)} resources, twin output byte-identical; peak RSS fleet ${median(f.a.map((u) => u.maxRssMiB)).toFixed(0)} MiB, twin ${median(f.b.map((u) => u.maxRssMiB)).toFixed(0)} MiB`,
      });
    }

    // Default app vs its twin vs an empty app.
    if (!options.skipDefaultApp) {
      const { app } = JSON.parse(fs.readFileSync(path.join(ROOT, "cdktf.json"), "utf8")) as { app: string };
      const [cmd, ...appArgs] = app.split(" ");
      if (cmd !== "node") throw new Error(`cdktf.json app is not a node script: ${app}`);
      const dt = makeTwin(appArgs, tmp, "default");
      const d = paired(appArgs, [dt.file], appPairs, tmp);
      const e = paired(appArgs, [EMPTY_APP], appPairs, tmp);
      const da = median(d.a.map((u) => u.cpuMs));
      const db = median(d.b.map((u) => u.cpuMs));
      figures.push({
        name: "raw L1 twin: default app process vs its twin on stock bindings",
        measured: da,
        baseline: db,
        unit: "ms",
        ratio: da / db,
        goal: "≤ 1.3×",
        detail: `\`${app}\` (${dt.stacks} stacks, ${dt.resources} resources, twin output byte-identical); process CPU time, median of ${appPairs} paired runs each: app [${cpuList(d.a)}] s, twin [${cpuList(d.b)}] s, median of per-pair ratios ${pairRatio(d.a, d.b)}×`,
      });
      const ea = median(e.a.map((u) => u.cpuMs));
      const eb = median(e.b.map((u) => u.cpuMs));
      figures.push({
        name: "default app process vs an empty cdktf app",
        measured: ea,
        baseline: eb,
        unit: "ms",
        ratio: ea / eb,
        detail: `process CPU time, median of ${appPairs} paired runs each: app [${cpuList(e.a)}] s, empty app (one empty stack) [${cpuList(e.b)}] s, median of per-pair ratios ${pairRatio(e.a, e.b)}×`,
      });
    }

    // Peak memory of a large synth, against its twin's.
    if (memN > 0) {
      const mt = makeTwin([FLEET_APP, String(memN)], tmp, "memory");
      figures.push({
        name: `peak RSS: fleet synth, ${fmtN(memN)} clusters vs its twin`,
        measured: mt.appFirst.maxRssMiB,
        baseline: mt.twinFirst.maxRssMiB,
        unit: "MiB",
        ratio: mt.appFirst.maxRssMiB / mt.twinFirst.maxRssMiB,
        goal: "< 600 MiB",
        detail: `one run each (maxRSS at exit); ${fmtN(mt.stacks)} stacks, ${fmtN(mt.resources)} resources, twin output byte-identical; CPU fleet ${(mt.appFirst.cpuMs / 1000).toFixed(1)} s, twin ${(mt.twinFirst.cpuMs / 1000).toFixed(1)} s`,
      });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return figures;
}

export function formatL1(f: L1Figure): string {
  const v = (x: number): string => (f.unit === "ms" ? `${(x / 1000).toFixed(2)} s CPU` : `${x.toFixed(0)} MiB`);
  const goal = f.goal ? ` (goal ${f.goal})` : "";
  return `${f.name}\n  measured ${v(f.measured)}, baseline ${v(f.baseline)}, ratio ${f.ratio.toFixed(2)}×${goal}\n  ${f.detail}\n`;
}

/**
 * `node dist/bench/l1.js [--quick] [--only fleet|default|memory] [--pairs N]`: `--only` runs one
 * figure group; `--pairs` sets the paired runs of the default app (and of the fleet synth).
 */
if (require.main === module) {
  const argv = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = argv.includes("--quick");
  const only = value("--only");
  if (only !== undefined && !["fleet", "default", "memory"].includes(only)) throw new Error(`--only takes fleet, default or memory, not ${only}`);
  const pairs = value("--pairs") === undefined ? undefined : Number(value("--pairs"));
  if (pairs !== undefined && !(Number.isInteger(pairs) && pairs > 0)) throw new Error(`--pairs takes a positive integer`);
  const base: L1BenchOptions = quick ? { fleetClusters: 200, fleetPairs: 1, appPairs: 3, memoryClusters: 0 } : {};
  const figs = runL1Benchmarks({
    ...base,
    ...(pairs === undefined ? {} : { fleetPairs: pairs, appPairs: pairs }),
    ...(only === undefined || only === "fleet" ? {} : { fleetClusters: 0 }),
    ...(only === undefined ? {} : only === "memory" ? { memoryClusters: base.memoryClusters || 5000 } : { memoryClusters: 0 }),
    ...(only === undefined || only === "default" ? {} : { skipDefaultApp: true }),
  });
  for (const f of figs) process.stdout.write(formatL1(f));
}
