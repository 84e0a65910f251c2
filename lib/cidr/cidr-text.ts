import { formatAddress } from "./address";
import { analyseAddress } from "./address-text";
import { IpVersion, versionName } from "./ip-version";
import { maskToPrefix } from "./mask";
import { hostMask } from "./prefix";
import { describeStrayWhitespace } from "./whitespace";

/** Outcome of reading CIDR text: the block's parts, or the full error message. */
export type CidrTextParse =
  | { readonly ok: true; readonly version: IpVersion; readonly start: bigint; readonly prefix: number }
  | { readonly ok: false; readonly message: string };

const EXAMPLE = "expected address/prefix, e.g. 10.0.0.0/16";
const DIGITS = /^[0-9]+$/;

function fail(message: string): CidrTextParse {
  return { ok: false, message };
}

/** "10.0.3.1/28 has host bits set; did you mean 10.0.3.0/28?" */
export function hostBitsMessage(version: IpVersion, value: bigint, prefix: number, text?: string): string {
  const network = value & ~hostMask(version, prefix);
  const shown = text ?? `${formatAddress(value, version)}/${prefix}`;
  return `${shown} has host bits set; did you mean ${formatAddress(network, version)}/${prefix}?`;
}

function readPrefix(text: string, version: IpVersion, prefixText: string, addressText: string): number | string {
  const family = versionName(version);
  if (prefixText === "") return `${text}: missing prefix length after '/' (e.g. ${addressText}/${version === IpVersion.V4 ? 24 : 64})`;
  if (!DIGITS.test(prefixText)) {
    if (version === IpVersion.V4 && prefixText.includes(".")) {
      try {
        const p = maskToPrefix(prefixText);
        return `${text}: '${prefixText}' is a netmask, not a prefix length; write ${addressText}/${p}`;
      } catch {
        // not a netmask either: fall through to the generic message
      }
    }
    return `${text}: prefix length '${prefixText}' is not a whole number (expected 0-${version === IpVersion.V4 ? 32 : 128} for ${family})`;
  }
  if (prefixText.length > 1 && prefixText.startsWith("0")) {
    return `${text}: prefix length '${prefixText}' has a leading zero; write ${addressText}/${Number(prefixText)}`;
  }
  const bits = version === IpVersion.V4 ? 32 : 128;
  const prefix = Number(prefixText);
  if (prefixText.length > 3 || prefix > bits) return `${text}: prefix length ${prefixText} is out of range for ${family} (0-${bits})`;
  return prefix;
}

/**
 * Reads strict CIDR text ("10.0.0.0/16", "fd00::/64"). Never trims, never guesses: every
 * rejection message starts with the input and says what is wrong and, where it can, what to write.
 */
export function parseCidrText(text: string): CidrTextParse {
  if (typeof text !== "string") return fail(`${String(text)}: expected CIDR text, got ${typeof text}`);
  if (text === "") return fail(`empty string is not a CIDR block (${EXAMPLE})`);
  const stray = describeStrayWhitespace(text);
  if (stray !== undefined) return fail(`${JSON.stringify(text)}: stray whitespace (${stray}); remove it (CIDR text is not trimmed)`);
  const slash = text.indexOf("/");
  if (slash === -1) {
    const asAddress = analyseAddress(text);
    if (asAddress.ok) {
      const single = asAddress.version === IpVersion.V4 ? 32 : 128;
      return fail(`${text}: missing prefix length (write ${text}/${single} for a single address, or ${text}/N for a block)`);
    }
    return fail(`${text}: not a CIDR block (${EXAMPLE})`);
  }
  if (text.indexOf("/", slash + 1) !== -1) return fail(`${text}: not a CIDR block (more than one '/'; ${EXAMPLE})`);
  const addressText = text.slice(0, slash);
  const prefixText = text.slice(slash + 1);
  if (addressText === "") return fail(`${text}: missing address before '/' (${EXAMPLE})`);
  const address = analyseAddress(addressText);
  if (!address.ok) return fail(`${text}: ${address.reason}`);
  const prefix = readPrefix(text, address.version, prefixText, addressText);
  if (typeof prefix === "string") return fail(prefix);
  if ((address.value & hostMask(address.version, prefix)) !== 0n) {
    return fail(hostBitsMessage(address.version, address.value, prefix, text));
  }
  return { ok: true, version: address.version, start: address.value, prefix };
}
