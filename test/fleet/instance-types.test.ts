/**
 * Fleet specs and the instance-type table (issue 10 item 7): pod vSwitch sizing keeps the known
 * types' figure of a pool that also lists an unknown type, and the unknown type is an error
 * (E9-unknown-instance-type) unless the pool gives podsPerNode.
 */
import { normalizeSpec } from "../../lib/spec/normalize";
import { SourceMap } from "../../lib/spec/source-map";
import { FleetSpec } from "../../lib/spec/spec-types";
import { errors, fleet, planSpec, terway } from "./fixtures";

const mixed = (podsPerNode?: number): FleetSpec => fleet([terway("mix", {
  nodePools: [{ name: "general", instanceTypes: ["ecs.c7.4xlarge", "ecs.g8i.4xlarge"], min: 1, max: 10, podsPerNode }],
})]);

describe("fleet pools with types missing from the table", () => {
  test("pod vSwitches are sized from the known type of a mixed pool (210 pods, not the default 64)", () => {
    const n = normalizeSpec(mixed(), new SourceMap(undefined, undefined));
    expect(n.input.clusters[0].expectedPodsPerNode).toBe(210);
    const only = normalizeSpec(fleet([terway("new", { nodePools: [{ name: "g", instanceType: "ecs.g8i.4xlarge", min: 1, max: 10 }] })]), new SourceMap(undefined, undefined));
    expect(only.input.clusters[0].expectedPodsPerNode).toBe(64);
  });

  test("the unknown type is an error naming only it; podsPerNode clears it", () => {
    const bad = errors(planSpec(mixed()));
    expect(bad).toEqual([expect.stringMatching(/^E9-unknown-instance-type .*ecs\.g8i\.4xlarge not in the built-in ENI table/)]);
    expect(bad[0]).not.toMatch(/ecs\.c7\.4xlarge.*not in/);
    expect(errors(planSpec(mixed(100)))).toEqual([]);
  });

  test("extraInstanceTypes makes the type known to the fleet", () => {
    const spec: FleetSpec = { ...mixed(), extraInstanceTypes: [{ name: "ecs.g8i.4xlarge", vcpu: 16, memoryGiB: 64, eniQuantity: 8, privateIpsPerEni: 30, ipv6PerEni: 30 }] };
    expect(errors(planSpec(spec))).toEqual([]);
  });
});
