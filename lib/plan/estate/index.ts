export * from "./model";
export * from "./plan-estate";
export { buildDomains } from "./domains";
export type { EstateDomains } from "./domains";
