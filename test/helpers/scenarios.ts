import { App, TerraformStack } from "cdktf";
import {
  AckCluster, AckClusterProps, AckNetwork, AckNetworkProps, ClusterSpec, Cni, ExistingNetworkProps, NodePoolOptions,
} from "../../lib";
import { AlicloudProvider } from "../../lib/providers/alicloud/provider";

/** A cluster scenario: a network, one cluster (plus optional neighbours), its pools. */
export interface Scenario {
  readonly network?: Partial<AckNetworkProps>;
  readonly existing?: ExistingNetworkProps;
  readonly cluster?: Partial<Omit<AckClusterProps, "network">>;
  readonly pools?: Array<[string, NodePoolOptions]>;
  /** Other clusters in the same network. */
  readonly neighbours?: Array<Partial<Omit<AckClusterProps, "network">> & { name: string }>;
}

/** A valid two-zone Terway Pro cluster; scenarios override parts of it. */
export const TERWAY_BASE: Scenario = {
  network: {
    vpcCidr: "192.168.0.0/16",
    zones: ["cn-hangzhou-i", "cn-hangzhou-j"],
    nodeVSwitchCidrs: ["192.168.0.0/24", "192.168.1.0/24"],
    podVSwitchCidrs: ["192.168.32.0/19", "192.168.64.0/19"],
  },
  cluster: { cni: Cni.terway(), serviceCidr: "172.21.0.0/20", kubernetesVersion: "1.36.1-aliyun.1" },
  pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 3, maxSize: 20 }]],
};

/** A valid single-zone Flannel Pro cluster. */
export const FLANNEL_BASE: Scenario = {
  network: { vpcCidr: "192.168.0.0/16", zones: ["cn-hangzhou-i"], nodeVSwitchCidrs: ["192.168.0.0/24"] },
  cluster: { cni: Cni.flannel({ podCidr: "172.20.0.0/16", podsPerNode: 64 }), serviceCidr: "172.21.0.0/20" },
  pools: [["general", { instanceTypes: ["ecs.g7.xlarge"], minSize: 2, maxSize: 20 }]],
};

/** Merges a scenario over a base (one level deep for network and cluster). */
export function withBase(base: Scenario, over: Scenario): Scenario {
  return {
    network: { ...base.network, ...over.network },
    existing: over.existing ?? base.existing,
    cluster: { ...base.cluster, ...over.cluster },
    pools: over.pools ?? base.pools,
    neighbours: over.neighbours ?? base.neighbours,
  };
}

/** Adds the scenario's stack to the app and returns the main cluster. */
export function buildScenario(app: App, s: Scenario, stackName = "test"): AckCluster {
  const stack = new TerraformStack(app, stackName);
  new AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
  const network = s.existing
    ? AckNetwork.fromExisting(stack, "net", s.existing)
    : new AckNetwork(stack, "net", { zones: ["cn-hangzhou-i"], ...s.network } as AckNetworkProps);
  const cluster = new AckCluster(stack, "main", {
    clusterSpec: ClusterSpec.PRO_SMALL,
    cni: Cni.terway(),
    ...s.cluster,
    network,
  });
  for (const [name, options] of s.pools ?? []) cluster.addNodePool(name, options);
  for (const n of s.neighbours ?? []) {
    const other = new AckCluster(stack, n.name, { cni: Cni.terway(), ...n, network });
    other.addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2 });
  }
  return cluster;
}
