/**
 * A consumer project as a new cdktf user has it: the package installed from its `npm pack`
 * tarball (not from the source tree), the tsconfig that `cdktf init --template=typescript`
 * writes, and the runtime (cdktf or cdktn) and constructs taken from this repository's
 * node_modules through file: links, so the install works offline.
 *
 * Environment (set by `npm run test:cdktn`, see scripts/test-cdktn.sh):
 *   ACK_PACKAGE_DIR   directory to pack (default: the repository root; dist-cdktn/ for cdktn)
 *   ACK_RUNTIME_DIR   node_modules directory holding the runtime and constructs (default: ./node_modules)
 *   ACK_RUNTIME       runtime package name, "cdktf" (default) or "cdktn"
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const REPO = path.resolve(__dirname, "..", "..");
export const RUNTIME = process.env.ACK_RUNTIME ?? "cdktf";
const PACKAGE_DIR = path.resolve(process.env.ACK_PACKAGE_DIR ?? REPO);
const RUNTIME_MODULES = path.resolve(process.env.ACK_RUNTIME_DIR ?? path.join(REPO, "node_modules"));
/** The name of the package under test (cdktf-alicloud-ack, or the cdktn build's name). */
export const PACKAGE = (JSON.parse(fs.readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8")) as { name: string }).name;
const TSC = path.join(REPO, "node_modules", "typescript", "bin", "tsc");

export interface ConsumerProject {
  readonly dir: string;
  /** Writes a file relative to the project. */
  write(rel: string, text: string): void;
  /** Type-checks (and, for the default, emits) with a tsconfig; returns tsc's output, "" when clean. */
  tsc(tsconfig: string): string;
  /** Runs `node file` (in the project, or in `cwd`); returns stdout, throws with stderr on failure. */
  node(file: string, args?: readonly string[], cwd?: string): string;
}

/** The tsconfig.json of `cdktf init --template=typescript`, read from the installed CLI. */
export function cdktfInitTsconfig(): Record<string, unknown> {
  const candidates = [
    path.join(REPO, "node_modules", "cdktf-cli", "bundle", "templates", "typescript", "tsconfig.json"),
    path.join(RUNTIME_MODULES, "cdktn-cli", "bundle", "templates", "typescript", "tsconfig.json"),
  ];
  const file = candidates.find((f) => fs.existsSync(f));
  if (file === undefined) throw new Error(`no cdktf init template found in ${candidates.join(", ")}`);
  return JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
}

function run(cmd: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, CHECKPOINT_DISABLE: "1", NO_COLOR: "1", npm_config_update_notifier: "false" },
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}:\n${err.stdout ?? ""}\n${err.stderr ?? ""}\n${err.message}`);
  }
}

/** Packs the package (dist/ must be built) and installs the tarball into a fresh project. */
export function createConsumerProject(): ConsumerProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-consumer-"));
  const packOut = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], PACKAGE_DIR);
  const tarball = path.join(dir, (JSON.parse(packOut) as Array<{ filename: string }>)[0].filename);
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }));
  const link = (name: string) => `file:${path.join(RUNTIME_MODULES, name)}`;
  // `cdktf init` installs @types/node too; yaml and zod are linked so npm has nothing to fetch.
  const deps = [RUNTIME, "constructs", "yaml", "zod", "@types/node"].map(link);
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", "--no-package-lock", tarball, ...deps], dir);
  const project: ConsumerProject = {
    dir,
    write: (rel, text) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    },
    tsc: (tsconfig) => {
      try {
        execFileSync(process.execPath, [TSC, "-p", tsconfig, "--pretty", "false"], { cwd: dir, encoding: "utf8", stdio: "pipe" });
        return "";
      } catch (e) {
        const err = e as { stdout?: string; stderr?: string };
        return `${err.stdout ?? ""}${err.stderr ?? ""}`.trim();
      }
    },
    node: (file, args = [], cwd = dir) => run(process.execPath, [file, ...args], cwd),
  };
  return project;
}

/** Writes a tsconfig extending the cdktf init one with the given overrides; returns its name. */
export function writeTsconfig(
  project: ConsumerProject,
  name: string,
  overrides: Record<string, unknown>,
  include: readonly string[],
): string {
  const base = cdktfInitTsconfig();
  const compilerOptions = { ...(base.compilerOptions as Record<string, unknown>), incremental: false, ...overrides };
  project.write(name, JSON.stringify({ ...base, compilerOptions, include, exclude: ["node_modules", "cdktf.out"] }, null, 2));
  return name;
}
