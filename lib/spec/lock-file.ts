/**
 * The lock file on disk: `<spec>.lock.json` next to the spec. Read with validation (L3 when it
 * is unreadable, and then it is never overwritten); written in canonical form.
 */
import * as fs from "fs";
import { z } from "zod";
import { FleetLock, LOCK_VERSION, serializeLock } from "../plan/fleet/lock";
import { LOCK_INVALID } from "../plan/rules/fleet-rules";
import { LocatedFinding, located } from "./located-finding";
import { formatSpecPath } from "./source-map";

const zoneMap = z.record(z.string(), z.string());
const networkSchema = z.object({ cidr: z.string(), nodeVSwitches: zoneMap, podVSwitches: zoneMap });
const fixedSchema = z.object({
  profile: z.string(), cni: z.string(), clusterSpec: z.string(), nodeCidrMask: z.number().optional(), podsPerEdgeNode: z.number().optional(),
  ipStack: z.string(), proxyMode: z.string(), vpc: z.string(), dataPathV2: z.boolean(), enterpriseSecurityGroup: z.boolean(),
  zones: z.array(z.string()), podVSwitches: zoneMap, nodePools: zoneMap,
});
const lockSchema = z.object({
  version: z.literal(LOCK_VERSION),
  clusters: z.record(z.string(), z.object({
    vpc: networkSchema.optional(), serviceCidr: z.string().optional(), podCidr: z.string().optional(), edgePodCidr: z.string().optional(), fixed: fixedSchema,
  })),
  sharedVpcs: z.record(z.string(), networkSchema),
  hybridLinks: z.record(z.string(), z.object({ cluster: z.string(), physicalConnectionId: z.string(), vlanId: z.number() })),
});

/** `fleet.yaml` -> `fleet.yaml.lock.json`. */
export function lockPathFor(specFile: string): string {
  return `${specFile}.lock.json`;
}

export interface ReadLock {
  /** The lock; undefined when the file is absent or invalid. */
  readonly lock?: FleetLock;
  readonly exists: boolean;
  readonly findings: LocatedFinding[];
}

/** Parses lock text. */
export function parseLock(text: string, file?: string): ReadLock {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { exists: true, findings: [located(LOCK_INVALID, "lock", `the lock file is not valid JSON (${(e as Error).message}); fix or restore it`, file)] };
  }
  const r = lockSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { exists: true, findings: [located(LOCK_INVALID, `lock.${formatSpecPath(issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)))}`, `the lock file is not a version ${LOCK_VERSION} fleet lock: ${issue.message}; fix or restore it`, file)] };
  }
  return { exists: true, lock: r.data, findings: [] };
}

/** Reads the lock file; absent is fine. */
export function readLockFile(file: string): ReadLock {
  if (!fs.existsSync(file)) return { exists: false, findings: [] };
  return parseLock(fs.readFileSync(file, "utf8"), file);
}

export function writeLockFile(file: string, lock: FleetLock): void {
  fs.writeFileSync(file, serializeLock(lock));
}
