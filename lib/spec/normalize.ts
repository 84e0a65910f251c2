/**
 * A validated spec -> the fleet plan input: defaults applied, names and references checked
 * (S2, S3), every cluster resolved. Problems are findings with spec paths and lines; the input
 * is best effort (broken references are dropped) so that planning can still report the rest.
 */
import { InstanceTypeInfo } from "../plan/instance-types";
import { FleetPlanInput } from "../plan/fleet/model";
import { RuleInfo } from "../plan/rule";
import { DUPLICATE_NAME, MISSING_FIELD, UNKNOWN_REFERENCE } from "../plan/rules/fleet-rules";
import { DEFAULT_LOCAL_ASN, HybridConnectivity } from "../plan/hybrid";
import { LocatedFinding, located } from "./located-finding";
import { applyDefaults } from "./merge-defaults";
import { normalizeCluster, reportValues } from "./normalize-cluster";
import { checkTags, checkZones } from "../plan/values";
import { SourceMap, SpecPath, formatSpecPath } from "./source-map";
import { FleetSpec } from "./spec-types";

export interface NormalizedSpec {
  readonly input: FleetPlanInput;
  readonly findings: LocatedFinding[];
}

const list = (v: string[] | undefined): string[] => v ?? [];

/** Stack name of a shared VPC's network stack. */
export function sharedVpcStackName(name: string): string {
  return `vpc-${name}`;
}

export function normalizeSpec(spec: FleetSpec, source: SourceMap, file?: string): NormalizedSpec {
  const findings: LocatedFinding[] = [];
  const report = (rule: RuleInfo, path: SpecPath, message: string) => {
    // A field a cluster inherits from defaults is located at its defaults line.
    let line = source.lineOf(path);
    if (path[0] === "clusters" && !source.has(path) && source.has(["defaults", ...path.slice(2)])) line = source.lineOf(["defaults", ...path.slice(2)]);
    findings.push(located(rule, formatSpecPath(path), message, file, line));
  };

  const clusterNames = new Map<string, number>();
  const keep: number[] = [];
  spec.clusters.forEach((c, i) => {
    const first = clusterNames.get(c.name);
    if (first !== undefined) report(DUPLICATE_NAME, ["clusters", i, "name"], `cluster name ${c.name} is already used by clusters[${first}]; names must be unique (they name stacks and lock entries)`);
    else {
      clusterNames.set(c.name, i);
      keep.push(i);
    }
  });
  const sharedDefs = new Map<string, number>();
  (spec.sharedVpcs ?? []).forEach((s, i) => {
    if (sharedDefs.has(s.name)) report(DUPLICATE_NAME, ["sharedVpcs", i, "name"], `shared VPC ${s.name} is defined twice`);
    else sharedDefs.set(s.name, i);
    reportValues(checkTags("tags", s.tags), ["sharedVpcs", i, "tags"], report);
    if (s.zones) reportValues(checkZones("zones", s.zones).findings, ["sharedVpcs", i, "zones"], report);
    if (clusterNames.has(sharedVpcStackName(s.name))) {
      report(DUPLICATE_NAME, ["sharedVpcs", i, "name"], `shared VPC ${s.name} gets a stack named ${sharedVpcStackName(s.name)}, which is also a cluster name`);
    }
  });
  const sharedZones = new Map((spec.sharedVpcs ?? []).map((s) => [s.name, s.zones ? checkZones("zones", s.zones).unique : undefined]));
  const extra: InstanceTypeInfo[] = (spec.extraInstanceTypes ?? []).map((t) => ({ ...t }));

  const clusters = keep.map((i) => {
    const own = spec.clusters[i];
    const merged = applyDefaults(own, spec.defaults);
    return normalizeCluster(merged, own, i, sharedZones, extra, report);
  });
  const sharedUsed = new Set(clusters.flatMap((c) => (c.vpc.kind === "shared" ? [c.vpc.name] : [])));
  for (const name of sharedUsed) {
    if (clusterNames.has(sharedVpcStackName(name)) && !sharedDefs.has(name)) {
      const i = spec.clusters.findIndex((c) => c.vpc?.shared === name);
      report(DUPLICATE_NAME, ["clusters", Math.max(0, i), "vpc", "shared"], `shared VPC ${name} gets a stack named ${sharedVpcStackName(name)}, which is also a cluster name`);
    }
  }
  (spec.sharedVpcs ?? []).forEach((s, i) => {
    if (!sharedUsed.has(s.name)) report(UNKNOWN_REFERENCE, ["sharedVpcs", i, "name"], `shared VPC ${s.name} is used by no cluster (set vpc.shared: ${s.name} on its clusters)`);
  });

  const linkNames = new Set<string>();
  const hybridLinks = (spec.hybridLinks ?? []).flatMap((l, i) => {
    if (linkNames.has(l.name)) report(DUPLICATE_NAME, ["hybridLinks", i, "name"], `hybrid link name ${l.name} is used twice`);
    linkNames.add(l.name);
    if (!clusterNames.has(l.cluster)) {
      report(UNKNOWN_REFERENCE, ["hybridLinks", i, "cluster"], `hybrid link ${l.name} names cluster ${l.cluster}, which is not in the spec`);
      return [];
    }
    if (l.vbrId === undefined) {
      for (const k of ["vlanId", "localGatewayIp", "peerGatewayIp", "peeringSubnetMask"] as const) {
        if (l[k] === undefined) report(MISSING_FIELD, ["hybridLinks", i, k], `hybrid link ${l.name} creates a VBR and needs ${k} (or give vbrId to adopt an existing VBR)`);
      }
    }
    const connectivity = l.connectivity ?? HybridConnectivity.CEN_TRANSIT_ROUTER;
    return [{
      name: l.name,
      cluster: l.cluster,
      physicalConnectionId: l.physicalConnectionId,
      vbrId: l.vbrId,
      vbr: l.vbrId === undefined ? { vlanId: l.vlanId, localGatewayIp: l.localGatewayIp, peerGatewayIp: l.peerGatewayIp, peeringSubnetMask: l.peeringSubnetMask } : undefined,
      bgp: {
        localAsn: l.localAsn ?? DEFAULT_LOCAL_ASN,
        peerAsn: l.peerAsn,
        peerIps: l.peerIps ?? (l.vbrId === undefined && l.peerGatewayIp !== undefined ? [l.peerGatewayIp] : []),
        advertise: l.advertise ?? [],
        authKeySensitive: l.authKeyVariable === undefined ? undefined : true,
        extraExpectedRoutes: l.extraExpectedRoutes,
      },
      connectivity,
      hasAccessPoint: l.accessPointId !== undefined,
      hasVbrRouteTable: l.vbrId === undefined || l.vbrRouteTableId !== undefined,
      dataCenterCidrs: l.dataCenterCidrs,
      cloudPodCidrs: l.cloudPodCidrs ?? [],
      transitRouterVSwitchZones: l.transitRouterVSwitches?.map((v) => v.zone),
      replace: l.replace ?? false,
    }];
  });

  const connections = (spec.connections ?? []).map((k, i) => {
    const vpcs = k.vpcs.filter((v, j) => {
      const ok = clusterNames.has(v) || sharedUsed.has(v);
      if (!ok) report(UNKNOWN_REFERENCE, ["connections", i, "vpcs", j], `connection ${k.name ?? `connections[${i}]`} names ${v}, which is neither a cluster nor a shared VPC`);
      return ok;
    });
    return { name: k.name ?? `connection-${i + 1}`, vpcs, externalCidrs: k.externalCidrs ?? [] };
  });

  const pools = spec.pools ?? {};
  return {
    input: {
      pools: { vpc: list(pools.vpc), pods: list(pools.pods), services: list(pools.services), edgePods: list(pools.edgePods) },
      sharedVpcs: (spec.sharedVpcs ?? []).map((s) => ({
        name: s.name, cidr: s.cidr, prefix: s.prefix, zones: s.zones, nodeVSwitchCidrs: s.nodeVSwitchCidrs, podVSwitchCidrs: s.podVSwitchCidrs,
        ipv6: s.ipv6 ?? false, allowPublicRanges: false,
      })),
      clusters,
      hybridLinks,
      connections,
      extraInstanceTypes: extra,
    },
    findings,
  };
}
