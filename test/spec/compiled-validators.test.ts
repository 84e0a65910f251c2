/**
 * Issue 12: the spec and lock validators compiled ahead of time from the zod schemas
 * (scripts/gen-spec-validators.ts -> lib/spec/compiled-validators.ts) accept exactly what zod
 * accepts, and return the same value (same keys in the same order, same prototypes, same
 * numbers): on the examples, the invalid-spec fixtures, generated estates, spec mutants of the
 * fuzz suite (hostile values, dropped and duplicated keys, Object.prototype names) and lock
 * mutants. A rejected spec's findings still come from zod (the spec tests check them).
 */
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import { parse } from "yaml";
import { COMPILED_VALIDATORS_PATH, compiledValidatorsText } from "../../scripts/gen-spec-validators";
import { INVALID } from "../../lib/spec/aot-leaves";
import { compiledFleetSpec, compiledLock } from "../../lib/spec/compiled-validators";
import { lockSchema } from "../../lib/spec/lock-schema";
import { fleetSpecSchema } from "../../lib/spec/spec-schema";
import { EXAMPLE_SPEC, mutate, mutation } from "../fuzz/spec-mutants";
import { generateEstate } from "../estate/arbitrary-estate";
import { toSpec } from "../estate/estate-model";

const ROOT = path.join(__dirname, "..", "..");

/** A value with its prototypes, key order and -0 made visible, for an exact comparison. */
function exact(v: unknown): unknown {
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : Number.isNaN(v) ? "NaN" : v;
  if (typeof v !== "object" || v === null) return v === undefined ? "<undefined>" : v;
  const proto = Object.getPrototypeOf(v) as object | null;
  const kind = Array.isArray(v) ? "array" : proto === null ? "null-prototype" : proto === Object.prototype ? "object" : `other ${String(proto.constructor?.name)}`;
  return { kind, entries: Reflect.ownKeys(v).map((k) => [String(k), exact((v as Record<string | symbol, unknown>)[k])]) };
}

type Outcome = { readonly valid: true; readonly value: unknown } | { readonly valid: false };

function agree(zod: () => { success: boolean; data?: unknown }, compiled: () => unknown): { zod: Outcome; compiled: Outcome } {
  const z = zod();
  const c = compiled();
  return {
    zod: z.success ? { valid: true, value: exact(z.data) } : { valid: false },
    compiled: c === INVALID ? { valid: false } : { valid: true, value: exact(c) },
  };
}

const specAgree = (v: unknown) => agree(() => fleetSpecSchema.safeParse(v), () => compiledFleetSpec(v));
const lockAgree = (v: unknown) => agree(() => lockSchema.safeParse(v), () => compiledLock(v));

describe("compiled spec validators", () => {
  test("lib/spec/compiled-validators.ts is exactly what scripts/gen-spec-validators.ts generates", () => {
    expect(fs.readFileSync(path.join(ROOT, COMPILED_VALIDATORS_PATH), "utf8")).toBe(compiledValidatorsText());
  });

  test("agree with zod on the example spec and on every fixture spec", () => {
    const files = [path.join(ROOT, "examples", "fleet.yaml"), ...fs.readdirSync(path.join(ROOT, "test", "spec", "invalid")).filter((f) => f.endsWith(".yaml")).map((f) => path.join(ROOT, "test", "spec", "invalid", f))];
    let valid = 0;
    let invalid = 0;
    for (const f of files) {
      let value: unknown;
      try {
        value = parse(fs.readFileSync(f, "utf8"));
      } catch {
        continue; // a YAML syntax fixture: never reaches a validator
      }
      const r = specAgree(value);
      expect({ file: f, ...r.compiled }).toEqual({ file: f, ...r.zod });
      if (r.zod.valid) valid++;
      else invalid++;
    }
    // Both kinds are exercised: most fixtures are plan errors (schema-valid), a few schema errors.
    expect(valid).toBeGreaterThan(5);
    expect(invalid).toBeGreaterThan(3);
  });

  test("agree with zod on edge values", () => {
    const base = EXAMPLE_SPEC as { clusters: Array<Record<string, unknown>> };
    const withCluster = (extra: Record<string, unknown>) => ({ ...base, clusters: [{ ...base.clusters[0], ...extra }, ...base.clusters.slice(1)] });
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, base);
    const cases: unknown[] = [
      undefined, null, 0, "", [], {}, nullProto,
      withCluster({ expectedNodes: Number.NaN }), withCluster({ expectedNodes: Number.POSITIVE_INFINITY }), withCluster({ expectedNodes: 2 ** 53 }),
      withCluster({ expectedNodes: 2 ** 53 - 1 }), withCluster({ expectedNodes: 1.5 }), withCluster({ expectedNodes: -0 }), withCluster({ expectedNodes: 0 }),
      withCluster({ expectedNodes: undefined }), withCluster({ tags: undefined }), withCluster({ tags: null }), withCluster({ tags: [] }),
      withCluster({ tags: JSON.parse('{"__proto__": "x", "constructor": "y"}') as unknown }), withCluster({ tags: { a: 1 } }),
      withCluster({ cni: { plugin: "flannel", podsPerNode: 48 } }), withCluster({ cni: { plugin: "flannel", podsPerNode: 128 } }),
      withCluster({ cni: { plugin: "terway", podCidr: "10.0.0.1/16" } }), withCluster({ zones: [] }), withCluster({ zones: new Array(2) }),
      withCluster({ name: "Upper" }), withCluster({ name: "a".repeat(63) }), withCluster({ name: "a".repeat(64) }),
      withCluster({ vpc: { prefix: 8 } }), withCluster({ vpc: { prefix: 7 } }), withCluster({ vpc: { prefix: 28 } }), withCluster({ vpc: { prefix: 29 } }),
      { ...base, pools: { vpc: "10.0.0.0/8" } }, { ...base, pools: { vpc: [] } }, { ...base, pools: { vpc: ["10.0.0.0/8", "bad"] } }, { ...base, pools: { vpc: 1 } },
      { ...base, extraInstanceTypes: [{ name: "x", vcpu: 1, memoryGiB: 0.5, eniQuantity: 1, privateIpsPerEni: 1 }] },
      { ...base, extraInstanceTypes: [{ name: "x", vcpu: 1, memoryGiB: 0, eniQuantity: 1, privateIpsPerEni: 1 }] },
      { ...base, hybridLinks: [{ name: "l", cluster: "c", physicalConnectionId: "pc", peerAsn: 1, dataCenterCidrs: ["192.168.0.0/16"], peeringSubnetMask: "255.255.255.252", localGatewayIp: "10.0.0.1", authKeyVariable: "k_1" }] },
      { ...base, hybridLinks: [{ name: "l", cluster: "c", physicalConnectionId: "pc", peerAsn: 1, dataCenterCidrs: ["192.168.0.0/16"], peeringSubnetMask: "255.0.255.0" }] },
      { ...base, hybridLinks: [{ name: "l", cluster: "c", physicalConnectionId: "pc", peerAsn: 1, dataCenterCidrs: ["192.168.0.0/16"], authKeyVariable: "1k" }] },
      { ...base, unknown: 1 }, { ...base, $schema: "x" },
    ];
    for (const [i, v] of cases.entries()) {
      const r = specAgree(v);
      expect({ case: i, ...r.compiled }).toEqual({ case: i, ...r.zod });
    }
  });

  test("agree with zod on generated estates and on spec mutants", () => {
    const seen = { valid: 0, invalid: 0 };
    const check = (v: unknown): void => {
      const r = specAgree(v);
      expect(r.compiled).toEqual(r.zod);
      seen[r.zod.valid ? "valid" : "invalid"]++;
    };
    fc.assert(fc.property(fc.gen(), (g) => check(toSpec(generateEstate(g)))), { numRuns: 100, seed: 12 });
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => check(mutate(EXAMPLE_SPEC, ms))), { numRuns: 600, seed: 12 });
    expect(seen.valid).toBeGreaterThan(100);
    expect(seen.invalid).toBeGreaterThan(100);
  });

  test("agree with zod on the example lock and lock mutants", () => {
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "examples", "fleet.yaml.lock.json"), "utf8")) as unknown;
    expect(compiledLock(lock)).not.toBe(INVALID);
    const seen = { valid: 0, invalid: 0 };
    const check = (v: unknown): void => {
      const r = lockAgree(v);
      expect(r.compiled).toEqual(r.zod);
      seen[r.zod.valid ? "valid" : "invalid"]++;
    };
    check(lock);
    check({ ...(lock as object), extra: 1 });
    check({ ...(lock as object), version: 2 });
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => check(mutate(lock, ms))), { numRuns: 400, seed: 12 });
    expect(seen.valid).toBeGreaterThan(30);
    expect(seen.invalid).toBeGreaterThan(30);
  });
});
