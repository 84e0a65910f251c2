// Schema-conformance checker for synthesized Terraform JSON (cdk.tf.json): validates every
// alicloud resource, data source and provider block against provider/alicloud-schema.json plus
// the extra rules in provider/alicloud-constraints.json. Works on plain JSON (no cdktf import).
import * as fs from "fs";
import * as path from "path";
import { checkCtyValue, keySuffix, toCtyBool, toCtyNumber, toCtyString } from "./cty-values";
import { describe, isExpression, isPlainObject, JsonObject } from "./json";
import {
  AllowedValue,
  AttributeConstraint,
  CtyType,
  loadProviderSchema,
  NumericBounds,
  ProviderSchemaBundle,
  SchemaAttribute,
  SchemaBlock,
  SchemaBlockType,
  TypeConstraints,
} from "./provider-schema";

export { loadProviderSchema, createProviderSchemaBundle } from "./provider-schema";
export type { ProviderSchemaBundle } from "./provider-schema";

export enum ConformanceSeverity {
  ERROR = "error",
  WARNING = "warning",
}

/** Stable issue codes, one per kind of check. */
export const ConformanceCode = {
  UNKNOWN_TYPE: "unknown-type",
  UNKNOWN_ARGUMENT: "unknown-argument",
  REMOVED_ARGUMENT: "removed-argument",
  DEPRECATED_ARGUMENT: "deprecated-argument",
  DEPRECATED_TYPE: "deprecated-type",
  COMPUTED_ONLY: "computed-only",
  WRONG_TYPE: "wrong-type",
  MISSING_REQUIRED: "missing-required",
  ITEM_COUNT: "item-count",
  STRING_LENGTH: "string-length",
  NOT_ALLOWED: "not-allowed",
  OUT_OF_RANGE: "out-of-range",
  PATTERN_MISMATCH: "pattern-mismatch",
  EXACTLY_ONE_OF: "exactly-one-of",
  AT_LEAST_ONE_OF: "at-least-one-of",
  CONFLICTS_WITH: "conflicts-with",
  REQUIRED_WITH: "required-with",
  PROVIDER_SOURCE: "provider-source",
  PROVIDER_VERSION: "provider-version",
} as const;
export type ConformanceCodeValue = (typeof ConformanceCode)[keyof typeof ConformanceCode];

export interface ConformanceIssue {
  readonly severity: ConformanceSeverity;
  readonly code: string;
  /** e.g. "resource.alicloud_vswitch.net_node_a.cidr_block", "data.alicloud_zones.z.available_resource_creation" */
  readonly address: string;
  readonly message: string;
  /** Set by checkConformanceOfDirectory: the cdktf stack the issue was found in. */
  readonly stack?: string;
}

const PROVIDER_LOCAL_NAME = "alicloud";
const TYPE_PREFIX = "alicloud_";
/** Terraform meta-arguments (plus cdktf's "//" metadata) accepted on every resource and data block. */
const TOP_LEVEL_META: ReadonlySet<string> = new Set(["//", "depends_on", "count", "for_each", "provider", "lifecycle", "provisioner", "connection"]);
const PROVIDER_META: ReadonlySet<string> = new Set(["//", "alias", "version"]);
const NO_META: ReadonlySet<string> = new Set();

class Collector {
  readonly issues: ConformanceIssue[] = [];
  error(code: ConformanceCodeValue, address: string, message: string): void {
    this.issues.push({ severity: ConformanceSeverity.ERROR, code, address, message });
  }
  warn(code: ConformanceCodeValue, address: string, message: string): void {
    this.issues.push({ severity: ConformanceSeverity.WARNING, code, address, message });
  }
}

interface BodyContext {
  readonly address: string;
  /** Dotted constraint path of this body ("" at the top, "scaling_config" inside that block). */
  readonly prefix: string;
  readonly constraints?: TypeConstraints;
  readonly providerVersion?: string;
  readonly out: Collector;
}

function join(prefix: string, name: string): string {
  return prefix === "" ? name : `${prefix}.${name}`;
}

function boundsText(b: NumericBounds): string {
  if (b.min !== undefined && b.max !== undefined) return `between ${b.min} and ${b.max}`;
  if (b.min !== undefined) return `at least ${b.min}`;
  return `at most ${b.max}`;
}

function outside(n: number, b: NumericBounds): boolean {
  return (b.min !== undefined && n < b.min) || (b.max !== undefined && n > b.max);
}

// ---------------------------------------------------------------------------------------------
// name suggestions

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

function suggestion(name: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDist = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = editDistance(name, c);
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  return best === undefined ? "" : `; did you mean "${best}"?`;
}

// ---------------------------------------------------------------------------------------------
// value constraints (allowed / range / pattern / length)

function matchesAllowed(v: unknown, allowed: readonly AllowedValue[], type: CtyType): boolean {
  if (type.kind === "number") {
    const n = toCtyNumber(v);
    return allowed.some((a) => toCtyNumber(a) === n);
  }
  if (type.kind === "bool") {
    const b = toCtyBool(v);
    return allowed.some((a) => toCtyBool(a) === b);
  }
  const s = toCtyString(v);
  return allowed.some((a) => toCtyString(a) === s);
}

function checkScalar(v: unknown, type: CtyType, c: AttributeConstraint, address: string, out: Collector): void {
  if (v === null || v === undefined || isExpression(v)) return;
  if (c.allowed !== undefined && !matchesAllowed(v, c.allowed, type)) {
    out.error(ConformanceCode.NOT_ALLOWED, address, `${describe(v)} is not one of ${c.allowed.map((a) => JSON.stringify(a)).join(", ")}`);
  }
  if (c.range !== undefined) {
    const n = toCtyNumber(v);
    if (n !== undefined && outside(n, c.range)) out.error(ConformanceCode.OUT_OF_RANGE, address, `${describe(v)} must be ${boundsText(c.range)}`);
  }
  if (c.compiledPattern !== undefined) {
    const s = toCtyString(v);
    if (s !== undefined && !c.compiledPattern.test(s)) {
      out.error(ConformanceCode.PATTERN_MISMATCH, address, `${describe(v)} does not match /${c.pattern ?? c.compiledPattern.source}/`);
    }
  }
}

function checkLength(value: unknown, type: CtyType, b: NumericBounds, address: string, out: Collector): void {
  if (Array.isArray(value)) {
    if (outside(value.length, b)) out.error(ConformanceCode.ITEM_COUNT, address, `has ${value.length} items; must have ${boundsText(b)}`);
  } else if (isPlainObject(value) && type.kind === "map") {
    const n = Object.keys(value).length;
    if (outside(n, b)) out.error(ConformanceCode.ITEM_COUNT, address, `has ${n} entries; must have ${boundsText(b)}`);
  } else {
    const s = toCtyString(value);
    if (s !== undefined) {
      const len = [...s].length;
      if (outside(len, b)) out.error(ConformanceCode.STRING_LENGTH, address, `${describe(value)} has length ${len}; must be ${boundsText(b)}`);
    }
  }
}

/**
 * Applies the constraint for `cpath` to a type-correct value, then descends into object-typed
 * values so dotted paths ("rules.port") reach attributes of objects and lists of objects.
 */
function applyValueConstraints(value: unknown, type: CtyType, cpath: string, address: string, ctx: BodyContext): void {
  if (value === null || value === undefined || isExpression(value)) return;
  const c = ctx.constraints?.attributes.get(cpath);
  if (c !== undefined) {
    if (c.length !== undefined) checkLength(value, type, c.length, address, ctx.out);
    if (c.allowed !== undefined || c.range !== undefined || c.compiledPattern !== undefined) {
      if ((type.kind === "list" || type.kind === "set") && Array.isArray(value)) {
        const items: unknown[] = value;
        items.forEach((item, i) => checkScalar(item, type.element, c, `${address}[${i}]`, ctx.out));
      } else if (type.kind === "map" && isPlainObject(value)) {
        for (const [k, v] of Object.entries(value)) checkScalar(v, type.element, c, `${address}${keySuffix(k)}`, ctx.out);
      } else if (type.kind !== "object" && type.kind !== "tuple") {
        checkScalar(value, type, c, address, ctx.out);
      }
    }
  }
  if (type.kind === "object" && isPlainObject(value)) {
    for (const [k, t] of type.attributes) applyValueConstraints(value[k], t, `${cpath}.${k}`, `${address}.${k}`, ctx);
  } else if ((type.kind === "list" || type.kind === "set") && type.element.kind === "object" && Array.isArray(value)) {
    const items: unknown[] = value;
    items.forEach((item, i) => applyValueConstraints(item, type.element, cpath, `${address}[${i}]`, { ...ctx, constraints: withoutTop(ctx.constraints, cpath) }));
  }
}

/** Constraints minus the entry for `cpath` itself (so list-level rules are not re-applied per element). */
function withoutTop(tc: TypeConstraints | undefined, cpath: string): TypeConstraints | undefined {
  if (tc === undefined || !tc.attributes.has(cpath)) return tc;
  const attributes = new Map(tc.attributes);
  attributes.delete(cpath);
  return { ...tc, attributes };
}

// ---------------------------------------------------------------------------------------------
// bodies, attributes, blocks

/** Reports removed/deprecated use; returns false when the argument is removed (skip further checks). */
function checkLifecycle(name: string, schemaDeprecated: boolean, c: AttributeConstraint | undefined, address: string, ctx: BodyContext): boolean {
  if (c?.removed !== undefined) {
    const version = ctx.providerVersion ? ` in alicloud provider ${ctx.providerVersion}` : "";
    ctx.out.error(ConformanceCode.REMOVED_ARGUMENT, address, `"${name}" was removed${version}: ${c.removed}`);
    return false;
  }
  if (c?.deprecated !== undefined) ctx.out.warn(ConformanceCode.DEPRECATED_ARGUMENT, address, `"${name}" is deprecated: ${c.deprecated}`);
  else if (schemaDeprecated) ctx.out.warn(ConformanceCode.DEPRECATED_ARGUMENT, address, `"${name}" is deprecated in the provider schema`);
  return true;
}

function checkAttribute(name: string, value: unknown, attr: SchemaAttribute, ctx: BodyContext): void {
  if (value === null || value === undefined) return; // null = unset in Terraform
  const cpath = join(ctx.prefix, name);
  const address = `${ctx.address}.${name}`;
  if (!checkLifecycle(name, attr.deprecated, ctx.constraints?.attributes.get(cpath), address, ctx)) return;
  if (attr.computed && !attr.optional && !attr.required) {
    ctx.out.error(ConformanceCode.COMPUTED_ONLY, address, `"${name}" is computed by the provider and cannot be set`);
    return;
  }
  if (attr.nested !== undefined) {
    const n = attr.nested;
    checkNestedValue(name, value, { nestingMode: n.nestingMode, minItems: n.minItems, maxItems: n.maxItems, block: n.block }, address, cpath, ctx, true);
    return;
  }
  const type = attr.type;
  if (type === undefined) return;
  const mismatches = checkCtyValue(value, type);
  for (const m of mismatches) {
    if (m.warning) ctx.out.warn(ConformanceCode.WRONG_TYPE, address + m.path, m.message);
    else ctx.out.error(ConformanceCode.WRONG_TYPE, address + m.path, m.message);
  }
  if (mismatches.some((m) => !m.warning)) return;
  applyValueConstraints(value, type, cpath, address, ctx);
}

interface Instance {
  readonly body: JsonObject;
  readonly address: string;
}

/**
 * Checks the shape of a nested block (or protocol-6 nested attribute) value and recurses into
 * each instance. cdktf renders list/set blocks as arrays, except MaxItems:1 list/set blocks which
 * it renders as a single object; single/group blocks are objects; map blocks are objects of bodies.
 */
function checkNestedValue(name: string, value: unknown, bt: SchemaBlockType, address: string, cpath: string, ctx: BodyContext, isAttribute: boolean): void {
  const out = ctx.out;
  if (isExpression(value)) {
    if (isAttribute) return;
    out.error(ConformanceCode.WRONG_TYPE, address, `"${name}" is a nested block; a Terraform expression cannot stand in for a block (use a dynamic block, e.g. TerraformIterator.dynamic())`);
    return;
  }
  const instances: Instance[] = [];
  const addInstance = (v: unknown, addr: string): void => {
    if (isPlainObject(v)) instances.push({ body: v, address: addr });
    else out.error(ConformanceCode.WRONG_TYPE, addr, `expected a ${name} block (object), got ${describe(v)}`);
  };
  switch (bt.nestingMode) {
    case "single":
    case "group":
      if (isPlainObject(value)) addInstance(value, address);
      else if (Array.isArray(value) && value.length <= 1) {
        const items: unknown[] = value;
        items.forEach((v, i) => addInstance(v, `${address}[${i}]`));
      } else if (Array.isArray(value)) {
        out.error(ConformanceCode.ITEM_COUNT, address, `"${name}" is a single block; got ${value.length}`);
        return;
      } else {
        out.error(ConformanceCode.WRONG_TYPE, address, `expected a ${name} block (object), got ${describe(value)}`);
        return;
      }
      break;
    case "list":
    case "set":
      if (Array.isArray(value)) {
        const items: unknown[] = value;
        items.forEach((v, i) => addInstance(v, `${address}[${i}]`));
      } else if (isPlainObject(value)) {
        if (bt.maxItems !== 1) {
          out.warn(
            ConformanceCode.WRONG_TYPE,
            address,
            `"${name}" is a ${bt.nestingMode} block without max_items=1, which cdktf renders as an array; got a single object (Terraform reads it as one block)`,
          );
        }
        addInstance(value, address);
      } else {
        out.error(ConformanceCode.WRONG_TYPE, address, `expected an array of ${name} blocks, got ${describe(value)}`);
        return;
      }
      break;
    case "map":
      if (!isPlainObject(value)) {
        out.error(ConformanceCode.WRONG_TYPE, address, `expected an object of labelled ${name} blocks, got ${describe(value)}`);
        return;
      }
      for (const [label, v] of Object.entries(value)) addInstance(v, `${address}${keySuffix(label)}`);
      break;
  }
  const n = instances.length;
  if (bt.nestingMode === "list" || bt.nestingMode === "set" || bt.nestingMode === "map") {
    const limits: NumericBounds = { min: bt.minItems > 0 ? bt.minItems : undefined, max: bt.maxItems > 0 ? bt.maxItems : undefined };
    if ((limits.min !== undefined || limits.max !== undefined) && outside(n, limits)) {
      out.error(ConformanceCode.ITEM_COUNT, address, `has ${n} ${name} block${n === 1 ? "" : "s"}; must have ${boundsText(limits)}`);
    }
  }
  const length = ctx.constraints?.attributes.get(cpath)?.length;
  if (length !== undefined && outside(n, length)) out.error(ConformanceCode.ITEM_COUNT, address, `has ${n} ${name} item${n === 1 ? "" : "s"}; must have ${boundsText(length)}`);
  for (const inst of instances) checkBody(inst.body, bt.block, { ...ctx, address: inst.address, prefix: cpath }, NO_META);
}

function checkBlockType(name: string, value: unknown, bt: SchemaBlockType, ctx: BodyContext): void {
  if (value === null || value === undefined) return;
  const cpath = join(ctx.prefix, name);
  const address = `${ctx.address}.${name}`;
  if (!checkLifecycle(name, bt.block.deprecated, ctx.constraints?.attributes.get(cpath), address, ctx)) return;
  checkNestedValue(name, value, bt, address, cpath, ctx, false);
}

/** `dynamic` blocks: {"dynamic": {"<block>": {"for_each", "iterator"?, "content": {...}}}}. Returns the generated block names. */
function checkDynamic(value: unknown, block: SchemaBlock, ctx: BodyContext): Set<string> {
  const names = new Set<string>();
  const address = `${ctx.address}.dynamic`;
  if (!isPlainObject(value)) {
    ctx.out.error(ConformanceCode.WRONG_TYPE, address, `expected an object of dynamic blocks, got ${describe(value)}`);
    return names;
  }
  for (const [name, raw] of Object.entries(value)) {
    const bt = block.blockTypes.get(name);
    const baddr = `${address}.${name}`;
    if (bt === undefined) {
      if (block.attributes.has(name)) ctx.out.error(ConformanceCode.WRONG_TYPE, baddr, `"${name}" is an attribute; dynamic can only generate nested blocks`);
      else ctx.out.error(ConformanceCode.UNKNOWN_ARGUMENT, baddr, `no block type "${name}" here${suggestion(name, block.blockTypes.keys())}`);
      continue;
    }
    names.add(name);
    const cpath = join(ctx.prefix, name);
    if (!checkLifecycle(name, bt.block.deprecated, ctx.constraints?.attributes.get(cpath), baddr, ctx)) continue;
    const specs: unknown[] = Array.isArray(raw) ? raw : [raw];
    specs.forEach((spec, i) => {
      const saddr = Array.isArray(raw) ? `${baddr}[${i}]` : baddr;
      if (!isPlainObject(spec)) {
        ctx.out.error(ConformanceCode.WRONG_TYPE, saddr, `expected a dynamic block specification object, got ${describe(spec)}`);
        return;
      }
      if (spec.for_each === undefined) ctx.out.error(ConformanceCode.MISSING_REQUIRED, `${saddr}.for_each`, `dynamic "${name}" needs for_each`);
      for (const k of Object.keys(spec)) {
        if (k !== "for_each" && k !== "iterator" && k !== "content" && k !== "labels") {
          ctx.out.error(ConformanceCode.UNKNOWN_ARGUMENT, `${saddr}.${k}`, `"${k}" is not valid in a dynamic block (for_each, iterator, labels, content)`);
        }
      }
      const content = spec.content;
      if (isPlainObject(content)) checkBody(content, bt.block, { ...ctx, address: `${saddr}.content`, prefix: cpath }, NO_META);
      else ctx.out.error(ConformanceCode.WRONG_TYPE, `${saddr}.content`, `expected a content object, got ${describe(content)}`);
    });
  }
  return names;
}

function checkBody(body: JsonObject, block: SchemaBlock, ctx: BodyContext, meta: ReadonlySet<string>): void {
  let dynamicNames = new Set<string>();
  for (const [key, value] of Object.entries(body)) {
    if (meta.has(key)) continue;
    if (key === "dynamic" && !block.attributes.has(key) && !block.blockTypes.has(key)) {
      dynamicNames = checkDynamic(value, block, ctx);
      continue;
    }
    const attr = block.attributes.get(key);
    if (attr !== undefined) {
      checkAttribute(key, value, attr, ctx);
      continue;
    }
    const bt = block.blockTypes.get(key);
    if (bt !== undefined) {
      checkBlockType(key, value, bt, ctx);
      continue;
    }
    ctx.out.error(
      ConformanceCode.UNKNOWN_ARGUMENT,
      `${ctx.address}.${key}`,
      `"${key}" is not an argument or block here${suggestion(key, [...block.attributes.keys(), ...block.blockTypes.keys()])}`,
    );
  }
  for (const [name, attr] of block.attributes) {
    const v = body[name];
    if (attr.required && (v === undefined || v === null)) {
      if (ctx.constraints?.attributes.get(join(ctx.prefix, name))?.removed !== undefined) continue;
      ctx.out.error(ConformanceCode.MISSING_REQUIRED, `${ctx.address}.${name}`, `required argument "${name}" is not set`);
    }
  }
  for (const [name, bt] of block.blockTypes) {
    const v = body[name];
    if (bt.minItems > 0 && (v === undefined || v === null) && !dynamicNames.has(name)) {
      if (ctx.constraints?.attributes.get(join(ctx.prefix, name))?.removed !== undefined) continue;
      ctx.out.error(ConformanceCode.MISSING_REQUIRED, `${ctx.address}.${name}`, `at least ${bt.minItems} "${name}" block${bt.minItems === 1 ? "" : "s"} required`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// cross-argument groups

function isSetValue(v: unknown): boolean {
  return v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
}

/** Whether the relative path (segments) is set in body; arrays count as set when any element has it. */
function isPathSet(body: JsonObject, segs: readonly string[]): boolean {
  const [head, ...rest] = segs;
  if (head === undefined) return true;
  const dyn = body.dynamic;
  if (isPlainObject(dyn) && dyn[head] !== undefined) return true;
  const v = body[head];
  if (!isSetValue(v)) return false;
  if (rest.length === 0) return true;
  if (isExpression(v)) return true;
  const items: unknown[] = Array.isArray(v) ? v : [v];
  return items.some((item) => isPlainObject(item) && isPathSet(item, rest));
}

interface GroupScope {
  readonly body: JsonObject;
  readonly address: string;
  /** Paths relative to body. */
  readonly paths: readonly (readonly string[])[];
  readonly names: readonly string[];
}

/**
 * Paths in a group are dotted ("a", "block.x"; Terraform-style "block.0.x" also works). When all
 * members sit in the same nested block, the rule is evaluated once per instance of that block.
 */
function groupScopes(root: JsonObject, rootAddress: string, group: readonly string[]): GroupScope[] {
  const split = group.map((p) => p.split(".").filter((s) => !/^\d+$/.test(s)));
  const first = split[0] ?? [];
  let common = 0;
  while (common < first.length - 1 && split.every((s) => s.length - 1 > common && s[common] === first[common])) common++;
  let scopes: { body: JsonObject; address: string }[] = [{ body: root, address: rootAddress }];
  for (const seg of first.slice(0, common)) {
    const next: { body: JsonObject; address: string }[] = [];
    for (const s of scopes) {
      const v = s.body[seg];
      if (Array.isArray(v)) {
        const items: unknown[] = v;
        items.forEach((item, i) => {
          if (isPlainObject(item)) next.push({ body: item, address: `${s.address}.${seg}[${i}]` });
        });
      } else if (isPlainObject(v)) next.push({ body: v, address: `${s.address}.${seg}` });
    }
    scopes = next;
  }
  const paths = split.map((s) => s.slice(common));
  const names = paths.map((p) => p.join("."));
  return scopes.map((s) => ({ ...s, paths, names }));
}

function quoteList(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(", ");
}

function checkGroups(body: JsonObject, address: string, tc: TypeConstraints, out: Collector): void {
  for (const group of tc.exactlyOneOf) {
    for (const s of groupScopes(body, address, group)) {
      const set = s.names.filter((_, i) => isPathSet(s.body, s.paths[i] ?? []));
      if (set.length !== 1) {
        out.error(
          ConformanceCode.EXACTLY_ONE_OF,
          s.address,
          `exactly one of ${quoteList(s.names)} must be set; ${set.length === 0 ? "none is" : `${quoteList(set)} are`}`,
        );
      }
    }
  }
  for (const group of tc.atLeastOneOf) {
    for (const s of groupScopes(body, address, group)) {
      if (!s.paths.some((p) => isPathSet(s.body, p))) out.error(ConformanceCode.AT_LEAST_ONE_OF, s.address, `at least one of ${quoteList(s.names)} must be set`);
    }
  }
  // conflicts_with / required_with follow the SDK's per-attribute semantics: the first path is the
  // attribute carrying ConflictsWith/RequiredWith, the rest are the keys it lists.
  for (const group of tc.conflictsWith) {
    for (const s of groupScopes(body, address, group)) {
      const [headPath, ...restPaths] = s.paths;
      if (headPath === undefined || !isPathSet(s.body, headPath)) continue;
      const conflicting = s.names.slice(1).filter((_, i) => isPathSet(s.body, restPaths[i] ?? []));
      if (conflicting.length > 0) out.error(ConformanceCode.CONFLICTS_WITH, `${s.address}.${s.names[0]}`, `"${s.names[0]}" conflicts with ${quoteList(conflicting)}`);
    }
  }
  for (const group of tc.requiredWith) {
    for (const s of groupScopes(body, address, group)) {
      const [headPath, ...restPaths] = s.paths;
      if (headPath === undefined || !isPathSet(s.body, headPath)) continue;
      const missing = s.names.slice(1).filter((_, i) => !isPathSet(s.body, restPaths[i] ?? []));
      if (missing.length > 0) out.error(ConformanceCode.REQUIRED_WITH, `${s.address}.${s.names[0]}`, `"${s.names[0]}" requires ${quoteList(missing)} to be set as well`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// document level

function parseDocument(synthesized: unknown): JsonObject {
  let doc = synthesized;
  if (typeof doc === "string") {
    try {
      doc = JSON.parse(doc);
    } catch (e) {
      throw new Error(`synthesized document is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (!isPlainObject(doc)) throw new TypeError("synthesized document must be a JSON object (parsed cdk.tf.json or its text)");
  return doc;
}

function checkSection(
  doc: JsonObject,
  section: "resource" | "data",
  schemas: ReadonlyMap<string, SchemaBlock>,
  constraints: ReadonlyMap<string, TypeConstraints>,
  bundle: ProviderSchemaBundle,
  out: Collector,
): boolean {
  const byType = doc[section];
  if (!isPlainObject(byType)) return false;
  let used = false;
  for (const [type, byName] of Object.entries(byType)) {
    if (!type.startsWith(TYPE_PREFIX) || !isPlainObject(byName)) continue;
    used = true;
    const schema = schemas.get(type);
    const tc = constraints.get(type);
    for (const [name, body] of Object.entries(byName)) {
      if (name === "//") continue;
      const address = `${section}.${type}.${name}`;
      if (schema === undefined) {
        const kind = section === "resource" ? "resource type" : "data source";
        out.error(ConformanceCode.UNKNOWN_TYPE, address, `the alicloud provider has no ${kind} "${type}"${suggestion(type, schemas.keys())}`);
        continue;
      }
      if (!isPlainObject(body)) {
        out.error(ConformanceCode.WRONG_TYPE, address, `expected a ${section} body object, got ${describe(body)}`);
        continue;
      }
      if (schema.deprecated) out.warn(ConformanceCode.DEPRECATED_TYPE, address, `${type} is deprecated in provider ${bundle.providerVersion}`);
      checkBody(body, schema, { address, prefix: "", constraints: tc, providerVersion: bundle.providerVersion, out }, TOP_LEVEL_META);
      if (tc !== undefined) checkGroups(body, address, tc, out);
    }
  }
  return used;
}

function checkProviderBlocks(doc: JsonObject, bundle: ProviderSchemaBundle, out: Collector): boolean {
  const providers = doc.provider;
  if (!isPlainObject(providers)) return false;
  const raw = providers[PROVIDER_LOCAL_NAME];
  if (raw === undefined || raw === null) return false;
  const configs: unknown[] = Array.isArray(raw) ? raw : [raw];
  configs.forEach((cfg, i) => {
    const alias = isPlainObject(cfg) && typeof cfg.alias === "string" ? cfg.alias : undefined;
    const address = `provider.${PROVIDER_LOCAL_NAME}${alias !== undefined ? `.${alias}` : configs.length > 1 ? `[${i}]` : ""}`;
    if (!isPlainObject(cfg)) {
      out.error(ConformanceCode.WRONG_TYPE, address, `expected a provider configuration object, got ${describe(cfg)}`);
      return;
    }
    checkBody(cfg, bundle.provider, { address, prefix: "", providerVersion: bundle.providerVersion, out }, PROVIDER_META);
  });
  return true;
}

function checkRequiredProvider(doc: JsonObject, out: Collector, pinned: string | undefined): void {
  const address = `terraform.required_providers.${PROVIDER_LOCAL_NAME}`;
  const terraform = doc.terraform;
  const rp = isPlainObject(terraform) ? terraform.required_providers : undefined;
  const entry = isPlainObject(rp) ? rp[PROVIDER_LOCAL_NAME] : undefined;
  if (entry === undefined) {
    out.warn(ConformanceCode.PROVIDER_SOURCE, address, `alicloud is used but not declared in required_providers; Terraform would assume hashicorp/alicloud instead of aliyun/alicloud`);
    return;
  }
  const source = isPlainObject(entry) ? entry.source : undefined;
  if (typeof source !== "string") {
    out.warn(ConformanceCode.PROVIDER_SOURCE, `${address}.source`, `no source given; it should end with "aliyun/alicloud"`);
  } else if (!source.toLowerCase().endsWith("aliyun/alicloud")) {
    out.warn(ConformanceCode.PROVIDER_SOURCE, `${address}.source`, `source "${source}" does not end with "aliyun/alicloud"`);
  }
  // The checks are made against one provider version; an unpinned or differently pinned
  // provider would be checked against a schema it doesn't have.
  const version = isPlainObject(entry) ? entry.version : undefined;
  if (pinned !== undefined) {
    if (typeof version !== "string") {
      out.warn(ConformanceCode.PROVIDER_VERSION, `${address}.version`, `no version constraint: terraform init would take the newest provider, while this output is checked against ${pinned}; pin "= ${pinned}"`);
    } else if (version.replace(/\s+/g, "") !== `=${pinned}` && version.trim() !== pinned) {
      out.warn(ConformanceCode.PROVIDER_VERSION, `${address}.version`, `version constraint "${version}" is not the exact version ${pinned} this output is checked against`);
    }
  }
}

/**
 * Checks one synthesized Terraform JSON document (parsed cdk.tf.json, or its text as returned by
 * cdktf's Testing.synth()). Only blocks of alicloud_* types and provider "alicloud" are checked.
 */
export function checkConformance(synthesized: unknown, bundle: ProviderSchemaBundle = loadProviderSchema()): ConformanceIssue[] {
  const doc = parseDocument(synthesized);
  const out = new Collector();
  const usedProvider = checkProviderBlocks(doc, bundle, out);
  const usedResources = checkSection(doc, "resource", bundle.resources, bundle.resourceConstraints, bundle, out);
  const usedData = checkSection(doc, "data", bundle.dataSources, bundle.dataSourceConstraints, bundle, out);
  if (usedProvider || usedResources || usedData) checkRequiredProvider(doc, out, bundle.providerVersion);
  return out.issues;
}

/** Checks every `<cdktfOutDir>/stacks/<stack>/cdk.tf.json`; issues carry the stack name. */
export function checkConformanceOfDirectory(cdktfOutDir: string, bundle: ProviderSchemaBundle = loadProviderSchema()): ConformanceIssue[] {
  const stacksDir = path.join(cdktfOutDir, "stacks");
  if (!fs.existsSync(stacksDir) || !fs.statSync(stacksDir).isDirectory()) {
    throw new Error(`${cdktfOutDir}: no stacks/ directory (expected a cdktf.out directory)`);
  }
  const issues: ConformanceIssue[] = [];
  let found = 0;
  for (const stack of fs.readdirSync(stacksDir).sort()) {
    const file = path.join(stacksDir, stack, "cdk.tf.json");
    if (!fs.existsSync(file)) continue;
    found++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (e) {
      throw new Error(`${file}: invalid JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
    for (const issue of checkConformance(parsed, bundle)) issues.push({ ...issue, stack });
  }
  if (found === 0) throw new Error(`${stacksDir}: no stacks/*/cdk.tf.json found`);
  return issues;
}

/** One issue per line, errors first, with a summary line; "" is never returned. */
export function formatIssues(issues: ConformanceIssue[]): string {
  if (issues.length === 0) return "schema conformance: no issues";
  const errors = issues.filter((i) => i.severity === ConformanceSeverity.ERROR);
  const warnings = issues.filter((i) => i.severity !== ConformanceSeverity.ERROR);
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? "" : "s"}`;
  const lines = [`schema conformance: ${plural(errors.length, "error")}, ${plural(warnings.length, "warning")}`];
  for (const i of [...errors, ...warnings]) {
    const where = i.stack !== undefined ? `[${i.stack}] ${i.address}` : i.address;
    lines.push(`  ${i.severity.padEnd(7)} ${i.code.padEnd(19)} ${where}: ${i.message}`);
  }
  return lines.join("\n");
}

/** Throws an Error whose message is formatIssues(issues) when any error-severity issue is found. */
export function assertConformance(synthesized: unknown, bundle?: ProviderSchemaBundle): void {
  const issues = checkConformance(synthesized, bundle ?? loadProviderSchema());
  if (issues.some((i) => i.severity === ConformanceSeverity.ERROR)) throw new Error(formatIssues(issues));
}

/** Directory variant of assertConformance (every cdktf.out/stacks/x/cdk.tf.json). */
export function assertConformanceOfDirectory(cdktfOutDir: string, bundle?: ProviderSchemaBundle): void {
  const issues = checkConformanceOfDirectory(cdktfOutDir, bundle ?? loadProviderSchema());
  if (issues.some((i) => i.severity === ConformanceSeverity.ERROR)) throw new Error(formatIssues(issues));
}
