/**
 * Random estates for the differential test: 1-6 VPCs, 1-8 clusters of all four kinds, node
 * pools, edge pools, hybrid links into a few data centres, CEN / peering / VPN connections.
 *
 * Two flavours: "colliding" estates draw every range from small candidate lists that overlap
 * each other on purpose (VPCs equal to data centres, pod CIDRs equal to VPCs, shared node
 * vSwitches, pools that outgrow a /24, Flannel pools asking for exclusive ENIs, six zones, old
 * Kubernetes versions...), so that errors are frequent; "clean" estates give every range its own
 * block, so that both front-ends must also agree that nothing is wrong.
 */
import fc from "fast-check";
import {
  ClusterKind, ConnectionType, Estate, EstateCluster, EstateConnection, EstateEdgePool, EstateLink, EstatePool, EstateVpc,
} from "./estate-model";

const CLUSTER_NAMES = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"];
const SHARED_NAMES = ["net-a", "net-b", "net-c", "net-d", "net-e", "net-f"];
const LINK_NAMES = ["link-a", "link-b", "link-c", "link-d"];
const ZONES = ["cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k", "cn-hangzhou-h", "cn-hangzhou-g", "cn-hangzhou-f"];
const KINDS: ClusterKind[] = ["terway", "flannel", "edge-flannel", "edge-terway"];
const CONNECTION_TYPES: ConnectionType[] = ["cen", "peering", "vpn"];
const INSTANCE_TYPES = ["ecs.c7.xlarge", "ecs.g7.xlarge", "ecs.c7.4xlarge", "ecs.g6.large"];
const PODS_PER_NODE = [16, 32, 64, 128, 256];

// Colliding candidates: the lists overlap each other on purpose.
const VPC_CIDRS = ["192.168.0.0/16", "10.0.0.0/16", "10.1.0.0/16", "172.16.0.0/16", "192.168.0.0/16", "10.10.0.0/16"];
const SERVICE_CIDRS = ["172.21.0.0/20", "172.22.0.0/20", "172.21.0.0/20", "192.168.128.0/20", "10.0.64.0/20", "172.24.0.0/16"];
const POD_CIDRS = ["172.20.0.0/16", "10.8.0.0/16", "10.8.0.0/16", "172.16.0.0/16", "192.168.0.0/16", "10.8.0.0/22"];
const EDGE_POD_CIDRS = ["10.10.0.0/16", "10.11.0.0/16", "10.11.0.0/16", "172.16.0.0/16", "10.0.0.0/16", "10.12.0.0/22"];
const DC_CIDRS = ["172.16.0.0/16", "172.17.0.0/16", "192.168.0.0/16", "10.100.0.0/16", "10.11.0.0/16"];
const EXTERNAL_CIDRS = ["10.50.0.0/16", "192.168.0.0/16", "10.8.0.0/16"];
const MAX_SIZES = [2, 5, 20, 50, 120, 150, 200, 300];
const EDGE_MAX_SIZES = [5, 50, 100, 600];

type Gen = fc.GeneratorValue;

function pick<T>(g: Gen, list: readonly T[]): T {
  return list[g(fc.integer, { min: 0, max: list.length - 1 })];
}

function chance(g: Gen, percent: number): boolean {
  return g(fc.integer, { min: 1, max: 100 }) <= percent;
}

/** Distinct indexes of `n` items, at least `min` of them, in ascending order. */
function subset(g: Gen, n: number, min: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (g(fc.boolean)) out.push(i);
  for (let i = 0; out.length < min && i < n; i++) if (!out.includes(i)) out.push(i);
  return out.sort((a, b) => a - b);
}

/** `a.b` of a /16. */
function base16(cidr: string): string {
  return cidr.split(".").slice(0, 2).join(".");
}

function vpcCidrsFor(cidr: string, zones: number, outside: boolean): { node: string[]; pod: string[] } {
  const b = base16(cidr);
  const node = Array.from({ length: zones }, (_, i) => `${b}.${i}.0/24`);
  if (outside) node[node.length - 1] = "10.99.0.0/24";
  const pod = Array.from({ length: zones }, (_, i) => `${b}.${32 * (i + 1)}.0/19`);
  return { node, pod };
}

function generate(g: Gen, clean: boolean): Estate {
  const nVpc = g(fc.integer, { min: 1, max: 6 });
  const nClusters = g(fc.integer, { min: nVpc, max: 8 });
  const assignment = Array.from({ length: nClusters }, (_, i) => (i < nVpc ? i : g(fc.integer, { min: 0, max: nVpc - 1 })));
  const kinds = Array.from({ length: nClusters }, () => pick(g, KINDS));

  const vpcs: EstateVpc[] = [];
  for (let i = 0; i < nVpc; i++) {
    const members = assignment.map((v, j) => (v === i ? j : -1)).filter((j) => j >= 0);
    const own = members.length === 1 && g(fc.boolean);
    const nZones = clean ? g(fc.integer, { min: 1, max: 3 }) : chance(g, 10) ? 6 : g(fc.integer, { min: 1, max: 3 });
    const zones = ZONES.slice(0, nZones);
    const cidr = clean ? `10.${i}.0.0/16` : pick(g, VPC_CIDRS);
    const { node, pod } = vpcCidrsFor(cidr, nZones, !clean && chance(g, 8));
    const adopted = own && chance(g, 30);
    vpcs.push({ name: own ? CLUSTER_NAMES[members[0]] : SHARED_NAMES[i], own, ...(adopted ? { adopted } : {}), cidr, zones, nodeVSwitchCidrs: node, podVSwitchCidrs: pod });
  }

  const clusters: EstateCluster[] = [];
  for (let j = 0; j < nClusters; j++) {
    const kind = kinds[j];
    const vpc = vpcs[assignment[j]];
    const edge = kind === "edge-flannel" || kind === "edge-terway";
    const flannelCloud = kind === "flannel" || kind === "edge-flannel";
    const pools: EstatePool[] = [];
    const nPools = g(fc.integer, { min: edge ? 0 : 1, max: 2 });
    for (let p = 0; p < nPools; p++) {
      const max = clean ? pick(g, [2, 5, 10]) : pick(g, MAX_SIZES);
      const min = Math.min(max, g(fc.integer, { min: 0, max: 3 }));
      const exclusive = clean ? (kind === "terway" && chance(g, 10) ? true : undefined) : chance(g, 75) ? undefined : g(fc.boolean);
      const zoneSubset = chance(g, 25) ? subset(g, vpc.zones.length, 1).map((z) => vpc.zones[z]) : undefined;
      // ecs.g6.large has too few ENI addresses for Terway (E2): colliding estates only.
      const instanceType = clean ? (exclusive ? "ecs.c7.4xlarge" : pick(g, INSTANCE_TYPES.slice(0, 3))) : pick(g, INSTANCE_TYPES);
      pools.push({
        name: `pool-${"ab"[p]}`, instanceType, min, max,
        ...(!clean && chance(g, 15) ? { imageType: pick(g, ["AliyunLinux3", "CentOS"]) } : {}),
        ...(exclusive !== undefined && (!clean || !flannelCloud) ? { exclusiveEni: exclusive } : {}),
        ...(zoneSubset ? { zones: zoneSubset } : {}),
      });
    }
    const edgePools: EstateEdgePool[] = [];
    if (edge) {
      const nEdge = g(fc.integer, { min: 0, max: 2 });
      for (let p = 0; p < nEdge; p++) {
        const max = clean ? pick(g, [5, 20]) : pick(g, EDGE_MAX_SIZES);
        const privateInterconnect = clean ? kind === "edge-terway" || g(fc.boolean) : !chance(g, 25);
        edgePools.push({
          name: `edge-${"ab"[p]}`,
          privateInterconnect,
          // Clean estates create private pools outside Terraform (I11); noisy ones sometimes forget.
          createdOutsideTerraform: clean ? privateInterconnect : privateInterconnect && !chance(g, 25),
          min: Math.min(max, g(fc.integer, { min: 0, max: 4 })), max,
        });
      }
    }
    let podCidr: string | undefined;
    if (flannelCloud) podCidr = clean ? `10.${100 + j}.0.0/16` : pick(g, POD_CIDRS);
    if (kind === "edge-terway") podCidr = clean ? `10.${120 + j}.0.0/16` : pick(g, EDGE_POD_CIDRS);
    clusters.push({
      name: CLUSTER_NAMES[j],
      vpc: assignment[j],
      kind,
      basic: !clean && chance(g, 12),
      kubernetesVersion: !clean && chance(g, 12) ? "1.26.3-aliyun.1" : "1.36.1-aliyun.1",
      serviceCidr: clean ? `172.${16 + j}.0.0/20` : pick(g, SERVICE_CIDRS),
      podCidr,
      podsPerNode: clean ? 64 : pick(g, PODS_PER_NODE),
      exclusiveDefault: kind === "terway" && !clean && chance(g, 10) ? true : undefined,
      networkPolicy: kind === "terway" && chance(g, 15) ? false : undefined,
      dataPathV2: kind === "terway" && chance(g, 20) ? true : undefined,
      allowServiceCidrReuse: !clean && chance(g, 15) ? true : undefined,
      edgeNodeCidrs: kind === "edge-flannel" && g(fc.boolean) ? ["10.200.0.0/16"] : undefined,
      pools,
      edgePools,
    });
  }

  const links: EstateLink[] = [];
  // Clean estates keep room (4 link names) for a link per VPC with a Terway Edge cluster, added below.
  const nLinks = g(fc.integer, { min: 0, max: clean ? 1 : 3 });
  const mkLink = (k: number, vpc: number, dataCenterCidrs: string[]): EstateLink => ({
    name: LINK_NAMES[k], vpc,
    physicalConnectionId: clean ? `pc-${"abcd"[k]}` : pick(g, ["pc-alpha", "pc-bravo"]),
    vlanId: clean ? 100 + k : pick(g, [100, 101, 102, 100]),
    localGatewayIp: `10.254.${clean ? k : g(fc.integer, { min: 0, max: 3 })}.1`,
    peerGatewayIp: `10.254.${clean ? k : g(fc.integer, { min: 0, max: 3 })}.2`,
    peerAsn: pick(g, [65001, 65002]),
    dataCenterCidrs,
    listEdgePods: g(fc.boolean),
    cen: chance(g, 25) ? true : chance(g, 20) ? false : undefined,
    extraExpectedRoutes: !clean && chance(g, 15) ? pick(g, [10, 120]) : undefined,
  });
  for (let k = 0; k < nLinks; k++) {
    const vpc = g(fc.integer, { min: 0, max: nVpc - 1 });
    const dc = clean ? [`10.${200 + g(fc.integer, { min: 0, max: 1 })}.0.0/16`] : subset(g, DC_CIDRS.length, 1).slice(0, 2).map((i) => DC_CIDRS[i]);
    links.push(mkLink(k, vpc, dc));
  }
  if (clean) {
    // A Terway Edge cluster needs a link in its VPC (I-6): give clean estates one.
    for (const c of clusters) {
      if (c.kind === "edge-terway" && !links.some((l) => l.vpc === c.vpc) && links.length < LINK_NAMES.length) {
        links.push(mkLink(links.length, c.vpc, ["10.210.0.0/16"]));
      }
    }
  }

  const connections: EstateConnection[] = [];
  if (nVpc >= 2) {
    const nConn = g(fc.integer, { min: 0, max: 2 });
    for (let k = 0; k < nConn; k++) {
      connections.push({
        name: `conn-${"ab"[k]}`,
        type: pick(g, CONNECTION_TYPES),
        vpcs: subset(g, nVpc, 2),
        externalCidrs: chance(g, 30) ? [clean ? "10.250.0.0/16" : pick(g, EXTERNAL_CIDRS)] : [],
      });
    }
  }
  return { vpcs, clusters, links, connections, stacks: g(fc.boolean) ? "single" : "per-vpc" };
}

/** An estate from a fast-check generator (`fc.gen()`); about a third of them are clean. */
export function generateEstate(g: Gen): Estate {
  return generate(g, g(fc.integer, { min: 1, max: 3 }) === 1);
}
