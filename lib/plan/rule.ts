import { Severity } from "./finding";

/** Over how much of the estate a rule looks: what has to be known together to check it. */
export enum RuleScope {
  /** One cluster's own settings and ranges (with what its neighbours put next to them). */
  CLUSTER = "cluster",
  /** Everything in one VPC: the clusters sharing it, its vSwitches, its route table. */
  VPC = "vpc",
  /** VPCs that reach each other (same VPC, CEN / peering / VPN, links into the same data centre). */
  DOMAIN = "connected domain",
  /** A data centre and every VPC and link that reaches it. */
  DATA_CENTER = "data centre",
  /** The input itself: tokens, CIDR syntax, the spec file, the lock file, pools, the change guard. */
  INPUT = "input",
}

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
  /** Over how much of the estate the rule is checked (docs/rules.md shows it). */
  readonly scope: RuleScope;
}

/** Rules whose scope is not the one of their section (see scopeOf). */
const SCOPE_OF_ID: ReadonlyMap<string, RuleScope> = new Map([
  ["A0-invalid-cidr", RuleScope.INPUT],
  ["A12-vpc-space", RuleScope.VPC],
  ["G5-vswitch-quota", RuleScope.VPC],
  ["C3-other-cluster-overlap", RuleScope.VPC],
  ["C4-service-reuse", RuleScope.VPC],
  ["C5-connected-overlap", RuleScope.DOMAIN],
  ["C9-edge-pod-overlap", RuleScope.DOMAIN],
  ["C6-data-center-overlap", RuleScope.DATA_CENTER],
  ["J1-vlan-unique", RuleScope.INPUT],
]);

/**
 * The scope of a rule from its id: tokens (T), spec (S), lock (L), change guard (K) and pools
 * (P) check the input; Express Connect (J) a link into a data centre; the rest one cluster,
 * except the ids listed in SCOPE_OF_ID.
 */
export function scopeOf(id: string): RuleScope {
  const listed = SCOPE_OF_ID.get(id);
  if (listed) return listed;
  const section = id.charAt(0);
  if ("TSLKP".includes(section)) return RuleScope.INPUT;
  if (section === "J") return RuleScope.DATA_CENTER;
  return RuleScope.CLUSTER;
}

/** Declares a rule. Keeps rule modules terse and typed. The scope defaults to scopeOf(id). */
export function rule(id: string, severity: Severity, sources: string[], title: string, doc: string, scope?: RuleScope): RuleInfo {
  return { id, severity, sources, title, doc, scope: scope ?? scopeOf(id) };
}
