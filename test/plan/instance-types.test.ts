/**
 * The built-in instance-type table (lib/plan/instance-types-data.ts, docs/instance-types.md):
 * its sanity, the seed figures, and the "did you mean" for near misses (rule E-9).
 */
import {
  builtinInstanceTypes, exclusiveEniPodsPerNode, findInstanceType, instanceFamilyOf, isKnownInstanceFamily, sharedEniPodsPerNode,
  suggestInstanceTypes,
} from "../../lib/plan";
import { INSTANCE_FAMILIES, INSTANCE_FAMILIES_SOURCE } from "../../lib/plan/instance-types-data";

const isPositiveInt = (n: number): boolean => Number.isInteger(n) && n > 0;

describe("built-in instance-type table", () => {
  const all = builtinInstanceTypes();

  test("every entry has a source line, positive whole figures and a unique name", () => {
    expect(all.length).toBeGreaterThan(400);
    const bad = all.filter((t) => !t.source.startsWith(`${INSTANCE_FAMILIES_SOURCE}?plain=1#L`)
      || !isPositiveInt(t.vcpu) || !(t.memoryGiB > 0) || !isPositiveInt(t.eniQuantity) || !isPositiveInt(t.privateIpsPerEni)
      || (t.ipv6PerEni !== undefined && (!Number.isInteger(t.ipv6PerEni) || t.ipv6PerEni > t.privateIpsPerEni)));
    expect(bad.map((t) => t.name)).toEqual([]);
    const names = all.map((t) => t.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  test("every type sits in the family its name says, and every family table has a distinct source line", () => {
    expect(all.filter((t) => !/^ecs\.[a-z0-9-]+\.[0-9a-z]+$/.test(t.name) || instanceFamilyOf(t.name) !== t.family).map((t) => t.name)).toEqual([]);
    const lines = INSTANCE_FAMILIES.map((f) => f.line);
    expect(new Set(lines).size).toBe(lines.length);
    expect(INSTANCE_FAMILIES.every((f) => f.types.length > 0 && f.section.length > 0)).toBe(true);
  });

  test("covers the enterprise x86, shared, bare-metal, SCC, GPU and FPGA families of the page", () => {
    const categories = new Set(INSTANCE_FAMILIES.map((f) => f.category));
    expect([...categories].sort()).toEqual(["bare-metal", "fpga", "gpu", "gpu-bare-metal", "scc", "shared", "x86-enterprise"]);
    for (const fam of ["g7", "c7", "r7", "g6", "c6", "r6", "g6e", "c6e", "r6e", "hfc7", "hfg7", "hfr7", "g7ne", "i3", "d2s", "t6", "ebmc6", "ebmg6", "ebmr6", "gn6i", "gn6v", "sccgn6"]) {
      expect([fam, isKnownInstanceFamily(`ecs.${fam}.x`)]).toEqual([fam, true]);
    }
  });

  test("seed figures: c7.4xlarge gives 210 shared-ENI / 7 exclusive-ENI pods, c6.4xlarge 140", () => {
    const c7 = findInstanceType("ecs.c7.4xlarge")!;
    expect([c7.vcpu, c7.memoryGiB, c7.eniQuantity, c7.privateIpsPerEni]).toEqual([16, 32, 8, 30]);
    expect(sharedEniPodsPerNode(c7)).toBe(210);
    expect(exclusiveEniPodsPerNode(c7)).toBe(7);
    const c6 = findInstanceType("ecs.c6.4xlarge")!;
    expect(sharedEniPodsPerNode(c6)).toBe(140);
    expect(sharedEniPodsPerNode(findInstanceType("ecs.g7.4xlarge")!)).toBe(210);
  });

  test("keeps every row of the earlier table (reference table E-T: c/g/r 6 and 7)", () => {
    const gen7: Array<[string, number, number]> = [["large", 3, 6], ["xlarge", 4, 15], ["2xlarge", 4, 15], ["3xlarge", 8, 15], ["4xlarge", 8, 30], ["6xlarge", 8, 30], ["8xlarge", 8, 30], ["16xlarge", 8, 30], ["32xlarge", 15, 30]];
    const gen6: Array<[string, number, number]> = [["large", 2, 6], ["xlarge", 3, 10], ["2xlarge", 4, 10], ["3xlarge", 6, 10], ["4xlarge", 8, 20], ["6xlarge", 8, 20], ["8xlarge", 8, 20], ["13xlarge", 7, 20], ["26xlarge", 15, 20]];
    for (const [gen, rows] of [["7", gen7], ["6", gen6]] as const) {
      for (const letter of ["c", "g", "r"]) {
        for (const [size, enis, ips] of rows) {
          const t = findInstanceType(`ecs.${letter}${gen}.${size}`);
          expect([t?.name, t?.eniQuantity, t?.privateIpsPerEni]).toEqual([`ecs.${letter}${gen}.${size}`, enis, ips]);
        }
      }
    }
  });

  test("a user-given type takes precedence over the built-in one", () => {
    const mine = { name: "ecs.c7.4xlarge", vcpu: 16, memoryGiB: 32, eniQuantity: 8, privateIpsPerEni: 30, ipv6PerEni: 30 };
    expect(findInstanceType("ecs.c7.4xlarge", [mine])).toBe(mine);
    expect(findInstanceType("ecs.g8i.4xlarge")).toBeUndefined();
  });
});

describe("did you mean (E-9)", () => {
  test("a near miss of a known family's type gets the closest names", () => {
    expect(suggestInstanceTypes("ecs.c7.4xlarg")).toEqual(["ecs.c7.4xlarge"]);
    expect(suggestInstanceTypes("ECS.C7.4XLARGE")).toEqual(["ecs.c7.4xlarge"]);
    expect(suggestInstanceTypes("ecs.c6.13xlarg")).toEqual(["ecs.c6.13xlarge"]);
  });

  test("a name without the ecs. prefix gets the prefixed one", () => {
    expect(suggestInstanceTypes("c7.4xlarge")).toEqual(["ecs.c7.4xlarge"]);
    expect(instanceFamilyOf("c7.4xlarge")).toBe("");
    expect(instanceFamilyOf("ecs.gn6i-c4g1.xlarge")).toBe("gn6i");
  });

  test("a known name, or a family the table lacks, gets none", () => {
    expect(suggestInstanceTypes("ecs.c7.4xlarge")).toEqual([]);
    for (const n of ["ecs.g8i.4xlarge", "ecs.c8y.large", "ecs.ebmg7.32xlarge"]) {
      expect([n, isKnownInstanceFamily(n), suggestInstanceTypes(n)]).toEqual([n, false, []]);
    }
  });

  test("user-given types are suggested too", () => {
    const mine = { name: "ecs.g8i.4xlarge", vcpu: 16, memoryGiB: 64, eniQuantity: 8, privateIpsPerEni: 30 };
    expect(suggestInstanceTypes("ecs.g8i.4xlarg", [mine])).toEqual(["ecs.g8i.4xlarge"]);
  });
});
