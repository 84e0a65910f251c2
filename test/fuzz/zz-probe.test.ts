import fc from "fast-check";
import { buildProps, constructCase, verdict } from "./construct-props";
import { checkLoadedSpec } from "../../lib/spec/check-spec";
import { parseSpecText } from "../../lib/spec/load-spec";
import { EXAMPLE_SPEC, mutate, specCase, specText } from "./spec-mutants";
test("probe", () => {
  const seen = new Map<string, number>();
  for (const c of fc.sample(constructCase, { numRuns: Number(process.env.N ?? 150), seed: 7 })) {
    const v = verdict((app) => buildProps(app, c));
    if (v.kind === "exception") { const k = v.error.slice(0, 160); seen.set(k, (seen.get(k) ?? 0) + 1); }
  }
  for (const c of fc.sample(specCase, { numRuns: Number(process.env.N ?? 150) * 4, seed: 7 })) {
    try { checkLoadedSpec(parseSpecText(specText(mutate(EXAMPLE_SPEC, c.mutations), c.json, c.mangle), c.json ? "f.json" : "f.yaml"), { lockFile: false }); }
    catch (e) { const k = "SPEC " + String(e).slice(0, 160) + " " + String((e as Error).stack).split("\n").slice(1, 4).join("|"); seen.set(k, (seen.get(k) ?? 0) + 1); }
  }
  console.log([...seen.entries()].map(([k, n]) => `${n} x ${k}`).join("\n"));
}, 600000);
