/**
 * Fleet address allocation. Every range is, in this order of precedence: given in the spec,
 * recorded in the lock, or carved from its pool. Carving is first fit, in spec order, from
 * space that nothing else holds: not the lock (clusters present or removed), not any range
 * given in the spec, not anything carved before. So a locked cluster never moves, and a new
 * cluster never lands on a removed cluster's addresses until the lock is pruned.
 */
import { CarveRequest, Cidr, carve } from "../../cidr";
import { Finding } from "../finding";
import { CniPlugin, ClusterProfile } from "../model";
import { layoutVSwitches } from "../layout";
import { RuleInfo } from "../rule";
import { POOL_EXHAUSTED, POOL_MISSING } from "../rules/fleet-rules";
import { VPC_SPACE } from "../rules/range-rules";
import { FleetLock, LockedNetwork, lockedRanges, own } from "./lock";
import { FleetClusterInput, FleetPlanInput, PlannedRange, RangeSource } from "./model";
import { perNodeRangePrefix, servicePrefixFor, vpcPrefixFor, vswitchPrefixes } from "./sizing";
import { FleetNetwork, FleetTopology } from "./topology";

/** A vSwitch of a planned network. */
export interface PlannedVSwitch {
  /** Name as AckNetwork gives it: `node-<zone>`, `pod-<zone>` (adopted: `node-<n>-<zone>`). */
  readonly name: string;
  readonly zone: string;
  readonly cidr?: string;
  readonly source: RangeSource;
  /** Id of an adopted vSwitch. */
  readonly id?: string;
  /** Name of the node vSwitch an adopted pod vSwitch is (same id). */
  readonly sameAs?: string;
}

export interface NetworkAllocation {
  readonly network: FleetNetwork;
  readonly cidr?: string;
  readonly source: RangeSource;
  readonly nodeVSwitches: PlannedVSwitch[];
  /** Terway pod vSwitches (empty when no member runs Terway). */
  readonly podVSwitches: PlannedVSwitch[];
}

export interface ClusterAllocation {
  readonly serviceCidr: PlannedRange;
  /** Flannel (and ACK Edge Flannel) pod CIDR. */
  readonly podCidr?: PlannedRange;
  /** Terway Edge edge pod CIDR. */
  readonly edgePodCidr?: PlannedRange;
}

export interface FleetAllocation {
  readonly networks: Map<string, NetworkAllocation>;
  readonly clusters: ClusterAllocation[];
  readonly findings: Finding[];
}

export function usesPodCidr(c: FleetClusterInput): boolean {
  return c.cni.plugin === CniPlugin.FLANNEL;
}

export function usesEdgePodCidr(c: FleetClusterInput): boolean {
  return c.cni.plugin === CniPlugin.TERWAY_EDGE;
}

/** The lock record of a network (own VPC: under the cluster; shared: under sharedVpcs). */
export function lockedNetwork(lock: FleetLock | undefined, net: FleetNetwork): LockedNetwork | undefined {
  if (!lock) return undefined;
  if (net.kind === "shared") return own(lock.sharedVpcs, net.name);
  if (net.kind === "own") return own(lock.clusters, net.name)?.vpc;
  return undefined;
}

function parseAll(texts: readonly string[]): Cidr[] {
  return texts.map((t) => Cidr.tryParse(t)).filter((c): c is Cidr => c !== undefined);
}

/** Given ranges of the spec (all kinds), which pools must avoid. */
function givenRanges(input: FleetPlanInput): string[] {
  const out: string[] = [];
  for (const s of input.sharedVpcs) if (s.cidr) out.push(s.cidr);
  for (const c of input.clusters) {
    if (c.vpc.kind !== "shared" && c.vpc.cidr) out.push(c.vpc.cidr);
    for (const r of [c.serviceCidr, c.cni.podCidr, c.cni.edgePodCidr]) if (r) out.push(r);
    for (const r of c.externalRanges) out.push(r.cidr);
  }
  for (const l of input.hybridLinks) out.push(...l.dataCenterCidrs);
  for (const k of input.connections) out.push(...k.externalCidrs);
  return out;
}

interface PoolRequest {
  readonly request: CarveRequest;
  readonly path: string;
  readonly what: string;
  readonly hint: string;
  readonly assign: (cidr: string) => void;
}

/** Carves one pool's requests; records the results and reports failures. */
function carvePool(poolName: string, pool: readonly string[], requests: PoolRequest[], taken: Cidr[], findings: Finding[]): void {
  if (requests.length === 0) return;
  const report = (r: RuleInfo, path: string, message: string) =>
    findings.push({ ruleId: r.id, severity: r.severity, sources: r.sources, path, message });
  const pools = parseAll(pool);
  if (pools.length === 0) {
    for (const q of requests) {
      report(POOL_MISSING, q.path, `${q.what} is not given and there is no pools.${poolName} to take a /${q.request.prefix} from; give the CIDR or add pools.${poolName}.`);
    }
    return;
  }
  const result = carve(pools, requests.map((q) => q.request), taken);
  const byId = new Map(requests.map((q) => [q.request.id, q]));
  for (const a of result.allocations) {
    byId.get(a.id)?.assign(a.cidr.toString());
    taken.push(a.cidr);
  }
  for (const f of result.failures) {
    const q = byId.get(f.id) as PoolRequest;
    report(POOL_EXHAUSTED, q.path,
      `pools.${poolName} is exhausted: ${f.message}. Add a CIDR to pools.${poolName}, ${q.hint}, or prune removed clusters from the lock (ack-plan plan --prune).`);
  }
}

/** A vSwitch slot while laying out. */
interface Slot {
  readonly zone: string;
  cidr?: string;
  source: RangeSource;
}

/** Lays out a network's vSwitches: given, else locked (when inside the VPC), else carved. */
function layoutNetwork(net: FleetNetwork, cidr: string | undefined, source: RangeSource, locked: LockedNetwork | undefined, findings: Finding[]): NetworkAllocation {
  if (net.kind === "existing") {
    const nodes = (net.existingNodeVSwitches ?? []).map((v, i) => ({ name: `node-${i + 1}-${v.zone}`, zone: v.zone, cidr: v.cidr, id: v.id, source: RangeSource.GIVEN }));
    const pods = (net.existingPodVSwitches ?? []).map((v, i) => ({
      name: `pod-${i + 1}-${v.zone}`, zone: v.zone, cidr: v.cidr, id: v.id, source: RangeSource.GIVEN,
      sameAs: nodes.find((n) => n.id === v.id)?.name,
    }));
    return { network: net, cidr, source, nodeVSwitches: nodes, podVSwitches: pods };
  }
  const vpc = cidr ? Cidr.tryParse(cidr) : undefined;
  const zones = net.zones;
  const prefixes = vswitchPrefixes({ expectedNodes: net.expectedNodes, podsPerNode: net.podsPerNode || 64 }, zones.length, net.terway);
  const pick = (given: string[] | undefined, lockedByZone: { [zone: string]: string } | undefined): Slot[] =>
    zones.map((zone, i) => {
      const g = given?.[i];
      if (g !== undefined) return { zone, cidr: g, source: RangeSource.GIVEN };
      const l = own(lockedByZone, zone);
      const lc = l ? Cidr.tryParse(l) : undefined;
      if (l && lc && vpc && vpc.contains(lc)) return { zone, cidr: l, source: RangeSource.LOCK };
      return { zone, source: RangeSource.MISSING };
    });
  const nodes = pick(net.nodeVSwitchCidrs, locked?.nodeVSwitches);
  const pods = net.terway ? pick(net.podVSwitchCidrs, locked?.podVSwitches) : [];
  if (vpc) {
    const taken = [...nodes, ...pods].map((v) => v.cidr).filter((c): c is string => c !== undefined && Cidr.tryParse(c) !== undefined);
    const roles: Array<[string, Slot[], number]> = [["node", nodes, prefixes.node], ["pod", pods, prefixes.pod ?? 19]];
    for (const [role, list, prefix] of roles) {
      const missing = list.filter((v) => v.source === RangeSource.MISSING);
      if (missing.length === 0) continue;
      const layout = layoutVSwitches(vpc.toString(), role, missing.map((v) => v.zone), prefix, taken);
      for (const v of layout.vswitches) {
        const slot = missing.find((x) => x.zone === v.zone);
        if (slot) {
          slot.cidr = v.cidr;
          slot.source = RangeSource.CARVED;
          taken.push(v.cidr);
        }
      }
      for (const f of layout.failures) {
        const zone = f.id.slice(role.length + 1);
        findings.push({
          ruleId: VPC_SPACE.id, severity: VPC_SPACE.severity, sources: VPC_SPACE.sources,
          path: `${net.path}.${role}VSwitches[${zone}]`,
          message: `VPC ${vpc} of ${net.name} has no room left for a /${f.prefix} ${role} vSwitch in ${zone} (${f.missingAddresses.toLocaleString("en-US")} addresses missing); use a larger VPC (vpc.prefix), lower expectedNodes/expectedPodsPerNode, or give ${role}VSwitchCidrs.`,
        });
      }
    }
  }
  const out = (role: string, list: Slot[]): PlannedVSwitch[] => list.map((v) => ({ name: `${role}-${v.zone}`, zone: v.zone, cidr: v.cidr, source: v.source }));
  return { network: net, cidr, source, nodeVSwitches: out("node", nodes), podVSwitches: out("pod", pods) };
}

/** Allocates every VPC, vSwitch, pod, service and edge pod range of the fleet. */
export function allocateFleet(input: FleetPlanInput, topology: FleetTopology, lock: FleetLock | undefined): FleetAllocation {
  const findings: Finding[] = [];
  const taken = parseAll([...(lock ? lockedRanges(lock) : []), ...givenRanges(input)]);

  // VPCs.
  const vpcCidr = new Map<string, PlannedRange>();
  const vpcRequests: PoolRequest[] = [];
  for (const net of topology.networks) {
    const locked = lockedNetwork(lock, net);
    if (net.cidr) vpcCidr.set(net.key, { cidr: net.cidr, source: RangeSource.GIVEN });
    else if (locked) vpcCidr.set(net.key, { cidr: locked.cidr, source: RangeSource.LOCK });
    else {
      vpcCidr.set(net.key, { source: RangeSource.MISSING });
      const sizing = { expectedNodes: net.expectedNodes, podsPerNode: net.podsPerNode || 64 };
      const prefix = net.prefix ?? vpcPrefixFor(net.zones.length, vswitchPrefixes(sizing, net.zones.length, net.terway));
      vpcRequests.push({
        request: { id: `VPC of ${net.name} (/${prefix})`, prefix },
        path: net.kind === "shared" ? `${net.path}.cidr` : `${net.name}.vpc.cidr`,
        what: `the VPC CIDR of ${net.name}`,
        hint: "lower expectedNodes or vpc.prefix",
        assign: (cidr) => vpcCidr.set(net.key, { cidr, source: RangeSource.POOL }),
      });
    }
  }
  carvePool("vpc", input.pools.vpc, vpcRequests, taken, findings);

  // Pod, service and edge pod CIDRs.
  const clusters: Array<{ serviceCidr: PlannedRange; podCidr?: PlannedRange; edgePodCidr?: PlannedRange }> = input.clusters.map(() => ({ serviceCidr: { source: RangeSource.MISSING } }));
  const pods: PoolRequest[] = [];
  const services: PoolRequest[] = [];
  const edges: PoolRequest[] = [];
  input.clusters.forEach((c, i) => {
    const locked = own(lock?.clusters, c.name);
    const slot = clusters[i];
    const choose = (given: string | undefined, lockedValue: string | undefined, set: (r: PlannedRange) => void, queue: PoolRequest[], req: Omit<PoolRequest, "assign">) => {
      if (given) set({ cidr: given, source: RangeSource.GIVEN });
      else if (lockedValue) set({ cidr: lockedValue, source: RangeSource.LOCK });
      else {
        set({ source: RangeSource.MISSING });
        queue.push({ ...req, assign: (cidr) => set({ cidr, source: RangeSource.POOL }) });
      }
    };
    if (usesPodCidr(c)) {
      const nodes = c.expectedNodes + (c.profile === ClusterProfile.EDGE ? c.expectedEdgeNodes : 0);
      const prefix = perNodeRangePrefix(nodes, c.cni.podsPerNode);
      choose(c.cni.podCidr, locked?.podCidr, (r) => (slot.podCidr = r), pods, {
        request: { id: `pod CIDR of ${c.name} (/${prefix})`, prefix }, path: `${c.name}.cni.podCidr`,
        what: `the pod CIDR of ${c.name}`, hint: "lower expectedNodes or cni.podsPerNode",
      });
    }
    const svcPrefix = servicePrefixFor(c.expectedServices);
    choose(c.serviceCidr, locked?.serviceCidr, (r) => (slot.serviceCidr = r), services, {
      request: { id: `service CIDR of ${c.name} (/${svcPrefix})`, prefix: svcPrefix }, path: `${c.name}.serviceCidr`,
      what: `the service CIDR of ${c.name}`, hint: "lower expectedServices",
    });
    if (usesEdgePodCidr(c)) {
      const prefix = perNodeRangePrefix(c.expectedEdgeNodes, c.cni.podsPerEdgeNode);
      choose(c.cni.edgePodCidr, locked?.edgePodCidr, (r) => (slot.edgePodCidr = r), edges, {
        request: { id: `edge pod CIDR of ${c.name} (/${prefix})`, prefix }, path: `${c.name}.cni.edgePodCidr`,
        what: `the edge pod CIDR of ${c.name}`, hint: "lower expectedEdgeNodes or cni.podsPerEdgeNode",
      });
    }
  });
  carvePool("pods", input.pools.pods, pods, taken, findings);
  carvePool("services", input.pools.services, services, taken, findings);
  carvePool("edgePods", input.pools.edgePods, edges, taken, findings);

  // vSwitches inside each VPC.
  const networks = new Map<string, NetworkAllocation>();
  for (const net of topology.networks) {
    const v = vpcCidr.get(net.key) as PlannedRange;
    networks.set(net.key, layoutNetwork(net, v.cidr, v.source, lockedNetwork(lock, net), findings));
  }
  return { networks, clusters, findings };
}
