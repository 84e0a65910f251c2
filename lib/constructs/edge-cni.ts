import { AddonConfig } from "./cni";
import { EDGE_ADDON } from "./edge-addons";
import { CniPlugin } from "../plan/model";

/** Options of {@link EdgeCni.flannel}. */
export interface EdgeFlannelOptions {
  /**
   * Pod CIDR shared by cloud and edge nodes, split into one block per node (`pod_cidr`). Fixed
   * at creation; must not overlap the VPC, the vSwitches, the service CIDR or the data centre.
   */
  readonly podCidr: string;
  /**
   * Pods per node: 16, 32, 64, 128 or 256 (`node_cidr_mask` /28 .. /24).
   * @default 64
   */
  readonly podsPerNode?: number;
  /**
   * Address ranges of the edge nodes, opened for UDP 8472 (VXLAN) in the cluster security
   * group. Data-centre CIDRs of HybridLinks on the same network are added automatically.
   * @default none
   * @see https://www.alibabacloud.com/help/en/ack/ack-edge/user-guide/flannel-network-plugin
   */
  readonly edgeNodeCidrs?: string[];
}

/** Options of {@link EdgeCni.terwayEdge}. */
export interface TerwayEdgeOptions {
  /**
   * Edge container CIDR: pods of edge pools take addresses from it, one block per edge node
   * (`pod_cidr`). Fixed at creation; advertised to the data centre over BGP.
   */
  readonly edgePodCidr: string;
  /**
   * Pods per edge node: 16, 32, 64, 128 or 256 (`node_cidr_mask` /28 .. /24).
   * @default 64
   */
  readonly podsPerEdgeNode?: number;
  /**
   * Version of the `terway-edge` add-on, e.g. `v1.14.3`. Checked against the Kubernetes version
   * (rule I9-terway-edge-addon-version: > v1.13 needs >= 1.32; v1.9 >= 1.30; v1.8 >= 1.28 and < 1.32).
   * @default the version ACK installs for the cluster's Kubernetes version
   */
  readonly addonVersion?: string;
}

/**
 * The container network plugin of an ACK Edge cluster, fixed at creation (rules I-1, K-1).
 *
 * @see https://www.alibabacloud.com/help/en/ack/ack-edge/user-guide/how-to-choose-a-network-plug-in
 */
export class EdgeCni {
  /**
   * Flannel VXLAN overlay: one pod CIDR for cloud and edge nodes, split per node. The cluster
   * gets its own security group with UDP 8472 open (rule I-2).
   */
  public static flannel(options: EdgeFlannelOptions): EdgeCni {
    return new EdgeCni(CniPlugin.FLANNEL, options.podCidr, options.podsPerNode ?? 64, options.edgeNodeCidrs ?? []);
  }

  /**
   * Terway Edge (add-on `terway-edge`): Terway with pod vSwitches on cloud pools, Flannel route
   * mode on edge pools with the edge pod CIDR split per edge node. Needs a HybridLink (rule I-6)
   * and Kubernetes 1.28 or later (I9).
   * @see https://www.alibabacloud.com/help/en/ack/ack-edge/user-guide/terway-edge-network-plug-in-introduction
   */
  public static terwayEdge(options: TerwayEdgeOptions): EdgeCni {
    return new EdgeCni(CniPlugin.TERWAY_EDGE, options.edgePodCidr, options.podsPerEdgeNode ?? 64, [], options.addonVersion);
  }

  private constructor(
    /** The plugin: `CniPlugin.FLANNEL` or `CniPlugin.TERWAY_EDGE`. */
    public readonly plugin: CniPlugin,
    /** Flannel pod CIDR, or the Terway Edge edge pod CIDR. */
    public readonly podCidr: string,
    /** Pods per node (Flannel) or per edge node (Terway Edge). */
    public readonly podsPerNode: number,
    /** Flannel: edge-node ranges opened for UDP 8472. */
    public readonly edgeNodeCidrs: string[],
    /** Terway Edge: the `terway-edge` add-on version asked for. */
    public readonly addonVersion?: string,
  ) {}

  /** True for Terway Edge. */
  public get isTerwayEdge(): boolean {
    return this.plugin === CniPlugin.TERWAY_EDGE;
  }

  /** The network add-ons to install at creation (see edge-addons.ts for the sources). */
  public addons(): AddonConfig[] {
    if (!this.isTerwayEdge) return [{ name: EDGE_ADDON.FLANNEL }];
    return [this.addonVersion === undefined ? { name: EDGE_ADDON.TERWAY_EDGE } : { name: EDGE_ADDON.TERWAY_EDGE, version: this.addonVersion }];
  }
}
