/** The version of the installed package, for `ack-plan --version`. */
import * as fs from "fs";
import * as path from "path";

/** Reads the nearest package.json above this file that declares the `ack-plan` command. */
export function packageVersion(startDir: string = __dirname): string {
  for (let dir = path.resolve(startDir); ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { version?: unknown; bin?: Record<string, unknown> };
      if (pkg.bin !== undefined && typeof pkg.bin === "object" && "ack-plan" in pkg.bin && typeof pkg.version === "string") return pkg.version;
    }
    if (path.dirname(dir) === dir) return "unknown";
  }
}
