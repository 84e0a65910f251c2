/**
 * Finds the spec line a planner finding is about. Planner paths name clusters
 * (`prod.nodePools[general].maxSize`, `prod.cni.podCidr`); they map to spec paths
 * (`clusters[0].nodePools[1].max`), falling back to `defaults` when the cluster inherits the
 * field, and to the deepest part of the path that the file has.
 */
import { SourceMap, SpecPath } from "./source-map";
import { FleetSpec } from "./spec-types";

/** Splits `a.b[c].d[2]` into segments: a, b, [c], d, [2]. */
function segments(path: string): Array<string | { key: string }> {
  const out: Array<string | { key: string }> = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) out.push(m[1] !== undefined ? m[1] : { key: m[2] });
  return out;
}

const FIELD_ALIASES: Record<string, string> = { maxSize: "max", minSize: "min", desiredSize: "size" };

export class PlanLocator {
  private readonly clusterIndex: Map<string, number>;

  constructor(private readonly spec: FleetSpec, private readonly source: SourceMap) {
    this.clusterIndex = new Map(spec.clusters.map((c, i) => [c.name, i]));
  }

  /** The line of a planner finding path, or undefined. */
  lineOf(path: string): number | undefined {
    const segs = segments(path);
    const head = segs[0];
    if (typeof head !== "string") return undefined;
    const keyOf = (s: string | { key: string } | undefined) => (s !== undefined && typeof s !== "string" ? s.key : undefined);
    const byName = (list: Array<{ name?: string }> | undefined, name: string | undefined) => (list ?? []).findIndex((x) => x.name === name);
    if (head === "hybridLinks" || head === "sharedVpcs" || head === "connections") {
      const list = (this.spec as unknown as Record<string, Array<{ name?: string }> | undefined>)[head];
      const key = keyOf(segs[1]);
      const idx = byName(list, key);
      if (idx >= 0) return this.source.lineOf([head, idx, ...segs.slice(2).filter((s): s is string => typeof s === "string")]);
      if (head === "sharedVpcs") {
        const user = this.spec.clusters.findIndex((c) => c.vpc?.shared === key);
        if (user >= 0) return this.source.lineOf(["clusters", user, "vpc", "shared"]);
      }
      return this.source.lineOf([head]);
    }
    const index = this.clusterIndex.get(head);
    if (index === undefined) return undefined;
    const cluster = this.spec.clusters[index];
    const rest: Array<string | number> = [];
    for (let i = 1; i < segs.length; i++) {
      const s = segs[i];
      if (typeof s !== "string") continue;
      if (s === "nodePools" || s === "edgeNodePools") {
        const key = keyOf(segs[i + 1]);
        const j = byName(cluster[s], key);
        const other = s === "nodePools" ? "edgeNodePools" : "nodePools";
        const k = byName(cluster[other], key);
        if (j >= 0) rest.push(s, j);
        else if (k >= 0) rest.push(other, k);
        else rest.push(s);
        i++;
      } else if (s === "nodeVSwitches" || s === "podVSwitches") {
        rest.push("vpc");
        break;
      } else rest.push(FIELD_ALIASES[s] ?? s);
    }
    const path1: SpecPath = ["clusters", index, ...rest];
    if (!this.source.has(path1) && rest.length > 0 && typeof rest[0] === "string" && rest[0] !== "nodePools" && rest[0] !== "edgeNodePools") {
      const inDefaults: SpecPath = ["defaults", ...rest];
      if (this.source.has(inDefaults)) return this.source.lineOf(inDefaults);
    }
    return this.source.lineOf(path1);
  }
}
