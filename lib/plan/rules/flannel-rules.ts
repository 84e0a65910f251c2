import { PlanContext, plural } from "../context";
import { CapacityPlan, DEFAULT_ROUTE_TABLE_QUOTA, MAX_ROUTE_TABLE_QUOTA, podsPerNodeForMask } from "../capacity";
import { Severity } from "../finding";
import { ClusterProfile, CniPlugin, EniMode, IpStack } from "../model";
import { rule } from "../rule";

export const NODE_CIDR_MASK = rule(
  "D1-node-cidr-mask", Severity.ERROR, ["D-1", "D-2", "D-3", "G-3"],
  "The per-node pod block is /24 to /28 (256 down to 16 pods per node).",
  "The provider accepts `node_cidr_mask` 24..28. **Conflict in the sources** on the default (API 26, Terraform 24): this library always sets the mask, from `podsPerNode` (a power of two from 16 to 256; default 64, i.e. /26 as the API does). /24 is 256 pods per the Alibaba docs (Terraform's text says 255).",
);
export const FLANNEL_POD_PREFIX = rule(
  "D4-flannel-max-nodes", Severity.ERROR, ["D-4", "D-5"],
  "The Flannel pod CIDR has room for every node the pools can reach: 2^(node mask - pod prefix) >= nodes.",
  "Each node takes one /node-mask block of the pod CIDR, so the pod CIDR supports 2^(node_cidr_mask - pod_prefix) nodes (172.16.0.0/20 at 256 pods per node: 16 nodes). Both are fixed at creation, so a plan that doesn't fit fails now rather than when the 17th node can't join.",
);
export const FLANNEL_ROUTE_QUOTA = rule(
  "D6-flannel-route-quota", Severity.ERROR, ["D-6", "G-2"],
  "A Flannel cluster stays within the VPC route-table quota: one custom route per node (200 by default, 1,000 at most).",
  "Error above 1,000 nodes (the hard ceiling); a warning-level finding `D6-flannel-route-quota-default` is raised above the 200-entry default quota unless `routeTableQuota` says it was raised.",
);
export const FLANNEL_ROUTE_QUOTA_DEFAULT = rule(
  "D6-flannel-route-quota-default", Severity.WARNING, ["D-6"],
  "A Flannel cluster of more than 200 nodes needs the route-table quota raised.",
  "The default custom-route quota of a VPC route table is 200; raise it (up to 1,000) and say so with `routeTableQuota`.",
);
export const TERWAY_ONLY_FEATURE = rule(
  "D8-terway-only-feature", Severity.ERROR, ["D-8", "F-8", "F-9", "F-10", "F-11", "F-5", "I-1"],
  "NetworkPolicy, DataPath V2, Trunk ENI, IPvlan, exclusive ENI, pod vSwitches and dual stack are Terway features, not Flannel ones.",
  "Flannel supports none of them; asking for one would be silently ignored or rejected at apply.",
);
export const PODS_PER_NODE_CAP = rule(
  "G3-pods-per-node", Severity.ERROR, ["G-3", "I-10"],
  "Flannel and ACK Edge nodes run at most 256 pods.",
  "The per-node block of Flannel (and of ACK Edge nodes) is at most a /24; the limit can't be raised.",
);

/** Pods per node Flannel allows: the per-node block is /28 to /24 (D-1, G-3). */
export const FLANNEL_PODS_PER_NODE: readonly number[] = [16, 32, 64, 128, 256];

export const FLANNEL_RULES = [NODE_CIDR_MASK, FLANNEL_POD_PREFIX, FLANNEL_ROUTE_QUOTA, FLANNEL_ROUTE_QUOTA_DEFAULT, TERWAY_ONLY_FEATURE, PODS_PER_NODE_CAP];

/** Section D checks; they apply to Flannel clusters (and the edge side of ACK Edge). */
export function checkFlannel(ctx: PlanContext, capacity: CapacityPlan): void {
  const { input } = ctx;
  const { cni } = input;
  if (cni.plugin !== CniPlugin.FLANNEL) return;
  const features: string[] = [];
  if (cni.networkPolicy) features.push("networkPolicy");
  if (cni.dataPathV2) features.push("dataPathV2");
  if (cni.trunk) features.push("trunk ENI");
  if (cni.ipvlan) features.push("IPvlan");
  if (input.ipStack === IpStack.DUAL) features.push("dual stack (ipStack=dual)");
  if (input.podVSwitches.length > 0) features.push("pod vSwitches");
  for (const p of input.nodePools) if (p.eniMode === EniMode.EXCLUSIVE) features.push(`exclusive ENI (pool ${p.name})`);
  if (features.length > 0) {
    ctx.report(TERWAY_ONLY_FEATURE, ctx.path("cni"),
      `${features.join(", ")} ${features.length === 1 ? "is a Terway feature" : "are Terway features"}; Flannel supports none of them. Use Cni.terway(...) or drop ${features.length === 1 ? "it" : "them"}.`);
  }

  const asked = cni.podsPerNode;
  if (asked !== undefined && !ctx.isUnresolved("cni.podsPerNode") && !FLANNEL_PODS_PER_NODE.includes(asked)) {
    ctx.report(NODE_CIDR_MASK, ctx.path("cni.podsPerNode"),
      `Flannel pods per node ${asked} is not allowed; use 16, 32, 64, 128 or 256 (per-node block /28 to /24${asked > 256 ? "; 256 is Flannel's cap" : ""}). The value is never rounded.`);
    return;
  }
  const mask = cni.nodeCidrMask;
  if (mask === undefined) {
    if (!ctx.isUnresolved("cni.nodeCidrMask")) {
      ctx.report(NODE_CIDR_MASK, ctx.path("cni.nodeCidrMask"), "Flannel needs the per-node mask (podsPerNode 16..256).");
    }
    return;
  }
  if (!Number.isInteger(mask) || mask < 24 || mask > 28) {
    ctx.report(NODE_CIDR_MASK, ctx.path("cni.nodeCidrMask"),
      `node CIDR mask /${mask} is out of range; use /24..28, i.e. podsPerNode 256, 128, 64, 32 or 16.`);
    return;
  }
  const pod = ctx.cidr("cni.podCidr", cni.podCidr);
  if (pod && mask <= pod.prefix) {
    ctx.report(FLANNEL_POD_PREFIX, ctx.path("cni.podCidr"),
      `pod CIDR ${pod} is not larger than one node's /${mask} block; it would hold a single node. Use a pod CIDR with a prefix shorter than /${mask} (e.g. /16).`);
  } else if (pod) {
    const nodes = 2 ** (mask - pod.prefix);
    if (capacity.plannedMaxNodes > nodes) {
      const needPrefix = mask - Math.ceil(Math.log2(capacity.plannedMaxNodes));
      ctx.report(FLANNEL_POD_PREFIX, ctx.path("cni.podCidr"),
        `pod CIDR ${pod} at ${podsPerNodeForMask(mask)} pods per node (/${mask}) holds ${plural(nodes, "node")}, but the node pools can grow to ${capacity.plannedMaxNodes.toLocaleString("en-US")}; use a /${needPrefix} or larger pod CIDR, or fewer pods per node.`);
    }
  }
  if (input.profile === ClusterProfile.DEFAULT) {
    const planned = capacity.plannedMaxNodes;
    const quota = input.routeTableQuota ?? DEFAULT_ROUTE_TABLE_QUOTA;
    if (planned > MAX_ROUTE_TABLE_QUOTA) {
      ctx.report(FLANNEL_ROUTE_QUOTA, ctx.path("nodePools"),
        `the node pools can grow to ${planned.toLocaleString("en-US")} nodes; Flannel needs one VPC route entry per node and a route table holds at most 1,000. Use Terway for larger clusters.`);
    } else if (planned > quota) {
      ctx.report(quota >= DEFAULT_ROUTE_TABLE_QUOTA && input.routeTableQuota !== undefined ? FLANNEL_ROUTE_QUOTA : FLANNEL_ROUTE_QUOTA_DEFAULT, ctx.path("nodePools"),
        `the node pools can grow to ${planned.toLocaleString("en-US")} nodes but the route table quota is ${quota.toLocaleString("en-US")} entries (one per Flannel node); raise the quota (up to 1,000) and set routeTableQuota.`);
    }
  }
}
