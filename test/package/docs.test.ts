/**
 * Docs that are tested: every TypeScript block of README.md and docs/*.md is compiled in a
 * consumer project (the packed package, the `cdktf init` tsconfig), and every complete block
 * that calls `app.synth()` is run and must synthesize. See doc-blocks.ts for fragments.
 */
import * as fs from "fs";
import * as path from "path";
import { DocBlock, blockSource, docFiles, extractBlocks } from "./doc-blocks";
import { ConsumerProject, PACKAGE, REPO, RUNTIME, createConsumerProject, writeTsconfig } from "./consumer-project";

const blocks: DocBlock[] = docFiles(REPO).flatMap((f) => extractBlocks(REPO, f));
const CANARY: DocBlock = {
  where: "canary", complete: false, synthesizes: false,
  code: `new AckNetwork(stack, "net", { vpcCidr: "192.168.0.0/16", zone: ["cn-hangzhou-i"] });`,
};
const fileOf = (b: DocBlock) => `doc_${b.where.replace(/[^A-Za-z0-9]/g, "_")}`;

describe("TypeScript blocks in the docs", () => {
  let project: ConsumerProject;
  let compileOutput = "";
  beforeAll(() => {
    project = createConsumerProject();
    const rootNames = Object.keys(require(path.join(project.dir, "node_modules", PACKAGE)) as Record<string, unknown>);
    for (const b of blocks) project.write(`${fileOf(b)}.ts`, blockSource(b, PACKAGE, RUNTIME, rootNames));
    // Complete blocks under the template as is; fragments may leave locals unused.
    const complete = writeTsconfig(project, "tsconfig.json", {}, blocks.filter((b) => b.complete).map((b) => `${fileOf(b)}.ts`));
    // A canary fragment with a wrong prop shows that a broken block is caught.
    project.write("canary.ts", blockSource(CANARY, PACKAGE, RUNTIME, rootNames));
    const fragments = writeTsconfig(project, "tsconfig.fragments.json", { noUnusedLocals: false, noEmit: true },
      [...blocks.filter((b) => !b.complete).map((b) => `${fileOf(b)}.ts`), "canary.ts"]);
    compileOutput = `${project.tsc(complete)}\n${project.tsc(fragments)}`;
  }, 180_000);

  it("finds the blocks (the README's first example among them)", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    expect(blocks[0].where).toMatch(/^README\.md:/);
    expect(blocks[0].synthesizes).toBe(true);
  });

  it("reports errors in a broken block, and none outside the blocks", () => {
    const lines = compileOutput.split("\n").filter((l) => l.trim() !== "");
    expect(lines.filter((l) => l.startsWith("canary.ts(")).join("\n")).toMatch(/TS2353|TS2561/);
    expect(lines.filter((l) => !/^(doc_\w+|canary)\.ts\(/.test(l) && !/^\s/.test(l))).toEqual([]);
  });

  it.each(blocks.map((b) => [b.where, b] as const))("%s compiles", (_where, b) => {
    const errors = compileOutput.split("\n").filter((l) => l.startsWith(`${fileOf(b)}.ts(`));
    expect(errors).toEqual([]);
  });

  it.each(blocks.filter((b) => b.synthesizes).map((b) => [b.where, b] as const))("%s synthesizes", (_where, b) => {
    const cwd = fs.mkdtempSync(path.join(project.dir, "run-"));
    // The fleet example reads fleet.yaml (and its lock) from the working directory.
    fs.copyFileSync(path.join(REPO, "examples", "fleet.yaml"), path.join(cwd, "fleet.yaml"));
    fs.copyFileSync(path.join(REPO, "examples", "fleet.yaml.lock.json"), path.join(cwd, "fleet.yaml.lock.json"));
    project.node(path.join(project.dir, `${fileOf(b)}.js`), [], cwd);
    const manifest = JSON.parse(fs.readFileSync(path.join(cwd, "cdktf.out", "manifest.json"), "utf8")) as { stacks: Record<string, unknown> };
    expect(Object.keys(manifest.stacks).length).toBeGreaterThan(0);
  });
});
