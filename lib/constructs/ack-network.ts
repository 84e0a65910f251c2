import { Construct } from "constructs";
import { Token } from "./cdktf";
import { AppEstate, EstateBuilder } from "./estate";
import { addPlanValidation } from "./validation";
import { Cidr, CidrError } from "../cidr";
import { Finding } from "../plan/finding";
import { VSwitchPlan } from "../plan/model";
import { LayoutSizing, layoutVSwitches, nodeVSwitchPrefix, podVSwitchPrefix } from "../plan/layout";
import { VPC_SPACE } from "../plan/rules/range-rules";
import { INVALID_CIDR } from "../plan/rules/input-rules";
import { CONFLICTING_FIELDS, DUPLICATE_NAME, MISSING_FIELD } from "../plan/rules/fleet-rules";
import { RuleInfo } from "../plan/rule";
import { checkCount, checkSizing, checkTags, checkZones } from "../plan/values";
import { EipAddress } from "../providers/alicloud/eip-address";
import { EipAssociation } from "../providers/alicloud/eip-association";
import { NatGateway } from "../providers/alicloud/nat-gateway";
import { SnatEntry } from "../providers/alicloud/snat-entry";
import { Vpc } from "../providers/alicloud/vpc";
import { Vswitch } from "../providers/alicloud/vswitch";
import { ipv6GatewayL1 } from "./lazy-l1";

/** A vSwitch that exists already, adopted by id. Its CIDR is needed to check the plan. */
export interface ExistingVSwitch {
  /** vSwitch id, e.g. `vsw-bp1...`. */
  readonly id: string;
  /** Zone, e.g. `cn-hangzhou-i`. */
  readonly zone: string;
  /** IPv4 CIDR of the vSwitch. */
  readonly cidr: string;
}

/** A vSwitch of the network, created here or adopted. */
export interface NetworkVSwitch {
  /** Name used in messages and resource names. */
  readonly name: string;
  /** Id (a token when created here). */
  readonly id: string;
  readonly zone: string;
  /** IPv4 CIDR, when known at synth time. */
  readonly cidr?: string;
  /** True when adopted by id. */
  readonly existing: boolean;
  /** Name of the node vSwitch this pod vSwitch is (same id), rule F-2. */
  readonly sameAs?: string;
}

/** Properties of a new {@link AckNetwork}. */
export interface AckNetworkProps {
  /**
   * Zones to place vSwitches in, e.g. `["cn-hangzhou-i", "cn-hangzhou-j"]`.
   */
  readonly zones: string[];
  /**
   * IPv4 CIDR of the new VPC.
   * @default "192.168.0.0/16"
   */
  readonly vpcCidr?: string;
  /**
   * Node vSwitch CIDRs, one per zone in the order of `zones`.
   * @default carved from the VPC, sized from `expectedNodes`
   */
  readonly nodeVSwitchCidrs?: string[];
  /**
   * Terway pod vSwitch CIDRs, one per zone in the order of `zones`. Only created when a
   * Terway cluster uses the network.
   * @default carved from the VPC, sized from `expectedNodes` x `expectedPodsPerNode` (at least /19)
   */
  readonly podVSwitchCidrs?: string[];
  /**
   * Nodes the clusters of this network are expected to reach (sizes carved vSwitches).
   * @default 100
   */
  readonly expectedNodes?: number;
  /**
   * Pods per node to size carved pod vSwitches for.
   * @default 64
   */
  readonly expectedPodsPerNode?: number;
  /**
   * Internet egress for nodes and pods: an enhanced NAT gateway, an EIP and one SNAT entry
   * per vSwitch.
   * @default true
   */
  readonly egress?: boolean;
  /**
   * IPv6 on the VPC and its vSwitches, and an IPv6 gateway (needed for dual-stack clusters).
   * @default false
   */
  readonly ipv6?: boolean;
  /**
   * Name prefix of the cloud resources.
   * @default the construct id
   */
  readonly name?: string;
  /**
   * Tags for every resource that takes them.
   * @default none
   */
  readonly tags?: { [key: string]: string };
}

/** Properties of {@link AckNetwork.fromExisting}. */
export interface ExistingNetworkProps {
  /** Id of the existing VPC. */
  readonly vpcId: string;
  /** Its IPv4 CIDR, to check the plan against. */
  readonly vpcCidr: string;
  /** Node vSwitches, with zones and CIDRs. */
  readonly nodeVSwitches: ExistingVSwitch[];
  /**
   * Terway pod vSwitches, with zones and CIDRs.
   * @default none (a Terway cluster then fails rule F1-pod-vswitch-zones)
   */
  readonly podVSwitches?: ExistingVSwitch[];
  /**
   * Whether the VPC has IPv6 enabled.
   * @default false
   */
  readonly ipv6?: boolean;
  /**
   * The account has the `ack.white_list/supportVPCWithPublicIPRanges` quota (rule A-VPC-2).
   * @default false
   */
  readonly allowPublicRanges?: boolean;
}

/**
 * Set by {@link AckNetwork.fromExisting} around its `new`, so that the public constructor keeps
 * the plain `(scope, id, props)` shape and the adopted case needs no extra parameter.
 */
let adopting: ExistingNetworkProps | undefined;

/** Something that uses a network (a cluster). */
export interface INetworkMember {
  /** Unique name in the network. */
  readonly memberName: string;
}

/**
 * A VPC for ACK: per zone a node vSwitch and, when a Terway cluster uses it, a pod vSwitch;
 * NAT egress and IPv6 on request. CIDRs are given or carved from the VPC deterministically.
 * Or an existing VPC and vSwitches adopted by id ({@link AckNetwork.fromExisting}).
 */
export class AckNetwork extends Construct {
  /** Adopts an existing VPC and vSwitches. Nothing is created. */
  public static fromExisting(scope: Construct, id: string, props: ExistingNetworkProps): AckNetwork {
    adopting = props;
    try {
      return new AckNetwork(scope, id, { zones: [...new Set(props.nodeVSwitches.map((v) => v.zone))], vpcCidr: props.vpcCidr, ipv6: props.ipv6, egress: false });
    } finally {
      adopting = undefined;
    }
  }

  /** VPC id (a token when created here). */
  public readonly vpcId: string;
  /** VPC IPv4 CIDR, when known at synth time. */
  public readonly vpcCidr?: string;
  /** Zones of the network. */
  public readonly zones: string[];
  /** Node vSwitches, one per zone (or as adopted). */
  public readonly nodeVSwitches: NetworkVSwitch[];
  /** True when the VPC has IPv6. */
  public readonly ipv6: boolean;
  /** True when the VPC was adopted. */
  public readonly existing: boolean;
  /** Account may use a non-RFC 1918 VPC range (A-VPC-2). */
  public readonly allowPublicRanges: boolean;
  /** Name prefix of the resources. */
  public readonly namePrefix: string;
  /** The VPC resource (undefined when adopted): an escape hatch. */
  public readonly vpc?: Vpc;
  /** The NAT gateway (when egress is on). */
  public readonly natGateway?: NatGateway;

  private podVSwitchList?: NetworkVSwitch[];
  private readonly props: AckNetworkProps;
  private readonly existingProps?: ExistingNetworkProps;
  private readonly layoutFindings: Finding[] = [];
  private readonly propFindings: Finding[] = [];
  private snatRefs?: { readonly table: string; readonly ip: string };
  private readonly members: INetworkMember[] = [];
  private readonly vswitchResources: Vswitch[] = [];
  private eip?: EipAddress;
  private ipv6Index = 0;

  public constructor(scope: Construct, id: string, props: AckNetworkProps) {
    super(scope, id);
    this.props = props;
    this.existingProps = adopting;
    adopting = undefined;
    this.existing = this.existingProps !== undefined;
    // Bad props are findings at synth (all listed at once), never an exception here.
    const zoneCheck = checkZones(`${props.name ?? id}.zones`, props.zones ?? []);
    this.propFindings.push(...zoneCheck.findings);
    this.zones = zoneCheck.unique;
    this.ipv6 = props.ipv6 ?? false;
    this.namePrefix = props.name ?? id;
    this.allowPublicRanges = this.existingProps?.allowPublicRanges ?? false;

    if (this.existingProps) {
      this.vpcId = this.existingProps.vpcId;
      this.vpcCidr = this.existingProps.vpcCidr;
      this.nodeVSwitches = this.existingProps.nodeVSwitches.map((v, i) => ({ name: `node-${i + 1}-${v.zone}`, id: v.id, zone: v.zone, cidr: v.cidr, existing: true }));
      this.podVSwitchList = (this.existingProps.podVSwitches ?? []).map((v, i) => ({
        name: `pod-${i + 1}-${v.zone}`, id: v.id, zone: v.zone, cidr: v.cidr, existing: true,
        sameAs: this.nodeVSwitches.find((n) => n.id === v.id)?.name,
      }));
    } else {
      this.vpcCidr = props.vpcCidr ?? "192.168.0.0/16";
      this.vpc = new Vpc(this, "vpc", {
        vpcName: this.namePrefix,
        cidrBlock: this.vpcCidr,
        enableIpv6: this.ipv6 ? true : undefined,
        tags: props.tags,
      });
      this.vpcId = this.vpc.id;
      if (this.ipv6) new (ipv6GatewayL1().VpcIpv6Gateway)(this, "ipv6-gateway", { vpcId: this.vpcId, ipv6GatewayName: `${this.namePrefix}-ipv6`, tags: props.tags });
      const cidrs = this.chooseCidrs("node", props.nodeVSwitchCidrs, nodeVSwitchPrefix(this.sizing, this.zones.length), []);
      this.nodeVSwitches = this.zones.map((zone, i) => this.createVSwitch(`node-${zone}`, zone, cidrs[i]));
      // No zone (N6-zones, reported at synth): no vSwitch to put the NAT gateway in.
      if ((props.egress ?? true) && this.nodeVSwitches.length > 0) {
        const first = this.nodeVSwitches[0];
        this.natGateway = new NatGateway(this, "nat", {
          vpcId: this.vpcId,
          natGatewayName: `${this.namePrefix}-nat`,
          natType: "Enhanced",
          vswitchId: first.id,
          paymentType: "PayAsYouGo",
          internetChargeType: "PayByLcu",
          networkType: "internet",
          tags: props.tags,
        });
        this.eip = new EipAddress(this, "nat-eip", {
          addressName: `${this.namePrefix}-nat`,
          paymentType: "PayAsYouGo",
          internetChargeType: "PayByTraffic",
          bandwidth: "100",
          tags: props.tags,
        });
        new EipAssociation(this, "nat-eip-association", { allocationId: this.eip.id, instanceId: this.natGateway.id, instanceType: "Nat" });
        this.nodeVSwitches.forEach((v) => this.addSnat(v));
      }
    }
    const estate = AppEstate.of(this);
    estate.register(this);
    // A network built by a Fleet gets VPC findings here only when constructs outside the fleet use it.
    addPlanValidation(this, () => [...this.propFindings, ...this.ownCidrFindings(), ...this.layoutFindings, ...(estate.hasOwnMembers ? estate.plan().vpcFindings.get(this.node.path) ?? [] : [])]);
  }

  /** @internal The VPC and its vSwitches, as the estate planner sees them (tokens left out). */
  public _contributeTo(builder: EstateBuilder): void {
    const literal = (x: string | undefined) => (x === undefined || Token.isUnresolved(x) ? undefined : x);
    const plans = (list: NetworkVSwitch[]): VSwitchPlan[] => list.map((v) => ({ name: v.name, zone: v.zone, cidr: literal(v.cidr), existing: v.existing, sameAs: v.sameAs }));
    builder.addVpc({
      key: this.node.path,
      name: this.namePrefix,
      path: this.namePrefix,
      cidr: literal(this.vpcCidr),
      existing: this.existing,
      ipv6: this.ipv6,
      allowPublicRanges: this.allowPublicRanges,
      nodeVSwitches: plans(this.nodeVSwitches),
      podVSwitches: plans(this.podVSwitchList ?? []),
    });
  }

  private get sizing(): LayoutSizing {
    const count = (v: number | undefined, d: number) => (typeof v === "number" && Number.isInteger(v) && v >= 1 ? v : d);
    return { expectedNodes: count(this.props.expectedNodes, 100), podsPerNode: count(this.props.expectedPodsPerNode, 64) };
  }

  private finding(rule: RuleInfo, path: string, message: string): Finding {
    return { ruleId: rule.id, severity: rule.severity, sources: rule.sources, path, message };
  }

  /** Prop checks (N5 counts and sizes, N2 tags); pod sizing only when pod vSwitches are carved. */
  private checkProps(carvesPods: boolean): Finding[] {
    const p = this.props;
    const at = this.namePrefix;
    const counts = [
      ...checkCount(`${at}.expectedNodes`, "expectedNodes", p.expectedNodes, 1),
      ...checkCount(`${at}.expectedPodsPerNode`, "expectedPodsPerNode", p.expectedPodsPerNode, 1),
    ];
    const sizing = this.existing ? [] : checkSizing(at, {
      zones: this.zones.length,
      expectedNodes: p.nodeVSwitchCidrs && (!carvesPods || p.podVSwitchCidrs) ? undefined : this.sizing.expectedNodes,
      terwayPodsPerNode: carvesPods && !p.podVSwitchCidrs ? this.sizing.podsPerNode : undefined,
    });
    return [...counts, ...sizing, ...checkTags(`${at}.tags`, p.tags)];
  }

  /**
   * A0 for the network's own CIDRs when no cluster uses it (a cluster's plan checks them
   * otherwise, so they are reported once).
   */
  private ownCidrFindings(): Finding[] {
    const out = this.checkProps(this.podVSwitchList !== undefined && !this.existing && this.props.podVSwitchCidrs === undefined);
    if (this.members.length > 0) return out;
    const check = (path: string, text: string | undefined) => {
      if (text === undefined || Token.isUnresolved(text)) return;
      try {
        Cidr.parse(text);
      } catch (e) {
        if (!(e instanceof CidrError)) throw e;
        out.push(this.finding(INVALID_CIDR, path, e.message));
      }
    };
    check(`${this.namePrefix}.vpcCidr`, this.vpcCidr);
    (this.existing ? [] : this.props.nodeVSwitchCidrs ?? []).forEach((c, i) => check(`${this.namePrefix}.nodeVSwitchCidrs[${i}]`, c));
    (this.existing ? [] : this.props.podVSwitchCidrs ?? []).forEach((c, i) => check(`${this.namePrefix}.podVSwitchCidrs[${i}]`, c));
    return out;
  }

  /** Clusters registered in this network (for the same-VPC overlap rules). */
  public get clusters(): INetworkMember[] {
    return [...this.members];
  }

  /** Registers a cluster as a user of the network. */
  public addMember(member: INetworkMember): void {
    if (this.members.some((m) => m.memberName === member.memberName)) {
      this.propFindings.push(this.finding(DUPLICATE_NAME, `${this.namePrefix}.clusters[${member.memberName}]`, `a cluster named ${member.memberName} is already in this network; give each cluster its own clusterName.`));
      return;
    }
    this.members.push(member);
  }

  /**
   * Terway pod vSwitches, one per zone: the given or adopted ones, or carved from the VPC on
   * first use (after the node vSwitches, so their blocks never move).
   */
  public podVSwitches(): NetworkVSwitch[] {
    if (!this.podVSwitchList) {
      const taken = this.nodeVSwitches.map((v) => v.cidr).filter((c): c is string => c !== undefined && !Token.isUnresolved(c));
      const cidrs = this.chooseCidrs("pod", this.props.podVSwitchCidrs, podVSwitchPrefix(this.sizing, this.zones.length), taken);
      this.podVSwitchList = this.zones.map((zone, i) => this.createVSwitch(`pod-${zone}`, zone, cidrs[i]));
      if (this.natGateway) this.podVSwitchList.forEach((v) => this.addSnat(v));
      AppEstate.of(this).invalidate();
    }
    return this.podVSwitchList;
  }

  /** True when pod vSwitches exist (given, adopted, or created by a Terway cluster). */
  public get hasPodVSwitches(): boolean {
    return (this.podVSwitchList?.length ?? 0) > 0;
  }

  private chooseCidrs(role: string, given: string[] | undefined, prefix: number, taken: string[]): Array<string | undefined> {
    if (given) {
      if (given.length !== this.zones.length) {
        this.propFindings.push(this.finding(CONFLICTING_FIELDS, `${this.namePrefix}.${role}VSwitchCidrs`, `${role}VSwitchCidrs has ${given.length} entries but there are ${this.zones.length} zones; give one CIDR per zone, in zone order.`));
      }
      return this.zones.map((_, i) => given[i]);
    }
    const vpc = this.vpcCidr;
    if (vpc === undefined || Token.isUnresolved(vpc)) {
      this.propFindings.push(this.finding(MISSING_FIELD, `${this.namePrefix}.${role}VSwitchCidrs`, `the VPC CIDR is not known at synth time, so ${role} vSwitches can't be carved; give ${role}VSwitchCidrs.`));
      return this.zones.map(() => undefined);
    }
    // A VPC CIDR that does not parse is reported (A0) by the cluster's plan, or by ownCidrFindings.
    if (Cidr.tryParse(vpc) === undefined) return this.zones.map(() => undefined);
    const layout = layoutVSwitches(vpc, role, this.zones, prefix, [...taken, ...(this.props.nodeVSwitchCidrs ?? [])]);
    for (const f of layout.failures) {
      this.layoutFindings.push({
        ruleId: VPC_SPACE.id, severity: VPC_SPACE.severity, sources: VPC_SPACE.sources,
        path: `${this.namePrefix}.${role}VSwitches[${f.id}]`,
        message: `VPC ${vpc} has no room left for a /${f.prefix} ${role} vSwitch in ${f.id.slice(role.length + 1)} (${f.missingAddresses.toLocaleString("en-US")} addresses missing); use a larger VPC, lower expectedNodes/expectedPodsPerNode, or give ${role}VSwitchCidrs.`,
      });
    }
    return this.zones.map((z) => layout.vswitches.find((v) => v.zone === z)?.cidr);
  }

  private createVSwitch(name: string, zone: string, cidr: string | undefined): NetworkVSwitch {
    const v = new Vswitch(this, name, {
      vpcId: this.vpcId,
      vswitchName: `${this.namePrefix}-${name}`,
      zoneId: zone,
      // A block that could not be carved is reported by A12-vpc-space; synthesis fails on it.
      cidrBlock: cidr ?? "0.0.0.0/32",
      enableIpv6: this.ipv6 ? true : undefined,
      ipv6CidrBlockMask: this.ipv6 ? this.ipv6Index++ : undefined,
      tags: this.props.tags,
    });
    this.vswitchResources.push(v);
    return { name, id: v.id, zone, cidr, existing: false };
  }

  private addSnat(v: NetworkVSwitch): void {
    if (!this.natGateway || !this.eip) return;
    // The NAT's SNAT table and the EIP's address, read once for every entry (a token each).
    this.snatRefs ??= { table: this.natGateway.snatTableIds, ip: this.eip.ipAddress };
    new SnatEntry(this, `snat-${v.name}`, {
      snatTableId: this.snatRefs.table,
      sourceVswitchId: v.id,
      snatIp: this.snatRefs.ip,
    });
  }
}
