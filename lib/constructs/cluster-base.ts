import { Construct } from "constructs";
import { constructId } from "./construct-id";
import { annotate } from "./annotate";
import { AckNetwork, INetworkMember, NetworkVSwitch } from "./ack-network";
import { AppEstate, EstateBuilder } from "./estate";
import { ADDON } from "./addons";
import { ClusterSpec, ProxyMode } from "./cluster-spec";
import { AddonConfig } from "./cni";
import { AckNodePool, INodePoolHost, NodePoolOptions } from "./node-pool";
import { addClusterOutputs } from "./outputs";
import { PlanValues } from "./tokens";
import { addPlanValidation } from "./validation";
import { CapacityPlan, formatCapacityPlan } from "../plan/capacity";
import { Finding } from "../plan/finding";
import { InstanceTypeInfo } from "../plan/instance-types";
import { ClusterPlanBaseInput, ClusterPlanInput, ClusterProfile, ExternalRangeKind, IpStack, VSwitchPlan } from "../plan/model";
import { ClusterPlanResult, planCluster } from "../plan/plan-cluster";
import { CsManagedKubernetes } from "../providers/alicloud/cs-managed-kubernetes";
import { checkClusterSpec, checkTags } from "../plan/values";

/** A range outside the cluster that its ranges must stay clear of (rules C-3..C-6). */
export interface ExternalRangeProps {
  /** Name used in messages. */
  readonly name: string;
  readonly cidr: string;
  readonly kind: ExternalRangeKind;
  /**
   * True when the range is in this cluster's VPC (another cluster there).
   * @default false
   */
  readonly sameVpc?: boolean;
}

/** Properties shared by ACK and ACK Edge clusters. */
export interface AckClusterBaseProps {
  /** The network the cluster lives in. */
  readonly network: AckNetwork;
  /**
   * Cluster edition.
   * @default ClusterSpec.PRO_SMALL
   */
  readonly clusterSpec?: ClusterSpec;
  /**
   * Kubernetes version, e.g. `1.36.1-aliyun.1` (rules V1-kubernetes-version-format, V2-kubernetes-version-creatable).
   * @default the latest version ACK offers at creation
   */
  readonly kubernetesVersion?: string;
  /**
   * Service CIDR, /16 to /24 inside an RFC 1918 block; fixed at creation (K-2).
   * @default "172.21.0.0/20"
   */
  readonly serviceCidr?: string;
  /**
   * Cluster name.
   * @default the construct id
   */
  readonly clusterName?: string;
  /**
   * Expose the API server on the Internet through an EIP/SLB.
   * @default false (private endpoint only)
   */
  readonly apiServerPublicAccess?: boolean;
  /**
   * Deletion protection.
   * @default true
   */
  readonly deletionProtection?: boolean;
  /**
   * RAM Roles for Service Accounts (RRSA).
   * @default true
   */
  readonly rrsa?: boolean;
  /**
   * Let ACK create an enterprise security group (rule F-13).
   * @default true
   */
  readonly enterpriseSecurityGroup?: boolean;
  /**
   * Send control-plane component logs to SLS.
   * @default true
   */
  readonly controlPlaneLogs?: boolean;
  /**
   * Send API server audit logs to SLS.
   * @default true
   */
  readonly auditLogs?: boolean;
  /**
   * KMS key id to encrypt Kubernetes Secrets with (Pro only).
   * @default no Secret encryption
   */
  readonly secretsEncryptionKeyId?: string;
  /**
   * kube-proxy mode; fixed at creation (K-5).
   * @default ProxyMode.IPVS
   */
  readonly proxyMode?: ProxyMode;
  /**
   * Node quota raised with Alibaba Cloud (G-2).
   * @default the default quota
   */
  readonly nodeQuota?: number;
  /**
   * Allow the service CIDR to overlap other clusters' service CIDRs in the same VPC (C-4).
   * @default false
   */
  readonly allowServiceCidrReuse?: boolean;
  /**
   * Zones whose node vSwitches the control plane uses (`vswitch_ids`, 1 to 5 vSwitches, rule
   * G7-control-plane-vswitches). Node pools still use every zone of the network.
   * @default the first 5 zones of the network
   */
  readonly controlPlaneZones?: string[];
  /**
   * Ranges of other networks and data centres to stay clear of. Clusters, networks, hybrid
   * links and NetworkConnections of the same App are added automatically.
   * @default none
   */
  readonly externalRanges?: ExternalRangeProps[];
  /**
   * Instance types to add to the built-in ENI table.
   * @default none
   */
  readonly extraInstanceTypes?: InstanceTypeInfo[];
  /** @default none */
  readonly tags?: { [key: string]: string };
}

/** Control-plane components whose logs go to SLS. */
export const CONTROL_PLANE_LOG_COMPONENTS = ["apiserver", "kcm", "scheduler", "ccm", "controlplane-events"];

/** The arguments of `alicloud_cs_managed_kubernetes` that depend on the cluster kind. */
export interface ClusterKindConfig {
  /** `Default` (ACK) or `Edge` (ACK Edge). */
  readonly profile: ClusterProfile;
  /** Terway pod vSwitch ids. @default none */
  readonly podVswitchIds?: string[];
  /** Flannel / edge pod CIDR. @default none */
  readonly podCidr?: string;
  /** Per-node mask of the pod CIDR. @default none */
  readonly nodeCidrMask?: number;
  /** IP stack. @default IPv4 */
  readonly ipStack?: IpStack;
  /**
   * Leave `is_enterprise_security_group` unset (the kind brings its own security group, which
   * conflicts with it).
   * @default false
   */
  readonly omitEnterpriseSecurityGroup?: boolean;
  /**
   * Storage (CSI) add-ons of the kind.
   * @default csi-plugin and managed-csiprovisioner (ACK managed)
   */
  readonly storageAddons?: AddonConfig[];
}

/**
 * What ACK and ACK Edge clusters share: the `alicloud_cs_managed_kubernetes` resource with
 * secure defaults, node pools, and a plan checked at synth.
 */
export abstract class AckClusterBase extends Construct implements INetworkMember {
  /** The L1 cluster resource: an escape hatch. */
  public readonly resource: CsManagedKubernetes;
  /** Cluster id (a token). */
  public readonly clusterId: string;
  public readonly clusterName: string;
  public readonly network: AckNetwork;
  public readonly clusterSpec: ClusterSpec;
  public readonly serviceCidr: string;
  protected readonly pools: AckNodePool[] = [];
  protected readonly baseProps: AckClusterBaseProps;
  private readonly estate: AppEstate;
  private readonly inEstate: boolean;
  private fleetPlan?: ClusterPlanResult;

  protected constructor(scope: Construct, id: string, props: AckClusterBaseProps, kind: ClusterKindConfig, cniAddons: AddonConfig[]) {
    super(scope, constructId(id));
    this.baseProps = props;
    this.network = props.network;
    this.clusterName = props.clusterName ?? id;
    this.clusterSpec = props.clusterSpec ?? ClusterSpec.PRO_SMALL;
    this.serviceCidr = props.serviceCidr ?? "172.21.0.0/20";
    this.network.addMember(this);
    this.estate = AppEstate.of(this);
    this.inEstate = this.estate.register(this);
    const logs = props.controlPlaneLogs ?? true;
    const audit = props.auditLogs ?? true;
    const addons = [...cniAddons, ...(kind.storageAddons ?? [{ name: ADDON.CSI_PLUGIN }, { name: ADDON.CSI_PROVISIONER }])];
    if (logs || audit) addons.push({ name: ADDON.LOG_COLLECTOR });
    this.resource = new CsManagedKubernetes(this, "resource", {
      name: this.clusterName,
      clusterSpec: this.clusterSpec.value,
      version: props.kubernetesVersion,
      vswitchIds: this.controlPlaneVSwitches().map((s) => s.id),
      serviceCidr: this.serviceCidr,
      proxyMode: props.proxyMode ?? ProxyMode.IPVS,
      newNatGateway: false,
      slbInternetEnabled: props.apiServerPublicAccess ?? false,
      deletionProtection: props.deletionProtection ?? true,
      enableRrsa: props.rrsa ?? true,
      isEnterpriseSecurityGroup: kind.omitEnterpriseSecurityGroup ? undefined : (props.enterpriseSecurityGroup ?? true),
      encryptionProviderKey: props.secretsEncryptionKeyId,
      controlPlaneLogComponents: logs ? CONTROL_PLANE_LOG_COMPONENTS : undefined,
      controlPlaneLogTtl: logs ? "30" : undefined,
      auditLogConfig: audit ? { enabled: true } : undefined,
      tags: props.tags,
      addons,
      profile: kind.profile,
      podVswitchIds: kind.podVswitchIds,
      podCidr: kind.podCidr,
      nodeCidrMask: kind.nodeCidrMask,
      ipStack: kind.ipStack ?? IpStack.IPV4,
    });
    this.clusterId = this.resource.id;
    addClusterOutputs(this, { clusterName: this.clusterName, resource: this.resource, clusterId: this.clusterId, vpcId: this.network.vpcId, vswitchIds: this.network.nodeVSwitches.map((s) => s.id), podVSwitchIds: kind.podVswitchIds ?? [] });
    addPlanValidation(this, () => this.validatePlan());
    addPlanValidation(this, () => [...checkClusterSpec(`${this.clusterName}.clusterSpec`, this.clusterSpec.value, true), ...checkTags(`${this.clusterName}.tags`, props.tags)]);
  }

  /** @internal This cluster's facts, as the estate planner takes them (peers, VPC and vSwitches are added by the planner). */
  public abstract _toPlanInput(): ClusterPlanInput;

  /** True when cloud pools run Terway (Terway, or Terway Edge). */
  protected abstract get cloudTerway(): boolean;

  /** True when cloud pools default to exclusive ENI. */
  protected get defaultExclusiveEni(): boolean {
    return false;
  }

  /** Adds a cloud node pool (ECS nodes in the VPC). */
  public addNodePool(id: string, options: NodePoolOptions): AckNodePool {
    const host: INodePoolHost = {
      // One reference token per cluster id (each token keeps a stack trace: issue 12, memory).
      clusterId: this.clusterId,
      clusterName: this.clusterName,
      networkZones: this.network.zones,
      vswitchIdsFor: (zones) => this.network.nodeVSwitches.filter((s) => zones.includes(s.zone)).map((s) => s.id),
      defaultExclusiveEni: this.defaultExclusiveEni,
      isTerway: this.cloudTerway,
      tags: this.baseProps.tags,
    };
    const pool = new AckNodePool(this, id, host, options);
    this.pools.push(pool);
    this.estate.invalidate();
    return pool;
  }

  /** Name in the network. */
  public get memberName(): string {
    return this.clusterName;
  }

  /**
   * The plan: findings and capacity, from the plan of the whole App (every network, cluster
   * and link planned together, once), or of the Fleet that built this cluster.
   */
  public get plan(): ClusterPlanResult {
    if (this.fleetPlan) return this.fleetPlan;
    if (this.inEstate) {
      const planned = this.estate.plan().clusters.get(this.node.path);
      if (planned) return { findings: planned.findings, capacity: planned.capacity };
    }
    return planCluster(this._toPlanInput(), { extraInstanceTypes: this.baseProps.extraInstanceTypes });
  }

  /** The capacity plan: max nodes, pods per node per pool, pod IPs, vSwitch use, binding limit. */
  public get capacityPlan(): CapacityPlan {
    return this.plan.capacity;
  }

  /** Every finding of the plan, errors first. */
  public get findings(): Finding[] {
    return this.plan.findings;
  }

  /** @internal What the planner saw for this cluster (its peers, VPC and vSwitches included). */
  public get _plannedInput(): ClusterPlanInput | undefined {
    return this.inEstate ? this.estate.plan().clusters.get(this.node.path)?.input : undefined;
  }

  /** @internal Used by Fleet: the cluster's plan comes from the fleet's estate plan, computed once. */
  public _useFleetPlan(result: ClusterPlanResult): void {
    this.fleetPlan = result;
  }

  /** @internal */
  public _contributeTo(builder: EstateBuilder): void {
    if (!builder.hasVpc(this.network.node.path)) this.network._contributeTo(builder);
    builder.clusters.push({
      key: this.node.path,
      vpc: this.network.node.path,
      input: this._toPlanInput(),
      extraInstanceTypes: this.baseProps.extraInstanceTypes,
      preplanned: this.fleetPlan,
    });
  }

  /** The node vSwitches of `vswitch_ids`: those of controlPlaneZones, or the first 5. */
  private controlPlaneVSwitches(): NetworkVSwitch[] {
    const zones = this.baseProps.controlPlaneZones;
    return zones ? this.network.nodeVSwitches.filter((s) => zones.includes(s.zone)) : this.network.nodeVSwitches.slice(0, 5);
  }

  /** @internal The parts of the plan input every cluster kind shares. */
  protected _basePlanInput(v: PlanValues, profile: ClusterProfile): ClusterPlanBaseInput {
    const b = this.baseProps;
    return {
      name: this.clusterName,
      profile,
      clusterSpec: this.clusterSpec.value,
      kubernetesVersion: v.str("kubernetesVersion", b.kubernetesVersion),
      vpc: {
        name: this.network.namePrefix,
        cidr: v.str("vpc.cidr", this.network.vpcCidr),
        existing: this.network.existing,
        ipv6: this.network.ipv6,
        allowPublicRanges: this.network.allowPublicRanges,
      },
      nodeVSwitches: this._vswitchPlans(this.network.nodeVSwitches, "nodeVSwitches", v),
      controlPlaneVSwitches: this.controlPlaneVSwitches().map((s) => s.name),
      serviceCidr: v.str("serviceCidr", this.serviceCidr),
      externalRanges: (b.externalRanges ?? []).flatMap((r, i) => {
        const cidr = v.str(`externalRanges[${i}]`, r.cidr);
        return cidr === undefined ? [] : [{ name: r.name, cidr, kind: r.kind, sameVpc: r.sameVpc ?? false }];
      }),
      nodeQuota: b.nodeQuota,
      enterpriseSecurityGroup: b.enterpriseSecurityGroup ?? true,
      allowServiceCidrReuse: b.allowServiceCidrReuse,
      secretsEncrypted: b.secretsEncryptionKeyId !== undefined,
      unresolved: v.unresolved,
    };
  }

  /** @internal */
  protected _vswitchPlans(list: NetworkVSwitch[], path: string, v: PlanValues): VSwitchPlan[] {
    return list.map((s) => ({ name: s.name, zone: s.zone, cidr: v.str(`${path}[${s.name}].cidr`, s.cidr), existing: s.existing, sameAs: s.sameAs }));
  }

  /** Runs at synth: every finding, and the capacity plan as an info annotation. */
  private validatePlan(): Finding[] {
    const result = this.plan;
    annotate(this, "info", formatCapacityPlan(result.capacity));
    return result.findings; // G8-secrets-encryption is a plan rule now (secretsEncrypted), for constructs and spec alike
  }
}
