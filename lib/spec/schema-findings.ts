/**
 * The findings of a spec that the schema rejects, from zod's issues: S1 (or the rule a field
 * check names, e.g. A0 for a bad CIDR) with the field path and line. Loaded only for a spec
 * the compiled validator rejects (load-spec.ts), so that an accepted spec never loads zod.
 */
import { z } from "zod";
import { INVALID_CIDR } from "../plan/rules/input-rules";
import { SPEC_SCHEMA } from "../plan/rules/fleet-rules";
import { findRule } from "../plan/catalogue";
import { describe } from "./describe-value";
import { LocatedFinding, located } from "./located-finding";
import { SourceMap, SpecPath, formatSpecPath } from "./source-map";
import { fleetSpecSchema } from "./spec-schema";
import { FleetSpecFile } from "./spec-types";

/** One zod issue as findings (a union failure reports its closest branch). */
function issueFindings(issue: z.core.$ZodIssue, base: SpecPath, file: string | undefined, source: SourceMap): LocatedFinding[] {
  const path = [...base, ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))];
  const at = (p: SpecPath, rule = SPEC_SCHEMA, message: string) => located(rule, formatSpecPath(p), message, file, source.lineOf(p));
  switch (issue.code) {
    case "unrecognized_keys":
      return issue.keys.map((k) => at([...path, k], SPEC_SCHEMA, `unknown field '${k}'${path.length ? ` in ${formatSpecPath(path)}` : ""}; check the spelling (see schema/spec.schema.json)`));
    case "invalid_type": {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) return [at(path, SPEC_SCHEMA, `required field is missing (expected ${issue.expected})`)];
      return [at(path, SPEC_SCHEMA, `expected ${issue.expected}, got ${describe(input)}`)];
    }
    case "invalid_value":
      return [at(path, SPEC_SCHEMA, `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${describe((issue as { input?: unknown }).input)}`)];
    case "invalid_union": {
      const branches = issue.errors.filter((b) => b.length > 0);
      const typed = branches.find((b) => b.every((i) => !(i.code === "invalid_type" && i.path.length === 0)));
      if (typed) return typed.flatMap((i) => issueFindings(i, path, file, source));
      return [at(path, SPEC_SCHEMA, `expected a CIDR or a list of CIDRs, got ${describe((issue as { input?: unknown }).input)}`)];
    }
    case "custom": {
      const ruleId = (issue.params as { ruleId?: string } | undefined)?.ruleId;
      const rule = (ruleId && findRule(ruleId)) || SPEC_SCHEMA;
      return [at(path, rule, issue.message)];
    }
    default:
      return [at(path, SPEC_SCHEMA, issue.message)];
  }
}

/**
 * `value` validated by zod itself: its findings, or the spec when zod accepts it (it then
 * equals what the compiled validator would have returned, which the tests check).
 */
export function validateWithZod(value: unknown, file: string | undefined, source: SourceMap): { readonly spec?: FleetSpecFile; readonly findings: LocatedFinding[] } {
  const result = fleetSpecSchema.safeParse(value, { reportInput: true });
  if (result.success) return { spec: result.data, findings: [] };
  const findings = result.error.issues.flatMap((i) => issueFindings(i, [], file, source));
  // Report CIDR problems under their own rule first: they are the most specific.
  findings.sort((a, b) => Number(b.ruleId === INVALID_CIDR.id) - Number(a.ruleId === INVALID_CIDR.id) || (a.line ?? 0) - (b.line ?? 0));
  return { findings };
}
