/** Synthesizes a Fleet into a temp dir and reads back the stacks (test helper). */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";

export interface FleetSynth {
  readonly error?: string;
  readonly stacks: Record<string, Record<string, unknown>>;
  readonly annotations: Record<string, Array<{ level: string; message: string }>>;
}

export function synth(build: (app: App) => void): FleetSynth {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-fleet-synth-"));
  const app = new App({ outdir });
  build(app);
  try {
    app.synth();
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), stacks: {}, annotations: {} };
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as {
    stacks: Record<string, { annotations: Array<{ level: string; message: string }>; synthesizedStackPath: string }>;
  };
  const stacks: Record<string, Record<string, unknown>> = {};
  const annotations: Record<string, Array<{ level: string; message: string }>> = {};
  for (const [name, s] of Object.entries(manifest.stacks)) {
    stacks[name] = JSON.parse(fs.readFileSync(path.join(outdir, s.synthesizedStackPath), "utf8")) as Record<string, unknown>;
    annotations[name] = s.annotations;
  }
  fs.rmSync(outdir, { recursive: true, force: true });
  return { stacks, annotations };
}

export { stableJson as stable } from "../helpers/synth";

/** A temp dir with copies of the given files. */
export function tempCopy(files: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-fleet-spec-"));
  for (const f of files) fs.copyFileSync(f, path.join(dir, path.basename(f)));
  return dir;
}
