/**
 * planFleet: allocation from pools and lock, every cluster planned with its peers, the change
 * guard, and the lock to write. Pure: the caller reads and writes files.
 */
import { Finding, sortFindings } from "../finding";
import { ClusterPlanInput, ExternalRange } from "../model";
import { ClusterPlanResult } from "../plan-cluster";
import { RuleInfo } from "../rule";
import { LOCK_OUTDATED, REMOVED_CLUSTER_HELD } from "../rules/fleet-rules";
import { EstateClusterResult, EstateStats, planEstate } from "../estate/plan-estate";
import { EstateConnection } from "../estate/model";
import { ClusterAllocation, NetworkAllocation, allocateFleet, usesEdgePodCidr, usesPodCidr } from "./allocate";
import { guardChanges } from "./change-guard";
import { fixedFieldsOf } from "./fixed-fields";
import { fleetEstate } from "./fleet-estate";
import { FleetLinkPlan } from "./hybrid-links";
import { FixedFields, FleetLock, canonicalJson, emptyLock } from "./lock";
import { LockCandidate, networkComplete, pruneLock, updateLock } from "./lock-update";
import { FleetClusterInput, FleetPlanInput, RangeSource } from "./model";
import { buildTopology } from "./topology";

export interface FleetPlanOptions {
  /** The lock file's content; absent = first plan (everything not given comes from the pools). */
  readonly lock?: FleetLock;
  /** Drop clusters, shared VPCs and links that the spec no longer has from the lock first. */
  readonly prune?: boolean;
  /** No lock file is used at all (a spec given in code without `lockFile`): L2 says so. */
  readonly noLockFile?: boolean;
}

/** One cluster of a planned fleet. */
export interface FleetClusterPlan {
  readonly name: string;
  readonly input: FleetClusterInput;
  readonly network: NetworkAllocation;
  readonly allocation: ClusterAllocation;
  /** What planCluster saw (peers included). */
  readonly planInput: ClusterPlanInput;
  /** The external ranges the spec gives the cluster (its peers come from the estate plan). */
  readonly constructExternalRanges: ExternalRange[];
  readonly result: ClusterPlanResult;
  readonly fixed: FixedFields;
}

export interface FleetPlan {
  readonly clusters: FleetClusterPlan[];
  readonly networks: NetworkAllocation[];
  /** The hybrid links with their route plans. */
  readonly links: FleetLinkPlan[];
  /** Every finding of the fleet and of each cluster, errors first. */
  readonly findings: Finding[];
  /** The lock as it should be written after this plan. */
  readonly lock: FleetLock;
  /** True when `lock` differs from the lock given (or none was given). */
  readonly lockChanged: boolean;
  readonly lockChanges: string[];
  /** Clusters removed from the spec whose ranges the lock still holds. */
  readonly held: Array<{ readonly name: string; readonly ranges: string[] }>;
  /** What planning the estate took (one planCluster per cluster). */
  readonly stats: EstateStats;
  /** Findings of VPC-scoped rules (shared capacity, route-table quota, data-centre duplicates of networks). */
  readonly vpcFindings: Finding[];
  /** The spec's connections between networks, by network key (the Fleet construct hands them to its App's estate). */
  readonly connections: EstateConnection[];
}

function report(findings: Finding[], r: RuleInfo, path: string, message: string): void {
  findings.push({ ruleId: r.id, severity: r.severity, sources: r.sources, path, message });
}

function complete(c: FleetClusterInput, net: NetworkAllocation, a: ClusterAllocation): boolean {
  if (!networkComplete(net) || a.serviceCidr.source === RangeSource.MISSING) return false;
  if (usesPodCidr(c) && a.podCidr?.source === RangeSource.MISSING) return false;
  if (usesEdgePodCidr(c) && a.edgePodCidr?.source === RangeSource.MISSING) return false;
  return true;
}

/** Plans a whole fleet. */
export function planFleet(input: FleetPlanInput, options: FleetPlanOptions = {}): FleetPlan {
  const findings: Finding[] = [];
  const names = new Set(input.clusters.map((c) => c.name));
  const sharedNames = new Set(input.clusters.flatMap((c) => (c.vpc.kind === "shared" ? [c.vpc.name] : [])));
  const linkNames = new Set(input.hybridLinks.map((l) => l.name));
  let lock = options.lock;
  const lockChanges: string[] = [];
  if (lock && options.prune) {
    const pruned = pruneLock(lock, names, sharedNames, linkNames);
    lock = pruned.lock;
    lockChanges.push(...pruned.changes);
  }

  const topology = buildTopology(input);
  const alloc = allocateFleet(input, topology, lock);
  findings.push(...alloc.findings);

  // One plan for the whole estate: every cluster, VPC and link, with the cross-resource rules.
  const estateInput = fleetEstate(input, topology, alloc.networks, alloc.clusters);
  const estate = planEstate(estateInput);
  const clusters: FleetClusterPlan[] = input.clusters.map((c, i) => {
    const net = alloc.networks.get(topology.networkOf[i].key) as NetworkAllocation;
    const a = alloc.clusters[i];
    const planned = estate.clusters.get(c.name) as EstateClusterResult;
    const result: ClusterPlanResult = { findings: planned.findings, capacity: planned.capacity };
    return { name: c.name, input: c, network: net, allocation: a, planInput: planned.input, result, constructExternalRanges: c.externalRanges, fixed: fixedFieldsOf(c, net) };
  });
  for (const c of clusters) findings.push(...c.result.findings);
  for (const list of estate.vpcFindings.values()) findings.push(...list);
  const links: FleetLinkPlan[] = [];
  for (const l of input.hybridLinks) {
    const planned = estate.links.get(l.name);
    if (!planned) continue;
    links.push({ name: l.name, input: planned.input, plan: planned.plan });
    const prefix = `${l.name}.`;
    for (const f of planned.plan.findings) {
      findings.push({ ...f, path: `hybridLinks[${l.name}]${f.path.startsWith(prefix) ? `.${f.path.slice(prefix.length)}` : ""}` });
    }
  }

  const held: Array<{ name: string; ranges: string[] }> = [];
  if (lock) {
    findings.push(...guardChanges(lock, clusters.map((c) => ({
      name: c.name, replace: c.input.replace, fixed: c.fixed,
      serviceCidr: c.allocation.serviceCidr.cidr, podCidr: c.allocation.podCidr?.cidr, edgePodCidr: c.allocation.edgePodCidr?.cidr,
    })), input.hybridLinks.map((l) => ({ name: l.name, cluster: l.cluster, physicalConnectionId: l.physicalConnectionId, replace: l.replace }))));
    for (const [name, rec] of Object.entries(lock.clusters)) {
      if (names.has(name)) continue;
      const ranges = [rec.vpc?.cidr, rec.serviceCidr, rec.podCidr, rec.edgePodCidr].filter((r): r is string => r !== undefined);
      held.push({ name, ranges });
      report(findings, REMOVED_CLUSTER_HELD, `lock.clusters[${name}]`,
        `cluster ${name} is no longer in the spec; its ranges (${ranges.join(", ")}) stay held in the lock so no new cluster reuses them. Run ack-plan plan SPEC --prune once it is destroyed.`);
    }
    const unrecorded = input.clusters.filter((c) => !lock?.clusters[c.name]).map((c) => c.name);
    if (unrecorded.length > 0) {
      report(findings, LOCK_OUTDATED, "lock",
        `${unrecorded.length === 1 ? "cluster" : "clusters"} ${unrecorded.slice(0, 10).join(", ")}${unrecorded.length > 10 ? ` and ${unrecorded.length - 10} more` : ""} ${unrecorded.length === 1 ? "is" : "are"} not in the lock yet; ack-plan plan SPEC (or cdktf synth) records ${unrecorded.length === 1 ? "it" : "them"}. Commit the lock.`);
    }
  } else {
    report(findings, LOCK_OUTDATED, "lock", options.noLockFile
      ? "no lock file is used (a spec given in code without lockFile): ranges not given in the spec are carved from the pools on every synth, so a change of the spec can move them; give lockFile to record them, or give every range in the spec."
      : "there is no lock file: ranges not given in the spec are carved from the pools now; ack-plan plan SPEC (or cdktf synth) writes the lock so they never move. Commit it.");
  }

  const candidates: LockCandidate[] = clusters.map((c) => ({
    name: c.name,
    replace: c.input.replace,
    ownNetwork: c.network.network.kind === "own" ? c.network : undefined,
    serviceCidr: c.allocation.serviceCidr.cidr,
    podCidr: c.allocation.podCidr?.cidr,
    edgePodCidr: c.allocation.edgePodCidr?.cidr,
    complete: complete(c.input, c.network, c.allocation),
    fixed: c.fixed,
  }));
  const networks = [...alloc.networks.values()];
  const update = updateLock(lock ?? emptyLock(), candidates, networks.filter((n) => n.network.kind === "shared"), input.hybridLinks);
  lockChanges.push(...update.changes);
  const lockChanged = !options.lock || canonicalJson(options.lock) !== canonicalJson(update.lock);

  return { clusters, networks, links, findings: sortFindings(findings), lock: update.lock, lockChanged, lockChanges, held, stats: estate.stats, vpcFindings: [...estate.vpcFindings.values()].flat(), connections: estateInput.connections };
}
