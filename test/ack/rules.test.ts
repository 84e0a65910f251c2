/**
 * Every managed-cluster rule (sections A-G of shared/reference/ack-network-rules.md) shown
 * through the full `app.synth()`: a failing scenario that names the rule id and the offending
 * values, and its passing neighbour that differs in one thing.
 */
import { ESTATE_RULES } from "../../lib/plan/rules/estate-rules";
import { TerraformStack, TerraformVariable } from "cdktf";
import { AckCluster, Cni, ClusterSpec, ExternalRangeKind, IpStack, TerwayMode } from "../../lib";
import { FLANNEL_BASE, Scenario, TERWAY_BASE, buildScenario, withBase } from "../helpers/scenarios";
import { synthApp } from "../helpers/synth";

interface Case {
  /** Rule id expected in the failing synth. */
  readonly rule: string;
  /** Reference rule id(s) the case demonstrates. */
  readonly source: string;
  readonly base: Scenario;
  readonly fail: Scenario;
  readonly pass: Scenario;
  /** Text the failing message must contain (the offending values). */
  readonly values: RegExp;
  /** warning / info rules: reported as annotations, synth succeeds. */
  readonly level?: "warning" | "info";
}

const twoPools = (min: number, max: number): Scenario => ({ pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], minSize: min, maxSize: max }]] });

const SIX_ZONES = {
  zones: ["z1", "z2", "z3", "z4", "z5", "z6"],
  nodeVSwitchCidrs: ["192.168.0.0/24", "192.168.1.0/24", "192.168.2.0/24", "192.168.3.0/24", "192.168.4.0/24", "192.168.5.0/24"],
  podVSwitchCidrs: ["192.168.32.0/19", "192.168.64.0/19", "192.168.96.0/19", "192.168.128.0/19", "192.168.160.0/19", "192.168.192.0/19"],
};

const CASES: Case[] = [
  { rule: "A0-invalid-cidr", source: "A-SVC-1", base: TERWAY_BASE, fail: { cluster: { serviceCidr: "172.21.0.1/20" } }, pass: { cluster: { serviceCidr: "172.21.0.0/20" } }, values: /172\.21\.0\.1\/20 has host bits set; did you mean 172\.21\.0\.0\/20\?/ },
  { rule: "A1-vpc-mask", source: "A-VPC-1", base: TERWAY_BASE, fail: { network: { vpcCidr: "10.0.0.0/7", nodeVSwitchCidrs: ["10.0.0.0/24", "10.0.1.0/24"], podVSwitchCidrs: ["10.0.32.0/19", "10.0.64.0/19"] } }, pass: { network: { vpcCidr: "10.0.0.0/8", nodeVSwitchCidrs: ["10.0.0.0/24", "10.0.1.0/24"], podVSwitchCidrs: ["10.0.32.0/19", "10.0.64.0/19"] } }, values: /10\.0\.0\.0\/7/ },
  { rule: "A2-vpc-private", source: "A-VPC-2", base: TERWAY_BASE, fail: { network: { vpcCidr: "30.0.0.0/16", nodeVSwitchCidrs: ["30.0.0.0/24", "30.0.1.0/24"], podVSwitchCidrs: ["30.0.32.0/19", "30.0.64.0/19"] } }, pass: { network: { vpcCidr: "10.30.0.0/16", nodeVSwitchCidrs: ["10.30.0.0/24", "10.30.1.0/24"], podVSwitchCidrs: ["10.30.32.0/19", "10.30.64.0/19"] } }, values: /30\.0\.0\.0\/16 is not inside 10\.0\.0\.0\/8/ },
  { rule: "A3-hybrid-vpc-mask", source: "A-VPC-3", level: "warning", base: TERWAY_BASE,
    fail: { network: { vpcCidr: "192.168.0.0/17" }, cluster: { externalRanges: [{ name: "idc", cidr: "172.16.0.0/16", kind: ExternalRangeKind.DATA_CENTER }] } },
    pass: { cluster: { externalRanges: [{ name: "idc", cidr: "172.16.0.0/16", kind: ExternalRangeKind.DATA_CENTER }] } }, values: /192\.168\.0\.0\/17/ },
  { rule: "A4-vswitch-in-vpc", source: "A-VSW-1", base: TERWAY_BASE, fail: { network: { nodeVSwitchCidrs: ["192.168.0.0/24", "10.1.0.0/24"] } }, pass: { network: { nodeVSwitchCidrs: ["192.168.0.0/24", "192.168.1.0/24"] } }, values: /10\.1\.0\.0\/24 is not inside VPC 192\.168\.0\.0\/16/ },
  { rule: "A5-vswitch-overlap", source: "A-VSW-1", base: TERWAY_BASE, fail: { network: { nodeVSwitchCidrs: ["192.168.0.0/24", "192.168.0.128/25"] } }, pass: { network: { nodeVSwitchCidrs: ["192.168.0.0/24", "192.168.1.0/25"] } }, values: /192\.168\.0\.128\/25 overlaps node vSwitch node-cn-hangzhou-i 192\.168\.0\.0\/24|192\.168\.0\.0\/24 overlaps node vSwitch node-cn-hangzhou-j 192\.168\.0\.128\/25/ },
  { rule: "A6-pod-cidr-private", source: "A-POD-1", base: FLANNEL_BASE, fail: { cluster: { cni: Cni.flannel({ podCidr: "20.0.0.0/16" }) } }, pass: { cluster: { cni: Cni.flannel({ podCidr: "10.20.0.0/16" }) } }, values: /pod CIDR 20\.0\.0\.0\/16/ },
  { rule: "A7-service-cidr", source: "A-SVC-1", base: TERWAY_BASE, fail: { cluster: { serviceCidr: "172.21.0.0/25" } }, pass: { cluster: { serviceCidr: "172.21.0.0/24" } }, values: /service CIDR 172\.21\.0\.0\/25 must be a \/16 to \/24 block/ },
  { rule: "A10-pod-vswitch-size", source: "A-PVSW-1", base: TERWAY_BASE, fail: { network: { podVSwitchCidrs: ["192.168.32.0/26", "192.168.64.0/19"] }, pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 0, maxSize: 2, zones: ["cn-hangzhou-j"] }]] }, pass: { network: { podVSwitchCidrs: ["192.168.32.0/25", "192.168.64.0/19"] }, pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], minSize: 0, maxSize: 2, zones: ["cn-hangzhou-j"] }]] }, values: /192\.168\.32\.0\/26 holds 64 addresses/ },
  { rule: "A11-pod-vswitch-recommended-size", source: "A-PVSW-1", level: "warning", base: TERWAY_BASE, fail: { network: { podVSwitchCidrs: ["192.168.32.0/20", "192.168.64.0/19"] } }, pass: {}, values: /192\.168\.32\.0\/20 holds 4,096 addresses/ },
  { rule: "A12-vpc-space", source: "A-VSW-1", base: TERWAY_BASE, fail: { network: { vpcCidr: "192.168.0.0/20", nodeVSwitchCidrs: undefined, podVSwitchCidrs: undefined } }, pass: { network: { vpcCidr: "192.168.0.0/16", nodeVSwitchCidrs: undefined, podVSwitchCidrs: undefined } }, values: /VPC 192\.168\.0\.0\/20 has no room left for a \/19 pod vSwitch/ },
  { rule: "A13-node-pool-zone", source: "A-VSW-2", base: TERWAY_BASE, fail: { pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 3, zones: ["cn-hangzhou-x"] }]] }, pass: { pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 3, zones: ["cn-hangzhou-j"] }]] }, values: /uses zone cn-hangzhou-x but the network has node vSwitches only in cn-hangzhou-i, cn-hangzhou-j/ },
  { rule: "B1-reserved-range", source: "B-2", base: TERWAY_BASE, fail: { cluster: { serviceCidr: "100.64.0.0/20" } }, pass: { cluster: { serviceCidr: "172.21.0.0/20" } }, values: /100\.64\.0\.0\/20 overlaps 100\.64\.0\.0\/10/ },
  { rule: "B3-advisory-range", source: "B-3", level: "warning", base: TERWAY_BASE, fail: { cluster: { externalRanges: [] }, network: { vpcCidr: "7.0.0.0/16", nodeVSwitchCidrs: ["7.0.0.0/24", "7.0.1.0/24"], podVSwitchCidrs: ["7.0.32.0/19", "7.0.64.0/19"] }, existing: undefined }, pass: {}, values: /7\.0\.0\.0\/16 overlaps 7\.0\.0\.0\/8/ },
  { rule: "C1-pod-cidr-overlap", source: "C-1", base: FLANNEL_BASE, fail: { cluster: { cni: Cni.flannel({ podCidr: "192.168.128.0/17" }) } }, pass: { cluster: { cni: Cni.flannel({ podCidr: "172.20.0.0/16" }) } }, values: /pod CIDR 192\.168\.128\.0\/17 overlaps VPC net 192\.168\.0\.0\/16/ },
  { rule: "C2-service-overlap", source: "C-2", base: TERWAY_BASE, fail: { cluster: { serviceCidr: "192.168.200.0/24" } }, pass: { cluster: { serviceCidr: "172.21.0.0/24" } }, values: /service CIDR 192\.168\.200\.0\/24 overlaps VPC net 192\.168\.0\.0\/16/ },
  { rule: "C3-other-cluster-overlap", source: "C-3", base: FLANNEL_BASE,
    fail: { neighbours: [{ name: "other", cni: Cni.flannel({ podCidr: "172.20.0.0/16" }), serviceCidr: "172.22.0.0/20" }] },
    pass: { neighbours: [{ name: "other", cni: Cni.flannel({ podCidr: "172.30.0.0/16" }), serviceCidr: "172.22.0.0/20" }] }, values: /pod CIDR 172\.20\.0\.0\/16 overlaps cluster-pod range main pods 172\.20\.0\.0\/16/ },
  { rule: "C4-service-reuse", source: "C-4", base: TERWAY_BASE,
    fail: { neighbours: [{ name: "other", serviceCidr: "172.21.0.0/20" }] },
    pass: { neighbours: [{ name: "other", serviceCidr: "172.21.0.0/20", allowServiceCidrReuse: true }], cluster: { allowServiceCidrReuse: true } }, values: /service CIDR 172\.21\.0\.0\/20 overlaps cluster-service range main services 172\.21\.0\.0\/20/ },
  { rule: "C5-connected-overlap", source: "C-5", base: TERWAY_BASE,
    fail: { cluster: { externalRanges: [{ name: "vpc-b", cidr: "192.168.128.0/17", kind: ExternalRangeKind.CONNECTED_VPC }] } },
    pass: { cluster: { externalRanges: [{ name: "vpc-b", cidr: "10.8.0.0/16", kind: ExternalRangeKind.CONNECTED_VPC }] } }, values: /overlaps connected-vpc range vpc-b 192\.168\.128\.0\/17/ },
  { rule: "C6-data-center-overlap", source: "C-6", base: FLANNEL_BASE,
    fail: { cluster: { externalRanges: [{ name: "idc", cidr: "172.20.128.0/17", kind: ExternalRangeKind.DATA_CENTER }] } },
    pass: { cluster: { externalRanges: [{ name: "idc", cidr: "172.16.0.0/16", kind: ExternalRangeKind.DATA_CENTER }] } }, values: /pod CIDR 172\.20\.0\.0\/16 overlaps data-center range idc 172\.20\.128\.0\/17/ },
  { rule: "F2-pod-vswitch-reuse", source: "F-2", level: "warning", base: TERWAY_BASE,
    fail: { existing: { vpcId: "vpc-1", vpcCidr: "192.168.0.0/16", nodeVSwitches: [{ id: "vsw-a", zone: "cn-hangzhou-i", cidr: "192.168.0.0/19" }], podVSwitches: [{ id: "vsw-a", zone: "cn-hangzhou-i", cidr: "192.168.0.0/19" }] }, pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 3 }]] },
    pass: { existing: { vpcId: "vpc-1", vpcCidr: "192.168.0.0/16", nodeVSwitches: [{ id: "vsw-a", zone: "cn-hangzhou-i", cidr: "192.168.0.0/19" }], podVSwitches: [{ id: "vsw-b", zone: "cn-hangzhou-i", cidr: "192.168.32.0/19" }] }, pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 3 }]] },
    values: /is node vSwitch/ },
  { rule: "D1-node-cidr-mask", source: "D-1", base: FLANNEL_BASE, fail: { cluster: { cni: Cni.flannel({ podCidr: "172.20.0.0/16", podsPerNode: 512 }) } }, pass: { cluster: { cni: Cni.flannel({ podCidr: "172.20.0.0/16", podsPerNode: 256 }) } }, values: /Flannel pods per node 512 is not allowed; use 16, 32, 64, 128 or 256/ },
  { rule: "D4-flannel-max-nodes", source: "D-4", base: FLANNEL_BASE, fail: { cluster: { cni: Cni.flannel({ podCidr: "172.16.0.0/20", podsPerNode: 256 }) }, pools: [["general", { instanceTypes: ["ecs.g7.xlarge"], minSize: 2, maxSize: 17 }]] }, pass: { cluster: { cni: Cni.flannel({ podCidr: "172.16.0.0/20", podsPerNode: 256 }) }, pools: [["general", { instanceTypes: ["ecs.g7.xlarge"], minSize: 2, maxSize: 16 }]] }, values: /pod CIDR 172\.16\.0\.0\/20 at 256 pods per node \(\/24\) holds 16 nodes, but the node pools can grow to 17/ },
  { rule: "D6-flannel-route-quota-default", source: "D-6", level: "warning", base: FLANNEL_BASE, fail: { pools: [["general", { instanceTypes: ["ecs.g7.xlarge"], minSize: 2, maxSize: 199 }], ["extra", { instanceTypes: ["ecs.g7.xlarge"], minSize: 0, maxSize: 2 }]], cluster: { nodeQuota: 1000 } }, pass: { pools: [["general", { instanceTypes: ["ecs.g7.xlarge"], minSize: 2, maxSize: 199 }], ["extra", { instanceTypes: ["ecs.g7.xlarge"], minSize: 0, maxSize: 2 }]], cluster: { nodeQuota: 1000, routeTableQuota: 400 } }, values: /grow to 201 nodes but the route table quota is 200/ },
  { rule: "D6-flannel-route-quota", source: "D-6", base: FLANNEL_BASE, fail: { cluster: { nodeQuota: 1000, routeTableQuota: 400 }, pools: [["general", { instanceTypes: ["ecs.g7.xlarge"], minSize: 2, maxSize: 401 }]] }, pass: { cluster: { nodeQuota: 1000, routeTableQuota: 400 }, pools: [["general", { instanceTypes: ["ecs.g7.xlarge"], minSize: 2, maxSize: 400 }]] }, values: /401 nodes but the route table quota is 400/ },
  { rule: "D8-terway-only-feature", source: "D-8", base: FLANNEL_BASE, fail: { cluster: { ipStack: IpStack.DUAL }, pools: [["general", { instanceTypes: ["ecs.g7.xlarge"], desiredSize: 2, exclusiveEni: true }]] }, pass: { pools: [["general", { instanceTypes: ["ecs.g7.xlarge"], desiredSize: 2 }]] }, values: /dual stack \(ipStack=dual\), exclusive ENI \(pool general\) are Terway features/ },
  { rule: "E2-shared-eni-quota", source: "E-2", base: TERWAY_BASE, fail: { pools: [["small", { instanceTypes: ["ecs.c6.large"], desiredSize: 2 }]] }, pass: { pools: [["small", { instanceTypes: ["ecs.c7.large"], desiredSize: 2 }]] }, values: /ecs\.c6\.large gives \(2-1\) x 6 = 6 pods/ },
  { rule: "E4-exclusive-eni-quota", source: "E-4", base: TERWAY_BASE, fail: { pools: [["x", { instanceTypes: ["ecs.c7.2xlarge"], desiredSize: 2, exclusiveEni: true }]] }, pass: { pools: [["x", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2, exclusiveEni: true }]] }, values: /ecs\.c7\.2xlarge has 4 ENIs, so 3 pods/ },
  { rule: "E5-kubelet-max-pods", source: "E-5", level: "warning", base: TERWAY_BASE, fail: { pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 3, kubeletMaxPods: 250 }]] }, pass: { pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 3, kubeletMaxPods: 210 }]] }, values: /maxPods 250 is above the ENI pod quota 210/ },
  { rule: "E6-dual-stack-instance", source: "E-6", level: "warning", base: TERWAY_BASE, fail: { network: { ipv6: true }, cluster: { ipStack: IpStack.DUAL } }, pass: { network: { ipv6: true }, cluster: { ipStack: IpStack.DUAL, extraInstanceTypes: [{ name: "ecs.c7.4xlarge", vcpu: 16, memoryGiB: 32, eniQuantity: 8, privateIpsPerEni: 30, ipv6PerEni: 30 }] } }, values: /ecs\.c7\.4xlarge/ },
  { rule: "E9-unknown-instance-type", source: "E-9", base: TERWAY_BASE, fail: { pools: [["new", { instanceTypes: ["ecs.c9i.4xlarge"], desiredSize: 2 }]] }, pass: { pools: [["new", { instanceTypes: ["ecs.c9i.4xlarge"], desiredSize: 2, podsPerNode: 100 }]] }, values: /ecs\.c9i\.4xlarge not in the built-in ENI table/ },
  { rule: "F1-pod-vswitch-zones", source: "F-1", base: TERWAY_BASE,
    fail: { existing: { vpcId: "vpc-1", vpcCidr: "192.168.0.0/16", nodeVSwitches: [{ id: "vsw-a", zone: "cn-hangzhou-i", cidr: "192.168.0.0/24" }, { id: "vsw-b", zone: "cn-hangzhou-j", cidr: "192.168.1.0/24" }], podVSwitches: [{ id: "vsw-p", zone: "cn-hangzhou-i", cidr: "192.168.32.0/19" }] } },
    pass: { existing: { vpcId: "vpc-1", vpcCidr: "192.168.0.0/16", nodeVSwitches: [{ id: "vsw-a", zone: "cn-hangzhou-i", cidr: "192.168.0.0/24" }, { id: "vsw-b", zone: "cn-hangzhou-j", cidr: "192.168.1.0/24" }], podVSwitches: [{ id: "vsw-p", zone: "cn-hangzhou-i", cidr: "192.168.32.0/19" }, { id: "vsw-q", zone: "cn-hangzhou-j", cidr: "192.168.64.0/19" }] } },
    values: /zone cn-hangzhou-j, which has no pod vSwitch/ },
  { rule: "F1-pod-vswitch-unused", source: "F-1", level: "warning", base: TERWAY_BASE,
    fail: { existing: { vpcId: "vpc-1", vpcCidr: "192.168.0.0/16", nodeVSwitches: [{ id: "vsw-a", zone: "cn-hangzhou-i", cidr: "192.168.0.0/24" }], podVSwitches: [{ id: "vsw-p", zone: "cn-hangzhou-i", cidr: "192.168.32.0/19" }, { id: "vsw-q", zone: "cn-hangzhou-k", cidr: "192.168.64.0/19" }] } },
    pass: { existing: { vpcId: "vpc-1", vpcCidr: "192.168.0.0/16", nodeVSwitches: [{ id: "vsw-a", zone: "cn-hangzhou-i", cidr: "192.168.0.0/24" }], podVSwitches: [{ id: "vsw-p", zone: "cn-hangzhou-i", cidr: "192.168.32.0/19" }] } },
    values: /zone cn-hangzhou-k, where no node vSwitch is/ },
  { rule: "F1-pod-vswitch-capacity", source: "F-1", base: TERWAY_BASE, fail: { network: { podVSwitchCidrs: ["192.168.32.0/22", "192.168.64.0/22"] }, ...twoPools(40, 40) }, pass: { network: { podVSwitchCidrs: ["192.168.32.0/19", "192.168.64.0/19"] }, ...twoPools(40, 40) }, values: /192\.168\.32\.0\/22 \(cn-hangzhou-i\) has 1,020 usable addresses but the pools start with 4,200 pods/ },
  { rule: "F1-pod-vswitch-headroom", source: "F-1", level: "warning", base: TERWAY_BASE, fail: twoPools(2, 100), pass: twoPools(2, 70), values: /can grow to 10,500 pods/ },
  { rule: "F1-node-vswitch-capacity", source: "A-VSW-1", base: TERWAY_BASE, fail: { network: { nodeVSwitchCidrs: ["192.168.0.0/28", "192.168.1.0/28"] }, ...twoPools(2, 30) }, pass: { network: { nodeVSwitchCidrs: ["192.168.0.0/27", "192.168.1.0/27"] }, ...twoPools(2, 30) }, values: /192\.168\.0\.0\/28 \(cn-hangzhou-i\) has 12 usable addresses but the pools can grow to 15 nodes/ },
  { rule: "F5-datapath-v2", source: "F-5", base: TERWAY_BASE, fail: { cluster: { cni: Cni.terway({ dataPathV2: true }) }, pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 3, imageType: "CentOS" }]] }, pass: { cluster: { cni: Cni.terway({ dataPathV2: true }) }, pools: [["general", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 3, imageType: "AliyunLinux3" }]] }, values: /uses image CentOS; DataPath V2 needs/ },
  { rule: "F8-network-policy-off", source: "F-8", level: "info", base: TERWAY_BASE, fail: { cluster: { cni: Cni.terway({ networkPolicy: false }) } }, pass: {}, values: /NetworkPolicy is off/ },
  { rule: "F9-dual-stack", source: "F-9", base: TERWAY_BASE, fail: { cluster: { ipStack: IpStack.DUAL } }, pass: { network: { ipv6: true }, cluster: { ipStack: IpStack.DUAL } }, values: /VPC net has IPv6 off/ },
  // Every creatable version (V2: 1.34 or later) is past 1.31, so the neighbour asks for no Trunk ENI.
  { rule: "F10-trunk-eni", source: "F-10", level: "info", base: TERWAY_BASE, fail: { cluster: { cni: Cni.terway({ trunk: true }), kubernetesVersion: "1.36.1-aliyun.1" } }, pass: { cluster: { cni: Cni.terway({ trunk: false }), kubernetesVersion: "1.36.1-aliyun.1" } }, values: /1\.36\.1-aliyun\.1 clusters get Trunk ENI automatically/ },
  { rule: "F5-no-datapath-v2-key", source: "F-5", base: TERWAY_BASE, fail: { cluster: { cni: Cni.terway({ dataPathV2: true }) } }, pass: { cluster: { cni: Cni.terway({ dataPathV2: false }) } }, values: /DataPath V2 can't be requested through alicloud_cs_managed_kubernetes/ },
  { rule: "V1-kubernetes-version-format", source: "ACK-VERSIONS", base: TERWAY_BASE, fail: { cluster: { kubernetesVersion: "1.36.1" } }, pass: { cluster: { kubernetesVersion: "1.36.1-aliyun.1" } }, values: /"1\.36\.1" is not an ACK version; write it as x\.y\.z-aliyun\.n/ },
  { rule: "V2-kubernetes-version-creatable", source: "ACK-VERSIONS", base: TERWAY_BASE, fail: { cluster: { kubernetesVersion: "1.33.1-aliyun.1" } }, pass: { cluster: { kubernetesVersion: "1.34.1-aliyun.1" } }, values: /Kubernetes 1\.33\.1-aliyun\.1 is older than 1\.34/ },
  { rule: "F11-exclusive-eni-features", source: "F-11", level: "warning", base: TERWAY_BASE, fail: { pools: [["x", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2, exclusiveEni: true }]] }, pass: { cluster: { cni: Cni.terway({ networkPolicy: false }) }, pools: [["x", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2, exclusiveEni: true }]] }, values: /pool x uses exclusive ENIs, which get no NetworkPolicy/ },
  { rule: "F13-enterprise-security-group", source: "F-13", level: "warning", base: TERWAY_BASE, fail: { cluster: { enterpriseSecurityGroup: false } }, pass: {}, values: /enterprise security group/ },
  { rule: "G1-basic-cluster-size", source: "G-1", base: TERWAY_BASE, fail: { cluster: { clusterSpec: ClusterSpec.BASIC }, ...twoPools(3, 11) }, pass: { cluster: { clusterSpec: ClusterSpec.BASIC }, ...twoPools(3, 10) }, values: /grow to 11 nodes but ACK Basic \(ack\.standard\) allows 10 nodes/ },
  { rule: "G2-pro-cluster-size", source: "G-2", base: FLANNEL_BASE, fail: { cluster: { routeTableQuota: 1000 }, pools: [["general", { instanceTypes: ["ecs.g7.xlarge"], minSize: 2, maxSize: 201 }]] }, pass: { cluster: { routeTableQuota: 1000, nodeQuota: 1000 }, pools: [["general", { instanceTypes: ["ecs.g7.xlarge"], minSize: 2, maxSize: 201 }]] }, values: /201 nodes but ACK Pro with Flannel allows 200 nodes by default/ },
  { rule: "G3-pods-per-node", source: "G-3", base: FLANNEL_BASE, fail: { pools: [["general", { instanceTypes: ["ecs.g7.xlarge"], desiredSize: 2, podsPerNode: 300 }]] }, pass: { pools: [["general", { instanceTypes: ["ecs.g7.xlarge"], desiredSize: 2, podsPerNode: 256 }]] }, values: /pool general asks for 300 pods per node; at most 256 are allowed/ },
  { rule: "G4-node-pool-limits", source: "G-4", base: TERWAY_BASE, fail: twoPools(10, 5), pass: twoPools(5, 10), values: /sizes 10\.\.5 are invalid/ },
  { rule: "G7-control-plane-vswitches", source: "G-7", base: TERWAY_BASE,
    fail: { network: SIX_ZONES, cluster: { controlPlaneZones: ["z1", "z2", "z3", "z4", "z5", "z6"] } },
    pass: { network: SIX_ZONES, cluster: { controlPlaneZones: ["z1", "z2", "z3", "z4", "z5"] } },
    values: /6 node vSwitches given to the control plane \(vswitch_ids\); it takes 1 to 5: choose at most 5 zones with controlPlaneZones/ },
  { rule: "G8-secrets-encryption", source: "G-2", level: "warning", base: TERWAY_BASE, fail: {}, pass: { cluster: { secretsEncryptionKeyId: "key-example-0001" } }, values: /the ack\.pro\.small cluster stores Secrets in etcd without KMS encryption/ },
  { rule: "G8-secrets-encryption", source: "G-2", level: "warning", base: TERWAY_BASE, fail: {}, pass: { cluster: { clusterSpec: ClusterSpec.BASIC } }, values: /secretsEncryptionKeyId/ },
  { rule: "G7-instance-size", source: "G-7", level: "warning", base: TERWAY_BASE, fail: { pools: [["s", { instanceTypes: ["ecs.c7.large"], desiredSize: 2 }]] }, pass: { pools: [["s", { instanceTypes: ["ecs.c7.xlarge"], desiredSize: 2 }]] }, values: /ecs\.c7\.large has 2 vCPU \/ 4 GiB/ },
];

const G5_ZONES = Array.from({ length: 76 }, (_, i) => `z${i}`);

function run(base: Scenario, s: Scenario) {
  return synthApp((app) => {
    buildScenario(app, withBase(base, s));
  });
}

function mentions(out: { error?: string; warnings: string[]; infos: string[] }, rule: string, level?: string): string | undefined {
  if (!level) return out.error && out.error.includes(rule) ? out.error : undefined;
  const list = level === "warning" ? out.warnings : out.infos;
  return list.find((m) => m.includes(rule));
}

describe("managed-cluster rules through app.synth()", () => {
  test.each(CASES.map((c) => [c.rule, c] as const))("%s fails with its id and values, and its neighbour passes", (_id, c) => {
    const failing = run(c.base, c.fail);
    const hit = mentions(failing, c.rule, c.level);
    expect(hit).toBeDefined();
    expect(hit).toMatch(c.values);
    if (c.level) expect(failing.error).toBeUndefined();
    const passing = run(c.base, c.pass);
    expect(mentions(passing, c.rule, c.level)).toBeUndefined();
    if (!c.level) expect(passing.error === undefined || !passing.error.includes(c.rule)).toBe(true);
  });

  test("every error-severity rule of sections A-G has a case here", () => {
    const covered = new Set(CASES.map((c) => c.rule));
    const { CATALOGUE } = jest.requireActual("../../lib/plan") as typeof import("../../lib/plan");
    const managed = CATALOGUE.filter((r) => /^[A-G]\d/.test(r.id)).map((r) => r.id);
    const missing = managed.filter((id) => !covered.has(id) && !["G5-vswitch-quota", "C9-edge-pod-overlap"].includes(id) && !ESTATE_RULES.some((r) => r.id === id)); // estate rules: test/estate
    expect(missing).toEqual([]);
  });

  test("G5-vswitch-quota warns past 150 vSwitches and not at 150", () => {
    const cidrs = (n: number, base: number) => Array.from({ length: n }, (_, i) => `10.${base + Math.floor(i / 8)}.${(i % 8) * 32}.0/19`);
    const make = (zones: string[]) => ({
      network: { vpcCidr: "10.0.0.0/8", zones, nodeVSwitchCidrs: cidrs(zones.length, 0).map((c) => c.replace("/19", "/24")), podVSwitchCidrs: cidrs(zones.length, 100) },
      pools: [["p", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2, zones: [zones[0]] }]] as Array<[string, { instanceTypes: string[]; desiredSize: number; zones: string[] }]>,
    });
    const fail = run(TERWAY_BASE, make(G5_ZONES));
    expect(fail.error ?? "").not.toMatch(/G5/);
    // 76 zones: the control plane takes the first 5 node vSwitches (G7 counts only vswitch_ids).
    expect(fail.error ?? "").not.toMatch(/G7-control-plane-vswitches/);
    const plan = (() => {
      let c: AckCluster | undefined;
      synthApp((app) => { c = buildScenario(app, withBase(TERWAY_BASE, make(G5_ZONES))); });
      return c!.findings;
    })();
    expect(plan.find((f) => f.ruleId === "G5-vswitch-quota")?.message).toMatch(/152 vSwitches; a VPC holds 150/);
    let c75: AckCluster | undefined;
    synthApp((app) => { c75 = buildScenario(app, withBase(TERWAY_BASE, make(G5_ZONES.slice(0, 75)))); });
    expect(c75!.findings.find((f) => f.ruleId === "G5-vswitch-quota")).toBeUndefined();
  });

  test("one invalid stack with several problems shows them all in one error", () => {
    const out = run(TERWAY_BASE, {
      network: { nodeVSwitchCidrs: ["192.168.0.0/24", "10.9.0.0/24"] },
      cluster: { serviceCidr: "192.168.200.0/24", cni: Cni.terway({ mode: TerwayMode.SHARED_ENI }), clusterSpec: ClusterSpec.BASIC },
      pools: [["small", { instanceTypes: ["ecs.c6.large"], minSize: 2, maxSize: 30 }]],
    });
    expect(out.error).toBeDefined();
    for (const id of ["A4-vswitch-in-vpc", "C2-service-overlap", "E2-shared-eni-quota", "G1-basic-cluster-size"]) {
      expect(out.error).toContain(id);
    }
  });

  test("an unresolved token skips the checks it feeds, with a warning (T0-unresolved-token)", () => {
    const build = (serviceCidr: (stack: TerraformStack) => string) => synthApp((app) => {
      const main = buildScenario(app, TERWAY_BASE);
      const stack = main.node.scope as TerraformStack;
      const other = new AckCluster(stack, "tok", { network: main.network, cni: Cni.terway(), serviceCidr: serviceCidr(stack) });
      other.addNodePool("p", { instanceTypes: ["ecs.c7.4xlarge"], desiredSize: 2 });
    });
    // A literal that collides with the main cluster fails C4 ...
    const literal = build(() => "172.21.0.0/20");
    expect(literal.error).toMatch(/C4-service-reuse/);
    // ... the same slot as a variable can't be checked: no crash, no error, a warning naming it.
    const tokened = build((stack) => new TerraformVariable(stack, "service_cidr", { type: "string" }).stringValue);
    expect(tokened.error).toBeUndefined();
    expect(tokened.warnings.filter((w) => w.includes("T0-unresolved-token"))).toEqual([
      expect.stringContaining("tok.serviceCidr: value is an unresolved token at synth time"),
    ]);
  });
});
