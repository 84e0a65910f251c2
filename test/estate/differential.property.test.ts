/**
 * Issue 8: the two front-ends give the same findings. Each random estate (1-6 VPCs, 1-8
 * clusters of all kinds, node pools, edge pools, hybrid links, data centres, CEN / peering /
 * VPN connections) is written once as a fleet spec object (checkSpecObject) and once as
 * constructs in a cdktf app (app.synth()); the multisets of (severity, rule id, values in the
 * message) must be equal. Excluded by nature: FRONT_END_ONLY_RULES in findings.ts.
 *
 * CI runs DIFF_RUNS (default 25) estates; `DIFF_RUNS=500 npx jest test/estate/differential`
 * runs more. A failure prints the seed and path; replay with DIFF_SEED=<seed> DIFF_PATH=<path>.
 */
import * as fs from "fs";
import fc from "fast-check";
import { generateEstate } from "./arbitrary-estate";
import { connectNetworks } from "./connect";
import { describeEstate } from "./estate-model";
import { constructFindings, diffFindings, specFindings } from "./findings";

const RUNS = Number(process.env.DIFF_RUNS ?? 25);
const SEED = process.env.DIFF_SEED !== undefined ? Number(process.env.DIFF_SEED) : undefined;
const PATH = process.env.DIFF_PATH;

function check(g: fc.GeneratorValue): void {
  const estate = generateEstate(g);
  const spec = specFindings(estate);
  const out = constructFindings(estate, connectNetworks);
  fs.rmSync(out.outdir, { recursive: true, force: true });
  const diff = diffFindings(spec, out.findings, new Set(estate.clusters.map((c) => c.name)));
  const specErrors = spec.some((f) => f.severity === "error");
  if (diff.onlySpec.length === 0 && diff.onlyConstructs.length === 0 && specErrors === (out.synthError !== undefined)) return;
  throw new Error([
    "the front-ends disagree on this estate:",
    describeEstate(estate),
    `spec has errors: ${specErrors}; app.synth() ${out.synthError ? "failed" : "succeeded"}`,
    "only in the spec:",
    ...diff.onlySpec.map((f) => `  ${f.raw}`),
    "only in the constructs:",
    ...diff.onlyConstructs.map((f) => `  ${f.raw}`),
  ].join("\n"));
}

describe("differential: spec and constructs give the same findings", () => {
  it(`agrees on ${RUNS} random estates`, () => {
    const result = fc.check(fc.property(fc.gen(), check), { numRuns: RUNS, seed: SEED, path: PATH, endOnFailure: false });
    if (result.failed) {
      throw new Error(
        `Counterexample after ${result.numRuns} estates (shrunk ${result.numShrinks} times). Replay: DIFF_SEED=${result.seed} DIFF_PATH=${result.counterexamplePath ?? ""}\n` +
        `${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`,
      );
    }
  });
});
