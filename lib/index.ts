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
export * from "./constructs/network-connection";
export { ClusterKubeconfig, outputName } from "./constructs/outputs";
export type { ClusterKubeconfigProps } from "./constructs/outputs";
export type { HybridLinkPlan, HybridLinkPlanInput, HybridSibling, HybridVbrPlan, HybridBgpPlan } from "./plan/hybrid";
// Fleet: spec file, address pools, lock file, change guard, ack-plan (docs/fleet.md).
export * from "./constructs/fleet";
export { FleetNetworkKind } from "./constructs/fleet-plan";
export type {
  PlannedFleet, PlannedFleetCluster, PlannedFleetHeld, PlannedFleetLink, PlannedFleetNetwork, PlannedFleetRange, PlannedFleetVSwitch,
} from "./constructs/fleet-plan";
export { RangeSource } from "./plan/fleet/model";
export * from "./spec/spec-types";
export { checkSpecFile, checkSpecObject, checkSpecText, writeLockIfChanged } from "./spec/check-spec";
export type { SpecCheck, SpecCheckOptions } from "./spec/check-spec";
export { formatLocatedFinding } from "./spec/located-finding";
export type { LocatedFinding } from "./spec/located-finding";
export { planFleet } from "./plan/fleet/plan-fleet";
export type { FleetPlan, FleetClusterPlan, FleetPlanOptions } from "./plan/fleet/plan-fleet";
export type { FleetLock } from "./plan/fleet/lock";
