/**
 * Reads a spec file (YAML, or JSON by extension) and validates it against the zod schema.
 * Every problem becomes a finding naming the file, the field path (`clusters[2].cni.podCidr`)
 * and the line; bad CIDRs carry lib/cidr's message. Nothing here throws on bad input.
 */
import * as fs from "fs";
import { Document, LineCounter, isCollection, isScalar, parseDocument, visit } from "yaml";
import { SPEC_LIMITS, SPEC_SYNTAX } from "../plan/rules/fleet-rules";
import { INVALID } from "./aot-leaves";
import { compiledFleetSpec } from "./compiled-validators";
import { LocatedFinding, located } from "./located-finding";
import { SourceMap, formatSpecPath } from "./source-map";
import { MAX_ALIAS_COUNT, checkTextLimits, checkValueLimits } from "./read-limits";
import { describe } from "./describe-value";
import { FleetSpecFile } from "./spec-types";

// zod and the spec schema load only for a spec that the compiled validator rejects (issue 12).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const zodValidator = (): typeof import("./schema-findings") => require("./schema-findings") as typeof import("./schema-findings");

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
  // The compiled validator accepts exactly what the zod schema accepts, with the same output
  // (test/spec/compiled-validators.test.ts); the findings of a rejected spec come from zod.
  const spec = compiledFleetSpec(value);
  if (spec === INVALID) return { file, source, ...zodValidator().validateWithZod(value, file, source) };
  return { file, spec: spec as FleetSpecFile, findings: [], source };
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
