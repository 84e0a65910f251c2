import { IConstruct } from "constructs";
import { EstateCluster, EstateConnection, EstateInput, EstateLink, EstatePlan, EstateVpc, planEstate } from "../plan/estate";

/**
 * Something that puts facts into the estate of its App: a network, a cluster, a hybrid link,
 * a connection. Implemented by the constructs of this library; not for users.
 */
export interface IEstateMember extends IConstruct {
  /** @internal Adds what this construct knows to the estate being built. */
  _contributeTo(builder: EstateBuilder): void;
}

/** Collects the estate of an App from its constructs, in construction order. */
export class EstateBuilder {
  public readonly vpcs: EstateVpc[] = [];
  public readonly clusters: EstateCluster[] = [];
  public readonly links: EstateLink[] = [];
  public readonly connections: EstateConnection[] = [];

  private readonly vpcKeys = new Set<string>();

  /** True when the VPC with this key was contributed already. */
  public hasVpc(key: string): boolean {
    return this.vpcKeys.has(key);
  }

  /** Adds a VPC once. */
  public addVpc(vpc: EstateVpc): void {
    if (this.vpcKeys.has(vpc.key)) return;
    this.vpcKeys.add(vpc.key);
    this.vpcs.push(vpc);
  }

  public get input(): EstateInput {
    return { vpcs: this.vpcs, clusters: this.clusters, links: this.links, connections: this.connections };
  }
}

/** How often an App's estate was planned in this process (npm run bench, tests). */
export const estateCounters = { plans: 0 };

const ESTATES = new WeakMap<IConstruct, AppEstate>();

/**
 * The estate of one App: every AckNetwork, cluster, node pool, HybridLink and
 * NetworkConnection registers here when it is created; at synth the estate is planned once
 * (planEstate, the planner of fleet specs too) and each construct's validation returns the
 * findings it owns. Adding a construct (or a node pool) later invalidates the plan.
 *
 * Constructs built by a Fleet are planned by the fleet's own estate plan (once per cluster);
 * here they are context: their ranges count for the other constructs of the App, and they
 * are not planned again.
 */
export class AppEstate {
  /** The estate of the App `scope` belongs to. */
  public static of(scope: IConstruct): AppEstate {
    const root = scope.node.root;
    let estate = ESTATES.get(root);
    if (!estate) {
      estate = new AppEstate();
      ESTATES.set(root, estate);
    }
    return estate;
  }

  private readonly members: IEstateMember[] = [];
  private ownMembers = 0;
  private readonly planned = new WeakSet<IConstruct>();
  private cached?: EstatePlan;

  private constructor() {}

  /** Marks a scope whose constructs are planned elsewhere (a Fleet). */
  public plannedElsewhere(scope: IConstruct): void {
    this.planned.add(scope);
  }

  /** True when the construct is inside a scope planned elsewhere. */
  public isPlannedElsewhere(c: IConstruct): boolean {
    return c.node.scopes.some((s) => this.planned.has(s));
  }

  /**
   * Registers a construct. Returns false when it is planned elsewhere (built by a Fleet): it
   * then takes part as context only (its ranges and capacity count, it is not planned again).
   */
  public register(member: IEstateMember): boolean {
    const own = !this.isPlannedElsewhere(member);
    this.members.push(member);
    if (own) this.ownMembers++;
    this.cached = undefined;
    return own;
  }

  /** True when something outside a Fleet was registered (otherwise the fleet's plan is all there is). */
  public get hasOwnMembers(): boolean {
    return this.ownMembers > 0;
  }

  /** Something the plan depends on changed (a node pool, a link attached). */
  public invalidate(): void {
    this.cached = undefined;
  }

  /** The plan of the whole App, computed once and reused until something changes. */
  public plan(): EstatePlan {
    if (!this.cached) {
      const builder = new EstateBuilder();
      for (const m of this.members) m._contributeTo(builder);
      estateCounters.plans++;
      this.cached = planEstate(builder.input);
    }
    return this.cached;
  }
}
