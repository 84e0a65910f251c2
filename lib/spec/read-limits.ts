/**
 * Limits of the spec reader (rule S7-spec-limits), checked before and after the YAML parser
 * so that every file gets a verdict: the `yaml` package recurses per nesting level and
 * overflows the stack at about 845 levels of flow nesting, so depth is bounded on the text
 * first; recursive aliases and oversized values are caught on the parsed value, iteratively.
 */
import { SpecPath } from "./source-map";

/** Largest spec file read, in characters (a 20,000-cluster spec is about 7 MB). */
export const MAX_SPEC_CHARS = 64 * 1024 * 1024;
/** Deepest flow nesting (`[`, `{`) accepted. */
export const MAX_FLOW_DEPTH = 64;
/** Deepest block nesting accepted, counted as indentation columns plus indicators on a line. */
export const MAX_BLOCK_DEPTH = 256;
/** Alias expansions accepted (yaml's `maxAliasCount`). */
export const MAX_ALIAS_COUNT = 100_000;
/** Deepest nesting of a parsed value (a spec object given in code included). */
export const MAX_VALUE_DEPTH = 64;
/** Most values (maps, lists, scalars) in a parsed spec. */
export const MAX_VALUE_NODES = 20_000_000;

export interface LimitProblem {
  readonly message: string;
  /** 1-based line (text checks). */
  readonly line?: number;
  /** Field path (value checks). */
  readonly path?: SpecPath;
}

/**
 * An upper bound of the nesting depth of YAML (or JSON) text, line by line: flow brackets
 * outside quotes and comments, and per line the indentation plus the block indicators
 * (`- `, `? `, `: `) on it. Linear in the text.
 */
export function checkTextLimits(text: string): LimitProblem | undefined {
  if (text.length > MAX_SPEC_CHARS) {
    return { message: `the file has ${text.length.toLocaleString("en-US")} characters, more than the ${MAX_SPEC_CHARS.toLocaleString("en-US")} a spec may have; split the fleet` };
  }
  let flow = 0;
  let line = 1;
  let col = 0;
  let indent = 0;
  let indicators = 0;
  let inIndent = true;
  let quote: string | undefined;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      line++;
      col = 0;
      indent = 0;
      indicators = 0;
      inIndent = true;
      comment = false;
      // Single-quoted and double-quoted flow scalars may span lines; keep the quote state.
      continue;
    }
    col++;
    if (comment) continue;
    if (quote !== undefined) {
      if (quote === "\"" && ch === "\\") i++;
      else if (ch === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    if (inIndent && (ch === " " || ch === "\t")) {
      indent++;
    } else {
      inIndent = false;
    }
    const next = text[i + 1];
    const prev = i > 0 ? text[i - 1] : "\n";
    if (ch === "#" && (prev === " " || prev === "\t" || prev === "\n")) comment = true;
    else if (ch === "\"" || ch === "'") {
      if (prev === " " || prev === "\t" || prev === "\n" || prev === "[" || prev === "{" || prev === "," || prev === ":") quote = ch;
    } else if (ch === "[" || ch === "{") {
      flow++;
      if (flow > MAX_FLOW_DEPTH) return { line, message: `more than ${MAX_FLOW_DEPTH} levels of nested [ ] / { } at column ${col}; a spec is a few levels deep` };
    } else if (ch === "]" || ch === "}") {
      flow = Math.max(0, flow - 1);
    } else if ((ch === "-" || ch === "?" || ch === ":") && (next === " " || next === "\t" || next === "\n" || next === undefined)) {
      indicators++;
    }
    if (indent + indicators > MAX_BLOCK_DEPTH) return { line, message: `the block structure nests deeper than ${MAX_BLOCK_DEPTH} levels (indentation plus '- ', '? ', ': ' indicators); a spec is a few levels deep` };
  }
  return undefined;
}

/**
 * Checks a parsed value iteratively: no cycle (a recursive alias, or a circular object given
 * in code), bounded depth and size. Shared subtrees (plain aliases) are fine.
 */
export function checkValueLimits(value: unknown): LimitProblem | undefined {
  interface Frame { readonly v: unknown; readonly path: SpecPath; exit: boolean }
  const onPath = new Set<object>();
  const stack: Frame[] = [{ v: value, path: [], exit: false }];
  let nodes = 0;
  while (stack.length > 0) {
    const f = stack[stack.length - 1];
    if (f.exit) {
      stack.pop();
      onPath.delete(f.v as object);
      continue;
    }
    f.exit = true;
    nodes++;
    if (nodes > MAX_VALUE_NODES) return { message: `the spec holds more than ${MAX_VALUE_NODES.toLocaleString("en-US")} values (aliases expanded)`, path: f.path };
    const v = f.v;
    if (v === null || typeof v !== "object") {
      stack.pop();
      continue;
    }
    if (onPath.has(v)) return { message: "a recursive alias: this value contains itself (an anchor used inside its own value)", path: f.path };
    if (f.path.length > MAX_VALUE_DEPTH) return { message: `values nest deeper than ${MAX_VALUE_DEPTH} levels`, path: f.path };
    onPath.add(v);
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...f.path, i], exit: false });
    } else {
      const keys = Object.keys(v);
      for (let i = keys.length - 1; i >= 0; i--) stack.push({ v: (v as Record<string, unknown>)[keys[i]], path: [...f.path, keys[i]], exit: false });
    }
  }
  return undefined;
}
