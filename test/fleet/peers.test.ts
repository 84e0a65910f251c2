import { flannel, fleet, planSpec, errors } from "./fixtures";
import { CniPlugin } from "../../lib/plan/model";

const pods = (cidr: string) => ({ cni: { plugin: CniPlugin.FLANNEL, podCidr: cidr } });

describe("fleet-wide overlap rules through each cluster's peers", () => {
  test("same VPC: pod CIDR clash is C3, reported once on the later cluster and naming the earlier", () => {
    const plan = planSpec(fleet([
      flannel("a", { vpc: { shared: "core" }, ...pods("10.200.0.0/16") }),
      flannel("b", { vpc: { shared: "core" }, ...pods("10.200.0.0/17") }),
    ]));
    expect(errors(plan)).toEqual([expect.stringMatching(/^C3-other-cluster-overlap b\.cni\.podCidr: pod CIDR 10\.200\.0\.0\/17 overlaps cluster-pod range a pods 10\.200\.0\.0\/16/)]);
  });

  test("same VPC: equal service CIDRs are C4 unless allowServiceCidrReuse", () => {
    const svc = { serviceCidr: "172.30.0.0/20" };
    const plan = planSpec(fleet([flannel("a", { vpc: { shared: "core" }, ...svc }), flannel("b", { vpc: { shared: "core" }, ...svc })]));
    expect(errors(plan).map((e) => e.split(":")[0])).toEqual(["C4-service-reuse b.serviceCidr"]);
    const allowed = planSpec(fleet([flannel("a", { vpc: { shared: "core" }, ...svc }), flannel("b", { vpc: { shared: "core" }, ...svc, allowServiceCidrReuse: true })]));
    expect(errors(allowed)).toEqual([]);
  });

  test("different VPCs: overlap matters only when connected (C5)", () => {
    const clusters = [flannel("a", { vpc: { cidr: "10.1.0.0/16" } }), flannel("b", { vpc: { cidr: "10.1.0.0/16" } })];
    expect(errors(planSpec(fleet(clusters)))).toEqual([]);
    const joined = planSpec(fleet(clusters, { connections: [{ name: "cen", vpcs: ["a", "b"] }] }));
    expect(errors(joined).map((e) => e.split(" ")[0])).toEqual(["C5-connected-overlap", "C5-connected-overlap"]);
    expect(errors(joined)[0]).toMatch(/^C5-connected-overlap b\.vpc\.cidr: VPC b 10\.1\.0\.0\/16 overlaps connected-vpc range VPC of a/);
    // A VPC outside the fleet on the connection counts too.
    const outside = planSpec(fleet([flannel("a", { vpc: { cidr: "10.1.0.0/16" } })], { connections: [{ vpcs: ["a"], externalCidrs: ["10.1.128.0/17"] }] }));
    expect(errors(outside)[0]).toMatch(/^C5-connected-overlap a\.vpc\.cidr/);
  });

  test("connected clusters with pooled ranges never clash, and get the /16 recommendation (A3)", () => {
    const plan = planSpec(fleet([flannel("a"), flannel("b"), flannel("c")], { connections: [{ vpcs: ["a", "b", "c"] }] }));
    expect(errors(plan)).toEqual([]);
    expect(plan.findings.filter((f) => f.ruleId === "A3-hybrid-vpc-mask").map((f) => f.path)).toEqual(["a.vpc.cidr", "b.vpc.cidr", "c.vpc.cidr"]);
  });

  test("a data centre reached through a hybrid link of a connected VPC is C6 for the other cluster", () => {
    const link = {
      name: "idc", cluster: "a", physicalConnectionId: "pc-1", accessPointId: "ap-1", vlanId: 10, localGatewayIp: "10.254.0.1",
      peerGatewayIp: "10.254.0.2", peeringSubnetMask: "255.255.255.252", peerAsn: 65001, dataCenterCidrs: ["172.20.0.0/16"],
    };
    const plan = planSpec(fleet([flannel("a"), flannel("b", pods("172.20.0.0/20"))], { hybridLinks: [link], connections: [{ vpcs: ["a", "b"] }] }));
    expect(errors(plan)).toEqual([expect.stringMatching(/^C6-data-center-overlap b\.cni\.podCidr: pod CIDR 172\.20\.0\.0\/20 overlaps data-center range \S+ data centre/)]);
  });
});
