/**
 * Run-time pieces of the compiled spec and lock validators (compiled-validators.ts, generated
 * by scripts/gen-spec-validators.ts from the zod schemas): the checks that zod runs through
 * closures (CIDR, address and netmask fields via lib/cidr, pods per block, one-CIDR-or-a-list,
 * maps of user names). Each function returns the value zod's parse would return, or INVALID
 * where zod would report an issue. No zod here: a valid spec is checked without loading it.
 */
import { Cidr } from "../cidr/cidr";
import { CidrError } from "../cidr/cidr-error";
import { parseAddress } from "../cidr/address";
import { maskToPrefix } from "../cidr/mask";

/** What a compiled validator returns where zod would report an issue. */
export const INVALID: unique symbol = Symbol("invalid");
export type Checked = unknown;

/** zod's object test: a non-null, non-array object. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function checked(parse: (s: string) => unknown): (v: unknown) => Checked {
  return (v) => {
    if (typeof v !== "string") return INVALID;
    try {
      parse(v);
    } catch (e) {
      // As in field-schemas.ts: only a CidrError is a finding; anything else is a bug and throws.
      if (!(e instanceof CidrError)) throw e;
      return INVALID;
    }
    return v;
  };
}

/** field-schemas.ts `cidr`. */
export const cidr = checked((s) => Cidr.parse(s));
/** field-schemas.ts `address`. */
export const address = checked((s) => parseAddress(s));
/** field-schemas.ts `netmask`. */
export const netmask = checked((s) => maskToPrefix(s));

/** field-schemas.ts `podsPerBlock`. */
export function podsPerBlock(v: unknown): Checked {
  if (typeof v !== "number" || !Number.isSafeInteger(v)) return INVALID;
  return [16, 32, 64, 128, 256].includes(v) ? v : INVALID;
}

/** field-schemas.ts `cidrOrList`: one CIDR (read as a list of one) or a non-empty list. */
export function cidrOrList(v: unknown): Checked {
  if (cidr(v) !== INVALID) return [v];
  if (!Array.isArray(v) || v.length < 1) return INVALID;
  const out: unknown[] = new Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const r = cidr(v[i]);
    if (r === INVALID) return INVALID;
    out[i] = r;
  }
  return out;
}

/** field-schemas.ts `dictOf(value)`: a null-prototype object of checked values. */
export function dict(v: unknown, value: (x: unknown) => Checked): Checked {
  if (!isObject(v)) return INVALID;
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    const r = value(v[key]);
    if (r === INVALID) return INVALID;
    out[key] = r;
  }
  return out;
}
