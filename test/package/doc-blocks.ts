/**
 * The TypeScript blocks of README.md and docs/*.md, and how the doc test turns each into a
 * file of a consumer project.
 *
 * A block with `import` lines is complete: it is compiled as written and, when it calls
 * `app.synth()`, run. A block without imports is a fragment of a stack: it is compiled inside
 * a `TerraformStack` constructor (so `this` and `stack` are the stack), with the package's
 * exports and the runtime names it uses imported, and `network` declared when it uses one
 * without creating it.
 */
import * as fs from "fs";
import * as path from "path";

export interface DocBlock {
  /** e.g. "README.md:53" (the line of the opening fence). */
  readonly where: string;
  readonly code: string;
  readonly complete: boolean;
  readonly synthesizes: boolean;
}

/** Markdown files whose TypeScript blocks are tested. */
export function docFiles(repo: string): string[] {
  const docs = fs.readdirSync(path.join(repo, "docs")).filter((f) => f.endsWith(".md")).sort();
  return ["README.md", ...docs.map((f) => path.join("docs", f))];
}

export function extractBlocks(repo: string, file: string): DocBlock[] {
  const lines = fs.readFileSync(path.join(repo, file), "utf8").split("\n");
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(ts|typescript)\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) body.push(lines[i].slice(open[1].length));
    const code = body.join("\n");
    const complete = /^import\s/m.test(code);
    blocks.push({ where: `${file}:${start + 1}`, code, complete, synthesizes: complete && /\bapp\.synth\(\)/.test(code) });
  }
  return blocks;
}

/** Runtime names a fragment may use; those it mentions are imported. */
const RUNTIME_NAMES = ["App", "TerraformStack", "TerraformVariable", "TerraformOutput", "Fn", "Token", "Lazy"];

const mentions = (code: string, name: string) => new RegExp(`\\b${name}\\b`).test(code);

/** The source file for a block, for a package named `pkg` on `runtime` whose root exports `rootNames`. */
export function blockSource(block: DocBlock, pkg: string, runtime: string, rootNames: readonly string[]): string {
  const retarget = (code: string) =>
    code.replace(/from "cdktf"/g, `from "${runtime}"`).replace(/from "cdktf-alicloud-ack((?:\/[^"]*)?)"/g, `from "${pkg}$1"`);
  if (block.complete) return `${retarget(block.code)}\n`;
  const runtimeNames = RUNTIME_NAMES.filter((n) => n === "TerraformStack" || mentions(block.code, n));
  const declaresNetwork = /\b(const|let)\s+network\b/.test(block.code);
  const needsNetwork = !declaresNetwork && mentions(block.code, "network");
  const packageNames = rootNames.filter((n) => mentions(block.code, n) || (needsNetwork && n === "AckNetwork"));
  return [
    `import { Construct } from "constructs";`,
    `import { ${runtimeNames.join(", ")} } from "${runtime}";`,
    packageNames.length > 0 ? `import { ${packageNames.join(", ")} } from "${pkg}";` : "",
    needsNetwork ? "declare const network: AckNetwork;" : "",
    `export class DocStack extends TerraformStack {`,
    `  constructor(scope: Construct, id: string) {`,
    `    super(scope, id);`,
    mentions(block.code, "stack") ? `    const stack = this;` : "",
    block.code.split("\n").map((l) => `    ${l}`).join("\n"),
    `  }`,
    `}`,
    "",
  ].join("\n");
}
