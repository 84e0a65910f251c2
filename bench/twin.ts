/**
 * The raw L1 twin (issue 12): from a synthesized `cdktf.out`, generates a CommonJS app that
 * creates the same stacks, providers, resources, data sources and outputs directly with the
 * generated binding classes, the way hand-written L1 code would: `new Vswitch(scope, "id", {
 * vpcId: vpc.getStringAttribute("id"), ... })`, references as tokens of the referenced objects
 * (cross-stack ones too, so cdktf creates the remote-state data sources and outputs itself), the
 * same construct tree (plain `Construct`s as intermediate scopes) so that logical ids and paths
 * come out the same. It requires the bindings from the directory it is given: the bench passes
 * the stock (unmodified generator output) copy in .gen/alicloud-stock.
 *
 * test/bench/twin.test.ts checks that the twin's stacks are byte-identical to the original's.
 */
import * as fs from "fs";
import * as path from "path";

/** The generator's parsed model of a resource, read through the fields the twin needs. */
interface AttrTypeModel {
  readonly typeModelType: string;
  readonly type?: string;
  readonly elementType?: AttrTypeModel;
  readonly isSingleItem?: boolean;
  readonly struct?: { readonly attributes: readonly AttrModel[] };
}
interface AttrModel {
  readonly name: string;
  readonly terraformName: string;
  readonly type: AttrTypeModel;
}
interface ResourceModelLike {
  readonly className: string;
  readonly filePath: string;
  readonly attributes: readonly AttrModel[];
}
interface ResourceParserLike {
  parse(fqpn: string, type: string, schema: unknown, terraformType: string): ResourceModelLike;
}

/** A value position's type, as the twin needs it. */
type TypeInfo =
  | { kind: "simple"; prim: string }
  | { kind: "list"; elem: TypeInfo; single: boolean }
  | { kind: "map"; elem: TypeInfo }
  | { kind: "struct"; attrs: Map<string, AttrInfo> };
interface AttrInfo {
  readonly name: string;
  readonly type: TypeInfo;
}
interface ClassInfo {
  readonly className: string;
  /** Module directory under the bindings root, e.g. "cs-managed-kubernetes". */
  readonly module: string;
  readonly attrs: Map<string, AttrInfo>;
}

function typeInfo(t: AttrTypeModel): TypeInfo {
  switch (t.typeModelType) {
    case "list":
    case "set":
      return { kind: "list", elem: typeInfo(t.elementType as AttrTypeModel), single: t.isSingleItem === true };
    case "map":
      return { kind: "map", elem: typeInfo(t.elementType as AttrTypeModel) };
    case "struct":
      return { kind: "struct", attrs: attrMap(t.struct?.attributes ?? []) };
    default:
      return { kind: "simple", prim: t.type ?? "any" };
  }
}

function attrMap(attrs: readonly AttrModel[]): Map<string, AttrInfo> {
  return new Map(attrs.map((a) => [a.terraformName, { name: a.name, type: typeInfo(a.type) }]));
}

/** Class name, module and attribute names of every resource, data source and the provider. */
export function bindingModel(schemaFile: string): Map<string, ClassInfo> {
  // Loading the generator runs the terraform CLI, which warns about a missing CLI configuration
  // file (~/.terraformrc); none is needed to parse a schema.
  process.env.TF_CLI_CONFIG_FILE = "/dev/null";
  const origError = console.error;
  console.error = (): void => undefined;
  let ResourceParser: new () => ResourceParserLike;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ({ ResourceParser } = require("@cdktf/provider-generator/lib/get/generator/resource-parser") as { ResourceParser: new () => ResourceParserLike });
  } finally {
    console.error = origError;
  }
  const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8")) as {
    provider_schemas: Record<string, { provider: unknown; resource_schemas?: Record<string, unknown>; data_source_schemas?: Record<string, unknown> }>;
  };
  const fqpn = Object.keys(schema.provider_schemas)[0];
  const ps = schema.provider_schemas[fqpn];
  const parser = new ResourceParser();
  const out = new Map<string, ClassInfo>();
  const add = (key: string, m: ResourceModelLike): void => {
    out.set(key, { className: m.className, module: m.filePath.split("/").slice(-2)[0], attrs: attrMap(m.attributes) });
  };
  // Same order as the generator (resources, data sources, provider): class names are made unique in parse order.
  for (const [type, s] of Object.entries(ps.resource_schemas ?? {})) add(type, parser.parse(fqpn, type, s, "resource"));
  for (const [type, s] of Object.entries(ps.data_source_schemas ?? {})) add(`data.${type}`, parser.parse(fqpn, `data_${type}`, s, "data_source"));
  add("provider", parser.parse(fqpn, "provider", ps.provider, "provider"));
  return out;
}

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

interface StackManifest {
  readonly name: string;
  readonly constructPath: string;
  readonly synthesizedStackPath: string;
}

interface Element {
  readonly stack: string;
  /** "resource", "data" or "output" */
  readonly kind: string;
  readonly type: string;
  readonly logicalId: string;
  readonly path: string;
  readonly body: JsonObject;
  varName: string;
}

const CROSS_INPUT = "cross-stack-reference-input-";
const CROSS_OUTPUT = "cross-stack-output-";
const META = new Set(["//", "depends_on", "lifecycle", "provider", "count", "for_each", "connection", "provisioner"]);

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function lit(v: Json): string {
  return JSON.stringify(v);
}

/** Generates the twin of the app whose synth output is in `outdir`; returns its JavaScript source. */
export function generateTwin(outdir: string, bindingsDir: string, schemaFile: string): string {
  const model = bindingModel(schemaFile);
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as { stacks: Record<string, StackManifest> };
  const stacks = Object.values(manifest.stacks);
  const stackJson = new Map<string, JsonObject>(stacks.map((s) => [s.name, JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), "utf8")) as JsonObject]));

  // Every element, by "<stack>/<type>.<logicalId>" (data sources: "<stack>/data.<type>.<logicalId>").
  const elements = new Map<string, Element>();
  // "<stack>/<cross-stack output id>" -> value; "<stack>/<remote-state id>" -> source stack name.
  const crossOutputs = new Map<string, string>();
  const remoteStates = new Map<string, string>();
  const stackByStatePath = new Map<string, string>();
  for (const s of stacks) {
    const tf = stackJson.get(s.name) as JsonObject;
    const backend = isObject(tf.terraform) && isObject(tf.terraform.backend) ? tf.terraform.backend : {};
    if (isObject(backend.local) && typeof backend.local.path === "string") stackByStatePath.set(backend.local.path, s.name);
  }
  let counter = 0;
  for (const s of stacks) {
    const tf = stackJson.get(s.name) as JsonObject;
    for (const kind of ["resource", "data"]) {
      const section = tf[kind];
      if (!isObject(section)) continue;
      for (const [type, byId] of Object.entries(section)) {
        if (!isObject(byId)) continue;
        for (const [logicalId, body] of Object.entries(byId)) {
          if (!isObject(body)) continue;
          if (kind === "data" && type === "terraform_remote_state" && logicalId.startsWith(CROSS_INPUT)) {
            const cfg = body.config;
            const source = isObject(cfg) && typeof cfg.path === "string" ? stackByStatePath.get(cfg.path) : undefined;
            if (!source) throw new Error(`twin: cannot find the source stack of ${s.name}/${logicalId}`);
            remoteStates.set(`${s.name}/${logicalId}`, source);
            continue;
          }
          const meta = isObject(body["//"]) && isObject(body["//"].metadata) ? body["//"].metadata : {};
          if (typeof meta.path !== "string") throw new Error(`twin: ${s.name}/${type}.${logicalId} has no construct path`);
          const key = kind === "data" ? `data.${type}.${logicalId}` : `${type}.${logicalId}`;
          elements.set(`${s.name}/${key}`, { stack: s.name, kind, type, logicalId, path: meta.path, body, varName: `e${counter++}` });
        }
      }
    }
    // Variables: created directly in the stack, under their logical id.
    const variables = tf.variable;
    if (isObject(variables)) {
      for (const [logicalId, body] of Object.entries(variables)) {
        if (!isObject(body)) continue;
        elements.set(`${s.name}/var.${logicalId}`, { stack: s.name, kind: "variable", type: "variable", logicalId, path: `${s.constructPath}/${logicalId}`, body, varName: `e${counter++}` });
      }
    }
    // Outputs: paths from the stack's "//".outputs tree (node path -> logical id).
    const outputs = tf.output;
    if (isObject(outputs)) {
      const pathOf = new Map<string, string>();
      const walk = (node: Json, prefix: string[]): void => {
        if (!isObject(node)) return;
        for (const [k, v] of Object.entries(node)) {
          if (typeof v === "string") pathOf.set(v, [...prefix, k].join("/"));
          else walk(v, [...prefix, k]);
        }
      };
      const top = tf["//"];
      walk(isObject(top) ? (top.outputs ?? {}) : {}, []);
      for (const [logicalId, body] of Object.entries(outputs)) {
        if (!isObject(body)) continue;
        if (logicalId.startsWith(CROSS_OUTPUT)) {
          if (typeof body.value !== "string") throw new Error(`twin: cross-stack output ${logicalId} has no string value`);
          crossOutputs.set(`${s.name}/${logicalId}`, body.value);
          continue;
        }
        const p = pathOf.get(logicalId);
        if (!p) throw new Error(`twin: no construct path for output ${s.name}/${logicalId}`);
        elements.set(`${s.name}/output.${logicalId}`, { stack: s.name, kind: "output", type: "output", logicalId, path: p, body, varName: `e${counter++}` });
      }
    }
  }

  // Which elements are referenced from another stack (kept in the global table R), and the
  // order of stacks (sources before their consumers).
  const exported = new Set<string>();
  /** Same-stack elements referenced by the element being emitted. */
  let currentDeps = new Set<string>();
  const deps = new Map<string, Set<string>>(stacks.map((s) => [s.name, new Set<string>()]));

  /** A simple reference "${a.b.c}" / "${data.a.b.c}" resolved to [element key, attribute]. */
  const simpleRef = (stack: string, expr: string): { key: string; attr: string } | undefined => {
    const cross = /^data\.terraform_remote_state\.([^.]+)\.outputs\.([^.]+)$/.exec(expr);
    if (cross) {
      const source = remoteStates.get(`${stack}/${cross[1]}`);
      const value = source ? crossOutputs.get(`${source}/${cross[2]}`) : undefined;
      const inner = value ? /^\$\{([^{}]+)\}$/.exec(value) : null;
      const r = source && inner ? simpleRef(source, inner[1]) : undefined;
      if (!r) throw new Error(`twin: cannot follow cross-stack reference ${expr} in ${stack}`);
      return r;
    }
    const v = /^var\.([A-Za-z0-9_-]+)$/.exec(expr);
    if (v) return elements.has(`${stack}/var.${v[1]}`) ? { key: `${stack}/var.${v[1]}`, attr: "" } : undefined;
    const m = /^(data\.)?([A-Za-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)$/.exec(expr);
    if (!m) return undefined;
    const key = `${stack}/${m[1] ?? ""}${m[2]}.${m[3]}`;
    return elements.has(key) ? { key, attr: m[4] } : undefined;
  };

  const getter = (t: TypeInfo | undefined): string => {
    if (t?.kind === "list") return t.elem.kind === "simple" && t.elem.prim === "number" ? "getNumberListAttribute" : "getListAttribute";
    if (t?.kind === "map") return t.elem.kind === "simple" && t.elem.prim === "number" ? "getNumberMapAttribute" : t.elem.kind === "simple" && t.elem.prim === "bool" ? "getBooleanMapAttribute" : "getStringMapAttribute";
    if (t?.kind === "simple" && t.prim === "number") return "getNumberAttribute";
    if (t?.kind === "simple" && t.prim === "bool") return "getBooleanAttribute";
    return "getStringAttribute";
  };

  const refExpr = (from: string, r: { key: string; attr: string }, t: TypeInfo | undefined): string => {
    const el = elements.get(r.key) as Element;
    if (el.stack === from) currentDeps.add(r.key);
    let target = el.varName;
    if (el.stack !== from) {
      exported.add(r.key);
      deps.get(from)?.add(el.stack);
      target = `R[${lit(r.key)}]`;
    }
    if (el.kind === "variable") {
      const value = t?.kind === "list" ? "listValue" : t?.kind === "simple" && t.prim === "number" ? "numberValue" : t?.kind === "simple" && t.prim === "bool" ? "booleanValue" : "stringValue";
      return `${target}.${value}`;
    }
    return `${target}.${getter(t)}(${lit(r.attr)})`;
  };

  /** A string with "${...}" interpolations as a JavaScript expression of tokens. */
  const stringExpr = (stack: string, s: string, t: TypeInfo | undefined): string => {
    if (!s.includes("${")) return lit(s);
    const whole = /^\$\{([^{}]+)\}$/.exec(s);
    if (whole) {
      const r = simpleRef(stack, whole[1]);
      return r ? refExpr(stack, r, t) : lit(s);
    }
    const parts: string[] = [];
    let last = 0;
    let simple = true;
    for (const m of s.matchAll(/\$\{([^{}]+)\}/g)) {
      const r = simpleRef(stack, m[1]);
      if (!r) {
        simple = false;
        break;
      }
      if (m.index > last) parts.push(lit(s.slice(last, m.index)));
      parts.push(refExpr(stack, r, undefined));
      last = m.index + m[0].length;
    }
    if (!simple) {
      if (/data\.terraform_remote_state\./.test(s)) throw new Error(`twin: unsupported cross-stack expression ${s}`);
      return lit(s);
    }
    if (last < s.length) parts.push(lit(s.slice(last)));
    return parts.join(" + ");
  };

  const valueExpr = (stack: string, v: Json, t: TypeInfo | undefined): string => {
    if (typeof v === "string") return stringExpr(stack, v, t);
    if (v === null || typeof v !== "object") return lit(v);
    if (Array.isArray(v)) {
      const elem = t?.kind === "list" ? t.elem : undefined;
      return `[${v.map((x) => valueExpr(stack, x, elem)).join(", ")}]`;
    }
    const struct = t?.kind === "struct" ? t : t?.kind === "list" && t.elem.kind === "struct" ? t.elem : undefined;
    if (struct) return structExpr(stack, v, struct.attrs, "");
    const elem = t?.kind === "map" ? t.elem : undefined;
    return `{ ${Object.entries(v).map(([k, x]) => `${lit(k)}: ${valueExpr(stack, x, elem)}`).join(", ")} }`;
  };

  const structExpr = (stack: string, v: JsonObject, attrs: Map<string, AttrInfo>, where: string): string => {
    const fields: string[] = [];
    for (const [k, x] of Object.entries(v)) {
      if (META.has(k)) continue;
      const a = attrs.get(k);
      if (!a) throw new Error(`twin: unknown attribute ${k} in ${where || "a nested block"}`);
      fields.push(`${a.name}: ${valueExpr(stack, x, a.type)}`);
    }
    return `{ ${fields.join(", ")} }`;
  };

  const metaFields = (el: Element, stack: string): string[] => {
    const out: string[] = [];
    for (const k of Object.keys(el.body)) {
      if (k === "//" || !META.has(k) || el.kind === "output") continue;
      const v = el.body[k];
      if (k === "depends_on" && Array.isArray(v)) {
        out.push(`dependsOn: [${v.map((d) => {
          const key = `${stack}/${String(d)}`;
          if (!elements.has(key)) throw new Error(`twin: depends_on ${String(d)} not found`);
          currentDeps.add(key);
        return (elements.get(key) as Element).varName;
        }).join(", ")}]`);
      } else if (k === "lifecycle" && isObject(v)) {
        const camel = (s: string): string => s.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
        out.push(`lifecycle: { ${Object.entries(v).map(([lk, lv]) => `${camel(lk)}: ${lit(lv)}`).join(", ")} }`);
      } else {
        throw new Error(`twin: unsupported meta-argument ${k} on ${el.stack}/${el.type}.${el.logicalId}`);
      }
    }
    return out;
  };

  // Emit each stack.
  const requires = new Map<string, string>();
  const mod = (module: string): string => {
    let v = requires.get(module);
    if (!v) {
      v = `m${requires.size}`;
      requires.set(module, v);
    }
    return v;
  };
  const { makeUniqueId } = require("cdktf/lib/private/unique") as { makeUniqueId: (c: string[]) => string };
  const bodies = new Map<string, string>();
  const scopeDecls: string[] = [];
  const scopeVars = new Map<string, string>([["", "app"]]);
  for (const s of stacks) {
    const tf = stackJson.get(s.name) as JsonObject;
    const lines: string[] = [];
    const scopes = new Map<string, string>([[s.constructPath, "stack"]]);
    lines.push(`  const stack = new TerraformStack(${scopeOfPath(s.constructPath)}, ${lit(s.constructPath.split("/").pop() as string)});`);
    const providers = isObject(tf.provider) ? tf.provider : {};
    let pi = 0;
    for (const [ptype, list] of Object.entries(providers)) {
      const info = model.get("provider");
      if (ptype !== "alicloud" || !info || !Array.isArray(list)) throw new Error(`twin: unsupported provider ${ptype}`);
      for (const p of list) {
        if (!isObject(p)) continue;
        const id = typeof p.alias === "string" ? `alicloud-${p.alias}` : "alicloud";
        lines.push(`  const p${pi++} = new ${mod(info.module)}.${info.className}(stack, ${lit(id)}, ${structExpr(s.name, p, info.attrs, "provider")});`);
      }
    }
    const mine = [...elements.values()].filter((e) => e.stack === s.name);
    const keyOf = (e: Element): string => `${e.stack}/${e.kind === "data" ? "data." : e.kind === "output" ? "output." : e.kind === "variable" ? "var." : ""}${e.type === "output" || e.type === "variable" ? "" : `${e.type}.`}${e.logicalId}`;
    const byPath = new Map(mine.map((e) => [e.path, e]));
    // First the constructor call of each element (which records what it references) ...
    const calls = new Map<Element, { ctor: string; config: string; deps: Element[] }>();
    for (const el of mine) {
      currentDeps = new Set<string>();
      let ctor: string;
      let config: string;
      if (el.kind === "variable") {
        ctor = "TerraformVariable";
        const fields: string[] = [];
        for (const [k, x] of Object.entries(el.body)) {
          if (["type", "default", "description", "sensitive", "nullable"].includes(k)) fields.push(`${k}: ${lit(x)}`);
          else throw new Error(`twin: unsupported variable field ${k}`);
        }
        config = `{ ${fields.join(", ")} }`;
      } else if (el.kind === "output") {
        ctor = "TerraformOutput";
        const fields: string[] = [];
        for (const [k, x] of Object.entries(el.body)) {
          if (k === "value") fields.push(`value: ${valueExpr(s.name, x, undefined)}`);
          else if (k === "description" || k === "sensitive") fields.push(`${k}: ${lit(x)}`);
          else throw new Error(`twin: unsupported output field ${k}`);
        }
        config = `{ ${fields.join(", ")} }`;
      } else {
        const info = model.get(el.kind === "data" ? `data.${el.type}` : el.type);
        if (!info) throw new Error(`twin: no binding class for ${el.kind} ${el.type}`);
        ctor = `${mod(info.module)}.${info.className}`;
        const inner = structExpr(s.name, el.body, info.attrs, `${el.type}.${el.logicalId}`);
        const meta = metaFields(el, s.name);
        config = meta.length ? `${inner.slice(0, -1)}${inner === "{  }" ? "" : ", "}${meta.join(", ")} }` : inner;
      }
      const deps = [...currentDeps].map((k) => elements.get(k) as Element);
      // An element whose path is a prefix of this one's is its scope: it comes first too.
      const parts = el.path.split("/");
      for (let i = parts.length - 1; i > 0; i--) {
        const parent = byPath.get(parts.slice(0, i).join("/"));
        if (parent) deps.push(parent);
      }
      calls.set(el, { ctor, config, deps });
    }
    // ... then the calls in an order where everything referenced is created before.
    const done = new Set<Element>();
    const visiting = new Set<Element>();
    const emit = (el: Element): void => {
      if (done.has(el)) return;
      if (visiting.has(el)) throw new Error(`twin: reference cycle at ${keyOf(el)}`);
      visiting.add(el);
      const call = calls.get(el) as { ctor: string; config: string; deps: Element[] };
      for (const d of call.deps) emit(d);
      const rel = el.path.slice(s.constructPath.length + 1).split("/");
      let parent = "stack";
      let at = s.constructPath;
      for (const part of rel.slice(0, -1)) {
        at = `${at}/${part}`;
        let v = scopes.get(at);
        if (!v) {
          v = `c${scopes.size}`;
          scopes.set(at, v);
          lines.push(`  const ${v} = new Construct(${parent}, ${lit(part)});`);
        }
        parent = v;
      }
      lines.push(`  const ${el.varName} = new ${call.ctor}(${parent}, ${lit(rel[rel.length - 1])}, ${call.config});`);
      scopes.set(el.path, el.varName);
      if (makeUniqueId(rel) !== el.logicalId) lines.push(`  ${el.varName}.overrideLogicalId(${lit(el.logicalId)});`);
      visiting.delete(el);
      done.add(el);
    };
    mine.forEach(emit);
    bodies.set(s.name, lines.join("\n"));
  }
  // Elements referenced from other stacks go into the table R at the end of their stack's
  // function (references are only known once every stack has been emitted).
  for (const key of exported) {
    const el = elements.get(key) as Element;
    bodies.set(el.stack, `${bodies.get(el.stack) as string}\n  R[${lit(key)}] = ${el.varName};`);
  }

  // Stacks in dependency order (sources first), otherwise in manifest order.
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name)) return;
    seen.add(name);
    for (const d of deps.get(name) ?? []) visit(d);
    ordered.push(name);
  };
  for (const s of stacks) visit(s.name);

  function scopeOfPath(stackPath: string): string {
    const parts = stackPath.split("/").slice(0, -1);
    let at = "";
    let parent = "app";
    for (const part of parts) {
      at = at ? `${at}/${part}` : part;
      let v = scopeVars.get(at);
      if (!v) {
        v = `a${scopeVars.size}`;
        scopeVars.set(at, v);
        scopeDecls.push(`const ${v} = new Construct(${parent}, ${lit(part)});`);
      }
      parent = v;
    }
    return parent;
  }
  const out: string[] = [
    "\"use strict\";",
    "// Generated by bench/twin.ts from a synthesized cdktf.out: the raw L1 twin of an app.",
    // the cdktf and constructs that the bindings load, wherever the twin file is
    `const { App, TerraformStack, TerraformOutput, TerraformVariable } = require(${lit(require.resolve("cdktf", { paths: [bindingsDir] }))});`,
    `const { Construct } = require(${lit(require.resolve("constructs", { paths: [bindingsDir] }))});`,
    ...[...requires].map(([m, v]) => `const ${v} = require(${lit(path.join(bindingsDir, m))});`),
    "const R = Object.create(null);",
    "const app = new App();",
    ...scopeDecls,
  ];
  ordered.forEach((name, i) => {
    out.push(`function s${i}() {`, bodies.get(name) as string, "}", `s${i}();`);
  });
  out.push("app.synth();", "");
  return out.join("\n");
}

/** The repository root, from bench/ (ts-jest) or dist/bench/. */
const ROOT = [path.resolve(__dirname, ".."), path.resolve(__dirname, "..", "..")].find((d) => fs.existsSync(path.join(d, "package.json"))) ?? process.cwd();
/** The stock bindings (unmodified generator output, transpiled) kept by scripts/lazy-bindings.js. */
export const STOCK_BINDINGS = path.join(ROOT, ".gen", "alicloud-stock");
export const SCHEMA_FILE = path.join(ROOT, "provider", "alicloud-schema.json");

/** Writes the twin of the app synthesized into `outdir` to `file`, on the stock bindings. */
export function writeTwin(outdir: string, file: string): void {
  if (!fs.existsSync(path.join(STOCK_BINDINGS, "index.js"))) {
    throw new Error(`no stock bindings in ${STOCK_BINDINGS}: run \`npm run generate -- --force\``);
  }
  fs.writeFileSync(file, generateTwin(outdir, STOCK_BINDINGS, SCHEMA_FILE));
}

if (require.main === module) {
  const [outdir, file] = process.argv.slice(2);
  writeTwin(outdir, file);
}
