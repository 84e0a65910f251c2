/**
 * Construct prop sets for the fuzz suite: correctly typed (what a type checker accepts) but
 * hostile values for AckNetwork, AckCluster (Terway / Flannel), node pools and HybridLink.
 * `buildProps` builds them in a fresh stack; `verdict` runs `app.synth()` and classifies the
 * outcome: synthesized, a validation failure made of findings, or an exception.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { App, TerraformStack } from "cdktf";
import { AckCluster, AckEdgeCluster, AckNetwork, ClusterSpec, Cni, EdgeCni, EdgeInterconnect, HybridLink, TaintEffect } from "../../lib";
import { AlicloudProvider } from "../../lib/providers/alicloud/provider";

/** Mostly plausible values, sometimes hostile ones (so that some cases synthesize). */
function mostly<T>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: bad });
}
const num = mostly(
  fc.constantFrom(2, 3, 10, 16, 20, 32, 64, 100),
  fc.oneof(fc.constantFrom(0, 1, 256, 1000, 5000, -1, -15, NaN, Infinity, 1e10, 2 ** 32, 0.5), fc.integer({ min: -100, max: 100_000 })),
);
const optNum = fc.option(num, { nil: undefined, freq: 2 });
const cidrText = mostly(
  fc.constantFrom("192.168.0.0/16", "192.168.0.0/24", "192.168.1.0/24", "192.168.32.0/19", "192.168.64.0/19", "172.20.0.0/16", "172.21.0.0/20"),
  fc.constantFrom("192.168.0.1/24", "10.0.0.0/33", "10.0.0.0/8", "0.0.0.0/0", "fd00::/64", "not-a-cidr", "", "10.0.0.0/7", "100.64.0.0/16", "192.168.0.0/20"),
);
const zone = mostly(fc.constantFrom("cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k"), fc.constantFrom("constructor", "toString", ""));
const names = mostly(fc.constantFrom("a", "b", "constructor", "toString", "hasOwnProperty", "example.com/role"), fc.constantFrom("__proto__", "bad key!!", "acs:x", "x".repeat(200)));
const dict = fc.dictionary(names, mostly(fc.constantFrom("v", ""), fc.oneof(fc.constantFrom("x".repeat(200), "http://x"), fc.string({ maxLength: 5 }))), { maxKeys: 3 });

export const networkProps = fc.record({
  zones: mostly<string[]>(fc.constantFrom(["cn-hangzhou-i"], ["cn-hangzhou-i", "cn-hangzhou-j"]), fc.array(zone, { maxLength: 3 })),
  vpcCidr: fc.option(cidrText, { nil: undefined }),
  nodeVSwitchCidrs: fc.option(fc.array(cidrText, { maxLength: 3 }), { nil: undefined, freq: 1 }),
  podVSwitchCidrs: fc.option(fc.array(cidrText, { maxLength: 3 }), { nil: undefined, freq: 1 }),
  expectedNodes: optNum,
  expectedPodsPerNode: optNum,
  egress: fc.option(fc.boolean(), { nil: undefined }),
  ipv6: fc.option(fc.boolean(), { nil: undefined }),
  tags: fc.option(dict, { nil: undefined }),
});

export const clusterProps = fc.record({
  flannel: fc.boolean(),
  kind: fc.constantFrom("ack", "ack", "edge-flannel", "edge-terway"),
  podCidr: cidrText,
  podsPerNode: optNum,
  serviceCidr: fc.option(cidrText, { nil: undefined }),
  clusterSpec: mostly(fc.constantFrom("ack.pro.small", "ack.standard"), fc.constantFrom("ack.pro.smal", "")),
  clusterName: fc.option(names, { nil: undefined }),
  tags: fc.option(dict, { nil: undefined }),
  nodeQuota: optNum,
});

export const poolProps = fc.record({
  id: fc.constantFrom("general", "constructor", "toString", "p"),
  instanceTypes: mostly<string[]>(fc.constantFrom(["ecs.c7.4xlarge"], ["ecs.g7.xlarge"]), fc.array(fc.constantFrom("ecs.c7.4xlarge", "ecs.unknown.x", ""), { maxLength: 2 })),
  desiredSize: optNum, minSize: optNum, maxSize: optNum, podsPerNode: optNum, kubeletMaxPods: optNum, systemDiskSize: optNum,
  zones: fc.option(fc.array(zone, { maxLength: 2 }), { nil: undefined }),
  labels: fc.option(dict, { nil: undefined }),
  taints: fc.option(fc.array(fc.record({ key: names, value: fc.option(fc.constantFrom("v", "bad value!"), { nil: undefined }) }), { maxLength: 2 }), { nil: undefined }),
  systemDiskCategory: fc.option(mostly(fc.constant("cloud_essd"), fc.constant("floppy")), { nil: undefined }),
});

export const linkProps = fc.option(fc.record({
  vlanId: optNum,
  localGatewayIp: mostly(fc.constant("10.254.0.1"), fc.constantFrom("255.255.255.254", "not-an-ip", "::1")),
  peerGatewayIp: mostly(fc.constant("10.254.0.2"), fc.constantFrom("255.255.255.255", "10.254.0.1")),
  peeringSubnetMask: mostly(fc.constant("255.255.255.252"), fc.constantFrom("255.255.255.255", "255.255.255.254", "0.0.0.0", "255.0.255.0", "x")),
  peerAsn: num,
  dataCenterCidrs: mostly<string[]>(fc.constant(["10.10.0.0/16"]), fc.array(cidrText, { maxLength: 2 })),
}), { nil: undefined, freq: 1 });

export const edgePoolProps = fc.record({
  id: fc.constantFrom("line-1", "constructor", "toString"),
  interconnect: fc.constantFrom(EdgeInterconnect.BASIC, EdgeInterconnect.PRIVATE),
  intranet: fc.option(fc.boolean(), { nil: undefined }),
  desiredSize: optNum, minSize: optNum, maxSize: optNum,
  labels: fc.option(dict, { nil: undefined }),
});

export const constructCase = fc.record({
  network: networkProps, cluster: clusterProps, pools: fc.array(poolProps, { maxLength: 2 }), edgePools: fc.array(edgePoolProps, { maxLength: 2 }), link: linkProps,
});
export type ConstructCase = typeof constructCase extends fc.Arbitrary<infer T> ? T : never;

/** Builds one case in a fresh app. Throws only if a constructor throws (counted as an exception). */
export function buildProps(app: App, c: ConstructCase): void {
  const stack = new TerraformStack(app, "s");
  new AlicloudProvider(stack, "p", { region: "cn-hangzhou" });
  const network = new AckNetwork(stack, "net", c.network);
  const k = c.cluster;
  const base = { network, serviceCidr: k.serviceCidr, clusterSpec: ClusterSpec.of(k.clusterSpec), clusterName: k.clusterName, tags: k.tags, nodeQuota: k.nodeQuota };
  let cluster: AckCluster | AckEdgeCluster;
  if (k.kind === "ack") {
    cluster = new AckCluster(stack, "c", { ...base, cni: k.flannel ? Cni.flannel({ podCidr: k.podCidr, podsPerNode: k.podsPerNode }) : Cni.terway() });
  } else {
    const edge = new AckEdgeCluster(stack, "c", {
      ...base,
      cni: k.kind === "edge-flannel" ? EdgeCni.flannel({ podCidr: k.podCidr, podsPerNode: k.podsPerNode }) : EdgeCni.terwayEdge({ edgePodCidr: k.podCidr, podsPerEdgeNode: k.podsPerNode }),
    });
    const edgeIds = new Set<string>();
    for (const p of c.edgePools) {
      if (edgeIds.has(p.id)) continue;
      edgeIds.add(p.id);
      const { id, ...options } = p;
      edge.addEdgeNodePool(id, options);
    }
    cluster = edge;
  }
  const ids = new Set<string>();
  for (const p of c.pools) {
    if (ids.has(p.id)) continue;
    ids.add(p.id);
    const { id, taints, ...options } = p;
    cluster.addNodePool(id, { ...options, taints: taints?.map((t) => ({ ...t, effect: TaintEffect.NO_SCHEDULE })) });
  }
  if (c.link) {
    new HybridLink(stack, "link", {
      network, physicalConnectionId: "pc-1", accessPointId: "ap-1",
      vlanId: c.link.vlanId, localGatewayIp: c.link.localGatewayIp, peerGatewayIp: c.link.peerGatewayIp, peeringSubnetMask: c.link.peeringSubnetMask,
      bgp: { peerAsn: c.link.peerAsn }, dataCenterCidrs: c.link.dataCenterCidrs,
    });
  }
}

export type Verdict = { kind: "synthesized" } | { kind: "findings"; errors: string[] } | { kind: "exception"; error: string };

/** Runs build + `app.synth()`; a validation failure whose every line is a finding is a verdict. */
export function verdict(build: (app: App) => void): Verdict {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-fuzz-"));
  try {
    const app = new App({ outdir });
    build(app);
    app.synth();
    return { kind: "synthesized" };
  } catch (e) {
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const m = /^Error: Validation failed with the following errors:\n([\s\S]*)$/.exec(message);
    if (!m) return { kind: "exception", error: message.slice(0, 500) };
    // cdktf ends the list with a hint line of its own.
    const lines = m[1].split("\n").map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith("If you wish to ignore these validations"));
    const bad = lines.find((l) => !/^\[[^\]]*\] (error [A-Z]\d+-[a-z0-9-]+ |Fleet .*error\(s\) in the fleet plan:|[^:]+:\d*:? ?error [A-Z]\d+-)/.test(l));
    if (bad !== undefined) return { kind: "exception", error: `validation message that is not a finding: ${bad.slice(0, 300)}` };
    return { kind: "findings", errors: lines };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}
