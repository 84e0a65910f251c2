/**
 * Property: adding or removing clusters anywhere in the spec never moves the ranges of the
 * others, through the lock file; and pools never hand out a range twice (removed clusters'
 * ranges stay held until pruned).
 */
import * as fc from "fast-check";
import { Cidr, findOverlaps } from "../../lib/cidr";
import { FleetLock } from "../../lib/plan/fleet/lock";
import { FleetClusterSpec } from "../../lib/spec/spec-types";
import { errors, flannel, fleet, planSpec, rangesByCluster, terway } from "./fixtures";

interface Template {
  readonly terway: boolean;
  readonly zones: number;
  readonly nodes: number;
  readonly shared: boolean;
}

const ZONES = ["cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k"];

const template = fc.record({
  terway: fc.boolean(),
  zones: fc.integer({ min: 1, max: 3 }),
  nodes: fc.integer({ min: 1, max: 150 }),
  shared: fc.boolean(),
});

/** Shared-VPC members are small Terway clusters: a shared VPC keeps the size it got first (see allocation.test.ts). */
function cluster(name: string, t: Template): FleetClusterSpec {
  if (t.shared) return { ...terway(name), expectedNodes: Math.min(t.nodes, 20), vpc: { shared: "core" } };
  const base = t.terway ? terway(name) : flannel(name);
  return { ...base, zones: ZONES.slice(0, t.zones), expectedNodes: t.nodes };
}

const spec = (clusters: FleetClusterSpec[]) => fleet(clusters, { sharedVpcs: [{ name: "core", prefix: 16 }] });

type Op = { kind: "add"; at: number; t: Template } | { kind: "remove"; at: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), at: fc.nat(), t: template }),
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
);

/** Pooled ranges (and held ones) must never overlap each other. */
function assertDisjoint(lock: FleetLock): void {
  const ranges: string[] = [];
  for (const c of Object.values(lock.clusters)) {
    for (const r of [c.vpc?.cidr, c.serviceCidr, c.podCidr, c.edgePodCidr]) if (r) ranges.push(r);
  }
  for (const n of Object.values(lock.sharedVpcs)) ranges.push(n.cidr);
  expect(findOverlaps(ranges.map((r) => Cidr.parse(r)))).toEqual([]);
}

describe("fleet allocation stability", () => {
  test("adding or removing clusters anywhere never moves the others (through the lock)", () => {
    fc.assert(
      fc.property(fc.array(template, { minLength: 1, maxLength: 6 }), fc.array(op, { minLength: 1, maxLength: 8 }), (initial, ops) => {
        let serial = 0;
        let clusters = initial.map((t) => cluster(`c${serial++}`, t));
        let plan = planSpec(spec(clusters));
        expect(errors(plan)).toEqual([]);
        let lock = plan.lock;
        for (const o of ops) {
          const before = rangesByCluster(plan);
          if (o.kind === "add") {
            const at = o.at % (clusters.length + 1);
            clusters = [...clusters.slice(0, at), cluster(`c${serial++}`, o.t), ...clusters.slice(at)];
          } else if (clusters.length > 1) {
            const at = o.at % clusters.length;
            clusters = clusters.filter((_, i) => i !== at);
          }
          plan = planSpec(spec(clusters), lock);
          expect(errors(plan)).toEqual([]);
          const after = rangesByCluster(plan);
          for (const name of Object.keys(after)) if (before[name]) expect(after[name]).toEqual(before[name]);
          lock = plan.lock;
          assertDisjoint(lock);
        }
      }),
      { numRuns: 60 },
    );
  });

  test("without a lock the allocation is deterministic (same spec, same ranges)", () => {
    fc.assert(
      fc.property(fc.array(template, { minLength: 1, maxLength: 8 }), (ts) => {
        const s = spec(ts.map((t, i) => cluster(`c${i}`, t)));
        expect(rangesByCluster(planSpec(s))).toEqual(rangesByCluster(planSpec(s)));
      }),
      { numRuns: 30 },
    );
  });

  test("without a lock, inserting a cluster first moves the others: that is what the lock is for", () => {
    const a = planSpec(fleet([flannel("a"), flannel("b")]));
    const b = planSpec(fleet([flannel("new"), flannel("a"), flannel("b")]));
    expect(rangesByCluster(b).a).not.toEqual(rangesByCluster(a).a);
    const locked = planSpec(fleet([flannel("new"), flannel("a"), flannel("b")]), a.lock);
    expect(rangesByCluster(locked).a).toEqual(rangesByCluster(a).a);
    expect(rangesByCluster(locked).b).toEqual(rangesByCluster(a).b);
  });
});
