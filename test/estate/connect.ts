/**
 * CEN / peering / VPN between networks, in the construct front-end. The one place that depends
 * on the construct API for connections (issue 8's estate work).
 */
import { ConnectFn } from "./estate-model";

export const connectNetworks: ConnectFn = (_scope, id, c) => {
  throw new Error(`the constructs have no way to join networks by ${c.type} (connection ${id}); the spec has connections[]`);
};
