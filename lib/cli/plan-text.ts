/** Text and JSON views of a checked spec, for `ack-plan plan` and `check`. */
import { formatCapacityPlan } from "../plan/capacity";
import { FleetClusterPlan } from "../plan/fleet/plan-fleet";
import { PlannedRange } from "../plan/fleet/model";
import { SpecCheck } from "../spec/check-spec";
import { LocatedFinding, countBySeverity, formatLocatedFinding } from "../spec/located-finding";
import { Severity } from "../plan/finding";
import { Style } from "./style";

function range(label: string, r: PlannedRange | undefined, style: Style): string | undefined {
  if (!r) return undefined;
  return `  ${label.padEnd(16)} ${(r.cidr ?? "(not allocated)").padEnd(18)} ${style.dim(r.source)}`;
}

/** The addresses of one cluster: VPC, vSwitches per zone, pod, service and edge pod CIDRs. */
export function formatClusterAddresses(c: FleetClusterPlan, style: Style): string {
  const net = c.network;
  const kind = net.network.kind === "shared" ? `shared VPC ${net.network.name}` : net.network.kind === "existing" ? `adopted VPC ${net.network.existingId}` : "own VPC";
  const lines = [
    style.bold(`${c.name}`) + `  ${c.input.profile === "Edge" ? "ack-edge" : "ack"}, ${c.input.cni.plugin}, ${c.input.clusterSpec}, ${kind}`,
    range("VPC", { cidr: net.cidr, source: net.source }, style),
    ...net.nodeVSwitches.map((v) => range(`node vSwitch`, v, style)?.concat(`  ${v.zone}`)),
    ...net.podVSwitches.map((v) => range(`pod vSwitch`, v, style)?.concat(`  ${v.zone}`)),
    range("service CIDR", c.allocation.serviceCidr, style),
    range("pod CIDR", c.allocation.podCidr, style),
    range("edge pod CIDR", c.allocation.edgePodCidr, style),
  ];
  return lines.filter((l): l is string => l !== undefined).join("\n");
}

export function formatFinding(f: LocatedFinding, style: Style): string {
  const text = formatLocatedFinding(f);
  return f.severity === Severity.ERROR || f.severity === Severity.WARNING || f.severity === Severity.INFO
    ? text.replace(`${f.severity} ${f.ruleId}`, style.severity(f.severity, `${f.severity} ${f.ruleId}`))
    : text;
}

export function formatSummary(findings: readonly LocatedFinding[], style: Style): string {
  const n = countBySeverity(findings);
  const word = (k: number, w: string) => `${k} ${w}${k === 1 ? "" : "s"}`;
  const line = `${word(n.error, "error")}, ${word(n.warning, "warning")}, ${word(n.info, "info")}`;
  return n.error > 0 ? style.severity(Severity.ERROR, line) : style.ok(line);
}

/** `ack-plan plan` text: every cluster's addresses and capacity table. */
export function formatPlanText(check: SpecCheck, style: Style): string {
  const plan = check.plan;
  if (!plan) return "";
  const out: string[] = [];
  for (const c of plan.clusters) {
    out.push(formatClusterAddresses(c, style));
    out.push(formatCapacityPlan(c.result.capacity).split("\n").map((l) => `  ${l}`).join("\n"));
    out.push("");
  }
  if (plan.held.length > 0) {
    out.push(style.bold("held by the lock (removed clusters)"));
    for (const h of plan.held) out.push(`  ${h.name.padEnd(16)} ${h.ranges.join(", ")}`);
    out.push("");
  }
  return out.join("\n");
}

/** `ack-plan plan --json`. */
export function planJson(check: SpecCheck, lockWritten: boolean): Record<string, unknown> {
  const plan = check.plan;
  return {
    file: check.file,
    lockFile: check.lockFile,
    lockWritten,
    lockChanges: plan?.lockChanges ?? [],
    clusters: (plan?.clusters ?? []).map((c) => ({
      name: c.name,
      type: c.input.profile === "Edge" ? "ack-edge" : "ack",
      cni: c.input.cni.plugin,
      clusterSpec: c.input.clusterSpec,
      vpc: {
        name: c.network.network.name, kind: c.network.network.kind, cidr: c.network.cidr, source: c.network.source,
        nodeVSwitches: c.network.nodeVSwitches, podVSwitches: c.network.podVSwitches,
      },
      serviceCidr: c.allocation.serviceCidr,
      podCidr: c.allocation.podCidr,
      edgePodCidr: c.allocation.edgePodCidr,
      capacity: c.result.capacity,
    })),
    held: plan?.held ?? [],
    findings: check.findings,
    summary: countBySeverity(check.findings),
  };
}
