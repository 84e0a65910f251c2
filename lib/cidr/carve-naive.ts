import { CarveAllocation, CarveFailure, CarveRequest, CarveResult } from "./carve-types";
import { carveFailure, checkRequest, fitsPool, prefixValidFor } from "./carve-failure";
import { Cidr } from "./cidr";
import { blockSize } from "./prefix";

/**
 * Lowest aligned block of `size` addresses in the pool that overlaps nothing in `occupied`, found the
 * obvious way: start at the pool's start, test the candidate against every occupied block, and on a
 * clash jump past that block (every aligned candidate skipped clashes with it too); repeat until a
 * whole pass finds no clash. Correct in any order of `occupied`; kept sorted by start, one pass
 * usually does all the jumping and a second confirms.
 */
function firstFree(pool: Cidr, size: bigint, occupied: Cidr[]): bigint | undefined {
  let s = pool.start;
  while (s + size - 1n <= pool.end) {
    let clash = false;
    for (const o of occupied) {
      if (o.version === pool.version && o.start < s + size && s <= o.end) {
        s = ((o.end + size) / size) * size;
        clash = true;
      }
    }
    if (!clash) return s;
  }
  return undefined;
}

function largestFree(pool: Cidr, occupied: Cidr[]): bigint {
  for (let q = pool.prefix; q <= pool.maxPrefix; q++) {
    const size = blockSize(pool.version, q);
    if (firstFree(pool, size, occupied) !== undefined) return size;
  }
  return 0n;
}

/**
 * Same contract and output as {@link carve}, implemented plainly (quadratic or worse): the
 * benchmark baseline and the property-test oracle.
 */
export function carveNaive(pools: Cidr[], requests: CarveRequest[], taken: Cidr[] = []): CarveResult {
  const allocations: CarveAllocation[] = [];
  const failures: CarveFailure[] = [];
  const occupied: Cidr[] = [...taken].sort(Cidr.compare);
  for (const request of requests) {
    checkRequest(request);
    let placed: Cidr | undefined;
    for (const pool of pools) {
      if (!fitsPool(request.prefix, pool)) continue;
      const start = firstFree(pool, blockSize(pool.version, request.prefix), occupied);
      if (start !== undefined) {
        placed = Cidr.fromBigInt(pool.version, start, request.prefix);
        break;
      }
    }
    if (placed !== undefined) {
      const block = placed;
      const at = occupied.findIndex((o) => Cidr.compare(o, block) > 0);
      occupied.splice(at === -1 ? occupied.length : at, 0, block);
      allocations.push({ id: request.id, cidr: block, held: request.hold === true });
    } else {
      const rooms = pools
        .filter((pool) => prefixValidFor(request.prefix, pool))
        .map((pool) => ({ pool, largestFree: largestFree(pool, occupied) }));
      failures.push(carveFailure(request, pools, rooms));
    }
  }
  return { allocations, failures };
}
