/**
 * Edge scenarios for the rule tests: the seed topology (VPC 192.168.0.0/16, edge pods
 * 10.0.0.0/16, data centre 172.16.0.0/16) as a valid base, and a builder that applies
 * overrides. Every case synthesizes through `app.synth()`, so validations run.
 */
import { App, TerraformStack, Testing, TerraformVariable } from "cdktf";
import {
  AckEdgeCluster, AckEdgeClusterProps, AckNetwork, AckNetworkProps, ClusterSpec, EdgeCni, EdgeInterconnect, EdgeNodePoolOptions,
  HybridLink, HybridLinkBgpOptions, HybridLinkProps, NodePoolOptions,
} from "../../lib";
import { AlicloudProvider } from "../../lib/providers/alicloud/provider";

/** Link overrides; `bgp` is merged into the base BGP options. */
export type LinkOverrides = Partial<Omit<HybridLinkProps, "network" | "bgp">> & {
  readonly bgp?: Partial<HybridLinkBgpOptions>;
  /** Declare the auth key variable without `sensitive: true`. */
  readonly insecureAuthKey?: boolean;
  /** No BGP auth key at all. */
  readonly noAuthKey?: boolean;
};

export interface EdgeScenario {
  readonly network?: Partial<AckNetworkProps>;
  readonly cluster?: Partial<Omit<AckEdgeClusterProps, "network">>;
  readonly cloudPools?: Array<[string, NodePoolOptions]>;
  readonly edgePools?: Array<[string, EdgeNodePoolOptions]>;
  /** Overrides of the base HybridLink; `null` drops the link. */
  readonly link?: LinkOverrides | null;
  /** More links on the same network. */
  readonly moreLinks?: LinkOverrides[];
}

export const SEED_VPC = "192.168.0.0/16";
export const SEED_EDGE_PODS = "10.0.0.0/16";
export const SEED_DC = "172.16.0.0/16";

/** Valid Terway Edge cluster with a HybridLink in the seed topology. */
export const TERWAY_EDGE_BASE: EdgeScenario = {
  network: {
    vpcCidr: SEED_VPC,
    zones: ["cn-hangzhou-i", "cn-hangzhou-j"],
    nodeVSwitchCidrs: ["192.168.0.0/24", "192.168.1.0/24"],
    podVSwitchCidrs: ["192.168.32.0/19", "192.168.64.0/19"],
  },
  cluster: {
    cni: EdgeCni.terwayEdge({ edgePodCidr: SEED_EDGE_PODS, podsPerEdgeNode: 128 }),
    serviceCidr: "172.22.0.0/20",
    kubernetesVersion: "1.33.1-aliyun.1",
  },
  cloudPools: [["cloud", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 2, maxSize: 6 }]],
  // The provider can't set interconnect_mode = private (I11): the pool is planned, created outside Terraform.
  edgePools: [["line-1", { interconnect: EdgeInterconnect.PRIVATE, createdOutsideTerraform: true, minSize: 2, maxSize: 50 }]],
  link: {},
};

/** Valid Flannel edge cluster, no link. */
export const FLANNEL_EDGE_BASE: EdgeScenario = {
  network: { vpcCidr: SEED_VPC, zones: ["cn-hangzhou-i"], nodeVSwitchCidrs: ["192.168.0.0/24"] },
  cluster: {
    cni: EdgeCni.flannel({ podCidr: "10.8.0.0/16", podsPerNode: 64, edgeNodeCidrs: ["10.200.0.0/16"] }),
    serviceCidr: "172.21.0.0/20",
    kubernetesVersion: "1.33.1-aliyun.1",
  },
  cloudPools: [["cloud", { instanceTypes: ["ecs.g7.xlarge"], minSize: 2, maxSize: 4 }]],
  edgePools: [["shops", { interconnect: EdgeInterconnect.BASIC, minSize: 1, maxSize: 20 }]],
  link: null,
};

/** Shallow-merges a scenario over a base (each top-level key replaces; `cluster`, `network` and `link` merge one level). */
export function withBase(base: EdgeScenario, over: EdgeScenario): EdgeScenario {
  return {
    network: { ...base.network, ...over.network },
    cluster: { ...base.cluster, ...over.cluster },
    cloudPools: over.cloudPools ?? base.cloudPools,
    edgePools: over.edgePools ?? base.edgePools,
    link: over.link === null ? null : over.link === undefined ? base.link : { ...(base.link ?? {}), ...over.link },
    moreLinks: over.moreLinks ?? base.moreLinks,
  };
}

function linkProps(stack: TerraformStack, network: AckNetwork, id: string, o: LinkOverrides, vlanId: number): HybridLinkProps {
  const { bgp, insecureAuthKey, noAuthKey, ...rest } = o;
  const authKey = noAuthKey ? undefined : new TerraformVariable(stack, `${id}_auth_key`, { type: "string", sensitive: insecureAuthKey ? undefined : true });
  return {
    network,
    physicalConnectionId: "pc-bp1seed00000000000",
    accessPointId: "ap-cn-hangzhou-xs-A",
    vlanId,
    localGatewayIp: "10.254.0.1",
    peerGatewayIp: "10.254.0.2",
    peeringSubnetMask: "255.255.255.252",
    dataCenterCidrs: [SEED_DC],
    edgePodCidrs: [SEED_EDGE_PODS],
    ...rest,
    bgp: { peerAsn: 65001, authKey, ...bgp },
  };
}

export interface BuiltEdge {
  readonly stack: TerraformStack;
  readonly cluster: AckEdgeCluster;
  readonly links: HybridLink[];
}

/** Builds the scenario in a stack of `app`. */
export function buildEdge(app: App, s: EdgeScenario, stackId = "edge"): BuiltEdge {
  const stack = new TerraformStack(app, stackId);
  new AlicloudProvider(stack, "alicloud", { region: "cn-hangzhou" });
  const network = new AckNetwork(stack, "net", { zones: ["cn-hangzhou-i"], ...s.network });
  const cluster = new AckEdgeCluster(stack, "edge", {
    network,
    clusterSpec: ClusterSpec.PRO_SMALL,
    cni: EdgeCni.terwayEdge({ edgePodCidr: SEED_EDGE_PODS }),
    ...s.cluster,
  });
  for (const [id, o] of s.cloudPools ?? []) cluster.addNodePool(id, o);
  for (const [id, o] of s.edgePools ?? []) cluster.addEdgeNodePool(id, o);
  const links: HybridLink[] = [];
  if (s.link) links.push(new HybridLink(stack, "idc", linkProps(stack, network, "idc", s.link, 100)));
  (s.moreLinks ?? []).forEach((o, i) => links.push(new HybridLink(stack, `idc-${i + 2}`, linkProps(stack, network, `idc_${i + 2}`, o, 101 + i))));
  return { stack, cluster, links };
}

/** Synthesizes the scenario with validations; returns the error message, or undefined. */
export function synthError(s: EdgeScenario): string | undefined {
  const app = Testing.app();
  buildEdge(app, s);
  try {
    app.synth();
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
