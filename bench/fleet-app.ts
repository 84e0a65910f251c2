/**
 * A fleet app for the benchmarks: `node dist/bench/fleet-app.js <clusters>` synthesizes the
 * generated fleet of bench/fleet.ts (validations included) into CDKTF_OUTDIR; above 1,000
 * clusters in the LARGE_FLEET shape (the default pools hold fewer).
 */
import { App } from "cdktf";
import { Fleet } from "../lib/constructs/fleet";
import { LARGE_FLEET, generateFleetSpec } from "./fleet";

const n = Number(process.argv[2] ?? "1000");
const app = new App();
new Fleet(app, "fleet", { spec: generateFleetSpec(n, n > 1000 ? LARGE_FLEET : {}), writeLock: false });
app.synth();
