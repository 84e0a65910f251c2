/**
 * A planned hybrid link of a fleet. The links are planned with the rest of the estate
 * (lib/plan/estate/plan-estate.ts): every other link on the same physical connection or VBR
 * is a sibling (VLAN and peer-count rules), and the edge pod CIDRs of the Terway Edge
 * clusters in the link's VPC are routed automatically.
 */
import { HybridLinkPlan, HybridLinkPlanInput } from "../hybrid";

export interface FleetLinkPlan {
  readonly name: string;
  readonly input: HybridLinkPlanInput;
  readonly plan: HybridLinkPlan;
}
