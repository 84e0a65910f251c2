import { Construct } from "constructs";
import { AckClusterBase, AckClusterBaseProps } from "./cluster-base";
import { Cni, TerwayMode } from "./cni";
import { PlanValues } from "./tokens";
import { exactMaskForPodsPerNode } from "../plan/capacity";
import { ClusterPlanInput, ClusterProfile, IpStack } from "../plan/model";

/** Properties of an {@link AckCluster}. */
export interface AckClusterProps extends AckClusterBaseProps {
  /** The container network plugin: `Cni.terway(...)` or `Cni.flannel(...)`. */
  readonly cni: Cni;
  /**
   * IPv4 only, or dual stack (Terway only; the network needs `ipv6: true`).
   * @default IpStack.IPV4
   */
  readonly ipStack?: IpStack;
  /**
   * Custom-route quota of the VPC route table (Flannel: one route per node, D-6).
   * @default 200
   */
  readonly routeTableQuota?: number;
}

/**
 * An ACK managed cluster (`alicloud_cs_managed_kubernetes`, profile Default) with Terway or
 * Flannel and a checked network plan. Every network rule runs at synth; errors fail it, all
 * listed at once; the capacity plan is on {@link AckCluster.capacityPlan} and printed.
 *
 * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/kubernetes-cluster-network-planning
 */
export class AckCluster extends AckClusterBase {
  public readonly cni: Cni;
  private readonly props: AckClusterProps;

  public constructor(scope: Construct, id: string, props: AckClusterProps) {
    const cni = props.cni;
    const podVSwitches = cni.isTerway ? props.network.podVSwitches() : [];
    super(scope, id, props, {
      profile: ClusterProfile.DEFAULT,
      podVswitchIds: cni.isTerway ? podVSwitches.map((v) => v.id) : undefined,
      podCidr: cni.isTerway ? undefined : cni.podCidr,
      // Never rounded: pods per node other than 16/32/64/128/256 fails D1-node-cidr-mask.
      nodeCidrMask: cni.isTerway ? undefined : exactMaskForPodsPerNode(cni.podsPerNode ?? 64),
      ipStack: props.ipStack ?? IpStack.IPV4,
    }, cni.addons());
    this.props = props;
    this.cni = cni;
  }

  protected get cloudTerway(): boolean {
    return this.props.cni.isTerway;
  }

  protected override get defaultExclusiveEni(): boolean {
    return this.props.cni.mode === TerwayMode.EXCLUSIVE_ENI;
  }

  /** @internal */
  public _toPlanInput(): ClusterPlanInput {
    const v = new PlanValues();
    const p = this.props;
    const cni = p.cni;
    return {
      ...this._basePlanInput(v, ClusterProfile.DEFAULT),
      ipStack: p.ipStack ?? IpStack.IPV4,
      podVSwitches: cni.isTerway ? this._vswitchPlans(this.network.podVSwitches(), "podVSwitches", v) : [],
      cni: {
        plugin: cni.plugin,
        podCidr: v.str("cni.podCidr", cni.podCidr),
        nodeCidrMask: cni.isTerway ? undefined : exactMaskForPodsPerNode(cni.podsPerNode ?? 64),
        podsPerNode: cni.isTerway ? undefined : v.num("cni.podsPerNode", cni.podsPerNode ?? 64),
        networkPolicy: cni.networkPolicy,
        dataPathV2: cni.dataPathV2,
        trunk: cni.trunk,
        ipvlan: cni.ipvlan,
      },
      nodePools: this.pools.map((x) => x._toPlan(v)),
      routeTableQuota: p.routeTableQuota,
      unresolved: v.unresolved,
    };
  }
}
