/**
 * Issue 8: the two front-ends give the same findings. Each random estate (1-6 VPCs, new or
 * adopted, 1-8 clusters of all kinds, node pools, edge pools, hybrid links, data centres, CEN /
 * peering / VPN connections) is written once as a fleet spec object (checkSpecObject) and once as
 * constructs in a cdktf app (app.synth()); the multisets of (severity, rule id, values in the
 * message) must be equal. Excluded by nature: FRONT_END_ONLY_RULES in findings.ts.
 *
 * CI runs DIFF_RUNS (default 25) estates; `DIFF_RUNS=500 npx jest test/estate/differential`
 * runs more. A failure prints the smallest estate that still disagrees (test/estate/minimize.ts),
 * the original one, and the seed and path to replay it: DIFF_SEED=<seed> DIFF_PATH=<path>.
 */
import * as fs from "fs";
import fc from "fast-check";
import { generateEstate } from "./arbitrary-estate";
import { connectNetworks } from "./connect";
import { Estate, describeEstate } from "./estate-model";
import { constructFindings, diffFindings, specFindings } from "./findings";
import { minimizeEstate } from "./minimize";

const RUNS = Number(process.env.DIFF_RUNS ?? 25);
const SEED = process.env.DIFF_SEED !== undefined ? Number(process.env.DIFF_SEED) : undefined;
const PATH = process.env.DIFF_PATH;

interface Comparison {
  readonly onlySpec: string[];
  readonly onlyConstructs: string[];
  readonly specErrors: boolean;
  readonly synthFailed: boolean;
}

/** Both front-ends on one estate. A construct that throws (instead of reporting a finding) is a disagreement too. */
function compare(estate: Estate): Comparison {
  const spec = specFindings(estate);
  const specErrors = spec.some((f) => f.severity === "error");
  let out: ReturnType<typeof constructFindings>;
  try {
    out = constructFindings(estate, connectNetworks);
  } catch (e) {
    return { onlySpec: [], onlyConstructs: [`THROWN ${e instanceof Error ? e.message : String(e)}`], specErrors, synthFailed: true };
  }
  fs.rmSync(out.outdir, { recursive: true, force: true });
  const diff = diffFindings(spec, out.findings, new Set(estate.clusters.map((c) => c.name)));
  return { onlySpec: diff.onlySpec.map((f) => f.raw), onlyConstructs: diff.onlyConstructs.map((f) => f.raw), specErrors, synthFailed: out.synthError !== undefined };
}

/** The rule ids the front-ends disagree on (`synth-outcome` when only the pass/fail differs). */
function disagreement(c: Comparison): string[] {
  const rules = [...c.onlySpec, ...c.onlyConstructs].map((raw) => raw.split(" ")[1] ?? raw);
  if (rules.length === 0 && c.specErrors !== c.synthFailed) rules.push("synth-outcome");
  return [...new Set(rules)];
}

function report(estate: Estate, c: Comparison): string {
  return [
    describeEstate(estate),
    `spec has errors: ${c.specErrors}; app.synth() ${c.synthFailed ? "failed" : "succeeded"}`,
    "only in the spec:",
    ...c.onlySpec.map((f) => `  ${f}`),
    "only in the constructs:",
    ...c.onlyConstructs.map((f) => `  ${f}`),
  ].join("\n");
}

let failing: Estate | undefined;

function check(g: fc.GeneratorValue): void {
  const estate = generateEstate(g);
  const c = compare(estate);
  if (disagreement(c).length === 0) return;
  failing = estate;
  throw new Error(`the front-ends disagree on this estate:\n${report(estate, c)}`);
}

/** Minimization replays whole apps (about a second each under load): it gets this long. */
const SHRINK_MS = Number(process.env.DIFF_SHRINK_MS ?? 60_000);

const V = "1.36.1-aliyun.1";

/** Estates on which the front-ends once disagreed (smallest forms found by the property below): checked on every run. */
const REGRESSIONS: Array<{ readonly name: string; readonly estate: Estate }> = [
  {
    name: "Terway Edge link without edgePodCidrs (issue 8, behaviour 3): the constructs did not route the edge pods",
    estate: {
      stacks: "single", connections: [],
      vpcs: [{ name: "net-a", own: false, cidr: "10.0.0.0/16", zones: ["cn-hangzhou-i"], nodeVSwitchCidrs: ["10.0.0.0/24"], podVSwitchCidrs: ["10.0.32.0/19"] }],
      clusters: [{ name: "delta", vpc: 0, kind: "edge-terway", basic: false, kubernetesVersion: V, serviceCidr: "172.19.0.0/20", podCidr: "10.123.0.0/16", podsPerNode: 64, pools: [], edgePools: [] }],
      links: [{ name: "link-a", vpc: 0, physicalConnectionId: "pc-a", vlanId: 100, localGatewayIp: "10.254.0.1", peerGatewayIp: "10.254.0.2", peerAsn: 65001, dataCenterCidrs: ["10.200.0.0/16"], listEdgePods: false }],
    },
  },
  {
    name: "exclusive ENI on a Flannel pool (behaviour 6): the spec dropped it",
    estate: {
      stacks: "single", connections: [], links: [],
      vpcs: [{ name: "net-a", own: false, cidr: "10.0.0.0/16", zones: ["cn-hangzhou-i"], nodeVSwitchCidrs: ["10.0.0.0/24"], podVSwitchCidrs: ["10.0.32.0/19"] }],
      clusters: [{
        name: "golf", vpc: 0, kind: "flannel", basic: false, kubernetesVersion: V, serviceCidr: "172.24.0.0/16", podCidr: "172.20.0.0/16", podsPerNode: 16,
        pools: [{ name: "pool-b", instanceType: "ecs.g7.xlarge", min: 1, max: 2, exclusiveEni: true }], edgePools: [],
      }],
    },
  },
  {
    name: "CEN transit-router link on a one-zone VPC: J11-cen-vpc-attachment (zones)",
    estate: {
      stacks: "single", connections: [],
      vpcs: [{ name: "net-c", own: false, cidr: "10.2.0.0/16", zones: ["cn-hangzhou-i"], nodeVSwitchCidrs: ["10.2.0.0/24"], podVSwitchCidrs: ["10.2.32.0/19"] }],
      clusters: [{ name: "echo", vpc: 0, kind: "edge-terway", basic: false, kubernetesVersion: V, serviceCidr: "172.20.0.0/20", podCidr: "10.124.0.0/16", podsPerNode: 64, pools: [], edgePools: [] }],
      links: [{ name: "link-b", vpc: 0, physicalConnectionId: "pc-b", vlanId: 101, localGatewayIp: "10.254.1.1", peerGatewayIp: "10.254.1.2", peerAsn: 65001, dataCenterCidrs: ["10.210.0.0/16"], listEdgePods: true, cen: true }],
    },
  },
];

describe("differential: estates that once disagreed", () => {
  it.each(REGRESSIONS.map((r) => [r.name, r.estate] as const))("%s", (_name, estate) => {
    const c = compare(estate);
    if (disagreement(c).length > 0) throw new Error(`the front-ends disagree:\n${report(estate, c)}`);
  });
});

describe("differential: spec and constructs give the same findings", () => {
  it(`agrees on ${RUNS} random estates`, () => {
    const found = fc.check(fc.property(fc.gen(), check), { numRuns: RUNS, seed: SEED, path: PATH, endOnFailure: true });
    if (!found.failed || !failing) return;
    const original = failing;
    const smallest = minimizeEstate(original, (e) => disagreement(compare(e)), SHRINK_MS);
    throw new Error([
      `The front-ends disagree (estate ${found.numRuns} of the run). Replay: DIFF_SEED=${found.seed} DIFF_PATH=${found.counterexamplePath ?? ""}`,
      "Smallest estate found that still disagrees:",
      report(smallest, compare(smallest)),
      "",
      "Original estate:",
      report(original, compare(original)),
    ].join("\n"));
  });
});
