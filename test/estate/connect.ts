/**
 * CEN / peering / VPN between networks, in the construct front-end: a NetworkConnection
 * declares that the networks reach each other, as `connections[]` does in a spec. (The type,
 * CEN, peering or VPN, is not a fact the rules use; the spec side gets it all the same.)
 */
import { NetworkConnection } from "../../lib";
import { ConnectFn } from "./estate-model";

export const connectNetworks: ConnectFn = (scope, id, c, networks) => {
  new NetworkConnection(scope, id, { networks, connectionName: c.name, ...(c.externalCidrs.length > 0 ? { externalCidrs: [...c.externalCidrs] } : {}) });
};
