/**
 * Fleet benchmarks: checking a generated 1,000-cluster spec (YAML text -> findings), and
 * synthesizing 100 vs 1,000 clusters (linear scaling gives a ratio of about 10).
 * Build with `npx tsc -p tsconfig.json`, then `node dist/bench/fleet.js`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { stringify } from "yaml";
import type { BenchFigure } from "./cidr";
import { Fleet } from "../lib/constructs/fleet";
import { checkLoadedSpec } from "../lib/spec/check-spec";
import { parseSpecText } from "../lib/spec/load-spec";
import { FleetClusterSpec, FleetSpec, SpecClusterType } from "../lib/spec/spec-types";
import { CniPlugin } from "../lib/plan/model";
import { planCounters } from "../lib/plan/plan-cluster";

/**
 * A fleet of `n` clusters: 9 in 10 small Flannel clusters in a VPC of their own, every 10th a
 * two-zone Terway cluster (see FleetShape); every 20th and 21st share a VPC; CEN groups of 10 VPCs. Every
 * range comes from the pools, so allocation, the cross-cluster rules and the planner all run.
 */
export interface FleetShape {
  /** Every how many clusters one is a two-zone Terway cluster (default 10). */
  readonly terwayEvery?: number;
  /** Pods per node of the Flannel clusters (default 64). */
  readonly podsPerNode?: number;
}

/**
 * The shape used above 1,000 clusters: the default one's VPC and pod pools hold about 1,000 to
 * 2,000 clusters, so larger fleets have a Terway cluster (a /17 VPC) every 50th and Flannel
 * clusters with 16 pods per node. Same resource types per cluster.
 */
export const LARGE_FLEET: FleetShape = { terwayEvery: 50, podsPerNode: 16 };

export function generateFleetSpec(n: number, shape: FleetShape = {}): FleetSpec {
  const clusters: FleetClusterSpec[] = [];
  const every = shape.terwayEvery ?? 10;
  for (let i = 0; i < n; i++) {
    const name = `c${String(i).padStart(4, "0")}`;
    const terway = i % every === every - 1;
    const shared = i % 20 === 0 || i % 20 === 1 ? { shared: `s${Math.floor(i / 20)}` } : undefined;
    clusters.push({
      name,
      type: SpecClusterType.ACK,
      cni: terway ? { plugin: CniPlugin.TERWAY } : { plugin: CniPlugin.FLANNEL, podsPerNode: shape.podsPerNode ?? 64 },
      zones: terway ? ["cn-hangzhou-i", "cn-hangzhou-j"] : ["cn-hangzhou-i"],
      vpc: shared,
      expectedServices: 256,
      expectedNodes: terway ? 10 : 20,
      nodePools: [{ name: "default", instanceType: terway ? "ecs.c7.2xlarge" : "ecs.g7.xlarge", min: 1, max: terway ? 10 : 20 }],
    });
  }
  const vpcNames = clusters.map((c) => c.vpc?.shared ?? c.name).filter((v, i, all) => all.indexOf(v) === i);
  const connections = [];
  for (let g = 0; g * 10 < vpcNames.length; g++) connections.push({ name: `cen-${g}`, vpcs: vpcNames.slice(g * 10, g * 10 + 10) });
  return {
    region: "cn-hangzhou",
    pools: { vpc: ["10.0.0.0/9"], pods: ["10.128.0.0/10"], services: ["10.192.0.0/10"] },
    defaults: { spec: "ack.pro.small", kubernetesVersion: "1.36.1-aliyun.1" },
    clusters,
    connections,
  };
}

/**
 * `n` isolated clusters, each in a VPC of its own, all reusing the library's default ranges
 * (VPC 192.168.0.0/16, pods 172.20.0.0/16, services 172.21.0.0/20): allowed, since no two
 * VPCs are connected. The estate planner compares ranges per connected domain only, so this
 * checks in linear time (issue 9).
 */
export function generateIsolatedSpec(n: number): FleetSpec {
  const clusters: FleetClusterSpec[] = [];
  for (let i = 0; i < n; i++) {
    clusters.push({
      name: `iso${String(i).padStart(5, "0")}`,
      type: SpecClusterType.ACK,
      cni: { plugin: CniPlugin.FLANNEL, podCidr: "172.20.0.0/16", podsPerNode: 64 },
      zones: ["cn-hangzhou-i"],
      vpc: { cidr: "192.168.0.0/16" },
      serviceCidr: "172.21.0.0/20",
      nodePools: [{ name: "default", instanceType: "ecs.g7.xlarge", min: 1, max: 3 }],
    });
  }
  return { region: "cn-hangzhou", defaults: { spec: "ack.pro.small", kubernetesVersion: "1.36.1-aliyun.1" }, clusters };
}

/** YAML text of an isolated-cluster spec -> every finding; with the estate's comparison counts. */
export function checkIsolated(n: number): { ms: number; errors: number; clusters: number; crossVpcPairs: number; domains: number; heapMb: number } {
  const text = stringify(generateIsolatedSpec(n));
  const { ms, value } = timeMs(() => checkLoadedSpec(parseSpecText(text, "isolated.yaml"), { lockFile: false }));
  return {
    ms, errors: value.findings.filter((f) => f.severity === "error").length, clusters: value.plan?.clusters.length ?? 0,
    crossVpcPairs: value.plan?.stats.crossVpcPairs ?? -1, domains: value.plan?.stats.domains ?? 0, heapMb: process.memoryUsage().heapUsed / 2 ** 20,
  };
}

function timeMs<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

/** YAML text of a generated spec -> every finding (parse, schema, normalize, allocate, plan). */
export function checkGenerated(n: number): { ms: number; errors: number; clusters: number } {
  const text = stringify(generateFleetSpec(n));
  const { ms, value } = timeMs(() => checkLoadedSpec(parseSpecText(text, "generated.yaml"), { lockFile: false }));
  return { ms, errors: value.findings.filter((f) => f.severity === "error").length, clusters: value.plan?.clusters.length ?? 0 };
}

/** Full synth (validations included) of a generated fleet into a temp dir; `plans` counts planCluster calls. */
export function synthGenerated(n: number): { ms: number; stacks: number; plans: number } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-bench-fleet-"));
  try {
    const before = planCounters.clusters;
    const { ms } = timeMs(() => {
      const app = new App({ outdir });
      new Fleet(app, "fleet", { spec: generateFleetSpec(n), writeLock: false });
      app.synth();
    });
    return { ms, stacks: fs.readdirSync(path.join(outdir, "stacks")).length, plans: planCounters.clusters - before };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

export interface FleetBenchOptions {
  /** Clusters in the check benchmark (default 1,000). */
  readonly checkClusters?: number;
  /** Isolated clusters reusing the default ranges (default 20,000). */
  readonly isolatedClusters?: number;
  /** Small and large synth sizes (default 100 and 1,000). */
  readonly synthSmall?: number;
  readonly synthLarge?: number;
  /** Above this synth time of the large fleet, the sizes drop to 50 / 500 (default 60,000 ms). */
  readonly synthBudgetMs?: number;
}

export function runFleetBenchmarks(options: FleetBenchOptions = {}): BenchFigure[] {
  const n = options.checkClusters ?? 1000;
  checkGenerated(Math.min(n, 50)); // warm-up
  const small = checkGenerated(Math.max(1, Math.floor(n / 10)));
  const big = checkGenerated(n);
  if (big.errors > 0 || big.clusters !== n) throw new Error(`generated fleet of ${n} has ${big.errors} errors / ${big.clusters} clusters`);
  const figures: BenchFigure[] = [{
    name: `fleet check: ${n.toLocaleString("en-US")} clusters`,
    fastMs: big.ms,
    baselineMs: small.ms,
    ratio: big.ms / small.ms,
    detail: `ack-plan check of a generated ${n}-cluster spec (YAML parse, schema, pools, lock-free allocation, every cluster planned with its peers) took ${(big.ms / 1000).toFixed(2)} s; baseline = ${Math.floor(n / 10)} clusters; ratio = time(${n}) / time(${Math.floor(n / 10)}), linear = 10`,
  }];

  // 20,000 isolated clusters reusing the default ranges: compared per connected domain only.
  const isoN = options.isolatedClusters ?? 20_000;
  const isoSmall = checkIsolated(Math.max(1, Math.floor(isoN / 10)));
  const iso = checkIsolated(isoN);
  if (iso.errors > 0 || iso.clusters !== isoN || iso.crossVpcPairs !== 0) throw new Error(`isolated fleet of ${isoN}: ${iso.errors} errors, ${iso.clusters} clusters, ${iso.crossVpcPairs} cross-VPC pairs`);
  figures.push({
    name: `fleet check: ${isoN.toLocaleString("en-US")} isolated clusters (default ranges reused)`,
    fastMs: iso.ms,
    baselineMs: isoSmall.ms,
    ratio: iso.ms / isoSmall.ms,
    detail: `ack-plan check of ${isoN} clusters, each in its own VPC with the same VPC, pod and service CIDRs, took ${(iso.ms / 1000).toFixed(2)} s (${iso.domains.toLocaleString("en-US")} connected domains, ${iso.crossVpcPairs} cross-VPC comparisons, heap ${iso.heapMb.toFixed(0)} MB after); baseline = ${Math.floor(isoN / 10)} clusters; ratio = time(${isoN}) / time(${Math.floor(isoN / 10)}), linear = 10`,
  });

  let lo = options.synthSmall ?? 100;
  let hi = options.synthLarge ?? 1000;
  const budget = options.synthBudgetMs ?? 60_000;
  synthGenerated(10); // warm-up
  let a = synthGenerated(lo);
  // Projected from the small run: fall back to 50 / 500 when the large synth would exceed the budget.
  let note = "";
  if (a.ms * (hi / lo) * 1.5 > budget) {
    lo = 50;
    hi = 500;
    a = synthGenerated(lo);
    note = ` (1,000 stacks projected above ${budget / 1000} s, so 50 vs 500 was measured)`;
  }
  const b = synthGenerated(hi);
  figures.push({
    name: `fleet synth: ${hi} vs ${lo} clusters`,
    fastMs: b.ms,
    baselineMs: a.ms,
    ratio: b.ms / a.ms,
    detail: `full app.synth() of ${hi} cluster stacks (${b.stacks} stacks incl. shared VPCs) took ${(b.ms / 1000).toFixed(1)} s, ${lo} took ${(a.ms / 1000).toFixed(1)} s; ratio = time(${hi}) / time(${lo}), linear = ${hi / lo}${note}; planCluster ran ${b.plans.toLocaleString("en-US")} times for ${hi.toLocaleString("en-US")} clusters (each planned once)`,
  });
  return figures;
}

if (require.main === module) {
  for (const f of runFleetBenchmarks()) {
    process.stdout.write(`${f.name}\n  measured ${f.fastMs.toFixed(1)} ms, baseline ${f.baselineMs.toFixed(1)} ms, ratio ${f.ratio.toFixed(2)}\n  ${f.detail}\n`);
  }
}
