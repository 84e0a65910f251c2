import { Construct } from "constructs";
import { freeChildId, reportDuplicatePool } from "./construct-id";
import { CsKubernetesNodePool } from "../providers/alicloud/cs-kubernetes-node-pool";
import { EniMode, NodePoolKind, NodePoolPlan } from "../plan/model";
import { PlanValues } from "./tokens";
import { addPlanValidation } from "./validation";
import { Token } from "./cdktf";
import { Finding } from "../plan/finding";
import { checkCount, checkLabels, checkSystemDisk, checkTaints } from "../plan/values";

/** Effect of a node taint. */
export enum TaintEffect {
  NO_SCHEDULE = "NoSchedule",
  PREFER_NO_SCHEDULE = "PreferNoSchedule",
  NO_EXECUTE = "NoExecute",
}

/** A Kubernetes taint put on every node of a pool. */
export interface NodeTaint {
  readonly key: string;
  /** @default none */
  readonly value?: string;
  readonly effect: TaintEffect;
}

/** Options of a cloud node pool. */
export interface NodePoolOptions {
  /** ECS instance types, in order of preference, e.g. `["ecs.c7.4xlarge"]`. */
  readonly instanceTypes: string[];
  /**
   * Fixed number of nodes. Give either this or `minSize`/`maxSize` (autoscaling).
   * @default 2 when no autoscaling range is given
   */
  readonly desiredSize?: number;
  /**
   * Autoscaling: fewest nodes.
   * @default no autoscaling
   */
  readonly minSize?: number;
  /**
   * Autoscaling: most nodes.
   * @default no autoscaling
   */
  readonly maxSize?: number;
  /**
   * Zones to place nodes in (their node vSwitches are used).
   * @default every zone of the network
   */
  readonly zones?: string[];
  /**
   * Terway exclusive-ENI pool: one ENI per pod. Fixed at pool creation (rule F-11).
   * @default the cluster's Terway mode
   */
  readonly exclusiveEni?: boolean;
  /**
   * Pods per node, when the instance type is not in the built-in ENI table (or to cap it).
   * @default from the instance-type table
   */
  readonly podsPerNode?: number;
  /**
   * kubelet maxPods.
   * @default not set
   */
  readonly kubeletMaxPods?: number;
  /** @default none */
  readonly labels?: { [key: string]: string };
  /** @default none */
  readonly taints?: NodeTaint[];
  /**
   * Node OS image type, e.g. `AliyunLinux3`, `ContainerOS`.
   * @default ACK's default image
   */
  readonly imageType?: string;
  /**
   * System disk category.
   * @default "cloud_essd"
   */
  readonly systemDiskCategory?: string;
  /**
   * System disk size in GiB.
   * @default 120
   */
  readonly systemDiskSize?: number;
}

/** Label ACK reads to put a Terway node pool in exclusive-ENI mode (node-pool-level network configuration). */
export const EXCLUSIVE_ENI_LABEL = "k8s.aliyun.com/exclusive-mode-eni-type";

/** What a node pool needs from its cluster. */
export interface INodePoolHost {
  readonly clusterId: string;
  readonly clusterName: string;
  /** Node vSwitches of the given zones. */
  vswitchIdsFor(zones: string[]): string[];
  readonly networkZones: string[];
  readonly defaultExclusiveEni: boolean;
  readonly isTerway: boolean;
  /** Tags of the cluster, carried by the pool (and by ACK onto its nodes). */
  readonly tags?: { [key: string]: string };
}

/** A cloud node pool (`alicloud_cs_kubernetes_node_pool`). Create it with `addNodePool`. */
export class AckNodePool extends Construct {
  /** The L1 resource: an escape hatch. */
  public readonly resource: CsKubernetesNodePool;
  public readonly poolName: string;
  private readonly options: NodePoolOptions;
  private readonly zones: string[];
  private readonly exclusive: boolean;

  public constructor(scope: Construct, id: string, host: INodePoolHost, options: NodePoolOptions) {
    const free = freeChildId(scope, id);
    super(scope, free.id);
    reportDuplicatePool(this, free.duplicate, host.clusterName, id);
    this.options = options;
    this.poolName = id;
    this.zones = options.zones ?? host.networkZones;
    this.exclusive = host.isTerway && (options.exclusiveEni ?? host.defaultExclusiveEni);
    const autoscale = options.minSize !== undefined || options.maxSize !== undefined;
    const labels = { ...(options.labels ?? {}) };
    if (this.exclusive) labels[EXCLUSIVE_ENI_LABEL] = "eniOnly";
    this.resource = new CsKubernetesNodePool(this, "resource", {
      clusterId: host.clusterId,
      nodePoolName: `${host.clusterName}-${id}`,
      tags: host.tags,
      vswitchIds: host.vswitchIdsFor(this.zones),
      instanceTypes: options.instanceTypes,
      desiredSize: autoscale ? undefined : String(options.desiredSize ?? 2),
      scalingConfig: autoscale ? { enable: true, minSize: options.minSize ?? 0, maxSize: options.maxSize ?? options.minSize ?? 0 } : undefined,
      imageType: options.imageType,
      systemDiskCategory: options.systemDiskCategory ?? "cloud_essd",
      systemDiskSize: options.systemDiskSize ?? 120,
      labels: Object.keys(labels).length > 0 ? Object.entries(labels).map(([key, value]) => ({ key, value })) : undefined,
      taints: options.taints?.map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
      kubeletConfiguration: options.kubeletMaxPods !== undefined ? { maxPods: String(options.kubeletMaxPods) } : undefined,
    });
    addPlanValidation(this, () => this.propFindings(host.clusterName));
  }

  /** Prop checks: counts (N5), labels and taints (N3), system disk (N4). Token values are skipped. */
  private propFindings(cluster: string): Finding[] {
    const o = this.options;
    const at = `${cluster}.nodePools[${this.poolName}]`;
    const num = (v: number | undefined) => (v !== undefined && Token.isUnresolved(v) ? undefined : v);
    const str = (v: string | undefined) => (v !== undefined && Token.isUnresolved(v) ? undefined : v);
    return [
      ...checkCount(`${at}.desiredSize`, "desiredSize", num(o.desiredSize), 0),
      ...checkCount(`${at}.minSize`, "minSize", num(o.minSize), 0),
      ...checkCount(`${at}.maxSize`, "maxSize", num(o.maxSize), 0),
      ...checkCount(`${at}.podsPerNode`, "podsPerNode", num(o.podsPerNode), 1),
      ...checkCount(`${at}.kubeletMaxPods`, "kubeletMaxPods", num(o.kubeletMaxPods), 1),
      ...checkLabels(`${at}.labels`, o.labels),
      ...checkTaints(`${at}.taints`, o.taints),
      ...checkSystemDisk(at, num(o.systemDiskSize), str(o.systemDiskCategory)),
    ];
  }

  /**
   * @internal The pool as the planner sees it. A size that is an unresolved token is named in
   * `unresolved` (T0-unresolved-token); the checks it feeds then see the sizes that are known:
   * an unknown maximum counts as the minimum, an unknown minimum as 0.
   */
  public _toPlan(values: PlanValues): NodePoolPlan {
    const o = this.options;
    const autoscale = o.minSize !== undefined || o.maxSize !== undefined;
    const min = autoscale ? (o.minSize ?? 0) : (o.desiredSize ?? 2);
    const max = autoscale ? (o.maxSize ?? o.minSize ?? 0) : (o.desiredSize ?? 2);
    const minNodes = values.num(`nodePools[${this.poolName}].minSize`, min) ?? 0;
    const maxNodes = values.num(`nodePools[${this.poolName}].maxSize`, max) ?? minNodes;
    return {
      name: this.poolName,
      kind: NodePoolKind.CLOUD,
      instanceTypes: o.instanceTypes,
      minNodes,
      maxNodes,
      zones: this.zones,
      // Exclusive ENI asked on a Flannel pool is passed on as asked: D8-terway-only-feature refuses it.
      eniMode: this.exclusive || o.exclusiveEni === true ? EniMode.EXCLUSIVE : EniMode.SHARED,
      podsPerNodeOverride: o.podsPerNode,
      kubeletMaxPods: o.kubeletMaxPods,
      imageType: o.imageType,
    };
  }
}
