/**
 * Consumer smoke test: `npm pack`, a fresh project with the tsconfig of `cdktf init
 * --template=typescript`, the tarball installed, an app that imports the root and every
 * subpath compiled under node10 (the template: module CommonJS, no moduleResolution), node16
 * and bundler resolution, then synthesized and checked against the provider schema.
 */
import * as fs from "fs";
import * as path from "path";
import { ConsumerProject, PACKAGE, RUNTIME, createConsumerProject, writeTsconfig } from "./consumer-project";

const APP = `
import { App, TerraformStack } from "${RUNTIME}";
import { AckCluster, AckNetwork, ClusterSpec, Cni } from "${PACKAGE}";
import { AlicloudProvider } from "${PACKAGE}/providers/alicloud/provider";
import { Vswitch } from "${PACKAGE}/providers/alicloud/vswitch";
import { vpc } from "${PACKAGE}/providers/alicloud";
import { Cidr } from "${PACKAGE}/cidr";
import { CATALOGUE } from "${PACKAGE}/plan";
import { checkConformanceOfDirectory, formatIssues } from "${PACKAGE}/testing";

const outdir = process.argv[2];
const app = new App({ outdir });
const stack = new TerraformStack(app, "prod");
new AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
const net = new AckNetwork(stack, "net", { vpcCidr: "192.168.0.0/16", zones: ["cn-hangzhou-i", "cn-hangzhou-j"] });
const cluster = new AckCluster(stack, "prod", {
  network: net,
  clusterSpec: ClusterSpec.PRO_SMALL,
  serviceCidr: "172.21.0.0/20",
  cni: Cni.terway({ networkPolicy: true }),
});
cluster.addNodePool("general", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 3, maxSize: 20 });
// An escape hatch through the subpath bindings, its vSwitch carved with the cidr subpath.
const hatch = new vpc.Vpc(stack, "hatch-vpc", { cidrBlock: "10.9.0.0/16" });
const extra = Cidr.parse("10.9.0.0/16").subnet(24, 1);
new Vswitch(stack, "hatch", { vpcId: hatch.id, cidrBlock: extra.toString(), zoneId: "cn-hangzhou-i" });
app.synth();
const issues = checkConformanceOfDirectory(outdir);
if (issues.length > 0) throw new Error(formatIssues(issues));
process.stdout.write(JSON.stringify({ rules: CATALOGUE.length, prefix: extra.prefix }));
`;

describe("the packed package in a fresh cdktf project", () => {
  let project: ConsumerProject;
  beforeAll(() => {
    project = createConsumerProject();
    project.write("main.ts", APP);
  }, 120_000);

  it("ships the built library, the schema and the docs, and nothing from the source tree", () => {
    const root = path.join(project.dir, "node_modules", PACKAGE);
    for (const f of ["dist/lib/index.js", "dist/lib/index.d.ts", "dist/lib/providers/alicloud/provider/index.d.ts", "schema/spec.schema.json", "provider/alicloud-schema.json", "README.md"]) {
      expect(fs.existsSync(path.join(root, f))).toBe(true);
    }
    for (const f of ["lib/index.ts", "test", "dist/test", "dist/bench"]) expect(fs.existsSync(path.join(root, f))).toBe(false);
  });

  it("compiles under the cdktf init tsconfig (node10 resolution) and synthesizes a conforming app", () => {
    const tsconfig = writeTsconfig(project, "tsconfig.json", {}, ["main.ts"]);
    expect(project.tsc(tsconfig)).toBe("");
    const outdir = path.join(project.dir, "cdktf.out");
    const printed = JSON.parse(project.node("main.js", [outdir])) as { rules: number; prefix: number };
    expect(printed.prefix).toBe(24);
    expect(printed.rules).toBeGreaterThan(20);
    const stack = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", "prod", "cdk.tf.json"), "utf8")) as {
      resource: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(stack.resource.alicloud_cs_managed_kubernetes)).toHaveLength(1);
    expect(Object.keys(stack.resource.alicloud_vswitch).length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ["node16", { module: "Node16", moduleResolution: "Node16", noEmit: true }],
    ["bundler", { module: "ESNext", moduleResolution: "Bundler", noEmit: true }],
  ])("type-checks under %s resolution", (name, overrides) => {
    const tsconfig = writeTsconfig(project, `tsconfig.${name}.json`, overrides, ["main.ts"]);
    expect(project.tsc(tsconfig)).toBe("");
  });

  it("rejects a subpath that is not exported (the map is not a wildcard over dist/)", () => {
    project.write("bad.ts", `import { planCluster } from "${PACKAGE}/dist/lib/plan/plan-cluster";\nplanCluster;\n`);
    const tsconfig = writeTsconfig(project, "tsconfig.bad.json", { module: "Node16", moduleResolution: "Node16", noEmit: true }, ["bad.ts"]);
    expect(project.tsc(tsconfig)).toMatch(/TS2307/);
  });

  it("installs the ack-plan command, which answers --version with the package version", () => {
    const version = (JSON.parse(fs.readFileSync(path.join(project.dir, "node_modules", PACKAGE, "package.json"), "utf8")) as { version: string }).version;
    const bin = path.join(project.dir, "node_modules", ".bin", "ack-plan");
    expect(project.node(bin, ["--version"]).trim()).toBe(version);
  });
});
