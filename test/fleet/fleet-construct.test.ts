import * as fs from "fs";
import * as path from "path";
import { App } from "cdktf";
import { EXAMPLE_FLEET_SPEC, synthFleet } from "../../examples/fleet-app";
import { Fleet, fleetPlanOf } from "../../lib/constructs/fleet";
import { FleetNetworkKind } from "../../lib/constructs/fleet-plan";
import { assertConformance } from "../../lib/testing";
import { CniPlugin } from "../../lib/plan/model";
import { RangeSource } from "../../lib/plan/fleet/model";
import { FleetSpecFile, SpecClusterType, SpecInterconnect } from "../../lib/spec/spec-types";
import { flannel, fleet, terway } from "./fixtures";
import { checkSpecFile, checkSpecObject } from "../../lib/spec/check-spec";
import { stable, synth, tempCopy } from "./synth-fleet";

const EXAMPLE_LOCK = `${EXAMPLE_FLEET_SPEC}.lock.json`;

describe("Fleet construct", () => {
  test("the example fleet synthesizes one stack per cluster, passes the schema check and matches its snapshot", () => {
    const dir = tempCopy([EXAMPLE_FLEET_SPEC, EXAMPLE_LOCK]);
    let f: Fleet | undefined;
    const out = synth((app) => {
      f = synthFleet(app, path.join(dir, "fleet.yaml"));
    });
    expect(out.error).toBeUndefined();
    expect(Object.keys(out.stacks).sort()).toEqual(["dev", "factory", "prod"]);
    for (const [name, doc] of Object.entries(out.stacks)) {
      expect(() => assertConformance(doc)).not.toThrow();
      expect(stable(doc)).toMatchSnapshot(name);
    }
    expect(f?.lockWritten).toBe(false);
    // Each construct plans its cluster exactly as the fleet planner did.
    for (const c of f?.plan?.clusters ?? []) {
      const construct = f!.clusters[c.name];
      expect(construct.findings.map((x) => `${x.ruleId} ${x.path}`).sort()).toEqual(c.result.findings.map((x) => `${x.ruleId} ${x.path}`).sort());
    }
  });

  test("the committed example lock is what a first synth writes", () => {
    const dir = tempCopy([EXAMPLE_FLEET_SPEC]);
    const spec = path.join(dir, "fleet.yaml");
    let f: Fleet | undefined;
    synth((app) => {
      f = synthFleet(app, spec);
    });
    expect(f?.lockWritten).toBe(true);
    expect(fs.readFileSync(`${spec}.lock.json`, "utf8")).toBe(fs.readFileSync(EXAMPLE_LOCK, "utf8"));
  });

  test("L2 says which case it is: no lock file yet (a spec file) or no lock file used (a spec in code)", () => {
    const l2 = (c: { findings: Array<{ ruleId: string; message: string }> }) => c.findings.filter((f) => f.ruleId === "L2-lock-outdated").map((f) => f.message);
    const dir = tempCopy([EXAMPLE_FLEET_SPEC]);
    expect(l2(checkSpecFile(path.join(dir, "fleet.yaml")))).toEqual([expect.stringMatching(/^there is no lock file: .*writes the lock so they never move/)]);
    const inCode = l2(checkSpecObject(fleet([flannel("a")])));
    expect(inCode).toEqual([expect.stringMatching(/^no lock file is used \(a spec given in code without lockFile\)/)]);
    expect(inCode[0]).not.toMatch(/cdktf synth/);
  });

  test("a lock that can't be written is L5 at synth (not an exception), and nothing else is touched", () => {
    const dir = tempCopy([EXAMPLE_FLEET_SPEC]);
    const spec = path.join(dir, "fleet.yaml");
    const build = (lockFile: string) => {
      let f: Fleet | undefined;
      const out = synth((app) => { f = new Fleet(app, "fleet", { specFile: spec, lockFile }); });
      return { out, f };
    };
    const missingFolder = path.join(dir, "no-such-folder", "fleet.yaml.lock.json");
    const failed = build(missingFolder);
    expect(failed.out.error).toMatch(/error L5-lock-write lock: could not write the lock file .*no-such-folder.*the previous lock is intact/);
    expect(failed.f?.lockWritten).toBe(false);
    expect(failed.f?.findings[0].ruleId).toBe("L5-lock-write");
    expect(fs.readdirSync(dir)).toEqual(["fleet.yaml"]);
    // The neighbour: a folder that exists.
    const written = build(path.join(dir, "fleet.yaml.lock.json"));
    expect(written.out.error).toBeUndefined();
    expect(written.f?.lockWritten).toBe(true);
  });

  test("the Terway Edge cluster is wired to its hybrid link in the seed topology", () => {
    const out = synth((app) => synthFleet(app, path.join(tempCopy([EXAMPLE_FLEET_SPEC, EXAMPLE_LOCK]), "fleet.yaml")));
    const res = out.stacks.factory.resource as Record<string, Record<string, Record<string, unknown>>>;
    const cluster = Object.values(res.alicloud_cs_managed_kubernetes)[0];
    expect(cluster).toMatchObject({ profile: "Edge", pod_cidr: "10.0.0.0/16", node_cidr_mask: 25 });
    const vpc = Object.values(res.alicloud_vpc)[0];
    expect(vpc.cidr_block).toBe("192.168.0.0/16");
    // The spec's link takes the default connectivity, a CEN transit router: the routes come from
    // the transit router (origin cen), not from route entries.
    expect(res.alicloud_route_entry).toBeUndefined();
    expect(Object.values(res.alicloud_cen_transit_router_vpc_attachment)[0]).toMatchObject({ auto_publish_route_enabled: true, tags: { owner: "platform" } });
    const planned = (out.stacks.factory.output as Record<string, { value: Array<{ table: string; destination: string; origin: string }> }>).idc_routes.value;
    expect(planned.filter((r) => r.origin === "cen").map((r) => `${r.table} ${r.destination}`).sort()).toEqual(["vbr 192.168.0.0/16", "vpc 10.0.0.0/16", "vpc 172.16.0.0/16"]);
  });

  test("with errors no stack is built and synth fails with every finding of every cluster at once", () => {
    const spec = fleet([
      flannel("a", { cni: { plugin: CniPlugin.FLANNEL, podCidr: "10.200.0.0/16" }, vpc: { shared: "core" } }),
      flannel("b", { cni: { plugin: CniPlugin.FLANNEL, podCidr: "10.200.0.0/16" }, vpc: { shared: "core" } }),
      terway("c", { nodePools: [{ name: "small", instanceType: "ecs.c6.large", size: 2 }] }),
    ]);
    let f: Fleet | undefined;
    const out = synth((app) => {
      f = new Fleet(app, "fleet", { spec });
    });
    expect(Object.keys(f!.stacks)).toEqual([]);
    expect(out.error).toMatch(/C3-other-cluster-overlap \[C-3, C-8\] b\.cni\.podCidr/);
    expect(out.error).toMatch(/E2-shared-eni-quota \[E-1, E-2\] c\.nodePools\[small\]/);
  });

  test("a spec object is validated like a file: schema errors fail the synth, with field paths", () => {
    const spec = fleet([flannel("a", { serviceCidr: "172.21.0.1/20" })]);
    const out = synth((app) => new Fleet(app, "fleet", { spec }));
    expect(out.error).toMatch(/A0-invalid-cidr \[A-VPC-1, A-VSW-1, A-SVC-1\] clusters\[0\]\.serviceCidr: 172\.21\.0\.1\/20 has host bits set/);
  });

  test("an adopted VPC is used by id: no VPC or vSwitch is created", () => {
    const spec = fleet([terway("old", {
      zones: undefined,
      vpc: {
        id: "vpc-bp1old", cidr: "192.168.0.0/16",
        vSwitches: [{ id: "vsw-n1", zone: "cn-hangzhou-i", cidr: "192.168.0.0/24" }, { id: "vsw-n2", zone: "cn-hangzhou-j", cidr: "192.168.1.0/24" }],
        podVSwitches: [{ id: "vsw-p1", zone: "cn-hangzhou-i", cidr: "192.168.32.0/19" }, { id: "vsw-p2", zone: "cn-hangzhou-j", cidr: "192.168.64.0/19" }],
      },
    })]);
    const out = synth((app) => new Fleet(app, "fleet", { spec }));
    expect(out.error).toBeUndefined();
    const res = out.stacks.old.resource as Record<string, Record<string, Record<string, unknown>>>;
    expect(res).not.toHaveProperty("alicloud_vpc");
    expect(res).not.toHaveProperty("alicloud_vswitch");
    expect(Object.values(res.alicloud_cs_managed_kubernetes)[0]).toMatchObject({ vswitch_ids: ["vsw-n1", "vsw-n2"], pod_vswitch_ids: ["vsw-p1", "vsw-p2"] });
  });

  test("an ACK Edge Flannel cluster: the construct plans it exactly as the fleet planner does", () => {
    const spec = fleet([{
      name: "shop", type: SpecClusterType.ACK_EDGE, zones: ["cn-hangzhou-i"],
      cni: { plugin: CniPlugin.FLANNEL, podsPerNode: 32, edgeNodeCidrs: ["172.18.0.0/24"] },
      nodePools: [{ name: "cloud", instanceType: "ecs.g7.xlarge", size: 2 }],
      edgeNodePools: [{ name: "tills", interconnect: SpecInterconnect.BASIC, max: 30 }],
    }], {
      hybridLinks: [{
        name: "store", cluster: "shop", physicalConnectionId: "pc-1", accessPointId: "ap-1", vlanId: 7, localGatewayIp: "10.254.1.1",
        peerGatewayIp: "10.254.1.2", peeringSubnetMask: "255.255.255.252", peerAsn: 65002, dataCenterCidrs: ["172.19.0.0/16"],
        authKeyVariable: "store_bgp_key",
      }],
    });
    let f: Fleet | undefined;
    const out = synth((app) => {
      f = new Fleet(app, "fleet", { spec });
    });
    expect(out.error).toBeUndefined();
    const c = f!.plan!.clusters[0];
    expect(c.podCidr?.cidr).toBe("10.128.0.0/22"); // (2 cloud + 30 edge) nodes x /27 blocks
    expect(f!.clusters.shop.findings.map((x) => `${x.ruleId} ${x.path}`).sort()).toEqual(c.result.findings.map((x) => `${x.ruleId} ${x.path}`).sort());
    const doc = out.stacks.shop;
    expect(JSON.stringify(doc.variable)).toMatch(/"store_bgp_key":\{[^}]*"sensitive":true/);
    expect(() => assertConformance(doc)).not.toThrow();
  });

  test("a shared VPC gets a network stack; its clusters reference it across stacks", () => {
    const spec = fleet([terway("a", { vpc: { shared: "core" } }), flannel("b", { vpc: { shared: "core" }, zones: ["cn-hangzhou-i"] })]);
    let f: Fleet | undefined;
    const out = synth((app: App) => {
      f = new Fleet(app, "fleet", { spec });
    });
    expect(out.error).toBeUndefined();
    expect(Object.keys(out.stacks).sort()).toEqual(["a", "b", "vpc-core"]);
    expect(Object.keys((out.stacks["vpc-core"].resource as Record<string, unknown>))).toEqual(expect.arrayContaining(["alicloud_vpc", "alicloud_vswitch"]));
    expect(out.stacks.a.resource).not.toHaveProperty("alicloud_vpc");
    expect(JSON.stringify(out.stacks.a.data)).toMatch(/terraform_remote_state/);
    for (const doc of Object.values(out.stacks)) expect(() => assertConformance(doc)).not.toThrow();
    expect(f?.plan?.findings.filter((x) => x.severity === "error")).toEqual([]);
  });

  test("with cdktn's future flag failOnConstructsOutsideOfStacks (cdktn init sets it), the fleet's stacks go directly under the App: same stacks on both runtimes", () => {
    const spec = fleet([terway("a"), flannel("b", { spec: "ack.pro.small" })]);
    const build = (flag: boolean | string | undefined) => synth((app: App) => {
      if (flag !== undefined) app.node.setContext("failOnConstructsOutsideOfStacks", flag);
      new Fleet(app, "fleet", { spec, writeLock: false });
    });
    const grouped = build(undefined);
    expect(grouped.error).toBeUndefined();
    for (const flag of [true, "true"]) {
      const flat = build(flag);
      // `npm run test:cdktn` runs this suite on cdktn 0.24 (ACK_RUNTIME=cdktn), where the flag is
      // enforced (cdktn/lib/app.js); cdktf 0.21 has no such flag. Both synthesize the same stacks.
      expect(flat.error).toBeUndefined();
      expect(Object.keys(flat.stacks).sort()).toEqual(["a", "b"]);
      // Same Terraform: only the construct paths in the "//" metadata lose their "fleet/" prefix.
      expect(withoutMetadata(flat.stacks)).toEqual(withoutMetadata(grouped.stacks));
      expect(JSON.stringify(flat.stacks)).not.toContain("fleet/a/");
    }
    // Errors are still reported, all at once, with the flag on.
    const bad = synth((app: App) => {
      app.node.setContext("failOnConstructsOutsideOfStacks", true);
      new Fleet(app, "fleet", { spec: fleet([terway("a", { serviceCidr: "10.0.0.0/33" })]), writeLock: false });
    });
    expect(bad.error).toMatch(/error in the fleet plan|error\(s\) in the fleet plan/);
    expect(bad.error).not.toMatch(/outside of a TerraformStack/);
  });

  test("the plan as plain data (the jsii view) says what the planner's model says", () => {
    const dir = tempCopy([EXAMPLE_FLEET_SPEC, EXAMPLE_LOCK]);
    let f: Fleet | undefined;
    const out = synth((app) => {
      f = synthFleet(app, path.join(dir, "fleet.yaml"));
    });
    expect(out.error).toBeUndefined();
    const view = f!.plan!;
    const model = fleetPlanOf(f!)!;
    // Plain data: survives a JSON round trip unchanged (no Map, class instance or bigint).
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(view.clusters.map((c) => c.name)).toEqual(model.clusters.map((c) => c.name));
    for (const c of view.clusters) {
      const m = model.clusters.find((x) => x.name === c.name)!;
      expect(c.serviceCidr).toEqual(m.allocation.serviceCidr);
      expect(c.podCidr).toEqual(m.allocation.podCidr);
      expect(c.edgePodCidr).toEqual(m.allocation.edgePodCidr);
      expect(c.network.cidr).toBe(m.network.cidr);
      expect(c.network.nodeVSwitches.map((v) => `${v.name} ${v.zone} ${v.cidr} ${v.source}`)).toEqual(m.network.nodeVSwitches.map((v) => `${v.name} ${v.zone} ${v.cidr} ${v.source}`));
      expect(c.result).toBe(m.result);
      expect(c.result.findings).toEqual(f!.clusters[c.name].findings);
      // Every network is in a stack the fleet built.
      expect(Object.keys(f!.stacks)).toContain(c.network.stackName);
    }
    expect(view.clusters.find((c) => c.name === "dev")).toMatchObject({ profile: "Default", cni: "flannel", podCidr: { source: RangeSource.LOCK } });
    expect(view.clusters.find((c) => c.name === "factory")).toMatchObject({
      profile: "Edge", cni: "terway-edge", network: { kind: FleetNetworkKind.OWN, stackName: "factory", clusters: ["factory"], cidr: "192.168.0.0/16", source: RangeSource.GIVEN },
      edgePodCidr: { cidr: "10.0.0.0/16", source: RangeSource.GIVEN },
    });
    expect(view.networks.map((n) => n.name).sort()).toEqual(["dev", "factory", "prod"]);
    expect(view.links.map((l) => `${l.name} ${l.cluster}`)).toEqual(["idc factory"]);
    expect(view.links[0].plan).toBe(model.links[0].plan);
    // Findings come located in the spec file, as fleet.findings.
    expect(view.findings).toBe(f!.findings);
    expect(view.lockChanged).toBe(false);
  });

  test("a shared VPC is one network of the view, in its own stack, listing its clusters", () => {
    const spec = fleet([terway("a", { vpc: { shared: "core" } }), flannel("b", { vpc: { shared: "core" }, zones: ["cn-hangzhou-i"] }), flannel("c")]);
    let f: Fleet | undefined;
    expect(synth((app) => {
      f = new Fleet(app, "fleet", { spec });
    }).error).toBeUndefined();
    const core = f!.plan!.networks.find((n) => n.name === "core")!;
    expect(core).toMatchObject({ kind: FleetNetworkKind.SHARED, stackName: "vpc-core", clusters: ["a", "b"], source: RangeSource.POOL });
    expect(core.podVSwitches.length).toBeGreaterThan(0); // a runs Terway
    expect(f!.plan!.clusters.find((c) => c.name === "b")!.network).toBe(core);
    expect(f!.plan!.networks.find((n) => n.name === "c")).toMatchObject({ kind: FleetNetworkKind.OWN, stackName: "c", clusters: ["c"], podVSwitches: [] });
    expect(f!.plan!.lockChanged).toBe(true); // a spec object has no lock: everything is new
  });

  test("a spec file whose JSON carries $schema synthesizes; so does a FleetSpecFile object", () => {
    const dir = tempCopy([]);
    const specFile: FleetSpecFile = { $schema: "../schema/spec.schema.json", ...fleet([flannel("a")]) };
    fs.writeFileSync(path.join(dir, "fleet.json"), JSON.stringify(specFile, null, 2));
    const fromFile = synth((app) => new Fleet(app, "fleet", { specFile: path.join(dir, "fleet.json"), writeLock: false }));
    expect(fromFile.error).toBeUndefined();
    const fromObject = synth((app) => new Fleet(app, "fleet", { spec: specFile }));
    expect(fromObject.error).toBeUndefined();
    expect(stable(fromObject.stacks.a)).toEqual(stable(fromFile.stacks.a));
  });

  test("specText: YAML or JSON text (with $schema) builds the same stacks as the object; findings carry its lines", () => {
    const spec = fleet([flannel("a")]);
    const json = JSON.stringify({ $schema: "spec.schema.json", ...spec }, null, 2);
    const fromObject = synth((app) => new Fleet(app, "fleet", { spec }));
    const fromJson = synth((app) => new Fleet(app, "fleet", { specText: json }));
    expect(fromJson.error).toBeUndefined();
    expect(stable(fromJson.stacks.a)).toEqual(stable(fromObject.stacks.a));
    const yaml = ["region: cn-hangzhou", "pools: { vpc: [10.64.0.0/10], pods: [10.128.0.0/10], services: [172.16.0.0/12] }", "clusters:",
      "  - name: a", "    cni: { plugin: flannel }", "    zones: [cn-hangzhou-i]", "    serviceCidr: 172.21.0.1/20",
      "    nodePools: [{ name: default, instanceType: ecs.g7.xlarge, size: 2 }]", ""].join("\n");
    let f: Fleet | undefined;
    const bad = synth((app) => {
      f = new Fleet(app, "fleet", { specText: yaml });
    });
    expect(bad.error).toMatch(/A0-invalid-cidr .*clusters\[0\]\.serviceCidr: 172\.21\.0\.1\/20 has host bits set/);
    expect(f!.findings[0]).toMatchObject({ ruleId: "A0-invalid-cidr", line: 7, file: undefined });
    expect(f!.plan).toBeUndefined(); // not read as a spec: no plan
    const good = synth((app) => new Fleet(app, "fleet", { specText: yaml.replace("172.21.0.1/20", "172.21.0.0/20") }));
    expect(good.error).toBeUndefined();
    expect(Object.keys(good.stacks)).toEqual(["a"]);
  });

  test("exactly one of specFile, spec and specText: otherwise a finding at synth (S5 / S6), not an exception", () => {
    const spec = fleet([flannel("a")]);
    const two = synth((app: App) => { new Fleet(app, "fleet", { spec, specText: "region: x", writeLock: false }); });
    expect(two.error).toMatch(/S5-conflicting-fields fleet: Fleet fleet: give exactly one of specFile .*, spec .* and specText .*; 2 are given/);
    const none = synth((app: App) => { new Fleet(app, "fleet", { writeLock: false }); });
    expect(none.error).toMatch(/S6-missing-field fleet: .*exactly one.*none is given/);
    const one = synth((app: App) => { new Fleet(app, "fleet", { spec, writeLock: false }); });
    expect(one.error).toBeUndefined();
  });
});

/** A synthesized document without cdktf's "//" metadata blocks. */
function withoutMetadata(doc: unknown): unknown {
  return JSON.parse(JSON.stringify(doc, (k, v: unknown) => (k === "//" ? undefined : v)));
}
