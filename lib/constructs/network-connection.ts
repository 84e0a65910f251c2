import { Construct } from "constructs";
import { AckNetwork } from "./ack-network";
import { Token } from "./cdktf";
import { AppEstate, EstateBuilder } from "./estate";

/** Properties of a {@link NetworkConnection}. */
export interface NetworkConnectionProps {
  /** The networks joined: each reaches every other. */
  readonly networks: AckNetwork[];
  /**
   * CIDRs of networks outside this app on the same connection (other VPCs on the CEN, a VPN's far side).
   * @default none
   */
  readonly externalCidrs?: string[];
  /**
   * Name used in messages.
   * @default the construct id
   */
  readonly connectionName?: string;
}

/**
 * Declares that networks reach each other (CEN, VPC peering, VPN) so that their ranges are
 * checked against each other (rule C5-connected-overlap), as `connections` does in a fleet
 * spec. It creates no resource: the connection itself is made elsewhere.
 */
export class NetworkConnection extends Construct {
  public readonly networks: AckNetwork[];
  public readonly externalCidrs: string[];
  public readonly connectionName: string;

  public constructor(scope: Construct, id: string, props: NetworkConnectionProps) {
    super(scope, id);
    this.networks = [...props.networks];
    this.externalCidrs = [...(props.externalCidrs ?? [])];
    this.connectionName = props.connectionName ?? id;
    AppEstate.of(this).register(this);
  }

  /** @internal */
  public _contributeTo(builder: EstateBuilder): void {
    builder.connections.push({
      name: this.connectionName,
      vpcs: this.networks.map((n) => n.node.path),
      externalCidrs: this.externalCidrs.filter((c) => !Token.isUnresolved(c)),
    });
  }
}
