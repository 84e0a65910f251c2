import { Construct } from "constructs";
import { addPlanValidation } from "./validation";
import { Token } from "./cdktf";
import { checkCount, checkLabels, checkTaints } from "../plan/values";
import { freeChildId, reportDuplicatePool } from "./construct-id";
import { NodeTaint } from "./node-pool";
import { PlanValues } from "./tokens";
import { NodePoolKind, NodePoolPlan } from "../plan/model";
import { CsKubernetesNodePool } from "../providers/alicloud/cs-kubernetes-node-pool";

/** How the nodes of an edge pool reach the cloud (CreateClusterNodePool `interconnect_mode`). */
export enum EdgeInterconnect {
  /** Over the Internet (`basic`). Flannel only. */
  BASIC = "basic",
  /** Over a leased line or VPN (`private`). Needed by Terway Edge. */
  PRIVATE = "private",
}

/** Options of an edge node pool. */
export interface EdgeNodePoolOptions {
  /**
   * How the pool's nodes reach the cloud. `alicloud_cs_kubernetes_node_pool` can't set it and
   * creates `basic` pools, so `PRIVATE` needs `createdOutsideTerraform` (rule
   * I11-edge-pool-interconnect).
   */
  readonly interconnect: EdgeInterconnect;
  /**
   * Edge nodes of the pool are mutually reachable at layer 3 (`intranet`). Not settable
   * through the provider either: needs `createdOutsideTerraform` (rule I11-edge-pool-interconnect).
   * @default false
   */
  readonly intranet?: boolean;
  /**
   * The pool is planned here (edge pod CIDR capacity, cluster size) but created with the ACK
   * console or CreateClusterNodePool, where `interconnect_mode` and `intranet` can be set: no
   * `alicloud_cs_kubernetes_node_pool` is emitted and info I13-edge-pool-outside-terraform gives
   * the request body.
   * @default false
   */
  readonly createdOutsideTerraform?: boolean;
  /**
   * Nodes the pool is planned for, when it has a fixed size. Edge nodes join by script, so
   * sizes feed the capacity plan only.
   * @default 2 when no range is given
   */
  readonly desiredSize?: number;
  /**
   * Fewest nodes planned.
   * @default desiredSize
   */
  readonly minSize?: number;
  /**
   * Most nodes planned; sizes the edge pod CIDR (rule I4-edge-pod-capacity).
   * @default desiredSize
   */
  readonly maxSize?: number;
  /**
   * Instance types of the edge nodes, for the record in the plan (edge nodes are your own
   * machines; nothing is bought).
   * @default none
   */
  readonly instanceTypes?: string[];
  /** @default none */
  readonly labels?: { [key: string]: string };
  /** @default none */
  readonly taints?: NodeTaint[];
}

/** What an edge node pool needs from its cluster. */
export interface EdgeNodePoolHost {
  readonly clusterId: string;
  readonly clusterName: string;
  /** Tags of the cluster, carried by the pool. */
  readonly tags?: { [key: string]: string };
}

/**
 * An ACK Edge node pool (`alicloud_cs_kubernetes_node_pool` with `type = "edge"`). Create it
 * with {@link AckEdgeCluster.addEdgeNodePool}.
 */
export class AckEdgeNodePool extends Construct {
  /** The L1 resource: an escape hatch. Undefined when the pool is created outside Terraform. */
  public readonly resource?: CsKubernetesNodePool;
  public readonly poolName: string;
  public readonly interconnect: EdgeInterconnect;
  public readonly intranet: boolean;
  /** True when the pool is only planned here and created with the console or the API. */
  public readonly createdOutsideTerraform: boolean;
  private readonly options: EdgeNodePoolOptions;

  public constructor(scope: Construct, id: string, host: EdgeNodePoolHost, options: EdgeNodePoolOptions) {
    const free = freeChildId(scope, id);
    super(scope, free.id);
    reportDuplicatePool(this, free.duplicate, host.clusterName, id);
    this.options = options;
    this.poolName = id;
    this.interconnect = options.interconnect;
    this.intranet = options.intranet ?? false;
    this.createdOutsideTerraform = options.createdOutsideTerraform ?? false;
    const labels = options.labels ?? {};
    if (this.createdOutsideTerraform) return;
    this.resource = new CsKubernetesNodePool(this, "resource", {
      clusterId: host.clusterId,
      nodePoolName: `${host.clusterName}-${id}`,
      type: "edge",
      tags: host.tags,
      labels: Object.keys(labels).length > 0 ? Object.entries(labels).map(([key, value]) => ({ key, value })) : undefined,
      taints: options.taints?.map((t) => ({ key: t.key, value: t.value, effect: t.effect })),
    });
    // Bad props are findings at synth (N5 counts, N3 labels and taints).
    addPlanValidation(this, () => {
      const at = `${host.clusterName}.edgeNodePools[${id}]`;
      const num = (v: number | undefined) => (v !== undefined && Token.isUnresolved(v) ? undefined : v);
      return [
        ...checkCount(`${at}.desiredSize`, "desiredSize", num(options.desiredSize), 0),
        ...checkCount(`${at}.minSize`, "minSize", num(options.minSize), 0),
        ...checkCount(`${at}.maxSize`, "maxSize", num(options.maxSize), 0),
        ...checkLabels(`${at}.labels`, options.labels),
        ...checkTaints(`${at}.taints`, options.taints),
      ];
    });
  }

  /** The pool as the planner sees it. */
  public toPlan(values: PlanValues): NodePoolPlan {
    const o = this.options;
    const fixed = o.desiredSize ?? (o.minSize === undefined && o.maxSize === undefined ? 2 : undefined);
    const min = o.minSize ?? fixed ?? 0;
    const max = o.maxSize ?? fixed ?? min;
    return {
      name: this.poolName,
      kind: NodePoolKind.EDGE,
      instanceTypes: o.instanceTypes ?? [],
      minNodes: values.num(`nodePools[${this.poolName}].minSize`, min) ?? 0,
      maxNodes: values.num(`nodePools[${this.poolName}].maxSize`, max) ?? 0,
      zones: [],
    };
  }
}
