/**
 * Add-on names for ACK Edge clusters (`alicloud_cs_managed_kubernetes` with `profile = "Edge"`),
 * kept in one place, with what confirms each. The sources are recorded in docs/ack-edge.md
 * ("Add-on names").
 *
 * - `flannel`: the provider's `alicloud_cs_edge_kubernetes` docs (1.289.0: "If you want to use
 *   Flannel ... specify the `pod_cidr` field and addons with `flannel`").
 * - `terway-edge`: the ACK component page of Terway Edge is named `terway-edge` and lists
 *   "terway-edge version" against Kubernetes versions
 *   (https://help.aliyun.com/en/ack/product-overview/terway-edge); the Terway Edge user guide has
 *   "Network Plug-in: Select Terway-edge"
 *   (https://www.alibabacloud.com/help/en/ack/ack-edge/user-guide/how-to-use-the-terway-edge-network-plugin).
 *   `terway-eniip` is the ACK managed-cluster Terway add-on, not the ACK Edge one.
 * - `csi-plugin` and `csi-provisioner`: "ACK Edge clusters reuse the CSI plug-ins (csi-plugin and
 *   csi-provisioner) from ACK clusters" (ACK Edge storage overview,
 *   https://help.aliyun.com/en/ack/ack-edge/user-guide/storage-overview/). ACK Edge documents no
 *   `managed-csiprovisioner` (the managed-cluster Pro add-on).
 */
export const EDGE_ADDON = {
  /** Flannel (VXLAN) for ACK Edge. */
  FLANNEL: "flannel",
  /** Terway Edge: Terway on cloud pools, Flannel route mode on edge pools. */
  TERWAY_EDGE: "terway-edge",
  /** CSI node plugin (ACK Edge storage overview). */
  CSI_PLUGIN: "csi-plugin",
  /** CSI provisioner (ACK Edge storage overview; not the managed-cluster `managed-csiprovisioner`). */
  CSI_PROVISIONER: "csi-provisioner",
} as const;

// The terway-edge version compatibility table is a planner fact: lib/plan/rules/version-rules.ts.
