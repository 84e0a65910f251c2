/** Spec builders and a pure planning helper for the fleet tests. */
import { FleetLock } from "../../lib/plan/fleet/lock";
import { FleetPlan, planFleet } from "../../lib/plan/fleet/plan-fleet";
import { CniPlugin } from "../../lib/plan/model";
import { normalizeSpec } from "../../lib/spec/normalize";
import { SourceMap } from "../../lib/spec/source-map";
import { FleetClusterSpec, FleetSpec } from "../../lib/spec/spec-types";

export const POOLS = { vpc: ["10.64.0.0/10"], pods: ["10.128.0.0/10"], services: ["172.16.0.0/12"], edgePods: ["10.192.0.0/12"] };

export function flannel(name: string, extra: Partial<FleetClusterSpec> = {}): FleetClusterSpec {
  return {
    name,
    cni: { plugin: CniPlugin.FLANNEL },
    zones: ["cn-hangzhou-i"],
    nodePools: [{ name: "default", instanceType: "ecs.g7.xlarge", min: 1, max: 10 }],
    ...extra,
  };
}

export function terway(name: string, extra: Partial<FleetClusterSpec> = {}): FleetClusterSpec {
  return {
    name,
    cni: { plugin: CniPlugin.TERWAY },
    zones: ["cn-hangzhou-i", "cn-hangzhou-j"],
    nodePools: [{ name: "general", instanceType: "ecs.c7.4xlarge", min: 1, max: 10 }],
    ...extra,
  };
}

export function fleet(clusters: FleetClusterSpec[], extra: Partial<FleetSpec> = {}): FleetSpec {
  return { region: "cn-hangzhou", pools: POOLS, clusters, ...extra };
}

/** Normalizes and plans a spec object (no files). */
export function planSpec(spec: FleetSpec, lock?: FleetLock, prune = false): FleetPlan & { specErrors: string[] } {
  const n = normalizeSpec(spec, new SourceMap(undefined, undefined));
  return { ...planFleet(n.input, { lock, prune }), specErrors: n.findings.map((f) => `${f.ruleId} ${f.path}: ${f.message}`) };
}

export function errors(plan: FleetPlan): string[] {
  return plan.findings.filter((f) => f.severity === "error").map((f) => `${f.ruleId} ${f.path}: ${f.message}`);
}

/** Every range of every cluster, by cluster name: what must never move. */
export function rangesByCluster(plan: FleetPlan): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of plan.clusters) {
    out[c.name] = [
      `vpc ${c.network.cidr}`,
      ...c.network.nodeVSwitches.map((v) => `node ${v.zone} ${v.cidr}`),
      ...c.network.podVSwitches.map((v) => `pod ${v.zone} ${v.cidr}`),
      `service ${c.allocation.serviceCidr.cidr}`,
      `pods ${c.allocation.podCidr?.cidr ?? "-"}`,
      `edge ${c.allocation.edgePodCidr?.cidr ?? "-"}`,
    ];
  }
  return out;
}
