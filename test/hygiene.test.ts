/**
 * The repository's own text files carry no merge-conflict markers (a half-resolved merge once
 * left one in docs/fleet.md; the doc test reads only the code blocks, so nothing else saw it).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

// The checkout's top level (the cdktn run executes a copy of the tests inside dist-cdktn/).
const ROOT = execFileSync("git", ["rev-parse", "--show-toplevel"], { cwd: __dirname, encoding: "utf8" }).trim();
const TEXT = /\.(ts|js|json|md|ya?ml|sh)$/;

test("no merge-conflict markers in tracked text files", () => {
  const files = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter((f) => TEXT.test(f));
  expect(files.length).toBeGreaterThan(50);
  const marked: string[] = [];
  for (const f of files) {
    const full = path.join(ROOT, f);
    if (!fs.existsSync(full)) continue;
    const lines = fs.readFileSync(full, "utf8").split("\n");
    lines.forEach((l, i) => {
      if (/^(<{7} |>{7} |={7}$)/.test(l)) marked.push(`${f}:${i + 1}`);
    });
  }
  expect(marked).toEqual([]);
});
