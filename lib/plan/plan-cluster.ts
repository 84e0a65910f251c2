import { CapacityPlan, computeCapacity } from "./capacity";
import { PlanContext } from "./context";
import { Finding, sortFindings } from "./finding";
import { InstanceTypeInfo } from "./instance-types";
import { ClusterPlanInput } from "./model";
import { checkEdge } from "./rules/edge-rules";
import { checkFlannel } from "./rules/flannel-rules";
import { checkOverlaps } from "./rules/overlap-rules";
import { checkPoolZones, checkRanges } from "./rules/range-rules";
import { checkSize } from "./rules/size-rules";
import { checkNodeVSwitchCapacity, checkTerway } from "./rules/terway-rules";
import { checkVersions } from "./rules/version-rules";
import { checkSecretsEncryption } from "./rules/compliance-rules";

/** The outcome of planning one cluster. */
export interface ClusterPlanResult {
  /** Every finding, errors first. */
  readonly findings: Finding[];
  readonly capacity: CapacityPlan;
}

export interface PlanOptions {
  /** Instance types to add to (or override in) the built-in ENI table. */
  readonly extraInstanceTypes?: InstanceTypeInfo[];
}

/** How often planCluster ran in this process (npm run bench prints it: a fleet plans each cluster once). */
export const planCounters = { clusters: 0 };

/** Runs every cluster rule over one cluster's plan and works out its capacity. Pure. */
export function planCluster(input: ClusterPlanInput, options: PlanOptions = {}): ClusterPlanResult {
  planCounters.clusters++;
  const ctx = new PlanContext(input, options.extraInstanceTypes ?? []);
  checkRanges(ctx);
  checkPoolZones(ctx);
  checkOverlaps(ctx);
  const capacity = computeCapacity(ctx);
  checkFlannel(ctx, capacity);
  checkTerway(ctx, capacity);
  checkNodeVSwitchCapacity(ctx, capacity);
  checkSize(ctx, capacity);
  checkEdge(ctx, capacity);
  checkVersions(ctx);
  if (input.secretsEncrypted !== undefined) ctx.findings.push(...checkSecretsEncryption(input.name, input.clusterSpec, input.secretsEncrypted));
  return { findings: sortFindings(ctx.findings), capacity };
}
