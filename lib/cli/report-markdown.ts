/** The Markdown report of `ack-plan report`: summary, pools, findings, per-cluster detail. */
import { formatCapacityPlan } from "../plan/capacity";
import { SpecCheck } from "../spec/check-spec";
import { countBySeverity, formatLocatedFinding } from "../spec/located-finding";
import { AddressSpace, usedAddresses } from "./address-space";

const cell = (s: string | number | undefined) => String(s ?? "-").replace(/\|/g, "\\|").replace(/\n/g, " ");
const row = (cells: Array<string | number | undefined>) => `| ${cells.map(cell).join(" | ")} |`;
const fmt = (n: bigint | number) => n.toLocaleString("en-US");

export function renderReport(check: SpecCheck, space: AddressSpace, svgFile: string): string {
  const plan = check.plan;
  const lines: string[] = [];
  const n = countBySeverity(check.findings);
  lines.push(`# Fleet report: ${check.file ?? "spec"}`, "");
  lines.push(`Region \`${check.spec?.region ?? "?"}\`, ${plan?.clusters.length ?? 0} clusters, ${plan?.networks.length ?? 0} VPCs. ` +
    `Findings: ${n.error} errors, ${n.warning} warnings, ${n.info} infos. Lock file: \`${check.lockFile ?? "none"}\` (${check.lockExisted ? "present" : "absent"}).`, "");
  lines.push(`![Address map](${svgFile})`, "");

  lines.push("## Clusters", "");
  lines.push(row(["Cluster", "Type", "CNI", "VPC", "Pod CIDR", "Service CIDR", "Edge pod CIDR", "Max nodes", "Binding limit"]));
  lines.push(row(Array(9).fill("---")));
  for (const c of plan?.clusters ?? []) {
    const cap = c.result.capacity;
    lines.push(row([
      c.name, c.input.profile === "Edge" ? "ack-edge" : "ack", c.input.cni.plugin,
      `${c.network.cidr ?? "-"} (${c.network.network.kind === "shared" ? `shared ${c.network.network.name}` : c.network.source})`,
      c.allocation.podCidr?.cidr, c.allocation.serviceCidr.cidr, c.allocation.edgePodCidr?.cidr,
      fmt(cap.maxNodes), cap.bindingLimit?.ruleId,
    ]));
  }
  lines.push("");

  lines.push("## Address pools and given ranges", "");
  lines.push(row(["Block", "Addresses", "Allocated", "Ranges"]));
  lines.push(row(Array(4).fill("---")));
  for (const s of space.pools) {
    const used = usedAddresses(s);
    lines.push(row([s.title, fmt(s.cidr.size), `${fmt(used)} (${(Number((used * 10000n) / s.cidr.size) / 100).toFixed(2)}%)`,
      s.ranges.map((r) => `${r.owner} ${r.role} ${r.cidr}`).join("; ")]));
  }
  lines.push("");

  lines.push("## Findings", "");
  if (check.findings.length === 0) lines.push("None.");
  for (const f of check.findings) lines.push(`- ${formatLocatedFinding(f).replace(/\n/g, "\n  ")}`);
  lines.push("");

  if (plan && plan.lockChanges.length > 0) {
    lines.push("## Lock file", "", "`ack-plan plan` would record:", "", ...plan.lockChanges.map((c) => `- ${c}`), "");
  }
  if (plan && plan.held.length > 0) {
    lines.push("## Held ranges", "", "Removed clusters whose ranges the lock still holds (`ack-plan plan --prune` frees them):", "");
    for (const h of plan.held) lines.push(`- ${h.name}: ${h.ranges.join(", ")}`);
    lines.push("");
  }

  lines.push("## Cluster detail", "");
  for (const c of plan?.clusters ?? []) {
    lines.push(`### ${c.name}`, "");
    lines.push(row(["Range", "Zone", "CIDR", "Source"]));
    lines.push(row(Array(4).fill("---")));
    lines.push(row(["VPC", "-", c.network.cidr, c.network.source]));
    for (const v of c.network.nodeVSwitches) lines.push(row(["node vSwitch", v.zone, v.cidr, v.source]));
    for (const v of c.network.podVSwitches) lines.push(row(["pod vSwitch", v.zone, v.cidr, v.source]));
    lines.push(row(["service CIDR", "-", c.allocation.serviceCidr.cidr, c.allocation.serviceCidr.source]));
    if (c.allocation.podCidr) lines.push(row(["pod CIDR", "-", c.allocation.podCidr.cidr, c.allocation.podCidr.source]));
    if (c.allocation.edgePodCidr) lines.push(row(["edge pod CIDR", "-", c.allocation.edgePodCidr.cidr, c.allocation.edgePodCidr.source]));
    lines.push("", "```", formatCapacityPlan(c.result.capacity), "```", "");
  }
  return lines.join("\n");
}
