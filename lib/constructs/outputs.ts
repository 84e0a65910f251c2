/**
 * Terraform outputs with stable names. Every output's logical id is overridden, so that the
 * name in `terraform output` carries no construct-path hash: `<cluster>_cluster-id`,
 * `<link>_data-center-routes`, ... (README.md, "Outputs", lists them).
 */
import { Construct } from "constructs";
import { Lazy, TerraformOutput } from "./cdktf";
import type { DataCenterRoute, PlannedRoute } from "../plan/hybrid";
import type { DataAlicloudCsClusterCredential } from "../providers/alicloud/data-alicloud-cs-cluster-credential";
import { credentialL1 } from "./lazy-l1";
import type { CsManagedKubernetes } from "../providers/alicloud/cs-managed-kubernetes";

/**
 * The output name for `owner` and `what`: `<owner>_<what>`, with every character Terraform does
 * not accept in a name (letters, digits, `_`, `-`; not starting with a digit or `-`) replaced by
 * `-`.
 */
export function outputName(owner: string, what: string): string {
  const clean = `${owner}_${what}`.replace(/[^A-Za-z0-9_-]/g, "-");
  return /^[A-Za-z_]/.test(clean) ? clean : `_${clean}`;
}

function output(scope: Construct, id: string, name: string, props: { value: unknown; description: string; sensitive?: boolean }): TerraformOutput {
  const out = new TerraformOutput(scope, id, props);
  out.overrideLogicalId(name);
  return out;
}

/** What a cluster exports (the cluster base passes itself). */
export interface ClusterOutputSource {
  readonly clusterName: string;
  readonly resource: CsManagedKubernetes;
  /** `resource.id`, read once by the cluster. */
  readonly clusterId: string;
  readonly vpcId: string;
  readonly vswitchIds: string[];
  readonly podVSwitchIds: string[];
}

/**
 * Cluster id, VPC id, node (and Terway pod) vSwitch ids and the API server endpoints of a
 * cluster, as `<cluster>_cluster-id`, `<cluster>_vpc-id`, `<cluster>_vswitch-ids`,
 * `<cluster>_pod-vswitch-ids` (Terway only), `<cluster>_api-server-intranet` and
 * `<cluster>_api-server-internet` (empty unless public access is on).
 */
export function addClusterOutputs(scope: Construct, c: ClusterOutputSource): void {
  const n = c.clusterName;
  output(scope, "output-cluster-id", outputName(n, "cluster-id"), { value: c.clusterId, description: `Id of the ACK cluster ${n}.` });
  output(scope, "output-vpc-id", outputName(n, "vpc-id"), { value: c.vpcId, description: `Id of the VPC of cluster ${n}.` });
  output(scope, "output-vswitch-ids", outputName(n, "vswitch-ids"), { value: c.vswitchIds, description: `Node vSwitch ids of cluster ${n}.` });
  if (c.podVSwitchIds.length > 0) {
    output(scope, "output-pod-vswitch-ids", outputName(n, "pod-vswitch-ids"), { value: c.podVSwitchIds, description: `Terway pod vSwitch ids of cluster ${n}.` });
  }
  // connections is a computed map: api_server_intranet / api_server_internet (provider v1.289.0,
  // resource_alicloud_cs_managed_kubernetes.go:1405-1406).
  output(scope, "output-api-server-intranet", outputName(n, "api-server-intranet"), {
    value: c.resource.connections.lookup("api_server_intranet"),
    description: `Private (VPC) endpoint of the API server of cluster ${n}.`,
  });
  output(scope, "output-api-server-internet", outputName(n, "api-server-internet"), {
    value: c.resource.connections.lookup("api_server_internet"),
    description: `Public endpoint of the API server of cluster ${n} (empty unless apiServerPublicAccess).`,
  });
}

/**
 * VPC id and vSwitch ids of a network in a stack of its own (a Fleet shared VPC):
 * `<vpc>_vpc-id`, `<vpc>_vswitch-ids`, `<vpc>_pod-vswitch-ids` (when it has pod vSwitches).
 */
export function addNetworkOutputs(scope: Construct, name: string, n: { vpcId: string; vswitchIds: string[]; podVSwitchIds: string[] }): void {
  output(scope, "output-vpc-id", outputName(name, "vpc-id"), { value: n.vpcId, description: `Id of the VPC ${name}.` });
  output(scope, "output-vswitch-ids", outputName(name, "vswitch-ids"), { value: n.vswitchIds, description: `Node vSwitch ids of the VPC ${name}.` });
  if (n.podVSwitchIds.length > 0) {
    output(scope, "output-pod-vswitch-ids", outputName(name, "pod-vswitch-ids"), { value: n.podVSwitchIds, description: `Terway pod vSwitch ids of the VPC ${name}.` });
  }
}

/** Route tables a hybrid link writes to or uses. */
export interface LinkRouteTables {
  readonly vbrRouteTableId?: string;
  readonly vpcRouteTableId?: string;
  readonly transitRouterRouteTableId?: string;
}

/**
 * The route plan of a hybrid link: `<link>_data-center-routes` (what the data-centre routers
 * must carry, docs/ack-edge.md), `<link>_routes` (VBR and VPC route tables) and
 * `<link>_route-tables` (the ids of the tables involved).
 */
export function addLinkOutputs(scope: Construct, linkName: string, plan: { dataCenterRoutes: DataCenterRoute[]; routes: PlannedRoute[] }, tables: LinkRouteTables): void {
  output(scope, "data-center-routes", outputName(linkName, "data-center-routes"), {
    description: `Routes the data-centre routers of ${linkName} must carry or advertise (Terraform can't create them).`,
    // Lazy: read at synth, so routes added after construction (HybridLink._routeEdgePodCidr) are listed.
    value: Lazy.anyValue({ produce: () => plan.dataCenterRoutes.map((r) => ({ kind: r.kind, destination: r.destination, next_hop: r.nextHop, reason: r.reason })) }),
  });
  output(scope, "routes", outputName(linkName, "routes"), {
    description: `Route plan of ${linkName} (VBR and VPC route tables).`,
    value: Lazy.anyValue({ produce: () => plan.routes.map((r) => ({ table: r.table, destination: r.destination, next_hop: r.nextHop, origin: r.origin, reason: r.reason })) }),
  });
  const ids: { [key: string]: string } = {};
  if (tables.vbrRouteTableId !== undefined) ids.vbr = tables.vbrRouteTableId;
  if (tables.vpcRouteTableId !== undefined) ids.vpc = tables.vpcRouteTableId;
  if (tables.transitRouterRouteTableId !== undefined) ids.transit_router = tables.transitRouterRouteTableId;
  output(scope, "route-tables", outputName(linkName, "route-tables"), {
    description: `Route tables of ${linkName}: the VBR's, the VPC's and (CEN connectivity) the transit router's.`,
    value: ids,
  });
}

/** Properties of a {@link ClusterKubeconfig}. */
export interface ClusterKubeconfigProps {
  /** Id of the cluster (e.g. `cluster.clusterId`). */
  readonly clusterId: string;
  /** Name used in the output name `<clusterName>_kubeconfig`. */
  readonly clusterName: string;
  /**
   * Validity of the kubeconfig's credentials, in minutes (`temporary_duration_minutes`).
   * @default a long-lived kubeconfig as ACK issues it
   */
  readonly temporaryDurationMinutes?: number;
}

/**
 * Opt-in kubeconfig of a cluster: the provider's `alicloud_cs_cluster_credential` data source
 * and a sensitive output `<cluster>_kubeconfig`. The kubeconfig then sits in the Terraform state
 * (as every data-source result does): keep the state encrypted and access-controlled.
 */
export class ClusterKubeconfig extends Construct {
  /** The data source: an escape hatch. */
  public readonly credential: DataAlicloudCsClusterCredential;

  public constructor(scope: Construct, id: string, props: ClusterKubeconfigProps) {
    super(scope, id);
    this.credential = new (credentialL1().DataAlicloudCsClusterCredential)(this, "credential", {
      clusterId: props.clusterId,
      temporaryDurationMinutes: props.temporaryDurationMinutes,
    });
    output(this, "kubeconfig", outputName(props.clusterName, "kubeconfig"), {
      value: this.credential.kubeConfig,
      description: `kubeconfig of cluster ${props.clusterName} (sensitive: terraform output -raw ${outputName(props.clusterName, "kubeconfig")}).`,
      sensitive: true,
    });
  }
}
