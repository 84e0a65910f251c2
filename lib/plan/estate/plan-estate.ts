/**
 * planEstate: the whole estate planned once. Connected domains, the peers of every cluster
 * (compared inside its domain only), every cluster rule (planCluster), every hybrid link
 * (planHybridLink, with the edge pod CIDRs of the VPC's Terway Edge clusters routed
 * automatically), and the cross-resource rules: data-centre ranges against every range of
 * every VPC a link joins, two networks reaching the same data centre, and capacity shared
 * inside a VPC. Both front-ends call it: the spec (lib/plan/fleet/plan-fleet.ts) and the
 * constructs of an App (lib/constructs/estate.ts). Pure.
 */
import { Cidr } from "../../cidr";
import { Finding, sortFindings } from "../finding";
import { HybridLinkPlan, HybridLinkPlanInput, HybridSibling, planHybridLink } from "../hybrid";
import { ClusterPlanInput, CniPlugin } from "../model";
import { ClusterPlanResult, planCluster } from "../plan-cluster";
import { RuleInfo } from "../rule";
import { DATA_CENTER_DUPLICATE } from "../rules/estate-rules";
import { CONNECTED_OVERLAP, DATA_CENTER_OVERLAP } from "../rules/overlap-rules";
import { buildDomains } from "./domains";
import { EstateInput } from "./model";
import { EstateClash, estatePeers, terwayEdgePodCidrs } from "./peers";
import { VpcMember, checkSharedCapacity } from "./shared-capacity";

/** One cluster as planned. */
export interface EstateClusterResult extends ClusterPlanResult {
  /** What planCluster saw (VPC, vSwitches and peers filled in). */
  readonly input: ClusterPlanInput;
}

/** One hybrid link as planned. */
export interface EstateLinkResult {
  /** What planHybridLink saw (edge pod CIDRs completed). */
  readonly input: HybridLinkPlanInput;
  readonly plan: HybridLinkPlan;
  /** Edge pod CIDRs routed automatically (Terway Edge clusters of the VPC the link did not list). */
  readonly addedEdgePodCidrs: string[];
}

/** How much work the plan took (npm run bench and the scale tests read it). */
export interface EstateStats {
  readonly vpcs: number;
  readonly clusters: number;
  readonly links: number;
  /** Connected domains (isolated VPCs are one each). */
  readonly domains: number;
  /** Domains with two or more ranges to compare. */
  readonly comparedDomains: number;
  /** Overlapping range pairs examined over every domain. */
  readonly overlapPairs: number;
  /** Overlapping pairs of cluster or VPC ranges of two different VPCs. */
  readonly crossVpcPairs: number;
  /** planCluster calls: one per cluster. */
  readonly clusterPlans: number;
}

export interface EstatePlan {
  /** By cluster key. */
  readonly clusters: Map<string, EstateClusterResult>;
  /** By link key. */
  readonly links: Map<string, EstateLinkResult>;
  /** Findings of VPC-scoped rules, by VPC key. */
  readonly vpcFindings: Map<string, Finding[]>;
  /** Every finding, errors first. */
  readonly findings: Finding[];
  readonly stats: EstateStats;
}

function canonical(text: string): string {
  return Cidr.tryParse(text)?.toString() ?? text;
}

/** Plans the estate. */
export function planEstate(input: EstateInput): EstatePlan {
  const vpcIndex = new Map<string, number>();
  input.vpcs.forEach((v, i) => {
    if (vpcIndex.has(v.key)) throw new Error(`planEstate: VPC key ${v.key} is used twice`);
    vpcIndex.set(v.key, i);
  });
  const vpcOf = (key: string, what: string): number => {
    const i = vpcIndex.get(key);
    if (i === undefined) throw new Error(`planEstate: ${what} refers to VPC ${key}, which is not in the estate`);
    return i;
  };
  const vpcOfCluster = new Int32Array(input.clusters.length);
  input.clusters.forEach((c, i) => { vpcOfCluster[i] = vpcOf(c.vpc, `cluster ${c.key}`); });
  const linkVpc = input.links.map((l) => vpcOf(l.vpc, `link ${l.key}`));

  const domains = buildDomains(input);
  const peerResult = estatePeers(input, domains, vpcOfCluster);
  const linksPerVpc = new Int32Array(input.vpcs.length);
  for (const v of linkVpc) linksPerVpc[v]++;

  const vpcFindings = new Map<string, Finding[]>();
  const extraClusterFindings = new Map<number, Finding[]>();
  const push = <K>(m: Map<K, Finding[]>, k: K, f: Finding) => {
    const list = m.get(k);
    if (list) list.push(f);
    else m.set(k, [f]);
  };
  const finding = (r: RuleInfo, path: string, message: string): Finding => ({ ruleId: r.id, severity: r.severity, sources: r.sources, path, message });

  // Clusters.
  const clusters = new Map<string, EstateClusterResult>();
  const members: VpcMember[][] = input.vpcs.map(() => []);
  let clusterPlans = 0;
  input.clusters.forEach((c, i) => {
    const v = vpcOfCluster[i];
    const vpc = input.vpcs[v];
    const plugin = c.input.cni.plugin;
    const terway = plugin === CniPlugin.TERWAY || plugin === CniPlugin.TERWAY_EDGE;
    const planInput: ClusterPlanInput = {
      ...c.input,
      vpc: { name: vpc.name, cidr: vpc.cidr, existing: vpc.existing, ipv6: vpc.ipv6, allowPublicRanges: vpc.allowPublicRanges },
      nodeVSwitches: vpc.nodeVSwitches,
      podVSwitches: terway ? vpc.podVSwitches : [],
      controlPlaneVSwitches: c.controlPlaneVSwitches ?? c.input.controlPlaneVSwitches,
      externalRanges: peerResult.peers[i].length > 0 ? [...c.input.externalRanges, ...peerResult.peers[i]] : c.input.externalRanges,
      hasHybridLink: linksPerVpc[v] > 0,
    };
    let result = c.preplanned;
    if (!result) {
      result = planCluster(planInput, { extraInstanceTypes: c.extraInstanceTypes ?? input.extraInstanceTypes });
      clusterPlans++;
    }
    clusters.set(c.key, { ...result, input: planInput });
    members[v].push({ input: planInput, capacity: result.capacity });
  });

  // Clashes the estate reports itself.
  const clusterName = (i: number) => input.clusters[i].input.name;
  for (const k of peerResult.clashes) report(k);
  function report(k: EstateClash): void {
    const s = k.subject;
    const o = k.other;
    if (k.kind === "data-center-duplicate") {
      const what = s.role === "vpc" ? `VPC ${input.vpcs[s.vpc].name} ${s.text}` : `edge pod CIDR ${s.text} of ${clusterName(s.owner)}`;
      const message = `${what} overlaps ${o.label} ${o.text}, and both networks reach the same data centre (their links' data-centre ranges overlap): both VBRs would advertise it and the data-centre gateway can route it only one way. Give every network reaching a data centre its own VPC CIDR and edge pod CIDR.`;
      if (s.role === "vpc") push(vpcFindings, input.vpcs[s.vpc].key, finding(DATA_CENTER_DUPLICATE, `${input.vpcs[s.vpc].path}.cidr`, message));
      else push(extraClusterFindings, s.owner, finding(DATA_CENTER_DUPLICATE, `${clusterName(s.owner)}.cni.edgePodCidr`, message));
      return;
    }
    const r = k.kind === "vpc-data-center" ? DATA_CENTER_OVERLAP : CONNECTED_OVERLAP;
    push(vpcFindings, input.vpcs[s.vpc].key, finding(r, `${input.vpcs[s.vpc].path}.cidr`,
      `VPC ${input.vpcs[s.vpc].name} ${s.text} overlaps ${o.label} ${o.text}; move one of them so that they are disjoint.`));
  }
  for (const [i, list] of extraClusterFindings) {
    if (input.clusters[i].preplanned) continue; // reported by the plan that planned it
    const key = input.clusters[i].key;
    const r = clusters.get(key) as EstateClusterResult;
    clusters.set(key, { ...r, findings: sortFindings([...r.findings, ...list]) });
  }

  // Shared capacity per VPC (a VPC whose clusters were all planned already was checked by that plan).
  const fresh = new Uint8Array(input.vpcs.length);
  input.clusters.forEach((c, i) => { if (!c.preplanned) fresh[vpcOfCluster[i]] = 1; });
  input.vpcs.forEach((vpc, v) => {
    if (members[v].length > 0 && !fresh[v]) return;
    checkSharedCapacity(vpc, members[v], (r, path, message) => push(vpcFindings, vpc.key, finding(r, path, message)));
  });

  // Hybrid links.
  const autoEdge = terwayEdgePodCidrs(input, vpcOfCluster);
  const byConnection = new Map<string, number[]>();
  const byVbr = new Map<string, number[]>();
  input.links.forEach((l, i) => {
    for (const [m, k] of [[byConnection, l.input.physicalConnectionId], [byVbr, l.input.vbrId]] as const) {
      if (k === undefined) continue;
      const list = m.get(k);
      if (list) list.push(i);
      else m.set(k, [i]);
    }
  });
  const links = new Map<string, EstateLinkResult>();
  input.links.forEach((l, i) => {
    const v = linkVpc[i];
    const given = new Set(l.input.edgePodCidrs.map(canonical));
    const added = [...new Set((autoEdge.get(v) ?? []).filter((c) => Cidr.tryParse(c) !== undefined).map(canonical))].filter((c) => !given.has(c));
    const related = new Set([...(l.input.physicalConnectionId !== undefined ? byConnection.get(l.input.physicalConnectionId) ?? [] : []), ...(l.input.vbrId !== undefined ? byVbr.get(l.input.vbrId) ?? [] : [])]);
    related.delete(i);
    const siblings: HybridSibling[] = [...related].sort((a, b) => a - b).map((j) => {
      const o = input.links[j].input;
      // Named by key: a construct path (`stack/link`) or a spec link name.
      return { name: input.links[j].key, physicalConnectionId: o.physicalConnectionId, vlanId: o.vbr?.vlanId, vbrId: o.vbrId, peerCount: o.bgp.peerIps.length };
    });
    const linkInput: HybridLinkPlanInput = {
      ...l.input,
      vpcCidr: input.vpcs[v].cidr,
      edgePodCidrs: [...l.input.edgePodCidrs, ...added],
      siblings,
    };
    links.set(l.key, { input: linkInput, plan: l.preplanned ?? planHybridLink(linkInput), addedEdgePodCidrs: added });
  });

  const findings: Finding[] = [];
  // Findings of what this call planned (preplanned clusters and links were reported by their own plan).
  input.clusters.forEach((c) => { if (!c.preplanned) findings.push(...(clusters.get(c.key) as EstateClusterResult).findings); });
  for (const list of vpcFindings.values()) findings.push(...list);
  input.links.forEach((l) => { if (!l.preplanned) findings.push(...(links.get(l.key) as EstateLinkResult).plan.findings); });
  return {
    clusters, links, vpcFindings, findings: sortFindings(findings),
    stats: {
      vpcs: input.vpcs.length, clusters: input.clusters.length, links: input.links.length,
      domains: domains.count, comparedDomains: peerResult.comparedDomains, overlapPairs: peerResult.pairs, crossVpcPairs: peerResult.crossVpcPairs, clusterPlans,
    },
  };
}
