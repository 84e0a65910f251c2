/**
 * Maps field paths of a parsed spec (`["clusters", 2, "cni", "podCidr"]`) to 1-based line
 * numbers, through `yaml`'s parseDocument and LineCounter. Works for JSON too (JSON is YAML).
 */
import type { Document, LineCounter, Node, Pair, YAMLMap } from "yaml";

// yaml loads on first use (a document exists only once load-spec has parsed one): an app
// without a spec file does not pay for it at start-up (issue 12).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = (): typeof import("yaml") => require("yaml") as typeof import("yaml");

export type SpecPath = ReadonlyArray<string | number>;

/** `["clusters", 2, "cni", "podCidr"]` -> `clusters[2].cni.podCidr`. */
export function formatSpecPath(path: SpecPath): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    // A key that is not a plain field name (an unknown key such as "" or "a.b") is quoted.
    else if (!/^[A-Za-z_$][\w$-]*$/.test(seg)) out += `[${JSON.stringify(seg)}]`;
    else out += out === "" ? seg : `.${seg}`;
  }
  return out;
}

export class SourceMap {
  /** Key -> pair of each map looked into (built once per map: lookups stay linear overall). */
  private readonly keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(
    private readonly doc: Document | undefined,
    private readonly lines: LineCounter | undefined,
  ) {}

  /** Line of the value at `path`, or of its deepest existing ancestor (the key line for map entries). */
  lineOf(path: SpecPath): number | undefined {
    if (!this.doc || !this.lines) return undefined;
    const { isMap, isSeq } = yaml();
    let node: unknown = this.doc.contents;
    let line = this.lineAt(node);
    for (const seg of path) {
      if (isMap(node)) {
        const pair = this.pairOf(node, String(seg));
        if (!pair) break;
        line = this.lineAt(pair.key) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === "number") {
        const item = node.items[seg];
        if (item === undefined) break;
        line = this.lineAt(item) ?? line;
        node = item;
      } else break;
    }
    return line;
  }

  private pairOf(map: YAMLMap, key: string): Pair | undefined {
    let index = this.keyIndex.get(map);
    if (!index) {
      const { isPair, isScalar } = yaml();
      index = new Map();
      for (const p of map.items) {
        if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
      }
      this.keyIndex.set(map, index);
    }
    return index.get(key);
  }

  /** True when `path` exists in the document. */
  has(path: SpecPath): boolean {
    return this.doc ? this.doc.hasIn(path) : false;
  }

  private lineAt(node: unknown): number | undefined {
    const range = (node as Node | null)?.range;
    if (!range || !this.lines) return undefined;
    return this.lines.linePos(range[0]).line;
  }
}
