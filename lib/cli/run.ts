/**
 * `ack-plan` commands, runnable in-process: `run(argv, io)` returns the exit code.
 *   0  no errors (warnings and infos are fine)
 *   1  the plan has errors
 *   2  usage error, or the spec could not be read (missing file, YAML/JSON syntax, schema), or
 *      the lock could not be written (the old lock intact), or an internal error (a bug: bad
 *      input is always reported as findings)
 */
import * as fs from "fs";
import * as path from "path";
import { SpecCheck, checkSpecFile, writeLockIfChanged } from "../spec/check-spec";
import { addressSpace } from "./address-space";
import { renderAddressMap } from "./address-map-svg";
import { ParsedArgs, UsageError, checkFlags, parseArgs } from "./args";
import { formatFinding, formatPlanText, formatSummary, planJson } from "./plan-text";
import { renderReport } from "./report-markdown";
import { Style, makeStyle } from "./style";
import { packageVersion } from "./version";

export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
  readonly isTty: boolean;
  readonly env: NodeJS.ProcessEnv;
}

export const USAGE = `Usage: ack-plan <command> SPEC [options]

Commands:
  check SPEC              print every finding of the fleet (nothing is written)
  plan SPEC               print each cluster's addresses and capacity plan, then
                          write the lock file (SPEC.lock.json) if the plan has no errors
  report SPEC             write a Markdown report and an SVG address map

Options:
  --lock FILE             lock file (default: SPEC.lock.json)
  --no-lock               ignore the lock file (check, report)
  --json                  plan: print JSON instead of text
  --prune                 plan: drop removed clusters from the lock, freeing their ranges
  --no-write              plan: do not write the lock file
  --out DIR               report: output directory (default: ack-plan-report)
  -h, --help              this help
  -V, --version           print the version of ack-plan

Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable spec.
Colour and progress only when stdout is a terminal and NO_COLOR is unset.`;

interface Context {
  readonly io: CliIo;
  readonly style: Style;
  readonly args: ParsedArgs;
}

function progress(ctx: Context, message: string): void {
  if (ctx.style.progress) ctx.io.stderr(`\r\u001b[2K${message}`);
}

function doneProgress(ctx: Context): void {
  if (ctx.style.progress) ctx.io.stderr("\r\u001b[2K");
}

function specArg(ctx: Context): string {
  const spec = ctx.args.positionals[0];
  if (spec === undefined) throw new UsageError(`${ctx.args.command} needs a SPEC file`);
  if (ctx.args.positionals.length > 1) throw new UsageError(`unexpected argument ${ctx.args.positionals[1]}`);
  return spec;
}

function load(ctx: Context, prune = false): SpecCheck {
  const spec = specArg(ctx);
  const lock = ctx.args.flags.get("lock");
  progress(ctx, `planning ${spec} ...`);
  const t0 = Date.now();
  const check = checkSpecFile(spec, { lockFile: ctx.args.flags.has("no-lock") ? false : typeof lock === "string" ? lock : undefined, prune });
  doneProgress(ctx);
  if (ctx.style.progress) ctx.io.stderr(`planned ${check.plan?.clusters.length ?? 0} clusters in ${Date.now() - t0} ms\n`);
  return check;
}

function printFindings(ctx: Context, check: SpecCheck): void {
  for (const f of check.findings) ctx.io.stdout(`${formatFinding(f, ctx.style)}\n`);
  ctx.io.stdout(`${formatSummary(check.findings, ctx.style)}\n`);
}

function exitCode(check: SpecCheck): number {
  if (check.unreadable) return 2;
  return check.hasErrors ? 1 : 0;
}

function checkCommand(ctx: Context): number {
  checkFlags(ctx.args, ["lock", "no-lock"]);
  const check = load(ctx);
  printFindings(ctx, check);
  return exitCode(check);
}

function planCommand(ctx: Context): number {
  checkFlags(ctx.args, ["lock", "json", "prune", "no-write"]);
  const check = load(ctx, ctx.args.flags.has("prune"));
  const write = !ctx.args.flags.has("no-write");
  let wrote = false;
  try {
    wrote = write && writeLockIfChanged(check);
  } catch (e) {
    // A file-system failure (full disk, read-only folder): the old lock is intact; say so.
    printFindings(ctx, check);
    ctx.io.stderr(`ack-plan: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  if (ctx.args.flags.has("json")) {
    ctx.io.stdout(`${JSON.stringify(planJson(check, wrote), null, 2)}\n`);
    return exitCode(check);
  }
  if (check.plan) ctx.io.stdout(formatPlanText(check, ctx.style));
  printFindings(ctx, check);
  if (wrote) ctx.io.stdout(`wrote ${check.lockFile}: ${check.plan?.lockChanges.join("; ") || (check.lock ? "recorded the spec it belongs to" : "created")}\n`);
  else if (check.lockChanged && check.lockFile) {
    const why = check.hasErrors ? "the plan has errors" : !write ? "--no-write" : "the lock file could not be read";
    ctx.io.stdout(`lock file ${check.lockFile} not written (${why})\n`);
  }
  return exitCode(check);
}

function reportCommand(ctx: Context): number {
  checkFlags(ctx.args, ["lock", "no-lock", "out"]);
  const check = load(ctx);
  if (!check.plan || !check.input) {
    printFindings(ctx, check);
    return exitCode(check);
  }
  const out = String(ctx.args.flags.get("out") ?? "ack-plan-report");
  fs.mkdirSync(out, { recursive: true });
  const space = addressSpace(check.input, check.plan);
  const name = path.basename(check.file ?? "spec");
  const svg = renderAddressMap(space, `Address map: ${name}`,
    `region ${check.spec?.region ?? "?"}, ${check.plan.clusters.length} clusters, ${check.plan.networks.length} VPCs; generated by ack-plan`);
  fs.writeFileSync(path.join(out, "address-map.svg"), svg);
  fs.writeFileSync(path.join(out, "report.md"), renderReport(check, space, "address-map.svg"));
  ctx.io.stdout(`wrote ${path.join(out, "report.md")} and ${path.join(out, "address-map.svg")}\n`);
  ctx.io.stdout(`${formatSummary(check.findings, ctx.style)}\n`);
  return exitCode(check);
}

/** Runs ack-plan with `argv` (without `node` and the script). Never throws. */
export function run(argv: readonly string[], io: CliIo): number {
  const style = makeStyle(io.isTty, io.env);
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
    if (args.flags.has("version")) {
      io.stdout(`${packageVersion()}\n`);
      return 0;
    }
    if (args.flags.has("help") || args.command === "help" || args.command === undefined) {
      (args.command === undefined && !args.flags.has("help") ? io.stderr : io.stdout)(`${USAGE}\n`);
      return args.command === undefined && !args.flags.has("help") ? 2 : 0;
    }
    const ctx: Context = { io, style, args };
    switch (args.command) {
      case "check": return checkCommand(ctx);
      case "plan": return planCommand(ctx);
      case "report": return reportCommand(ctx);
      default: throw new UsageError(`unknown command ${args.command}`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`ack-plan: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    // Bad input is reported as findings; reaching this is a bug in ack-plan, not in the spec.
    const spec = argv.find((a, i) => i > 0 && !a.startsWith("-"));
    io.stderr(`ack-plan: internal error${spec ? ` while processing ${spec}` : ""}: ${e instanceof Error ? e.message : String(e)}. This is a bug in ack-plan; please report it with the spec.\n`);
    return 2;
  }
}
