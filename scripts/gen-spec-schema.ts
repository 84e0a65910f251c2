/**
 * Writes schema/spec.schema.json from the zod schemas of lib/spec (the one source of the
 * spec's runtime validation). Build, then: `node dist/scripts/gen-spec-schema.js`.
 * test/spec/schema-file.test.ts fails when the committed file is not what this writes.
 */
import * as fs from "fs";
import * as path from "path";
import { specJsonSchema } from "../lib/spec/spec-schema";

/** The schema file's exact text. */
export function specSchemaText(): string {
  return `${JSON.stringify(specJsonSchema(), null, 2)}\n`;
}

/** The package root: the nearest directory above `from` with a package.json. */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

export const SPEC_SCHEMA_PATH = path.join("schema", "spec.schema.json");

if (require.main === module) {
  const target = path.join(packageRoot(), SPEC_SCHEMA_PATH);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, specSchemaText());
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
