import { PlanContext } from "../context";
import { CapacityPlan, FLANNEL_MAX_PODS_PER_NODE, specNodeLimit } from "../capacity";
import { Severity } from "../finding";
import { findInstanceType } from "../instance-types";
import { ClusterProfile, CniPlugin, NodePoolKind } from "../model";
import { RuleInfo, rule } from "../rule";
import { PODS_PER_NODE_CAP } from "./flannel-rules";

export const BASIC_SIZE = rule(
  "G1-basic-cluster-size", Severity.ERROR, ["G-1"],
  "An ACK Basic cluster (ack.standard) has at most 10 nodes.",
  "Basic clusters are limited to 10 nodes, 300 pods and 100 services; the limit can't be raised. Use ack.pro.small for more.",
);
export const PRO_SIZE = rule(
  "G2-pro-cluster-size", Severity.ERROR, ["G-2", "D-6"],
  "An ACK Pro cluster stays within its node quota: Terway 5,000 (15,000 raised), Flannel 200 (1,000 raised).",
  "Node pools whose maximum sizes add up beyond the default quota need `nodeQuota` set to the raised value; beyond 15,000 (Terway) or 1,000 (Flannel) no quota helps.",
);
export const EDGE_SIZE = rule(
  "I10-edge-cluster-size", Severity.ERROR, ["I-10"],
  "An ACK Edge cluster has at most 10 nodes (Basic) or 1,000 nodes (Pro), and at most 256 pods per node.",
  "ACK Edge limits from the quotas page.",
);
export const NODE_POOL_LIMITS = rule(
  "G4-node-pool-limits", Severity.ERROR, ["G-4", "I-10"],
  "At most 10 node pools (Basic) or 100 (Pro); each pool 0 to 2,000 nodes with min <= max.",
  "Scaling groups hold at most 2,000 instances (`max_instances` <= 2,000).",
);
export const VSWITCH_QUOTA = rule(
  "G5-vswitch-quota", Severity.WARNING, ["G-5"],
  "A VPC holds at most 150 vSwitches by default.",
  "Raise the VPC quota before planning more.",
);
export const CONTROL_PLANE_VSWITCHES = rule(
  "G7-control-plane-vswitches", Severity.ERROR, ["G-7"],
  "The control plane is given 1 to 5 vSwitches.",
  "`vswitch_ids` of `alicloud_cs_managed_kubernetes` takes 1..5 items; they are the node vSwitches unless chosen explicitly.",
);
export const INSTANCE_SIZE = rule(
  "G7-instance-size", Severity.WARNING, ["G-7"],
  "Node instance types have at least 4 vCPU and 8 GiB.",
  "ACK recommends 4 vCPU / 8 GiB or more per worker; smaller nodes spend most of their resources on system components.",
);

export const SIZE_RULES = [BASIC_SIZE, PRO_SIZE, EDGE_SIZE, NODE_POOL_LIMITS, VSWITCH_QUOTA, CONTROL_PLANE_VSWITCHES, INSTANCE_SIZE];

const BY_ID: Record<string, RuleInfo> = { [BASIC_SIZE.id]: BASIC_SIZE, [PRO_SIZE.id]: PRO_SIZE, [EDGE_SIZE.id]: EDGE_SIZE };

/** Section G checks (and the size half of I-10). */
export function checkSize(ctx: PlanContext, capacity: CapacityPlan): void {
  const { input } = ctx;
  const n = (x: number) => x.toLocaleString("en-US");
  const basic = input.clusterSpec === "ack.standard";
  const limit = specNodeLimit(ctx);
  const rule = BY_ID[limit.ruleId];
  if (capacity.plannedMaxNodes > limit.nodes) {
    const ceiling = input.profile === ClusterProfile.EDGE || basic ? limit.nodes : input.cni.plugin === CniPlugin.FLANNEL ? 1000 : 15000;
    const fix = capacity.plannedMaxNodes <= ceiling
      ? `raise the node quota with Alibaba Cloud and set nodeQuota (up to ${n(ceiling)})`
      : basic ? "use ack.pro.small" : input.cni.plugin === CniPlugin.FLANNEL && input.profile === ClusterProfile.DEFAULT ? "use Terway, or split the cluster" : "split the cluster";
    ctx.report(rule, ctx.path("nodePools"),
      `the node pools can grow to ${n(capacity.plannedMaxNodes)} nodes but ${limit.reason}; lower the pools' maximum sizes or ${fix}.`);
  }
  if (input.nodeQuota !== undefined && !basic && input.profile === ClusterProfile.DEFAULT) {
    const ceiling = input.cni.plugin === CniPlugin.FLANNEL ? 1000 : 15000;
    if (input.nodeQuota > ceiling) {
      ctx.report(PRO_SIZE, ctx.path("nodeQuota"), `nodeQuota ${n(input.nodeQuota)} is above the most any quota allows for ${input.cni.plugin} (${n(ceiling)}).`);
    }
  }

  const maxPools = basic ? 10 : 100;
  if (input.nodePools.length > maxPools) {
    ctx.report(NODE_POOL_LIMITS, ctx.path("nodePools"), `${input.nodePools.length} node pools; ${basic ? "Basic" : "Pro"} clusters allow ${maxPools}.`);
  }
  for (const p of input.nodePools) {
    if (p.minNodes < 0 || p.maxNodes < p.minNodes || p.maxNodes > 2000 || !Number.isInteger(p.minNodes) || !Number.isInteger(p.maxNodes)) {
      ctx.report(NODE_POOL_LIMITS, ctx.path(`nodePools[${p.name}]`),
        `node pool ${p.name} sizes ${p.minNodes}..${p.maxNodes} are invalid; use whole numbers with 0 <= min <= max <= 2,000.`);
    }
    if (p.kind === NodePoolKind.CLOUD) {
      for (const name of p.instanceTypes) {
        const t = findInstanceType(name, ctx.extraInstanceTypes);
        if (t && (t.vcpu < 4 || t.memoryGiB < 8)) {
          ctx.report(INSTANCE_SIZE, ctx.path(`nodePools[${p.name}].instanceTypes`), `${name} has ${t.vcpu} vCPU / ${t.memoryGiB} GiB; ACK recommends at least 4 vCPU / 8 GiB per node.`);
        }
      }
    }
    const pool = capacity.pools.find((x) => x.name === p.name);
    // Edge pools are checked by I4-edge-pods-per-node; here the Flannel pools of ACK clusters.
    const capped = input.cni.plugin === CniPlugin.FLANNEL && p.kind === NodePoolKind.CLOUD;
    if (capped && pool?.podsPerNode !== undefined && pool.podsPerNode > FLANNEL_MAX_PODS_PER_NODE) {
      ctx.report(PODS_PER_NODE_CAP, ctx.path(`nodePools[${p.name}]`), `pool ${p.name} asks for ${pool.podsPerNode} pods per node; at most 256 are allowed.`);
    }
  }

  const vswCount = input.nodeVSwitches.length + input.podVSwitches.filter((v) => !v.sameAs).length;
  if (vswCount > 150) {
    ctx.report(VSWITCH_QUOTA, ctx.path("vpc"), `the plan uses ${vswCount} vSwitches; a VPC holds 150 by default.`);
  }
  // Only the control plane's vswitch_ids is limited to 1..5; node pools may use every node vSwitch.
  const controlPlane = input.controlPlaneVSwitches ?? input.nodeVSwitches.map((v) => v.name);
  if (controlPlane.length === 0 || controlPlane.length > 5) {
    ctx.report(CONTROL_PLANE_VSWITCHES, ctx.path(input.controlPlaneVSwitches ? "controlPlaneZones" : "nodeVSwitches"),
      `${controlPlane.length} node vSwitches given to the control plane (vswitch_ids); it takes 1 to 5${controlPlane.length > 5 ? ": choose at most 5 zones with controlPlaneZones (by default the first 5 zones of the network are used)" : ": the network needs a node vSwitch in at least one zone"}.`);
  }
}
