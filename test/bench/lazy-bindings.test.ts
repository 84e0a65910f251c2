/**
 * The lazy bindings (scripts/lazy-bindings.js) against the stock generator output kept in
 * .gen/alicloud-stock: for every resource, data source and provider class, every public getter
 * returns the same kind of object resolving to the same value (tokens, references, their own
 * getters one level down), repeated calls return the same object as stock ones do, and the
 * synthesized JSON is identical with every block left unset and with every block set (the
 * lazy bindings also leave undefined attributes out of what they hand to cdktf's resolver).
 * test/bench/twin.test.ts compares whole apps with real values.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, DefaultTokenResolver, StringConcat, TerraformStack, Tokenization } from "cdktf";
import { Construct } from "constructs";
import { STOCK_BINDINGS } from "../../bench/twin";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { lazyModule } = require("../../scripts/lazy-bindings.js") as { lazyModule: (src: string, where: string) => { text: string; count: number } };

const LAZY = path.join(__dirname, "..", "..", "lib", "providers", "alicloud");

type Ctor = new (scope: Construct, id: string, config: Record<string, unknown>) => object;
interface Loaded {
  readonly module: string;
  readonly name: string;
  readonly stock: Ctor;
  readonly lazy: Ctor;
}

function isElementClass(c: unknown): c is Ctor {
  if (typeof c !== "function") return false;
  for (let p = (c as { prototype: object }).prototype; p; p = Object.getPrototypeOf(p)) {
    const n = (p.constructor as { name: string }).name;
    if (n === "TerraformResource" || n === "TerraformDataSource" || n === "TerraformProvider") return true;
  }
  return false;
}

function loadAll(): Loaded[] {
  const out: Loaded[] = [];
  for (const module of fs.readdirSync(LAZY).filter((d) => fs.statSync(path.join(LAZY, d)).isDirectory()).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const stock = require(path.join(STOCK_BINDINGS, module)) as Record<string, unknown>;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lazy = require(path.join(LAZY, module)) as Record<string, unknown>;
    for (const [name, c] of Object.entries(stock)) {
      if (isElementClass(c)) out.push({ module, name, stock: c, lazy: lazy[name] as Ctor });
    }
  }
  return out;
}

/** Public getters of an object's class chain (up to, excluding, cdktf's own classes). */
function getters(o: object): string[] {
  const names = new Set<string>();
  for (let p = Object.getPrototypeOf(o); p && !/^(TerraformResource|TerraformDataSource|TerraformProvider|ComplexObject|ComplexList|ComplexComputedAttribute|ComplexResolvable|StringMap|Object)$/.test((p.constructor as { name: string }).name); p = Object.getPrototypeOf(p)) {
    for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(p))) {
      if (d.get && !k.startsWith("_")) names.add(k);
    }
  }
  return [...names].sort();
}

/** What a getter returns, resolved in `stack`: its class and resolved value, and for complex objects their own getters. */
function resolveIn(stack: TerraformStack, v: unknown): unknown {
  return Tokenization.resolve(v, { scope: stack, resolver: new DefaultTokenResolver(new StringConcat()) }) as unknown;
}

function shape(stack: TerraformStack, v: unknown, depth: number): unknown {
  if (v === null || typeof v !== "object") return { value: resolveIn(stack, v) };
  const cls = (v.constructor as { name: string }).name;
  const out: Record<string, unknown> = { cls, resolved: resolveIn(stack, v) };
  if (depth > 0 && !Array.isArray(v)) {
    for (const g of getters(v)) {
      if (g === "internalValue" || g === "fqn") continue;
      out[g] = shape(stack, (v as Record<string, unknown>)[g], depth - 1);
    }
  }
  return out;
}

/** The construct-valued fields of a stock instance that hold output references, with the config value that sets them. */
function blockConfig(stockInstance: object): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(stockInstance)) {
    if (!k.startsWith("_") || v === null || typeof v !== "object" || !("terraformAttribute" in v)) continue;
    const name = k.slice(1);
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(stockInstance), name)?.set;
    if (!setter) continue; // computed-only (e.g. a StringMap attribute)
    let p = Object.getPrototypeOf(v);
    while (p && !["ComplexList", "ComplexObject"].includes((p.constructor as { name: string }).name)) p = Object.getPrototypeOf(p);
    config[name] = p && (p.constructor as { name: string }).name === "ComplexList" ? [{}] : {};
  }
  return config;
}

const OUTDIR = fs.mkdtempSync(path.join(os.tmpdir(), "ack-lazy-bindings-"));
afterAll(() => fs.rmSync(OUTDIR, { recursive: true, force: true }));

function pair(l: Loaded, config: Record<string, unknown>): { s: object; z: object; ss: TerraformStack; zs: TerraformStack } {
  const ss = new TerraformStack(new App({ outdir: OUTDIR }), "s");
  const zs = new TerraformStack(new App({ outdir: OUTDIR }), "s");
  return { s: new l.stock(ss, "r", { ...config }), z: new l.lazy(zs, "r", { ...config }), ss, zs };
}

const all = loadAll();

test("the stock copy and the lazy bindings hold the same element classes, and the transform found references", () => {
  expect(all.length).toBeGreaterThanOrEqual(29);
  expect(all.every((l) => typeof l.lazy === "function")).toBe(true);
  const lazySource = fs.readFileSync(path.join(LAZY, "cs-managed-kubernetes", "index.ts"), "utf8");
  expect(lazySource).toContain("private get _timeouts(): CsManagedKubernetesTimeoutsOutputReference");
  expect(lazySource).toMatch(/protected synthesizeAttributes\(\)[^\n]*\n {4}return __definedOnly\(\{/);
  expect(lazySource).toMatch(/export function csManagedKubernetesTimeoutsToTerraform\([\s\S]*?return __definedOnly\(\{/);
});

test("an unset lazy element creates no output-reference objects; the stock one creates them all", () => {
  const l = all.find((x) => x.name === "CsManagedKubernetes") as Loaded;
  const { s, z } = pair(l, {});
  const refs = (o: object): number => Object.values(o).filter((v) => v !== null && typeof v === "object" && "terraformAttribute" in v).length;
  expect(refs(s)).toBeGreaterThanOrEqual(10);
  expect(refs(z)).toBe(0);
});

describe.each(all.map((l) => [`${l.module}: ${l.name}`, l] as const))("%s", (_label, l) => {
  test("every getter returns the same shape and resolves to the same value; repeated calls return the same object", () => {
    const { s, z, ss, zs } = pair(l, {});
    const names = getters(s);
    expect(getters(z)).toEqual(names);
    for (const g of names) {
      const sv = (s as Record<string, unknown>)[g];
      const zv = (z as Record<string, unknown>)[g];
      expect([g, shape(zs, zv, 2)]).toEqual([g, shape(ss, sv, 2)]);
      if (sv !== null && typeof sv === "object") {
        expect([g, (s as Record<string, unknown>)[g] === sv]).toEqual([g, (z as Record<string, unknown>)[g] === zv]);
      }
    }
  });

  test("synthesized JSON is identical, blocks unset and blocks set (then reset)", () => {
    const probe = pair(l, {});
    const config = blockConfig(probe.s);
    for (const cfg of [{}, config]) {
      const { s, z, ss, zs } = pair(l, cfg);
      const json = (st: TerraformStack): string => JSON.stringify(st.toTerraform());
      expect(json(zs)).toBe(json(ss));
      for (const name of Object.keys(cfg)) {
        const reset = `reset${name[0].toUpperCase()}${name.slice(1)}`;
        (s as Record<string, () => void>)[reset]();
        (z as Record<string, () => void>)[reset]();
      }
      expect(json(zs)).toBe(json(ss));
    }
  });
});

test("the transform refuses a use of a reference field it does not know", () => {
  const src = [
    "export class A extends cdktf.TerraformResource {",
    '  private _t = new TOutputReference(this, "t");',
    "  public get t() {",
    "    return this._t;",
    "  }",
    "  public other() {",
    "    return this._t.fqn;",
    "  }",
    "}",
    "",
  ].join("\n");
  expect(() => lazyModule(src, "a.ts")).toThrow(/unexpected use of _t in a.ts/);
  const ok = lazyModule(src.replace("    return this._t.fqn;\n", "    return 1;\n"), "a.ts");
  expect(ok.count).toBe(1);
  expect(ok.text).toContain("private get _t(): TOutputReference {");
});
