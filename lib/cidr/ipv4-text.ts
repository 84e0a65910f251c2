import { AddressParse, parsed, rejected } from "./address-result";

const DIGITS = /^[0-9]+$/;

/**
 * Strict dotted-quad parser: exactly four decimal octets 0-255, no leading zeros (they are
 * ambiguous: inet_aton and some tools read "010" as octal 8).
 */
export function parseIpv4Text(text: string): AddressParse {
  const parts = text.split(".");
  const notIpv4 = `'${text}' is not an IPv4 address`;
  if (parts.length !== 4) return rejected(notIpv4);
  let value = 0;
  for (const part of parts) {
    if (!DIGITS.test(part)) return rejected(notIpv4);
    if (part.length > 1 && part.startsWith("0")) {
      const decimal = parts.map((p) => (DIGITS.test(p) ? String(Number(p)) : p)).join(".");
      return rejected(
        `'${text}' has a leading zero in octet '${part}', which is ambiguous (some tools read it as octal); write ${decimal} if decimal was meant`,
      );
    }
    const octet = part.length > 3 ? 256 : Number(part);
    if (octet > 255) return rejected(`${notIpv4} (octet ${part} is greater than 255)`);
    value = value * 256 + octet;
  }
  return parsed(BigInt(value));
}

/** Dotted-quad text of a 32-bit value. */
export function formatIpv4(value: bigint): string {
  const n = Number(value);
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}
