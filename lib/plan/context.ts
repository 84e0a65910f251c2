import { Cidr, CidrError } from "../cidr";
import { Finding } from "./finding";
import { InstanceTypeInfo } from "./instance-types";
import { ClusterPlanInput } from "./model";
import { RuleInfo } from "./rule";
import { INVALID_CIDR, UNRESOLVED_VALUE } from "./rules/input-rules";

/**
 * What every rule sees: the input, parsed ranges, and the list findings go to.
 * CIDR text is parsed once per path; a bad string is reported once (A0-invalid-cidr) and the
 * checks that need it are skipped, so one typo doesn't produce a cascade of findings.
 */
export class PlanContext {
  readonly findings: Finding[] = [];
  private readonly parsed = new Map<string, Cidr | undefined>();
  private readonly unresolved: Set<string>;

  constructor(
    readonly input: ClusterPlanInput,
    readonly extraInstanceTypes: readonly InstanceTypeInfo[] = [],
  ) {
    this.unresolved = new Set(input.unresolved ?? []);
    for (const path of this.unresolved) {
      this.report(UNRESOLVED_VALUE, this.path(path), "value is an unresolved token at synth time; the checks that need it are skipped. Give a literal to have it checked.");
    }
  }

  /** `<cluster>.<rest>` */
  path(rest: string): string {
    return `${this.input.name}.${rest}`;
  }

  report(rule: RuleInfo, path: string, message: string): void {
    this.findings.push({ ruleId: rule.id, severity: rule.severity, path, message, sources: rule.sources });
  }

  /** True when the value at `rest` was an unresolved token. */
  isUnresolved(rest: string): boolean {
    return this.unresolved.has(rest);
  }

  /** Parses the CIDR at `rest` (relative path); undefined when absent, unresolved or invalid. */
  cidr(rest: string, text: string | undefined): Cidr | undefined {
    if (text === undefined || this.isUnresolved(rest)) return undefined;
    const key = `${rest}\u0000${text}`;
    if (this.parsed.has(key)) return this.parsed.get(key);
    let value: Cidr | undefined;
    try {
      value = Cidr.parse(text);
    } catch (e) {
      if (!(e instanceof CidrError)) throw e;
      this.report(INVALID_CIDR, this.path(rest), e.message);
    }
    this.parsed.set(key, value);
    return value;
  }
}

/** Compares Kubernetes versions by major.minor.patch, ignoring suffixes like `-aliyun.1`. */
export function compareKubernetesVersions(a: string, b: string): number {
  const nums = (v: string) => v.replace(/^v/, "").split(/[-+]/)[0].split(".").map((x) => Number.parseInt(x, 10) || 0);
  const x = nums(a);
  const y = nums(b);
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function plural(n: number | bigint, word: string): string {
  const many = word.endsWith("s") ? `${word}es` : `${word}s`;
  return `${n.toLocaleString("en-US")} ${n === 1 || n === 1n ? word : many}`;
}
