/**
 * Issue 10: what `terraform apply` would build, checked on every example and the default app
 * (examples/fleet.yaml): the provider pinned to the version the output is checked against, no
 * deprecated resource type or argument, tags on every taggable resource, stable output names.
 */
import * as fs from "fs";
import { App, TerraformStack } from "cdktf";
import { parse } from "yaml";
import { AckCluster, AckNetwork, ClusterKubeconfig, ClusterSpec, Cni, Fleet, FleetSpec, HybridConnectivity } from "../../lib";
import { AlicloudProvider } from "../../lib/providers/alicloud/provider";
import { ConformanceCode, checkConformance, loadProviderSchema } from "../../lib/testing";
import { EdgeFlannelStack } from "../../examples/edge-flannel";
import { EdgeTerwayStack } from "../../examples/edge-terway";
import { FlannelSmallStack } from "../../examples/flannel-small";
import { EXAMPLE_FLEET_SPEC, synthFleet } from "../../examples/fleet-app";
import { TerwayProStack } from "../../examples/terway-pro";
import { fleet, terway } from "../fleet/fixtures";
import { synthApp } from "../helpers/synth";

type Block = Record<string, unknown>;
type Doc = Record<string, unknown>;

const bundle = loadProviderSchema();

/** Every stack of every example and of the default app, with the tags its resources must carry. */
function allStacks(): Array<{ name: string; doc: Doc; tags: Record<string, string> }> {
  const examples: Array<[string, (app: App) => void]> = [
    ["terway-pro", (app) => new TerwayProStack(app, "terway-pro")],
    ["flannel-small", (app) => new FlannelSmallStack(app, "flannel-small")],
    ["edge-terway", (app) => new EdgeTerwayStack(app, "edge-terway")],
    ["edge-flannel", (app) => new EdgeFlannelStack(app, "edge-flannel")],
  ];
  const out: Array<{ name: string; doc: Doc; tags: Record<string, string> }> = [];
  for (const [name, build] of examples) {
    const s = synthApp(build);
    expect(s.error).toBeUndefined();
    out.push({ name, doc: s.stacks[name], tags: { owner: "platform", example: name } });
  }
  const fleet = synthApp((app) => { synthFleet(app); });
  expect(fleet.error).toBeUndefined();
  expect(Object.keys(fleet.stacks).sort()).toEqual(["dev", "factory", "prod"]);
  for (const [name, doc] of Object.entries(fleet.stacks)) out.push({ name: `fleet/${name}`, doc, tags: { owner: "platform" } });
  return out;
}

const STACKS = allStacks();

/** Every resource of a stack: [type, name, body]. */
function resources(doc: Doc): Array<[string, string, Block]> {
  return Object.entries((doc.resource ?? {}) as Record<string, Record<string, Block>>)
    .flatMap(([type, byName]) => Object.entries(byName).map(([name, body]) => [type, name, body] as [string, string, Block]));
}

describe("provider-real output on every example and the default app", () => {
  test.each(STACKS.map((s) => [s.name, s] as const))("%s: required_providers pins aliyun/alicloud = 1.289.0", (_n, s) => {
    const rp = ((s.doc.terraform as Block).required_providers as Record<string, Block>).alicloud;
    expect(rp).toEqual({ source: "registry.terraform.io/aliyun/alicloud", version: "= 1.289.0" });
    expect(bundle.providerVersion).toBe("1.289.0");
  });

  test.each(STACKS.map((s) => [s.name, s] as const))("%s: the schema-conformance check reports nothing (no deprecated type or argument)", (_n, s) => {
    const issues = checkConformance(s.doc, bundle);
    expect(issues.filter((i) => i.code === ConformanceCode.DEPRECATED_TYPE)).toEqual([]);
    expect(issues.filter((i) => i.code === ConformanceCode.DEPRECATED_ARGUMENT)).toEqual([]);
    expect(issues).toEqual([]);
    expect(Object.keys((s.doc.resource ?? {}) as Block)).not.toContain("alicloud_router_interface_connection");
  });

  test.each(STACKS.map((s) => [s.name, s] as const))("%s: every resource whose schema has tags carries the tags", (_n, s) => {
    const taggable = resources(s.doc).filter(([type]) => bundle.resources.get(type)?.attributes.has("tags") === true);
    expect(taggable.length).toBeGreaterThan(3);
    const untagged = taggable.filter(([, , body]) => !isSuperset(body.tags, s.tags)).map(([type, name]) => `${type}.${name}`);
    expect(untagged).toEqual([]);
  });

  test.each(STACKS.map((s) => [s.name, s] as const))("%s: stable output names (no hash): cluster id, VPC id, vSwitch ids, API endpoint; link routes", (_n, s) => {
    const names = Object.keys((s.doc.output ?? {}) as Block);
    for (const n of names) expect(n).not.toMatch(/_[0-9A-F]{8}$/);
    const clusters = resources(s.doc).filter(([type]) => type === "alicloud_cs_managed_kubernetes").map(([, , b]) => String(b.name));
    expect(clusters).toHaveLength(1);
    for (const c of clusters) {
      expect(names).toEqual(expect.arrayContaining([`${c}_cluster-id`, `${c}_vpc-id`, `${c}_vswitch-ids`, `${c}_api-server-intranet`, `${c}_api-server-internet`]));
    }
    const links = resources(s.doc).filter(([type]) => type === "alicloud_vpc_bgp_group").map(([, , b]) => String(b.bgp_group_name));
    for (const l of links) expect(names).toEqual(expect.arrayContaining([`${l}_data-center-routes`, `${l}_routes`, `${l}_route-tables`]));
  });

  test("the hybrid links of the examples and the default app use the CEN transit router (the default) with an authenticated BGP session", () => {
    const withLinks = STACKS.filter((s) => resources(s.doc).some(([type]) => type === "alicloud_vpc_bgp_group"));
    expect(withLinks.map((s) => s.name).sort()).toEqual(["edge-terway", "fleet/factory"]);
    for (const s of withLinks) {
      const types = new Set(resources(s.doc).map(([type]) => type));
      expect(types.has("alicloud_cen_transit_router_vpc_attachment")).toBe(true);
      expect(types.has("alicloud_express_connect_router_interface")).toBe(false);
      // The VPC CIDR reaches the data centre through the transit router: no BGP network repeats it.
      expect(types.has("alicloud_vpc_bgp_network")).toBe(false);
      const [, , group] = resources(s.doc).find(([type]) => type === "alicloud_vpc_bgp_group")!;
      expect(String(group.auth_key)).toMatch(/^\$\{var\.[a-z_]+\}$/);
    }
  });
});

function isSuperset(actual: unknown, expected: Record<string, string>): boolean {
  if (typeof actual !== "object" || actual === null) return false;
  return Object.entries(expected).every(([k, v]) => (actual as Record<string, unknown>)[k] === v);
}

describe("link outputs", () => {
  test("route tables of a CEN link: VBR, VPC and the transit router's system table", () => {
    const doc = STACKS.find((s) => s.name === "edge-terway")!.doc;
    const out = (doc.output as Record<string, { value: Record<string, string> }>)["idc_route-tables"].value;
    expect(Object.keys(out).sort()).toEqual(["transit_router", "vbr", "vpc"]);
    expect(out.vbr).toMatch(/^\$\{alicloud_express_connect_virtual_border_router\..*\.route_table_id\}$/);
    expect(out.vpc).toMatch(/^\$\{alicloud_vpc\..*\.route_table_id\}$/);
    expect(out.transit_router).toMatch(/^\$\{data\.alicloud_cen_transit_router_route_tables\..*\.tables\[0\]\.transit_router_route_table_id\}$/);
  });
});

describe("spec hybrid links", () => {
  const base = () => parse(fs.readFileSync(EXAMPLE_FLEET_SPEC, "utf8")) as FleetSpec;

  test("transitRouterVSwitches: the VPC attachment maps the dedicated vSwitches, and J12 is quiet", () => {
    const spec = base();
    const dedicated = [{ id: "vsw-tr-i", zone: "cn-hangzhou-i", cidr: "192.168.250.0/28" }, { id: "vsw-tr-j", zone: "cn-hangzhou-j", cidr: "192.168.250.16/28" }];
    const withTr: FleetSpec = { ...spec, hybridLinks: spec.hybridLinks!.map((l) => ({ ...l, transitRouterVSwitches: dedicated })) };
    const out = synthApp((app) => { new Fleet(app, "fleet", { spec: withTr, writeLock: false }); });
    expect(out.error).toBeUndefined();
    const att = resources(out.stacks.factory).find(([type]) => type === "alicloud_cen_transit_router_vpc_attachment")![2];
    expect(att.zone_mappings).toEqual([{ zone_id: "cn-hangzhou-i", vswitch_id: "vsw-tr-i" }, { zone_id: "cn-hangzhou-j", vswitch_id: "vsw-tr-j" }]);
    expect(out.infos.join("\n")).not.toMatch(/J12-transit-router-vswitches/);
    const plain = synthApp((app) => { new Fleet(app, "fleet", { spec: base(), writeLock: false }); });
    expect(plain.infos.join("\n")).toMatch(/info J12-transit-router-vswitches \[I-9\] idc\.transitRouterVSwitches: .*cn-hangzhou-i, cn-hangzhou-j/);
  });

  test("connectivity router-interface: one fast-link interface, no deprecated type, VPC routes through the VPC-side interface", () => {
    const spec = base();
    const ri: FleetSpec = { ...spec, hybridLinks: spec.hybridLinks!.map((l) => ({ ...l, connectivity: HybridConnectivity.ROUTER_INTERFACE })) };
    const out = synthApp((app) => { new Fleet(app, "fleet", { spec: ri, writeLock: false }); });
    expect(out.error).toBeUndefined();
    const doc = out.stacks.factory;
    const ifs = resources(doc).filter(([type]) => type === "alicloud_express_connect_router_interface");
    expect(ifs).toHaveLength(1);
    expect(ifs[0][2]).toMatchObject({ fast_link_mode: true, role: "InitiatingSide", router_type: "VBR", opposite_router_type: "VRouter", tags: { owner: "platform" } });
    const vpcRoutes = resources(doc).filter(([type, , b]) => type === "alicloud_route_entry" && String(b.route_table_id).startsWith("${alicloud_vpc."));
    expect(vpcRoutes.map(([, , b]) => b.nexthop_id)).toEqual([`\${alicloud_express_connect_router_interface.${ifs[0][1]}.opposite_interface_id}`, `\${alicloud_express_connect_router_interface.${ifs[0][1]}.opposite_interface_id}`]);
    expect(resources(doc).filter(([type]) => type === "alicloud_vpc_bgp_network").map(([, , b]) => b.dst_cidr_block)).toEqual(["192.168.0.0/16"]);
    expect(checkConformance(doc, bundle)).toEqual([]);
  });
});

describe("shared VPC stack outputs", () => {
  test("a Fleet shared VPC stack exports its VPC id and node vSwitch ids under stable names; the member clusters export theirs", () => {
    const spec = fleet([terway("a", { vpc: { shared: "core" } }), terway("b", { vpc: { shared: "core" } })], { defaults: { tags: { owner: "platform" } } });
    const out = synthApp((app) => { new Fleet(app, "fleet", { spec, writeLock: false }); });
    expect(out.error).toBeUndefined();
    const core = out.stacks["vpc-core"].output as Record<string, Block>;
    expect(core["core_vpc-id"].value).toMatch(/^\$\{alicloud_vpc\..*\.id\}$/);
    expect(core["core_vswitch-ids"].value).toHaveLength(2);
    for (const c of ["a", "b"]) expect(Object.keys(out.stacks[c].output as Block)).toEqual(expect.arrayContaining([`${c}_cluster-id`, `${c}_vpc-id`, `${c}_pod-vswitch-ids`]));
  });
});

describe("opt-in kubeconfig", () => {
  const build = (app: App, kubeconfig: boolean) => {
    const stack = new TerraformStack(app, "k");
    new AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
    const network = new AckNetwork(stack, "net", { vpcCidr: "192.168.0.0/16", zones: ["cn-hangzhou-i"] });
    const cluster = new AckCluster(stack, "prod", { network, clusterSpec: ClusterSpec.BASIC, serviceCidr: "172.21.0.0/20", cni: Cni.flannel({ podCidr: "10.8.0.0/16" }) });
    if (kubeconfig) new ClusterKubeconfig(stack, "kubeconfig", { clusterId: cluster.clusterId, clusterName: cluster.clusterName });
  };

  test("ClusterKubeconfig reads alicloud_cs_cluster_credential and exports a sensitive <cluster>_kubeconfig", () => {
    const out = synthApp((app) => build(app, true));
    expect(out.error).toBeUndefined();
    const doc = out.stacks.k;
    const [name, body] = Object.entries((doc.data as Record<string, Record<string, Block>>).alicloud_cs_cluster_credential)[0];
    expect(body.cluster_id).toMatch(/^\$\{alicloud_cs_managed_kubernetes\..*\.id\}$/);
    expect((doc.output as Record<string, Block>).prod_kubeconfig).toMatchObject({
      sensitive: true, value: `\${data.alicloud_cs_cluster_credential.${name}.kube_config}`,
    });
    expect(checkConformance(doc, bundle)).toEqual([]);
  });

  test("without it there is no credential data source and no kubeconfig output", () => {
    const doc = synthApp((app) => build(app, false)).stacks.k;
    expect((doc.data as Block | undefined)?.alicloud_cs_cluster_credential).toBeUndefined();
    expect(Object.keys(doc.output as Block)).not.toContain("prod_kubeconfig");
  });

  test("spec kubeconfigOutput: true gives the fleet cluster the same output", () => {
    const spec = {
      region: "cn-hangzhou",
      clusters: [{ name: "dev", type: "ack", cni: { plugin: "flannel", podCidr: "10.8.0.0/16" }, zones: ["cn-hangzhou-i"], vpc: { cidr: "192.168.0.0/16" }, serviceCidr: "172.21.0.0/20", kubeconfigOutput: true, nodePools: [{ name: "p", instanceType: "ecs.g7.xlarge", size: 2 }] }],
    };
    const out = synthApp((app) => { new Fleet(app, "fleet", { spec: spec as unknown as FleetSpec }); });
    expect(out.error).toBeUndefined();
    expect((out.stacks.dev.output as Record<string, Block>).dev_kubeconfig).toMatchObject({ sensitive: true });
  });
});
