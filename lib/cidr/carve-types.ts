import { Cidr } from "./cidr";

/** One block to carve: `prefix` is its prefix length (e.g. 24 for a /24). */
export interface CarveRequest {
  readonly id: string;
  readonly prefix: number;
  /**
   * A placeholder: the slot is allocated and kept (reported with held=true) exactly as if it were a
   * real request, so turning a removed request into a hold never shifts the blocks of the others.
   */
  readonly hold?: boolean;
}

export interface CarveAllocation {
  readonly id: string;
  readonly cidr: Cidr;
  /** true when the request was a hold. */
  readonly held: boolean;
}

export interface CarveFailure {
  readonly id: string;
  readonly prefix: number;
  /**
   * How many addresses the request is short, by this definition: for each pool the request could
   * use at all (its prefix is valid for the pool's version), take the block size 2^(bits - prefix)
   * minus the size of the largest aligned block that is still free inside that pool (0 if the pool
   * is full; the whole pool if it is entirely free and smaller than the block); report the smallest
   * such figure over those pools. It is always at least 1, and the pool that gives it would need at
   * least that many more addresses free (in one aligned run) for the request to fit. When no pool
   * can take the prefix at all (no pools, or e.g. /40 against IPv4 pools), it is the whole block
   * size, counted as IPv4 for prefixes up to 32 and IPv6 beyond.
   */
  readonly missingAddresses: bigint;
  /** Human text: names the request, the pool(s) and the shortfall. */
  readonly message: string;
}

export interface CarveResult {
  /** In request order (failed requests are skipped). */
  readonly allocations: CarveAllocation[];
  /** In request order. */
  readonly failures: CarveFailure[];
}
