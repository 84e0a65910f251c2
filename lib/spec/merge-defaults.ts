/**
 * Applies `defaults` to a cluster: the cluster's own value wins; `cni`, `vpc` and `tags` merge
 * one level. CNI defaults only apply to fields of the plugin the cluster ends up with (a
 * Terway default such as `networkPolicy` does not leak into a Flannel cluster), and not at all
 * when the cluster picks a different plugin than the defaults do.
 */
import { CniPlugin } from "../plan/model";
import { FleetClusterSettings, FleetClusterSpec, FleetCniSpec, SpecClusterType } from "./spec-types";

type CniField = keyof FleetCniSpec;

/** CNI fields that belong to each plugin (besides `plugin`). */
export const CNI_FIELDS: Record<CniPlugin, readonly CniField[]> = {
  [CniPlugin.TERWAY]: ["mode", "networkPolicy", "dataPathV2", "trunk", "ipvlan"],
  [CniPlugin.FLANNEL]: ["podCidr", "podsPerNode", "edgeNodeCidrs"],
  [CniPlugin.TERWAY_EDGE]: ["edgePodCidr", "podsPerEdgeNode"],
};

/** The plugin a cluster ends up with: its own, the default's, or the type's default. */
export function resolvedPlugin(type: SpecClusterType, own?: FleetCniSpec, defaults?: FleetCniSpec): CniPlugin {
  return own?.plugin ?? defaults?.plugin ?? (type === SpecClusterType.ACK_EDGE ? CniPlugin.FLANNEL : CniPlugin.TERWAY);
}

function mergeCni(type: SpecClusterType, own?: FleetCniSpec, defaults?: FleetCniSpec): FleetCniSpec {
  const plugin = resolvedPlugin(type, own, defaults);
  const fromDefaults: { [k: string]: unknown } = {};
  if (defaults && (defaults.plugin === undefined || defaults.plugin === plugin)) {
    for (const k of CNI_FIELDS[plugin]) if (defaults[k] !== undefined) fromDefaults[k] = defaults[k];
  }
  return { ...(fromDefaults as FleetCniSpec), ...(own ?? {}), plugin };
}

/** The cluster with the defaults applied. */
export function applyDefaults(cluster: FleetClusterSpec, defaults: FleetClusterSettings | undefined): FleetClusterSpec {
  const d = defaults ?? {};
  const type = cluster.type ?? d.type ?? SpecClusterType.ACK;
  const merged: FleetClusterSpec = { ...d, ...cluster, type, cni: mergeCni(type, cluster.cni, d.cni) };
  const vpc = d.vpc || cluster.vpc ? { ...(d.vpc ?? {}), ...(cluster.vpc ?? {}) } : undefined;
  const tags = d.tags || cluster.tags ? { ...(d.tags ?? {}), ...(cluster.tags ?? {}) } : undefined;
  return { ...merged, vpc, tags };
}
