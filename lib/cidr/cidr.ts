import { formatAddress } from "./address";
import { analyseAddress } from "./address-text";
import { CidrError } from "./cidr-error";
import { hostBitsMessage, parseCidrText } from "./cidr-text";
import { IpVersion, addressBits, isIpVersion, versionName } from "./ip-version";
import { blockSize, hostMask, prefixProblem } from "./prefix";

/** {@link Cidr.subnets} refuses to build more blocks than this. */
export const MAX_SUBNETS = 1_000_000;

/**
 * An immutable, aligned IPv4 or IPv6 block. Arithmetic is exact (bigint); instances are frozen.
 * Build one with {@link Cidr.parse}, {@link Cidr.tryParse} or {@link Cidr.fromBigInt}.
 */
export class Cidr {
  readonly version: IpVersion;
  readonly prefix: number;
  /** First address as an integer. */
  readonly start: bigint;
  /** Last address as an integer (inclusive). */
  readonly end: bigint;

  private constructor(version: IpVersion, start: bigint, prefix: number) {
    this.version = version;
    this.prefix = prefix;
    this.start = start;
    this.end = start + hostMask(version, prefix);
    Object.freeze(this);
  }

  /** Strict parse of "address/prefix"; throws {@link CidrError} whose message says what is wrong and what to write. */
  static parse(text: string): Cidr {
    const r = parseCidrText(text);
    if (!r.ok) throw new CidrError(String(text), r.message);
    return new Cidr(r.version, r.start, r.prefix);
  }

  /** Like {@link Cidr.parse} but returns undefined instead of throwing. */
  static tryParse(text: string): Cidr | undefined {
    const r = parseCidrText(text);
    return r.ok ? new Cidr(r.version, r.start, r.prefix) : undefined;
  }

  /** Block from its first address as an integer; throws {@link CidrError} if host bits are set or anything is out of range. */
  static fromBigInt(version: IpVersion, start: bigint, prefix: number): Cidr {
    const shown = `${String(start)}/${String(prefix)}`;
    if (!isIpVersion(version)) throw new CidrError(shown, `IP version must be 4 or 6 (got ${String(version)})`);
    if (typeof start !== "bigint") throw new CidrError(shown, `block start must be a bigint (got ${typeof start})`);
    const limit = 1n << BigInt(addressBits(version));
    if (start < 0n || start >= limit) {
      throw new CidrError(shown, `${start} is outside the ${versionName(version)} address space (0 to ${limit - 1n})`);
    }
    const text = `${formatAddress(start, version)}/${String(prefix)}`;
    const problem = prefixProblem(version, prefix);
    if (problem !== undefined) throw new CidrError(text, `${text}: ${problem}`);
    if ((start & hostMask(version, prefix)) !== 0n) throw new CidrError(text, hostBitsMessage(version, start, prefix));
    return new Cidr(version, start, prefix);
  }

  /** Orders by version, then start, then prefix (so a block sorts before its own first subnet). */
  static compare(a: Cidr, b: Cidr): number {
    if (a.version !== b.version) return a.version - b.version;
    if (a.start !== b.start) return a.start < b.start ? -1 : 1;
    return a.prefix - b.prefix;
  }

  /** 32 or 128. */
  get maxPrefix(): number {
    return addressBits(this.version);
  }

  /** Number of addresses in the block. */
  get size(): bigint {
    return blockSize(this.version, this.prefix);
  }

  get firstAddress(): string {
    return formatAddress(this.start, this.version);
  }

  get lastAddress(): string {
    return formatAddress(this.end, this.version);
  }

  /** Canonical text: "10.0.0.0/8", "fd00::/64" (RFC 5952). */
  toString(): string {
    return `${this.firstAddress}/${this.prefix}`;
  }

  /** Same as {@link Cidr.toString}, so JSON output shows the CIDR text. */
  toJSON(): string {
    return this.toString();
  }

  /** True when `other` lies inside this block or equals it; false across versions. */
  contains(other: Cidr): boolean {
    return this.version === other.version && this.start <= other.start && other.end <= this.end;
  }

  /** True when the address (text) lies in this block; false for the other version. Throws {@link CidrError} on bad text. */
  containsAddress(address: string): boolean {
    const r = analyseAddress(address);
    if (!r.ok) throw new CidrError(String(address), r.reason);
    return r.version === this.version && this.start <= r.value && r.value <= this.end;
  }

  /** True when the blocks share at least one address; false across versions. */
  overlaps(other: Cidr): boolean {
    return this.version === other.version && this.start <= other.end && other.start <= this.end;
  }

  equals(other: Cidr): boolean {
    return this.version === other.version && this.start === other.start && this.prefix === other.prefix;
  }

  private checkSubnetPrefix(newPrefix: number): void {
    const problem = prefixProblem(this.version, newPrefix);
    if (problem !== undefined) throw new CidrError(this.toString(), `${this.toString()}: cannot split: ${problem}`);
    if (newPrefix < this.prefix) {
      throw new CidrError(
        this.toString(),
        `${this.toString()}: cannot split into /${newPrefix} subnets; the new prefix must be between ${this.prefix} and ${this.maxPrefix}`,
      );
    }
  }

  /** How many /newPrefix blocks this block splits into: 2^(newPrefix - prefix). */
  subnetCount(newPrefix: number): bigint {
    this.checkSubnetPrefix(newPrefix);
    return 1n << BigInt(newPrefix - this.prefix);
  }

  /** The index-th /newPrefix block inside this one (0-based, in address order). */
  subnet(newPrefix: number, index: bigint | number): Cidr {
    const count = this.subnetCount(newPrefix);
    if (typeof index === "number" && !Number.isSafeInteger(index)) {
      throw new CidrError(this.toString(), `${this.toString()}: subnet index ${index} is not a whole number`);
    }
    const i = BigInt(index);
    if (i < 0n || i >= count) {
      throw new CidrError(
        this.toString(),
        `${this.toString()}: subnet index ${i} is out of range; it has ${count} /${newPrefix} subnets (0-${count - 1n})`,
      );
    }
    return new Cidr(this.version, this.start + i * blockSize(this.version, newPrefix), newPrefix);
  }

  /** Every /newPrefix block inside this one, in address order. Throws {@link CidrError} above {@link MAX_SUBNETS}. */
  subnets(newPrefix: number): Cidr[] {
    const count = this.subnetCount(newPrefix);
    if (count > BigInt(MAX_SUBNETS)) {
      throw new CidrError(
        this.toString(),
        `${this.toString()}: splitting into /${newPrefix} would make ${count} subnets, more than the limit of ${MAX_SUBNETS}; use subnet(prefix, index) instead`,
      );
    }
    const step = blockSize(this.version, newPrefix);
    const out: Cidr[] = [];
    for (let s = this.start, i = 0n; i < count; i++, s += step) out.push(new Cidr(this.version, s, newPrefix));
    return out;
  }

  /** The enclosing /newPrefix block (newPrefix between 0 and this prefix). */
  supernet(newPrefix: number): Cidr {
    const problem = prefixProblem(this.version, newPrefix);
    if (problem !== undefined) throw new CidrError(this.toString(), `${this.toString()}: cannot widen: ${problem}`);
    if (newPrefix > this.prefix) {
      throw new CidrError(
        this.toString(),
        `${this.toString()}: a supernet needs a shorter prefix; /${newPrefix} is longer than /${this.prefix}`,
      );
    }
    return new Cidr(this.version, this.start & ~hostMask(this.version, newPrefix), newPrefix);
  }
}
