import fc from "fast-check";
import { CarveResult, carve, carveNaive } from "../../lib/cidr";
import { carveScenarios } from "./arbitraries";

describe("carve properties", () => {
  it("agrees with carveNaive, and never returns overlapping, taken or out-of-pool blocks", () => {
    fc.assert(
      fc.property(carveScenarios, ({ pools, requests, taken }) => {
        const result = carve(pools, requests, taken);
        expect(carveNaive(pools, requests, taken)).toEqual(result);
        const { allocations, failures } = result;
        for (let i = 0; i < allocations.length; i++) {
          const a = allocations[i].cidr;
          expect(pools.some((p) => p.contains(a))).toBe(true);
          expect(taken.some((t) => t.overlaps(a))).toBe(false);
          for (let j = 0; j < i; j++) expect(allocations[j].cidr.overlaps(a)).toBe(false);
        }
        // every request is answered once, in order, with its own prefix and hold flag
        const answered = [...allocations.map((a) => a.id), ...failures.map((f) => f.id)].sort();
        expect(answered).toEqual(requests.map((r) => r.id).sort());
        const byId = new Map(requests.map((r) => [r.id, r]));
        for (const a of allocations) {
          expect(a.cidr.prefix).toBe(byId.get(a.id)?.prefix);
          expect(a.held).toBe(byId.get(a.id)?.hold === true);
        }
        for (const f of failures) expect(f.missingAddresses).toBeGreaterThanOrEqual(1n);
        const order = (ids: string[]): number[] => ids.map((id) => Number(id.slice(1)));
        const increasing = (xs: number[]): boolean => xs.every((x, k) => k === 0 || xs[k - 1] < x);
        expect(increasing(order(allocations.map((a) => a.id)))).toBe(true);
        expect(increasing(order(failures.map((f) => f.id)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("turning any request into a hold never moves the others", () => {
    const strip = (r: CarveResult, heldId: string) => ({
      allocations: r.allocations.map((a) => ({ id: a.id, cidr: a.cidr.toString(), held: a.id === heldId ? "?" : a.held })),
      failures: r.failures,
    });
    fc.assert(
      fc.property(
        carveScenarios.filter((s) => s.requests.length > 0),
        fc.nat(),
        ({ pools, requests, taken }, pick) => {
          const i = pick % requests.length;
          const held = requests.map((r, k) => (k === i ? { ...r, hold: true } : r));
          const heldId = requests[i].id;
          const before = carve(pools, requests, taken);
          const after = carve(pools, held, taken);
          expect(strip(after, heldId)).toEqual(strip(before, heldId));
          const slot = after.allocations.find((a) => a.id === heldId);
          if (slot !== undefined) expect(slot.held).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
