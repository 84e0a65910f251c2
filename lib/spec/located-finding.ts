import { Finding, Severity, formatFinding } from "../plan/finding";
import { RuleInfo } from "../plan/rule";

/** A finding with the file and line it points at (when known). */
export interface LocatedFinding extends Finding {
  readonly file?: string;
  /** 1-based line in `file`. */
  readonly line?: number;
}

export function located(rule: RuleInfo, path: string, message: string, file?: string, line?: number): LocatedFinding {
  return { ruleId: rule.id, severity: rule.severity, sources: rule.sources, path, message, file, line };
}

/** `fleet.yaml:14: error S1-spec-schema clusters[2].cni.podCidr: ...` (no location prefix when unknown). */
export function formatLocatedFinding(f: LocatedFinding): string {
  const where = f.file ? `${f.file}${f.line !== undefined ? `:${f.line}` : ""}: ` : "";
  return `${where}${formatFinding(f)}`;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { [Severity.ERROR]: 0, [Severity.WARNING]: 0, [Severity.INFO]: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
