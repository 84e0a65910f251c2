import { CarveFailure, CarveRequest } from "./carve-types";
import { Cidr } from "./cidr";
import { CidrError } from "./cidr-error";
import { IpVersion } from "./ip-version";
import { bitLength, blockSize } from "./prefix";

/** A pool the request's prefix is valid for, and the size of the largest aligned block still free in it. */
export interface PoolRoom {
  readonly pool: Cidr;
  readonly largestFree: bigint;
}

/** "16777216" -> "16,777,216". */
export function groupDigits(n: bigint): string {
  return n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "1 address", "16,777,216 addresses". */
export function addresses(n: bigint): string {
  return `${groupDigits(n)} ${n === 1n ? "address" : "addresses"}`;
}

/** Throws unless the request's prefix is a whole number from 0 to 128 (valid for some IP version). */
export function checkRequest(request: CarveRequest): void {
  const p = request.prefix;
  if (typeof p !== "number" || !Number.isInteger(p) || p < 0 || p > 128) {
    throw new CidrError(String(p), `carve request '${request.id}': prefix ${String(p)} is not a prefix length (expected a whole number 0-128)`);
  }
}

/** True when a block of this prefix could be carved from the pool at all (ignoring what is free). */
export function fitsPool(prefix: number, pool: Cidr): boolean {
  return prefix >= pool.prefix && prefix <= pool.maxPrefix;
}

/** Whether the pool's version has a /prefix at all (so it counts towards missingAddresses). */
export function prefixValidFor(prefix: number, pool: Cidr): boolean {
  return prefix <= pool.maxPrefix;
}

/** Builds the failure record; see {@link CarveFailure.missingAddresses} for the definition used. */
export function carveFailure(request: CarveRequest, pools: Cidr[], rooms: PoolRoom[]): CarveFailure {
  const { id, prefix } = request;
  if (rooms.length === 0) {
    const missingAddresses = blockSize(prefix <= 32 ? IpVersion.V4 : IpVersion.V6, prefix);
    const message =
      pools.length === 0
        ? `${id}: no pool to carve a /${prefix} from`
        : `${id}: /${prefix} is longer than the pools' address family allows (pools: ${pools.join(", ")})`;
    return { id, prefix, missingAddresses, message };
  }
  let best = rooms[0];
  let missingAddresses = blockSize(best.pool.version, prefix) - best.largestFree;
  for (const room of rooms.slice(1)) {
    const missing = blockSize(room.pool.version, prefix) - room.largestFree;
    if (missing < missingAddresses) {
      best = room;
      missingAddresses = missing;
    }
  }
  const need = blockSize(best.pool.version, prefix);
  const where = rooms.length === 1 ? `pool ${best.pool}` : `pools ${rooms.map((r) => r.pool).join(", ")}`;
  const subject = rooms.length === 1 ? "it" : `the closest, ${best.pool},`;
  let detail: string;
  if (prefix < best.pool.prefix && best.largestFree === best.pool.size) {
    detail = `${rooms.length === 1 ? "the pool" : best.pool} holds only ${addresses(best.pool.size)}`;
  } else if (best.largestFree === 0n) {
    detail = `${subject} has no free addresses left`;
  } else {
    const freePrefix = best.pool.maxPrefix - (bitLength(best.largestFree) - 1);
    detail = `${subject} has at most a /${freePrefix} (${addresses(best.largestFree)}) free in one aligned block`;
  }
  const message = `${id}: no free /${prefix} (${addresses(need)}) in ${where}; ${detail}: ${addresses(missingAddresses)} short`;
  return { id, prefix, missingAddresses, message };
}
