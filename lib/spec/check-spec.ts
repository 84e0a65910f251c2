/**
 * Spec file -> fleet plan, with every finding located in the spec (or the lock) file. What
 * `ack-plan` and the Fleet construct both run.
 */
import * as path from "path";
import { Finding, hasErrors, sortFindings } from "../plan/finding";
import { FleetLock } from "../plan/fleet/lock";
import { FleetPlanInput } from "../plan/fleet/model";
import { FleetPlan, planFleet } from "../plan/fleet/plan-fleet";
import type { LoadedSpec } from "./load-spec";
import { LocatedFinding } from "./located-finding";
import type { LockFs } from "./lock-file";
import { normalizeSpec } from "./normalize";
import { PlanLocator } from "./plan-locations";
import { FleetSpec, FleetSpecFile } from "./spec-types";

// The validators (zod, the spec and lock schemas, yaml) load on first use: an app that builds
// clusters without a spec file does not pay for them at start-up (issue 12).
/* eslint-disable @typescript-eslint/no-require-imports */
const specLoader = (): typeof import("./load-spec") => require("./load-spec") as typeof import("./load-spec");
const lockIo = (): typeof import("./lock-file") => require("./lock-file") as typeof import("./lock-file");
/* eslint-enable @typescript-eslint/no-require-imports */

export interface SpecCheckOptions {
  /** Lock file to read; `false` for none. @default `<spec>.lock.json` (none for a spec object) */
  readonly lockFile?: string | false;
  /** Drop removed clusters from the lock before planning. */
  readonly prune?: boolean;
}

export interface SpecCheck {
  readonly file?: string;
  /** The validated spec (undefined when it could not be read). */
  readonly spec?: FleetSpecFile;
  readonly input?: FleetPlanInput;
  readonly plan?: FleetPlan;
  readonly lockFile?: string;
  /** The lock that was read. */
  readonly lock?: FleetLock;
  /** The lock to write after this plan (the plan's, recording which spec it belongs to). */
  readonly lockToWrite?: FleetLock;
  /** True when `lockToWrite` differs from the lock read (or there was none). */
  readonly lockChanged: boolean;
  readonly lockExisted: boolean;
  /** Every finding, errors first, with file and line. */
  readonly findings: LocatedFinding[];
  /** True when the spec could not be read as a spec (missing file, syntax or schema errors). */
  readonly unreadable: boolean;
  readonly hasErrors: boolean;
}

function sortLocated(findings: LocatedFinding[]): LocatedFinding[] {
  return sortFindings(findings) as LocatedFinding[];
}

/** Checks a loaded spec: normalizes, reads the lock, plans. */
export function checkLoadedSpec(loaded: LoadedSpec, options: SpecCheckOptions = {}): SpecCheck {
  const file = loaded.file;
  const lockFile = options.lockFile === false ? undefined : (options.lockFile ?? (file ? lockIo().lockPathFor(file) : undefined));
  if (!loaded.spec) {
    return { file, lockFile, lockExisted: false, lockChanged: false, findings: sortLocated(loaded.findings), unreadable: true, hasErrors: hasErrors(loaded.findings) };
  }
  const normalized = normalizeSpec(loaded.spec, loaded.source, file);
  const identity = lockFile && file ? lockIo().specIdentity(file, lockFile) : undefined;
  const read = lockFile ? lockIo().readLockFile(lockFile, identity) : { exists: false, findings: [] as LocatedFinding[], lock: undefined };
  const lockInvalid = read.exists && !read.lock;
  const plan = planFleet(normalized.input, { lock: read.lock, prune: options.prune, noLockFile: lockFile === undefined });
  const locator = new PlanLocator(loaded.spec, loaded.source);
  const lockName = lockFile ? path.relative(process.cwd(), lockFile) || lockFile : undefined;
  const planFindings: LocatedFinding[] = plan.findings
    .filter((f: Finding) => !(lockInvalid && f.ruleId === "L2-lock-outdated"))
    .map((f) => (f.path === "lock" || f.path.startsWith("lock.") ? { ...f, file: lockName ?? file } : { ...f, file, line: locator.lineOf(f.path) }));
  const findings = sortLocated([...normalized.findings, ...read.findings, ...planFindings]);
  const lockToWrite: FleetLock = { ...plan.lock, spec: identity ?? plan.lock.spec };
  const lockChanged = plan.lockChanged || (read.lock !== undefined && read.lock.spec !== lockToWrite.spec);
  return {
    file, spec: loaded.spec, input: normalized.input, plan, lockFile, lock: read.lock, lockToWrite, lockChanged, lockExisted: read.exists,
    findings, unreadable: false, hasErrors: hasErrors(findings),
  };
}

/** Reads, validates and plans a spec file. */
export function checkSpecFile(file: string, options: SpecCheckOptions = {}): SpecCheck {
  return checkLoadedSpec(specLoader().loadSpecFile(file), options);
}

/** Validates and plans a spec given as an object (the lock only when `lockFile` is given). */
export function checkSpecObject(spec: FleetSpec, options: SpecCheckOptions = {}): SpecCheck {
  return checkLoadedSpec(specLoader().validateSpecValue(spec), { ...options, lockFile: options.lockFile ?? false });
}

/**
 * Parses, validates and plans spec text (YAML, or JSON, which YAML reads too; findings carry
 * its line numbers and no file). The lock only when `lockFile` is given.
 */
export function checkSpecText(text: string, options: SpecCheckOptions = {}): SpecCheck {
  return checkLoadedSpec(specLoader().parseSpecText(text), { ...options, lockFile: options.lockFile ?? false });
}

/**
 * Writes the lock after a successful check: only without errors, only when it changed, and
 * never over a lock file that could not be read. Returns true when it wrote.
 */
export function writeLockIfChanged(check: SpecCheck, io?: LockFs): boolean {
  if (!check.plan || !check.lockToWrite || !check.lockFile || check.hasErrors || !check.lockChanged) return false;
  if (check.lockExisted && !check.lock) return false;
  try {
    lockIo().writeLockFile(check.lockFile, check.lockToWrite, io);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`could not write the lock file ${check.lockFile}${code ? ` (${code})` : ""}: ${e instanceof Error ? e.message : String(e)}; the previous lock is intact. Free space or fix permissions and run again.`);
  }
  return true;
}
