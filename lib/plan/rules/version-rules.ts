import { PlanContext, compareKubernetesVersions } from "../context";
import { Severity } from "../finding";
import { ClusterProfile, CniPlugin } from "../model";
import { RuleInfo, rule } from "../rule";

/**
 * Kubernetes version rules (section V). Sources (docs/ack-edge.md, "Kubernetes version"):
 * ACK-VERSIONS = "Support for Kubernetes versions"
 * https://www.alibabacloud.com/help/en/ack/product-overview/support-for-kubernetes-versions and the
 * ACK release notes of 1.34-1.36; TERWAY-EDGE-COMPONENT = https://help.aliyun.com/en/ack/product-overview/terway-edge.
 */

/** `x.y.z-aliyun.n` (ACK), or the older ACK Edge `x.y.z-aliyunedge.n`. */
export const KUBERNETES_VERSION_FORMAT = /^(\d+)\.(\d+)\.(\d+)-aliyun(edge)?\.(\d+)$/;

/**
 * The oldest Kubernetes minor ACK managed clusters can be created on, as read from ACK's
 * "Support for Kubernetes versions" page: ACK creates clusters on the three most recent minor
 * versions, and the newest documented are 1.36 (1.36.1-aliyun.1, June 2026), 1.35 (February 2026)
 * and 1.34 (September 2025). Support windows only move forward, so a version older than this is
 * refused however old this table gets; a newer minor than the table knows is accepted.
 */
export const OLDEST_CREATABLE_MINOR = "1.34";
/** The newest ACK managed-cluster version the docs list (ACK release notes for Kubernetes 1.36). */
export const LATEST_DOCUMENTED_VERSION = "1.36.1-aliyun.1";

/** One row of the terway-edge compatibility table. Bounds: from (inclusive), below (exclusive). */
export interface TerwayEdgeCompat {
  readonly addonFrom: string;
  readonly addonBelow?: string;
  readonly kubernetesFrom: string;
  readonly kubernetesBelow?: string;
  /** The row as the component page writes it. */
  readonly row: string;
}

/**
 * "Version compatibility" of the terway-edge component page: `> v1.13` -> `>= 1.32`;
 * `v1.9` -> `>= 1.30`; `v1.8` -> `>= 1.28 and < 1.32`. `> v1.13` is read as v1.14 and later;
 * v1.10 to v1.13 are not in the table, so nothing is checked for them.
 */
export const TERWAY_EDGE_COMPAT: readonly TerwayEdgeCompat[] = [
  { addonFrom: "1.14", kubernetesFrom: "1.32", row: "terway-edge > v1.13 needs Kubernetes >= 1.32" },
  { addonFrom: "1.9", addonBelow: "1.10", kubernetesFrom: "1.30", row: "terway-edge v1.9 needs Kubernetes >= 1.30" },
  { addonFrom: "1.8", addonBelow: "1.9", kubernetesFrom: "1.28", kubernetesBelow: "1.32", row: "terway-edge v1.8 needs Kubernetes >= 1.28 and < 1.32" },
];

export const VERSION_FORMAT = rule(
  "V1-kubernetes-version-format", Severity.ERROR, ["ACK-VERSIONS"],
  "The Kubernetes version is written x.y.z-aliyun.n (e.g. 1.36.1-aliyun.1).",
  "ACK versions follow `x.y.z-aliyun.n`: x.y.z is the upstream Kubernetes version and n the Alibaba Cloud patch (ACK \"Support for Kubernetes versions\", https://www.alibabacloud.com/help/en/ack/product-overview/support-for-kubernetes-versions). Older ACK Edge versions were written `x.y.z-aliyunedge.n` and are accepted. `1.36`, `v1.36.1` or `1.36.1` are rejected by CreateCluster; omit the version to get the latest one at creation.",
);
export const VERSION_CREATABLE = rule(
  "V2-kubernetes-version-creatable", Severity.ERROR, ["ACK-VERSIONS"],
  "ACK managed clusters are created on one of the three most recent Kubernetes minors (1.34 or later as of the docs read).",
  "ACK creates clusters only on the three most recent minor versions. The newest documented ones are 1.36 (release notes: 1.36.1-aliyun.1, June 2026), 1.35 (1.35.1/1.35.2/1.35.7-aliyun.1) and 1.34, so an older minor (e.g. 1.33.1-aliyun.1, end of support May 31, 2026) can't be created. The window only moves forward, so this stays true as the table ages; a minor newer than 1.36 is accepted. ACK Edge publishes its own versions (1.30.7-aliyun.1, 1.32.1-aliyun.1 and later per the edge-controller-manager page) and is not checked here.",
);
export const TERWAY_EDGE_ADDON_VERSION = rule(
  "I9-terway-edge-addon-version", Severity.ERROR, ["I-9"],
  "The terway-edge add-on version runs on the cluster's Kubernetes version.",
  "The terway-edge component page (https://help.aliyun.com/en/ack/product-overview/terway-edge) lists: terway-edge > v1.13 needs Kubernetes >= 1.32; v1.9 needs >= 1.30; v1.8 needs >= 1.28 and < 1.32. Checked when both the add-on version (`EdgeCni.terwayEdge({ addonVersion })`) and the Kubernetes version are given; versions outside the table (v1.10 to v1.13) are not checked. Without an add-on version ACK installs the one that matches the cluster.",
);

export const VERSION_RULES: RuleInfo[] = [VERSION_FORMAT, VERSION_CREATABLE, TERWAY_EDGE_ADDON_VERSION];

function inRange(v: string, from: string, below?: string): boolean {
  return compareKubernetesVersions(v, from) >= 0 && (below === undefined || compareKubernetesVersions(v, below) < 0);
}

/** The compatibility row of a terway-edge add-on version, if the table has one. */
export function terwayEdgeCompat(addonVersion: string): TerwayEdgeCompat | undefined {
  return TERWAY_EDGE_COMPAT.find((r) => inRange(addonVersion, r.addonFrom, r.addonBelow));
}

/** Section V checks (and the terway-edge add-on version) of one cluster. */
export function checkVersions(ctx: PlanContext): void {
  const { input } = ctx;
  const version = input.kubernetesVersion;
  if (version === undefined || ctx.isUnresolved("kubernetesVersion")) return;
  const m = KUBERNETES_VERSION_FORMAT.exec(version);
  if (!m) {
    ctx.report(VERSION_FORMAT, ctx.path("kubernetesVersion"),
      `"${version}" is not an ACK version; write it as x.y.z-aliyun.n, e.g. ${LATEST_DOCUMENTED_VERSION}, or omit it to get the latest version at creation.`);
    return;
  }
  const minor = `${m[1]}.${m[2]}`;
  if (input.profile === ClusterProfile.DEFAULT && compareKubernetesVersions(minor, OLDEST_CREATABLE_MINOR) < 0) {
    ctx.report(VERSION_CREATABLE, ctx.path("kubernetesVersion"),
      `Kubernetes ${version} is older than ${OLDEST_CREATABLE_MINOR}; ACK creates clusters only on the three most recent minors (${OLDEST_CREATABLE_MINOR} or later). Use e.g. ${LATEST_DOCUMENTED_VERSION}, or omit the version for the latest.`);
  }
  const addonVersion = input.cni.plugin === CniPlugin.TERWAY_EDGE ? input.cni.addonVersion : undefined;
  if (addonVersion === undefined || ctx.isUnresolved("cni.addonVersion")) return;
  const row = terwayEdgeCompat(addonVersion);
  if (row && !inRange(version, row.kubernetesFrom, row.kubernetesBelow)) {
    ctx.report(TERWAY_EDGE_ADDON_VERSION, ctx.path("cni.addonVersion"),
      `terway-edge ${addonVersion} does not run on Kubernetes ${version}: ${row.row}. Pick the add-on version for the cluster's Kubernetes version, or omit it and ACK installs a matching one.`);
  }
}
