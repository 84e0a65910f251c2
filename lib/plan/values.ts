/**
 * Value checks shared by spec files and construct props (rules N1..N6): tags, Kubernetes
 * label and taint syntax, disk sizes, counts and the sizes they imply, zones. Pure: each
 * returns findings for a path prefix, never throws, whatever the input.
 */
import { Finding } from "./finding";
import { RuleInfo } from "./rule";
import {
  CLUSTER_SPEC_UNKNOWN, CLUSTER_SPEC_UNLISTED, DISK_SIZE, LABEL_SYNTAX, SIZE_RANGE, TAG_LIMITS, ZONES,
} from "./rules/value-rules";
import { VSWITCH_RESERVED_ADDRESSES } from "./capacity";

/** `cluster_spec` allowed values, provider/alicloud-constraints.json (terraform-provider-alicloud v1.289.0). */
export const KNOWN_CLUSTER_SPECS: readonly string[] = ["ack.standard", "ack.pro.small", "ack.pro.xlarge", "ack.pro.2xlarge", "ack.pro.4xlarge"];
/** `system_disk_category` allowed values of alicloud_cs_kubernetes_node_pool, provider/alicloud-constraints.json. */
export const SYSTEM_DISK_CATEGORIES: readonly string[] = ["cloud_efficiency", "cloud_ssd", "cloud_essd", "cloud_auto", "cloud_essd_entry", "cloud"];
/** ECS system disk size range in GiB (RunInstances `SystemDisk.Size`). */
export const SYSTEM_DISK_GIB = { min: 20, max: 2048 } as const;
/** Tag key and value limits (ECS/VPC TagResources). */
export const TAG_KEY_MAX = 128;
export const TAG_VALUE_MAX = 128;
/** Addresses of the largest vSwitch (/16) and service CIDR (/16) the layout carves. */
export const MAX_BLOCK_16 = 65536;
/** Usable addresses of a /16 vSwitch. */
export const MAX_VSWITCH_ADDRESSES = MAX_BLOCK_16 - VSWITCH_RESERVED_ADDRESSES;
/** Addresses of the largest per-node-block range (a /8). */
export const MAX_PER_NODE_RANGE = 2 ** 24;

type Push = (rule: RuleInfo, path: string, message: string) => void;

function collector(): { findings: Finding[]; push: Push } {
  const findings: Finding[] = [];
  return { findings, push: (r, path, message) => findings.push({ ruleId: r.id, severity: r.severity, sources: r.sources, path, message }) };
}

/** Shows a value in a message, bounded (an 8 MB tag value is not echoed whole). */
export function showValue(v: unknown): string {
  let s: string;
  if (typeof v === "string") s = JSON.stringify(v);
  else if (typeof v === "number" || typeof v === "boolean" || v === null || v === undefined) s = String(v);
  else s = Array.isArray(v) ? "a list" : typeof v;
  return s.length > 80 ? `${s.slice(0, 60)}... (${s.length.toLocaleString("en-US")} characters)` : s;
}

/** N1: spec files take the known list only; `ClusterSpec.of` in code is warned. */
export function checkClusterSpec(path: string, spec: string, fromCode: boolean): Finding[] {
  const { findings, push } = collector();
  if (KNOWN_CLUSTER_SPECS.includes(spec)) return findings;
  if (fromCode) push(CLUSTER_SPEC_UNLISTED, path, `cluster spec ${showValue(spec)} is not in the provider's list (${KNOWN_CLUSTER_SPECS.join(", ")}); it is passed through as is. Check the spelling.`);
  else push(CLUSTER_SPEC_UNKNOWN, path, `cluster spec ${showValue(spec)} is not one of ${KNOWN_CLUSTER_SPECS.join(", ")}; check the spelling (a newer edition can be given in code with ClusterSpec.of).`);
  return findings;
}

/** N2: tags. */
export function checkTags(path: string, tags: { readonly [key: string]: string } | undefined): Finding[] {
  const { findings, push } = collector();
  if (tags === undefined || tags === null || typeof tags !== "object") return findings;
  for (const key of Object.keys(tags)) {
    const value: unknown = tags[key];
    const at = `${path}[${showValue(key)}]`;
    if (key.length < 1 || key.length > TAG_KEY_MAX) push(TAG_LIMITS, at, `tag key ${showValue(key)} has ${key.length} characters; keys have 1 to ${TAG_KEY_MAX}.`);
    if (/^(aliyun|acs:)/i.test(key)) push(TAG_LIMITS, at, `tag key ${showValue(key)} starts with a prefix reserved by Alibaba Cloud (aliyun, acs:); rename it.`);
    if (/https?:\/\//i.test(key)) push(TAG_LIMITS, at, `tag key ${showValue(key)} contains http:// or https://, which tags may not contain.`);
    if (key === "__proto__") push(TAG_LIMITS, at, "tag key \"__proto__\" is read, but cdktf drops a map key of that name when it writes the Terraform JSON, so the tag would silently not exist; rename it.");
    if (typeof value !== "string") {
      push(TAG_LIMITS, at, `tag value ${showValue(value)} is not a string.`);
      continue;
    }
    if (value.length > TAG_VALUE_MAX) push(TAG_LIMITS, at, `tag value ${showValue(value)} is longer than ${TAG_VALUE_MAX} characters; shorten it.`);
    if (/https?:\/\//i.test(value)) push(TAG_LIMITS, at, `tag value ${showValue(value)} contains http:// or https://, which tags may not contain.`);
  }
  return findings;
}

const NAME_63 = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Why `key` is not a Kubernetes qualified name, or undefined when it is. */
export function qualifiedNameProblem(key: string): string | undefined {
  const slash = key.indexOf("/");
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && (prefix.length === 0 || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) {
    return `its prefix ${showValue(prefix)} is not a DNS subdomain (lowercase letters, digits, '-', '.', at most 253 characters)`;
  }
  if (!NAME_63.test(name)) return `its name ${showValue(name)} must be 1 to 63 characters of letters, digits, '-', '_', '.', starting and ending with a letter or digit`;
  return undefined;
}

/** N3: label maps and taints. */
export function checkLabels(path: string, labels: { readonly [key: string]: string } | undefined): Finding[] {
  const { findings, push } = collector();
  if (labels === undefined || labels === null || typeof labels !== "object") return findings;
  for (const key of Object.keys(labels)) {
    const value: unknown = labels[key];
    const at = `${path}[${showValue(key)}]`;
    const problem = qualifiedNameProblem(key);
    if (problem) push(LABEL_SYNTAX, at, `label key ${showValue(key)} is not a Kubernetes qualified name: ${problem}.`);
    if (typeof value !== "string" || (value !== "" && !NAME_63.test(value))) {
      push(LABEL_SYNTAX, at, `label value ${showValue(value)} must be empty or 1 to 63 characters of letters, digits, '-', '_', '.', starting and ending with a letter or digit.`);
    }
  }
  return findings;
}

export interface TaintLike {
  readonly key: string;
  readonly value?: string;
}

export function checkTaints(path: string, taints: readonly TaintLike[] | undefined): Finding[] {
  const { findings, push } = collector();
  (taints ?? []).forEach((t, i) => {
    const at = `${path}[${i}]`;
    const key: unknown = t?.key;
    const problem = typeof key === "string" ? qualifiedNameProblem(key) : "it is not a string";
    if (problem) push(LABEL_SYNTAX, `${at}.key`, `taint key ${showValue(key)} is not a Kubernetes qualified name: ${problem}.`);
    const value: unknown = t?.value;
    if (value !== undefined && (typeof value !== "string" || (value !== "" && !NAME_63.test(value)))) {
      push(LABEL_SYNTAX, `${at}.value`, `taint value ${showValue(value)} must be empty or 1 to 63 characters of letters, digits, '-', '_', '.', starting and ending with a letter or digit.`);
    }
  });
  return findings;
}

/** N4: system disk. */
export function checkSystemDisk(path: string, size: number | undefined, category: string | undefined): Finding[] {
  const { findings, push } = collector();
  if (size !== undefined && !(Number.isInteger(size) && size >= SYSTEM_DISK_GIB.min && size <= SYSTEM_DISK_GIB.max)) {
    push(DISK_SIZE, `${path}.systemDiskSize`, `system disk size ${showValue(size)} GiB is outside ${SYSTEM_DISK_GIB.min}-${SYSTEM_DISK_GIB.max.toLocaleString("en-US")} GiB; give a whole number in that range.`);
  }
  if (category !== undefined && !SYSTEM_DISK_CATEGORIES.includes(category)) {
    push(DISK_SIZE, `${path}.systemDiskCategory`, `system disk category ${showValue(category)} is not one of ${SYSTEM_DISK_CATEGORIES.join(", ")}.`);
  }
  return findings;
}

/** N5: a count is a whole number within [min, max]. */
export function checkCount(path: string, what: string, value: number | undefined, min: number, max: number = Number.MAX_SAFE_INTEGER): Finding[] {
  const { findings, push } = collector();
  if (value === undefined) return findings;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    push(SIZE_RANGE, path, `${what} is ${showValue(value)}; give a whole number from ${min.toLocaleString("en-US")}${max < Number.MAX_SAFE_INTEGER ? ` to ${max.toLocaleString("en-US")}` : " up"}.`);
  }
  return findings;
}

/** The sizing inputs of a network or cluster. */
export interface SizingValues {
  readonly zones: number;
  readonly expectedNodes?: number;
  /** Pods per node for Terway pod vSwitches (undefined: no Terway). */
  readonly terwayPodsPerNode?: number;
  /** Flannel / edge per-node block: nodes and pods per node. */
  readonly perNodeNodes?: number;
  readonly perNodePods?: number;
  readonly expectedServices?: number;
}

/** N5: the blocks a sizing implies exist (a /16 vSwitch per zone, a /16 service CIDR, a /8 per-node range). */
export function checkSizing(path: string, s: SizingValues): Finding[] {
  const { findings, push } = collector();
  const zones = Math.max(1, s.zones);
  const ok = (n: number | undefined): n is number => typeof n === "number" && Number.isFinite(n) && n >= 0;
  if (ok(s.expectedNodes)) {
    const perZone = Math.ceil(s.expectedNodes / zones);
    if (perZone > MAX_VSWITCH_ADDRESSES) {
      push(SIZE_RANGE, `${path}.expectedNodes`, `${s.expectedNodes.toLocaleString("en-US")} expected nodes over ${zones} zone(s) is ${perZone.toLocaleString("en-US")} per zone, but a node vSwitch is at most a /16 (${MAX_VSWITCH_ADDRESSES.toLocaleString("en-US")} usable addresses); add zones or lower expectedNodes.`);
    } else if (ok(s.terwayPodsPerNode) && perZone * s.terwayPodsPerNode > MAX_VSWITCH_ADDRESSES) {
      push(SIZE_RANGE, `${path}.expectedNodes`, `${perZone.toLocaleString("en-US")} nodes per zone x ${s.terwayPodsPerNode} pods need ${(perZone * s.terwayPodsPerNode).toLocaleString("en-US")} pod IPs per zone, but a Terway pod vSwitch is at most a /16 (${MAX_VSWITCH_ADDRESSES.toLocaleString("en-US")} usable addresses); add zones, lower expectedNodes or expectedPodsPerNode.`);
    }
  }
  if (ok(s.perNodeNodes) && ok(s.perNodePods)) {
    const block = 2 ** Math.ceil(Math.log2(Math.max(1, s.perNodePods)));
    const need = Math.max(2, s.perNodeNodes) * block;
    if (need > MAX_PER_NODE_RANGE) {
      push(SIZE_RANGE, `${path}.expectedNodes`, `${s.perNodeNodes.toLocaleString("en-US")} nodes x a /${32 - Math.log2(block)} per-node block need ${need.toLocaleString("en-US")} pod addresses, more than a /8 (${MAX_PER_NODE_RANGE.toLocaleString("en-US")}); lower the node count or pods per node.`);
    }
  }
  if (ok(s.expectedServices) && s.expectedServices > MAX_BLOCK_16) {
    push(SIZE_RANGE, `${path}.expectedServices`, `${s.expectedServices.toLocaleString("en-US")} expected services do not fit a /16 service CIDR (${MAX_BLOCK_16.toLocaleString("en-US")} addresses), the largest ACK allows; lower expectedServices.`);
  }
  return findings;
}

/** N6: at least one zone, none twice. Returns the findings and the zones without repeats. */
export function checkZones(path: string, zones: readonly string[]): { findings: Finding[]; unique: string[] } {
  const { findings, push } = collector();
  const seen = new Set<string>();
  const unique: string[] = [];
  zones.forEach((z, i) => {
    if (typeof z !== "string" || z.length === 0) push(ZONES, `${path}[${i}]`, `zone ${showValue(z)} is not a zone id (e.g. cn-hangzhou-i).`);
    else if (seen.has(z)) push(ZONES, `${path}[${i}]`, `zone ${z} is listed twice; list each zone once (each gets one vSwitch named after it).`);
    else {
      seen.add(z);
      unique.push(z);
    }
  });
  if (zones.length === 0) push(ZONES, path, "no zones: give at least one zone (e.g. [cn-hangzhou-i, cn-hangzhou-j]); each gets a node vSwitch.");
  return { findings, unique };
}
