/**
 * The construct API as jsii publishes it to Python, Java, .NET and Go (scripts/jsii-build.sh).
 * TypeScript users import the package root (lib/index.ts), which adds the TypeScript-only
 * pieces: the spec/lock functions, the fleet planner and the plan model types.
 */
export * from "./constructs/ack-network";
export * from "./constructs/cluster-base";
export * from "./constructs/ack-cluster";
export * from "./constructs/cluster-spec";
export * from "./constructs/cni";
export * from "./constructs/node-pool";
export { CniPlugin, ClusterProfile, EniMode, ExternalRangeKind, IpStack, NodePoolKind } from "./plan/model";
export { Severity } from "./plan/finding";
export * from "./constructs/ack-edge-cluster";
export * from "./constructs/edge-cni";
export * from "./constructs/edge-node-pool";
export * from "./constructs/hybrid-link";
export * from "./constructs/network-connection";
// The plan crosses languages as plain data (jsii structs): the same interfaces TypeScript sees.
export type { Finding } from "./plan/finding";
export type { CapacityPlan, PoolCapacity, RangeUsage, NodeLimit } from "./plan/capacity";
export type { InstanceTypeInfo } from "./plan/instance-types";
export type { ClusterPlanResult } from "./plan/plan-cluster";
export type {
  ClusterPlanBaseInput, ClusterPlanInput, CniPlan, EdgePoolNetwork, ExternalRange, NodePoolPlan, VpcPlan, VSwitchPlan,
} from "./plan/model";
export { DataCenterRouteKind, HybridConnectivity, RouteNextHop, RouteOrigin, RouteTableKind } from "./plan/hybrid";
export type {
  DataCenterRoute, HybridBgpPlan, HybridLinkPlan, HybridLinkPlanInput, HybridSibling, HybridVbrPlan, PlannedRoute,
} from "./plan/hybrid";
export { PlanValues } from "./constructs/tokens";
// The generated L1 bindings, as the escape hatches (`resource` members) reach them.
export * as alicloud from "./providers/alicloud";
// The Fleet construct: the spec as a file, a struct (FleetSpec: the file's fields without
// `$schema`, which is TypeScript's FleetSpecFile) or YAML/JSON text; its plan as plain data
// (PlannedFleet). The fleet planner's own model stays TypeScript-only (`fleetPlanOf`).
export { Fleet } from "./constructs/fleet";
export type { FleetProps } from "./constructs/fleet";
export { FleetNetworkKind } from "./constructs/fleet-plan";
export type {
  PlannedFleet, PlannedFleetCluster, PlannedFleetHeld, PlannedFleetLink, PlannedFleetNetwork, PlannedFleetRange, PlannedFleetVSwitch,
} from "./constructs/fleet-plan";
export { RangeSource } from "./plan/fleet/model";
export type { LocatedFinding } from "./spec/located-finding";
export {
  SpecClusterType, SpecConnectionType, SpecInterconnect, SpecProxyMode, SpecTaintEffect, SpecTerwayMode,
} from "./spec/spec-types";
export type {
  FleetClusterSettings, FleetClusterSpec, FleetCniSpec, FleetConnectionSpec, FleetEdgeNodePoolSpec, FleetExternalRangeSpec,
  FleetHybridLinkSpec, FleetInstanceTypeSpec, FleetNodePoolSpec, FleetPoolsSpec, FleetSharedVpcSpec, FleetSpec, FleetTaintSpec,
  FleetVSwitchSpec, FleetVpcSpec,
} from "./spec/spec-types";
