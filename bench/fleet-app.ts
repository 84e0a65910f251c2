/**
 * A fleet app for the benchmarks: `node dist/bench/fleet-app.js <clusters>` synthesizes the
 * generated fleet of bench/fleet.ts (validations included) into CDKTF_OUTDIR.
 */
import { App } from "cdktf";
import { Fleet } from "../lib/constructs/fleet";
import { generateFleetSpec } from "./fleet";

const app = new App();
new Fleet(app, "fleet", { spec: generateFleetSpec(Number(process.argv[2] ?? "1000")), writeLock: false });
app.synth();
