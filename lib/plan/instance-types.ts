/**
 * Built-in ENI figures per ECS instance type, for Terway pods-per-node maths (rules E-1..E-6).
 *
 * Source: shared/reference/ack-network-rules.md table E-T (ECS instance family pages, 2021
 * snapshot; anchors confirmed by current docs: c7/g7.4xlarge -> 210 shared / 7 exclusive,
 * c6.4xlarge -> 140 shared). c7 = g7 = r7 and c6 = g6 = r6 in ENI figures; vCPU per size is
 * the same across a generation, memory is 2x (c), 4x (g) or 8x (r) the vCPUs. IPv6 per ENI,
 * EniTotalQuantity and trunk support were not in the snapshot: unknown here (undefined).
 * Types not in the table need `podsPerNode` given on the node pool, or an entry through
 * `extraInstanceTypes`; live figures come from ECS DescribeInstanceTypes (E-9).
 */

export interface InstanceTypeInfo {
  /** ECS instance type, e.g. `ecs.c7.4xlarge`. */
  readonly name: string;
  readonly vcpu: number;
  readonly memoryGiB: number;
  /** EniQuantity: ENIs the type can attach, primary included. */
  readonly eniQuantity: number;
  /** EniPrivateIpAddressQuantity: private IPv4 addresses per ENI. */
  readonly privateIpsPerEni: number;
  /** EniIpv6AddressQuantity, when known (dual stack, rule E-6). */
  readonly ipv6PerEni?: number;
}

const SIZE_VCPU: Record<string, number> = {
  large: 2, xlarge: 4, "2xlarge": 8, "3xlarge": 12, "4xlarge": 16, "6xlarge": 24, "8xlarge": 32,
  "13xlarge": 52, "16xlarge": 64, "26xlarge": 104, "32xlarge": 128,
};

/** [size, ENIs, IPv4 per ENI] rows of table E-T. */
const GEN7: Array<[string, number, number]> = [
  ["large", 3, 6], ["xlarge", 4, 15], ["2xlarge", 4, 15], ["3xlarge", 8, 15], ["4xlarge", 8, 30],
  ["6xlarge", 8, 30], ["8xlarge", 8, 30], ["16xlarge", 8, 30], ["32xlarge", 15, 30],
];
const GEN6: Array<[string, number, number]> = [
  ["large", 2, 6], ["xlarge", 3, 10], ["2xlarge", 4, 10], ["3xlarge", 6, 10], ["4xlarge", 8, 20],
  ["6xlarge", 8, 20], ["8xlarge", 8, 20], ["13xlarge", 7, 20], ["26xlarge", 15, 20],
];
const MEMORY_RATIO: Record<string, number> = { c: 2, g: 4, r: 8 };

function family(gen: string, rows: Array<[string, number, number]>): InstanceTypeInfo[] {
  const out: InstanceTypeInfo[] = [];
  for (const letter of ["c", "g", "r"]) {
    for (const [size, enis, ips] of rows) {
      const vcpu = SIZE_VCPU[size];
      out.push({
        name: `ecs.${letter}${gen}.${size}`,
        vcpu,
        memoryGiB: vcpu * MEMORY_RATIO[letter],
        eniQuantity: enis,
        privateIpsPerEni: ips,
      });
    }
  }
  return out;
}

/** The built-in table. */
export const BUILTIN_INSTANCE_TYPES: readonly InstanceTypeInfo[] = [...family("7", GEN7), ...family("6", GEN6)];

const BY_NAME = new Map(BUILTIN_INSTANCE_TYPES.map((t) => [t.name, t]));

/** Looks a type up in `extra` first, then in the built-in table. */
export function findInstanceType(name: string, extra: readonly InstanceTypeInfo[] = []): InstanceTypeInfo | undefined {
  return extra.find((t) => t.name === name) ?? BY_NAME.get(name);
}

/** Rule E-1: shared-ENI pods per node = (ENIs - 1) x IPv4 per ENI (the primary ENI is the node's). */
export function sharedEniPodsPerNode(t: InstanceTypeInfo): number {
  return (t.eniQuantity - 1) * t.privateIpsPerEni;
}

/** Rule E-4: exclusive-ENI pods per node = ENIs - 1. */
export function exclusiveEniPodsPerNode(t: InstanceTypeInfo): number {
  return t.eniQuantity - 1;
}

/** Rule E-2: a node joins a shared-ENI Terway cluster only when its pod quota exceeds 11. */
export const SHARED_ENI_MIN_PODS_EXCLUSIVE = 11;
/** Rule E-4 (safe reading of a conflict): an exclusive-ENI node needs a pod quota above 6. */
export const EXCLUSIVE_ENI_MIN_PODS_EXCLUSIVE = 6;
