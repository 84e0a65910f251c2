/**
 * The change guard: compares each cluster with what the lock recorded at its creation and
 * reports changes to fields fixed at creation (section K of the network rules) as errors
 * naming the cluster, the field and the old and new values. `replace: true` on the cluster
 * turns them into one info (the cluster will be recreated). Create-only fields that Terraform
 * ignores after creation (K-8) are warnings. Pure.
 */
import { Finding } from "../finding";
import { podsPerNodeForMask } from "../capacity";
import { RuleInfo } from "../rule";
import {
  CNI_CHANGED, CREATE_ONLY_IGNORED, DATAPATH_V2_CHANGED, EDGE_POD_CIDR_CHANGED, ENI_MODE_CHANGED, IP_STACK_CHANGED,
  PHYSICAL_CONNECTION_CHANGED, PODS_PER_NODE_CHANGED, POD_CIDR_CHANGED, PROFILE_CHANGED, PROXY_MODE_CHANGED,
  REPLACE_ACKNOWLEDGED, SECURITY_GROUP_CHANGED, SERVICE_CIDR_CHANGED, SPEC_DOWNGRADE, VPC_CHANGED,
} from "../rules/fleet-rules";
import { FixedFields, FleetLock, own } from "./lock";

/** A cluster as the guard sees it now. */
export interface GuardedCluster {
  readonly name: string;
  readonly replace: boolean;
  readonly serviceCidr?: string;
  readonly podCidr?: string;
  readonly edgePodCidr?: string;
  readonly fixed: FixedFields;
}

/** A hybrid link as the guard sees it now. */
export interface GuardedLink {
  readonly name: string;
  readonly cluster: string;
  readonly physicalConnectionId: string;
  readonly replace: boolean;
}

interface Change {
  readonly rule: RuleInfo;
  readonly path: string;
  readonly field: string;
  readonly from: string;
  readonly to: string;
}

const show = (v: unknown): string => (Array.isArray(v) ? `[${v.join(", ")}]` : String(v));

function finding(rule: RuleInfo, path: string, message: string): Finding {
  return { ruleId: rule.id, severity: rule.severity, sources: rule.sources, path, message };
}

/** Every change of one cluster against its lock record. */
function changesOf(now: GuardedCluster, was: { serviceCidr?: string; podCidr?: string; edgePodCidr?: string; fixed: FixedFields }): Change[] {
  const n = now.name;
  const a = was.fixed;
  const b = now.fixed;
  const out: Change[] = [];
  const diff = (rule: RuleInfo, path: string, field: string, from: unknown, to: unknown) => {
    if (from === undefined || to === undefined || show(from) === show(to)) return;
    out.push({ rule, path: `${n}.${path}`, field, from: show(from), to: show(to) });
  };
  diff(PROFILE_CHANGED, "type", "cluster type (profile)", a.profile, b.profile);
  diff(CNI_CHANGED, "cni.plugin", "CNI plugin", a.cni, b.cni);
  diff(SERVICE_CIDR_CHANGED, "serviceCidr", "service CIDR", was.serviceCidr, now.serviceCidr);
  const samePlugin = a.cni === b.cni;
  if (samePlugin) {
    diff(POD_CIDR_CHANGED, "cni.podCidr", "pod CIDR", was.podCidr, now.podCidr);
    diff(EDGE_POD_CIDR_CHANGED, "cni.edgePodCidr", "edge pod CIDR", was.edgePodCidr, now.edgePodCidr);
    if (a.nodeCidrMask !== undefined && b.nodeCidrMask !== undefined && a.nodeCidrMask !== b.nodeCidrMask) {
      out.push({
        rule: PODS_PER_NODE_CHANGED, path: `${n}.cni.podsPerNode`, field: "pods per node (node CIDR mask)",
        from: `${podsPerNodeForMask(a.nodeCidrMask)} (/${a.nodeCidrMask})`, to: `${podsPerNodeForMask(b.nodeCidrMask)} (/${b.nodeCidrMask})`,
      });
    }
    diff(PODS_PER_NODE_CHANGED, "cni.podsPerEdgeNode", "pods per edge node", a.podsPerEdgeNode, b.podsPerEdgeNode);
    diff(DATAPATH_V2_CHANGED, "cni.dataPathV2", "DataPath V2", a.dataPathV2, b.dataPathV2);
    for (const [pool, mode] of Object.entries(b.nodePools)) {
      diff(ENI_MODE_CHANGED, `nodePools[${pool}].exclusiveEni`, `ENI mode of node pool ${pool}`, own(a.nodePools, pool), mode);
    }
  }
  diff(IP_STACK_CHANGED, "ipStack", "IP stack", a.ipStack, b.ipStack);
  diff(PROXY_MODE_CHANGED, "proxyMode", "kube-proxy mode", a.proxyMode, b.proxyMode);
  diff(SECURITY_GROUP_CHANGED, "enterpriseSecurityGroup", "enterprise security group", a.enterpriseSecurityGroup, b.enterpriseSecurityGroup);
  diff(VPC_CHANGED, "vpc", "VPC", a.vpc, b.vpc);
  if (a.clusterSpec.startsWith("ack.pro.") && b.clusterSpec === "ack.standard") {
    out.push({ rule: SPEC_DOWNGRADE, path: `${n}.spec`, field: "cluster spec", from: a.clusterSpec, to: b.clusterSpec });
  }
  const sameZones = show([...a.zones].sort()) === show([...b.zones].sort());
  if (!sameZones) out.push({ rule: CREATE_ONLY_IGNORED, path: `${n}.zones`, field: "zones", from: show(a.zones), to: show(b.zones) });
  if (samePlugin) {
    for (const [zone, v] of Object.entries(b.podVSwitches)) {
      const old = own(a.podVSwitches, zone);
      if (old !== undefined && old !== v) {
        out.push({ rule: CREATE_ONLY_IGNORED, path: `${n}.vpc.podVSwitchCidrs`, field: `pod vSwitch in ${zone}`, from: old, to: v });
      }
    }
  }
  return out;
}

function errorMessage(cluster: string, c: Change): string {
  if (c.rule === CREATE_ONLY_IGNORED) {
    return `cluster ${cluster}: ${c.field} changed from ${c.from} to ${c.to}; this setting is read only when the cluster is created, so it is ignored by Terraform after creation: vSwitches of added or removed zones change, the running cluster keeps its creation-time settings. Reconfigure the cluster (e.g. Terway pod vSwitches) to match, or mark it replace: true.`;
  }
  return `cluster ${cluster}: ${c.field} changed from ${c.from} to ${c.to}; it is fixed at creation, so applying this would replace the cluster. Revert it, or mark the cluster \`replace: true\` to recreate it on purpose.`;
}

/** Change-guard findings for the clusters and hybrid links that the lock knows. */
export function guardChanges(lock: FleetLock, clusters: readonly GuardedCluster[], links: readonly GuardedLink[]): Finding[] {
  const out: Finding[] = [];
  const replaced = new Set<string>();
  for (const now of clusters) {
    const was = own(lock.clusters, now.name);
    if (!was) continue;
    const changes = changesOf(now, was);
    if (changes.length === 0) continue;
    if (now.replace) {
      replaced.add(now.name);
      const list = changes.filter((c) => c.rule !== CREATE_ONLY_IGNORED).map((c) => `${c.field} ${c.from} -> ${c.to}`);
      const all = list.length > 0 ? list : changes.map((c) => `${c.field} ${c.from} -> ${c.to}`);
      out.push(finding(REPLACE_ACKNOWLEDGED, `${now.name}.replace`,
        `cluster ${now.name} is marked replace: true and changes ${all.join("; ")}; Terraform will destroy and recreate it. Remove replace: true after the apply.`));
      continue;
    }
    for (const c of changes) out.push(finding(c.rule, c.path, errorMessage(now.name, c)));
  }
  for (const link of links) {
    const was = own(lock.hybridLinks, link.name);
    if (!was || was.physicalConnectionId === link.physicalConnectionId) continue;
    const path = `hybridLinks[${link.name}].physicalConnectionId`;
    if (link.replace || replaced.has(link.cluster)) {
      out.push(finding(REPLACE_ACKNOWLEDGED, path,
        `hybrid link ${link.name} moves from physical connection ${was.physicalConnectionId} to ${link.physicalConnectionId}; its VBR will be recreated.`));
    } else {
      out.push(finding(PHYSICAL_CONNECTION_CHANGED, path,
        `hybrid link ${link.name}: physical connection changed from ${was.physicalConnectionId} to ${link.physicalConnectionId}; the VBR's physical_connection_id is ForceNew, so the link would be recreated. Revert it, or mark the link (or its cluster) replace: true.`));
    }
  }
  return out;
}
