import { IConstruct } from "constructs";
import { annotate } from "./annotate";
import { Finding, Severity, formatFinding, sortFindings } from "../plan/finding";

/**
 * Hooks a plan into cdktf validation: on synth, `produce` runs once; error findings fail the
 * synth (all of them listed in one error by cdktf), warnings and infos become annotations.
 */
export function addPlanValidation(scope: IConstruct, produce: () => Finding[]): void {
  let done: string[] | undefined;
  scope.node.addValidation({
    validate: () => {
      if (done) return done;
      const findings = sortFindings(produce());
      for (const f of findings) {
        if (f.severity === Severity.WARNING) annotate(scope, "warning", formatFinding(f));
        if (f.severity === Severity.INFO) annotate(scope, "info", formatFinding(f));
      }
      done = findings.filter((f) => f.severity === Severity.ERROR).map(formatFinding);
      return done;
    },
  });
}
