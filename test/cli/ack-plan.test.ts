/**
 * ack-plan end to end: spawns `node dist/lib/cli/ack-plan.js` (built by `npx tsc -p
 * tsconfig.json`; built here if missing) for exit codes and output, and runs the CLI in-process
 * for the TTY / NO_COLOR behaviour.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../lib/cli/run";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "dist", "lib", "cli", "ack-plan.js");
const EXAMPLE = path.join(ROOT, "examples", "fleet.yaml");
const INVALID = path.join(ROOT, "test", "spec", "invalid");

function ackPlan(args: string[], cwd = ROOT, env: NodeJS.ProcessEnv = {}): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

function workdir(withLock: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-plan-cli-"));
  fs.copyFileSync(EXAMPLE, path.join(dir, "fleet.yaml"));
  if (withLock) fs.copyFileSync(`${EXAMPLE}.lock.json`, path.join(dir, "fleet.yaml.lock.json"));
  return dir;
}

beforeAll(() => {
  if (!fs.existsSync(BIN)) execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: ROOT });
}, 120_000);

describe("ack-plan --version", () => {
  test("prints the package version and exits 0, with or without a command", () => {
    const version = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    for (const args of [["--version"], ["-V"], ["check", "--version"]]) {
      const r = ackPlan(args);
      expect(r).toEqual({ code: 0, out: `${version}\n`, err: "" });
    }
  });
});

describe("ack-plan check", () => {
  test("the example passes: exit 0, findings and a summary, plain text when piped", () => {
    const r = ackPlan(["check", "examples/fleet.yaml"]);
    expect(r.code).toBe(0);
    // The factory's private edge pool is created outside Terraform (I11 would be an error): an info.
    expect(r.out).toMatch(/^examples\/fleet\.yaml:\d+: info I13-edge-pool-outside-terraform/m);
    // The CEN link maps node vSwitches (J12, as the HybridLink construct reports it too: one estate planner).
    expect(r.out).toMatch(/^examples\/fleet\.yaml:\d+: info J12-transit-router-vswitches/m);
    // No KMS key for Secrets in the example: G8 warns in the spec as it does on the constructs.
    expect(r.out).toMatch(/^examples\/fleet\.yaml:\d+: warning G8-secrets-encryption/m);
    expect(r.out).toMatch(/^0 errors, 3 warnings, 3 infos$/m);
    expect(r.out).not.toMatch(/\u001b\[/);
    expect(r.err).toBe("");
  });

  test("errors exit 1 and name file, line, rule, cluster, field and values", () => {
    const r = ackPlan(["check", path.join(INVALID, "k1-cni-changed.yaml")]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/k1-cni-changed\.yaml:9: error K1-cni-changed \[K-1, I-1\] a\.cni\.plugin: cluster a: CNI plugin changed from flannel to terway/);
  });

  test("unreadable specs and usage errors exit 2", () => {
    expect(ackPlan(["check", path.join(INVALID, "s1-unknown-field.yaml")]).code).toBe(2);
    expect(ackPlan(["check", path.join(INVALID, "s0-yaml-syntax.yaml")]).out).toMatch(/s0-yaml-syntax\.yaml:10: error S0-spec-syntax/);
    expect(ackPlan(["check", "nope.yaml"]).out).toMatch(/nope\.yaml: error S0-spec-syntax spec: file not found/);
    expect(ackPlan(["check", "nope.yaml"]).code).toBe(2);
    const none = ackPlan([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^Usage: ack-plan/);
    expect(ackPlan(["frobnicate", "x"]).code).toBe(2);
    expect(ackPlan(["check", "examples/fleet.yaml", "--json"]).err).toMatch(/check does not take --json/);
    expect(ackPlan(["check"]).err).toMatch(/check needs a SPEC file/);
    // util.parseArgs (strict): unknown options, values on boolean flags, missing values.
    expect(ackPlan(["check", "examples/fleet.yaml", "--frob"]).err).toMatch(/^ack-plan: unknown option '--frob'/);
    expect(ackPlan(["plan", "examples/fleet.yaml", "--json=yes"]).err).toMatch(/option '--json' does not take an argument/);
    expect(ackPlan(["report", "examples/fleet.yaml", "--out"]).err).toMatch(/option '--out <value>' argument missing/);
    expect(ackPlan(["report", "examples/fleet.yaml", "--out="]).err).toMatch(/--out needs a value/);
    const help = ackPlan(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Exit codes: 0 no errors, 1 errors found, 2 usage error or unreadable spec/);
  });
});

describe("ack-plan plan", () => {
  test("prints addresses and capacity tables, writes the lock when absent, not again when unchanged", () => {
    const dir = workdir(false);
    const r = ackPlan(["plan", "fleet.yaml"], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^prod {2}ack, terway, ack\.pro\.small, own VPC$/m);
    expect(r.out).toMatch(/^ {2}VPC +10\.64\.0\.0\/15 +pool$/m);
    expect(r.out).toMatch(/^ {2}edge pod CIDR +10\.0\.0\.0\/16 +given$/m);
    expect(r.out).toMatch(/Capacity plan for dev \(flannel\)/);
    expect(r.out).toMatch(/wrote fleet\.yaml\.lock\.json: added cluster prod; added cluster dev; added cluster factory; added hybrid link idc/);
    expect(fs.readFileSync(path.join(dir, "fleet.yaml.lock.json"), "utf8")).toBe(fs.readFileSync(`${EXAMPLE}.lock.json`, "utf8"));
    const again = ackPlan(["plan", "fleet.yaml"], dir);
    expect(again.out).not.toMatch(/wrote/);
  });

  test("--json gives each cluster's ranges and capacity", () => {
    const r = ackPlan(["plan", "fleet.yaml", "--json", "--no-write"], workdir(true));
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { clusters: Array<{ name: string; vpc: { cidr: string }; serviceCidr: { cidr: string }; capacity: { maxNodes: number } }>; summary: { error: number } };
    expect(doc.clusters.map((c) => c.name)).toEqual(["prod", "dev", "factory"]);
    expect(doc.clusters[2].vpc.cidr).toBe("192.168.0.0/16");
    expect(doc.clusters[0].capacity.maxNodes).toBeGreaterThan(0);
    expect(doc.summary.error).toBe(0);
  });

  test("removing a cluster keeps its ranges held until --prune", () => {
    const dir = workdir(true);
    const spec = path.join(dir, "fleet.yaml");
    const text = fs.readFileSync(spec, "utf8");
    fs.writeFileSync(spec, text.replace(/ {2}- name: dev\n[\s\S]*?(?= {2}- name: factory)/, ""));
    const held = ackPlan(["plan", "fleet.yaml"], dir);
    expect(held.code).toBe(0);
    expect(held.out).toMatch(/info L1-removed-cluster-held lock\.clusters\[dev\]: cluster dev is no longer in the spec; its ranges \(10\.66\.0\.0\/24, 172\.20\.16\.0\/20, 10\.128\.0\.0\/20\) stay held/);
    const pruned = ackPlan(["plan", "fleet.yaml", "--prune"], dir);
    expect(pruned.out).toMatch(/wrote fleet\.yaml\.lock\.json: pruned cluster dev/);
    expect(JSON.parse(fs.readFileSync(`${spec}.lock.json`, "utf8")).clusters.dev).toBeUndefined();
  });

  test("a plan with errors does not write the lock", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-plan-cli-"));
    fs.copyFileSync(path.join(INVALID, "p1-pool-exhausted.yaml"), path.join(dir, "s.yaml"));
    const r = ackPlan(["plan", "s.yaml"], dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/lock file s\.yaml\.lock\.json not written \(the plan has errors\)/);
    expect(fs.existsSync(path.join(dir, "s.yaml.lock.json"))).toBe(false);
  });
});

describe("ack-plan report", () => {
  test("writes a Markdown report and an SVG address map", () => {
    const dir = workdir(true);
    const r = ackPlan(["report", "fleet.yaml", "--out", "out"], dir);
    expect(r.code).toBe(0);
    const md = fs.readFileSync(path.join(dir, "out", "report.md"), "utf8");
    expect(md).toMatch(/^# Fleet report: fleet\.yaml/);
    expect(md).toMatch(/!\[Address map\]\(address-map\.svg\)/);
    expect(md).toMatch(/\| factory \| ack-edge \| terway-edge \| 192\.168\.0\.0\/16 \(given\) \|/);
    const svg = fs.readFileSync(path.join(dir, "out", "address-map.svg"), "utf8");
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const s of ["pools.vpc 10.64.0.0/12", "edge pod CIDR", "data centre", "VPC factory 192.168.0.0/16", "10.64.128.0/17",
      "Closest to full", "Hybrid link idc", "VBR route table", "4,200 / 32,764 pod IPs at planned max (13%)"]) expect(svg).toContain(s);
    expect(svg).not.toMatch(/100\.0% used/);
    expect(svg.match(/<text/g)!.length).toBeGreaterThan(50);
  });
});

describe("colour", () => {
  const capture = (isTty: boolean, env: NodeJS.ProcessEnv) => {
    let out = "";
    let err = "";
    const code = run(["check", path.join(INVALID, "k1-cni-changed.yaml")], { stdout: (s) => (out += s), stderr: (s) => (err += s), isTty, env });
    return { code, out, err };
  };

  test("ANSI colour and progress on a TTY", () => {
    const r = capture(true, {});
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/\u001b\[31merror K1-cni-changed\u001b\[39m/);
    expect(r.err).toMatch(/planned 2 clusters in \d+ ms/);
  });

  test("plain text with NO_COLOR or without a TTY", () => {
    for (const r of [capture(true, { NO_COLOR: "1" }), capture(false, {})]) {
      expect(r.out).not.toMatch(/\u001b/);
      expect(r.err).toBe("");
    }
  });
});
