import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { BenchFigure } from "./cidr";

const ROOT = path.resolve(__dirname, "..", "..");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeRun(cmd: string, args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, env, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}): ${r.stderr || r.stdout}`);
  return ms;
}

/**
 * Synth time of the default example (the app in cdktf.json) against an empty cdktf app, both
 * measured in this run: (1) the app process alone, which is what `cdktf synth` runs, median of
 * `runs`; (2) the whole `cdktf synth` command with its CLI start-up, median of `cliRuns`.
 */
export function runSynthBenchmarks(runs = 7, cliRuns = 3): BenchFigure[] {
  const cfg = JSON.parse(fs.readFileSync(path.join(ROOT, "cdktf.json"), "utf8")) as { app: string };
  const [appCmd, ...appArgs] = cfg.app.split(" ");
  const emptyApp = path.join(ROOT, "dist", "bench", "empty-app.js");
  const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ack-bench-synth-"));
  const app: number[] = [];
  const empty: number[] = [];
  for (let i = 0; i < runs; i++) {
    app.push(timeRun(appCmd, appArgs, { ...env, CDKTF_OUTDIR: path.join(tmp, `app-${i}`) }));
    empty.push(timeRun("node", [emptyApp], { ...env, CDKTF_OUTDIR: path.join(tmp, `empty-${i}`) }));
  }
  const cli = path.join(ROOT, "node_modules", ".bin", "cdktf");
  const appCli: number[] = [];
  const emptyCli: number[] = [];
  for (let i = 0; i < cliRuns; i++) {
    appCli.push(timeRun(cli, ["synth", "--output", path.join(tmp, `cli-app-${i}`)], env));
    emptyCli.push(timeRun(cli, ["synth", "--app", `node ${emptyApp}`, "--output", path.join(tmp, `cli-empty-${i}`)], env));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  const fig = (name: string, a: number[], b: number[], n: number, what: string): BenchFigure => ({
    name, fastMs: median(a), baselineMs: median(b), ratio: median(a) / median(b),
    detail: `${what}; median of ${n} runs each; measured = default example, baseline = empty app, ratio = example / empty (cost factor, not a speed-up)`,
  });
  return [
    fig("synth: default example vs empty app (app process)", app, empty, runs, `\`${cfg.app}\` vs an empty cdktf app`),
    fig("synth: default example vs empty app (cdktf synth CLI)", appCli, emptyCli, cliRuns, "`cdktf synth` of each, CLI start-up included"),
  ];
}
