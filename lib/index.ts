// Constructs (jsii-shaped public API).
export * from "./constructs/ack-network";
export * from "./constructs/cluster-base";
export * from "./constructs/ack-cluster";
export * from "./constructs/cluster-spec";
export * from "./constructs/cni";
export * from "./constructs/node-pool";
export {
  CniPlugin, ClusterProfile, EniMode, ExternalRangeKind, IpStack, NodePoolKind,
} from "./plan/model";
export { Severity } from "./plan/finding";
export type { Finding } from "./plan/finding";
export type { CapacityPlan, PoolCapacity, RangeUsage, NodeLimit } from "./plan/capacity";
export type { InstanceTypeInfo } from "./plan/instance-types";
export * from "./constructs/ack-edge-cluster";
export * from "./constructs/edge-cni";
export * from "./constructs/edge-node-pool";
export * from "./constructs/hybrid-link";
export type { HybridLinkPlan, HybridLinkPlanInput, HybridSibling, HybridVbrPlan, HybridBgpPlan } from "./plan/hybrid";
