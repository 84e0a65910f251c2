import { IpVersion } from "./ip-version";
import { parseIpv4Text } from "./ipv4-text";
import { parseIpv6Text } from "./ipv6-text";
import { describeStrayWhitespace } from "./whitespace";

/** Result of recognising address text without throwing (internal to the module). */
export type AddressAnalysis =
  | { readonly ok: true; readonly version: IpVersion; readonly value: bigint }
  | { readonly ok: false; readonly reason: string };

/**
 * Recognises strict IPv4/IPv6 address text. On failure, `reason` is a sentence naming the text
 * (callers prefix it with the whole input). Whitespace is never trimmed.
 */
export function analyseAddress(text: string): AddressAnalysis {
  if (text === "") return { ok: false, reason: "empty address" };
  const stray = describeStrayWhitespace(text);
  if (stray !== undefined) return { ok: false, reason: `'${text}' contains stray whitespace (${stray}); remove it` };
  const zone = text.indexOf("%");
  if (zone !== -1 && text.includes(":")) {
    return {
      ok: false,
      reason: `'${text}' has an IPv6 zone id '${text.slice(zone)}', which names a local interface and is not allowed here; remove it`,
    };
  }
  if (text.includes(":")) {
    const r = parseIpv6Text(text);
    return r.ok ? { ok: true, version: IpVersion.V6, value: r.value } : r;
  }
  if (text.includes(".")) {
    const r = parseIpv4Text(text);
    return r.ok ? { ok: true, version: IpVersion.V4, value: r.value } : r;
  }
  return { ok: false, reason: `'${text}' is not an IP address (expected e.g. 10.0.0.1 or fd00::1)` };
}
