import { parseSpecText } from "../../lib/spec/load-spec";
import { checkLoadedSpec } from "../../lib/spec/check-spec";
import { applyDefaults } from "../../lib/spec/merge-defaults";
import { CniPlugin } from "../../lib/plan/model";
import { SpecClusterType } from "../../lib/spec/spec-types";

const YAML = `region: cn-hangzhou
pools: { vpc: 10.64.0.0/12, pods: 10.128.0.0/12, services: 172.20.0.0/14 }
defaults:
  zones: [cn-hangzhou-i]
  cni: { networkPolicy: false }
  tags: { team: platform }
clusters:
  - name: a
    cni: { plugin: flannel }
    tags: { app: x }
    nodePools: [{ name: p, instanceType: ecs.g7.xlarge }]
  - name: b
    nodePools: [{ name: p, instanceType: ecs.c7.4xlarge }]
`;

describe("loading a spec", () => {
  test("YAML: defaults merge one level; Terway defaults do not leak into Flannel", () => {
    const loaded = parseSpecText(YAML, "fleet.yaml");
    expect(loaded.findings).toEqual([]);
    const spec = loaded.spec!;
    const a = applyDefaults(spec.clusters[0], spec.defaults);
    const b = applyDefaults(spec.clusters[1], spec.defaults);
    expect(a.cni).toEqual({ plugin: CniPlugin.FLANNEL });
    expect(a.tags).toEqual({ team: "platform", app: "x" });
    expect(b.cni).toEqual({ plugin: CniPlugin.TERWAY, networkPolicy: false });
    expect(b.zones).toEqual(["cn-hangzhou-i"]);
    expect(b.type).toBe(SpecClusterType.ACK);
    const check = checkLoadedSpec(loaded, { lockFile: false });
    expect(check.hasErrors).toBe(false);
    expect(check.input!.clusters[1].cni.networkPolicy).toBe(false);
  });

  test("JSON is read by extension; syntax errors give the line", () => {
    const ok = parseSpecText(JSON.stringify({ region: "r", clusters: [{ name: "a", zones: ["z"] }] }), "f.json");
    expect(ok.spec?.clusters[0].name).toBe("a");
    const bad = parseSpecText('{\n  "region": "r",\n  "clusters": [\n}\n', "f.json");
    expect(bad.spec).toBeUndefined();
    expect(bad.findings[0]).toMatchObject({ ruleId: "S0-spec-syntax", file: "f.json" });
    expect(bad.findings[0].line).toBeGreaterThanOrEqual(3);
  });

  test("JSON schema errors have lines too", () => {
    const text = '{\n  "region": "r",\n  "clusters": [\n    { "name": "a", "serviceCidr": "10.0.0.0/33" }\n  ]\n}\n';
    const r = parseSpecText(text, "f.json");
    expect(r.findings).toEqual([expect.objectContaining({ ruleId: "A0-invalid-cidr", path: "clusters[0].serviceCidr", line: 4 })]);
    expect(r.findings[0].message).toMatch(/prefix length 33 is out of range/);
  });

  test("every problem is reported at once, with field paths", () => {
    const r = parseSpecText("region: 1\nclusters:\n  - name: a\n    zones: z\n    bogus: 1\n  - { name: b, cni: { plugin: x } }\n", "f.yaml");
    expect(r.findings.map((f) => [f.path, f.line])).toEqual(expect.arrayContaining([
      ["region", 1], ["clusters[0].zones", 4], ["clusters[0].bogus", 5], ["clusters[1].cni.plugin", 6],
    ]));
  });

  test("a field inherited from defaults is located at its defaults line", () => {
    const text = YAML.replace("cni: { networkPolicy: false }", "cni: { networkPolicy: false }\n  vpc: { cidr: 10.1.0.0/16, prefix: 20 }");
    const check = checkLoadedSpec(parseSpecText(text, "f.yaml"), { lockFile: false });
    const f = check.findings.find((x) => x.ruleId === "S5-conflicting-fields");
    expect(f).toMatchObject({ path: "clusters[0].vpc.prefix", line: 6 });
  });
});
