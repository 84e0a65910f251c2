/**
 * Spec mutants for the fuzz suite: a valid fleet spec (examples/fleet.yaml) with a few values
 * replaced by hostile ones (huge, negative, NaN, wrong types, Object.prototype names, dup
 * zones, empty lists), keys dropped or duplicated, then written as YAML or JSON text and
 * optionally mangled as text (characters inserted, deep nesting, aliases). Inputs are bounded
 * (a few KB, or one deep-nesting block) so that every case runs in bounded time.
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { parse, stringify } from "yaml";

const ROOT = path.join(__dirname, "..", "..");
export const EXAMPLE_SPEC = parse(fs.readFileSync(path.join(ROOT, "examples", "fleet.yaml"), "utf8")) as unknown;

/** Values that broke (or could break) the reader, the planner or the constructs. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  // Plausible values too, so that many mutants are accepted and go on to synth (check => synth).
  { weight: 3, arbitrary: fc.constantFrom<unknown>(2, 3, 16, 20, 64, 128, "cn-hangzhou-j", "ack.standard", "dev-2", "10.70.0.0/16", "172.24.0.0/16", true, false, { team: "a" }) },
  fc.constantFrom<unknown>(
    0, -1, -15, 1, 2, 63, 64, 65, 256, 1e10, 5e9, 2 ** 32, 2 ** 53, 10_000_000, 1e15, Number.MAX_VALUE, 0.5, -0.0,
    "", " ", "constructor", "__proto__", "toString", "hasOwnProperty", "ack.pro.smal", "bad key!!", "x".repeat(300),
    "10.0.0.0/33", "192.168.0.1/24", "0.0.0.0/0", "255.255.255.255", "255.255.255.254", "10.0.0.0/8", "::/0", "fd00::/8",
    "cn-hangzhou-i", "terway", "flannel", "terway-edge", "ack-edge", null, true, false, [], {}, [[]],
    ["cn-hangzhou-i", "cn-hangzhou-i"], ["10.0.0.0/24", "10.0.0.0/24"],
    { constructor: "a", __proto__: "b", toString: "c" }, { "acs:x": "y", "bad key!!": "v" },
  ),
  fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
  fc.double(),
  fc.string({ maxLength: 20 }),
);

type Json = unknown;
type PathSeg = string | number;

/** Every path in a JSON value (containers and leaves). */
function paths(v: Json, at: PathSeg[] = [], out: PathSeg[][] = []): PathSeg[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v !== null && typeof v === "object") for (const k of Object.keys(v)) paths((v as Record<string, Json>)[k], [...at, k], out);
  return out;
}

function setAt(root: Json, at: PathSeg[], f: (parent: Record<string | number, Json>, key: PathSeg) => void): Json {
  if (at.length === 0) return root;
  let node = root as Record<string | number, Json>;
  for (const seg of at.slice(0, -1)) node = node[seg] as Record<string | number, Json>;
  f(node, at[at.length - 1]);
  return root;
}

export type Mutation =
  | { kind: "replace"; pick: number; value: unknown }
  | { kind: "delete"; pick: number }
  | { kind: "duplicate"; pick: number }
  | { kind: "setKey"; pick: number; key: string; value: unknown };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("setKey" as const), pick: fc.nat(),
      key: fc.constantFrom("constructor", "__proto__", "toString", "expectedNodes", "expectedPodsPerNode", "expectedServices", "zones", "tags", "labels", "spec", "systemDiskSize", "podsPerNode", "size", "min", "max", "prefix", "peeringSubnetMask", "cidr", "serviceCidr"),
      value: hostileValue,
    }),
  },
);

/** Applies mutations to a deep copy of `base`. */
export function mutate(base: Json, mutations: readonly Mutation[]): Json {
  let root = JSON.parse(JSON.stringify(base)) as Json;
  for (const m of mutations) {
    const all = paths(root).filter((p) => p.length > 0);
    if (all.length === 0) break;
    const at = all[m.pick % all.length];
    if (m.kind === "replace") root = setAt(root, at, (p, k) => Object.defineProperty(p, k, { value: m.value, enumerable: true, writable: true, configurable: true }));
    else if (m.kind === "delete") root = setAt(root, at, (p, k) => (Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k]));
    else if (m.kind === "duplicate") root = setAt(root, at, (p, k) => (Array.isArray(p) ? p.push(JSON.parse(JSON.stringify(p[Number(k)] ?? null)) as Json) : undefined));
    else {
      const containers = paths(root).filter((p) => {
        let v = root as Record<string | number, Json>;
        for (const s of p) v = v[s] as Record<string | number, Json>;
        return v !== null && typeof v === "object" && !Array.isArray(v);
      });
      const c = containers[m.pick % containers.length];
      let v = root as Record<string | number, Json>;
      for (const s of c) v = v[s] as Record<string | number, Json>;
      Object.defineProperty(v, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}

export type TextMangle =
  | { kind: "none" }
  | { kind: "insert"; at: number; text: string }
  | { kind: "nest"; at: number; depth: number; open: string }
  | { kind: "alias"; at: number };

export const textMangle: fc.Arbitrary<TextMangle> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: "none" as const }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(":", "- ", "[", "{", "&a", "*a", "\t", "\n  ", "'", "\"", "#", "!!binary", "<<: *a", "? ", "---\n")) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("nest" as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 2000 }), open: fc.constantFrom("[", "{a: ", "- ") }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("alias" as const), at: fc.nat() }) },
);

/** Writes the spec as YAML or JSON text and mangles it. */
export function specText(value: Json, json: boolean, mangle: TextMangle): string {
  let text: string;
  try {
    text = json ? JSON.stringify(value, null, 1) : stringify(value, { aliasDuplicateObjects: false });
  } catch {
    text = String(value);
  }
  const lines = text.split("\n");
  const line = (at: number) => at % Math.max(1, lines.length);
  switch (mangle.kind) {
    case "insert": {
      const at = mangle.at % Math.max(1, text.length);
      return text.slice(0, at) + mangle.text + text.slice(at);
    }
    case "nest": {
      const close = mangle.open === "[" ? "]" : mangle.open === "- " ? "" : "}";
      const i = line(mangle.at);
      lines[i] = `${lines[i]} ${mangle.open.repeat(mangle.depth)}1${close.repeat(mangle.depth)}`;
      return lines.join("\n");
    }
    case "alias": {
      const i = line(mangle.at);
      lines.splice(i, 0, "x: &a [*a, *a]");
      return lines.join("\n");
    }
    default:
      return text;
  }
}

export const specCase = fc.record({
  mutations: fc.array(mutation, { minLength: 0, maxLength: 3 }),
  json: fc.boolean(),
  mangle: textMangle,
});
