/**
 * Reads a spec file (YAML, or JSON by extension) and validates it against the zod schema.
 * Every problem becomes a finding naming the file, the field path (`clusters[2].cni.podCidr`)
 * and the line; bad CIDRs carry lib/cidr's message. Nothing here throws on bad input.
 */
import * as fs from "fs";
import { Document, LineCounter, isCollection, isScalar, parseDocument, visit } from "yaml";
import { z } from "zod";
import { INVALID_CIDR } from "../plan/rules/input-rules";
import { SPEC_LIMITS, SPEC_SCHEMA, SPEC_SYNTAX } from "../plan/rules/fleet-rules";
import { findRule } from "../plan/catalogue";
import { LocatedFinding, located } from "./located-finding";
import { SourceMap, SpecPath, formatSpecPath } from "./source-map";
import { MAX_ALIAS_COUNT, checkTextLimits, checkValueLimits } from "./read-limits";
import { fleetSpecSchema } from "./spec-schema";
import { FleetSpecFile } from "./spec-types";

export interface LoadedSpec {
  readonly file?: string;
  /** The validated spec; undefined when it has syntax or schema errors. */
  readonly spec?: FleetSpecFile;
  readonly findings: LocatedFinding[];
  readonly source: SourceMap;
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** A value in a message: bounded, and never throws (bigint, circular values). */
const describe = (v: unknown): string => {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a map";
  const s = typeof v === "string" ? JSON.stringify(v) : String(v);
  return s.length > 80 ? `${s.slice(0, 60)}... (${s.length.toLocaleString("en-US")} characters)` : s;
};

/** Duplicate keys of every map, in one pass (a Set per map: linear in the document), and keys that are maps or lists. */
function duplicateKeys(doc: Document, lines: LineCounter, file: string | undefined): LocatedFinding[] {
  const out: LocatedFinding[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const k = pair.key;
        if (isCollection(k)) {
          // A map or list as a key (`? [a, b]: 1`, `{[a]: 1}`): no spec field is named like that.
          const line = k.range ? lines.linePos(k.range[0]).line : undefined;
          out.push(located(SPEC_SYNTAX, "spec", "invalid spec: a map or list is used as a map key; keys must be plain names", file, line));
          continue;
        }
        const text = isScalar(k) ? `${typeof k.value}:${String(k.value)}` : undefined;
        if (text === undefined) continue;
        if (seen.has(text)) {
          const shown = String(isScalar(k) ? k.value : "");
          const line = isScalar(k) && k.range ? lines.linePos(k.range[0]).line : undefined;
          out.push(located(SPEC_SYNTAX, "spec", `invalid YAML: map key ${describe(shown)} appears twice in one map; keys must be unique`, file, line));
        } else seen.add(text);
      }
    },
  });
  return out;
}

/** One zod issue as findings (a union failure reports its closest branch). */
function issueFindings(issue: z.core.$ZodIssue, base: SpecPath, file: string | undefined, source: SourceMap): LocatedFinding[] {
  const path = [...base, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  const at = (p: SpecPath, rule = SPEC_SCHEMA, message: string) => located(rule, formatSpecPath(p), message, file, source.lineOf(p));
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((k) => at([...path, k], SPEC_SCHEMA, `unknown field '${k}'${path.length ? ` in ${formatSpecPath(path)}` : ""}; check the spelling (see schema/spec.schema.json)`));
    case "invalid_type": {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) return [at(path, SPEC_SCHEMA, `required field is missing (expected ${issue.expected})`)];
      return [at(path, SPEC_SCHEMA, `expected ${issue.expected}, got ${describe(input)}`)];
    }
    case "invalid_value":
      return [at(path, SPEC_SCHEMA, `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${describe((issue as { input?: unknown }).input)}`)];
    case "invalid_union": {
      const branches = issue.errors.filter((b) => b.length > 0);
      const typed = branches.find((b) => b.every((i) => !(i.code === "invalid_type" && i.path.length === 0)));
      if (typed) return typed.flatMap((i) => issueFindings(i, path, file, source));
      return [at(path, SPEC_SCHEMA, `expected a CIDR or a list of CIDRs, got ${describe((issue as { input?: unknown }).input)}`)];
    }
    case "custom": {
      const ruleId = (issue.params as { ruleId?: string } | undefined)?.ruleId;
      const rule = (ruleId && findRule(ruleId)) || SPEC_SCHEMA;
      return [at(path, rule, issue.message)];
    }
    default:
      return [at(path, SPEC_SCHEMA, issue.message)];
  }
}

/** Parses and validates spec text. `file` names it in findings and picks JSON for `.json`. */
export function parseSpecText(text: string, file?: string): LoadedSpec {
  const json = file !== undefined && /\.json$/i.test(file);
  // Bounded first: the YAML parser (also used for JSON positions) recurses per nesting level.
  const limit = checkTextLimits(text);
  if (limit) return { file, findings: [located(SPEC_LIMITS, "spec", limit.message, file, limit.line)], source: new SourceMap(undefined, undefined) };
  if (json) {
    try {
      JSON.parse(text);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const pos = /position (\d+)/.exec(msg);
      // Node's message does not always carry a position; the YAML parser (JSON is YAML) finds it then.
      const lineCounter = new LineCounter();
      const yamlError = parseDocument(text, { lineCounter }).errors[0];
      const line = pos ? lineOfOffset(text, Number(pos[1])) : yamlError ? lineCounter.linePos(yamlError.pos[0]).line : undefined;
      return { file, findings: [located(SPEC_SYNTAX, "spec", `invalid JSON: ${msg}`, file, line)], source: new SourceMap(undefined, undefined) };
    }
  }
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    // Unique keys are checked below in linear time (the parser's own check is quadratic).
    doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  } catch (e) {
    // The text bound above keeps the parser's recursion shallow; this is the last line of defence.
    if (!(e instanceof RangeError)) throw e;
    return { file, findings: [located(SPEC_LIMITS, "spec", `the document nests too deeply to read (${e.message})`, file)], source: new SourceMap(undefined, undefined) };
  }
  const source = new SourceMap(doc, lineCounter);
  const syntax = doc.errors.map((e) => located(SPEC_SYNTAX, "spec", `invalid ${json ? "JSON" : "YAML"}: ${e.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`, file, lineCounter.linePos(e.pos[0]).line));
  if (syntax.length > 0) return { file, source, findings: syntax };
  const duplicates = duplicateKeys(doc, lineCounter, file);
  if (duplicates.length > 0) return { file, source, findings: duplicates };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const rule = /alias/i.test(message) || e instanceof RangeError ? SPEC_LIMITS : SPEC_SYNTAX;
    return { file, source, findings: [located(rule, "spec", `cannot read the document: ${message}`, file)] };
  }
  return validateSpecValue(value, file, source);
}

/** Validates a parsed spec value (from a file, or a spec object given in code). */
export function validateSpecValue(value: unknown, file?: string, source: SourceMap = new SourceMap(undefined, undefined)): LoadedSpec {
  const limit = checkValueLimits(value);
  if (limit) {
    const p = limit.path ?? [];
    return { file, source, findings: [located(SPEC_LIMITS, p.length > 0 ? formatSpecPath(p) : "spec", limit.message, file, source.lineOf(p))] };
  }
  const result = fleetSpecSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    const findings = result.error.issues.flatMap((i) => issueFindings(i, [], file, source));
    // Report CIDR problems under their own rule first: they are the most specific.
    findings.sort((a, b) => Number(b.ruleId === INVALID_CIDR.id) - Number(a.ruleId === INVALID_CIDR.id) || (a.line ?? 0) - (b.line ?? 0));
    return { file, source, findings };
  }
  return { file, spec: result.data, findings: [], source };
}

/** Reads and validates a spec file; a missing file is an S0 finding. */
export function loadSpecFile(file: string): LoadedSpec {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { file, findings: [located(SPEC_SYNTAX, "spec", code === "ENOENT" ? "file not found" : `cannot read the file: ${(e as Error).message}`, file)], source: new SourceMap(undefined, undefined) };
  }
  return parseSpecText(text, file);
}
