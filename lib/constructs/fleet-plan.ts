/**
 * The plan of a {@link Fleet} as jsii structs: plain data (strings, numbers, enums, lists) that
 * Python, Java, .NET and Go read like TypeScript does. It is a view of the fleet planner's
 * model (lib/plan/fleet), which stays TypeScript-only (lock, allocations, topology: see
 * `fleetPlanOf` in fleet.ts); nothing here is needed to build the stacks.
 */
import { ClusterPlanResult } from "../plan/plan-cluster";
import { HybridLinkPlan, HybridLinkPlanInput } from "../plan/hybrid";
import { CniPlugin, ClusterProfile } from "../plan/model";
import { NetworkAllocation, PlannedVSwitch } from "../plan/fleet/allocate";
import { PlannedRange, RangeSource } from "../plan/fleet/model";
import type { SpecCheck } from "../spec/check-spec";
import { LocatedFinding } from "../spec/located-finding";
import { sharedVpcStackName } from "../spec/normalize";

/** How a fleet network came to be. */
export enum FleetNetworkKind {
  /** A new VPC of one cluster, in the cluster's stack. */
  OWN = "own",
  /** An existing VPC the cluster adopts (by id). */
  EXISTING = "existing",
  /** A new VPC shared by several clusters (`sharedVpcs`), in its own stack `vpc-<name>`. */
  SHARED = "shared",
}

/** A range of the fleet plan and where it came from. */
export interface PlannedFleetRange {
  /** Undefined when it could not be allocated (source `missing`; see the findings). */
  readonly cidr?: string;
  readonly source: RangeSource;
}

/** A vSwitch of a fleet network. */
export interface PlannedFleetVSwitch {
  /** Name as AckNetwork gives it: `node-<zone>`, `pod-<zone>` (adopted: `node-<n>-<zone>`). */
  readonly name: string;
  readonly zone: string;
  /** Undefined when it could not be carved (source `missing`). */
  readonly cidr?: string;
  readonly source: RangeSource;
  /** Id of an adopted vSwitch. @default none (created) */
  readonly id?: string;
  /** Name of the node vSwitch an adopted pod vSwitch is (same id). @default none */
  readonly sameAs?: string;
}

/** A VPC of the fleet with its vSwitches. */
export interface PlannedFleetNetwork {
  /** Cluster name (own or adopted VPC) or shared VPC name. */
  readonly name: string;
  readonly kind: FleetNetworkKind;
  /** The stack that holds it: the cluster's, or `vpc-<name>` for a shared VPC. */
  readonly stackName: string;
  /** Names of the clusters in it, in spec order. */
  readonly clusters: string[];
  readonly zones: string[];
  /** Undefined when it could not be allocated (source `missing`). */
  readonly cidr?: string;
  readonly source: RangeSource;
  /** Id of an adopted VPC. @default none (created) */
  readonly vpcId?: string;
  readonly nodeVSwitches: PlannedFleetVSwitch[];
  /** Terway pod vSwitches (empty when no member runs Terway). */
  readonly podVSwitches: PlannedFleetVSwitch[];
}

/** One cluster of the fleet plan. */
export interface PlannedFleetCluster {
  readonly name: string;
  readonly profile: ClusterProfile;
  readonly cni: CniPlugin;
  /** e.g. `ack.pro.small`. */
  readonly clusterSpec: string;
  readonly kubernetesVersion?: string;
  readonly network: PlannedFleetNetwork;
  readonly serviceCidr: PlannedFleetRange;
  /** Flannel (and ACK Edge Flannel) pod CIDR. @default none (Terway) */
  readonly podCidr?: PlannedFleetRange;
  /** Terway Edge edge pod CIDR. @default none */
  readonly edgePodCidr?: PlannedFleetRange;
  /** The cluster's findings and capacity plan (the same as its construct's `plan`). */
  readonly result: ClusterPlanResult;
}

/** A hybrid link of the fleet with its route plan. */
export interface PlannedFleetLink {
  readonly name: string;
  /** Cluster whose VPC the link joins. */
  readonly cluster: string;
  readonly input: HybridLinkPlanInput;
  readonly plan: HybridLinkPlan;
}

/** A cluster removed from the spec whose ranges the lock still holds. */
export interface PlannedFleetHeld {
  readonly name: string;
  readonly ranges: string[];
}

/** The plan of a fleet: its clusters, networks and links with their ranges, and every finding. */
export interface PlannedFleet {
  readonly clusters: PlannedFleetCluster[];
  readonly networks: PlannedFleetNetwork[];
  readonly links: PlannedFleetLink[];
  /** Every finding of the fleet, errors first, located in the spec (or lock) file. */
  readonly findings: LocatedFinding[];
  /** True when the lock this plan writes differs from the lock read (or there was none). */
  readonly lockChanged: boolean;
  /** What changed in the lock, one line each. */
  readonly lockChanges: string[];
  readonly held: PlannedFleetHeld[];
}

function range(r: PlannedRange): PlannedFleetRange;
function range(r: PlannedRange | undefined): PlannedFleetRange | undefined;
function range(r: PlannedRange | undefined): PlannedFleetRange | undefined {
  return r && { cidr: r.cidr, source: r.source };
}

function vswitch(v: PlannedVSwitch): PlannedFleetVSwitch {
  return { name: v.name, zone: v.zone, cidr: v.cidr, source: v.source, id: v.id, sameAs: v.sameAs };
}

function kindOf(kind: string): FleetNetworkKind {
  return kind === "shared" ? FleetNetworkKind.SHARED : kind === "existing" ? FleetNetworkKind.EXISTING : FleetNetworkKind.OWN;
}

/** The jsii view of a checked spec's plan (undefined when the spec could not be read). */
export function plannedFleet(check: SpecCheck): PlannedFleet | undefined {
  const plan = check.plan;
  if (!plan) return undefined;
  const members = new Map<string, string[]>();
  for (const c of plan.clusters) {
    const list = members.get(c.network.network.key);
    if (list) list.push(c.name);
    else members.set(c.network.network.key, [c.name]);
  }
  const networks = new Map<string, PlannedFleetNetwork>();
  const network = (n: NetworkAllocation): PlannedFleetNetwork => {
    const known = networks.get(n.network.key);
    if (known) return known;
    const kind = kindOf(n.network.kind);
    const view: PlannedFleetNetwork = {
      name: n.network.name, kind, stackName: kind === FleetNetworkKind.SHARED ? sharedVpcStackName(n.network.name) : n.network.name,
      clusters: members.get(n.network.key) ?? [], zones: [...n.network.zones], cidr: n.cidr, source: n.source, vpcId: n.network.existingId,
      nodeVSwitches: n.nodeVSwitches.map(vswitch), podVSwitches: n.podVSwitches.map(vswitch),
    };
    networks.set(n.network.key, view);
    return view;
  };
  const linkCluster = new Map((check.spec?.hybridLinks ?? []).map((l) => [l.name, l.cluster]));
  return {
    networks: plan.networks.map(network),
    clusters: plan.clusters.map((c) => ({
      name: c.name, profile: c.input.profile, cni: c.input.cni.plugin, clusterSpec: c.input.clusterSpec, kubernetesVersion: c.input.kubernetesVersion,
      network: network(c.network), serviceCidr: range(c.allocation.serviceCidr), podCidr: range(c.allocation.podCidr),
      edgePodCidr: range(c.allocation.edgePodCidr), result: c.result,
    })),
    links: plan.links.map((l) => ({ name: l.name, cluster: linkCluster.get(l.name) ?? "", input: l.input, plan: l.plan })),
    findings: check.findings,
    lockChanged: check.lockChanged,
    lockChanges: [...plan.lockChanges],
    held: plan.held.map((h) => ({ name: h.name, ranges: [...h.ranges] })),
  };
}
