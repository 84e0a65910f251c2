// Post-processes the generated L1 bindings (issue 12): the output-reference objects that the
// stock generated classes create eagerly in field initializers
//   private _timeouts = new XTimeoutsOutputReference(this, "timeouts");
// are created on first use instead, behind a private getter of the same name:
//   private __timeouts?: XTimeoutsOutputReference;
//   private get _timeouts(): XTimeoutsOutputReference { ... create once ... }
// Every public member keeps its signature and returns the same object as before (the public
// getter still returns `this._timeouts`). Each such object captures a full stack trace when it
// is created (cdktf's ComplexResolvable), which made the stock constructors expensive.
//
// Two internal paths are rewritten so that they do not force the creation:
//   - reads of `this._x.internalValue` (synthesis, `xInput`, nested internalValue getters) read
//     `this.__x?.internalValue`: a reference never created has the value a fresh one has
//     (undefined: an OutputReference with nothing set and a ComplexList's unset field);
//   - `this._x.internalValue = v` is skipped while the object does not exist and `v` is
//     undefined, since that assignment leaves a fresh object as it was.
// Any other use of such a field fails the generation, so a generator change cannot slip past.
//
// Second, `synthesizeAttributes()` and the `xToTerraform(struct)` mappers return only the keys
// that have a value (see definedOnly below): same JSON, less for cdktf to resolve.
//
// The unmodified generator output is kept in .gen/alicloud-stock (TypeScript, plus JavaScript
// transpiled next to it): the bench's raw L1 twin is built on it, and a test compares every
// attribute getter of every resource between the two.
"use strict";
const fs = require("fs");
const path = require("path");

const FIELD = /^( *)private _(\w+) = new ([\w.]+)\(this, ("[^"\\]*")(, (?:true|false))?\);$/;

/**
 * Rewrites one class body; returns the new text and the number of fields made lazy.
 *
 * A value given before the reference object exists (a constructor's `config.x`, a setter) is
 * kept as given (`__xPending`) and handed to the object when something creates it. Reads that
 * only need the value (synthesis, `xInput`, a parent block's internalValue) go through `__xValue`:
 * the object's internalValue if it exists; otherwise, for a pending value, the internalValue of
 * a throwaway object holding it (the same normalization, nothing kept: issue 12, memory — every
 * such object keeps a full stack trace for the life of the app).
 */
function lazyClass(text, where) {
  const lines = text.split("\n");
  const fields = new Map();
  for (let i = 0; i < lines.length; i++) {
    const m = FIELD.exec(lines[i]);
    if (!m) continue;
    const [, indent, name, cls, attr, extra] = m;
    fields.set(name, { cls, line: i, indent, create: `new ${cls}(this, ${attr}${extra || ""})` });
  }
  if (fields.size === 0) return { text, count: 0 };
  let out = lines.join("\n");
  const writes = new Set();
  for (const name of fields.keys()) {
    const esc = name.replace(/\$/g, "\\$");
    if (new RegExp(`^ *this\\._${esc}\\.internalValue = [^;\\n]+;$`, "m").test(out)) writes.add(name);
  }
  out = out.split("\n").map((l, i) => {
    for (const [name, f] of fields) {
      if (f.line !== i) continue;
      const { indent, cls, create } = f;
      if (!writes.has(name)) {
        return [
          `${indent}private __${name}?: ${cls};`,
          `${indent}private get _${name}(): ${cls} {`,
          `${indent}  if (this.__${name} === undefined) this.__${name} = ${create};`,
          `${indent}  return this.__${name};`,
          `${indent}}`,
        ].join("\n");
      }
      return [
        `${indent}private __${name}?: ${cls};`,
        `${indent}private __${name}Pending?: ${cls}["internalValue"];`,
        `${indent}private get _${name}(): ${cls} {`,
        `${indent}  if (this.__${name} === undefined) {`,
        `${indent}    this.__${name} = ${create};`,
        `${indent}    if (this.__${name}Pending !== undefined) this.__${name}.internalValue = this.__${name}Pending;`,
        `${indent}    this.__${name}Pending = undefined;`,
        `${indent}  }`,
        `${indent}  return this.__${name};`,
        `${indent}}`,
        `${indent}private get __${name}Value(): ${cls}["internalValue"] {`,
        `${indent}  if (this.__${name} !== undefined) return this.__${name}.internalValue;`,
        `${indent}  if (this.__${name}Pending === undefined) return undefined;`,
        `${indent}  const held = ${create};`,
        `${indent}  held.internalValue = this.__${name}Pending;`,
        `${indent}  return held.internalValue;`,
        `${indent}}`,
      ].join("\n");
    }
    return l;
  }).join("\n");
  for (const name of fields.keys()) {
    const esc = name.replace(/\$/g, "\\$");
    // writes: this._x.internalValue = EXPR;
    out = out.replace(new RegExp(`^( *)this\\._${esc}\\.internalValue = ([^;\\n]+);$`, "gm"), (_all, indent, expr) =>
      `${indent}if (this.__${name} !== undefined) this.__${name}.internalValue = ${expr}; else this.__${name}Pending = ${expr};`,
    );
    // reads: this._x.internalValue / this._x?.internalValue (not followed by an assignment)
    out = out.replace(new RegExp(`this\\._${esc}\\??\\.internalValue(?!\\s*=[^=])`, "g"), writes.has(name) ? `this.__${name}Value` : `this.__${name}?.internalValue`);
    // every remaining use must be the public getter's `return this._x;` or the lazy getter itself
    const uses = out.match(new RegExp(`this\\._${esc}\\b[^\\n]*`, "g")) || [];
    for (const u of uses) {
      if (u === `this._${name};` || u.startsWith(`this._${name}.internalValue = `)) continue;
      throw new Error(`lazy-bindings: unexpected use of _${name} in ${where}: ${u}`);
    }
  }
  return { text: out, count: fields.size };
}

const DEFINED_ONLY = [
  "",
  "/** The attributes that have a value (issue 12): the JSON is the same, cdktf's resolver walks fewer keys. */",
  "function __definedOnly(o: { [name: string]: any }): { [name: string]: any } {",
  "  const out: { [name: string]: any } = {};",
  "  for (const k of Object.keys(o)) {",
  "    const v = o[k];",
  "    if (v !== undefined) out[k] = v;",
  "  }",
  "  return out;",
  "}",
  "",
].join("\n");

/**
 * Makes `synthesizeAttributes()` and the `xToTerraform(struct)` mappers return only the keys
 * that have a value. The stock ones return every attribute of the schema (most undefined), and
 * cdktf resolves each key (the key string itself too) in every resolve pass of a stack, only
 * to drop the undefined ones; the resolved JSON is the same either way.
 */
function definedOnly(source, where) {
  let count = 0;
  let out = source;
  const shapes = [
    // resources, data sources, provider: `    return {` ... `\n    };\n`
    [/protected synthesizeAttributes\(\): \{ \[name: string\]: any \} \{\n {4}return \{/g, "\n    };\n", "\n    });\n"],
    // struct mappers: `  return {` ... `\n  }\n}` (not the ToHclTerraform ones)
    [/^export function \w+ToTerraform\([^\n]*\n(?: {2}(?!return )[^\n]*\n)*? {2}return \{/gm, "\n  }\n}", "\n  });\n}"],
  ];
  for (const [head, close, closeWith] of shapes) {
    const braces = [];
    for (const m of out.matchAll(head)) braces.push(m.index + m[0].length - 1);
    for (const brace of braces.reverse()) {
      const end = out.indexOf(close, brace);
      if (end < 0) throw new Error(`lazy-bindings: no end of the object literal at ${where}:${brace}`);
      out = `${out.slice(0, brace)}__definedOnly(${out.slice(brace, end)}${closeWith}${out.slice(end + close.length)}`;
      count++;
    }
  }
  if (count > 0) {
    const lastImport = out.lastIndexOf("\nimport ");
    const at = out.indexOf(";\n", lastImport) + 2;
    out = out.slice(0, at) + DEFINED_ONLY + out.slice(at);
  }
  return { text: out, count };
}

/** Rewrites one generated module; returns its new text and the number of lazy fields. */
function lazyModule(source, where) {
  // Split before each top-level class so that field names are matched within their own class.
  const parts = source.split(/^(?=export class )/m);
  let count = 0;
  const out = parts.map((p) => {
    const r = lazyClass(p, where);
    count += r.count;
    return r.text;
  });
  const d = definedOnly(out.join(""), where);
  return { text: d.text, count, mappers: d.count };
}

function listTs(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listTs(p));
    else if (e.name.endsWith(".ts") && !e.name.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/**
 * Copies the stock bindings in `target` to `stockDir` (TypeScript and transpiled CommonJS), then
 * makes the output references in `target` lazy in place.
 */
function lazyBindings(target, stockDir) {
  const ts = require("typescript");
  fs.rmSync(stockDir, { recursive: true, force: true });
  fs.mkdirSync(stockDir, { recursive: true });
  fs.cpSync(target, stockDir, { recursive: true });
  let fields = 0;
  for (const file of listTs(target)) {
    const stock = fs.readFileSync(file, "utf8");
    const rel = path.relative(target, file);
    const js = ts.transpileModule(stock, {
      compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true },
      fileName: rel,
    }).outputText;
    fs.writeFileSync(path.join(stockDir, rel.replace(/\.ts$/, ".js")), js);
    // ACK_STOCK_BINDINGS=1 keeps the stock classes (to measure the bench's "before" figures).
    if (process.env.ACK_STOCK_BINDINGS === "1") continue;
    const r = lazyModule(stock, rel);
    fields += r.count;
    if (r.count > 0 || r.mappers > 0) fs.writeFileSync(file, r.text);
  }
  return fields;
}

module.exports = { lazyBindings, lazyModule };
