import { Cidr, IpVersion, isRfc1918, reservedOverlaps } from "../../cidr";
import { PlanContext, plural } from "../context";
import { Severity } from "../finding";
import { ExternalRangeKind, NodePoolKind } from "../model";
import { rule } from "../rule";

export const VPC_MASK = rule(
  "A1-vpc-mask", Severity.ERROR, ["A-VPC-1"],
  "The VPC IPv4 CIDR has a prefix length from /8 to /28.",
  "VPC accepts primary IPv4 blocks from /8 to /28 (VPC docs; provider `alicloud_vpc.cidr_block`).",
);
export const VPC_PRIVATE = rule(
  "A2-vpc-private", Severity.ERROR, ["A-VPC-2"],
  "The VPC CIDR is inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 unless the account may use public ranges.",
  "VPC itself accepts custom ranges, but ACK needs the whitelist quota `ack.white_list/supportVPCWithPublicIPRanges` for a non-RFC 1918 VPC. Fails unless `allowPublicRanges` says the quota is granted.",
);
export const HYBRID_VPC_MASK = rule(
  "A3-hybrid-vpc-mask", Severity.WARNING, ["A-VPC-3"],
  "VPCs joined to other VPCs or a data centre use a mask no longer than /16.",
  "The network-planning guide recommends RFC 1918 subnets of /16 or shorter when several VPCs or a data centre are connected; a longer mask leaves little room to grow. Overlap between connected networks is a hard error (C-5, C-6).",
);
export const VSWITCH_IN_VPC = rule(
  "A4-vswitch-in-vpc", Severity.ERROR, ["A-VSW-1"],
  "Every vSwitch CIDR is inside its VPC CIDR and has a prefix length from /16 to /29.",
  "vSwitch blocks must be contained in (or equal to) the VPC block; the provider accepts masks 16..29 for `alicloud_vswitch.cidr_block`.",
);
export const VSWITCH_OVERLAP = rule(
  "A5-vswitch-overlap", Severity.ERROR, ["A-VSW-1"],
  "vSwitch CIDRs in one VPC do not overlap.",
  "VPC rejects a vSwitch that overlaps another in the same VPC. A Terway pod vSwitch that *is* a node vSwitch (same vSwitch) is rule F2-pod-vswitch-reuse instead.",
);
export const POD_CIDR_PRIVATE = rule(
  "A6-pod-cidr-private", Severity.ERROR, ["A-POD-1"],
  "The Flannel pod CIDR is inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.",
  "CreateCluster lists only private parent blocks for `container_cidr`. The exact prefix limits are an open question in the reference; any subnet of the three blocks is accepted here.",
);
export const SERVICE_CIDR_RANGE = rule(
  "A7-service-cidr", Severity.ERROR, ["A-SVC-1", "A-SVC-2"],
  "The service CIDR is a private block with a prefix length from /16 to /24.",
  "CreateCluster: service CIDR within 10.0.0.0/16-24, 172.16-31.0.0/16-24 or 192.168.0.0/16-24. Read here as: inside an RFC 1918 block, prefix /16..24 (the Terraform examples use 10.11.0.0/16, which only fits that reading). When omitted the API uses 172.19.0.0/20; this library always sets it.",
);
export const POD_VSWITCH_SIZE = rule(
  "A10-pod-vswitch-size", Severity.ERROR, ["A-PVSW-1"],
  "A Terway pod vSwitch has a prefix length of /25 or shorter.",
  "Longer masks leave too few pod addresses; CreateCluster gives /25 as the limit.",
);
export const POD_VSWITCH_RECOMMENDED = rule(
  "A11-pod-vswitch-recommended-size", Severity.WARNING, ["A-PVSW-1"],
  "A Terway pod vSwitch is /19 or larger (8,192 addresses).",
  "Recommended by CreateCluster and the console; /20 to /25 works but fills fast.",
);
export const RESERVED_RANGE = rule(
  "B1-reserved-range", Severity.ERROR, ["B-1", "B-2", "B-4"],
  "No VPC, vSwitch, pod or service range touches a reserved block.",
  "100.64.0.0/10 is used by Alibaba Cloud services (image pulls, metadata) and must stay reachable; 224.0.0.0/4, 127.0.0.0/8 and 169.254.0.0/16 (incl. NodeLocal DNSCache 169.254.20.10) are never valid; 0.0.0.0/8 and 240.0.0.0/4 are not usable.",
);
export const ADVISORY_RANGE = rule(
  "B3-advisory-range", Severity.WARNING, ["B-3"],
  "Avoid 7.0.0.0/8.",
  "Service Mesh guidance says blocks starting with 7 are reserved for ACK managed clusters; it is unclear whether that applies outside ASM, so this is a warning.",
);

export const RANGE_RULES = [
  VPC_MASK, VPC_PRIVATE, HYBRID_VPC_MASK, VSWITCH_IN_VPC, VSWITCH_OVERLAP, POD_CIDR_PRIVATE, SERVICE_CIDR_RANGE,
  POD_VSWITCH_SIZE, POD_VSWITCH_RECOMMENDED, RESERVED_RANGE, ADVISORY_RANGE,
];

function checkReserved(ctx: PlanContext, path: string, label: string, c: Cidr): void {
  for (const r of reservedOverlaps(c)) {
    ctx.report(r.advisory ? ADVISORY_RANGE : RESERVED_RANGE, ctx.path(path),
      `${label} ${c} overlaps ${r.cidr} (${r.reason}); choose a range outside it.`);
  }
}

/** Section A and B checks on the cluster's own ranges. */
export function checkRanges(ctx: PlanContext): void {
  const { input } = ctx;
  const vpc = ctx.cidr("vpc.cidr", input.vpc.cidr);
  if (vpc) {
    if (vpc.version !== IpVersion.V4 || vpc.prefix < 8 || vpc.prefix > 28) {
      ctx.report(VPC_MASK, ctx.path("vpc.cidr"), `VPC CIDR ${vpc} must be IPv4 with a prefix length from /8 to /28.`);
    }
    if (vpc.version === IpVersion.V4 && !isRfc1918(vpc) && !input.vpc.allowPublicRanges && reservedOverlaps(vpc).length === 0) {
      ctx.report(VPC_PRIVATE, ctx.path("vpc.cidr"),
        `VPC CIDR ${vpc} is not inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16; use a private range, or set allowPublicRanges if the account has the ack.white_list/supportVPCWithPublicIPRanges quota.`);
    }
    checkReserved(ctx, "vpc.cidr", "VPC CIDR", vpc);
    const connected = input.hasHybridLink || input.externalRanges.some((r) => r.kind === ExternalRangeKind.CONNECTED_VPC || r.kind === ExternalRangeKind.DATA_CENTER);
    if (connected && vpc.version === IpVersion.V4 && vpc.prefix > 16) {
      ctx.report(HYBRID_VPC_MASK, ctx.path("vpc.cidr"),
        `VPC CIDR ${vpc} is joined to other networks; a /16 or shorter block is recommended so the VPC can grow without renumbering.`);
    }
  }

  const vswitches = [
    ...input.nodeVSwitches.map((v) => ({ v, role: "node", path: `nodeVSwitches[${v.name}].cidr` })),
    ...input.podVSwitches.filter((v) => !v.sameAs).map((v) => ({ v, role: "pod", path: `podVSwitches[${v.name}].cidr` })),
  ];
  for (const { v, role, path } of vswitches) {
    const c = ctx.cidr(path, v.cidr);
    if (!c) continue;
    if (c.version !== IpVersion.V4 || c.prefix < 16 || c.prefix > 29) {
      ctx.report(VSWITCH_IN_VPC, ctx.path(path), `${role} vSwitch ${v.name} ${c} must be IPv4 with a prefix length from /16 to /29.`);
    } else if (vpc && !vpc.contains(c)) {
      ctx.report(VSWITCH_IN_VPC, ctx.path(path), `${role} vSwitch ${v.name} ${c} is not inside VPC ${vpc}; carve it from the VPC block.`);
    }
    checkReserved(ctx, path, `${role} vSwitch ${v.name}`, c);
    if (role === "pod" && c.version === IpVersion.V4) {
      if (c.prefix > 25) {
        ctx.report(POD_VSWITCH_SIZE, ctx.path(path),
          `pod vSwitch ${v.name} ${c} holds ${plural(c.size, "address")}; Terway pod vSwitches must be /25 or larger (/19 recommended).`);
      } else if (c.prefix > 19) {
        ctx.report(POD_VSWITCH_RECOMMENDED, ctx.path(path),
          `pod vSwitch ${v.name} ${c} holds ${plural(c.size, "address")}; /19 (8,192) or larger is recommended for pod vSwitches.`);
      }
    }
  }

  const pod = ctx.cidr("cni.podCidr", input.cni.podCidr);
  if (pod) {
    if (pod.version !== IpVersion.V4 || !isRfc1918(pod)) {
      ctx.report(POD_CIDR_PRIVATE, ctx.path("cni.podCidr"),
        `pod CIDR ${pod} must be inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.`);
    }
    checkReserved(ctx, "cni.podCidr", "pod CIDR", pod);
  }
  const edgePod = ctx.cidr("cni.edgePodCidr", input.cni.edgePodCidr);
  if (edgePod) {
    if (edgePod.version !== IpVersion.V4 || !isRfc1918(edgePod)) {
      ctx.report(POD_CIDR_PRIVATE, ctx.path("cni.edgePodCidr"),
        `edge pod CIDR ${edgePod} must be inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16.`);
    }
    checkReserved(ctx, "cni.edgePodCidr", "edge pod CIDR", edgePod);
  }

  const svc = ctx.cidr("serviceCidr", input.serviceCidr);
  if (svc) {
    if (svc.version !== IpVersion.V4 || !isRfc1918(svc) || svc.prefix < 16 || svc.prefix > 24) {
      ctx.report(SERVICE_CIDR_RANGE, ctx.path("serviceCidr"),
        `service CIDR ${svc} must be a /16 to /24 block inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (e.g. 172.21.0.0/20).`);
    }
    checkReserved(ctx, "serviceCidr", "service CIDR", svc);
  }

}

export const VPC_SPACE = rule(
  "A12-vpc-space", Severity.ERROR, ["A-VSW-1", "A-PVSW-1"],
  "The VPC has room for every vSwitch carved from it automatically.",
  "Automatic vSwitch blocks are carved first-fit from the VPC in zone order, sized from the expected nodes and pods per node (node vSwitch at least /24, pod vSwitch at least the recommended /19). When the VPC is too small the finding says how many addresses are missing; give a larger VPC, smaller expectations, or explicit CIDRs.",
);
export const NODE_POOL_ZONE = rule(
  "A13-node-pool-zone", Severity.ERROR, ["A-VSW-2"],
  "Every zone a cloud node pool uses has a node vSwitch.",
  "vSwitches are zonal: a pool placed in a zone where the network has no node vSwitch would get no vSwitch there (or none at all).",
);
RANGE_RULES.push(VPC_SPACE, NODE_POOL_ZONE);

/** A-VSW-2: cloud node pools only use zones that have node vSwitches. */
export function checkPoolZones(ctx: PlanContext): void {
  const zones = new Set(ctx.input.nodeVSwitches.map((v) => v.zone));
  for (const p of ctx.input.nodePools) {
    if (p.kind !== NodePoolKind.CLOUD) continue;
    const missing = p.zones.filter((z) => !zones.has(z));
    if (missing.length > 0 || p.zones.length === 0) {
      ctx.report(NODE_POOL_ZONE, ctx.path(`nodePools[${p.name}].zones`),
        `node pool ${p.name} uses zone${missing.length === 1 ? "" : "s"} ${missing.join(", ") || "(none)"} but the network has node vSwitches only in ${[...zones].join(", ") || "no zone"}; pick zones of the network or add vSwitches there.`);
    }
  }
}
