import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { AckCluster, AckNetwork, ClusterSpec, Cni } from "../lib";
import { AlicloudProvider } from "../lib/providers/alicloud/provider";

/** A small single-zone ACK Pro cluster on Flannel. */
export class FlannelSmallStack extends TerraformStack {
  public readonly cluster: AckCluster;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new AlicloudProvider(this, "alicloud", { region: "cn-shanghai" });
    // Every taggable resource carries these (network, cluster, node pools, hybrid link).
    const tags = { owner: "platform", example: "flannel-small" };
    const network = new AckNetwork(this, "net", {
      tags,
      vpcCidr: "192.168.0.0/16",
      zones: ["cn-shanghai-l"],
      nodeVSwitchCidrs: ["192.168.0.0/24"],
    });
    this.cluster = new AckCluster(this, "dev", {
      network,
      tags,
      clusterSpec: ClusterSpec.PRO_SMALL,
      serviceCidr: "172.21.0.0/20",
      cni: Cni.flannel({ podCidr: "172.20.0.0/16", podsPerNode: 64 }),
    });
    this.cluster.addNodePool("default", { instanceTypes: ["ecs.g7.xlarge"], minSize: 2, maxSize: 20 });
  }
}
