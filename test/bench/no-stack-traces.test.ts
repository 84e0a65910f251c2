/**
 * Issue 12: the library's annotations carry no stack trace (they only point into the library
 * and made manifest.json 5.1 MB at 1,000 clusters); lib/constructs/annotate.ts is the one way
 * the constructs add them. Checked on a synthesized fleet and the four single-cluster examples.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { Fleet } from "../../lib/constructs/fleet";
import { generateFleetSpec } from "../../bench/fleet";
import { TerwayProStack } from "../../examples/terway-pro";
import { FlannelSmallStack } from "../../examples/flannel-small";
import { EdgeFlannelStack } from "../../examples/edge-flannel";
import { EdgeTerwayStack } from "../../examples/edge-terway";

interface Manifest {
  stacks: Record<string, { annotations: Array<{ level: string; message: string; stacktrace?: string[] }> }>;
}

function annotations(build: (app: App) => void): Manifest["stacks"][string]["annotations"] {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-annotations-"));
  try {
    const app = new App({ outdir });
    build(app);
    app.synth();
    const m = JSON.parse(fs.readFileSync(path.join(outdir, "manifest.json"), "utf8")) as Manifest;
    return Object.values(m.stacks).flatMap((s) => s.annotations);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

test("no annotation of a fleet or of the examples carries a stack trace", () => {
  const all = [
    ...annotations((app) => new Fleet(app, "fleet", { spec: generateFleetSpec(12), writeLock: false })),
    ...annotations((app) => {
      new TerwayProStack(app, "terway-pro");
      new FlannelSmallStack(app, "flannel-small");
      new EdgeFlannelStack(app, "edge-flannel");
      new EdgeTerwayStack(app, "edge-terway");
    }),
  ];
  // the fleet's capacity plans at least: one info annotation per cluster
  expect(all.filter((a) => a.level === "@cdktf/info").length).toBeGreaterThanOrEqual(12);
  expect(all.filter((a) => a.stacktrace !== undefined)).toEqual([]);
});
