import { Construct } from "constructs";
import { Token } from "./cdktf";
import { AckClusterBase, AckClusterBaseProps } from "./cluster-base";
import { EDGE_ADDON } from "./edge-addons";
import { EdgeCni } from "./edge-cni";
import { AppEstate } from "./estate";
import { AckEdgeNodePool, EdgeInterconnect, EdgeNodePoolOptions } from "./edge-node-pool";
import { HybridLink } from "./hybrid-link";
import { PlanValues } from "./tokens";
import { exactMaskForPodsPerNode } from "../plan/capacity";
import { ClusterPlanInput, ClusterProfile, IpStack } from "../plan/model";
import type { SecurityGroup } from "../providers/alicloud/security-group";
import { securityGroupL1, securityGroupRuleL1 } from "./lazy-l1";

/** Properties of an {@link AckEdgeCluster}. */
export interface AckEdgeClusterProps extends AckClusterBaseProps {
  /** The container network plugin: `EdgeCni.terwayEdge(...)` or `EdgeCni.flannel(...)`. */
  readonly cni: EdgeCni;
}

/** Flannel's VXLAN port (rule I-2). */
export const FLANNEL_VXLAN_UDP_PORT = 8472;

function slug(cidr: string): string {
  return cidr.replace(/[^0-9a-zA-Z]+/g, "-");
}

/**
 * An ACK Edge cluster: `alicloud_cs_managed_kubernetes` with `profile = "Edge"` (the
 * deprecated `alicloud_cs_edge_kubernetes` is never used), Flannel or Terway Edge, cloud node
 * pools ({@link AckEdgeCluster.addNodePool}) and edge node pools
 * ({@link AckEdgeCluster.addEdgeNodePool}). Every network rule runs at synth, with the
 * data-centre ranges of the network's {@link HybridLink}s as external ranges.
 *
 * Flannel: the cluster gets its own security group (instead of the enterprise one ACK would
 * create) with the rules ACK documents for a security group you bring (traffic inside the group,
 * ICMP, all protocols from the pod CIDR) and UDP 8472 (VXLAN) from the VPC, the data-centre
 * CIDRs of HybridLinks and `edgeNodeCidrs`.
 *
 * Terway Edge: cloud pools use the network's pod vSwitches (`pod_vswitch_ids`); the edge pod
 * CIDR is `pod_cidr` and pods per edge node set `node_cidr_mask`.
 *
 * @see https://www.alibabacloud.com/help/en/ack/ack-edge/user-guide/how-to-choose-a-network-plug-in
 */
export class AckEdgeCluster extends AckClusterBase {
  public readonly cni: EdgeCni;
  /** Security group of the nodes (Flannel only): add rules to it as an escape hatch. */
  public readonly securityGroup?: SecurityGroup;
  private readonly edgePoolList: AckEdgeNodePool[] = [];
  private readonly linkList: HybridLink[] = [];
  private readonly vxlanOpen = new Set<string>();
  private readonly vxlanSources: string[] = [];

  public constructor(scope: Construct, id: string, props: AckEdgeClusterProps) {
    const cni = props.cni;
    const terwayEdge = cni.isTerwayEdge;
    const podVSwitches = terwayEdge ? props.network.podVSwitches() : [];
    super(scope, id, props, {
      profile: ClusterProfile.EDGE,
      podVswitchIds: terwayEdge ? podVSwitches.map((v) => v.id) : undefined,
      podCidr: cni.podCidr,
      // Never rounded: a value other than 16/32/64/128/256 fails D1-node-cidr-mask / I4-edge-pods-per-node.
      nodeCidrMask: exactMaskForPodsPerNode(cni.podsPerNode),
      ipStack: IpStack.IPV4,
      // security_group_id conflicts with is_enterprise_security_group (provider constraint).
      omitEnterpriseSecurityGroup: !terwayEdge,
      // ACK Edge storage overview: csi-plugin and csi-provisioner (edge-addons.ts).
      storageAddons: [{ name: EDGE_ADDON.CSI_PLUGIN }, { name: EDGE_ADDON.CSI_PROVISIONER }],
    }, cni.addons());
    this.cni = cni;
    if (!terwayEdge) {
      this.securityGroup = new (securityGroupL1().SecurityGroup)(this, "security-group", {
        vpcId: this.network.vpcId,
        securityGroupName: `${this.clusterName}-nodes`,
        securityGroupType: "normal",
        innerAccessPolicy: "Accept",
        description: "ACK Edge Flannel nodes: UDP 8472 (VXLAN) open between cloud and edge nodes",
        tags: props.tags,
      });
      this.resource.securityGroupId = this.securityGroup.id;
      this.addDocumentedFlannelRules(cni.podCidr);
      if (this.network.vpcCidr !== undefined) this.openVxlan(this.network.vpcCidr, "the VPC (cloud nodes)", false);
      for (const c of cni.edgeNodeCidrs) this.openVxlan(c, "edge nodes", true);
    }
    for (const link of HybridLink.linksIn(this.network)) this.attachHybridLink(link);
  }

  protected get cloudTerway(): boolean {
    return this.cni.isTerwayEdge;
  }

  /**
   * The edge pod CIDR of a Terway Edge cluster, for {@link HybridLinkProps.edgePodCidrs}.
   * Flannel clusters have none (their pod CIDR is an overlay and is not routed): asking throws.
   */
  public get edgePodCidr(): string {
    if (!this.cni.isTerwayEdge) {
      throw new Error(`AckEdgeCluster ${this.node.path}: Flannel has no routed edge pod CIDR; its pod CIDR ${this.cni.podCidr} is a VXLAN overlay that HybridLink needn't route.`);
    }
    return this.cni.podCidr;
  }

  /** Adds an edge node pool (`type = "edge"`): nodes in data centres or at the edge. */
  public addEdgeNodePool(id: string, options: EdgeNodePoolOptions): AckEdgeNodePool {
    const pool = new AckEdgeNodePool(this, id, { clusterId: this.clusterId, clusterName: this.clusterName, tags: this.baseProps.tags }, options);
    this.edgePoolList.push(pool);
    AppEstate.of(this).invalidate();
    return pool;
  }

  /** Edge node pools, in creation order. */
  public get edgeNodePools(): AckEdgeNodePool[] {
    return [...this.edgePoolList];
  }

  /** Hybrid links of the cluster's network. */
  public get hybridLinks(): HybridLink[] {
    return [...this.linkList];
  }

  /**
   * Registers a hybrid link of the network: its data-centre CIDRs join the plan as external
   * ranges and (Flannel) get UDP 8472. Called by HybridLink itself; calling it again is a no-op.
   */
  public attachHybridLink(link: HybridLink): void {
    if (this.linkList.includes(link)) return;
    if (link.network !== this.network) {
      throw new Error(`AckEdgeCluster ${this.node.path}: HybridLink ${link.node.path} joins another network.`);
    }
    this.linkList.push(link);
    if (this.securityGroup) for (const c of link.dataCenterCidrs) this.openVxlan(c, `data centre of ${link.linkName}`, true);
    // Terway Edge: the edge pod CIDR is routed on every link of the network, asked for or not (I-7).
    if (this.cni.isTerwayEdge) link._routeEdgePodCidr(this.cni.podCidr);
  }

  /** @internal */
  public _toPlanInput(): ClusterPlanInput {
    const v = new PlanValues();
    const cni = this.cni;
    const terwayEdge = cni.isTerwayEdge;
    // The data-centre ranges of the network's links come from the estate plan (rule C6, for every cluster).
    const base = this._basePlanInput(v, ClusterProfile.EDGE);
    return {
      ...base,
      enterpriseSecurityGroup: terwayEdge ? base.enterpriseSecurityGroup : false,
      ipStack: IpStack.IPV4,
      podVSwitches: terwayEdge ? this._vswitchPlans(this.network.podVSwitches(), "podVSwitches", v) : [],
      cni: {
        plugin: cni.plugin,
        podCidr: terwayEdge ? undefined : v.str("cni.podCidr", cni.podCidr),
        edgePodCidr: terwayEdge ? v.str("cni.edgePodCidr", cni.podCidr) : undefined,
        addonVersion: terwayEdge ? v.str("cni.addonVersion", cni.addonVersion) : undefined,
        nodeCidrMask: exactMaskForPodsPerNode(cni.podsPerNode),
        podsPerNode: terwayEdge ? undefined : v.num("cni.podsPerNode", cni.podsPerNode),
        networkPolicy: false,
        dataPathV2: false,
        trunk: false,
        ipvlan: false,
      },
      nodePools: [...this.pools.map((p) => p._toPlan(v)), ...this.edgePoolList.map((p) => p.toPlan(v))],
      hasHybridLink: this.linkList.length > 0,
      podsPerEdgeNode: v.num("podsPerEdgeNode", cni.podsPerNode),
      edgePoolNetworks: this.edgePoolList.map((p) => ({ name: p.poolName, privateInterconnect: p.interconnect === EdgeInterconnect.PRIVATE, intranet: p.intranet, createdOutsideTerraform: p.createdOutsideTerraform })),
      vxlanPeerCidrs: terwayEdge ? undefined : [...this.vxlanSources],
      unresolved: v.unresolved,
    };
  }

  /**
   * The inbound rules ACK recommends for a cluster on a security group you bring (basic group):
   * ICMP from 0.0.0.0/0, all protocols from the group itself (`inner_access_policy = Accept`) and,
   * in Flannel mode, all protocols from the pod CIDR. ACK "Configure and manage cluster security
   * groups", https://www.alibabacloud.com/help/doc-detail/353191.htm (docs/ack-edge.md).
   * Egress stays the basic group's default (all allowed), which is the recommended outbound rule.
   */
  private addDocumentedFlannelRules(podCidr: string): void {
    if (!this.securityGroup) return;
    new (securityGroupRuleL1().SecurityGroupRule)(this, "icmp", {
      securityGroupId: this.securityGroup.id,
      type: "ingress",
      ipProtocol: "icmp",
      portRange: "-1/-1",
      cidrIp: "0.0.0.0/0",
      nicType: "intranet",
      policy: "accept",
      priority: 1,
      description: "ICMP (ACK recommended rule for a cluster security group)",
    });
    new (securityGroupRuleL1().SecurityGroupRule)(this, "pod-cidr", {
      securityGroupId: this.securityGroup.id,
      type: "ingress",
      ipProtocol: "all",
      portRange: "-1/-1",
      cidrIp: podCidr,
      nicType: "intranet",
      policy: "accept",
      priority: 1,
      description: "All protocols from the Flannel pod CIDR (ACK recommended rule in Flannel mode)",
    });
  }

  private openVxlan(cidr: string, what: string, edgeSide: boolean): void {
    if (!this.securityGroup) return;
    // An edge-side range is recorded even when the same range is open already (e.g. a data centre given as the VPC's range).
    if (edgeSide && !this.vxlanSources.includes(cidr)) this.vxlanSources.push(cidr);
    if (this.vxlanOpen.has(cidr)) return;
    this.vxlanOpen.add(cidr);
    new (securityGroupRuleL1().SecurityGroupRule)(this, `vxlan-${Token.isUnresolved(cidr) ? `source-${this.vxlanOpen.size}` : slug(cidr)}`, {
      securityGroupId: this.securityGroup.id,
      type: "ingress",
      ipProtocol: "udp",
      portRange: `${FLANNEL_VXLAN_UDP_PORT}/${FLANNEL_VXLAN_UDP_PORT}`,
      cidrIp: cidr,
      nicType: "intranet",
      policy: "accept",
      priority: 1,
      description: `Flannel VXLAN from ${what}`,
    });
  }
}
