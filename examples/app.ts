// The default app (cdktf.json): turns examples/fleet.yaml into one stack per cluster.
// The single-cluster examples (terway-pro.ts, flannel-small.ts, edge-*.ts) are synthesized by
// the tests; examples/README.md says how to run one on its own.
import { App } from "cdktf";
import { synthFleet } from "./fleet-app";

const app = new App();
synthFleet(app);
app.synth();
