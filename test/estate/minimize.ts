/**
 * Structural shrinking of an estate on which the front-ends disagree: remove connections,
 * links, external CIDRs, node and edge pools, clusters (and VPCs left empty) one at a time,
 * keeping each removal that still shows a disagreement on one of the rules of the original one.
 * fast-check's own shrinking of `fc.gen()` values replays whole apps for little gain; this
 * gives the smallest estate worth reading in a few dozen syntheses.
 */
import { Estate } from "./estate-model";

/** Every estate with one thing less than `e`. */
export function smallerEstates(e: Estate): Estate[] {
  const out: Estate[] = [];
  e.connections.forEach((_, i) => out.push({ ...e, connections: e.connections.filter((__, j) => j !== i) }));
  e.connections.forEach((c, i) => {
    if (c.externalCidrs.length > 0) out.push({ ...e, connections: e.connections.map((x, j) => (j === i ? { ...x, externalCidrs: [] } : x)) });
    if (c.vpcs.length > 2) {
      c.vpcs.forEach((_, k) => out.push({ ...e, connections: e.connections.map((x, j) => (j === i ? { ...x, vpcs: x.vpcs.filter((__, m) => m !== k) } : x)) }));
    }
  });
  e.links.forEach((_, i) => out.push({ ...e, links: e.links.filter((__, j) => j !== i) }));
  e.links.forEach((l, i) => {
    if (l.dataCenterCidrs.length > 1) {
      l.dataCenterCidrs.forEach((_, k) => out.push({ ...e, links: e.links.map((x, j) => (j === i ? { ...x, dataCenterCidrs: x.dataCenterCidrs.filter((__, m) => m !== k) } : x)) }));
    }
  });
  e.clusters.forEach((c, i) => {
    const alone = !e.clusters.some((o, j) => j !== i && o.vpc === c.vpc);
    if (!alone) {
      out.push({ ...e, clusters: e.clusters.filter((__, j) => j !== i) });
    } else if (e.vpcs.length > 1) {
      // Drop the cluster and its VPC; links and connections of that VPC go too.
      const v = c.vpc;
      const shift = (x: number) => (x > v ? x - 1 : x);
      const connections = e.connections
        .map((x) => ({ ...x, vpcs: x.vpcs.filter((y) => y !== v).map(shift) }))
        .filter((x) => x.vpcs.length >= 2);
      out.push({
        ...e,
        vpcs: e.vpcs.filter((__, j) => j !== v),
        clusters: e.clusters.filter((__, j) => j !== i).map((x) => ({ ...x, vpc: shift(x.vpc) })),
        links: e.links.filter((l) => l.vpc !== v).map((l) => ({ ...l, vpc: shift(l.vpc) })),
        connections,
      });
    }
    c.pools.forEach((_, k) => out.push({ ...e, clusters: e.clusters.map((x, j) => (j === i ? { ...x, pools: x.pools.filter((__, m) => m !== k) } : x)) }));
    c.edgePools.forEach((_, k) => out.push({ ...e, clusters: e.clusters.map((x, j) => (j === i ? { ...x, edgePools: x.edgePools.filter((__, m) => m !== k) } : x)) }));
  });
  if (e.stacks === "per-vpc") out.push({ ...e, stacks: "single" });
  return out;
}

/**
 * Greedy minimization: `disagrees` returns the rule ids the front-ends disagree on (empty when
 * they agree). A smaller estate is kept when it still disagrees on one of the original rules.
 * Stops after `budgetMs`.
 */
export function minimizeEstate(e: Estate, disagrees: (x: Estate) => string[], budgetMs: number): Estate {
  const target = new Set(disagrees(e));
  const deadline = Date.now() + budgetMs;
  let current = e;
  let progress = true;
  while (progress && Date.now() < deadline) {
    progress = false;
    for (const candidate of smallerEstates(current)) {
      if (Date.now() >= deadline) break;
      let rules: string[];
      try {
        rules = disagrees(candidate);
      } catch {
        continue;
      }
      if (rules.some((r) => target.has(r))) {
        current = candidate;
        progress = true;
        break;
      }
    }
  }
  return current;
}
