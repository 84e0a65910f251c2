import { Severity } from "./finding";

/** A catalogue entry: one check, with a stable id. */
export interface RuleInfo {
  /** Stable id: `<section><n>-<slug>`, e.g. `C2-service-overlap`. Never reused for another meaning. */
  readonly id: string;
  readonly severity: Severity;
  /** One line: what the rule demands. */
  readonly title: string;
  /** Ids in shared/reference/ack-network-rules.md this rule implements. */
  readonly sources: string[];
  /** Why, the numbers, and which reading was taken where sources conflict. Markdown. */
  readonly doc: string;
}

/** Declares a rule. Keeps rule modules terse and typed. */
export function rule(id: string, severity: Severity, sources: string[], title: string, doc: string): RuleInfo {
  return { id, severity, sources, title, doc };
}
