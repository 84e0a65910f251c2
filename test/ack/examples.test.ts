import { assertConformance } from "../../lib/testing";
import { FlannelSmallStack } from "../../examples/flannel-small";
import { TerwayProStack } from "../../examples/terway-pro";
import { stableJson, synthApp } from "../helpers/synth";

describe("managed-cluster examples", () => {
  test.each([
    ["terway-pro", (app: Parameters<Parameters<typeof synthApp>[0]>[0]) => new TerwayProStack(app, "terway-pro")],
    ["flannel-small", (app: Parameters<Parameters<typeof synthApp>[0]>[0]) => new FlannelSmallStack(app, "flannel-small")],
  ])("%s synthesizes, passes the schema conformance check and matches its snapshot", (name, build) => {
    const out = synthApp((app) => {
      build(app);
    });
    expect(out.error).toBeUndefined();
    const doc = out.stacks[name];
    expect(() => assertConformance(doc)).not.toThrow();
    expect(stableJson(doc)).toMatchSnapshot();
  });

  test("the Terway example wires pod vSwitches, NetworkPolicy and SNAT for pods", () => {
    const out = synthApp((app) => {
      new TerwayProStack(app, "terway-pro");
    });
    const res = out.stacks["terway-pro"].resource as Record<string, Record<string, Record<string, unknown>>>;
    const cluster = Object.values(res.alicloud_cs_managed_kubernetes)[0];
    expect(cluster.pod_vswitch_ids).toHaveLength(3);
    expect(cluster.profile).toBe("Default");
    expect(cluster.slb_internet_enabled).toBe(false);
    expect(cluster.deletion_protection).toBe(true);
    expect(cluster.is_enterprise_security_group).toBe(true);
    const addons = cluster.addons as Array<{ name: string; config?: string }>;
    expect(JSON.parse(addons.find((a) => a.name === "terway-eniip")!.config!)).toMatchObject({ NetworkPolicy: "true" });
    // Three node vSwitches and three pod vSwitches each get a SNAT entry.
    expect(Object.keys(res.alicloud_snat_entry)).toHaveLength(6);
    const pools = Object.values(res.alicloud_cs_kubernetes_node_pool);
    const dedicated = pools.find((p) => String(p.node_pool_name).endsWith("dedicated"))!;
    expect(dedicated.labels).toEqual(expect.arrayContaining([{ key: "k8s.aliyun.com/exclusive-mode-eni-type", value: "eniOnly" }]));
    expect(out.infos.join("\n")).toMatch(/pods\/node 210 +\(ecs\.c7\.4xlarge shared ENI \(8-1\)x30\)/);
  });
});
