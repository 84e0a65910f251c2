import fc from "fast-check";
import { Cidr, IpVersion } from "../../lib/cidr";
import { ClusterPlanInput, ClusterProfile, CniPlugin, IpStack, NodePoolKind, planCluster } from "../../lib/plan";

/** A random block inside 10.0.0.0/8 with a prefix in [lo, hi]. */
const block = (lo: number, hi: number) =>
  fc.tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: 0, max: 2 ** 24 - 1 })).map(([prefix, offset]) => {
    const size = 2 ** (32 - prefix);
    const start = 0x0a000000 + Math.floor(offset / size) * size;
    return Cidr.fromBigInt(IpVersion.V4, BigInt(start), prefix).toString();
  });

function flannel(vpc: string, pod: string, svc: string): ClusterPlanInput {
  return {
    name: "c", profile: ClusterProfile.DEFAULT, clusterSpec: "ack.pro.small", ipStack: IpStack.IPV4,
    vpc: { name: "vpc", cidr: vpc, existing: true, ipv6: false },
    nodeVSwitches: [], podVSwitches: [], serviceCidr: svc,
    cni: { plugin: CniPlugin.FLANNEL, podCidr: pod, nodeCidrMask: 26, networkPolicy: false, dataPathV2: false, trunk: false, ipvlan: false },
    nodePools: [{ name: "p", kind: NodePoolKind.CLOUD, instanceTypes: ["ecs.g7.xlarge"], minNodes: 1, maxNodes: 1, zones: [] }],
    externalRanges: [], enterpriseSecurityGroup: true,
  };
}

describe("overlap rules agree with the address maths (C-1, C-2)", () => {
  test("C2 fires for each pair the service CIDR overlaps, C1 for the pod CIDR against the VPC, and only then", () => {
    fc.assert(
      fc.property(block(12, 20), block(12, 20), block(16, 24), (vpc, pod, svc) => {
        const findings = planCluster(flannel(vpc, pod, svc)).findings;
        const [V, P, S] = [vpc, pod, svc].map((t) => Cidr.parse(t));
        const c2 = findings.filter((f) => f.ruleId === "C2-service-overlap").length;
        const c1 = findings.filter((f) => f.ruleId === "C1-pod-cidr-overlap").length;
        expect(c2).toBe(Number(S.overlaps(V)) + Number(S.overlaps(P)));
        expect(c1).toBe(Number(P.overlaps(V)));
      }),
      { numRuns: 300 },
    );
  });
});
