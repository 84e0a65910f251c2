/**
 * The estate: every VPC, cluster, hybrid link and connection of an app or a fleet spec, as
 * plain data. Both front-ends build it (lib/constructs from the constructs of an App,
 * lib/plan/fleet from a spec) and planEstate plans it once. Keys are opaque strings chosen by
 * the front-end (unique per kind); every finding is returned under the key of its owner.
 */
import { HybridLinkPlan, HybridLinkPlanInput } from "../hybrid";
import { InstanceTypeInfo } from "../instance-types";
import { ClusterPlanInput, VSwitchPlan } from "../model";
import { ClusterPlanResult } from "../plan-cluster";

/** One VPC of the estate. */
export interface EstateVpc {
  readonly key: string;
  /** Name used in messages. */
  readonly name: string;
  /** Prefix of the finding paths of VPC-scoped rules, e.g. `prod-net` or `sharedVpcs[core]`. */
  readonly path: string;
  readonly cidr?: string;
  readonly existing: boolean;
  readonly ipv6: boolean;
  readonly allowPublicRanges?: boolean;
  /** Node vSwitches, shared by every cluster of the VPC. */
  readonly nodeVSwitches: VSwitchPlan[];
  /** Terway pod vSwitches, shared by every Terway cluster of the VPC. */
  readonly podVSwitches: VSwitchPlan[];
}

/** One cluster: its plan input, without the VPC-wide parts (planEstate fills them in). */
export interface EstateCluster {
  readonly key: string;
  /** Key of its VPC. */
  readonly vpc: string;
  /**
   * What planCluster will see, except `vpc`, `nodeVSwitches`, `podVSwitches` (taken from the
   * VPC; pod vSwitches only for Terway) and `hasHybridLink` (true when a link joins the VPC).
   * `externalRanges` holds only the ranges the user gave; peers are added by planEstate.
   */
  readonly input: ClusterPlanInput;
  /** The node vSwitches the control plane uses (`vswitch_ids`); default: every node vSwitch. */
  readonly controlPlaneVSwitches?: string[];
  /** Instance types added to the ENI table for this cluster (default: the estate's). */
  readonly extraInstanceTypes?: InstanceTypeInfo[];
  /**
   * Planned already (a cluster of a Fleet, planned by the fleet's own estate plan): its ranges
   * and capacity take part, it is not planned again, and it always counts as the earlier one
   * of a clash, so the clash is reported on the cluster that was not planned yet.
   */
  readonly preplanned?: ClusterPlanResult;
}

/** A hybrid link: its plan input, with the edge pod CIDRs the user gave. */
export interface EstateLink {
  readonly key: string;
  /** Key of the VPC it joins. */
  readonly vpc: string;
  /**
   * What planHybridLink will see, except `vpcCidr` (the VPC's), `siblings` (every other link)
   * and the edge pod CIDRs of Terway Edge clusters of the VPC (added to `edgePodCidrs`).
   */
  readonly input: HybridLinkPlanInput;
  /** Planned already (a link of a Fleet): its data centre takes part, it is not planned again. */
  readonly preplanned?: HybridLinkPlan;
}

/** VPCs joined by CEN, peering or VPN: each reaches every other. */
export interface EstateConnection {
  readonly name: string;
  /** Keys of the VPCs. */
  readonly vpcs: string[];
  /** CIDRs of networks outside the estate on the same connection. */
  readonly externalCidrs: string[];
}

export interface EstateInput {
  readonly vpcs: EstateVpc[];
  readonly clusters: EstateCluster[];
  readonly links: EstateLink[];
  readonly connections: EstateConnection[];
  readonly extraInstanceTypes?: InstanceTypeInfo[];
}
