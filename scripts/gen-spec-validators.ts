/**
 * Writes lib/spec/compiled-validators.ts: the spec and lock validators compiled ahead of time
 * from the zod schemas of lib/spec (spec-schema.ts, lock-schema.ts), so that reading a valid
 * spec needs neither zod nor building the schemas at start-up (issue 12). A compiled validator
 * returns what zod's parse returns, or INVALID where zod reports an issue; the findings of an
 * invalid spec still come from zod. Build, then: `node dist/scripts/gen-spec-validators.js`
 * (`npm run schema` runs it), then build again.
 * test/spec/compiled-validators.test.ts fails when the committed file is not what this writes,
 * and checks that the two validators agree on valid and invalid specs and locks.
 *
 * Only the zod features the schemas use are compiled; any other one (a new check, a transform
 * or refinement not listed in field-schemas.ts COMPILED_LEAVES) stops the generator.
 */
import * as fs from "fs";
import * as path from "path";
import { z } from "zod";
import { COMPILED_LEAVES } from "../lib/spec/field-schemas";
import { lockSchema } from "../lib/spec/lock-schema";
import { fleetSpecSchema } from "../lib/spec/spec-schema";
import { packageRoot } from "./gen-spec-schema";

export const COMPILED_VALIDATORS_PATH = path.join("lib", "spec", "compiled-validators.ts");

/** The parts of zod's internal definitions read here. */
interface Def {
  readonly type: string;
  readonly checks?: ReadonlyArray<{ readonly _zod: { readonly def: CheckDef } }>;
  readonly shape?: Record<string, z.ZodType>;
  readonly catchall?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly element?: z.ZodType;
  readonly entries?: Record<string, string | number>;
  readonly values?: ReadonlyArray<unknown>;
  readonly coerce?: boolean;
}
interface CheckDef {
  readonly check: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly pattern?: RegExp;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

class Compiler {
  private readonly names = new Map<Def, string>();
  private readonly bodies = new Map<string, string>();
  private readonly functions: string[] = [];
  private readonly constants: string[] = [];

  /** The name of the function that validates `schema` (compiled once per definition). */
  fn(schema: z.ZodType, where: string): string {
    const def = defOf(schema);
    const known = this.names.get(def);
    if (known) return known;
    // The schemas have no cycles (z.lazy is not compiled), so a body is complete before it is named.
    const body = this.body(def, where).map((l) => `  ${l}`).join("\n");
    const same = this.bodies.get(body);
    const name = same ?? `v${this.bodies.size}`;
    if (!same) {
      this.bodies.set(body, name);
      this.functions.push(`function ${name}(x: unknown): Checked {\n${body}\n}`);
    }
    this.names.set(def, name);
    return name;
  }

  private constant(text: string): string {
    const name = `C${this.constants.length}`;
    this.constants.push(`const ${name} = ${text};`);
    return name;
  }

  private checks(def: Def, where: string): string[] {
    const out: string[] = [];
    for (const c of def.checks ?? []) {
      const d = c._zod.def;
      switch (d.check) {
        case "min_length":
          out.push(`if (x.length < ${d.minimum}) return INVALID;`);
          break;
        case "max_length":
          out.push(`if (x.length > ${d.maximum}) return INVALID;`);
          break;
        case "greater_than":
          out.push(`if (!(x ${d.inclusive ? ">=" : ">"} ${d.value})) return INVALID;`);
          break;
        case "less_than":
          out.push(`if (!(x ${d.inclusive ? "<=" : "<"} ${d.value})) return INVALID;`);
          break;
        case "number_format":
          if (d.format !== "safeint") throw new Error(`${where}: number format ${d.format} is not compiled`);
          out.push("if (!Number.isSafeInteger(x)) return INVALID;");
          break;
        case "string_format": {
          if (d.format !== "regex" || !d.pattern || /[gy]/.test(d.pattern.flags)) throw new Error(`${where}: string format ${d.format} is not compiled`);
          out.push(`if (!${this.constant(String(d.pattern))}.test(x)) return INVALID;`);
          break;
        }
        default:
          throw new Error(`${where}: check ${d.check} is not compiled (a refinement needs an entry in COMPILED_LEAVES)`);
      }
    }
    return out;
  }

  private body(def: Def, where: string): string[] {
    const leaf = COMPILED_LEAVES.get(def);
    if (leaf) {
      if (leaf.fn !== "dict") return [`return ${leaf.fn}(x);`];
      if (!leaf.value) throw new Error(`${where}: dict without its value schema`);
      return [`return dict(x, ${this.fn(leaf.value, `${where}.*`)});`];
    }
    if (def.coerce) throw new Error(`${where}: coercion is not compiled`);
    switch (def.type) {
      case "string":
        return ['if (typeof x !== "string") return INVALID;', ...this.checks(def, where), "return x;"];
      case "number":
        return ['if (typeof x !== "number" || !Number.isFinite(x)) return INVALID;', ...this.checks(def, where), "return x;"];
      case "boolean":
        if (def.checks?.length) throw new Error(`${where}: checks on a boolean are not compiled`);
        return ['return typeof x === "boolean" ? x : INVALID;'];
      case "enum": {
        // zod's getEnumValues: the values of a TypeScript enum, without a numeric enum's reverse keys.
        const entries = def.entries ?? {};
        const numeric = Object.values(entries).filter((v) => typeof v === "number");
        const values = Object.entries(entries).filter(([k]) => !numeric.includes(Number(k))).map(([, v]) => v);
        return [`return ${this.constant(`new Set<unknown>(${JSON.stringify(values)})`)}.has(x) ? x : INVALID;`];
      }
      case "literal": {
        const values = def.values ?? [];
        if (!values.every((v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v)) || typeof v === "boolean")) throw new Error(`${where}: literal ${String(values)} is not compiled`);
        return [`return ${this.constant(`new Set<unknown>(${JSON.stringify(values)})`)}.has(x) ? x : INVALID;`];
      }
      case "optional":
        return ["if (x === undefined) return undefined;", `return ${this.fn(def.innerType as z.ZodType, where)}(x);`];
      case "array": {
        const el = this.fn(def.element as z.ZodType, `${where}[]`);
        return [
          "if (!Array.isArray(x)) return INVALID;",
          ...this.checks(def, where),
          "const out: unknown[] = new Array(x.length);",
          "for (let i = 0; i < x.length; i++) {",
          `  const r = ${el}(x[i]);`,
          "  if (r === INVALID) return INVALID;",
          "  out[i] = r;",
          "}",
          "return out;",
        ];
      }
      case "object": {
        if (def.checks?.length) throw new Error(`${where}: checks on an object are not compiled`);
        const shape = def.shape ?? {};
        const keys = Object.keys(shape);
        const lines = ["if (!isObject(x)) return INVALID;"];
        if (def.catchall !== undefined) {
          // strictObject: an unknown key is an issue. Other catch-alls are not compiled.
          if (defOf(def.catchall).type !== "never") throw new Error(`${where}: catchall ${defOf(def.catchall).type} is not compiled`);
          const keySet = this.constant(`new Set<string>(${JSON.stringify(keys)})`);
          lines.push(`for (const k of Object.keys(x)) if (!${keySet}.has(k)) return INVALID;`);
        }
        lines.push("const out: Record<string, unknown> = {};", "let r: Checked;");
        // As zod: keys in schema order; an undefined result is kept only for a key the input has.
        for (const k of keys) {
          const key = JSON.stringify(k);
          lines.push(`r = ${this.fn(shape[k], `${where}.${k}`)}(x[${key}]);`, "if (r === INVALID) return INVALID;", `if (r !== undefined || ${key} in x) out[${key}] = r;`);
        }
        lines.push("return out;");
        return lines;
      }
      default:
        throw new Error(`${where}: zod type ${def.type} is not compiled (a transform or custom type needs an entry in COMPILED_LEAVES)`);
    }
  }

  text(exports: ReadonlyArray<readonly [string, z.ZodType, string]>): string {
    const roots = exports.map(([name, schema, doc]) => [name, this.fn(schema, name), doc] as const);
    return [
      "// Generated by scripts/gen-spec-validators.ts from lib/spec/spec-schema.ts and lock-schema.ts: do not edit.",
      "// `npm run schema` rewrites it; test/spec/compiled-validators.test.ts checks that it is current and",
      "// that it accepts exactly what the zod schemas accept, with the same output.",
      "/* eslint-disable */",
      'import { Checked, INVALID, address, cidr, cidrOrList, dict, isObject, netmask, podsPerBlock } from "./aot-leaves";',
      "",
      "void address, cidr, cidrOrList, dict, netmask, podsPerBlock;",
      ...this.constants,
      "",
      ...this.functions.flatMap((f) => [f, ""]),
      ...roots.flatMap(([name, fn, doc]) => [`/** ${doc} */`, `export function ${name}(value: unknown): Checked {`, `  return ${fn}(value);`, "}", ""]),
    ].join("\n");
  }
}

/** The generated file's exact text. */
export function compiledValidatorsText(): string {
  return new Compiler().text([
    ["compiledFleetSpec", fleetSpecSchema, "`fleetSpecSchema.parse(value)`, or INVALID where it reports an issue."],
    ["compiledLock", lockSchema, "`lockSchema.parse(value)`, or INVALID where it reports an issue."],
  ]);
}

if (require.main === module) {
  const target = path.join(packageRoot(), COMPILED_VALIDATORS_PATH);
  fs.writeFileSync(target, compiledValidatorsText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
