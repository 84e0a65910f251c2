export * from "./model";
export * from "./plan-estate";
export { buildDomains, EstateDomains } from "./domains";
