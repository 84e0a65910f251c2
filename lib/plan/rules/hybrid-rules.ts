import { RuleInfo } from "../rule";

/** Section J rules (Express Connect VBR / BGP), filled in with the HybridLink work. */
export const HYBRID_RULES: RuleInfo[] = [];
