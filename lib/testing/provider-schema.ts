// Parsed form of provider/alicloud-schema.json (the layout of `terraform providers schema -json`)
// and provider/alicloud-constraints.json (validation rules that schema JSON cannot carry).
// Works on plain JSON only: no cdktf import here.
import * as fs from "fs";
import * as path from "path";
import { isPlainObject, JsonObject } from "./json";

/** cty type as written in the schema JSON ("string", ["list","string"], ["object",{..}], ...). */
export type CtyType =
  | { readonly kind: "string" | "number" | "bool" | "dynamic" }
  | { readonly kind: "list" | "set" | "map"; readonly element: CtyType }
  | { readonly kind: "object"; readonly attributes: ReadonlyMap<string, CtyType>; readonly optional: ReadonlySet<string> }
  | { readonly kind: "tuple"; readonly elements: readonly CtyType[] };

export type NestingMode = "single" | "list" | "set" | "map" | "group";

/** A protocol-6 nested attribute type (`nested_type`); providers built on SDKv2 do not emit these. */
export interface SchemaNestedType {
  readonly nestingMode: NestingMode;
  readonly block: SchemaBlock;
  readonly minItems: number;
  /** 0 = unlimited */
  readonly maxItems: number;
}

export interface SchemaAttribute {
  /** Undefined only when `nested` is set. */
  readonly type?: CtyType;
  readonly nested?: SchemaNestedType;
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
  readonly deprecated: boolean;
  readonly sensitive: boolean;
}

export interface SchemaBlockType {
  readonly nestingMode: NestingMode;
  readonly minItems: number;
  /** 0 = unlimited */
  readonly maxItems: number;
  readonly block: SchemaBlock;
}

export interface SchemaBlock {
  readonly attributes: ReadonlyMap<string, SchemaAttribute>;
  readonly blockTypes: ReadonlyMap<string, SchemaBlockType>;
  readonly deprecated: boolean;
}

export interface NumericBounds {
  readonly min?: number;
  readonly max?: number;
}

export type AllowedValue = string | number | boolean;

export interface AttributeConstraint {
  readonly removed?: string;
  readonly deprecated?: string;
  readonly allowed?: readonly AllowedValue[];
  readonly range?: NumericBounds;
  /** String length, or item count for list/set/map values. */
  readonly length?: NumericBounds;
  /** Source text of the (Go RE2) regular expression, matched unanchored like regexp.MatchString. */
  readonly pattern?: string;
  readonly compiledPattern?: RegExp;
  readonly forceNew?: boolean;
}

export interface TypeConstraints {
  /** Keyed by dotted path ("scaling_config.max_size"). */
  readonly attributes: ReadonlyMap<string, AttributeConstraint>;
  readonly exactlyOneOf: readonly (readonly string[])[];
  readonly atLeastOneOf: readonly (readonly string[])[];
  readonly conflictsWith: readonly (readonly string[])[];
  readonly requiredWith: readonly (readonly string[])[];
}

export interface ProviderSchemaBundle {
  /** Key of provider_schemas, e.g. "registry.terraform.io/aliyun/alicloud". */
  readonly providerAddress: string;
  /** provider_version from the constraints file, when given. */
  readonly providerVersion?: string;
  readonly provider: SchemaBlock;
  readonly resources: ReadonlyMap<string, SchemaBlock>;
  readonly dataSources: ReadonlyMap<string, SchemaBlock>;
  readonly resourceConstraints: ReadonlyMap<string, TypeConstraints>;
  readonly dataSourceConstraints: ReadonlyMap<string, TypeConstraints>;
  /** Where the bundle was read from (undefined when built from in-memory JSON). */
  readonly schemaPath?: string;
  readonly constraintsPath?: string;
}

export const SCHEMA_FILE_NAME = "alicloud-schema.json";
export const CONSTRAINTS_FILE_NAME = "alicloud-constraints.json";
const PACKAGE_NAME = "cdktf-alicloud-ack";
const EMPTY_BLOCK: SchemaBlock = { attributes: new Map(), blockTypes: new Map(), deprecated: false };

class SchemaFormatError extends Error {
  constructor(where: string, message: string) {
    super(`${where}: ${message}`);
    this.name = "SchemaFormatError";
  }
}

// ---------------------------------------------------------------------------------------------
// schema parsing

export function parseCtyType(raw: unknown, where: string): CtyType {
  if (raw === "string" || raw === "number" || raw === "bool" || raw === "dynamic") return { kind: raw };
  if (Array.isArray(raw) && raw.length >= 2) {
    const head: unknown = raw[0];
    if ((head === "list" || head === "set" || head === "map") && raw.length === 2) {
      return { kind: head, element: parseCtyType(raw[1], `${where}[1]`) };
    }
    if (head === "object" && isPlainObject(raw[1]) && raw.length <= 3) {
      const attributes = new Map<string, CtyType>();
      for (const [k, v] of Object.entries(raw[1])) attributes.set(k, parseCtyType(v, `${where}.${k}`));
      const optional = new Set<string>();
      const third: unknown = raw[2];
      if (Array.isArray(third)) for (const o of third) if (typeof o === "string") optional.add(o);
      return { kind: "object", attributes, optional };
    }
    if (head === "tuple" && Array.isArray(raw[1]) && raw.length === 2) {
      const elems: unknown[] = raw[1];
      return { kind: "tuple", elements: elems.map((e, i) => parseCtyType(e, `${where}[${i}]`)) };
    }
  }
  throw new SchemaFormatError(where, `unsupported cty type ${JSON.stringify(raw)}`);
}

function flag(o: JsonObject, key: string): boolean {
  return o[key] === true;
}

function count(o: JsonObject, key: string, where: string): number {
  const v = o[key];
  if (v === undefined || v === null) return 0;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) throw new SchemaFormatError(where, `${key} must be a non-negative integer`);
  return v;
}

function nestingMode(raw: unknown, where: string): NestingMode {
  if (raw === "single" || raw === "list" || raw === "set" || raw === "map" || raw === "group") return raw;
  throw new SchemaFormatError(where, `unsupported nesting_mode ${JSON.stringify(raw)}`);
}

function parseAttribute(raw: unknown, where: string): SchemaAttribute {
  if (!isPlainObject(raw)) throw new SchemaFormatError(where, "attribute must be an object");
  const base = {
    required: flag(raw, "required"),
    optional: flag(raw, "optional"),
    computed: flag(raw, "computed"),
    deprecated: flag(raw, "deprecated"),
    sensitive: flag(raw, "sensitive"),
  };
  if (raw.type !== undefined) return { ...base, type: parseCtyType(raw.type, `${where}.type`) };
  const nt = raw.nested_type;
  if (isPlainObject(nt)) {
    const block = parseBlock({ attributes: nt.attributes ?? {} }, `${where}.nested_type`);
    return {
      ...base,
      nested: {
        nestingMode: nestingMode(nt.nesting_mode, `${where}.nested_type.nesting_mode`),
        block,
        minItems: count(nt, "min_items", where),
        maxItems: count(nt, "max_items", where),
      },
    };
  }
  throw new SchemaFormatError(where, "attribute has neither type nor nested_type");
}

export function parseBlock(raw: unknown, where: string): SchemaBlock {
  if (!isPlainObject(raw)) throw new SchemaFormatError(where, "block must be an object");
  const attributes = new Map<string, SchemaAttribute>();
  const blockTypes = new Map<string, SchemaBlockType>();
  const rawAttrs = raw.attributes ?? {};
  if (!isPlainObject(rawAttrs)) throw new SchemaFormatError(where, "attributes must be an object");
  for (const [name, a] of Object.entries(rawAttrs)) attributes.set(name, parseAttribute(a, `${where}.attributes.${name}`));
  const rawBlocks = raw.block_types ?? {};
  if (!isPlainObject(rawBlocks)) throw new SchemaFormatError(where, "block_types must be an object");
  for (const [name, b] of Object.entries(rawBlocks)) {
    const w = `${where}.block_types.${name}`;
    if (!isPlainObject(b)) throw new SchemaFormatError(w, "block type must be an object");
    blockTypes.set(name, {
      nestingMode: nestingMode(b.nesting_mode, `${w}.nesting_mode`),
      minItems: count(b, "min_items", w),
      maxItems: count(b, "max_items", w),
      block: parseBlock(b.block ?? {}, `${w}.block`),
    });
  }
  return { attributes, blockTypes, deprecated: flag(raw, "deprecated") };
}

function parseSchemaMap(raw: unknown, where: string): Map<string, SchemaBlock> {
  const out = new Map<string, SchemaBlock>();
  if (raw === undefined || raw === null) return out;
  if (!isPlainObject(raw)) throw new SchemaFormatError(where, "must be an object");
  for (const [type, entry] of Object.entries(raw)) {
    if (!isPlainObject(entry)) throw new SchemaFormatError(`${where}.${type}`, "must be an object");
    out.set(type, parseBlock(entry.block ?? {}, `${where}.${type}.block`));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// constraints parsing

function parseBounds(raw: unknown, where: string): NumericBounds | undefined {
  if (raw === undefined) return undefined;
  if (!isPlainObject(raw)) throw new SchemaFormatError(where, "must be an object with min and/or max");
  const out: { min?: number; max?: number } = {};
  for (const k of ["min", "max"] as const) {
    const v = raw[k];
    if (v === undefined) continue;
    if (typeof v !== "number") throw new SchemaFormatError(`${where}.${k}`, "must be a number");
    out[k] = v;
  }
  return out;
}

function optString(raw: unknown, where: string): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== "string") throw new SchemaFormatError(where, "must be a string");
  return raw;
}

/**
 * Compiles a Go RE2 pattern to a JS RegExp. Handles a leading inline flag group such as `(?i)` or
 * `(?s)`, which JavaScript does not understand; everything else is passed through as is.
 */
export function compileGoPattern(pattern: string, where = "pattern"): RegExp {
  let src = pattern;
  let flags = "";
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    src = src.slice(m[0].length);
    for (const f of m[1]) if (f !== "U" && !flags.includes(f)) flags += f;
  }
  try {
    return new RegExp(src, flags);
  } catch (e) {
    throw new SchemaFormatError(where, `invalid regular expression ${JSON.stringify(pattern)}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function parseAttributeConstraint(raw: unknown, where: string): AttributeConstraint {
  if (!isPlainObject(raw)) throw new SchemaFormatError(where, "must be an object");
  let allowed: AllowedValue[] | undefined;
  if (raw.allowed !== undefined) {
    if (!Array.isArray(raw.allowed)) throw new SchemaFormatError(`${where}.allowed`, "must be an array");
    const vals: unknown[] = raw.allowed;
    allowed = vals.map((v, i) => {
      if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
      throw new SchemaFormatError(`${where}.allowed[${i}]`, "must be a string, number or bool");
    });
  }
  const pattern = optString(raw.pattern, `${where}.pattern`);
  if (raw.force_new !== undefined && typeof raw.force_new !== "boolean") throw new SchemaFormatError(`${where}.force_new`, "must be a boolean");
  return {
    removed: optString(raw.removed, `${where}.removed`),
    deprecated: optString(raw.deprecated, `${where}.deprecated`),
    allowed,
    range: parseBounds(raw.range, `${where}.range`),
    length: parseBounds(raw.length, `${where}.length`),
    pattern,
    compiledPattern: pattern === undefined ? undefined : compileGoPattern(pattern, `${where}.pattern`),
    forceNew: raw.force_new === true ? true : undefined,
  };
}

function parseGroups(raw: unknown, where: string): string[][] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw new SchemaFormatError(where, "must be an array of arrays of attribute paths");
  const groups: unknown[] = raw;
  return groups.map((g, i) => {
    if (!Array.isArray(g) || g.length < 1) throw new SchemaFormatError(`${where}[${i}]`, "must be a non-empty array of attribute paths");
    const names: unknown[] = g;
    return names.map((n, j) => {
      if (typeof n !== "string" || n === "") throw new SchemaFormatError(`${where}[${i}][${j}]`, "must be a non-empty string");
      return n;
    });
  });
}

function parseTypeConstraints(raw: unknown, where: string): TypeConstraints {
  if (!isPlainObject(raw)) throw new SchemaFormatError(where, "must be an object");
  const attributes = new Map<string, AttributeConstraint>();
  const rawAttrs = raw.attributes ?? {};
  if (!isPlainObject(rawAttrs)) throw new SchemaFormatError(`${where}.attributes`, "must be an object");
  for (const [p, c] of Object.entries(rawAttrs)) attributes.set(p, parseAttributeConstraint(c, `${where}.attributes.${p}`));
  return {
    attributes,
    exactlyOneOf: parseGroups(raw.exactly_one_of, `${where}.exactly_one_of`),
    atLeastOneOf: parseGroups(raw.at_least_one_of, `${where}.at_least_one_of`),
    conflictsWith: parseGroups(raw.conflicts_with, `${where}.conflicts_with`),
    requiredWith: parseGroups(raw.required_with, `${where}.required_with`),
  };
}

function parseConstraintMap(raw: unknown, where: string): Map<string, TypeConstraints> {
  const out = new Map<string, TypeConstraints>();
  if (raw === undefined || raw === null) return out;
  if (!isPlainObject(raw)) throw new SchemaFormatError(where, "must be an object");
  for (const [type, c] of Object.entries(raw)) out.set(type, parseTypeConstraints(c, `${where}.${type}`));
  return out;
}

// ---------------------------------------------------------------------------------------------
// public entry points

export interface BundleSources {
  readonly schemaPath?: string;
  readonly constraintsPath?: string;
}

/**
 * Builds a bundle from already-parsed JSON (the `terraform providers schema -json` document and,
 * optionally, the constraints document). Throws a descriptive Error on malformed input.
 */
export function createProviderSchemaBundle(schemaJson: unknown, constraintsJson?: unknown, sources: BundleSources = {}): ProviderSchemaBundle {
  const sw = sources.schemaPath ?? "schema";
  if (!isPlainObject(schemaJson)) throw new SchemaFormatError(sw, "schema document must be a JSON object");
  const schemas = schemaJson.provider_schemas;
  if (!isPlainObject(schemas)) throw new SchemaFormatError(sw, "provider_schemas missing");
  const keys = Object.keys(schemas);
  const providerAddress = keys.find((k) => k.endsWith("/aliyun/alicloud")) ?? keys[0];
  if (providerAddress === undefined) throw new SchemaFormatError(sw, "provider_schemas is empty");
  const ps = schemas[providerAddress];
  if (!isPlainObject(ps)) throw new SchemaFormatError(`${sw}.provider_schemas`, `${providerAddress} must be an object`);
  const providerEntry = ps.provider;
  const provider = isPlainObject(providerEntry) ? parseBlock(providerEntry.block ?? {}, `${sw}.provider.block`) : EMPTY_BLOCK;

  const cw = sources.constraintsPath ?? "constraints";
  let providerVersion: string | undefined;
  let resourceConstraints = new Map<string, TypeConstraints>();
  let dataSourceConstraints = new Map<string, TypeConstraints>();
  if (constraintsJson !== undefined) {
    if (!isPlainObject(constraintsJson)) throw new SchemaFormatError(cw, "constraints document must be a JSON object");
    providerVersion = optString(constraintsJson.provider_version, `${cw}.provider_version`);
    resourceConstraints = parseConstraintMap(constraintsJson.resources, `${cw}.resources`);
    dataSourceConstraints = parseConstraintMap(constraintsJson.data_sources, `${cw}.data_sources`);
  }
  return {
    providerAddress,
    providerVersion,
    provider,
    resources: parseSchemaMap(ps.resource_schemas, `${sw}.resource_schemas`),
    dataSources: parseSchemaMap(ps.data_source_schemas, `${sw}.data_source_schemas`),
    resourceConstraints,
    dataSourceConstraints,
    schemaPath: sources.schemaPath,
    constraintsPath: sources.constraintsPath,
  };
}

/**
 * The package root: the nearest ancestor of this file whose package.json is named
 * cdktf-alicloud-ack (works from lib/testing under ts-jest and from dist/lib/testing after tsc).
 */
export function findPackageRoot(startDir: string = __dirname): string {
  let fallback: string | undefined;
  let dir = path.resolve(startDir);
  for (;;) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg)) {
      try {
        const parsed: unknown = JSON.parse(fs.readFileSync(pkg, "utf8"));
        if (isPlainObject(parsed) && parsed.name === PACKAGE_NAME) return dir;
      } catch {
        // not a readable package.json; keep walking
      }
    }
    if (fallback === undefined && fs.existsSync(path.join(dir, "provider", SCHEMA_FILE_NAME))) fallback = dir;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  if (fallback !== undefined) return fallback;
  throw new Error(`cannot locate the ${PACKAGE_NAME} package root (with provider/${SCHEMA_FILE_NAME}) above ${startDir}`);
}

export function defaultSchemaPath(): string {
  return path.join(findPackageRoot(), "provider", SCHEMA_FILE_NAME);
}

export function defaultConstraintsPath(): string {
  return path.join(findPackageRoot(), "provider", CONSTRAINTS_FILE_NAME);
}

function readJson(file: string): unknown {
  const text = fs.readFileSync(file, "utf8");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${file}: invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const cache = new Map<string, { stamp: string; bundle: ProviderSchemaBundle }>();

function stampOf(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return "missing";
  }
}

/**
 * Reads and parses the provider schema and constraints files. Defaults:
 * `<package root>/provider/alicloud-schema.json` and `<package root>/provider/alicloud-constraints.json`.
 * A missing constraints file at the default location is treated as empty; an explicitly given
 * path must exist. Results are cached per path and file modification time.
 */
export function loadProviderSchema(schemaPath?: string, constraintsPath?: string): ProviderSchemaBundle {
  const sp = path.resolve(schemaPath ?? defaultSchemaPath());
  const explicitConstraints = constraintsPath !== undefined;
  const cp = path.resolve(constraintsPath ?? (schemaPath !== undefined ? path.join(path.dirname(sp), CONSTRAINTS_FILE_NAME) : defaultConstraintsPath()));
  const key = `${sp}\0${cp}`;
  const stamp = `${stampOf(sp)}|${stampOf(cp)}`;
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.bundle;
  const schemaJson = readJson(sp);
  let constraintsJson: unknown;
  if (fs.existsSync(cp)) constraintsJson = readJson(cp);
  else if (explicitConstraints) throw new Error(`constraints file not found: ${cp}`);
  const bundle = createProviderSchemaBundle(schemaJson, constraintsJson, {
    schemaPath: sp,
    constraintsPath: constraintsJson === undefined ? undefined : cp,
  });
  cache.set(key, { stamp, bundle });
  return bundle;
}
