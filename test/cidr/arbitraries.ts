import fc from "fast-check";
import { CarveRequest, Cidr, IpVersion } from "../../lib/cidr";

const V4_SPACE = 1n << 32n;
const V6_SPACE = 1n << 128n;

function aligned(version: IpVersion, value: bigint, prefix: number): Cidr {
  const bits = version === IpVersion.V4 ? 32 : 128;
  const host = (1n << BigInt(bits - prefix)) - 1n;
  return Cidr.fromBigInt(version, value & ~host, prefix);
}

/** IPv6 values biased towards zero runs, all-ones groups and IPv4-mapped addresses. */
export const v6Value: fc.Arbitrary<bigint> = fc.oneof(
  fc.array(fc.oneof(fc.constant(0), fc.constant(0xffff), fc.integer({ min: 0, max: 0xffff })), { minLength: 8, maxLength: 8 }).map((words) =>
    words.reduce((acc, w) => (acc << 16n) | BigInt(w), 0n),
  ),
  fc.bigInt({ min: 0n, max: V4_SPACE - 1n }).map((v) => (0xffffn << 32n) | v),
  fc.bigInt({ min: 0n, max: V6_SPACE - 1n }),
);

export const v4Value: fc.Arbitrary<bigint> = fc.bigInt({ min: 0n, max: V4_SPACE - 1n });

export const v4Cidr: fc.Arbitrary<Cidr> = fc
  .tuple(v4Value, fc.integer({ min: 0, max: 32 }))
  .map(([v, p]) => aligned(IpVersion.V4, v, p));

export const v6Cidr: fc.Arbitrary<Cidr> = fc
  .tuple(v6Value, fc.integer({ min: 0, max: 128 }))
  .map(([v, p]) => aligned(IpVersion.V6, v, p));

export const anyCidr: fc.Arbitrary<Cidr> = fc.oneof(v4Cidr, v6Cidr);

/** A block related to `seed`: itself, one of its supernets, or one of its subnets. */
export function relatedTo(seed: Cidr): fc.Arbitrary<Cidr> {
  const widen = fc.integer({ min: 0, max: seed.prefix }).map((p) => seed.supernet(p));
  const narrow = fc
    .tuple(fc.integer({ min: seed.prefix, max: Math.min(seed.maxPrefix, seed.prefix + 6) }), fc.bigInt({ min: 0n, max: 63n }))
    .map(([p, i]) => seed.subnet(p, i % seed.subnetCount(p)));
  return fc.oneof(fc.constant(seed), widen, narrow);
}

/**
 * Lists of ranges with many nested and equal members: a few seeds, and each range is a seed, a
 * supernet or a subnet of one, sometimes an unrelated block; mixed versions.
 */
export const rangeSets: fc.Arbitrary<Cidr[]> = fc
  .array(fc.oneof(v4Cidr.filter((c) => c.prefix >= 4), v6Cidr.filter((c) => c.prefix >= 4)), { minLength: 1, maxLength: 4 })
  .chain((seeds) =>
    fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...seeds).chain(relatedTo) }, { weight: 1, arbitrary: anyCidr }), {
      maxLength: 40,
    }),
  );

const BASE = new Map<IpVersion, bigint>([
  [IpVersion.V4, 0x0a000000n],
  [IpVersion.V6, 0xfd00n << 112n],
]);

/**
 * A block inside a 4,096-address "world" (10.0.0.0/20 or fd00::/116). `relativePrefix` is
 * counted as if IPv4 (20..30); IPv6 blocks get +96 so both families behave alike.
 */
function worldBlock(version: IpVersion, relativePrefix: number, offset: number): Cidr {
  const prefix = relativePrefix + (version === IpVersion.V6 ? 96 : 0);
  return aligned(version, (BASE.get(version) ?? 0n) + BigInt(offset), prefix);
}

const versionArb = fc.oneof({ weight: 4, arbitrary: fc.constant(IpVersion.V4) }, { weight: 1, arbitrary: fc.constant(IpVersion.V6) });

const worldBlockArb = (minRel: number, maxRel: number): fc.Arbitrary<Cidr> =>
  fc
    .tuple(versionArb, fc.integer({ min: minRel, max: maxRel }), fc.integer({ min: 0, max: 4095 }))
    .map(([v, p, off]) => worldBlock(v, p, off));

export interface CarveScenario {
  readonly pools: Cidr[];
  readonly requests: CarveRequest[];
  readonly taken: Cidr[];
}

/** Small pools (often overlapping or nested) in a shared world, taken blocks, and requests of mixed sizes. */
export const carveScenarios: fc.Arbitrary<CarveScenario> = fc.record({
  pools: fc.array(worldBlockArb(20, 26), { minLength: 1, maxLength: 3 }),
  taken: fc.array(fc.oneof({ weight: 4, arbitrary: worldBlockArb(22, 30) }, { weight: 1, arbitrary: anyCidr }), { maxLength: 5 }),
  requests: fc
    .array(
      fc.record({
        prefix: fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 24, max: 30 }) },
          { weight: 1, arbitrary: fc.integer({ min: 19, max: 23 }) },
          { weight: 1, arbitrary: fc.integer({ min: 115, max: 126 }) },
        ),
        hold: fc.oneof(fc.constant(undefined), fc.boolean()),
      }),
      { maxLength: 25 },
    )
    .map((rs) =>
      rs.map(({ prefix, hold }, i): CarveRequest => (hold === undefined ? { id: `r${i}`, prefix } : { id: `r${i}`, prefix, hold })),
    ),
});
