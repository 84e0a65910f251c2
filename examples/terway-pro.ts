import { Construct } from "constructs";
import { TerraformStack } from "cdktf";
import { AckCluster, AckNetwork, ClusterSpec, Cni, TerwayMode } from "../lib";
import { AlicloudProvider } from "../lib/providers/alicloud/provider";

/** A multi-zone ACK Pro cluster on Terway (shared ENI, NetworkPolicy, DataPath V2). */
export class TerwayProStack extends TerraformStack {
  public readonly cluster: AckCluster;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new AlicloudProvider(this, "alicloud", { region: "cn-hangzhou" });
    // Every taggable resource carries these (network, cluster, node pools, hybrid link).
    const tags = { owner: "platform", example: "terway-pro" };
    const network = new AckNetwork(this, "net", {
      tags,
      vpcCidr: "192.168.0.0/16",
      zones: ["cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k"],
      expectedNodes: 300,
      expectedPodsPerNode: 64,
    });
    this.cluster = new AckCluster(this, "prod", {
      network,
      tags,
      clusterSpec: ClusterSpec.PRO_SMALL,
      kubernetesVersion: "1.36.1-aliyun.1", // ACK release notes for Kubernetes 1.36 (rule V2)
      serviceCidr: "172.21.0.0/20",
      // DataPath V2 has no documented Terraform switch (rule F5-no-datapath-v2-key): not asked for.
      cni: Cni.terway({ mode: TerwayMode.SHARED_ENI, networkPolicy: true }),
    });
    this.cluster.addNodePool("general", {
      instanceTypes: ["ecs.c7.4xlarge", "ecs.g7.4xlarge"],
      minSize: 3,
      maxSize: 60,
      imageType: "AliyunLinux3",
    });
    this.cluster.addNodePool("dedicated", {
      instanceTypes: ["ecs.c7.8xlarge"],
      desiredSize: 3,
      exclusiveEni: true,
      zones: ["cn-hangzhou-i"],
      labels: { workload: "latency-sensitive" },
    });
  }
}
