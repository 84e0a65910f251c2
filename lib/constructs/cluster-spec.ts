/**
 * The ACK cluster specification (`cluster_spec`): Basic or Pro.
 *
 * @see https://www.alibabacloud.com/help/en/ack/product-overview/limits
 */
export class ClusterSpec {
  /** ACK Basic (`ack.standard`): at most 10 nodes (rule G-1). */
  public static readonly BASIC = new ClusterSpec("ack.standard");
  /** ACK Pro (`ack.pro.small`): the production edition. */
  public static readonly PRO_SMALL = new ClusterSpec("ack.pro.small");

  /** Any other spec string the API accepts. */
  public static of(value: string): ClusterSpec {
    return new ClusterSpec(value);
  }

  private constructor(public readonly value: string) {}

  /** True for the Pro editions (`ack.pro.*`). */
  public get isPro(): boolean {
    return this.value.startsWith("ack.pro.");
  }

  public toString(): string {
    return this.value;
  }
}

/** kube-proxy mode (`proxy_mode`), fixed at creation. */
export enum ProxyMode {
  IPVS = "ipvs",
  IPTABLES = "iptables",
}
