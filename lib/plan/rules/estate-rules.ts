/**
 * Cross-resource rules of the estate planner (lib/plan/estate): what only shows when every
 * cluster, VPC, hybrid link and data centre of an app (or a spec) is planned together.
 */
import { Severity } from "../finding";
import { RuleInfo, RuleScope, rule } from "../rule";

export const DATA_CENTER_DUPLICATE = rule(
  "C10-data-center-duplicate", Severity.ERROR, ["C-6", "I-8", "A-VPC-3"],
  "Networks that reach the same data centre have distinct VPC CIDRs and edge pod CIDRs.",
  "Every VPC joined to a data centre is advertised to it by its VBR, and every Terway Edge edge pod CIDR is routed on the data-centre gateway. Two VPCs (or two edge clusters) reaching the same data centre through their own links with the same or overlapping ranges make both VBRs advertise the same prefix: the data-centre gateway can only send it one way (\"On the data center gateway, the container CIDR block must not overlap with any other CIDR blocks\", Terway Edge page). Links reach the same data centre when their data-centre ranges overlap. Reported once, on the network (or cluster) that comes later.",
  RuleScope.DATA_CENTER,
);
export const VPC_ROUTE_QUOTA = rule(
  "D7-vpc-route-quota", Severity.ERROR, ["D-6", "G-2"],
  "The Flannel clusters of one VPC together stay within its route-table quota: one custom route per node (200 by default).",
  "Flannel's cloud controller adds one custom route entry per node to the VPC's route table; every Flannel cluster in the VPC draws from the same table. The nodes all Flannel clusters of the VPC can grow to are summed and compared with the route-table quota (the largest `routeTableQuota` given by a cluster of the VPC, else 200; never above 1,000). Checked when two or more Flannel clusters share the VPC and none exceeds the quota alone (that is D6-flannel-route-quota, on the cluster).",
  RuleScope.VPC,
);
export const NODE_VSWITCH_SHARED = rule(
  "F1-node-vswitch-shared", Severity.ERROR, ["A-VSW-1", "B-5"],
  "A node vSwitch used by several clusters holds the nodes all of them can grow to.",
  "Every ECS node takes one address of a node vSwitch in its zone, whatever its cluster or CNI. Clusters sharing a VPC share its node vSwitches, so their pools' maximum sizes are summed per vSwitch (4 addresses per vSwitch are reserved, B-5). Checked when two or more clusters use the vSwitch; one cluster alone is F1-node-vswitch-capacity.",
  RuleScope.VPC,
);
export const POD_VSWITCH_SHARED = rule(
  "F1-pod-vswitch-shared", Severity.ERROR, ["F-1", "A-PVSW-1", "B-5"],
  "A Terway pod vSwitch used by several clusters holds the pods all of them start with.",
  "Terway takes pod addresses from the pod vSwitches of the node's zone; Terway (and Terway Edge) clusters in one VPC share them. The pods every cluster's pools start with are summed per pod vSwitch. Checked when two or more clusters use the vSwitch; one cluster alone is F1-pod-vswitch-capacity.",
  RuleScope.VPC,
);
export const POD_VSWITCH_SHARED_HEADROOM = rule(
  "F1-pod-vswitch-shared-headroom", Severity.WARNING, ["F-1", "A-PVSW-1"],
  "A Terway pod vSwitch used by several clusters holds the pods all of them can grow to.",
  "As F1-pod-vswitch-shared, with the pools at their maximum sizes: autoscaling every cluster to its maximum would exhaust the shared pod vSwitch.",
  RuleScope.VPC,
);

export const ESTATE_RULES: RuleInfo[] = [DATA_CENTER_DUPLICATE, VPC_ROUTE_QUOTA, NODE_VSWITCH_SHARED, POD_VSWITCH_SHARED, POD_VSWITCH_SHARED_HEADROOM];
