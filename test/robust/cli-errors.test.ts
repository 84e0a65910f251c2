/**
 * Issue 9, CLI: `ack-plan` answers bad input with findings that name the file, the line and
 * the field; never a bare JavaScript error.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../lib/cli/run";
import { BASE_SPEC } from "./base-spec";

function cli(args: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = run(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTty: false, env: {} });
  return { code, out: out.join(""), err: err.join("") };
}

function spec(text: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-cli-"));
  const file = path.join(dir, "fleet.yaml");
  fs.writeFileSync(file, text);
  return file;
}

const BASE = BASE_SPEC;

describe("ack-plan on hostile input", () => {
  test.each([
    ["845 levels of flow nesting", `${BASE}    tags: ${"[".repeat(845)}${"]".repeat(845)}\n`, /fleet\.yaml:9: error S7-spec-limits spec: more than 64 levels/, 2],
    ["a recursive alias", `${BASE}    tags: &t { a: *t }\n`, /fleet\.yaml:9: error S7-spec-limits clusters\[0\]\.tags\.a: a recursive alias/, 2],
    ["nodes x pods beyond 2^32", BASE.replace("zones:", "expectedNodes: 5000000000\n    zones:"), /fleet\.yaml:6: error N5-size-range \[[^\]]*\] clusters\[0\]\.expectedNodes: 5,000,000,000 nodes/, 1],
    ["duplicate zones", BASE.replace("[cn-hangzhou-i]", "[cn-hangzhou-i, cn-hangzhou-i]"), /fleet\.yaml:6: error N6-zones \[[^\]]*\] clusters\[0\]\.zones\[1\]: zone cn-hangzhou-i is listed twice/, 1],
  ])("%s: a finding with file, line and field", (_name, text, finding, code) => {
    const r = cli(["check", spec(text)]);
    expect(r.out).toMatch(finding);
    expect(r.err).not.toMatch(/Maximum call stack|TypeError|CidrError|addresses do not fit|\n\s+at /);
    expect(r.code).toBe(code);
  });

  test("the neighbour checks clean", () => {
    const r = cli(["check", "--no-lock", spec(BASE)]);
    expect(r.out).toMatch(/^0 errors/m);
    expect(r.code).toBe(0);
  });
});
