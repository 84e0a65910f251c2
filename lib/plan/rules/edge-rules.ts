import { PlanContext } from "../context";
import { CapacityPlan } from "../capacity";
import { RuleInfo } from "../rule";

/** Section I rules that are about one ACK Edge cluster (filled in with the ACK Edge work). */
export const EDGE_RULES: RuleInfo[] = [];

export function checkEdge(_ctx: PlanContext, _capacity: CapacityPlan): void {
  // ACK Edge checks live here.
}
