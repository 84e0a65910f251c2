import { Token } from "./cdktf";

/**
 * Collects values for a plan: literal values pass through, unresolved cdktf tokens become
 * undefined and their paths are remembered, so the plan skips the checks they feed and says so.
 */
export class PlanValues {
  public readonly unresolved: string[] = [];

  public str(path: string, value: string | undefined): string | undefined {
    if (value === undefined) return undefined;
    if (Token.isUnresolved(value)) {
      this.unresolved.push(path);
      return undefined;
    }
    return value;
  }

  public num(path: string, value: number | undefined): number | undefined {
    if (value === undefined) return undefined;
    if (Token.isUnresolved(value)) {
      this.unresolved.push(path);
      return undefined;
    }
    return value;
  }
}
