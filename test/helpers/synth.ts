import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App, Testing } from "cdktf";

/** What `app.synth()` produced: the error (validation failure) or the stacks and annotations. */
export interface SynthOutcome {
  readonly error?: string;
  readonly warnings: string[];
  readonly infos: string[];
  /** Parsed cdk.tf.json per stack name. */
  readonly stacks: Record<string, Record<string, unknown>>;
  readonly outdir: string;
}

/** Builds an app with `build`, runs the full `app.synth()` (validations included) and reads what it wrote. */
export function synthApp(build: (app: App) => void): SynthOutcome {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-synth-"));
  const app = Testing.app({ outdir });
  // Testing.app sets the runtime's future flags (none on cdktf 0.21). cdktn 0.24's
  // failOnConstructsOutsideOfStacks fails synthesis on any construct directly under the App that
  // is not a stack: a Fleet (its stacks are grouped under it) or a NetworkConnection declared
  // there (it has no resources). Off here, as in an App by default: docs/fleet.md, "On CDK
  // Terrain"; the flag itself is tested in test/fleet/fleet-construct.test.ts.
  app.node.setContext("failOnConstructsOutsideOfStacks", false);
  build(app);
  try {
    app.synth();
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), warnings: [], infos: [], stacks: {}, outdir };
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { annotations: Array<{ level: string; message: string }>; synthesizedStackPath: string }>;
  };
  const warnings: string[] = [];
  const infos: string[] = [];
  const stacks: Record<string, Record<string, unknown>> = {};
  for (const [name, s] of Object.entries(manifest.stacks)) {
    for (const a of s.annotations) {
      if (a.level.includes("warn")) warnings.push(a.message);
      if (a.level.includes("info")) infos.push(a.message);
    }
    stacks[name] = JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), "utf8")) as Record<string, unknown>;
  }
  return { warnings, infos, stacks, outdir };
}

/**
 * For snapshots: drops cdktf metadata (construct paths, ids of the run) and writes the working
 * directory in absolute paths (the local backend's state file) as `<cwd>`, so a snapshot taken
 * in one checkout matches in any other.
 */
export function stableJson(doc: Record<string, unknown>): Record<string, unknown> {
  const cwd = process.cwd();
  return JSON.parse(JSON.stringify(doc, (k, v: unknown) => {
    if (k === "//") return undefined;
    if (typeof v === "string" && v.startsWith(cwd)) return `<cwd>${v.slice(cwd.length)}`;
    return v;
  })) as Record<string, unknown>;
}
