/**
 * zod field types shared by the spec schemas. CIDR, address and netmask fields are checked
 * with lib/cidr, so a bad value gets the same message as everywhere else in the library
 * (issue param `ruleId: A0-invalid-cidr`).
 */
import { z } from "zod";
import { Cidr, CidrError, maskToPrefix, parseAddress } from "../cidr";
import { INVALID_CIDR } from "../plan/rules/input-rules";

/** Issue params that carry the rule a failed check belongs to. */
export interface RuleParams {
  readonly ruleId: string;
}

/**
 * The schemas whose checks are closures, by name of the function in aot-leaves.ts that the
 * compiled validators (scripts/gen-spec-validators.ts) call instead. Keyed by the schema's
 * definition, which its `.meta()` copies share.
 */
export interface CompiledLeaf {
  readonly fn: "cidr" | "address" | "netmask" | "podsPerBlock" | "cidrOrList" | "dict";
  /** dict: the schema of its values */
  readonly value?: z.ZodType;
}
export const COMPILED_LEAVES = new WeakMap<object, CompiledLeaf>();
function leaf<T extends z.ZodType>(schema: T, fn: CompiledLeaf["fn"], value?: z.ZodType): T {
  COMPILED_LEAVES.set(schema._zod.def, { fn, value });
  return schema;
}

function checked(parse: (s: string) => unknown) {
  return (value: string, ctx: z.RefinementCtx) => {
    try {
      parse(value);
    } catch (e) {
      if (!(e instanceof CidrError)) throw e;
      const params: RuleParams = { ruleId: INVALID_CIDR.id };
      ctx.addIssue({ code: "custom", message: e.message, params });
    }
  };
}

/** An IPv4/IPv6 CIDR block, e.g. `10.0.0.0/16`. */
export const cidr = leaf(z.string().superRefine(checked((s) => Cidr.parse(s))).meta({ id: "Cidr", description: "CIDR block, e.g. 10.0.0.0/16", examples: ["10.0.0.0/16"] }), "cidr");

/** One CIDR or a list of them. */
export const cidrOrList = leaf(z.union([cidr, z.array(cidr).min(1)])
  .meta({ id: "CidrOrList", description: "One CIDR block or a list of them." })
  // The file may give one CIDR; code sees a list (jsii structs have no `string | string[]`).
  .transform((v) => (Array.isArray(v) ? v : [v])), "cidrOrList");

/** An IP address. */
export const address = leaf(z.string().superRefine(checked((s) => parseAddress(s))).meta({ id: "IpAddress", description: "IP address, e.g. 10.254.0.1" }), "address");

/** A dotted-quad netmask. */
export const netmask = leaf(z.string().superRefine(checked((s) => maskToPrefix(s))).meta({ id: "Netmask", description: "netmask, e.g. 255.255.255.252" }), "netmask");

/** A name usable as a Terraform stack id and a lock key. */
export const name = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, "must start with a lowercase letter and hold only lowercase letters, digits and '-' (at most 63)").meta({ id: "Name", description: "Lowercase name: letters, digits, '-'." });

export const positiveInt = z.number().int().positive();
export const nonNegativeInt = z.number().int().nonnegative();

/** A power of two from 16 to 256 (pods per node of a per-node block). */
export const podsPerBlock = leaf(z.number().int().refine((n) => [16, 32, 64, 128, 256].includes(n), "must be 16, 32, 64, 128 or 256"), "podsPerBlock");

/**
 * A map keyed by user names (tags, labels, lock entries) read into a null-prototype object:
 * every key is data, `constructor`, `__proto__` and `toString` included (zod's own record
 * refuses a `constructor` key and drops `__proto__`). Values are checked with `value`.
 */
export function dictOf<T extends z.ZodType>(value: T, id: string, description: string) {
  return leaf(z.custom<{ [key: string]: z.output<T> }>(() => true)
    .transform((input: unknown, ctx) => {
      const out = Object.create(null) as { [key: string]: z.output<T> };
      if (input === null || typeof input !== "object" || Array.isArray(input)) {
        ctx.addIssue({ code: "invalid_type", expected: "record", input, message: "expected a map" });
        return out;
      }
      for (const key of Object.keys(input)) {
        const r = value.safeParse((input as Record<string, unknown>)[key]);
        if (r.success) out[key] = r.data as z.output<T>;
        else for (const issue of r.error.issues) ctx.addIssue({ ...issue, path: [key, ...issue.path] } as Parameters<typeof ctx.addIssue>[0]);
      }
      return out;
    })
    .meta({ id, description }), "dict", value);
}

/** JSON Schema of the maps made by {@link dictOf} (zod cannot derive it from the transform). */
export const DICT_JSON_SCHEMAS: Record<string, Record<string, unknown>> = {
  StringMap: { type: "object", additionalProperties: { type: "string" } },
};

export const stringMap = dictOf(z.string(), "StringMap", "Map of names to strings; every key is data.");
