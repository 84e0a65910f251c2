/**
 * The zod schema of the lock file (`<spec>.lock.json`): what lock-file.ts validates a lock
 * against, through the validator compiled from it (compiled-validators.ts), and with zod itself
 * for the message when that rejects a lock.
 */
import { z } from "zod";
import { LOCK_VERSION } from "../plan/fleet/lock";
import { dictOf } from "./field-schemas";

const zoneMap = dictOf(z.string(), "LockZoneMap", "zone or pool name -> value");
const networkSchema = z.object({ cidr: z.string(), nodeVSwitches: zoneMap, podVSwitches: zoneMap });
const fixedSchema = z.object({
  profile: z.string(), cni: z.string(), clusterSpec: z.string(), nodeCidrMask: z.number().optional(), podsPerEdgeNode: z.number().optional(),
  ipStack: z.string(), proxyMode: z.string(), vpc: z.string(), dataPathV2: z.boolean(), enterpriseSecurityGroup: z.boolean(),
  zones: z.array(z.string()), podVSwitches: zoneMap, nodePools: zoneMap,
});
export const lockSchema = z.object({
  version: z.literal(LOCK_VERSION),
  spec: z.string().optional(),
  clusters: dictOf(z.object({
    vpc: networkSchema.optional(), serviceCidr: z.string().optional(), podCidr: z.string().optional(), edgePodCidr: z.string().optional(), fixed: fixedSchema,
  }), "LockClusters", "cluster name -> record"),
  sharedVpcs: dictOf(networkSchema, "LockSharedVpcs", "shared VPC name -> network"),
  hybridLinks: dictOf(z.object({ cluster: z.string(), physicalConnectionId: z.string(), vlanId: z.number().optional() }), "LockLinks", "link name -> record"),
});
