// Checks a JSON configuration value against a cty type the way Terraform's implicit type
// conversion (go-cty convert) would: strings accept numbers and bools, numbers accept numeric
// strings, bools accept "true"/"false"/"1"/"0". Terraform expressions ("${...}") satisfy any type.
import { describe, isExpression, isPlainObject } from "./json";
import { CtyType } from "./provider-schema";

export interface TypeMismatch {
  /** Suffix to append to the attribute's address ("", "[2]", ".key"). */
  readonly path: string;
  readonly message: string;
  /** Terraform accepts the value but something is probably wrong (e.g. object attributes it would discard). */
  readonly warning?: boolean;
}

// big.Float.Parse(s, 10) as used by cty for string -> number (decimal, optional sign/exponent).
const NUMERIC = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function isNumericString(s: string): boolean {
  return NUMERIC.test(s);
}

/** The number Terraform would convert `v` to, or undefined when it would not convert. */
export function toCtyNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" && isNumericString(v)) return Number(v);
  return undefined;
}

/** The bool Terraform would convert `v` to, or undefined when it would not convert. */
export function toCtyBool(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (v === "true" || v === "1") return true;
  if (v === "false" || v === "0") return false;
  return undefined;
}

/** The string Terraform would convert `v` to, or undefined for non-primitive values. */
export function toCtyString(v: unknown): string | undefined {
  if (typeof v === "string") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return undefined;
}

export function ctyTypeName(t: CtyType): string {
  switch (t.kind) {
    case "string":
    case "number":
    case "bool":
    case "dynamic":
      return t.kind;
    case "list":
    case "set":
    case "map":
      return `${t.kind}(${ctyTypeName(t.element)})`;
    case "object":
      return `object({${[...t.attributes.keys()].join(", ")}})`;
    case "tuple":
      return `tuple([${t.elements.map(ctyTypeName).join(", ")}])`;
  }
}

export function keySuffix(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** Returns every place where `value` cannot be converted to `type` (empty = conforms). */
export function checkCtyValue(value: unknown, type: CtyType, path = ""): TypeMismatch[] {
  if (value === null || value === undefined || isExpression(value)) return [];
  const expected = ctyTypeName(type);
  const mismatch = (why?: string): TypeMismatch[] => [
    { path, message: `expected ${expected}, got ${describe(value)}${why ? ` (${why})` : ""}` },
  ];
  switch (type.kind) {
    case "dynamic":
      return [];
    case "string":
      return toCtyString(value) === undefined ? mismatch() : [];
    case "number":
      if (typeof value === "number" && !Number.isFinite(value)) return mismatch();
      return toCtyNumber(value) === undefined ? mismatch(typeof value === "string" ? "not a numeric string" : undefined) : [];
    case "bool":
      return toCtyBool(value) === undefined ? mismatch(typeof value === "string" ? 'only "true", "false", "1" and "0" convert to bool' : undefined) : [];
    case "list":
    case "set": {
      if (!Array.isArray(value)) return mismatch();
      const items: unknown[] = value;
      return items.flatMap((item, i) => checkCtyValue(item, type.element, `${path}[${i}]`));
    }
    case "map":
      if (!isPlainObject(value)) return mismatch();
      return Object.entries(value).flatMap(([k, v]) => checkCtyValue(v, type.element, `${path}${keySuffix(k)}`));
    case "object": {
      if (!isPlainObject(value)) return mismatch();
      const out: TypeMismatch[] = [];
      for (const [k, t] of type.attributes) {
        const v = value[k];
        if (v === undefined) {
          if (!type.optional.has(k)) out.push({ path: `${path}${keySuffix(k)}`, message: `attribute "${k}" is required by ${expected}` });
          continue;
        }
        out.push(...checkCtyValue(v, t, `${path}${keySuffix(k)}`));
      }
      for (const k of Object.keys(value)) {
        if (!type.attributes.has(k)) {
          out.push({ path: `${path}${keySuffix(k)}`, message: `attribute "${k}" is not part of ${expected}; Terraform would discard it`, warning: true });
        }
      }
      return out;
    }
    case "tuple": {
      if (!Array.isArray(value)) return mismatch();
      const items: unknown[] = value;
      if (items.length !== type.elements.length) return mismatch(`needs exactly ${type.elements.length} elements`);
      return items.flatMap((item, i) => {
        const t = type.elements[i];
        return t === undefined ? [] : checkCtyValue(item, t, `${path}[${i}]`);
      });
    }
  }
}
