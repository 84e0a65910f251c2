/**
 * Rule E9-unknown-instance-type and the pods-per-node figure of pools with unknown types,
 * through the full `app.synth()` (issue 10 item 7): an unknown type is an error unless the pool
 * gives `podsPerNode` or the cluster an `extraInstanceTypes` entry; a pool that mixes known and
 * unknown types keeps the known figure.
 */
import { AckCluster } from "../../lib";
import { Scenario, TERWAY_BASE, buildScenario, withBase } from "../helpers/scenarios";
import { synthApp } from "../helpers/synth";

const E9 = "E9-unknown-instance-type";

function run(s: Scenario): { error?: string; warnings: string[]; cluster: AckCluster } {
  let cluster: AckCluster | undefined;
  const out = synthApp((app) => { cluster = buildScenario(app, withBase(TERWAY_BASE, s)); });
  return { error: out.error, warnings: out.warnings, cluster: cluster! };
}

const pool = (instanceTypes: string[], extra: { podsPerNode?: number; exclusiveEni?: boolean } = {}): Scenario =>
  ({ pools: [["general", { instanceTypes, minSize: 2, maxSize: 6, ...extra }]] });

describe("E9-unknown-instance-type through app.synth()", () => {
  test("a typo is an error with a did-you-mean; the spelled-out name passes", () => {
    const bad = run(pool(["ecs.c7.4xlarg"]));
    expect(bad.error).toContain(E9);
    expect(bad.error).toMatch(/ecs\.c7\.4xlarg not in the built-in ENI table \(did you mean ecs\.c7\.4xlarge\?\)/);
    const good = run(pool(["ecs.c7.4xlarge"]));
    expect(good.error).toBeUndefined();
    expect(good.cluster.capacityPlan.pools[0].podsPerNode).toBe(210);
    const unprefixed = run(pool(["c7.4xlarge"]));
    expect(unprefixed.error).toMatch(/c7\.4xlarge not in the built-in ENI table \(did you mean ecs\.c7\.4xlarge\?\); give podsPerNode/);
  });

  test.each(["ecs.g8i.4xlarge", "ecs.c8y.large", "ecs.ebmg7.32xlarge"])("%s is an error naming the missing family; podsPerNode makes it pass", (name) => {
    const bad = run(pool([name]));
    expect(bad.error).toContain(E9);
    expect(bad.error).toContain(`${name} not in the built-in ENI table (the table has no ${name.split(".")[1]} family`);
    expect(bad.cluster.capacityPlan.pools[0].podsPerNode).toBeUndefined();
    const good = run(pool([name], { podsPerNode: 100 }));
    expect(good.error).toBeUndefined();
    expect(good.warnings.filter((w) => w.includes(E9))).toEqual([]);
    expect(good.cluster.capacityPlan.pools[0].podsPerNode).toBe(100);
  });

  test("an extraInstanceTypes entry makes the type known, and its figures count", () => {
    const g8i = { name: "ecs.g8i.4xlarge", vcpu: 16, memoryGiB: 64, eniQuantity: 8, privateIpsPerEni: 30 };
    const good = run({ ...pool(["ecs.g8i.4xlarge"]), cluster: { extraInstanceTypes: [g8i] } });
    expect(good.error).toBeUndefined();
    expect(good.cluster.capacityPlan.pools[0].podsPerNode).toBe(210);
    const small = run({ ...pool(["ecs.g8i.4xlarge"]), cluster: { extraInstanceTypes: [{ ...g8i, eniQuantity: 2, privateIpsPerEni: 6 }] } });
    expect(small.error).toContain("E2-shared-eni-quota");
    expect(small.error).not.toContain(E9);
  });

  test("a pool mixing a known and an unknown type keeps the known figure and names only the unknown type", () => {
    const mixed = run(pool(["ecs.c7.4xlarge", "ecs.g8i.4xlarge"]));
    expect(mixed.error).toContain(E9);
    expect(mixed.error).toMatch(/ecs\.g8i\.4xlarge not in the built-in ENI table/);
    expect(mixed.error).not.toMatch(/ecs\.c7\.4xlarge(, ecs\.g8i\.4xlarge)? not in/);
    const p = mixed.cluster.capacityPlan.pools[0];
    expect(p.podsPerNode).toBe(210);
    expect(p.basis).toBe("ecs.c7.4xlarge shared ENI (8-1)x30; ecs.g8i.4xlarge not in the instance-type table");
    expect(mixed.cluster.capacityPlan.podIpsNeeded).toBe(6 * 210);
  });

  test("with podsPerNode, a mixed pool takes the smaller of the known figure and the given one", () => {
    const capped = run(pool(["ecs.c7.4xlarge", "ecs.g8i.4xlarge"], { podsPerNode: 100 }));
    expect(capped.error).toBeUndefined();
    expect(capped.cluster.capacityPlan.pools[0].podsPerNode).toBe(100);
    const above = run(pool(["ecs.c7.4xlarge", "ecs.g8i.4xlarge"], { podsPerNode: 300 }));
    expect(above.error).toBeUndefined();
    expect(above.cluster.capacityPlan.pools[0]).toMatchObject({ podsPerNode: 210, basis: "ecs.c7.4xlarge shared ENI (8-1)x30; ecs.g8i.4xlarge: 300 given per pool" });
  });

  test("the known type of a mixed pool is still held to the more-than-11-pods rule (E2)", () => {
    const bad = run({ ...pool(["ecs.c6.large", "ecs.g8i.4xlarge"], { podsPerNode: 100 }) });
    expect(bad.error).toContain("E2-shared-eni-quota");
    expect(bad.error).toMatch(/ecs\.c6\.large gives \(2-1\) x 6 = 6 pods/);
    expect(bad.cluster.capacityPlan.pools[0].podsPerNode).toBe(6);
    const good = run({ ...pool(["ecs.c7.large", "ecs.g8i.4xlarge"], { podsPerNode: 100 }) });
    expect(good.error).toBeUndefined();
    expect(good.cluster.capacityPlan.pools[0].podsPerNode).toBe(12);
  });

  test("exclusive ENI: a family of the table counts ENIs - 1 (ecs.ebmg6.26xlarge), an unknown one is an error", () => {
    const known = run(pool(["ecs.ebmg6.26xlarge"], { exclusiveEni: true }));
    expect(known.error).toBeUndefined();
    expect(known.cluster.capacityPlan.pools[0].podsPerNode).toBe(31);
    const unknown = run(pool(["ecs.ebmg7.32xlarge"], { exclusiveEni: true }));
    expect(unknown.error).toContain(E9);
  });
});
