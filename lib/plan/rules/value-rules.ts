/**
 * Values within the provider's and Kubernetes' limits (section N): checked the same way for
 * spec files (lib/spec) and construct props (lib/constructs), by the pure checks in
 * lib/plan/values.ts. Sources: provider/README.md ("Value limits").
 */
import { Severity } from "../finding";
import { rule } from "../rule";

export const CLUSTER_SPEC_UNKNOWN = rule(
  "N1-cluster-spec", Severity.ERROR, [],
  "The cluster spec is one the provider knows: ack.standard, ack.pro.small, ack.pro.xlarge, ack.pro.2xlarge, ack.pro.4xlarge.",
  "The list is `cluster_spec`'s allowed values in provider/alicloud-constraints.json (terraform-provider-alicloud v1.289.0). A spec file must use one of them (a typo such as `ack.pro.smal` would otherwise reach the API). In code, `ClusterSpec.of(...)` is the escape hatch for a spec newer than the list: it is accepted with warning N1-cluster-spec-unlisted.",
);
export const CLUSTER_SPEC_UNLISTED = rule(
  "N1-cluster-spec-unlisted", Severity.WARNING, [],
  "A cluster spec given with `ClusterSpec.of` that is not in the provider's list is passed through, with a warning.",
  "For editions newer than provider/alicloud-constraints.json. Check the spelling: the API rejects unknown specs only at apply time.",
);
export const TAG_LIMITS = rule(
  "N2-tag", Severity.ERROR, [],
  "Tag keys have 1 to 128 characters and do not start with `aliyun` or `acs:`; tag values have at most 128 characters; neither contains `http://` or `https://`.",
  "Alibaba Cloud tag limits (ECS/VPC TagResources: `Tag.N.Key` up to 128 characters, cannot start with `aliyun` or `acs:`, cannot contain `http://` or `https://`; `Tag.N.Value` up to 128 characters). The provider only rejects some of these at plan time (alicloud/tags.go), the API the rest at apply time. A key `__proto__` is refused too: cdktf's map conversion drops it, so the tag would silently not be applied.",
);
export const LABEL_SYNTAX = rule(
  "N3-label-syntax", Severity.ERROR, [],
  "Node label and taint keys are Kubernetes qualified names; label and taint values are valid label values.",
  "A key is an optional DNS subdomain prefix (at most 253 characters) and `/`, then a name of at most 63 characters: alphanumerics, `-`, `_`, `.`, starting and ending alphanumeric. A value has at most 63 characters of the same set (or is empty). Kubernetes rejects anything else when the node registers, long after `terraform apply` reported success.",
);
export const DISK_SIZE = rule(
  "N4-disk", Severity.ERROR, [],
  "The system disk is 20 to 2,048 GiB and of a category the provider allows.",
  "ECS system disks are 20-2,048 GiB (RunInstances `SystemDisk.Size`); the categories are `system_disk_category`'s allowed values in provider/alicloud-constraints.json.",
);
export const SIZE_RANGE = rule(
  "N5-size-range", Severity.ERROR, ["A-VSW-1", "A-SVC-1", "D-1"],
  "Counts are whole numbers in range, and the sizes they imply fit the address space.",
  "Node and pod counts, pool sizes and pods per node are finite whole numbers (not negative, not NaN). The blocks they size must exist: a node or pod vSwitch is at most a /16 per zone (65,532 usable addresses), a service CIDR at most a /16, a Flannel or edge pod CIDR at most a /8. A count beyond that used to be clamped silently (`expectedNodes: 10000000` gave a /15 VPC); now it is an error that says how far it is off.",
);
export const ZONES = rule(
  "N6-zones", Severity.ERROR, ["A-VSW-1"],
  "A network has at least one zone, each listed once.",
  "Each zone gets one node vSwitch (and one pod vSwitch for Terway) named after it; a zone listed twice would create two resources of the same name, and no zone leaves nodes nowhere to run.",
);

export const VALUE_RULES = [CLUSTER_SPEC_UNKNOWN, CLUSTER_SPEC_UNLISTED, TAG_LIMITS, LABEL_SYNTAX, DISK_SIZE, SIZE_RANGE, ZONES];
