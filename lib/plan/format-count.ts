/**
 * `n.toLocaleString("en-US")` without Intl for the common case: a safe integer with its digits
 * grouped by commas. The first toLocaleString of a process loads ICU's number formatting (about
 * 25 ms of CPU), which a plan that reports nothing should not pay (issue 12). Anything else
 * (fractions, -0, NaN, infinities, unsafe integers) goes to toLocaleString itself.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n) || Object.is(n, -0)) return n.toLocaleString("en-US");
  const digits = String(Math.abs(n));
  let out = "";
  for (let end = digits.length; end > 0; end -= 3) out = (end > 3 ? "," : "") + digits.slice(Math.max(0, end - 3), end) + out;
  return n < 0 ? `-${out}` : out;
}
