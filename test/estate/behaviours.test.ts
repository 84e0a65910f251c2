/**
 * Issue 8's ten behaviours, each as a failing example and its passing neighbour through the
 * full `app.synth()` of an app built with the constructs and, where the spec has the same
 * facts, through checkSpecObject on the same estate. The values each finding must name are
 * checked in its message.
 */
import * as fs from "fs";
import * as path from "path";
import { App, TerraformStack, TerraformVariable } from "cdktf";
import {
  AckCluster, AckNetwork, Cni, Fleet, FleetSpec, HybridLink, RouteNextHop, RouteTableKind,
} from "../../lib";
import * as planClusterModule from "../../lib/plan/plan-cluster";
import { AlicloudProvider } from "../../lib/providers/alicloud/provider";
import { checkSpecObject } from "../../lib/spec";
import { connectNetworks } from "./connect";
import { Estate, EstateCluster, EstateLink, EstateVpc, toSpec } from "./estate-model";
import { NormalFinding, constructFindings } from "./findings";
import { synthApp } from "../helpers/synth";

const ZONE_I = "cn-hangzhou-i";
const V133 = "1.36.1-aliyun.1";

function vpc(name: string, cidr: string, over: Partial<EstateVpc> = {}): EstateVpc {
  const b = cidr.split(".").slice(0, 2).join(".");
  return { name, own: false, cidr, zones: [ZONE_I], nodeVSwitchCidrs: [`${b}.0.0/24`], podVSwitchCidrs: [`${b}.32.0/19`], ...over };
}

function terway(name: string, vpcIndex: number, serviceCidr: string, max = 3, over: Partial<EstateCluster> = {}): EstateCluster {
  return {
    name, vpc: vpcIndex, kind: "terway", basic: false, kubernetesVersion: V133, serviceCidr, podsPerNode: 64,
    pools: [{ name: "pool-a", instanceType: "ecs.c7.4xlarge", min: 0, max }], edgePools: [], ...over,
  };
}

function flannel(name: string, vpcIndex: number, serviceCidr: string, podCidr: string, max = 3, over: Partial<EstateCluster> = {}): EstateCluster {
  return {
    name, vpc: vpcIndex, kind: "flannel", basic: false, kubernetesVersion: V133, serviceCidr, podCidr, podsPerNode: 64,
    pools: [{ name: "pool-a", instanceType: "ecs.g7.xlarge", min: 0, max }], edgePools: [], ...over,
  };
}

function terwayEdge(name: string, vpcIndex: number, serviceCidr: string, edgePodCidr: string): EstateCluster {
  return {
    name, vpc: vpcIndex, kind: "edge-terway", basic: false, kubernetesVersion: V133, serviceCidr, podCidr: edgePodCidr, podsPerNode: 64,
    pools: [{ name: "pool-a", instanceType: "ecs.c7.4xlarge", min: 0, max: 2 }],
    edgePools: [{ name: "edge-a", privateInterconnect: true, createdOutsideTerraform: true, min: 0, max: 10 }],
  };
}

function link(name: string, vpcIndex: number, dataCenterCidrs: string[], k = 0, over: Partial<EstateLink> = {}): EstateLink {
  return {
    name, vpc: vpcIndex, physicalConnectionId: `pc-${name}`, vlanId: 100 + k, localGatewayIp: `10.254.${k}.1`, peerGatewayIp: `10.254.${k}.2`,
    peerAsn: 65001, dataCenterCidrs, listEdgePods: false, ...over,
  };
}

function estate(vpcs: EstateVpc[], clusters: EstateCluster[], links: EstateLink[] = []): Estate {
  return { vpcs, clusters, links, connections: [], stacks: "single" };
}

/** Constructs: app.synth() of the estate; errors, warnings and infos, and the synthesized JSON when it passed. */
function synthEstate(e: Estate): { findings: NormalFinding[]; error?: string; json?: Record<string, unknown>; links: HybridLink[] } {
  const out = constructFindings(e, connectNetworks);
  const file = path.join(out.outdir, "stacks", "estate", "cdk.tf.json");
  const json = out.synthError === undefined && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown> : undefined;
  return { findings: out.findings, error: out.synthError, json, links: out.built.links };
}

function errors(findings: NormalFinding[]): NormalFinding[] {
  return findings.filter((f) => f.severity === "error");
}

/** The findings of `rule` whose message names every value. */
function named(findings: NormalFinding[], rule: string, values: string[]): NormalFinding[] {
  return findings.filter((f) => f.ruleId === rule && values.every((v) => f.raw.includes(v)));
}

function expectFails(e: Estate, rule: string, values: string[]): void {
  const out = synthEstate(e);
  expect(out.error).toMatch(/^Validation failed/);
  expect(out.error).toContain(rule);
  const hits = named(errors(out.findings), rule, values);
  if (hits.length === 0) throw new Error(`no error ${rule} naming ${values.join(", ")}; got:\n${out.findings.map((f) => f.raw).join("\n")}`);
}

function expectPasses(e: Estate): ReturnType<typeof synthEstate> {
  const out = synthEstate(e);
  if (out.error !== undefined) throw new Error(`app.synth() failed:\n${out.error}`);
  return out;
}

function specErrors(e: Estate): Array<{ ruleId: string; message: string; path: string }> {
  return checkSpecObject(toSpec(e)).findings.filter((f) => f.severity === "error");
}

function expectSpecFails(e: Estate, rule: string, values: string[]): void {
  const list = specErrors(e);
  const hits = list.filter((f) => f.ruleId === rule && values.every((v) => f.message.includes(v)));
  if (hits.length === 0) throw new Error(`spec: no error ${rule} naming ${values.join(", ")}; got:\n${list.map((f) => `${f.ruleId} ${f.path}: ${f.message}`).join("\n")}`);
}

function expectSpecPasses(e: Estate): void {
  expect(specErrors(e).map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
}

type Resources = Record<string, Record<string, Record<string, unknown>>>;

function resources(json: Record<string, unknown> | undefined, type: string): Array<Record<string, unknown>> {
  return Object.values(((json?.resource ?? {}) as Resources)[type] ?? {});
}

// -------------------------------------------------------------------------------------------

describe("1. a data centre overlapping an ACK cluster's VPC or Flannel pod CIDR (A-VPC-3, C-6)", () => {
  const withDc = (dc: string) => estate([vpc("net-a", "192.168.0.0/16")], [terway("alpha", 0, "172.21.0.0/20")], [link("idc", 0, [dc])]);
  it("app.synth() fails: data centre 192.168.0.0/16 equals the Terway cluster's VPC", () => {
    expectFails(withDc("192.168.0.0/16"), "C6-data-center-overlap", ["192.168.0.0/16"]);
  });
  it("spec fails: data centre 192.168.0.0/16 equals the Terway cluster's VPC", () => {
    expectSpecFails(withDc("192.168.0.0/16"), "C6-data-center-overlap", ["192.168.0.0/16"]);
  });
  it("app.synth() passes: data centre 172.16.0.0/16", () => {
    expectPasses(withDc("172.16.0.0/16"));
  });
  it("spec passes: data centre 172.16.0.0/16", () => {
    expectSpecPasses(withDc("172.16.0.0/16"));
  });

  const flannelDc = (pod: string) => estate([vpc("net-a", "192.168.0.0/16")], [flannel("alpha", 0, "172.21.0.0/20", pod)], [link("idc", 0, ["172.16.0.0/16"])]);
  it("app.synth() fails: Flannel pod CIDR 172.16.0.0/16 equals the data centre", () => {
    expectFails(flannelDc("172.16.0.0/16"), "C6-data-center-overlap", ["172.16.0.0/16"]);
  });
  it("spec fails: Flannel pod CIDR 172.16.0.0/16 equals the data centre", () => {
    expectSpecFails(flannelDc("172.16.0.0/16"), "C6-data-center-overlap", ["172.16.0.0/16"]);
  });
  it("app.synth() passes: Flannel pod CIDR 172.20.0.0/16", () => {
    expectPasses(flannelDc("172.20.0.0/16"));
  });
  it("spec passes: Flannel pod CIDR 172.20.0.0/16", () => {
    expectSpecPasses(flannelDc("172.20.0.0/16"));
  });
});

describe("2. networks reaching the same data centre through their own links (C10-data-center-duplicate)", () => {
  const twoVpcs = (second: string) => estate(
    [vpc("net-a", "10.0.0.0/16"), vpc("net-b", second)],
    [terway("alpha", 0, "172.21.0.0/20"), terway("bravo", 1, "172.22.0.0/20")],
    [link("idc-a", 0, ["172.16.0.0/16"], 0), link("idc-b", 1, ["172.16.0.0/16"], 1)],
  );
  it("app.synth() fails: both VPCs are 10.0.0.0/16", () => {
    expectFails(twoVpcs("10.0.0.0/16"), "C10-data-center-duplicate", ["10.0.0.0/16"]);
  });
  it("spec fails: both VPCs are 10.0.0.0/16", () => {
    expectSpecFails(twoVpcs("10.0.0.0/16"), "C10-data-center-duplicate", ["10.0.0.0/16"]);
  });
  it("app.synth() passes: the second VPC is 10.1.0.0/16", () => {
    expectPasses(twoVpcs("10.1.0.0/16"));
  });
  it("spec passes: the second VPC is 10.1.0.0/16", () => {
    expectSpecPasses(twoVpcs("10.1.0.0/16"));
  });

  const twoEdges = (second: string) => estate(
    [vpc("net-a", "10.0.0.0/16"), vpc("net-b", "10.1.0.0/16")],
    [terwayEdge("alpha", 0, "172.21.0.0/20", "10.10.0.0/16"), terwayEdge("bravo", 1, "172.22.0.0/20", second)],
    [link("idc-a", 0, ["172.16.0.0/16"], 0), link("idc-b", 1, ["172.16.0.0/16"], 1)],
  );
  it("app.synth() fails: both edge clusters use edge pod CIDR 10.10.0.0/16", () => {
    expectFails(twoEdges("10.10.0.0/16"), "C10-data-center-duplicate", ["10.10.0.0/16"]);
  });
  it("spec fails: both edge clusters use edge pod CIDR 10.10.0.0/16", () => {
    expectSpecFails(twoEdges("10.10.0.0/16"), "C10-data-center-duplicate", ["10.10.0.0/16"]);
  });
  it("app.synth() passes: the second edge pod CIDR is 10.11.0.0/16", () => {
    expectPasses(twoEdges("10.11.0.0/16"));
  });
  it("spec passes: the second edge pod CIDR is 10.11.0.0/16", () => {
    expectSpecPasses(twoEdges("10.11.0.0/16"));
  });
});

describe("3. a Terway Edge link without edgePodCidrs routes the edge pod CIDR (I-7)", () => {
  const edge = (links: EstateLink[]) => estate([vpc("net-a", "192.168.0.0/16")], [terwayEdge("factory", 0, "172.22.0.0/20", "10.0.0.0/16")], links);
  it("passes and plans the route: link without edgePodCidrs", () => {
    // Router-interface connectivity: the routes are alicloud_route_entry resources (CEN learns them).
    const out = expectPasses(edge([link("idc", 0, ["172.16.0.0/16"], 0, { cen: false })]));
    const routes = out.links[0].routes;
    expect(routes).toContainEqual(expect.objectContaining({ table: RouteTableKind.VPC, destination: "10.0.0.0/16", nextHop: RouteNextHop.VBR }));
    expect(routes).toContainEqual(expect.objectContaining({ table: RouteTableKind.VBR, destination: "10.0.0.0/16", nextHop: RouteNextHop.DATA_CENTER }));
    const entries = resources(out.json, "alicloud_route_entry").map((r) => r.destination_cidrblock);
    expect(entries).toContain("10.0.0.0/16");
    expect(out.findings.some((f) => f.ruleId === "I7-hybrid-routes" && f.raw.includes("vpc 10.0.0.0/16 -> vbr"))).toBe(true);
  });
  it("app.synth() fails: no link at all can carry the edge pod CIDR (I6-terway-edge-hybrid-link)", () => {
    expectFails(edge([]), "I6-terway-edge-hybrid-link", ["10.0.0.0/16"]);
  });
  it("spec fails: no link at all can carry the edge pod CIDR (I6-terway-edge-hybrid-link)", () => {
    expectSpecFails(edge([]), "I6-terway-edge-hybrid-link", ["10.0.0.0/16"]);
  });
});

describe("4. Flannel runs the node-vSwitch capacity check (F1-node-vswitch-capacity)", () => {
  const big = (nodeVSwitch: string) => estate(
    [vpc("net-a", "192.168.0.0/16", { nodeVSwitchCidrs: [nodeVSwitch] })],
    [flannel("alpha", 0, "172.21.0.0/20", "10.8.0.0/16", 300, { nodeQuota: 1000, routeTableQuota: 1000 })],
  );
  it("app.synth() fails: pools grow to 300 nodes on one /24 (252 addresses)", () => {
    expectFails(big("192.168.0.0/24"), "F1-node-vswitch-capacity", ["192.168.0.0/24", "252", "300"]);
  });
  it("spec fails: pools grow to 300 nodes on one /24 (252 addresses)", () => {
    expectSpecFails(big("192.168.0.0/24"), "F1-node-vswitch-capacity", ["192.168.0.0/24", "252", "300"]);
  });
  it("app.synth() passes: the same pools on a /23", () => {
    expectPasses(big("192.168.0.0/23"));
  });
  it("spec passes: the same pools on a /23", () => {
    expectSpecPasses(big("192.168.0.0/23"));
  });
});

describe("5. shared capacity is summed over the clusters that use it", () => {
  const twoTerway = (max: number) => estate([vpc("net-a", "192.168.0.0/16")], [terway("alpha", 0, "172.21.0.0/20", max), terway("bravo", 0, "172.22.0.0/20", max)]);
  it("app.synth() fails: two Terway clusters of 200 nodes on the same /24 node vSwitch (F1-node-vswitch-shared)", () => {
    expectFails(twoTerway(200), "F1-node-vswitch-shared", ["192.168.0.0/24", "252", "400"]);
  });
  it("spec fails: two Terway clusters of 200 nodes on the same /24 node vSwitch (F1-node-vswitch-shared)", () => {
    expectSpecFails(twoTerway(200), "F1-node-vswitch-shared", ["192.168.0.0/24", "252", "400"]);
  });
  it("app.synth() passes: two Terway clusters of 100 nodes", () => {
    expectPasses(twoTerway(100));
  });
  it("spec passes: two Terway clusters of 100 nodes", () => {
    expectSpecPasses(twoTerway(100));
  });

  const twoFlannel = (max: number) => estate([vpc("net-a", "192.168.0.0/16")], [
    flannel("alpha", 0, "172.21.0.0/20", "10.8.0.0/16", max), flannel("bravo", 0, "172.22.0.0/20", "10.9.0.0/16", max),
  ]);
  it("app.synth() fails: two Flannel clusters of 150 nodes in one VPC (D7-vpc-route-quota, F1-node-vswitch-shared)", () => {
    expectFails(twoFlannel(150), "D7-vpc-route-quota", ["300", "200"]);
    expectFails(twoFlannel(150), "F1-node-vswitch-shared", ["192.168.0.0/24", "252", "300"]);
  });
  it("spec fails: two Flannel clusters of 150 nodes in one VPC (D7-vpc-route-quota, F1-node-vswitch-shared)", () => {
    expectSpecFails(twoFlannel(150), "D7-vpc-route-quota", ["300", "200"]);
    expectSpecFails(twoFlannel(150), "F1-node-vswitch-shared", ["192.168.0.0/24", "252", "300"]);
  });
  it("app.synth() passes: two Flannel clusters of 90 nodes", () => {
    expectPasses(twoFlannel(90));
  });
  it("spec passes: two Flannel clusters of 90 nodes", () => {
    expectSpecPasses(twoFlannel(90));
  });
});

describe("6. exclusive ENI on a Flannel pool is an error (D8-terway-only-feature)", () => {
  const pool = (exclusiveEni: boolean | undefined) => estate([vpc("net-a", "192.168.0.0/16")], [
    flannel("alpha", 0, "172.21.0.0/20", "172.20.0.0/16", 3, { pools: [{ name: "pool-a", instanceType: "ecs.g7.xlarge", min: 0, max: 3, exclusiveEni }] }),
  ]);
  it("app.synth() fails: exclusiveEni: true", () => {
    expectFails(pool(true), "D8-terway-only-feature", ["exclusive ENI", "pool-a"]);
  });
  it("spec fails: exclusiveEni: true", () => {
    expectSpecFails(pool(true), "D8-terway-only-feature", ["exclusive ENI", "pool-a"]);
  });
  it("app.synth() passes: no exclusiveEni", () => {
    expectPasses(pool(undefined));
  });
  it("spec passes: no exclusiveEni", () => {
    expectSpecPasses(pool(undefined));
  });
});

describe("7. Flannel pods per node are never rounded (D1-node-cidr-mask)", () => {
  const pods = (podsPerNode: number) => estate([vpc("net-a", "192.168.0.0/16")], [flannel("alpha", 0, "172.21.0.0/20", "172.20.0.0/16", 3, { podsPerNode })]);
  it("fails: 90 pods per node, naming the allowed values", () => {
    expectFails(pods(90), "D1-node-cidr-mask", ["90", "16, 32, 64, 128 or 256"]);
  });
  it("fails: 300 pods per node (256 is Flannel's cap)", () => {
    expectFails(pods(300), "D1-node-cidr-mask", ["300", "256"]);
  });
  it("spec: the schema refuses both", () => {
    for (const n of [90, 300]) expect(checkSpecObject(toSpec(pods(n))).hasErrors).toBe(true);
  });
  it("app.synth() passes: 64 and 256 pods per node, node_cidr_mask 26 and 24", () => {
    for (const [n, mask] of [[64, 26], [256, 24]]) {
      const out = expectPasses(pods(n));
      expect(resources(out.json, "alicloud_cs_managed_kubernetes").map((r) => r.node_cidr_mask)).toEqual([mask]);
    }
  });
  it("spec passes: 64 and 256 pods per node", () => {
    for (const n of [64, 256]) expectSpecPasses(pods(n));
  });
});

describe("8. more than 5 zones: only the control plane's vswitch_ids is limited (G7-control-plane-vswitches)", () => {
  const zones = ["cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k", "cn-hangzhou-h", "cn-hangzhou-g", "cn-hangzhou-f"];
  const six = estate([vpc("net-a", "192.168.0.0/16", {
    zones, nodeVSwitchCidrs: zones.map((_, i) => `192.168.${i}.0/24`), podVSwitchCidrs: zones.map((_, i) => `192.168.${32 * (i + 1)}.0/19`),
  })], [terway("alpha", 0, "172.21.0.0/20", 12)]);
  it("app.synth() passes: a network with 6 zones; the control plane gets 5 vSwitches, the pools all 6", () => {
    const out = expectPasses(six);
    const cluster = resources(out.json, "alicloud_cs_managed_kubernetes")[0];
    expect((cluster.vswitch_ids as string[]).length).toBe(5);
    const pool = resources(out.json, "alicloud_cs_kubernetes_node_pool")[0];
    expect((pool.vswitch_ids as string[]).length).toBe(6);
  });
  it("spec passes: a network with 6 zones", () => {
    expectSpecPasses(six);
  });
  const withControlPlane = (controlPlaneZones: string[]) => (app: App) => {
    const stack = new TerraformStack(app, "estate");
    new AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
    const net = new AckNetwork(stack, "net", {
      vpcCidr: "192.168.0.0/16", zones, nodeVSwitchCidrs: zones.map((_, i) => `192.168.${i}.0/24`),
      podVSwitchCidrs: zones.map((_, i) => `192.168.${32 * (i + 1)}.0/19`),
    });
    const c = new AckCluster(stack, "alpha", { network: net, cni: Cni.terway(), serviceCidr: "172.21.0.0/20", kubernetesVersion: V133, controlPlaneZones });
    c.addNodePool("pool-a", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 0, maxSize: 12 });
  };
  it("app.synth() fails: controlPlaneZones names 6 zones, and the message names the option that exists (not controlPlaneVSwitches)", () => {
    const out = synthApp(withControlPlane(zones));
    expect(out.error).toMatch(/G7-control-plane-vswitches[^\n]*\b6 node vSwitches/);
    const [, path, message] = /G7-control-plane-vswitches \[[^\]]*\] (\S+): ([^\n]*)/.exec(out.error ?? "") ?? ["", "", ""];
    expect(path).toBe("alpha.controlPlaneZones");
    expect(message).toContain("controlPlaneZones");
    expect(message).not.toContain("controlPlaneVSwitches");
  });
  it("app.synth() passes: controlPlaneZones names 5 of the 6 zones", () => {
    const out = synthApp(withControlPlane(zones.slice(1)));
    expect(out.error).toBeUndefined();
    const cluster = Object.values((out.stacks.estate.resource as Resources).alicloud_cs_managed_kubernetes)[0];
    expect((cluster.vswitch_ids as string[]).length).toBe(5);
  });
});

describe("9. a TerraformVariable as maxSize skips the checks it feeds (T0-unresolved-token)", () => {
  const build = (maxSize: (stack: TerraformStack) => number) => (app: App) => {
    const stack = new TerraformStack(app, "estate");
    new AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
    const net = new AckNetwork(stack, "net", { vpcCidr: "192.168.0.0/16", zones: [ZONE_I], nodeVSwitchCidrs: ["192.168.0.0/24"] });
    const c = new AckCluster(stack, "alpha", { network: net, cni: Cni.flannel({ podCidr: "172.20.0.0/16" }), serviceCidr: "172.21.0.0/20", kubernetesVersion: V133 });
    c.addNodePool("pool-a", { instanceTypes: ["ecs.g7.xlarge"], minSize: 2, maxSize: maxSize(stack) });
  };
  it("passes with a T0 warning: maxSize is a TerraformVariable", () => {
    const out = synthApp(build((stack) => new TerraformVariable(stack, "max", { type: "number", default: 10 }).numberValue));
    expect(out.error).toBeUndefined();
    expect(out.warnings.some((w) => /T0-unresolved-token/.test(w) && /pool-a/.test(w) && /maxSize/.test(w))).toBe(true);
    const pool = Object.values((out.stacks.estate.resource as Resources).alicloud_cs_kubernetes_node_pool)[0];
    expect(JSON.stringify(pool)).toContain("var.max");
  });
  it("fails: a literal maxSize below minSize (G4-node-pool-limits names 2..0)", () => {
    const out = synthApp(build(() => 0));
    expect(out.error).toMatch(/G4-node-pool-limits[^\n]*2\.\.0/);
  });
});

describe("10. inside a Fleet every cluster is planned once", () => {
  const spec = (serviceCidr: string): FleetSpec => ({
    region: "cn-hangzhou",
    clusters: ["alpha", "bravo", "charlie"].map((name, i) => ({
      name, zones: [ZONE_I], kubernetesVersion: V133,
      vpc: { cidr: `10.${i}.0.0/16`, nodeVSwitchCidrs: [`10.${i}.0.0/24`], podVSwitchCidrs: [`10.${i}.32.0/19`] },
      serviceCidr: i === 2 ? serviceCidr : `172.${16 + i}.0.0/20`,
      nodePools: [{ name: "pool-a", instanceType: "ecs.c7.4xlarge", min: 0, max: 3 }],
    })),
  });
  afterEach(() => jest.restoreAllMocks());
  it("passes: three clusters, planCluster runs three times in build + synth", () => {
    const calls = jest.spyOn(planClusterModule, "planCluster");
    const out = synthApp((app) => {
      new Fleet(app, "fleet", { spec: spec("172.18.0.0/20") });
    });
    expect(out.error).toBeUndefined();
    expect(Object.keys(out.stacks).sort()).toEqual(["alpha", "bravo", "charlie"]);
    expect(calls).toHaveBeenCalledTimes(3);
  });
  it("fails: one cluster's error is listed once, and planCluster still runs three times", () => {
    const calls = jest.spyOn(planClusterModule, "planCluster");
    const out = synthApp((app) => {
      new Fleet(app, "fleet", { spec: spec("10.2.128.0/20") });
    });
    expect(out.error?.match(/C2-service-overlap/g)).toHaveLength(1);
    expect(out.error).toContain("10.2.128.0/20");
    expect(calls).toHaveBeenCalledTimes(3);
  });
});
