import * as fs from "fs";
import * as path from "path";
import { CATALOGUE, Severity } from "../../lib/plan";
import { renderRulesDoc } from "../../scripts/gen-rules-doc";

describe("rule catalogue", () => {
  test("ids are unique and well formed, every rule cites a source and says why", () => {
    const ids = CATALOGUE.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of CATALOGUE) {
      expect(r.id).toMatch(/^[A-Z]\d+-[a-z0-9-]+$/);
      expect(Object.values(Severity)).toContain(r.severity);
      expect(r.title.length).toBeGreaterThan(10);
      expect(r.doc.length).toBeGreaterThan(20);
      // Rules about the network cite the reference; rules about this tool's own inputs (tokens,
      // spec file, lock file, pools, value limits of section N, sourced in docs/robustness.md) have no reference to cite.
      if (!/^[TSLPN]/.test(r.id)) expect(r.sources.length).toBeGreaterThan(0);
    }
  });

  test("docs/rules.md is generated from the catalogue and up to date (npm run docs)", () => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "rules.md"), "utf8");
    expect(committed).toBe(renderRulesDoc());
  });
});
