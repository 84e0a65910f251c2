import { AddressParse, parsed, rejected } from "./address-result";
import { formatIpv4, parseIpv4Text } from "./ipv4-text";

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;
const IPV6_CHARS = /^[0-9a-fA-F:.]+$/;

/** Parses colon-separated groups (without "::"); returns 16-bit words or a detail sentence. */
function parseGroups(groups: string[], text: string, allowTrailingIpv4: boolean): number[] | string {
  const words: number[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i];
    if (group.includes(".")) {
      if (!allowTrailingIpv4 || i !== groups.length - 1) return "an embedded IPv4 address may only be the last part";
      const v4 = parseIpv4Text(group);
      if (!v4.ok) return `embedded IPv4 part: ${v4.reason}`;
      const n = Number(v4.value);
      words.push(Math.floor(n / 65536), n % 65536);
      continue;
    }
    if (group === "") return text.includes(":::") ? "':::' is not allowed" : "a single ':' cannot start or end an address";
    if (!HEX_GROUP.test(group)) return `group '${group}' is not 1-4 hex digits`;
    words.push(parseInt(group, 16));
  }
  return words;
}

/**
 * Strict RFC 4291 text parser: eight 1-4 digit hex groups, at most one "::" (standing for one or
 * more zero groups), optional trailing dotted-quad (e.g. ::ffff:10.0.0.1). Zone ids are handled
 * (rejected) by the caller.
 */
export function parseIpv6Text(text: string): AddressParse {
  const fail = (detail: string): AddressParse => rejected(`'${text}' is not an IPv6 address (${detail})`);
  if (!IPV6_CHARS.test(text)) return fail("only hex digits, ':' and '.' may appear");
  const gap = text.indexOf("::");
  if (gap !== -1 && text.indexOf("::", gap + 1) !== -1) return fail("'::' may appear only once");
  const headText = gap === -1 ? text : text.slice(0, gap);
  const tailText = gap === -1 ? undefined : text.slice(gap + 2);
  const head = parseGroups(headText === "" && gap !== -1 ? [] : headText.split(":"), text, tailText === undefined);
  if (typeof head === "string") return fail(head);
  const tail = tailText === undefined ? [] : parseGroups(tailText === "" ? [] : tailText.split(":"), text, true);
  if (typeof tail === "string") return fail(tail);
  const count = head.length + tail.length;
  if (gap === -1 && count !== 8) return fail(`${count} groups of 16 bits, expected 8`);
  if (gap !== -1 && count > 7) return fail(`'::' must stand for at least one zero group, but there are already ${count}`);
  const words = [...head, ...new Array<number>(8 - count).fill(0), ...tail];
  let value = 0n;
  for (const word of words) value = (value << 16n) | BigInt(word);
  return parsed(value);
}

const MAPPED_PREFIX = 0xffffn;

/**
 * RFC 5952 canonical text: lowercase, no leading zeros, the longest run (the first if tied) of two
 * or more zero groups compressed to "::". IPv4-mapped addresses (::ffff:0:0/96) use the mixed
 * notation RFC 5952 section 5 recommends, e.g. "::ffff:10.0.0.1".
 */
export function formatIpv6(value: bigint): string {
  if (value >> 32n === MAPPED_PREFIX) return `::ffff:${formatIpv4(value & 0xffffffffn)}`;
  const words: number[] = [];
  for (let shift = 112n; shift >= 0n; shift -= 16n) words.push(Number((value >> shift) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = (ws: number[]): string => ws.map((w) => w.toString(16)).join(":");
  if (bestStart === -1) return hex(words);
  return `${hex(words.slice(0, bestStart))}::${hex(words.slice(bestStart + bestLength))}`;
}
