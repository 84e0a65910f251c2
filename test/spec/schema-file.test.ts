import * as fs from "fs";
import * as path from "path";
import { SPEC_SCHEMA_PATH, specSchemaText } from "../../scripts/gen-spec-schema";

describe("schema/spec.schema.json", () => {
  test("is exactly what scripts/gen-spec-schema.ts generates from the zod schemas", () => {
    const committed = fs.readFileSync(path.join(__dirname, "..", "..", SPEC_SCHEMA_PATH), "utf8");
    expect(committed).toBe(specSchemaText());
  });

  test("is a draft 2020-12 schema with the main definitions and strict objects", () => {
    const schema = JSON.parse(specSchemaText()) as { $schema: string; required: string[]; additionalProperties: boolean; $defs: Record<string, unknown> };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.required).toEqual(["region", "clusters"]);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.$defs)).toEqual(expect.arrayContaining(["Cluster", "ClusterSettings", "Cni", "Vpc", "NodePool", "HybridLink", "Pools", "Cidr"]));
  });
});
