/**
 * Writes docs/rules.md from the rule catalogue (lib/plan/catalogue.ts). A test checks the
 * committed file is current: run `npm run docs` after changing a rule.
 */
import * as fs from "fs";
import * as path from "path";
import { CATALOGUE } from "../lib/plan/catalogue";

const SECTIONS: Record<string, string> = {
  T: "Inputs", A: "A. Address ranges and masks", B: "B. Reserved ranges", C: "C. Overlaps", D: "D. Flannel sizing",
  E: "E. Terway pods per node", F: "F. Terway requirements", G: "G. Cluster size", I: "I. ACK Edge", J: "J. Express Connect VBR / BGP",
  K: "K. Fixed at creation (change guard)", P: "P. Fleet address pools", L: "L. Lock file", S: "S. Spec file",
};

/** The catalogue grouped by section letter, sections in the order of SECTIONS, rules in catalogue order. */
function grouped() {
  const order = Object.keys(SECTIONS);
  const key = (id: string) => id.match(/^[A-Z]/)?.[0] ?? "";
  const rank = (id: string) => (order.indexOf(key(id)) + order.length + 1) % (order.length + 1);
  return CATALOGUE.map((r, i) => ({ r, i })).sort((a, b) => rank(a.r.id) - rank(b.r.id) || a.i - b.i).map((x) => x.r);
}

export function renderRulesDoc(): string {
  const rules = grouped();
  const out: string[] = [];
  out.push("# Rule catalogue", "");
  out.push("Generated from `lib/plan/catalogue.ts` by `npm run docs`; do not edit by hand.", "");
  out.push("Every check has a stable id. **error** fails `cdktf synth` (all errors are listed together); **warning** and **info** are reported as annotations. The sources are the ids of `shared/reference/ack-network-rules.md`.", "");
  out.push("The scope says how much of the estate a rule looks at: one **cluster**, one **vpc** (the clusters sharing it, its vSwitches and route table), a **connected domain** (VPCs joined by CEN, peering, VPN or links into the same data centre), a **data centre** (every VPC and link reaching it), or the **input** itself. Constructs and fleet specs are planned by the same estate planner, so every rule holds for both.", "");
  out.push("| id | severity | scope | rule | sources |", "|---|---|---|---|---|");
  for (const r of rules) out.push(`| [\`${r.id}\`](#${anchor(r.id)}) | ${r.severity} | ${r.scope} | ${r.title.replace(/\|/g, "\\|")} | ${r.sources.join(", ")} |`);
  out.push("");
  let section = "";
  for (const r of rules) {
    const key = r.id.match(/^[A-Z]/)?.[0] ?? "";
    if (key !== section) {
      section = key;
      out.push(`## ${SECTIONS[key] ?? key}`, "");
    }
    out.push(`### ${r.id}`, "", `**${r.severity}** · scope: ${r.scope} — ${r.title}`, "", r.doc, "", `Sources: ${r.sources.length ? r.sources.join(", ") : "—"}`, "");
  }
  return out.join("\n");
}

function anchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]/g, "");
}

if (require.main === module) {
  const target = path.resolve(__dirname, "..", "..", "docs", "rules.md");
  fs.writeFileSync(target, renderRulesDoc());
  process.stdout.write(`wrote ${target} (${CATALOGUE.length} rules)\n`);
}
