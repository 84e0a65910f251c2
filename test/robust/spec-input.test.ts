/**
 * Issue 9, specs: every input is a verdict. Parser limits (S7), duplicate keys found in linear
 * time (S0), values within the provider's and Kubernetes' limits (N1..N6) with their passing
 * neighbours, and sizes that fit the address space.
 */
import { Severity } from "../../lib/plan/finding";
import { parseSpecText, validateSpecValue } from "../../lib/spec/load-spec";
import { checkSpecObject } from "../../lib/spec/check-spec";
import { MAX_SPEC_CHARS, checkTextLimits } from "../../lib/spec/read-limits";
import { FleetSpec } from "../../lib/spec/spec-types";
import { fleet, flannel, terway } from "../fleet/fixtures";
import { BASE_SPEC } from "./base-spec";

const BASE = BASE_SPEC;

const ids = (text: string) => parseSpecText(text, "f.yaml").findings.map((f) => `${f.ruleId}@${f.line ?? "-"}`);

describe("spec reader limits (S7) and syntax (S0)", () => {
  test("900 levels of flow nesting: an S7 finding at its line, not a stack overflow", () => {
    const text = `${BASE}    tags: ${"[".repeat(900)}${"]".repeat(900)}\n`;
    expect(ids(text)).toEqual(["S7-spec-limits@9"]);
    // The neighbour: shallow nesting reads (and fails the schema, not the reader).
    expect(ids(`${BASE}    tags: [[1]]\n`)).not.toContain("S7-spec-limits@9");
  });

  test("deep block nesting and '- - - -' chains are S7", () => {
    let block = "";
    for (let i = 0; i < 3000; i++) block += `${" ".repeat(i)}k:\n`;
    expect(ids(block)[0]).toMatch(/^S7-spec-limits@\d+$/);
    expect(ids(`${"- ".repeat(20000)}x\n`)[0]).toMatch(/^S7-spec-limits@1$/);
  });

  test("a recursive alias is S7 (no TypeError while reporting a schema error)", () => {
    const f = parseSpecText(`${BASE}    tags: &t { a: *t }\n`, "f.yaml").findings;
    expect(f.map((x) => x.ruleId)).toEqual(["S7-spec-limits"]);
    expect(f[0].message).toMatch(/recursive alias/);
    expect(f[0].line).toBe(9);
  });

  test("a circular spec object given in code is S7", () => {
    const spec = fleet([flannel("a")]) as FleetSpec & { clusters: Array<Record<string, unknown>> };
    (spec.clusters[0] as Record<string, unknown>).self = spec;
    expect(validateSpecValue(spec).findings.map((x) => x.ruleId)).toEqual(["S7-spec-limits"]);
  });

  test("alias expansion (billion laughs) is S7; a few aliases are fine", () => {
    let laughs = "a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n";
    for (let i = 1; i < 10; i++) laughs += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(",")}]\n`;
    expect(ids(laughs)).toEqual(["S7-spec-limits@-"]);
    const aliased = `${BASE.replace("clusters:", "x-tags: &tags { team: a }\nclusters:")}    tags: *tags\n`;
    expect(parseSpecText(aliased, "f.yaml").findings.map((x) => x.message)).toEqual([expect.stringMatching(/unknown field 'x-tags'/)]);
  });

  test("an unknown empty or dotted key still names a field path", () => {
    const f = parseSpecText(`"": 1\n"a.b": 2\n${BASE}`, "f.yaml").findings;
    expect(f.map((x) => `${x.ruleId} ${x.path} ${x.line}`)).toEqual(["S1-spec-schema [\"\"] 1", "S1-spec-schema [\"a.b\"] 2"]);
  });

  test("file size is bounded", () => {
    expect(checkTextLimits("x".repeat(MAX_SPEC_CHARS + 1))?.message).toMatch(/more than the 67,108,864 a spec may have/);
    expect(checkTextLimits(BASE)).toBeUndefined();
  });

  test("a map or list as a key is S0 at its line (was a Node warning and a stringified key)", () => {
    expect(ids(`${BASE}    labels: { ? [a, b]: 1 }\n`)).toEqual(["S0-spec-syntax@9"]);
    expect(ids(`${BASE}? { imageType: AliyunLinux3 }\n: 1\n`)).toEqual(["S0-spec-syntax@9"]);
    // The neighbour: a plain key reads (and fails the schema, not the reader).
    expect(ids(`${BASE}    labels: { ab: 1 }\n`)).not.toContain("S0-spec-syntax@9");
  });

  test("duplicate keys: S0 at the second key; 40,000 distinct keys read (one pass, no quadratic check)", () => {
    expect(ids(BASE.replace("region: cn-hangzhou\n", "region: cn-hangzhou\nregion: cn-shanghai\n"))).toEqual(["S0-spec-syntax@2"]);
    let many = BASE;
    for (let i = 0; i < 40_000; i++) many += `x${i}: 1\n`;
    const f = parseSpecText(many, "f.yaml").findings;
    expect(f.every((x) => x.ruleId === "S1-spec-schema")).toBe(true);
    expect(f).toHaveLength(40_000);
  });
});

describe("values within the provider's and Kubernetes' limits (spec)", () => {
  const check = (spec: FleetSpec) => checkSpecObject(spec).findings.filter((f) => f.severity === Severity.ERROR).map((f) => `${f.ruleId} ${f.path}`);
  const cases: Array<[string, FleetSpec, FleetSpec, string]> = [
    ["N1 spec: ack.pro.smal", fleet([flannel("a", { spec: "ack.pro.smal" })]), fleet([flannel("a", { spec: "ack.pro.small" })]), "N1-cluster-spec clusters[0].spec"],
    ["N2 an 8 MB tag value", fleet([flannel("a", { tags: { team: "x".repeat(8_000_000) } })]), fleet([flannel("a", { tags: { team: "x".repeat(128) } })]), "N2-tag clusters[0].tags"],
    ["N2 a tag key with the acs: prefix", fleet([flannel("a", { tags: { "acs:team": "a" } })]), fleet([flannel("a", { tags: { "team:acs": "a" } })]), "N2-tag clusters[0].tags"],
    ["N3 label key 'bad key!!'", fleet([flannel("a", { nodePools: [{ name: "p", instanceType: "ecs.g7.xlarge", labels: { "bad key!!": "v" } }] })]), fleet([flannel("a", { nodePools: [{ name: "p", instanceType: "ecs.g7.xlarge", labels: { "example.com/bad-key": "v" } }] })]), "N3-label-syntax clusters[0].nodePools[0].labels"],
    ["N3 taint key 'bad key!!'", fleet([flannel("a", { nodePools: [{ name: "p", instanceType: "ecs.g7.xlarge", taints: [{ key: "bad key!!", effect: "NoSchedule" as never }] }] })]), fleet([flannel("a", { nodePools: [{ name: "p", instanceType: "ecs.g7.xlarge", taints: [{ key: "dedicated", effect: "NoSchedule" as never }] }] })]), "N3-label-syntax clusters[0].nodePools[0].taints"],
    ["N4 systemDiskSize: 1e15", fleet([flannel("a", { nodePools: [{ name: "p", instanceType: "ecs.g7.xlarge", systemDiskSize: 1e15 }] })]), fleet([flannel("a", { nodePools: [{ name: "p", instanceType: "ecs.g7.xlarge", systemDiskSize: 2048 }] })]), "N4-disk clusters[0].nodePools[0].systemDiskSize"],
    ["N5 expectedNodes: 10000000", fleet([terway("a", { expectedNodes: 10_000_000 })]), fleet([terway("a", { expectedNodes: 400 })]), "N5-size-range clusters[0].expectedNodes"],
    ["N5 nodes x pods beyond 2^32 (was a CidrError)", fleet([flannel("a", { expectedNodes: 5_000_000_000, cni: { plugin: "flannel" as never, podsPerNode: 256 } })]), fleet([flannel("a", { expectedNodes: 5000, cni: { plugin: "flannel" as never, podsPerNode: 256 } })]), "N5-size-range clusters[0].expectedNodes"],
    ["N5 expectedServices beyond a /16", fleet([flannel("a", { expectedServices: 5_000_000_000 })]), fleet([flannel("a", { expectedServices: 65536 })]), "N5-size-range clusters[0].expectedServices"],
    ["N6 duplicate zones (was a construct-name collision at synth)", fleet([terway("a", { zones: ["cn-hangzhou-i", "cn-hangzhou-i"] })]), fleet([terway("a", { zones: ["cn-hangzhou-i", "cn-hangzhou-j"] })]), "N6-zones clusters[0].zones[1]"],
  ];
  test.each(cases)("%s", (_name, fail, pass, expected) => {
    expect(check(fail)).toContain(expected);
    expect(check(pass)).toEqual([]);
  });

  test("N5 sizes only the vSwitches it carves: given node and pod vSwitch CIDRs are not sized (as AckNetwork)", () => {
    // 450 expected nodes x 64 pods in one zone: no carved /16 pod vSwitch holds them.
    const big = { expectedNodes: 450, expectedPodsPerNode: 210, zones: ["cn-hangzhou-i"] };
    expect(check(fleet([terway("a", big)]))).toContain("N5-size-range clusters[0].expectedNodes");
    // Found by the differential test: the same counts with the vSwitches given (AckNetwork with
    // nodeVSwitchCidrs/podVSwitchCidrs sizes nothing; the capacity rules judge the pools).
    const given = { ...big, vpc: { cidr: "172.16.0.0/16", nodeVSwitchCidrs: ["172.16.0.0/24"], podVSwitchCidrs: ["172.16.32.0/19"] } };
    expect(check(fleet([terway("a", given)]))).toEqual([]);
    // Pod vSwitches still carved: still sized.
    const nodesOnly = { ...big, vpc: { cidr: "172.16.0.0/16", nodeVSwitchCidrs: ["172.16.0.0/24"] } };
    expect(check(fleet([terway("a", nodesOnly)]))).toContain("N5-size-range clusters[0].expectedNodes");
  });
});
