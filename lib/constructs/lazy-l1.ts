/**
 * Binding modules that only some configurations need, loaded when a construct first creates
 * one of their resources (issue 12): a fleet without router-interface links, ACK Edge security
 * groups, IPv6 or kubeconfig outputs does not load them at start-up. The constructs import
 * their classes with `import type` (public member types are unchanged) and create them through
 * these. test/bench/lazy-bindings-loaded.test.ts checks that the default app loads only the
 * binding modules of the resources it synthesizes.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
type DataAccountModule = typeof import("../providers/alicloud/data-alicloud-account");
type CredentialModule = typeof import("../providers/alicloud/data-alicloud-cs-cluster-credential");
type RouterInterfaceModule = typeof import("../providers/alicloud/express-connect-router-interface");
type RouteEntryModule = typeof import("../providers/alicloud/route-entry");
type SecurityGroupModule = typeof import("../providers/alicloud/security-group");
type SecurityGroupRuleModule = typeof import("../providers/alicloud/security-group-rule");
type BgpNetworkModule = typeof import("../providers/alicloud/vpc-bgp-network");
type Ipv6GatewayModule = typeof import("../providers/alicloud/vpc-ipv6-gateway");

export const dataAccountL1 = (): DataAccountModule => require("../providers/alicloud/data-alicloud-account") as DataAccountModule;
export const credentialL1 = (): CredentialModule => require("../providers/alicloud/data-alicloud-cs-cluster-credential") as CredentialModule;
export const routerInterfaceL1 = (): RouterInterfaceModule => require("../providers/alicloud/express-connect-router-interface") as RouterInterfaceModule;
export const routeEntryL1 = (): RouteEntryModule => require("../providers/alicloud/route-entry") as RouteEntryModule;
export const securityGroupL1 = (): SecurityGroupModule => require("../providers/alicloud/security-group") as SecurityGroupModule;
export const securityGroupRuleL1 = (): SecurityGroupRuleModule => require("../providers/alicloud/security-group-rule") as SecurityGroupRuleModule;
export const bgpNetworkL1 = (): BgpNetworkModule => require("../providers/alicloud/vpc-bgp-network") as BgpNetworkModule;
export const ipv6GatewayL1 = (): Ipv6GatewayModule => require("../providers/alicloud/vpc-ipv6-gateway") as Ipv6GatewayModule;
