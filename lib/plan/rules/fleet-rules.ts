/**
 * Fleet rules: the spec file (S), address pools (P), the lock file (L) and the change guard
 * (K). The cross-cluster overlap rules (C-3, C-4, C-5, C-6, C-8) are the cluster rules of
 * overlap-rules.ts, fed with each cluster's peers; hybrid links are checked by planHybridLink
 * (section J, including VLAN uniqueness across the fleet).
 */
import { Severity } from "../finding";
import { rule } from "../rule";

export const SPEC_SYNTAX = rule(
  "S0-spec-syntax", Severity.ERROR, [],
  "The spec file is well-formed YAML or JSON.",
  "A syntax error stops the check: the message names the file, the line and what the parser expected.",
);
export const SPEC_SCHEMA = rule(
  "S1-spec-schema", Severity.ERROR, [],
  "The spec matches schema/spec.schema.json: known fields only, each of the right type.",
  "Runtime validation and the shipped JSON Schema come from the same zod schemas (lib/spec), so an editor using the schema and `ack-plan check` agree. Unknown fields are errors: a typo such as `podCIDR` would otherwise be ignored silently.",
);
export const DUPLICATE_NAME = rule(
  "S2-duplicate-name", Severity.ERROR, [],
  "Cluster, shared VPC and hybrid link names are unique (they name stacks and lock entries).",
  "Every cluster gets a Terraform stack named after it and each shared VPC a stack named `vpc-<name>`; the lock file is keyed by these names.",
);
export const UNKNOWN_REFERENCE = rule(
  "S3-unknown-reference", Severity.ERROR, [],
  "Names used in `hybridLinks[].cluster`, `connections[].vpcs` and `sharedVpcs` refer to something in the spec.",
  "`connections[].vpcs` lists cluster names (their VPC) or shared VPC names; `hybridLinks[].cluster` a cluster name.",
);
export const CNI_MISMATCH = rule(
  "S4-cni-mismatch", Severity.ERROR, ["I-1", "D-8"],
  "The CNI plugin suits the cluster type, and CNI fields belong to the chosen plugin.",
  "ACK clusters run `terway` or `flannel`; ACK Edge clusters `flannel` or `terway-edge`. `podCidr`/`podsPerNode` are Flannel fields, `edgePodCidr`/`podsPerEdgeNode` Terway Edge fields, `mode`/`networkPolicy`/`dataPathV2`/`trunk`/`ipvlan` Terway fields.",
);
export const CONFLICTING_FIELDS = rule(
  "S5-conflicting-fields", Severity.ERROR, [],
  "Fields that exclude each other are not given together, and lists match in length.",
  "E.g. `instanceType` with `instanceTypes`, `size` with `min`/`max`, `vpc.shared` with `vpc.cidr`, `vpc.id` without `vpc.cidr` and `vpc.vSwitches`, one `nodeVSwitchCidrs` entry per zone.",
);
export const MISSING_FIELD = rule(
  "S6-missing-field", Severity.ERROR, [],
  "Fields needed after `defaults` are applied are present (e.g. `zones` for a new VPC).",
  "A cluster in a new VPC needs its zones; an adopted VPC takes its zones from `vpc.vSwitches`.",
);

export const POOL_EXHAUSTED = rule(
  "P1-pool-exhausted", Severity.ERROR, ["C-3", "C-5"],
  "Each pool has room for every range the fleet takes from it.",
  "Ranges are carved first-fit, in spec order, from space the lock file does not hold. When a block does not fit, the finding says how many addresses are missing (the shortfall of the closest pool, as lib/cidr `carve` defines it). Add a CIDR to the pool, lower `expectedNodes`/`expectedServices`, or prune removed clusters from the lock.",
);
export const POOL_MISSING = rule(
  "P2-pool-missing", Severity.ERROR, [],
  "A cluster that omits a CIDR has a pool to take it from.",
  "`pools.vpc` serves VPCs, `pools.pods` Flannel pod CIDRs, `pools.services` service CIDRs, `pools.edgePods` Terway Edge edge pod CIDRs.",
);

export const REMOVED_CLUSTER_HELD = rule(
  "L1-removed-cluster-held", Severity.INFO, [],
  "Ranges of clusters removed from the spec stay held until the lock is pruned.",
  "Removing a cluster from the spec does not free its ranges: the lock keeps them so the next cluster added does not reuse addresses that may still be in use (routes, firewall rules, a cluster not yet destroyed). `ack-plan plan SPEC --prune` drops them.",
);
export const LOCK_OUTDATED = rule(
  "L2-lock-outdated", Severity.INFO, [],
  "Every cluster of the spec is recorded in the lock file.",
  "Clusters not in the lock get their ranges from the pools now; `ack-plan plan SPEC` (or `cdktf synth`) records them so that later edits of the spec never move them. Commit the lock.",
);
export const LOCK_INVALID = rule(
  "L3-lock-invalid", Severity.ERROR, [],
  "The lock file is readable and of a known version.",
  "A lock file that does not parse is never overwritten: fix it (or restore it from version control) and check again.",
);

export const REPLACE_ACKNOWLEDGED = rule(
  "K0-replace-acknowledged", Severity.INFO, ["K-1", "K-2", "K-3", "K-4", "K-5", "K-6", "K-7"],
  "A cluster marked `replace: true` changes fields fixed at creation: Terraform will replace it.",
  "The change guard lets the change through and names what changed. After the apply, remove `replace: true` (the lock now records the new values).",
);
export const CNI_CHANGED = rule(
  "K1-cni-changed", Severity.ERROR, ["K-1", "I-1"],
  "The CNI plugin of an existing cluster does not change.",
  "The CNI is chosen at creation (Terraform passes it through `addons`, which only apply on create); switching means a new cluster. Mark the cluster `replace: true` to do that on purpose.",
);
export const SERVICE_CIDR_CHANGED = rule(
  "K2-service-cidr-changed", Severity.ERROR, ["K-2"],
  "The service CIDR of an existing cluster does not change.",
  "`service_cidr` is ForceNew: a change replaces the cluster.",
);
export const POD_CIDR_CHANGED = rule(
  "K3-pod-cidr-changed", Severity.ERROR, ["K-3", "D-5"],
  "The Flannel pod CIDR of an existing cluster does not change.",
  "`pod_cidr` is ForceNew and cannot be expanded.",
);
export const EDGE_POD_CIDR_CHANGED = rule(
  "K3-edge-pod-cidr-changed", Severity.ERROR, ["K-3", "I-2", "I-4"],
  "The edge pod CIDR of an existing ACK Edge cluster does not change.",
  "The edge container CIDR is fixed at creation and is not expandable.",
);
export const PODS_PER_NODE_CHANGED = rule(
  "K4-pods-per-node-changed", Severity.ERROR, ["K-4", "D-5"],
  "Pods per node (node CIDR mask) of an existing cluster does not change.",
  "`node_cidr_mask` is ForceNew; pods per node and the maximum node count are fixed at creation.",
);
export const IP_STACK_CHANGED = rule(
  "K5-ip-stack-changed", Severity.ERROR, ["K-5"],
  "The IP stack (IPv4 / dual) of an existing cluster does not change.",
  "`ip_stack` is ForceNew.",
);
export const PROXY_MODE_CHANGED = rule(
  "K5-proxy-mode-changed", Severity.ERROR, ["K-5"],
  "The kube-proxy mode of an existing cluster does not change.",
  "`proxy_mode` is ForceNew.",
);
export const PROFILE_CHANGED = rule(
  "K5-profile-changed", Severity.ERROR, ["K-5", "K-6"],
  "An existing cluster does not change type (ACK <-> ACK Edge).",
  "`profile` is ForceNew.",
);
export const SECURITY_GROUP_CHANGED = rule(
  "K5-security-group-changed", Severity.ERROR, ["K-5"],
  "The security group kind (enterprise or basic) of an existing cluster does not change.",
  "`is_enterprise_security_group` is ForceNew.",
);
export const VPC_CHANGED = rule(
  "K6-vpc-changed", Severity.ERROR, ["K-6"],
  "An existing cluster stays in its VPC.",
  "A cluster cannot move to another VPC; changing the VPC (its CIDR, the adopted id, or the shared VPC) recreates the cluster and, for a VPC of its own, the VPC.",
);
export const SPEC_DOWNGRADE = rule(
  "K6-spec-downgrade", Severity.ERROR, ["K-6"],
  "An ACK Pro cluster is not downgraded to Basic.",
  "Basic -> Pro migration exists; Pro -> Basic does not.",
);
export const DATAPATH_V2_CHANGED = rule(
  "K7-datapath-v2-changed", Severity.ERROR, ["K-7"],
  "DataPath V2 of an existing Terway cluster does not change.",
  "DataPath V2 is chosen at creation only.",
);
export const ENI_MODE_CHANGED = rule(
  "K7-eni-mode-changed", Severity.ERROR, ["K-7", "F-11"],
  "An existing Terway node pool keeps its ENI mode (shared or exclusive).",
  "The ENI mode of a pool is fixed when the pool is created; create a new pool with the other mode and drain the old one instead.",
);
export const CREATE_ONLY_IGNORED = rule(
  "K8-create-only-ignored", Severity.WARNING, ["K-8"],
  "Changes to create-only fields (zones, pod vSwitches) are ignored by Terraform after creation.",
  "`zone_ids` and `pod_vswitch_ids` are not ForceNew but are read only at creation: Terraform shows no diff and nothing changes. Add pod vSwitches through the Terway configuration of the running cluster instead.",
);
export const PHYSICAL_CONNECTION_CHANGED = rule(
  "K9-physical-connection-changed", Severity.ERROR, ["K-9"],
  "A hybrid link keeps its physical connection.",
  "The VBR's `physical_connection_id` is ForceNew: a change recreates the VBR and drops the link while it happens.",
);

export const SPEC_LIMITS = rule(
  "S7-spec-limits", Severity.ERROR, [],
  "The spec file stays within the reader's limits: size, nesting depth, alias expansion, no recursive alias.",
  "A spec is read with fixed limits so that every file gets a verdict instead of a crash or a hang: at most 64 MiB, at most 64 levels of flow nesting (`[`/`{`) and 256 columns of block nesting, at most 100,000 alias expansions, and no alias used inside its own anchor (a recursive structure). Real fleet specs are far below these; the finding names the line where the limit was passed.",
);
export const LOCK_FOREIGN = rule(
  "L4-lock-foreign", Severity.ERROR, [],
  "The lock file belongs to the spec being checked.",
  "The lock records which spec it belongs to (`spec`: the spec's path relative to the lock's folder). A lock of another spec would hand that fleet's ranges to this one, silently. Point `--lock` at the right file, or, if the spec was renamed, update the lock's `spec` field. Locks written before the field existed are adopted and the field is recorded on the next `ack-plan plan`.",
);

export const LOCK_WRITE = rule(
  "L5-lock-write", Severity.ERROR, [],
  "The lock file can be written when the plan changes it.",
  "The lock is written to a temporary file in the same folder, flushed, then renamed over the old one, so a failed write (full disk, read-only folder, missing folder) leaves the previous lock intact. Synthesis stops rather than emit stacks whose allocations are recorded nowhere: free space or fix the folder and run again.",
);

/** The fleet rules, for the catalogue. */
export const FLEET_RULES = [
  SPEC_SYNTAX, SPEC_SCHEMA, DUPLICATE_NAME, UNKNOWN_REFERENCE, CNI_MISMATCH, CONFLICTING_FIELDS, MISSING_FIELD, SPEC_LIMITS,
  POOL_EXHAUSTED, POOL_MISSING,
  REMOVED_CLUSTER_HELD, LOCK_OUTDATED, LOCK_INVALID, LOCK_FOREIGN, LOCK_WRITE,
  REPLACE_ACKNOWLEDGED, CNI_CHANGED, SERVICE_CIDR_CHANGED, POD_CIDR_CHANGED, EDGE_POD_CIDR_CHANGED, PODS_PER_NODE_CHANGED,
  IP_STACK_CHANGED, PROXY_MODE_CHANGED, PROFILE_CHANGED, SECURITY_GROUP_CHANGED, VPC_CHANGED, SPEC_DOWNGRADE,
  DATAPATH_V2_CHANGED, ENI_MODE_CHANGED, CREATE_ONLY_IGNORED, PHYSICAL_CONNECTION_CHANGED,
];

