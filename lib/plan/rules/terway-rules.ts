import { PlanContext, compareKubernetesVersions, plural } from "../context";
import { CapacityPlan } from "../capacity";
import { Severity } from "../finding";
import {
  EXCLUSIVE_ENI_MIN_PODS_EXCLUSIVE, SHARED_ENI_MIN_PODS_EXCLUSIVE, exclusiveEniPodsPerNode, findInstanceType, sharedEniPodsPerNode,
  instanceFamilyOf, isKnownInstanceFamily, suggestInstanceTypes,
} from "../instance-types";
import { CniPlugin, EniMode, IpStack, NodePoolKind } from "../model";
import { rule } from "../rule";

export const SHARED_ENI_QUOTA = rule(
  "E2-shared-eni-quota", Severity.ERROR, ["E-1", "E-2"],
  "Every instance type of a shared-ENI Terway pool gives more than 11 pods: (ENIs - 1) x IPv4 per ENI > 11.",
  "A node whose shared-ENI pod quota is 11 or less can't join a Terway cluster (ecs.c6.large: (2-1)x6 = 6).",
);
export const EXCLUSIVE_ENI_QUOTA = rule(
  "E4-exclusive-eni-quota", Severity.ERROR, ["E-4"],
  "Every instance type of an exclusive-ENI pool gives more than 6 pods: ENIs - 1 > 6.",
  "**Conflict in the sources**: the Chinese page says the pod quota must exceed 6 (ENIs - 1 > 6, so 8 ENIs or more), the English node-pool page says more than six ENIs (7 or more). Safe reading: pod quota > 6, i.e. at least 8 ENIs (ecs.c7.4xlarge: 7 pods, accepted; ecs.c7.2xlarge: 3, rejected).",
);
export const KUBELET_MAX_PODS = rule(
  "E5-kubelet-max-pods", Severity.WARNING, ["E-5"],
  "kubelet maxPods does not raise the Terway pod quota.",
  "ENI-backed pods are bounded by the instance type; a higher kubelet `max_pods` only admits more hostNetwork pods.",
);
export const DUAL_STACK_INSTANCE = rule(
  "E6-dual-stack-instance", Severity.WARNING, ["E-6"],
  "Dual stack needs instance types with as many IPv6 as IPv4 addresses per ENI.",
  "The built-in table has no IPv6-per-ENI figures (the ECS instance-family tables it comes from give none); give them with `extraInstanceTypes` to have this checked, otherwise it is a warning to verify with DescribeInstanceTypes.",
);
export const UNKNOWN_INSTANCE_TYPE = rule(
  "E9-unknown-instance-type", Severity.ERROR, ["E-9"],
  "Pods per node can be worked out for every instance type of every Terway pool.",
  "An instance type that is not in the built-in ENI table (docs/instance-types.md: the ECS instance-family tables, per-family sources) has no pod quota, so neither the more-than-11-pods check (E2) nor the pod vSwitch capacity checks could count it. Give `podsPerNode` on the pool (from DescribeInstanceTypes: (EniQuantity - 1) x EniPrivateIpAddressQuantity) or add the type with `extraInstanceTypes`. A near miss of a known name (e.g. `ecs.c7.4xlarg`) gets a \"did you mean\". In a pool that mixes known and unknown types the known ones still count (the plan takes the smallest quota it knows).",
);
export const POD_VSWITCH_ZONES = rule(
  "F1-pod-vswitch-zones", Severity.ERROR, ["F-1", "I-4"],
  "Every zone with a node vSwitch or a Terway node pool has a pod vSwitch.",
  "Terway takes pod addresses from a pod vSwitch in the node's zone; a node in a zone with none falls back to the node vSwitch, which is not what was planned.",
);
export const POD_VSWITCH_UNUSED = rule(
  "F1-pod-vswitch-unused", Severity.WARNING, ["F-1"],
  "Every pod vSwitch is in a zone that has nodes.",
  "A pod vSwitch in a zone with no node vSwitch is never used.",
);
export const POD_VSWITCH_CAPACITY = rule(
  "F1-pod-vswitch-capacity", Severity.ERROR, ["F-1", "A-PVSW-1", "B-5"],
  "The pod vSwitches of a zone hold the pods of the nodes the pools start with (error) and can grow to (warning F1-pod-vswitch-headroom).",
  "Pod addresses needed = nodes per zone x pods per node (each vSwitch keeps 4 addresses for the system, B-5). Running out shows up as pods stuck in ContainerCreating.",
);
export const POD_VSWITCH_HEADROOM = rule(
  "F1-pod-vswitch-headroom", Severity.WARNING, ["F-1", "A-PVSW-1"],
  "The pod vSwitches of a zone hold the pods of the pools at their maximum size.",
  "Autoscaling to the maximum would exhaust the zone's pod vSwitches; add a pod vSwitch in the zone or lower the maximum.",
);
export const NODE_VSWITCH_CAPACITY = rule(
  "F1-node-vswitch-capacity", Severity.ERROR, ["A-VSW-1", "B-5"],
  "The node vSwitches of a zone hold the nodes the pools can grow to.",
  "Every node takes one address of a node vSwitch in its zone.",
);
export const DATAPATH_V2 = rule(
  "F5-datapath-v2", Severity.ERROR, ["F-5", "F-7"],
  "DataPath V2 runs on Alibaba Cloud Linux 3/4, ContainerOS or Ubuntu nodes (kernel 5.10 or later).",
  "DataPath V2 is chosen at creation only and needs Terway >= 1.8.0 and a 5.10+ kernel; node pools with another image type break it. Exclusive-ENI pools ignore it (warning F11-exclusive-eni-features).",
);
export const DATAPATH_V2_NO_KEY = rule(
  "F5-no-datapath-v2-key", Severity.ERROR, ["F-5"],
  "DataPath V2 is asked for, and no documented add-on setting turns it on through Terraform.",
  "DataPath V2 is chosen at cluster creation only (F-5). Terway itself selects it with `eniip_virtual_type: datapathv2` in the `eni-config` ConfigMap (Terway source `charts/terway/templates/terwayd/configmap.yaml`, `cmd/terway-cli/cni.go`; ACK \"Customize Terway configuration parameters\"), but the `terway-eniip` add-on config that `alicloud_cs_managed_kubernetes` passes to CreateCluster has documented keys only for `IPVlan`, `NetworkPolicy` and `ENITrunking` (provider 1.289.0 docs). No ACK page or provider source documents a DataPath V2 key (`DataPathV2`, `DataPathType`, ... are guesses a cluster would silently ignore), so this library emits none and fails instead of creating a cluster without the feature it can never gain. Create the cluster with DataPath V2 in the ACK console or API, or set `dataPathV2: false`.",
);
export const NETWORK_POLICY_OFF = rule(
  "F8-network-policy-off", Severity.INFO, ["F-8"],
  "NetworkPolicy is on for Terway unless turned off.",
  "Secure default: pods can be isolated with standard Kubernetes NetworkPolicy (<= 100 policies per cluster recommended). Turning it off is reported for the record.",
);
export const DUAL_STACK = rule(
  "F9-dual-stack", Severity.ERROR, ["F-9"],
  "Dual stack needs Terway, Kubernetes 1.22 or later and an IPv6-enabled VPC.",
  "`ip_stack = dual` is fixed at creation; control-plane traffic stays IPv4. IPv6 Internet access for pods needs an IPv6 gateway (created by AckNetwork) and is not available in ACK Edge. Provider 1.289.0 has no argument for the IPv6 service CIDR (A-SVC-6), so ACK chooses it and it is not checked here.",
);
export const TRUNK_VERSION = rule(
  "F10-trunk-eni", Severity.INFO, ["F-10"],
  "Trunk ENI is turned on automatically for new managed clusters at Kubernetes 1.31 and later.",
  "Trunk ENI (static pod IPs, per-pod vSwitch/security group) needs types with EniTrunkSupported; the built-in table can't tell, so verify the pool's types.",
);
export const EXCLUSIVE_ENI_FEATURES = rule(
  "F11-exclusive-eni-features", Severity.WARNING, ["F-11", "F-8", "F-5"],
  "Exclusive-ENI pools get neither NetworkPolicy nor DataPath V2.",
  "An exclusive-ENI pool in a cluster that asks for NetworkPolicy or DataPath V2 runs its pods without them; the mode can't be changed after the pool exists.",
);
export const ENTERPRISE_SG = rule(
  "F13-enterprise-security-group", Severity.WARNING, ["F-13"],
  "Terway clusters use an enterprise security group.",
  "**Conflict in the sources** on how many addresses a basic security group holds (nodes + Terway pods <= 2,000 per CreateCluster, 6,000 private IPs per the limits page); either way Terway pods count against it, so the enterprise group (65,535) is the default here.",
);

export const TERWAY_RULES = [
  SHARED_ENI_QUOTA, EXCLUSIVE_ENI_QUOTA, KUBELET_MAX_PODS, DUAL_STACK_INSTANCE, UNKNOWN_INSTANCE_TYPE, POD_VSWITCH_ZONES,
  POD_VSWITCH_UNUSED, POD_VSWITCH_CAPACITY, POD_VSWITCH_HEADROOM, NODE_VSWITCH_CAPACITY, DATAPATH_V2, DATAPATH_V2_NO_KEY, NETWORK_POLICY_OFF,
  DUAL_STACK, TRUNK_VERSION, EXCLUSIVE_ENI_FEATURES, ENTERPRISE_SG,
];

const DATAPATH_V2_IMAGES = ["AliyunLinux3", "AliyunLinux3Arm64", "AliyunLinux3ContainerOptimized", "AliyunLinux4", "AliyunLinux4ContainerOptimized", "ContainerOS", "Ubuntu"];

function isTerway(plugin: CniPlugin): boolean {
  return plugin === CniPlugin.TERWAY || plugin === CniPlugin.TERWAY_EDGE;
}

/** Section E and F checks for Terway (and the cloud side of Terway Edge). */
export function checkTerway(ctx: PlanContext, capacity: CapacityPlan): void {
  const { input } = ctx;
  const { cni } = input;

  if (!isTerway(cni.plugin)) return; // Flannel: D8-terway-only-feature covers dual stack and the rest.

  if (input.ipStack === IpStack.DUAL) {
    const why: string[] = [];
    if (input.kubernetesVersion && compareKubernetesVersions(input.kubernetesVersion, "1.22") < 0) why.push(`it needs Kubernetes 1.22 or later (asked: ${input.kubernetesVersion})`);
    if (!input.vpc.ipv6) why.push(`VPC ${input.vpc.name} has IPv6 off; enable IPv6 on the VPC and its vSwitches`);
    if (why.length > 0) ctx.report(DUAL_STACK, ctx.path("ipStack"), `dual stack can't be used: ${why.join("; ")}.`);
  }
  if (!input.enterpriseSecurityGroup) {
    ctx.report(ENTERPRISE_SG, ctx.path("enterpriseSecurityGroup"),
      "a basic security group holds 2,000 to 6,000 addresses and Terway pods count against it; keep the enterprise security group (the default).");
  }
  if (cni.dataPathV2 && cni.plugin === CniPlugin.TERWAY) {
    ctx.report(DATAPATH_V2_NO_KEY, ctx.path("cni.dataPathV2"),
      "DataPath V2 can't be requested through alicloud_cs_managed_kubernetes: no ACK page or provider source documents a terway-eniip add-on key for it, and a guessed key would be ignored, leaving a cluster that can never get it (creation only). Create the cluster with DataPath V2 in the ACK console or API, or set dataPathV2: false.");
  }
  if (!cni.networkPolicy && cni.plugin === CniPlugin.TERWAY) {
    ctx.report(NETWORK_POLICY_OFF, ctx.path("cni.networkPolicy"), "NetworkPolicy is off: pods can't be isolated with Kubernetes NetworkPolicy.");
  }
  if (cni.trunk && input.kubernetesVersion && compareKubernetesVersions(input.kubernetesVersion, "1.31") >= 0) {
    ctx.report(TRUNK_VERSION, ctx.path("cni.trunk"), `Kubernetes ${input.kubernetesVersion} clusters get Trunk ENI automatically; verify the pools' instance types support it (EniTrunkSupported).`);
  }

  // Zones: node vSwitches and Terway pools need a pod vSwitch in the same zone.
  const podZones = new Set(input.podVSwitches.map((v) => v.zone));
  const nodeZones = new Set(input.nodeVSwitches.map((v) => v.zone));
  for (const v of input.nodeVSwitches) {
    if (!podZones.has(v.zone)) {
      ctx.report(POD_VSWITCH_ZONES, ctx.path(`nodeVSwitches[${v.name}]`),
        `node vSwitch ${v.name} is in zone ${v.zone}, which has no pod vSwitch; add a pod vSwitch in ${v.zone}.`);
    }
  }
  for (const p of input.nodePools.filter((x) => x.kind === NodePoolKind.CLOUD)) {
    for (const z of p.zones) {
      if (!podZones.has(z) && !nodeZones.has(z)) {
        ctx.report(POD_VSWITCH_ZONES, ctx.path(`nodePools[${p.name}]`),
          `node pool ${p.name} places nodes in zone ${z}, which has no pod vSwitch; add a pod vSwitch in ${z} or move the pool.`);
      }
    }
  }
  for (const v of input.podVSwitches) {
    if (!nodeZones.has(v.zone)) {
      ctx.report(POD_VSWITCH_UNUSED, ctx.path(`podVSwitches[${v.name}]`), `pod vSwitch ${v.name} is in zone ${v.zone}, where no node vSwitch is; it will never be used.`);
    }
  }

  for (const p of input.nodePools.filter((x) => x.kind === NodePoolKind.CLOUD)) {
    const exclusive = p.eniMode === EniMode.EXCLUSIVE;
    let known = true;
    for (const name of p.instanceTypes) {
      const t = findInstanceType(name, ctx.extraInstanceTypes);
      if (!t) { known = false; continue; }
      if (exclusive) {
        const pods = exclusiveEniPodsPerNode(t);
        if (pods <= EXCLUSIVE_ENI_MIN_PODS_EXCLUSIVE) {
          ctx.report(EXCLUSIVE_ENI_QUOTA, ctx.path(`nodePools[${p.name}].instanceTypes`),
            `${name} has ${t.eniQuantity} ENIs, so ${plural(pods, "pod")} in exclusive-ENI mode; a node needs more than 6. Use a type with 8 or more ENIs (e.g. ecs.c7.4xlarge: 7 pods) or shared-ENI mode.`);
        }
      } else {
        const pods = sharedEniPodsPerNode(t);
        if (pods <= SHARED_ENI_MIN_PODS_EXCLUSIVE) {
          ctx.report(SHARED_ENI_QUOTA, ctx.path(`nodePools[${p.name}].instanceTypes`),
            `${name} gives (${t.eniQuantity}-1) x ${t.privateIpsPerEni} = ${plural(pods, "pod")} in shared-ENI mode; Terway needs more than 11, so the node can't join. Use a larger type (e.g. ecs.c7.xlarge: 45).`);
        }
      }
      if (input.ipStack === IpStack.DUAL && t.ipv6PerEni !== undefined && t.ipv6PerEni !== t.privateIpsPerEni) {
        ctx.report(DUAL_STACK_INSTANCE, ctx.path(`nodePools[${p.name}].instanceTypes`),
          `${name} has ${t.ipv6PerEni} IPv6 but ${t.privateIpsPerEni} IPv4 addresses per ENI; dual stack needs them equal.`);
      }
    }
    if (!known && p.podsPerNodeOverride === undefined) {
      const unknown = p.instanceTypes.filter((n) => !findInstanceType(n, ctx.extraInstanceTypes));
      const hints = unknown.map((n) => [n, suggestInstanceTypes(n, ctx.extraInstanceTypes)] as const).filter(([, s]) => s.length > 0);
      const didYouMean = hints.map(([n, s]) => `did you mean ${s.join(" or ")}${unknown.length > 1 ? ` for ${n}` : ""}?`).join(" ");
      const newFamilies = [...new Set(unknown.filter((n) => instanceFamilyOf(n) && !isKnownInstanceFamily(n)).map(instanceFamilyOf))];
      const familyNote = newFamilies.length > 0 ? ` (the table has no ${newFamilies.join(", ")} famil${newFamilies.length > 1 ? "ies" : "y"}; see docs/instance-types.md)` : "";
      ctx.report(UNKNOWN_INSTANCE_TYPE, ctx.path(`nodePools[${p.name}].instanceTypes`),
        `${unknown.join(", ")} not in the built-in ENI table${didYouMean ? ` (${didYouMean})` : ""}${familyNote}; give podsPerNode for pool ${p.name} ((EniQuantity - 1) x EniPrivateIpAddressQuantity from DescribeInstanceTypes) or add the type with extraInstanceTypes.`);
    }
    if (input.ipStack === IpStack.DUAL && p.instanceTypes.some((n) => findInstanceType(n, ctx.extraInstanceTypes)?.ipv6PerEni === undefined)) {
      ctx.report(DUAL_STACK_INSTANCE, ctx.path(`nodePools[${p.name}].instanceTypes`),
        `IPv6 addresses per ENI of ${p.instanceTypes.join(", ")} are unknown here; verify EniIpv6AddressQuantity equals EniPrivateIpAddressQuantity.`);
    }
    const pool = capacity.pools.find((x) => x.name === p.name);
    if (p.kubeletMaxPods !== undefined && pool?.podsPerNode !== undefined && p.kubeletMaxPods > pool.podsPerNode) {
      ctx.report(KUBELET_MAX_PODS, ctx.path(`nodePools[${p.name}].kubeletMaxPods`),
        `kubelet maxPods ${p.kubeletMaxPods} is above the ENI pod quota ${pool.podsPerNode} (${pool.basis}); the extra slots only admit hostNetwork pods.`);
    }
    if (exclusive && (cni.networkPolicy || cni.dataPathV2)) {
      ctx.report(EXCLUSIVE_ENI_FEATURES, ctx.path(`nodePools[${p.name}].eniMode`),
        `pool ${p.name} uses exclusive ENIs, which get no ${[cni.networkPolicy ? "NetworkPolicy" : "", cni.dataPathV2 ? "DataPath V2" : ""].filter(Boolean).join(" and ")}; its pods run unprotected by them.`);
    }
    if (cni.dataPathV2 && !exclusive && p.imageType && !DATAPATH_V2_IMAGES.includes(p.imageType)) {
      ctx.report(DATAPATH_V2, ctx.path(`nodePools[${p.name}].imageType`),
        `pool ${p.name} uses image ${p.imageType}; DataPath V2 needs ${DATAPATH_V2_IMAGES.join(", ")} (kernel 5.10+).`);
    }
  }

  // Address capacity per zone.
  for (const r of capacity.ranges) {
    if (r.role === "pod vSwitch" && r.demand > r.usable) {
      const startDemand = startPodDemand(capacity, r.zone) * (r.usable / Math.max(1, zoneUsable(capacity, r.zone)));
      const rule = startDemand > r.usable ? POD_VSWITCH_CAPACITY : POD_VSWITCH_HEADROOM;
      ctx.report(rule, ctx.path(`podVSwitches[${r.name}]`),
        `pod vSwitch ${r.name} ${r.cidr} (${r.zone}) has ${r.usable.toLocaleString("en-US")} usable addresses but the pools ${rule === POD_VSWITCH_CAPACITY ? "start with" : "can grow to"} ${Math.round(rule === POD_VSWITCH_CAPACITY ? startDemand : r.demand).toLocaleString("en-US")} pods in that zone; add a pod vSwitch in ${r.zone} or use a larger block.`);
    }
  }
}

/** F1-node-vswitch-capacity, for every CNI: each ECS node takes a node vSwitch address, Flannel or Terway. */
export function checkNodeVSwitchCapacity(ctx: PlanContext, capacity: CapacityPlan): void {
  for (const r of capacity.ranges) {
    if (r.role === "node vSwitch" && r.demand > r.usable) {
      ctx.report(NODE_VSWITCH_CAPACITY, ctx.path(`nodeVSwitches[${r.name}]`),
        `node vSwitch ${r.name} ${r.cidr} (${r.zone}) has ${r.usable.toLocaleString("en-US")} usable addresses but the pools can grow to ${r.demand.toLocaleString("en-US")} nodes there; use a larger block or another vSwitch.`);
    }
  }
}

function zoneUsable(capacity: CapacityPlan, zone: string): number {
  return capacity.ranges.filter((r) => r.role === "pod vSwitch" && r.zone === zone).reduce((s, r) => s + r.usable, 0);
}

function startPodDemand(capacity: CapacityPlan, zone: string): number {
  let total = 0;
  for (const p of capacity.pools) {
    if (p.kind !== NodePoolKind.CLOUD || !p.zones.includes(zone)) continue;
    total += Math.ceil(p.minNodes / p.zones.length) * (p.podsPerNode ?? 0);
  }
  return total;
}
