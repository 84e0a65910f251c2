/** A value in a message: bounded, and never throws (bigint, circular values). */
export const describe = (v: unknown): string => {
  if (v === undefined) return "nothing";
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a map";
  const s = typeof v === "string" ? JSON.stringify(v) : String(v);
  return s.length > 80 ? `${s.slice(0, 60)}... (${s.length.toLocaleString("en-US")} characters)` : s;
};
