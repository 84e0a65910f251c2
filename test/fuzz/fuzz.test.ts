/**
 * The fuzz suite (issue 9): "a verdict, never an exception", and no hang.
 *   - spec mutants (YAML and JSON text) through the reader and the planner: every outcome is a
 *     list of findings, each with a rule id of the catalogue, the file and the field;
 *   - check => synth: a mutant that `ack-plan check` accepts synthesizes through the Fleet
 *     construct with `app.synth()`;
 *   - construct prop sets through `app.synth()`: synthesized, or a validation failure made of
 *     findings; never a raw exception from a constructor or a validation.
 * `npm test` runs a few hundred cases; `npm run fuzz` (FUZZ_FULL=1) runs 10,000 spec mutants and
 * 3,000 construct prop sets and prints the counts. A case that takes longer than HANG_MS counts
 * as a hang (inputs are bounded, so none should come near it).
 */
import fc from "fast-check";
import { Fleet } from "../../lib";
import { findRule } from "../../lib/plan/catalogue";
import { Severity } from "../../lib/plan/finding";
import { checkLoadedSpec } from "../../lib/spec/check-spec";
import { parseSpecText } from "../../lib/spec/load-spec";
import { buildProps, constructCase, verdict } from "./construct-props";
import { EXAMPLE_SPEC, mutate, specCase, specText } from "./spec-mutants";

const FULL = process.env.FUZZ_FULL === "1";
const SPEC_RUNS = FULL ? 10_000 : 150;
const CONSTRUCT_RUNS = FULL ? 3_000 : 25;
/** check => synth on at most this many accepted mutants (a fleet synth takes about a second). */
const SYNTH_RUNS = FULL ? 300 : 4;
const HANG_MS = 20_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

const summary: string[] = [];
afterAll(() => {
  // eslint-disable-next-line no-console
  console.log(`fuzz summary (seed ${SEED}):\n${summary.join("\n")}`);
});

describe("fuzz: a verdict, never an exception", () => {
  test(`${SPEC_RUNS} spec mutants: findings with rule id, file and field; accepted ones synthesize`, () => {
    const stats = { cases: 0, exceptions: 0, hangs: 0, accepted: 0, rejected: 0, synthesized: 0, synthFailed: 0, findings: 0, withoutLine: 0, maxMs: 0 };
    fc.assert(
      fc.property(specCase, (c) => {
        stats.cases++;
        const json = c.json;
        const file = json ? "fuzz.json" : "fuzz.yaml";
        const text = specText(mutate(EXAMPLE_SPEC, c.mutations), json, c.mangle);
        const t0 = Date.now();
        let check;
        try {
          check = checkLoadedSpec(parseSpecText(text, file), { lockFile: false });
        } catch (e) {
          stats.exceptions++;
          throw e;
        }
        const ms = Date.now() - t0;
        stats.maxMs = Math.max(stats.maxMs, ms);
        if (ms > HANG_MS) {
          stats.hangs++;
          return false;
        }
        for (const f of check.findings) {
          stats.findings++;
          if (findRule(f.ruleId) === undefined || f.file !== file || typeof f.path !== "string" || f.path.length === 0 || typeof f.message !== "string") return false;
          if (f.line === undefined) stats.withoutLine++;
        }
        if (check.hasErrors || !check.spec) {
          stats.rejected++;
          return true;
        }
        stats.accepted++;
        if (stats.synthesized + stats.synthFailed >= SYNTH_RUNS) return true;
        const spec = check.spec;
        const v = verdict((app) => new Fleet(app, "fleet", { spec, writeLock: false }));
        if (v.kind === "synthesized") stats.synthesized++;
        else stats.synthFailed++;
        if (v.kind !== "synthesized") throw new Error(`check accepted a spec that does not synthesize: ${v.kind === "exception" ? v.error : v.errors.join("\n")}`);
        return true;
      }),
      { numRuns: SPEC_RUNS, seed: SEED, endOnFailure: true },
    );
    summary.push(`spec mutants: ${stats.cases} cases, ${stats.exceptions} exceptions, ${stats.hangs} hangs, ${stats.rejected} rejected with findings, ${stats.accepted} accepted; check => synth: ${stats.synthesized} synthesized, ${stats.synthFailed} failed; ${stats.findings} findings (${stats.withoutLine} without a line); slowest ${stats.maxMs} ms`);
    expect(stats.exceptions + stats.hangs + stats.synthFailed).toBe(0);
  }, FULL ? 3_600_000 : 120_000);

  test(`${CONSTRUCT_RUNS} construct prop sets: synthesized or findings`, () => {
    const stats = { cases: 0, exceptions: 0, hangs: 0, synthesized: 0, findings: 0, warnings: 0, maxMs: 0 };
    fc.assert(
      fc.property(constructCase, (c) => {
        stats.cases++;
        const t0 = Date.now();
        const v = verdict((app) => buildProps(app, c));
        const ms = Date.now() - t0;
        stats.maxMs = Math.max(stats.maxMs, ms);
        if (ms > HANG_MS) {
          stats.hangs++;
          return false;
        }
        if (v.kind === "exception") {
          stats.exceptions++;
          throw new Error(v.error);
        }
        if (v.kind === "synthesized") stats.synthesized++;
        else stats.findings++;
        return true;
      }),
      { numRuns: CONSTRUCT_RUNS, seed: SEED, endOnFailure: true },
    );
    summary.push(`construct prop sets: ${stats.cases} cases, ${stats.exceptions} exceptions, ${stats.hangs} hangs, ${stats.synthesized} synthesized, ${stats.findings} failed with findings; slowest ${stats.maxMs} ms`);
    expect(stats.exceptions + stats.hangs).toBe(0);
  }, FULL ? 3_600_000 : 120_000);

  test("the severities a fuzz verdict can carry are the catalogue's", () => {
    expect(Object.values(Severity).sort()).toEqual(["error", "info", "warning"]);
  });
});
