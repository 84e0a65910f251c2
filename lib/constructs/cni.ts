import { ADDON, TERWAY_CONFIG } from "./addons";
import { CniPlugin } from "../plan/model";

/** Terway ENI mode for the cluster's default node pools. */
export enum TerwayMode {
  /** Several pods per ENI (`terway-eniip`). Pods per node = (ENIs - 1) x IPv4 per ENI. */
  SHARED_ENI = "shared-eni",
  /**
   * Every pod gets its own ENI; chosen per node pool (`addNodePool({ exclusiveEni: true })`).
   * Setting it here makes it the default of every pool.
   */
  EXCLUSIVE_ENI = "exclusive-eni",
}

/** Options of {@link Cni.terway}. */
export interface TerwayOptions {
  /**
   * ENI mode of node pools that don't choose one.
   * @default TerwayMode.SHARED_ENI
   */
  readonly mode?: TerwayMode;
  /**
   * Kubernetes NetworkPolicy support (shared-ENI pools only).
   * @default true
   */
  readonly networkPolicy?: boolean;
  /**
   * DataPath V2 (eBPF) acceleration. Creation-time only; node OS Alibaba Cloud Linux 3/4,
   * ContainerOS or Ubuntu. No documented add-on key enables it through Terraform, so `true`
   * fails synthesis (rule F5-no-datapath-v2-key): create such a cluster in the console or API.
   * @default false
   */
  readonly dataPathV2?: boolean;
  /**
   * Trunk ENI (static pod IPs, per-pod vSwitch and security group).
   * @default false
   */
  readonly trunk?: boolean;
  /**
   * IPvlan virtualisation of shared ENIs.
   * @default false
   */
  readonly ipvlan?: boolean;
}

/** Options of {@link Cni.flannel}. */
export interface FlannelOptions {
  /**
   * Pod CIDR, split into one block per node. Must not overlap the VPC, the vSwitches or the
   * service CIDR. Can be omitted only when a fleet address pool assigns it.
   */
  readonly podCidr: string;
  /**
   * Pods per node: 16, 32, 64, 128 or 256 (node CIDR mask /28 .. /24).
   * @default 64 (mask /26, the API default)
   */
  readonly podsPerNode?: number;
}

/** An add-on of the cluster: name, JSON config and version. */
export interface AddonConfig {
  readonly name: string;
  readonly config?: string;
  /** @default the version ACK picks for the cluster */
  readonly version?: string;
}

/**
 * The container network plugin of an ACK managed cluster. Fixed at creation (rule K-1).
 *
 * @see https://www.alibabacloud.com/help/en/ack/ack-managed-and-ack-dedicated/user-guide/comparison-between-terway-and-flannel
 */
export class Cni {
  /** Terway: pods take VPC addresses from pod vSwitches through ENIs. */
  public static terway(options: TerwayOptions = {}): Cni {
    return new Cni(CniPlugin.TERWAY, {
      mode: options.mode ?? TerwayMode.SHARED_ENI,
      networkPolicy: options.networkPolicy ?? true,
      dataPathV2: options.dataPathV2 ?? false,
      trunk: options.trunk ?? false,
      ipvlan: options.ipvlan ?? false,
    });
  }

  /** Flannel: VXLAN overlay with a separate pod CIDR. Small clusters (at most 1,000 nodes). */
  public static flannel(options: FlannelOptions): Cni {
    return new Cni(CniPlugin.FLANNEL, { podCidr: options.podCidr, podsPerNode: options.podsPerNode ?? 64 });
  }

  private constructor(
    /** The plugin. */
    public readonly plugin: CniPlugin,
    private readonly options: TerwayOptions & Partial<FlannelOptions>,
  ) {}

  /** True for Terway. */
  public get isTerway(): boolean {
    return this.plugin === CniPlugin.TERWAY;
  }
  /** Flannel pod CIDR (undefined for Terway). */
  public get podCidr(): string | undefined {
    return this.options.podCidr;
  }
  /** Pods per node (Flannel). */
  public get podsPerNode(): number | undefined {
    return this.options.podsPerNode;
  }
  public get mode(): TerwayMode | undefined {
    return this.options.mode;
  }
  public get networkPolicy(): boolean {
    return this.options.networkPolicy ?? false;
  }
  public get dataPathV2(): boolean {
    return this.options.dataPathV2 ?? false;
  }
  public get trunk(): boolean {
    return this.options.trunk ?? false;
  }
  public get ipvlan(): boolean {
    return this.options.ipvlan ?? false;
  }

  /** The network add-ons to install at creation. */
  public addons(): AddonConfig[] {
    if (this.plugin === CniPlugin.FLANNEL) return [{ name: ADDON.FLANNEL }];
    const config: Record<string, string> = {
      [TERWAY_CONFIG.IPVLAN]: String(this.ipvlan),
      [TERWAY_CONFIG.NETWORK_POLICY]: String(this.networkPolicy),
      [TERWAY_CONFIG.ENI_TRUNKING]: String(this.trunk),
    };
    const out: AddonConfig[] = [];
    if (this.trunk) out.push({ name: ADDON.TERWAY_CONTROLPLANE, config: JSON.stringify({ [TERWAY_CONFIG.ENI_TRUNKING]: "true" }) });
    out.push({ name: ADDON.TERWAY_ENIIP, config: JSON.stringify(config) });
    return out;
  }
}
