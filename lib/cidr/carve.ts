import { CarveAllocation, CarveFailure, CarveRequest, CarveResult } from "./carve-types";
import { carveFailure, checkRequest, fitsPool, prefixValidFor } from "./carve-failure";
import { Cidr } from "./cidr";
import { FreeBlocks } from "./free-blocks";
import { IpVersion } from "./ip-version";

export * from "./carve-types";
export { carveNaive } from "./carve-naive";

/**
 * Deterministic first-fit carving, in request order. Each request gets the lowest-addressed aligned
 * block of its prefix inside the first pool (in the order given) that has one, overlapping neither
 * `taken` nor earlier allocations. A request whose prefix is shorter than a pool's prefix cannot fit
 * that pool. Holds are allocated like any request (held=true). A failure does not stop later requests.
 * Throws {@link CidrError} only for a prefix that is not a whole number 0-128.
 *
 * Cost: free space is kept as maximal aligned free blocks per size (see {@link FreeBlocks}), so a
 * request costs O(bits * log n) lookups plus O(bits) sorted inserts, independent of how many blocks
 * were allocated before it.
 */
export function carve(pools: Cidr[], requests: CarveRequest[], taken: Cidr[] = []): CarveResult {
  const free = new Map<IpVersion, FreeBlocks>();
  const freeFor = (version: IpVersion): FreeBlocks => {
    let blocks = free.get(version);
    if (blocks === undefined) {
      blocks = new FreeBlocks(version, pools, taken);
      free.set(version, blocks);
    }
    return blocks;
  };
  const allocations: CarveAllocation[] = [];
  const failures: CarveFailure[] = [];
  for (const request of requests) {
    checkRequest(request);
    let placed: Cidr | undefined;
    for (const pool of pools) {
      if (!fitsPool(request.prefix, pool)) continue;
      const blocks = freeFor(pool.version);
      const slot = blocks.findLowest(pool, request.prefix);
      if (slot !== undefined) {
        blocks.take(slot, request.prefix);
        placed = Cidr.fromBigInt(pool.version, slot.start, request.prefix);
        break;
      }
    }
    if (placed !== undefined) {
      allocations.push({ id: request.id, cidr: placed, held: request.hold === true });
    } else {
      const rooms = pools
        .filter((pool) => prefixValidFor(request.prefix, pool))
        .map((pool) => ({ pool, largestFree: freeFor(pool.version).largestFree(pool) }));
      failures.push(carveFailure(request, pools, rooms));
    }
  }
  return { allocations, failures };
}
