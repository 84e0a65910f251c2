import { Construct } from "constructs";
import { TerraformStack, TerraformVariable } from "cdktf";
import { AckEdgeCluster, AckNetwork, ClusterSpec, EdgeCni, EdgeInterconnect, HybridLink } from "../lib";
import { AlicloudProvider } from "../lib/providers/alicloud/provider";

/**
 * ACK Edge with Terway Edge and a HybridLink, in the topology of the Terway Edge guide: VPC
 * 192.168.0.0/16, edge pods 10.0.0.0/16, data centre 172.16.0.0/16, joined over Express
 * Connect: a VBR with BGP, and a CEN transit router with the VBR and the VPC attached (the
 * HybridLink default, as ACK Edge's guides ask).
 */
export class EdgeTerwayStack extends TerraformStack {
  public readonly cluster: AckEdgeCluster;
  public readonly link: HybridLink;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new AlicloudProvider(this, "alicloud", { region: "cn-hangzhou" });
    // Every taggable resource carries these (network, cluster, node pools, hybrid link).
    const tags = { owner: "platform", example: "edge-terway" };
    const network = new AckNetwork(this, "net", {
      tags,
      vpcCidr: "192.168.0.0/16",
      zones: ["cn-hangzhou-i", "cn-hangzhou-j"],
      expectedNodes: 60,
      expectedPodsPerNode: 64,
    });
    this.cluster = new AckEdgeCluster(this, "factory", {
      network,
      tags,
      clusterSpec: ClusterSpec.PRO_SMALL,
      // No version: the latest ACK Edge offers at creation (ACK Edge lists its versions apart from
      // ACK; Terway Edge needs 1.28 or later, rule I9).
      serviceCidr: "172.22.0.0/20",
      cni: EdgeCni.terwayEdge({ edgePodCidr: "10.0.0.0/16", podsPerEdgeNode: 128 }),
    });
    this.cluster.addNodePool("cloud", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 2, maxSize: 10 });
    // The provider can't set interconnect_mode = private (rule I11): the pool is planned here and
    // created with the ACK console or CreateClusterNodePool (info I13 gives the request body).
    this.cluster.addEdgeNodePool("line-1", { interconnect: EdgeInterconnect.PRIVATE, createdOutsideTerraform: true, minSize: 4, maxSize: 100 });

    const authKey = new TerraformVariable(this, "idc_bgp_auth_key", {
      type: "string",
      sensitive: true,
      description: "BGP MD5 key agreed with the data-centre network team",
    });
    this.link = new HybridLink(this, "idc", {
      network,
      tags,
      physicalConnectionId: "pc-bp1example000000000",
      vlanId: 100,
      localGatewayIp: "10.254.0.1",
      peerGatewayIp: "10.254.0.2",
      peeringSubnetMask: "255.255.255.252",
      bgp: { peerAsn: 65001, authKey },
      dataCenterCidrs: ["172.16.0.0/16"],
      edgePodCidrs: [this.cluster.edgePodCidr],
    });
  }
}
