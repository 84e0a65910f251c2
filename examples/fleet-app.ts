import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
import { Fleet } from "../lib/constructs/fleet";

/** The example fleet spec (examples/fleet.yaml), found from source (ts-node, jest) or from dist/examples. */
export const EXAMPLE_FLEET_SPEC = [path.join(__dirname, "fleet.yaml"), path.join(__dirname, "..", "..", "examples", "fleet.yaml")]
  .find((p) => fs.existsSync(p)) ?? path.join(__dirname, "fleet.yaml");

/**
 * Adds the fleet of `specPath` to `app`: one stack per cluster (and per shared VPC). The lock
 * file `<specPath>.lock.json` is read, and written when the plan changes it; commit it.
 */
export function synthFleet(app: App, specPath: string = EXAMPLE_FLEET_SPEC): Fleet {
  return new Fleet(app, "fleet", { specFile: specPath });
}
