import { RuleInfo } from "./rule";
import { COMPLIANCE_RULES } from "./rules/compliance-rules";
import { EDGE_RULES } from "./rules/edge-rules";
import { ESTATE_RULES } from "./rules/estate-rules";
import { FLANNEL_RULES } from "./rules/flannel-rules";
import { FLEET_RULES } from "./rules/fleet-rules";
import { HYBRID_RULES } from "./rules/hybrid-rules";
import { INPUT_RULES } from "./rules/input-rules";
import { OVERLAP_RULES } from "./rules/overlap-rules";
import { RANGE_RULES } from "./rules/range-rules";
import { SIZE_RULES } from "./rules/size-rules";
import { TERWAY_RULES } from "./rules/terway-rules";
import { VALUE_RULES } from "./rules/value-rules";
import { VERSION_RULES } from "./rules/version-rules";

/** Every rule, in catalogue order (section by section). docs/rules.md is generated from this. */
export const CATALOGUE: readonly RuleInfo[] = [
  ...INPUT_RULES, ...VALUE_RULES, ...RANGE_RULES, ...OVERLAP_RULES, ...FLANNEL_RULES, ...TERWAY_RULES, ...SIZE_RULES, ...COMPLIANCE_RULES, ...EDGE_RULES, ...VERSION_RULES, ...HYBRID_RULES,
  ...ESTATE_RULES,
  ...FLEET_RULES,
];

const BY_ID = new Map(CATALOGUE.map((r) => [r.id, r]));
if (BY_ID.size !== CATALOGUE.length) {
  const seen = new Set<string>();
  const dup = CATALOGUE.find((r) => (seen.has(r.id) ? true : (seen.add(r.id), false)));
  throw new Error(`duplicate rule id in the catalogue: ${dup?.id}`);
}

export function findRule(id: string): RuleInfo | undefined {
  return BY_ID.get(id);
}
