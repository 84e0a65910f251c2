import { Cidr, findOverlaps } from "../../cidr";
import { PlanContext } from "../context";
import { Severity } from "../finding";
import { ExternalRangeKind } from "../model";
import { RuleInfo, rule } from "../rule";
import { VSWITCH_OVERLAP } from "./range-rules";

export const POD_CIDR_OVERLAP = rule(
  "C1-pod-cidr-overlap", Severity.ERROR, ["C-1"],
  "The Flannel pod CIDR overlaps neither the VPC nor any vSwitch.",
  "Flannel pod addresses are routed by VPC route entries per node; a pod CIDR inside the VPC or a vSwitch makes those routes ambiguous and the API rejects it (e.g. VPC 172.16.0.0/12 rules out 172.16.0.0/16 and 172.17.0.0/16). Overlap with the service CIDR is C2-service-overlap.",
);
export const SERVICE_OVERLAP = rule(
  "C2-service-overlap", Severity.ERROR, ["C-2", "I-5"],
  "The service CIDR overlaps neither the VPC, any node or pod vSwitch, the pod CIDR nor the edge pod CIDR.",
  "Service addresses are virtual and answered by kube-proxy/eBPF on every node: overlapping a real range hides it from pods. CreateCluster rejects it (`InvalidPodVswitchIds`-style errors at apply).",
);
export const OTHER_CLUSTER_OVERLAP = rule(
  "C3-other-cluster-overlap", Severity.ERROR, ["C-3", "C-8"],
  "Pod, node and vSwitch ranges don't overlap other clusters' ranges in the same VPC.",
  "Pods of several clusters in one VPC share its routing: pod CIDRs and pod vSwitches of each cluster must be disjoint from every other cluster's pod, node and service ranges.",
);
export const SERVICE_REUSE = rule(
  "C4-service-reuse", Severity.ERROR, ["C-4"],
  "Clusters in one VPC have disjoint service CIDRs (opt out with allowServiceCidrReuse).",
  "**Conflict in the sources.** The planning guide says service CIDRs of clusters in one VPC may overlap (they are cluster-local); CreateCluster and the dedicated-cluster console say the service CIDR can't repeat one used by an existing cluster in the VPC, and Service Mesh requires them disjoint. Safe reading: disjoint, with an explicit opt-out (`allowServiceCidrReuse`) that turns this into an info.",
);
export const CONNECTED_OVERLAP = rule(
  "C5-connected-overlap", Severity.ERROR, ["C-5", "A-VPC-3"],
  "No range overlaps a connected VPC or another cluster reached across VPCs.",
  "With CEN, peering, VPN or a hybrid link, the VPC, node, pod and service ranges must be unique across every connected network, or routes collide.",
);
export const DATA_CENTER_OVERLAP = rule(
  "C6-data-center-overlap", Severity.ERROR, ["C-6", "A-VPC-3"],
  "No VPC, vSwitch, pod or service range overlaps a data-centre range.",
  "The VPC routes data-centre ranges to the VBR; a pod or node range inside one is unreachable from one side, and a service CIDR over it hides that part of the data centre from pods.",
);
export const EDGE_POD_OVERLAP = rule(
  "C9-edge-pod-overlap", Severity.ERROR, ["C-9", "I-8", "I-5"],
  "The edge pod CIDR overlaps no other range: VPC, vSwitches, cloud pods, data centre, other clusters.",
  "On the data-centre gateway the container CIDR must be unique (Terway Edge page); it is advertised over BGP and routed by the VBR, so any overlap makes a route ambiguous.",
);
export const POD_VSWITCH_REUSE = rule(
  "F2-pod-vswitch-reuse", Severity.WARNING, ["F-2"],
  "A Terway pod vSwitch is better not the node vSwitch itself.",
  "**Conflict in the sources.** Older CreateCluster text forbids using node vSwitches as pod vSwitches, the provider docs recommend against it, the current console docs allow it. Safe reading: allowed with a warning (pods and nodes then compete for the same addresses).",
);

export const OVERLAP_RULES = [POD_CIDR_OVERLAP, SERVICE_OVERLAP, OTHER_CLUSTER_OVERLAP, SERVICE_REUSE, CONNECTED_OVERLAP, DATA_CENTER_OVERLAP, EDGE_POD_OVERLAP, POD_VSWITCH_REUSE];

enum Role { VPC, NODE_VSW, POD_VSW, SERVICE, POD, EDGE_POD, EXTERNAL }

interface Entry {
  readonly role: Role;
  readonly label: string;
  readonly path: string;
  readonly cidr: Cidr;
  readonly kind?: ExternalRangeKind;
  readonly sameVpc?: boolean;
}

/** Which rule a pair of overlapping ranges breaks (undefined: the overlap is expected). `a` is the own range. */
function classify(a: Entry, b: Entry): RuleInfo | undefined {
  if (a.role === Role.EXTERNAL && b.role === Role.EXTERNAL) return undefined; // not this cluster's business
  if (a.role === Role.EXTERNAL) return classify(b, a);
  if (b.role === Role.EXTERNAL) {
    if (b.kind === ExternalRangeKind.DATA_CENTER) return a.role === Role.EDGE_POD ? EDGE_POD_OVERLAP : DATA_CENTER_OVERLAP;
    if (b.kind === ExternalRangeKind.CONNECTED_VPC || !b.sameVpc) {
      if (a.role === Role.EDGE_POD) return EDGE_POD_OVERLAP;
      return CONNECTED_OVERLAP;
    }
    // Another cluster in the same VPC.
    if (a.role === Role.VPC) return undefined; // its ranges live in our VPC by design
    if (a.role === Role.SERVICE && b.kind === ExternalRangeKind.CLUSTER_SERVICE) return SERVICE_REUSE;
    if (a.role === Role.SERVICE) return SERVICE_OVERLAP;
    if (a.role === Role.EDGE_POD) return EDGE_POD_OVERLAP;
    return OTHER_CLUSTER_OVERLAP;
  }
  // Both own ranges: order by role so each pair has one meaning.
  if (a.role > b.role) return classify(b, a);
  if (a.role === Role.SERVICE || b.role === Role.SERVICE) return SERVICE_OVERLAP;
  if (a.role === Role.EDGE_POD || b.role === Role.EDGE_POD) return EDGE_POD_OVERLAP;
  if (b.role === Role.POD) return POD_CIDR_OVERLAP;
  if (a.role === Role.VPC) return undefined; // vSwitches belong inside the VPC (A4 checks containment)
  return VSWITCH_OVERLAP;
}

/** Which of a pair the message is about: the own range, and among own ranges the one the rule names. */
const SUBJECT_RANK: Record<Role, number> = {
  [Role.SERVICE]: 0, [Role.EDGE_POD]: 1, [Role.POD]: 2, [Role.POD_VSW]: 3, [Role.NODE_VSW]: 4, [Role.VPC]: 5, [Role.EXTERNAL]: 6,
};
function subject(a: Entry, b: Entry): Entry {
  return SUBJECT_RANK[b.role] < SUBJECT_RANK[a.role] ? b : a;
}

/**
 * Section C: every overlapping pair among the cluster's own ranges and the external ranges,
 * found in O(n log n + pairs) and each reported once under the rule it breaks.
 */
export function checkOverlaps(ctx: PlanContext): void {
  const { input } = ctx;
  const entries: Entry[] = [];
  const add = (role: Role, label: string, path: string, text: string | undefined, extra: Partial<Entry> = {}) => {
    const cidr = ctx.cidr(path, text);
    if (cidr) entries.push({ role, label, path, cidr, ...extra });
  };
  add(Role.VPC, `VPC ${input.vpc.name}`, "vpc.cidr", input.vpc.cidr);
  for (const v of input.nodeVSwitches) add(Role.NODE_VSW, `node vSwitch ${v.name}`, `nodeVSwitches[${v.name}].cidr`, v.cidr);
  const reused = input.podVSwitches.filter((v) => v.sameAs);
  for (const v of input.podVSwitches.filter((x) => !x.sameAs)) add(Role.POD_VSW, `pod vSwitch ${v.name}`, `podVSwitches[${v.name}].cidr`, v.cidr);
  add(Role.SERVICE, "service CIDR", "serviceCidr", input.serviceCidr);
  add(Role.POD, "pod CIDR", "cni.podCidr", input.cni.podCidr);
  add(Role.EDGE_POD, "edge pod CIDR", "cni.edgePodCidr", input.cni.edgePodCidr);
  input.externalRanges.forEach((r, i) => add(Role.EXTERNAL, `${r.kind} range ${r.name}`, `externalRanges[${i}]`, r.cidr, { kind: r.kind, sameVpc: r.sameVpc }));

  for (const v of reused) {
    ctx.report(POD_VSWITCH_REUSE, ctx.path(`podVSwitches[${v.name}]`),
      `pod vSwitch ${v.name} is node vSwitch ${v.sameAs}; pods and nodes will draw from the same addresses. Give Terway its own pod vSwitch per zone.`);
  }

  for (const { a, b } of findOverlaps(entries.map((e) => e.cidr))) {
    const ea = entries[a];
    const eb = entries[b];
    const r = classify(ea, eb);
    if (!r) continue;
    const own = subject(ea, eb);
    const other = own === ea ? eb : ea;
    if (r === SERVICE_REUSE && input.allowServiceCidrReuse) continue;
    ctx.report(r, ctx.path(own.path),
      `${own.label} ${own.cidr} overlaps ${other.label} ${other.cidr}; move one of them so that they are disjoint.`);
  }
}
