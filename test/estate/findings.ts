/**
 * Findings of an estate through each front-end, normalized so that the two can be compared:
 * rule id, severity and the multiset of values (CIDRs, addresses, versions, numbers) the
 * message mentions. Paths are not compared: their prefixes differ by nature (construct path
 * and `<cluster>.<field>` in a cdktf app; spec file path in a spec).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AnnotationMetadataEntryType, App, TerraformStack, Testing } from "cdktf";
import { IConstruct } from "constructs";
import { checkSpecObject } from "../../lib/spec";
import { BuiltEstate, ConnectFn, Estate, toConstructs, toSpec } from "./estate-model";

export interface NormalFinding {
  readonly severity: string;
  readonly ruleId: string;
  /** Values mentioned in the message, sorted. */
  readonly values: string[];
  /** The finding's path as the front-end gave it (after the construct path, for an app). */
  readonly path: string;
  /** The finding as the front-end printed it (for reports). */
  readonly raw: string;
}

/**
 * Findings that exist in one front-end by nature, never compared:
 * - `L1-removed-cluster-held`, `L2-lock-outdated`, `L3-lock-invalid`: the lock file belongs to
 *   the spec (a spec checked without a lock always gets the `L2-lock-outdated` info); an app
 *   of constructs has no lock.
 * - `S0-spec-syntax`: YAML/JSON text; a spec object and a cdktf app have none.
 * - `K*` (change guard) needs a lock; none is given, so none can occur (listed for clarity).
 */
export const FRONT_END_ONLY_RULES: ReadonlyArray<{ readonly id: RegExp; readonly reason: string }> = [
  { id: /^L\d+-/, reason: "lock-file rules: only a spec has a lock" },
  { id: /^S0-spec-syntax$/, reason: "spec-file syntax: only a spec file has text" },
  { id: /^K\d+-/, reason: "change guard: compares against a lock, which only a spec has" },
];

export function isFrontEndOnly(ruleId: string): boolean {
  return FRONT_END_ONLY_RULES.some((r) => r.id.test(ruleId));
}

const VALUE = new RegExp([
  // IPv4 address or CIDR
  String.raw`(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,3})?(?![\w.]*\d)`,
  // Kubernetes version
  String.raw`(?<![\w.])\d+\.\d+\.\d+(?:-[a-z]+\.\d+)?(?![\w.]*\d)`,
  // a prefix length on its own: "/19"
  String.raw`(?<![\w.\/])\/\d{1,3}(?![\w.])`,
  // numbers: 1,024  119.0%  300
  String.raw`(?<![\w.\/])(?<![A-Za-z]-)\d{1,3}(?:,\d{3})+(?![\w])|(?<![\w.\/])(?<![A-Za-z]-)\d+(?:\.\d+)?%?(?![\w\/]|\.\d)`,
].join("|"), "g");

/** The values a message mentions, sorted (CIDRs in their text form, numbers without grouping). */
export function messageValues(message: string): string[] {
  return (message.match(VALUE) ?? []).map((v) => (/^\d{1,3}(,\d{3})+$/.test(v) ? v.replace(/,/g, "") : v)).sort();
}

const LINE = /^(error|warning|info) ([A-Z]\d*[A-Za-z0-9-]*) (?:\[[^\]]*\] )?(\S+): ([\s\S]*)$/;

/** Parses one `severity RULE [sources] path: message` line; undefined for anything else. */
export function parseFindingLine(line: string): NormalFinding | undefined {
  const m = LINE.exec(line.trim());
  if (!m) return undefined;
  return { severity: m[1], ruleId: m[2], values: messageValues(m[4]), path: m[3], raw: line.trim() };
}

/** The spec front-end: checkSpecObject(toSpec(e)). */
export function specFindings(e: Estate): NormalFinding[] {
  const check = checkSpecObject(toSpec(e));
  return check.findings
    .filter((f) => !isFrontEndOnly(f.ruleId))
    .map((f) => ({ severity: f.severity, ruleId: f.ruleId, values: messageValues(f.message), path: f.path, raw: `${f.severity} ${f.ruleId} ${f.path}: ${f.message}` }));
}

export interface ConstructOutcome {
  readonly findings: NormalFinding[];
  /** The message `app.synth()` threw, if any. */
  readonly synthError?: string;
  readonly built: BuiltEstate;
  readonly outdir: string;
}

function annotationsOf(root: IConstruct): Array<{ level: string; message: string }> {
  const out: Array<{ level: string; message: string }> = [];
  for (const c of root.node.findAll()) {
    const seen = new Set<string>();
    for (const m of c.node.metadata) {
      if (m.type !== AnnotationMetadataEntryType.WARN && m.type !== AnnotationMetadataEntryType.INFO) continue;
      const message = String(m.data);
      // One construct validated twice (below) must not count its annotations twice.
      if (seen.has(message)) continue;
      seen.add(message);
      out.push({ level: m.type, message });
    }
  }
  return out;
}

/**
 * The construct front-end: the estate as constructs, `app.synth()`. cdktf validates stack by
 * stack and stops at the first stack with errors, so when synth fails every stack's validations
 * are run again (`runAllValidations`, what synth runs) to collect the errors of all of them;
 * warnings and infos are the annotations on the constructs.
 */
export function constructFindings(e: Estate, connect: ConnectFn): ConstructOutcome {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "estate-diff-"));
  const app: App = Testing.app({ outdir });
  const built = toConstructs(app, e, connect);
  let synthError: string | undefined;
  const errorLines: string[] = [];
  try {
    app.synth();
  } catch (err) {
    synthError = err instanceof Error ? err.message : String(err);
    if (!synthError.startsWith("Validation failed")) throw err;
    for (const stack of app.node.findAll().filter(TerraformStack.isStack)) {
      try {
        stack.runAllValidations();
      } catch (again) {
        errorLines.push(...(again instanceof Error ? again.message : String(again)).split("\n"));
      }
    }
  }
  // cdktf lists `[construct path] <finding>` entries; a multi-line finding continues on the next lines.
  const entries: string[] = [];
  for (const line of errorLines) {
    const m = /^\s*\[[^\]]+\] (.*)$/.exec(line);
    if (m) entries.push(m[1]);
    else if (/^(Validation failed|If you wish to ignore)/.test(line) || line.trim() === "") continue;
    else if (entries.length > 0) entries[entries.length - 1] += `\n${line}`;
  }
  const findings: NormalFinding[] = [];
  for (const entry of entries) {
    const f = parseFindingLine(entry);
    if (f && f.severity === "error") findings.push(f);
  }
  for (const a of annotationsOf(app)) {
    const f = parseFindingLine(a.message);
    if (f && f.severity !== "error") findings.push(f);
  }
  return { findings: findings.filter((f) => !isFrontEndOnly(f.ruleId)), synthError, built, outdir };
}

/**
 * `severity rule [cluster] values...`: the comparable identity of a finding. The owner is kept
 * when the path starts with a cluster name (both front-ends write cluster findings as
 * `<cluster>.<field>`), so a finding attached to the wrong cluster is a difference; other path
 * prefixes (links, VPCs) differ by front-end and are left out.
 */
export function findingKey(f: NormalFinding, clusterNames: ReadonlySet<string> = new Set()): string {
  const head = /^[^.[]+/.exec(f.path)?.[0] ?? "";
  const owner = clusterNames.has(head) ? ` @${head}` : "";
  return `${f.severity} ${f.ruleId}${owner} ${f.values.join(" ")}`;
}

export interface FindingDiff {
  /** Keys the spec has more often than the constructs (with the spec's raw text). */
  readonly onlySpec: NormalFinding[];
  readonly onlyConstructs: NormalFinding[];
}

/** Multiset difference of the two lists by {@link findingKey}. */
export function diffFindings(spec: NormalFinding[], constructs: NormalFinding[], clusterNames: ReadonlySet<string> = new Set()): FindingDiff {
  const key = (f: NormalFinding) => findingKey(f, clusterNames);
  const left = new Map<string, NormalFinding[]>();
  for (const f of spec) left.set(key(f), [...(left.get(key(f)) ?? []), f]);
  const onlyConstructs: NormalFinding[] = [];
  for (const f of constructs) {
    const list = left.get(key(f));
    if (list && list.length > 0) list.pop();
    else onlyConstructs.push(f);
  }
  return { onlySpec: [...left.values()].flat(), onlyConstructs };
}
