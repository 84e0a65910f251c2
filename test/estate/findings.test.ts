/**
 * The normalization the differential test compares by: values of a message, finding lines,
 * the multiset difference. If these were too lenient the differential test could not fail.
 */
import { diffFindings, isFrontEndOnly, messageValues, parseFindingLine } from "./findings";

describe("messageValues", () => {
  it("takes CIDRs, addresses, versions, prefix lengths, grouped numbers and percentages; no digits inside names", () => {
    expect(messageValues("node vSwitch node-cn-hangzhou-i 192.168.0.0/24 (cn-hangzhou-i) has 252 usable addresses but the pools can grow to 1,024 nodes; use a /23"))
      .toEqual(["/23", "1024", "192.168.0.0/24", "252"].sort());
    expect(messageValues("ecs.c7.4xlarge gives (2-1) x 6 = 6 pods; 300 / 252  119.0%; peer 10.254.0.2; version 1.26.3-aliyun.1"))
      .toEqual(["1.26.3-aliyun.1", "10.254.0.2", "119.0%", "2", "252", "300", "6", "6", "1"].sort());
  });
  it("tells different values apart", () => {
    expect(messageValues("VPC 10.0.0.0/16")).not.toEqual(messageValues("VPC 10.1.0.0/16"));
    expect(messageValues("grow to 400 nodes")).not.toEqual(messageValues("grow to 300 nodes"));
  });
});

describe("parseFindingLine", () => {
  it("reads severity, rule, path and a multi-line message", () => {
    const f = parseFindingLine("info I7-hybrid-routes [I-7, C-6, J-9] link-a.routes: routes:\n  vbr 10.0.0.0/16 -> data-center (bgp)\n  vpc 10.0.0.0/16 -> vbr (static)");
    expect(f).toMatchObject({ severity: "info", ruleId: "I7-hybrid-routes", path: "link-a.routes", values: ["10.0.0.0/16", "10.0.0.0/16"] });
  });
  it("ignores what is not a finding (the capacity plan annotation)", () => {
    expect(parseFindingLine("Capacity plan for dev (flannel)\n  max nodes: 200")).toBeUndefined();
  });
});

describe("diffFindings", () => {
  const f = (line: string) => parseFindingLine(line) as NonNullable<ReturnType<typeof parseFindingLine>>;
  it("is a multiset difference: a finding reported twice on one side and once on the other differs", () => {
    const a = f("error C3-other-cluster-overlap bravo.cni.podCidr: pod CIDR 10.8.0.0/16 overlaps alpha pods 10.8.0.0/16");
    const d = diffFindings([a], [a, a]);
    expect(d.onlySpec).toEqual([]);
    expect(d.onlyConstructs).toHaveLength(1);
  });
  it("ignores path prefixes but keeps the cluster a finding belongs to", () => {
    const spec = f("error C6-data-center-overlap hybridLinks[idc].x: VPC 10.0.0.0/16 overlaps 10.0.0.0/16");
    const app = f("error C6-data-center-overlap idc.x: VPC 10.0.0.0/16 overlaps 10.0.0.0/16");
    expect(diffFindings([spec], [app])).toEqual({ onlySpec: [], onlyConstructs: [] });
    const onAlpha = f("error C2-service-overlap alpha.serviceCidr: 172.21.0.0/20 overlaps 172.21.0.0/16");
    const onBravo = f("error C2-service-overlap bravo.serviceCidr: 172.21.0.0/20 overlaps 172.21.0.0/16");
    expect(diffFindings([onAlpha], [onBravo], new Set(["alpha", "bravo"])).onlySpec).toHaveLength(1);
  });
  it("excludes only the rules that exist in one front-end by nature", () => {
    expect(["L2-lock-outdated", "L3-lock-invalid", "S0-spec-syntax", "K1-cni-changed"].every(isFrontEndOnly)).toBe(true);
    expect(["S1-spec-schema", "P2-pool-missing", "T0-unresolved-token", "C6-data-center-overlap"].some(isFrontEndOnly)).toBe(false);
  });
});
