/** Fleet planning: address pools, lock file, cross-cluster rules and the change guard. Pure. */
export * from "./model";
export * from "./lock";
export * from "./sizing";
export * from "./topology";
export * from "./allocate";
export * from "./fixed-fields";
export * from "./change-guard";
export * from "./lock-update";
export * from "./plan-fleet";
export * from "./hybrid-links";
