/** The fleet spec file: types, zod schemas (and the JSON Schema), loading, checking, the lock file. */
export * from "./spec-types";
export * from "./spec-schema";
export * from "./source-map";
export * from "./located-finding";
export * from "./load-spec";
export * from "./merge-defaults";
export * from "./normalize";
export * from "./lock-file";
export * from "./check-spec";
