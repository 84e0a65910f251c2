export * from "./finding";
export * from "./rule";
export * from "./model";
export * from "./instance-types";
export * from "./capacity";
export * from "./catalogue";
export * from "./plan-cluster";
export { compareKubernetesVersions } from "./context";
export * from "./layout";
