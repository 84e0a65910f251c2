// Narrowing helpers for parsed JSON (no `any`).

export type JsonObject = { readonly [key: string]: unknown };

export function isPlainObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A Terraform expression or template ("${...}" or "%{...}"): its type and value are unknown before plan. */
export function isExpression(v: unknown): boolean {
  return typeof v === "string" && (v.includes("${") || v.includes("%{"));
}

/** Short human-readable rendering of a JSON value for messages. */
export function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return `array(${v.length})`;
  if (typeof v === "object") return "object";
  const s = JSON.stringify(v);
  return s === undefined ? typeof v : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

export function jsonTypeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v;
}
