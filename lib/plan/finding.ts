/**
 * Findings: what a rule reports about a plan. Pure data, no cdktf.
 */

/** How bad a finding is. */
export enum Severity {
  /** The cloud would reject the plan, or it would break the cluster later: synthesis fails. */
  ERROR = "error",
  /** Works today but is risky or against a recommendation: reported, synthesis goes on. */
  WARNING = "warning",
  /** Worth knowing; never fails anything. */
  INFO = "info",
}

/** One problem found in a plan. */
export interface Finding {
  /** Stable rule id from the catalogue, e.g. `C2-service-overlap`. */
  readonly ruleId: string;
  readonly severity: Severity;
  /** Where the offending value lives, e.g. `prod.cni.podCidr` or `clusters[2].serviceCidr`. */
  readonly path: string;
  /** What is wrong, with the values, and how to fix it. */
  readonly message: string;
  /** Ids of shared/reference/ack-network-rules.md the rule comes from. */
  readonly sources: string[];
}

/** Formats one finding as a single line: `error C2-service-overlap [C-2] prod.serviceCidr: ...`. */
export function formatFinding(f: Finding): string {
  const src = f.sources.length > 0 ? ` [${f.sources.join(", ")}]` : "";
  return `${f.severity} ${f.ruleId}${src} ${f.path}: ${f.message}`;
}

/** Errors first, then warnings, then infos; stable within a severity. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const rank: Record<Severity, number> = { [Severity.ERROR]: 0, [Severity.WARNING]: 1, [Severity.INFO]: 2 };
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === Severity.ERROR);
}
