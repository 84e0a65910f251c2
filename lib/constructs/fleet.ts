import { Construct, IConstruct } from "constructs";
import { constructId } from "./construct-id";
import { AckCluster } from "./ack-cluster";
import { AckEdgeCluster } from "./ack-edge-cluster";
import { AckNetwork } from "./ack-network";
import { annotate } from "./annotate";
import { TerraformStack, TerraformVariable } from "./cdktf";
import { AckClusterBase, AckClusterBaseProps } from "./cluster-base";
import { ClusterSpec, ProxyMode } from "./cluster-spec";
import { Cni, TerwayMode } from "./cni";
import { EdgeCni } from "./edge-cni";
import { EdgeInterconnect } from "./edge-node-pool";
import { AppEstate, EstateBuilder } from "./estate";
import { HybridLink } from "./hybrid-link";
import { ClusterKubeconfig, addNetworkOutputs } from "./outputs";
import { TaintEffect } from "./node-pool";
import { Severity, formatFinding } from "../plan/finding";
import { FleetClusterPlan, FleetPlan } from "../plan/fleet/plan-fleet";
import { PlannedFleet, plannedFleet } from "./fleet-plan";
import { NetworkAllocation } from "../plan/fleet/allocate";
import { CniPlugin, ClusterProfile } from "../plan/model";
import { CONFLICTING_FIELDS, FLEET_RULES, LOCK_WRITE, MISSING_FIELD } from "../plan/rules/fleet-rules";
import { RuleInfo } from "../plan/rule";
import { AlicloudProvider } from "../providers/alicloud/provider";
import { SpecCheck, checkSpecFile, checkSpecObject, checkSpecText, writeLockIfChanged } from "../spec/check-spec";
import { LocatedFinding, formatLocatedFinding, located } from "../spec/located-finding";
import { applyDefaults } from "../spec/merge-defaults";
import { sharedVpcStackName } from "../spec/normalize";
import {
  FleetClusterSpec, FleetEdgeNodePoolSpec, FleetHybridLinkSpec, FleetNodePoolSpec, FleetSharedVpcSpec, FleetSpec, FleetTaintSpec,
  SpecInterconnect, SpecTerwayMode,
} from "../spec/spec-types";

/** Properties of a {@link Fleet}. */
export interface FleetProps {
  /**
   * Path of a YAML or JSON spec file. Give exactly one of `specFile`, `spec` and `specText`.
   * @default none
   * @see docs/fleet.md
   */
  readonly specFile?: string;
  /**
   * The spec itself, built in code. Give exactly one of `specFile`, `spec` and `specText`.
   * (A `$schema` key, as spec files may have, is ignored: TypeScript's `FleetSpecFile`.)
   * @default none
   */
  readonly spec?: FleetSpec;
  /**
   * The spec as YAML or JSON text (findings give its line numbers). Give exactly one of
   * `specFile`, `spec` and `specText`.
   * @default none
   */
  readonly specText?: string;
  /**
   * Lock file recording allocations and fields fixed at creation.
   * @default `<specFile>.lock.json` for a spec file; no lock for a spec object or text
   */
  readonly lockFile?: string;
  /**
   * Write the lock file when the plan changes it (no errors): new clusters, shared VPCs,
   * vSwitches and hybrid links are added, clusters marked `replace: true` rewritten.
   * @default true
   */
  readonly writeLock?: boolean;
}

const fleetRuleIds = new Set(FLEET_RULES.map((r) => r.id));

function poolSize(p: { size?: number; min?: number; max?: number }): { desiredSize?: number; minSize?: number; maxSize?: number } {
  return p.min !== undefined || p.max !== undefined ? { minSize: p.min ?? 0, maxSize: p.max ?? p.min ?? 0 } : { desiredSize: p.size };
}

function taints(list: FleetTaintSpec[] | undefined) {
  return list?.map((t) => ({ key: t.key, value: t.value, effect: t.effect as string as TaintEffect }));
}

/**
 * A fleet of ACK / ACK Edge clusters from a spec file: one TerraformStack per cluster (named
 * after it) and one per shared VPC (`vpc-<name>`), so Terraform applies clusters
 * independently and in parallel. Ranges come from the spec, the lock file or the address
 * pools (lib/plan/fleet); every cluster is planned with its peers and the change guard runs
 * against the lock.
 *
 * When the plan has errors no stack is built and synthesis fails with every finding of every
 * cluster at once. Otherwise the lock file is written when it changed (commit it).
 *
 * @see docs/fleet.md
 */
export class Fleet extends Construct {
  /**
   * The fleet planner's own model (lock, allocations); TypeScript only (`fleetPlanOf`).
   * @internal
   */
  public readonly _plan?: FleetPlan;
  /** Every finding of the fleet, errors first, located in the spec file. */
  public readonly findings: LocatedFinding[];
  /** Cluster stacks by cluster name, and network stacks by `vpc-<name>`. */
  public readonly stacks: { [name: string]: TerraformStack } = {};
  /** Clusters by name. */
  public readonly clusters: { [name: string]: AckClusterBase } = {};
  /** True when this synth wrote the lock file. */
  public readonly lockWritten: boolean = false;

  private readonly spec?: FleetSpec;
  private readonly check: SpecCheck;
  private planned?: PlannedFleet;
  private readonly networks = new Map<string, AckNetwork>();
  private readonly ownNetworks = new Map<string, AckNetwork>();
  /** Where the stacks go: this Fleet, or the App itself (see the constructor). */
  private readonly stackScope: Construct;

  public constructor(scope: Construct, id: string, props: FleetProps) {
    super(scope, id);
    // CDK Terrain's future flag failOnConstructsOutsideOfStacks (set by `cdktn init`) refuses any
    // App child that is not a stack: the stacks then go directly under the App, and the Fleet
    // leaves the tree once built (its errors are the App's validation, as always).
    const flat = scope.node.scope === undefined && isTruthyFlag(this.node.tryGetContext("failOnConstructsOutsideOfStacks"));
    this.stackScope = flat ? scope : this;
    const leave = () => { if (flat) scope.node.tryRemoveChild(this.node.id); };
    const given = [props.specFile, props.spec, props.specText].filter((x) => x !== undefined).length;
    const check: SpecCheck = given !== 1
      ? propsCheck(given === 0 ? MISSING_FIELD : CONFLICTING_FIELDS, `Fleet ${this.node.path}: give exactly one of specFile (a YAML/JSON file), spec (an object) and specText (YAML/JSON text); ${given === 0 ? "none is" : `${given} are`} given.`)
      : props.specFile !== undefined
      ? checkSpecFile(props.specFile, { lockFile: props.lockFile })
      : props.spec !== undefined
        ? checkSpecObject(props.spec, { lockFile: props.lockFile ?? false })
        : checkSpecText(props.specText as string, { lockFile: props.lockFile ?? false });
    this.check = check;
    this.findings = check.findings;
    this._plan = check.plan;
    this.spec = check.spec;
    if (check.hasErrors || !check.plan || !check.spec) {
      const errors = check.findings.filter((f) => f.severity === Severity.ERROR).map(formatLocatedFinding);
      // No stack is built from a broken plan; the app's own validation lists every error at once.
      this.node.root.node.addValidation({ validate: () => [`Fleet ${this.node.path}: ${errors.length} error(s) in the fleet plan:`, ...errors] });
      leave();
      return;
    }
    const plan = check.plan;
    // The fleet plan already planned every cluster, network and link of the spec (once): the
    // constructs built here take their findings from it instead of planning again.
    const estate = AppEstate.of(this);
    estate.plannedElsewhere(this);
    // Context for the App's estate: the spec's connections between the fleet's networks.
    estate.register(this);
    for (const net of plan.networks) if (net.network.kind === "shared") this.sharedNetwork(net);
    for (const c of plan.clusters) this.buildCluster(c);
    for (const l of check.spec.hybridLinks ?? []) this.buildLink(l);
    this.annotateFleetFindings();
    if (props.writeLock ?? true) {
      try {
        this.lockWritten = writeLockIfChanged(check);
      } catch (e) {
        // A file-system failure: the old lock is intact (atomic write); L5 stops the synth.
        const failure = located(LOCK_WRITE, "lock", e instanceof Error ? e.message : String(e), check.lockFile);
        this.findings = [failure, ...this.findings];
        this.node.root.node.addValidation({ validate: () => [`Fleet ${this.node.path}: ${formatLocatedFinding(failure)}`] });
      }
    }
    leave();
  }

  /**
   * The plan as plain data: clusters, networks and links with their ranges and where each came
   * from, the clusters' findings and capacity plans, and every finding located in the spec
   * (undefined when the spec could not be read).
   */
  public get plan(): PlannedFleet | undefined {
    if (this.planned === undefined && this._plan) this.planned = plannedFleet(this.check);
    return this.planned;
  }

  private stack(name: string): TerraformStack {
    const stack = new TerraformStack(this.stackScope, constructId(name));
    if (this.stackScope !== this) AppEstate.of(this).plannedElsewhere(stack);
    new AlicloudProvider(stack, "alicloud", { region: (this.spec as FleetSpec).region });
    this.stacks[name] = stack;
    return stack;
  }

  private sharedNetwork(net: NetworkAllocation): void {
    const def: FleetSharedVpcSpec | undefined = this.spec?.sharedVpcs?.find((s) => s.name === net.network.name);
    const stack = this.stack(sharedVpcStackName(net.network.name));
    const network = this.newNetwork(stack, net, def?.egress, def?.tags);
    this.networks.set(net.network.key, network);
    addNetworkOutputs(stack, net.network.name, { vpcId: network.vpcId, vswitchIds: network.nodeVSwitches.map((v) => v.id), podVSwitchIds: [] });
    // (Pod vSwitches appear when a Terway member cluster is built; each cluster exports its own.)
  }

  private newNetwork(scope: IConstruct & Construct, net: NetworkAllocation, egress: boolean | undefined, tags: { [k: string]: string } | undefined): AckNetwork {
    const cidrs = (list: NetworkAllocation["nodeVSwitches"]) => list.map((v) => v.cidr as string);
    return new AckNetwork(scope, "net", {
      vpcCidr: net.cidr,
      zones: net.network.zones,
      nodeVSwitchCidrs: cidrs(net.nodeVSwitches),
      podVSwitchCidrs: net.network.terway ? cidrs(net.podVSwitches) : undefined,
      ipv6: net.network.ipv6,
      egress,
      name: net.network.name,
      tags,
    });
  }

  private network(stack: TerraformStack, c: FleetClusterPlan, spec: FleetClusterSpec): AckNetwork {
    const net = c.network;
    const shared = this.networks.get(net.network.key);
    if (shared) return shared;
    if (net.network.kind === "existing") {
      const vs = (list: NetworkAllocation["nodeVSwitches"]) => list.map((v) => ({ id: v.id as string, zone: v.zone, cidr: v.cidr as string }));
      const adopted = AckNetwork.fromExisting(stack, "net", {
        vpcId: net.network.existingId as string, vpcCidr: net.cidr as string,
        nodeVSwitches: vs(net.nodeVSwitches), podVSwitches: vs(net.podVSwitches),
        ipv6: net.network.ipv6, allowPublicRanges: net.network.allowPublicRanges,
      });
      this.ownNetworks.set(net.network.key, adopted);
      return adopted;
    }
    const own = this.newNetwork(stack, net, spec.vpc?.egress, spec.tags);
    this.ownNetworks.set(net.network.key, own);
    return own;
  }

  /**
   * @internal The spec's connections (CEN, peering, VPN) between the fleet's networks, as the
   * App's estate sees them: the fleet's networks are context there (planned by the fleet), and
   * constructs outside the fleet on a connected network are checked against all of them.
   */
  public _contributeTo(builder: EstateBuilder): void {
    const path = (key: string) => (this.networks.get(key) ?? this.ownNetworks.get(key))?.node.path;
    for (const c of this._plan?.connections ?? []) {
      builder.connections.push({ name: `${this.node.path}/${c.name}`, vpcs: c.vpcs.map(path).filter((p): p is string => p !== undefined), externalCidrs: c.externalCidrs });
    }
  }

  private buildCluster(c: FleetClusterPlan): void {
    const specCluster = (this.spec as FleetSpec).clusters.find((x) => x.name === c.name) as FleetClusterSpec;
    const s = applyDefaults(specCluster, this.spec?.defaults);
    const stack = this.stack(c.name);
    const network = this.network(stack, c, s);
    const base: AckClusterBaseProps = {
      network,
      clusterName: c.name,
      clusterSpec: ClusterSpec.of(c.input.clusterSpec),
      kubernetesVersion: c.input.kubernetesVersion,
      serviceCidr: c.allocation.serviceCidr.cidr,
      apiServerPublicAccess: s.apiServerPublicAccess,
      deletionProtection: s.deletionProtection,
      rrsa: s.rrsa,
      enterpriseSecurityGroup: s.enterpriseSecurityGroup,
      controlPlaneLogs: s.controlPlaneLogs,
      auditLogs: s.auditLogs,
      secretsEncryptionKeyId: s.secretsEncryptionKeyId,
      proxyMode: c.input.proxyMode as ProxyMode,
      nodeQuota: s.nodeQuota,
      allowServiceCidrReuse: s.allowServiceCidrReuse,
      externalRanges: c.constructExternalRanges.map((r) => ({ name: r.name, cidr: r.cidr, kind: r.kind, sameVpc: r.sameVpc })),
      extraInstanceTypes: (this.spec as FleetSpec).extraInstanceTypes,
      tags: s.tags,
    };
    const cni = c.input.cni;
    let cluster: AckClusterBase;
    if (c.input.profile === ClusterProfile.EDGE) {
      const edge = new AckEdgeCluster(stack, c.name, {
        ...base,
        cni: cni.plugin === CniPlugin.TERWAY_EDGE
          ? EdgeCni.terwayEdge({ edgePodCidr: c.allocation.edgePodCidr?.cidr as string, podsPerEdgeNode: cni.podsPerEdgeNode })
          : EdgeCni.flannel({ podCidr: c.allocation.podCidr?.cidr as string, podsPerNode: cni.podsPerNode, edgeNodeCidrs: cni.edgeNodeCidrs }),
      });
      for (const p of s.edgeNodePools ?? []) this.addEdgePool(edge, p);
      cluster = edge;
    } else {
      cluster = new AckCluster(stack, c.name, {
        ...base,
        cni: cni.plugin === CniPlugin.FLANNEL
          ? Cni.flannel({ podCidr: c.allocation.podCidr?.cidr as string, podsPerNode: cni.podsPerNode })
          : Cni.terway({
            mode: s.cni?.mode === SpecTerwayMode.EXCLUSIVE_ENI ? TerwayMode.EXCLUSIVE_ENI : TerwayMode.SHARED_ENI,
            networkPolicy: cni.networkPolicy, dataPathV2: cni.dataPathV2, trunk: cni.trunk, ipvlan: cni.ipvlan,
          }),
        ipStack: c.input.ipStack,
        routeTableQuota: s.routeTableQuota,
      });
    }
    for (const p of s.nodePools ?? []) this.addPool(cluster, p);
    cluster._useFleetPlan(c.result);
    if (s.kubeconfigOutput === true) new ClusterKubeconfig(stack, `${c.name}-kubeconfig`, { clusterId: cluster.clusterId, clusterName: c.name });
    this.clusters[c.name] = cluster;
  }

  private addPool(cluster: AckClusterBase, p: FleetNodePoolSpec): void {
    cluster.addNodePool(p.name, {
      instanceTypes: p.instanceTypes ?? (p.instanceType ? [p.instanceType] : []),
      ...poolSize(p),
      zones: p.zones,
      exclusiveEni: p.exclusiveEni,
      podsPerNode: p.podsPerNode,
      kubeletMaxPods: p.kubeletMaxPods,
      labels: p.labels,
      taints: taints(p.taints),
      imageType: p.imageType,
      systemDiskCategory: p.systemDiskCategory,
      systemDiskSize: p.systemDiskSize,
    });
  }

  private addEdgePool(cluster: AckEdgeCluster, p: FleetEdgeNodePoolSpec): void {
    cluster.addEdgeNodePool(p.name, {
      interconnect: p.interconnect === SpecInterconnect.BASIC ? EdgeInterconnect.BASIC : EdgeInterconnect.PRIVATE,
      intranet: p.intranet,
      createdOutsideTerraform: p.createdOutsideTerraform,
      ...poolSize(p),
      instanceTypes: p.instanceTypes,
      labels: p.labels,
      taints: taints(p.taints),
    });
  }

  private buildLink(l: FleetHybridLinkSpec): void {
    const plan = this._plan as FleetPlan;
    const owner = plan.clusters.find((c) => c.name === l.cluster);
    const stack = this.stacks[l.cluster];
    const cluster = this.clusters[l.cluster];
    if (!owner || !stack || !cluster) return;
    const authKey = l.authKeyVariable
      ? new TerraformVariable(stack, l.authKeyVariable, { type: "string", sensitive: true, description: `BGP authentication key of hybrid link ${l.name}` })
      : undefined;
    // The same edge pod CIDRs the fleet plan routed: every Terway Edge cluster of the link's VPC.
    const planned = plan.links.find((x) => x.name === l.name);
    const edgePodCidrs = planned?.input.edgePodCidrs ?? [];
    // The link's resources carry the tags of its cluster (its own, merged over defaults.tags).
    const specCluster = (this.spec as FleetSpec).clusters.find((x) => x.name === l.cluster) as FleetClusterSpec;
    const tags = applyDefaults(specCluster, this.spec?.defaults).tags;
    const link = new HybridLink(stack, l.name, {
      network: cluster.network,
      physicalConnectionId: l.physicalConnectionId,
      vbrId: l.vbrId,
      vbrRouteTableId: l.vbrRouteTableId,
      vlanId: l.vlanId,
      localGatewayIp: l.localGatewayIp,
      peerGatewayIp: l.peerGatewayIp,
      peeringSubnetMask: l.peeringSubnetMask,
      bgp: { peerAsn: l.peerAsn, localAsn: l.localAsn, peerIps: l.peerIps, authKey, advertise: l.advertise, extraExpectedRoutes: l.extraExpectedRoutes },
      dataCenterCidrs: l.dataCenterCidrs,
      edgePodCidrs,
      cloudPodCidrs: l.cloudPodCidrs,
      connectivity: l.connectivity,
      accessPointId: l.accessPointId,
      routerInterfaceSpec: l.routerInterfaceSpec,
      vpcRouterId: l.vpcRouterId,
      vpcRouteTableId: l.vpcRouteTableId,
      cenId: l.cenId,
      transitRouterId: l.transitRouterId,
      transitRouterVSwitches: l.transitRouterVSwitches,
      tags,
    });
    if (planned) link._useFleetPlan(planned.plan);
  }

  /** Fleet-level warnings and infos (lock, change guard) go on the first stack; cluster findings come from the clusters. */
  private annotateFleetFindings(): void {
    const first = Object.values(this.stacks)[0];
    if (!first) return;
    for (const f of (this._plan as FleetPlan).vpcFindings) {
      if (f.severity === Severity.WARNING) annotate(first, "warning", formatFinding(f));
      if (f.severity === Severity.INFO) annotate(first, "info", formatFinding(f));
    }
    for (const f of this.findings) {
      if (!fleetRuleIds.has(f.ruleId)) continue;
      if (f.severity === Severity.WARNING) annotate(first, "warning", formatLocatedFinding(f));
      if (f.severity === Severity.INFO) annotate(first, "info", formatLocatedFinding(f));
    }
  }
}

/**
 * The fleet planner's own model behind a {@link Fleet} (lock, allocations, topology, each
 * cluster's plan input): TypeScript only, like the planner. Other languages read `fleet.plan`.
 */
export function fleetPlanOf(fleet: Fleet): FleetPlan | undefined {
  return fleet._plan;
}

/** A check that stops at the Fleet's own props (reported at synth like any spec error). */
function propsCheck(rule: RuleInfo, message: string): SpecCheck {
  return { findings: [located(rule, "fleet", message)], lockChanged: false, lockExisted: false, unreadable: true, hasErrors: true };
}

/** A context flag is on: `true`, or the string "true" (cdktf.json context values may be either). */
function isTruthyFlag(value: unknown): boolean {
  return value === true || value === "true";
}
