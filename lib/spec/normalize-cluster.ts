/**
 * One spec cluster (defaults applied) -> a FleetClusterInput for the planner, reporting the
 * checks a schema cannot express (S3..S6) through `report`.
 */
import { exclusiveEniPodsPerNode, findInstanceType, sharedEniPodsPerNode, InstanceTypeInfo } from "../plan/instance-types";
import { ClusterProfile, CniPlugin, EniMode, IpStack, NodePoolKind, NodePoolPlan } from "../plan/model";
import { FleetClusterInput, FleetVpcInput } from "../plan/fleet/model";
import { RuleInfo } from "../plan/rule";
import { CNI_MISMATCH, CONFLICTING_FIELDS, DUPLICATE_NAME, MISSING_FIELD, UNKNOWN_REFERENCE } from "../plan/rules/fleet-rules";
import { Finding } from "../plan/finding";
import { findRule } from "../plan/catalogue";
import { checkClusterSpec, checkLabels, checkSizing, checkSystemDisk, checkTags, checkTaints, checkZones } from "../plan/values";
import { maskForPodsPerNode } from "../plan/capacity";
import { CNI_FIELDS } from "./merge-defaults";
import { SpecPath } from "./source-map";
import { FleetClusterSpec, FleetNodePoolSpec, SpecClusterType, SpecInterconnect, SpecProxyMode, SpecTerwayMode } from "./spec-types";

export type Report = (rule: RuleInfo, path: SpecPath, message: string) => void;

/** The default expected services (a /20, the API's default service CIDR size). */
export const DEFAULT_EXPECTED_SERVICES = 4096;
const DEFAULT_PODS_PER_NODE = 64;

function poolSize(p: { size?: number; min?: number; max?: number }): { min: number; max: number } {
  if (p.min !== undefined || p.max !== undefined) return { min: p.min ?? 0, max: p.max ?? p.min ?? 0 };
  const size = p.size ?? 2;
  return { min: size, max: size };
}

function checkSize(p: { size?: number; min?: number; max?: number }, at: SpecPath, report: Report): void {
  if (p.size !== undefined && (p.min !== undefined || p.max !== undefined)) {
    report(CONFLICTING_FIELDS, [...at, "size"], "give either size (fixed) or min/max (autoscaling), not both");
  }
  if (p.min !== undefined && p.max !== undefined && p.min > p.max) {
    report(CONFLICTING_FIELDS, [...at, "min"], `min ${p.min} is larger than max ${p.max}`);
  }
}

/** Pods per node of a Terway pool for sizing: the smallest of its types, or its override. */
function terwayPodsPerNode(p: FleetNodePoolSpec, exclusive: boolean, extra: readonly InstanceTypeInfo[]): number | undefined {
  const counts = (p.instanceTypes ?? (p.instanceType ? [p.instanceType] : []))
    .map((n) => findInstanceType(n, extra))
    .map((t) => (t ? (exclusive ? exclusiveEniPodsPerNode(t) : sharedEniPodsPerNode(t)) : undefined));
  if (p.podsPerNode !== undefined) return p.podsPerNode;
  // Unknown types (E9-unknown-instance-type) leave the known ones' figure standing.
  const known = counts.filter((c): c is number => c !== undefined);
  if (known.length === 0) return undefined;
  return Math.min(...known);
}

function resolveVpc(c: FleetClusterSpec, at: SpecPath, zones: string[] | undefined, report: Report): FleetVpcInput {
  const v = c.vpc ?? {};
  const vp = [...at, "vpc"];
  const ipv6 = v.ipv6 ?? false;
  const allowPublicRanges = v.allowPublicRanges ?? false;
  if (v.shared !== undefined) {
    for (const k of ["cidr", "prefix", "id", "vSwitches", "podVSwitches", "nodeVSwitchCidrs", "podVSwitchCidrs", "allowPublicRanges"] as const) {
      if (v[k] !== undefined) report(CONFLICTING_FIELDS, [...vp, k], `vpc.${k} cannot be combined with vpc.shared; set it on sharedVpcs[${v.shared}] instead`);
    }
    return { kind: "shared", name: v.shared };
  }
  if (v.id !== undefined || v.vSwitches !== undefined) {
    if (v.id === undefined) report(MISSING_FIELD, [...vp, "vSwitches"], "vpc.vSwitches adopt existing vSwitches and need vpc.id (the existing VPC)");
    if (v.cidr === undefined) report(MISSING_FIELD, [...vp, "id"], "an adopted VPC (vpc.id) needs vpc.cidr, its IPv4 CIDR, to check the plan");
    if (v.vSwitches === undefined) report(MISSING_FIELD, [...vp, "id"], "an adopted VPC (vpc.id) needs vpc.vSwitches (id, zone, cidr of each node vSwitch)");
    for (const k of ["prefix", "nodeVSwitchCidrs", "podVSwitchCidrs"] as const) {
      if (v[k] !== undefined) report(CONFLICTING_FIELDS, [...vp, k], `vpc.${k} is for new VPCs; an adopted VPC lists its vSwitches in vpc.vSwitches / vpc.podVSwitches`);
    }
    return { kind: "existing", id: v.id ?? "", cidr: v.cidr, nodeVSwitches: v.vSwitches ?? [], podVSwitches: v.podVSwitches ?? [], ipv6, allowPublicRanges };
  }
  if (v.allowPublicRanges !== undefined) report(CONFLICTING_FIELDS, [...vp, "allowPublicRanges"], "vpc.allowPublicRanges applies to adopted VPCs (vpc.id) only; AckNetwork creates new VPCs in private ranges");
  if (v.cidr !== undefined && v.prefix !== undefined) report(CONFLICTING_FIELDS, [...vp, "prefix"], "vpc.prefix sizes a VPC taken from pools.vpc; it cannot be combined with vpc.cidr");
  for (const k of ["nodeVSwitchCidrs", "podVSwitchCidrs"] as const) {
    const list = v[k];
    if (list && zones && list.length !== zones.length) {
      report(CONFLICTING_FIELDS, [...vp, k], `vpc.${k} has ${list.length} entries but the cluster has ${zones.length} zones; give one CIDR per zone, in zone order`);
    }
  }
  return { kind: "own", cidr: v.cidr, prefix: v.prefix, nodeVSwitchCidrs: v.nodeVSwitchCidrs, podVSwitchCidrs: v.podVSwitchCidrs, ipv6, allowPublicRanges: false };
}

/** Reports value-check findings (lib/plan/values) at a spec path; the message names the key. */
export function reportValues(findings: readonly Finding[], at: SpecPath, report: Report): void {
  for (const f of findings) {
    const rule = findRule(f.ruleId);
    if (rule) report(rule, at, f.message);
  }
}

/** Resolves one cluster. `own` is the cluster as written (for S4, which only judges its own cni). */
export function normalizeCluster(
  c: FleetClusterSpec, own: FleetClusterSpec, index: number, sharedZones: ReadonlyMap<string, string[] | undefined>,
  extra: readonly InstanceTypeInfo[], report: Report,
): FleetClusterInput {
  const at: SpecPath = ["clusters", index];
  const type = c.type ?? SpecClusterType.ACK;
  const edge = type === SpecClusterType.ACK_EDGE;
  const cni = c.cni ?? {};
  const plugin = cni.plugin ?? (edge ? CniPlugin.FLANNEL : CniPlugin.TERWAY);
  const allowed = edge ? [CniPlugin.FLANNEL, CniPlugin.TERWAY_EDGE] : [CniPlugin.TERWAY, CniPlugin.FLANNEL];
  if (!allowed.includes(plugin)) {
    report(CNI_MISMATCH, [...at, "cni", "plugin"], `${type} clusters run ${allowed.join(" or ")}, not ${plugin}`);
  }
  for (const p of Object.values(CniPlugin)) {
    if (p === plugin) continue;
    for (const f of CNI_FIELDS[p]) {
      if (own.cni?.[f] !== undefined && !CNI_FIELDS[plugin].includes(f)) {
        report(CNI_MISMATCH, [...at, "cni", f], `cni.${f} is a ${p} setting; this cluster runs ${plugin}`);
      }
    }
  }
  if (!edge && own.cni?.edgeNodeCidrs !== undefined) report(CONFLICTING_FIELDS, [...at, "cni", "edgeNodeCidrs"], "cni.edgeNodeCidrs is for ack-edge clusters on Flannel");
  const terwayCloud = plugin === CniPlugin.TERWAY || plugin === CniPlugin.TERWAY_EDGE;

  const vpcSpec = c.vpc ?? {};
  let zones = c.zones;
  if (vpcSpec.id !== undefined || vpcSpec.vSwitches !== undefined) zones = zones ?? [...new Set((vpcSpec.vSwitches ?? []).map((v) => v.zone))];
  if (!zones && vpcSpec.shared !== undefined) zones = sharedZones.get(vpcSpec.shared);
  if (!zones) report(MISSING_FIELD, [...at, "zones"], `cluster ${c.name} needs zones (e.g. [cn-hangzhou-i, cn-hangzhou-j]), in the cluster or in defaults`);
  else if (c.zones) {
    const z = checkZones("zones", c.zones);
    z.findings.forEach((f) => reportValues([f], [...at, "zones", Math.max(0, Number(/\[(\d+)\]$/.exec(f.path)?.[1] ?? 0))], report));
    zones = z.unique;
  }
  reportValues(checkClusterSpec("spec", c.spec ?? "ack.pro.small", false), [...at, "spec"], report);
  reportValues(checkTags("tags", c.tags), [...at, "tags"], report);
  const vpc = resolveVpc(c, at, zones, report);

  const exclusiveDefault = cni.mode === SpecTerwayMode.EXCLUSIVE_ENI;
  const names = new Set<string>();
  const nodePools: NodePoolPlan[] = [];
  let densest: number | undefined;
  (c.nodePools ?? []).forEach((p, j) => {
    const pp: SpecPath = [...at, "nodePools", j];
    if (names.has(p.name)) report(DUPLICATE_NAME, [...pp, "name"], `node pool name ${p.name} is used twice in cluster ${c.name}`);
    names.add(p.name);
    if (p.instanceType !== undefined && p.instanceTypes !== undefined) report(CONFLICTING_FIELDS, [...pp, "instanceType"], "give instanceType or instanceTypes, not both");
    if (p.instanceType === undefined && p.instanceTypes === undefined) report(MISSING_FIELD, pp, `node pool ${p.name} needs instanceType or instanceTypes`);
    checkSize(p, pp, report);
    reportValues(checkLabels("labels", p.labels), [...pp, "labels"], report);
    reportValues(checkTaints("taints", p.taints), [...pp, "taints"], report);
    reportValues(checkSystemDisk("", p.systemDiskSize, undefined), [...pp, "systemDiskSize"], report);
    reportValues(checkSystemDisk("", undefined, p.systemDiskCategory), [...pp, "systemDiskCategory"], report);
    for (const z of p.zones ?? []) {
      if (zones && !zones.includes(z)) report(UNKNOWN_REFERENCE, [...pp, "zones"], `zone ${z} of node pool ${p.name} is not one of the cluster's zones (${zones.join(", ")})`);
    }
    const exclusive = terwayCloud && (p.exclusiveEni ?? exclusiveDefault);
    if (terwayCloud) {
      const pods = terwayPodsPerNode(p, exclusive, extra);
      if (pods !== undefined) densest = Math.max(densest ?? 0, pods);
    }
    const { min, max } = poolSize(p);
    nodePools.push({
      name: p.name, kind: NodePoolKind.CLOUD, instanceTypes: p.instanceTypes ?? (p.instanceType ? [p.instanceType] : []),
      minNodes: min, maxNodes: max, zones: p.zones ?? zones ?? [],
      // Exclusive ENI asked on a Flannel pool is passed on as asked: D8-terway-only-feature refuses it (as for the constructs).
      eniMode: exclusive || p.exclusiveEni === true ? EniMode.EXCLUSIVE : EniMode.SHARED,
      podsPerNodeOverride: p.podsPerNode, kubeletMaxPods: p.kubeletMaxPods, imageType: p.imageType,
    });
  });
  const edgePoolNetworks: FleetClusterInput["edgePoolNetworks"] = [];
  if (!edge && c.edgeNodePools !== undefined) report(CONFLICTING_FIELDS, [...at, "edgeNodePools"], "edgeNodePools are for ack-edge clusters (type: ack-edge)");
  (c.edgeNodePools ?? []).forEach((p, j) => {
    const pp: SpecPath = [...at, "edgeNodePools", j];
    if (names.has(p.name)) report(DUPLICATE_NAME, [...pp, "name"], `node pool name ${p.name} is used twice in cluster ${c.name}`);
    names.add(p.name);
    checkSize(p, pp, report);
    reportValues(checkLabels("labels", p.labels), [...pp, "labels"], report);
    reportValues(checkTaints("taints", p.taints), [...pp, "taints"], report);
    const { min, max } = poolSize(p);
    if (edge) {
      nodePools.push({ name: p.name, kind: NodePoolKind.EDGE, instanceTypes: p.instanceTypes ?? [], minNodes: min, maxNodes: max, zones: [] });
      edgePoolNetworks.push({ name: p.name, privateInterconnect: (p.interconnect ?? SpecInterconnect.PRIVATE) === SpecInterconnect.PRIVATE, intranet: p.intranet ?? false, createdOutsideTerraform: p.createdOutsideTerraform ?? false });
    }
  });

  const sum = (kind: NodePoolKind) => nodePools.filter((p) => p.kind === kind).reduce((s, p) => s + p.maxNodes, 0);
  const expectedNodes = Math.max(1, c.expectedNodes ?? 0, sum(NodePoolKind.CLOUD));
  const expectedEdgeNodes = edge ? Math.max(1, c.expectedEdgeNodes ?? 0, sum(NodePoolKind.EDGE)) : 0;
  const expectedPodsPerNode = c.expectedPodsPerNode ?? densest ?? DEFAULT_PODS_PER_NODE;
  // N5: the blocks these counts size must exist (nothing is clamped silently).
  const podsPerNode = cni.podsPerNode ?? DEFAULT_PODS_PER_NODE;
  const podsPerEdgeNode = cni.podsPerEdgeNode ?? DEFAULT_PODS_PER_NODE;
  // As AckNetwork: only the vSwitches carved here are sized (given or adopted ones are not).
  const carvesVSwitches = vpcSpec.shared === undefined && vpcSpec.id === undefined && vpcSpec.vSwitches === undefined;
  const carvesPods = carvesVSwitches && plugin === CniPlugin.TERWAY && vpcSpec.podVSwitchCidrs === undefined;
  const sizing = checkSizing("", {
    zones: (zones ?? []).length,
    expectedNodes: carvesVSwitches && (vpcSpec.nodeVSwitchCidrs === undefined || carvesPods) ? expectedNodes : undefined,
    terwayPodsPerNode: carvesPods ? expectedPodsPerNode : undefined,
    perNodeNodes: plugin === CniPlugin.FLANNEL ? expectedNodes + expectedEdgeNodes : plugin === CniPlugin.TERWAY_EDGE ? expectedEdgeNodes : undefined,
    perNodePods: plugin === CniPlugin.FLANNEL ? 2 ** (32 - maskForPodsPerNode(podsPerNode)) : plugin === CniPlugin.TERWAY_EDGE ? podsPerEdgeNode : undefined,
    expectedServices: c.expectedServices,
  });
  for (const f of sizing) reportValues([f], [...at, f.path.endsWith("expectedServices") ? "expectedServices" : c.expectedNodes === undefined && edge && plugin === CniPlugin.TERWAY_EDGE ? "expectedEdgeNodes" : "expectedNodes"], report);
  return {
    name: c.name,
    profile: edge ? ClusterProfile.EDGE : ClusterProfile.DEFAULT,
    clusterSpec: c.spec ?? "ack.pro.small",
    kubernetesVersion: c.kubernetesVersion,
    cni: {
      plugin,
      podCidr: plugin === CniPlugin.FLANNEL ? cni.podCidr : undefined,
      podsPerNode: cni.podsPerNode ?? DEFAULT_PODS_PER_NODE,
      edgePodCidr: plugin === CniPlugin.TERWAY_EDGE ? cni.edgePodCidr : undefined,
      edgeNodeCidrs: edge && plugin === CniPlugin.FLANNEL ? (cni.edgeNodeCidrs ?? []) : [],
      podsPerEdgeNode: cni.podsPerEdgeNode ?? DEFAULT_PODS_PER_NODE,
      exclusiveEni: exclusiveDefault,
      networkPolicy: cni.networkPolicy ?? true,
      dataPathV2: cni.dataPathV2 ?? false,
      trunk: cni.trunk ?? false,
      ipvlan: cni.ipvlan ?? false,
    },
    vpc,
    zones: zones ?? [],
    serviceCidr: c.serviceCidr,
    expectedServices: c.expectedServices ?? DEFAULT_EXPECTED_SERVICES,
    // Never below what the node pools can already grow to (a smaller range would fail D4/F1).
    expectedNodes,
    expectedPodsPerNode,
    expectedEdgeNodes,
    nodePools,
    edgePoolNetworks,
    ipStack: c.ipStack ?? IpStack.IPV4,
    proxyMode: c.proxyMode ?? SpecProxyMode.IPVS,
    enterpriseSecurityGroup: c.enterpriseSecurityGroup ?? true,
    apiServerPublicAccess: c.apiServerPublicAccess ?? false,
    nodeQuota: c.nodeQuota,
    routeTableQuota: c.routeTableQuota,
    allowServiceCidrReuse: c.allowServiceCidrReuse ?? false,
    secretsEncrypted: c.secretsEncryptionKeyId !== undefined,
    externalRanges: (c.externalRanges ?? []).map((r) => ({ name: r.name, cidr: r.cidr, kind: r.kind, sameVpc: r.sameVpc ?? false })),
    replace: c.replace ?? false,
  };
}
