export {
  ConformanceSeverity,
  ConformanceCode,
  checkConformance,
  checkConformanceOfDirectory,
  formatIssues,
  assertConformance,
  assertConformanceOfDirectory,
} from "./schema-conformance";
export type { ConformanceIssue, ConformanceCodeValue } from "./schema-conformance";
export {
  loadProviderSchema,
  createProviderSchemaBundle,
  findPackageRoot,
  defaultSchemaPath,
  defaultConstraintsPath,
  parseCtyType,
  compileGoPattern,
} from "./provider-schema";
export type {
  ProviderSchemaBundle,
  CtyType,
  NestingMode,
  SchemaAttribute,
  SchemaBlock,
  SchemaBlockType,
  SchemaNestedType,
  AttributeConstraint,
  TypeConstraints,
  NumericBounds,
  AllowedValue,
} from "./provider-schema";
export { checkCtyValue, ctyTypeName, toCtyBool, toCtyNumber, toCtyString } from "./cty-values";
export type { TypeMismatch } from "./cty-values";
