import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { AckEdgeCluster, AckNetwork, ClusterSpec, EdgeCni, EdgeInterconnect, TaintEffect } from "../lib";
import { AlicloudProvider } from "../lib/providers/alicloud/provider";

/**
 * ACK Edge with Flannel (VXLAN): one pod CIDR for cloud and edge nodes, a cloud pool for
 * system workloads and an edge pool of Internet-connected edge devices. The cluster's security
 * group keeps UDP 8472 open between cloud and edge nodes.
 */
export class EdgeFlannelStack extends TerraformStack {
  public readonly cluster: AckEdgeCluster;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new AlicloudProvider(this, "alicloud", { region: "cn-hangzhou" });
    // Every taggable resource carries these (network, cluster, node pools, hybrid link).
    const tags = { owner: "platform", example: "edge-flannel" };
    const network = new AckNetwork(this, "net", {
      tags,
      vpcCidr: "192.168.0.0/16",
      zones: ["cn-hangzhou-i", "cn-hangzhou-j"],
      nodeVSwitchCidrs: ["192.168.0.0/24", "192.168.1.0/24"],
    });
    this.cluster = new AckEdgeCluster(this, "stores", {
      network,
      tags,
      clusterSpec: ClusterSpec.PRO_SMALL,
      // No version: the latest ACK Edge offers at creation.
      serviceCidr: "172.21.0.0/20",
      cni: EdgeCni.flannel({ podCidr: "10.8.0.0/16", podsPerNode: 64, edgeNodeCidrs: ["10.200.0.0/16"] }),
    });
    this.cluster.addNodePool("cloud", { instanceTypes: ["ecs.g7.xlarge"], minSize: 2, maxSize: 6 });
    this.cluster.addEdgeNodePool("shops", {
      interconnect: EdgeInterconnect.BASIC,
      minSize: 10,
      maxSize: 200,
      labels: { "edge.example.com/site": "shop" },
      taints: [{ key: "edge", value: "true", effect: TaintEffect.NO_SCHEDULE }],
    });
  }
}
