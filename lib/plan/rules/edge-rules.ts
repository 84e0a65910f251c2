import { PlanContext, compareKubernetesVersions, plural } from "../context";
import { CapacityPlan, FLANNEL_MAX_PODS_PER_NODE, maskForPodsPerNode } from "../capacity";
import { Severity } from "../finding";
import { ClusterProfile, CniPlugin, NodePoolKind } from "../model";
import { RuleInfo, rule } from "../rule";

/** Section I rules about one ACK Edge cluster. Hybrid-link rules are in hybrid-rules.ts. */

export const EDGE_CNI = rule(
  "I1-edge-cni", Severity.ERROR, ["I-1", "I-3"],
  "ACK Edge clusters use Flannel or Terway Edge; Terway Edge exists only in ACK Edge.",
  "ACK Edge offers two CNIs, chosen at creation and never switchable: Flannel (VXLAN overlay, the default) and Terway Edge (Terway on cloud pools, Flannel route mode on edge pools). Plain Terway is not an ACK Edge CNI, and Terway Edge is not available in ACK managed clusters.",
);
export const FLANNEL_VXLAN_PORT = rule(
  "I2-flannel-vxlan-port", Severity.WARNING, ["I-2"],
  "With Flannel, UDP 8472 (VXLAN) is open between cloud and edge nodes.",
  "Flannel's VXLAN overlay carries cloud-edge pod traffic on UDP 8472; blocking it breaks pod networking silently. The AckEdgeCluster's security group opens UDP 8472 from the VPC, from the data-centre CIDRs of every HybridLink in the network and from `edgeNodeCidrs`. Warns when edge pools exist but no edge-side range is known, so only the VPC is open.",
);
export const EDGE_POD_CIDR = rule(
  "I4-edge-pod-cidr", Severity.ERROR, ["I-4"],
  "Terway Edge has an edge pod CIDR.",
  "Terway Edge needs both pod vSwitches (cloud pools) and an edge container CIDR, split evenly per edge node. It is fixed at creation.",
);
export const EDGE_PODS_PER_NODE = rule(
  "I4-edge-pods-per-node", Severity.ERROR, ["I-4", "D-1", "G-3"],
  "Pods per edge node is a power of two from 16 to 256 (per-node mask /28 to /24).",
  "The edge pod CIDR is cut into one block per edge node (`node_cidr_mask`, 24..28 in the provider); ACK Edge allows at most 256 pods per node (I-10).",
);
export const EDGE_POD_CAPACITY = rule(
  "I4-edge-pod-capacity", Severity.ERROR, ["I-4", "D-4"],
  "The edge pod CIDR has a block for every edge node the edge pools can reach: 2^(edge mask - edge prefix) >= edge nodes.",
  "Each edge node takes one per-node block of the edge pod CIDR; both are fixed at creation, so a plan that doesn't fit fails now instead of when the next edge node can't get a pod block (10.0.0.0/16 at 128 pods per node: 512 edge nodes).",
);
export const TERWAY_EDGE_LINK = rule(
  "I6-terway-edge-hybrid-link", Severity.ERROR, ["I-6", "I-7"],
  "A Terway Edge cluster's VPC is joined to the data centre by a HybridLink.",
  "Terway Edge is underlay: cloud-edge pod traffic is routed, not tunnelled, so it needs an Express Connect circuit, a VBR with routes for the edge pod CIDR, and BGP toward the data-centre gateway. Create a HybridLink on the cluster's network.",
);
export const TERWAY_EDGE_PRIVATE = rule(
  "I6-terway-edge-private-interconnect", Severity.ERROR, ["I-6", "I-11"],
  "Terway Edge edge pools use the private interconnect mode.",
  "Terway Edge needs a leased line between the nodes and the VPC; an edge pool reaching the cloud over the Internet (`basic`) can't route its pods. Use EdgeInterconnect.PRIVATE, or Flannel for Internet-connected edge nodes.",
);
export const TERWAY_EDGE_VERSION = rule(
  "I9-terway-edge-version", Severity.ERROR, ["I-9"],
  "Terway Edge runs on Kubernetes 1.28 or later.",
  "The terway-edge component page (https://help.aliyun.com/en/ack/product-overview/terway-edge) says \"Only ACK Edge clusters running Kubernetes 1.28 or later are supported\", and the Terway Edge on-premises guide requires 1.28 too; applied to every Terway Edge cluster. The add-on version's own range is I9-terway-edge-addon-version.",
);
export const EDGE_CLOUD_PODS_PER_NODE = rule(
  "I10-edge-pods-per-node", Severity.WARNING, ["I-10"],
  "Nodes of an ACK Edge cluster run at most 256 pods.",
  "ACK Edge caps pods per node at 256. A Terway cloud pool whose ENIs give more is capped by ACK; the capacity plan still counts the ENI figure, so its pod-address demand is overstated.",
);
export const EDGE_POOL_INTERCONNECT = rule(
  "I11-edge-pool-interconnect", Severity.ERROR, ["I-11", "I-12"],
  "An edge pool created by Terraform asks for neither private interconnect nor intranet.",
  "CreateClusterNodePool takes `interconnect_mode` (basic/private) and `intranet` for `type = edge` pools, but `alicloud_cs_kubernetes_node_pool` has neither argument (provider 1.289.0 `resource_alicloud_cs_kubernetes_node_pool.go` sends only `nodepool_info.name/type/resource_group_id`; nor has the provider source of 2026-08-21, commit 81c43b67). Terraform would create the pool with the API default (basic), a different pool from the one asked for; a Terway Edge pool on `basic` can't route its pods (I6-terway-edge-private-interconnect). So the combination is an error: create such a pool outside Terraform (`createdOutsideTerraform: true`: the plan still counts it; info I13-edge-pool-outside-terraform gives the CreateClusterNodePool body) or use `basic` (Flannel).",
);
export const EDGE_POOL_OUTSIDE_TERRAFORM = rule(
  "I13-edge-pool-outside-terraform", Severity.INFO, ["I-11", "I-12"],
  "An edge pool marked createdOutsideTerraform is planned here and created with the ACK console or CreateClusterNodePool.",
  "Such a pool emits no `alicloud_cs_kubernetes_node_pool`; it still sizes the edge pod CIDR (I4-edge-pod-capacity) and the cluster (I10-edge-cluster-size). The finding gives the CreateClusterNodePool request body (`nodepool_info.type = edge`, `interconnect_mode`, `intranet`) to run after `terraform apply` (e.g. `aliyun cs POST /clusters/<cluster id>/nodepools --body ...`).",
);
export const EDGE_CLUSTER_SPEC = rule(
  "I12-edge-cluster-spec", Severity.ERROR, ["I-12", "I-10"],
  "An ACK Edge cluster is Basic (ack.standard) or Pro (ack.pro.small).",
  "ACK Edge offers the Basic and Pro editions (`cluster_spec` ack.standard / ack.pro.small); the provisioned control-plane tiers (ack.pro.xlarge and up) are ACK managed-cluster options.",
);

export const EDGE_RULES: RuleInfo[] = [
  EDGE_CNI, FLANNEL_VXLAN_PORT, EDGE_POD_CIDR, EDGE_PODS_PER_NODE, EDGE_POD_CAPACITY, TERWAY_EDGE_LINK, TERWAY_EDGE_PRIVATE,
  TERWAY_EDGE_VERSION, EDGE_CLOUD_PODS_PER_NODE, EDGE_POOL_INTERCONNECT, EDGE_POOL_OUTSIDE_TERRAFORM, EDGE_CLUSTER_SPEC,
];

/** Terway Edge needs Kubernetes 1.28 or later (I-9). */
export const TERWAY_EDGE_MIN_VERSION = "1.28";
const EDGE_SPECS = ["ack.standard", "ack.pro.small"];

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
}

/** Section I checks of one cluster (run for every cluster; most apply to the Edge profile only). */
export function checkEdge(ctx: PlanContext, capacity: CapacityPlan): void {
  const { input } = ctx;
  const { cni } = input;
  const edge = input.profile === ClusterProfile.EDGE;
  const terwayEdge = cni.plugin === CniPlugin.TERWAY_EDGE;

  if (edge && cni.plugin === CniPlugin.TERWAY) {
    ctx.report(EDGE_CNI, ctx.path("cni"), "plain Terway is not an ACK Edge network plugin; use Terway Edge (EdgeCni.terwayEdge) or Flannel (EdgeCni.flannel).");
  }
  if (!edge && terwayEdge) {
    ctx.report(EDGE_CNI, ctx.path("cni"), "Terway Edge exists only in ACK Edge clusters (profile Edge); use Terway for an ACK managed cluster.");
  }
  if (!edge) return;

  if (!EDGE_SPECS.includes(input.clusterSpec)) {
    ctx.report(EDGE_CLUSTER_SPEC, ctx.path("clusterSpec"), `cluster spec ${input.clusterSpec} is not an ACK Edge edition; use ClusterSpec.BASIC (ack.standard) or ClusterSpec.PRO_SMALL (ack.pro.small).`);
  }

  const edgePools = input.nodePools.filter((p) => p.kind === NodePoolKind.EDGE);
  const edgeMax = edgePools.reduce((s, p) => s + p.maxNodes, 0);
  const networks = new Map((input.edgePoolNetworks ?? []).map((n) => [n.name, n]));

  for (const p of edgePools) {
    const n = networks.get(p.name);
    if (!n) continue;
    if (terwayEdge && !n.privateInterconnect) {
      ctx.report(TERWAY_EDGE_PRIVATE, ctx.path(`nodePools[${p.name}].interconnect`),
        `edge pool ${p.name} reaches the cloud over the Internet (basic interconnect); Terway Edge routes pods over a leased line. Use EdgeInterconnect.PRIVATE, or Flannel.`);
    }
    if (n.createdOutsideTerraform) {
      const body = JSON.stringify({ nodepool_info: { name: p.name, type: "edge" }, interconnect_mode: n.privateInterconnect ? "private" : "basic", intranet: n.intranet });
      ctx.report(EDGE_POOL_OUTSIDE_TERRAFORM, ctx.path(`nodePools[${p.name}]`),
        `edge pool ${p.name} is planned here but not created by Terraform; after apply, create it with the ACK console or CreateClusterNodePool (POST /clusters/<cluster id>/nodepools) and body ${body}.`);
    } else if (n.privateInterconnect || n.intranet) {
      const asked = [n.privateInterconnect ? "interconnect_mode = private" : "", n.intranet ? "intranet = true" : ""].filter(Boolean).join(" and ");
      ctx.report(EDGE_POOL_INTERCONNECT, ctx.path(`nodePools[${p.name}].interconnect`),
        `edge pool ${p.name} asks for ${asked}, which alicloud_cs_kubernetes_node_pool (provider 1.289.0) can't set: Terraform would create a basic pool${terwayEdge ? " on which Terway Edge can't route pods" : ""}. Mark the pool createdOutsideTerraform (it stays in the plan; create it with the ACK console or CreateClusterNodePool), or use basic interconnect${terwayEdge ? " with Flannel" : ""}.`);
    }
  }

  if (cni.plugin === CniPlugin.FLANNEL && edgePools.length > 0 && (input.vxlanPeerCidrs ?? []).length === 0) {
    ctx.report(FLANNEL_VXLAN_PORT, ctx.path("securityGroup"),
      `UDP 8472 (VXLAN) is opened only from VPC ${input.vpc.cidr ?? input.vpc.name}; the addresses of the edge nodes of ${edgePools.map((p) => p.name).join(", ")} are unknown. Give EdgeCni.flannel({ edgeNodeCidrs }) or a HybridLink with their data-centre CIDRs, and never block UDP 8472 between cloud and edge nodes.`);
  }

  for (const pool of capacity.pools) {
    if (pool.kind === NodePoolKind.CLOUD && pool.podsPerNode !== undefined && pool.podsPerNode > FLANNEL_MAX_PODS_PER_NODE && cni.plugin !== CniPlugin.FLANNEL) {
      ctx.report(EDGE_CLOUD_PODS_PER_NODE, ctx.path(`nodePools[${pool.name}]`),
        `pool ${pool.name} gives ${pool.podsPerNode} pods per node (${pool.basis}); ACK Edge runs at most 256 per node, so the extra ENI addresses stay unused. Use a smaller instance type or accept the cap.`);
    }
  }

  const pods = input.podsPerEdgeNode;
  let mask: number | undefined;
  if (pods !== undefined && !ctx.isUnresolved("podsPerEdgeNode")) {
    const inRange = pods >= 16 && pods <= 256;
    if (!isPowerOfTwo(pods) || !inRange) {
      // Flannel: D1-node-cidr-mask reports the pods per node asked (cni.podsPerNode) or a mask out of range.
      if (terwayEdge || (inRange && input.cni.podsPerNode === undefined)) {
        ctx.report(EDGE_PODS_PER_NODE, ctx.path("podsPerEdgeNode"), `${pods} pods per ${terwayEdge ? "edge " : ""}node can't be a per-node block; use 16, 32, 64, 128 or 256 (mask /28 to /24).`);
      }
    } else {
      mask = maskForPodsPerNode(pods);
    }
  }

  if (!terwayEdge) return;

  if (!input.hasHybridLink) {
    ctx.report(TERWAY_EDGE_LINK, ctx.path("cni"),
      `Terway Edge routes pods between the VPC ${input.vpc.cidr ?? input.vpc.name} and the edge over Express Connect, and no HybridLink joins this network to a data centre; add new HybridLink(scope, id, { network, physicalConnectionId, ..., edgePodCidrs: [${input.cni.edgePodCidr ?? "edge pod CIDR"}] }).`);
  }
  if (input.kubernetesVersion && compareKubernetesVersions(input.kubernetesVersion, TERWAY_EDGE_MIN_VERSION) < 0) {
    ctx.report(TERWAY_EDGE_VERSION, ctx.path("kubernetesVersion"), `Kubernetes ${input.kubernetesVersion} is older than ${TERWAY_EDGE_MIN_VERSION}, which Terway Edge needs; use ${TERWAY_EDGE_MIN_VERSION} or later (or omit the version for the latest).`);
  }

  if (input.cni.edgePodCidr === undefined) {
    if (!ctx.isUnresolved("cni.edgePodCidr")) ctx.report(EDGE_POD_CIDR, ctx.path("cni.edgePodCidr"), "Terway Edge needs the edge pod CIDR (EdgeCni.terwayEdge({ edgePodCidr })), e.g. 10.0.0.0/16, disjoint from the VPC, the service CIDR and the data centre.");
    return;
  }
  const edgeCidr = ctx.cidr("cni.edgePodCidr", input.cni.edgePodCidr);
  if (!edgeCidr || mask === undefined) return;
  if (mask <= edgeCidr.prefix) {
    ctx.report(EDGE_POD_CAPACITY, ctx.path("cni.edgePodCidr"),
      `edge pod CIDR ${edgeCidr} is not larger than one edge node's /${mask} block (${pods} pods); it would hold a single node. Use a prefix shorter than /${mask}, e.g. /16.`);
    return;
  }
  const blocks = 2 ** (mask - edgeCidr.prefix);
  if (edgeMax > blocks) {
    const need = mask - Math.ceil(Math.log2(edgeMax));
    ctx.report(EDGE_POD_CAPACITY, ctx.path("cni.edgePodCidr"),
      `edge pod CIDR ${edgeCidr} at ${pods} pods per edge node (/${mask}) holds ${plural(blocks, "edge node")}, but the edge pools can grow to ${edgeMax.toLocaleString("en-US")}; use a /${need} or larger edge pod CIDR, or fewer pods per edge node.`);
  }
}
