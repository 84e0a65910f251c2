/**
 * The lock file on disk: `<spec>.lock.json` next to the spec. Read with validation (L3 when it
 * is unreadable, and then it is never overwritten; L4 when it belongs to another spec);
 * written in canonical form, atomically: a temporary file in the same folder is written,
 * flushed to disk and renamed over the lock, so a failed write leaves the old lock intact and
 * a concurrent reader sees the old or the new lock, never a part of one.
 */
import * as fs from "fs";
import * as path from "path";
import { FleetLock, LOCK_VERSION, serializeLock } from "../plan/fleet/lock";
import { LOCK_FOREIGN, LOCK_INVALID } from "../plan/rules/fleet-rules";
import { INVALID } from "./aot-leaves";
import { compiledLock } from "./compiled-validators";
import { LocatedFinding, located } from "./located-finding";
import { formatSpecPath } from "./source-map";

// zod and the lock schema load only for a lock that the compiled validator rejects (issue 12).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lockSchema = (): typeof import("./lock-schema").lockSchema => (require("./lock-schema") as typeof import("./lock-schema")).lockSchema;

/** `fleet.yaml` -> `fleet.yaml.lock.json`. */
export function lockPathFor(specFile: string): string {
  return `${specFile}.lock.json`;
}

/** What a lock records as its spec: the spec's path relative to the lock's folder, with `/`. */
export function specIdentity(specFile: string, lockFile: string): string {
  const rel = path.relative(path.dirname(path.resolve(lockFile)), path.resolve(specFile));
  return rel.split(path.sep).join("/");
}

export interface ReadLock {
  /** The lock; undefined when the file is absent or invalid. */
  readonly lock?: FleetLock;
  readonly exists: boolean;
  readonly findings: LocatedFinding[];
}

/** Parses lock text. With `spec` (the identity of the spec being checked), a lock of another spec is L4. */
export function parseLock(text: string, file?: string, spec?: string): ReadLock {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { exists: true, findings: [located(LOCK_INVALID, "lock", `the lock file is not valid JSON (${(e as Error).message}); fix or restore it`, file)] };
  }
  // The compiled validator accepts exactly what the zod schema accepts, with the same output
  // (test/spec/compiled-validators.test.ts); zod runs for the message of a rejected lock.
  const compiled = compiledLock(value);
  const r = compiled !== INVALID ? { success: true as const, data: compiled } : lockSchema().safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { exists: true, findings: [located(LOCK_INVALID, `lock.${formatSpecPath(issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)))}`, `the lock file is not a version ${LOCK_VERSION} fleet lock: ${issue.message}; fix or restore it`, file)] };
  }
  const lock = r.data as FleetLock;
  if (spec !== undefined && lock.spec !== undefined && lock.spec !== spec) {
    return {
      exists: true,
      findings: [located(LOCK_FOREIGN, "lock.spec", `the lock${file ? ` ${file}` : ""} belongs to spec ${lock.spec}, not to ${spec}; give the lock of this spec (--lock), or if ${lock.spec} was renamed to ${spec}, set "spec": "${spec}" in the lock`, file)],
    };
  }
  return { exists: true, lock, findings: [] };
}

/** Reads the lock file; absent is fine. */
export function readLockFile(file: string, spec?: string): ReadLock {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { exists: false, findings: [] };
    return { exists: true, findings: [located(LOCK_INVALID, "lock", `cannot read the lock file: ${(e as Error).message}`, file)] };
  }
  return parseLock(text, file, spec);
}

/** The file operations a lock write uses (replaceable in tests to simulate faults). */
export interface LockFs {
  openSync(file: string, flags: string, mode?: number): number;
  /** Writes `data` from `offset`; returns the bytes written. */
  writeSync(fd: number, data: Buffer, offset: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
}

/** The real file system (tests wrap it to inject faults). */
export const NODE_FS: LockFs = {
  openSync: (f, flags, mode) => fs.openSync(f, flags, mode),
  writeSync: (fd, data, offset) => fs.writeSync(fd, data, offset),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
  unlinkSync: (f) => fs.unlinkSync(f),
};

/** Writes `text` to `file` atomically (temp file in the same folder, fsync, rename). Throws on I/O failure, the old file intact. */
export function writeFileAtomic(file: string, text: string, io: LockFs = NODE_FS): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  let fd: number | undefined;
  try {
    fd = io.openSync(tmp, "wx", 0o644);
    const data = Buffer.from(text, "utf8");
    for (let written = 0; written < data.length;) {
      const n = io.writeSync(fd, data, written);
      if (n <= 0) throw new Error(`could not write ${tmp}`);
      written += n;
    }
    io.fsyncSync(fd);
    io.closeSync(fd);
    fd = undefined;
    io.renameSync(tmp, file);
  } catch (e) {
    cleanUp(io, fd, tmp);
    throw e;
  }
  syncFolder(io, path.dirname(file));
}

/** After a failed write: close the temp file and remove it. */
function cleanUp(io: LockFs, fd: number | undefined, tmp: string): void {
  if (fd !== undefined) {
    try {
      io.closeSync(fd);
    } catch {
      // already failing; the original error is what matters
    }
  }
  try {
    io.unlinkSync(tmp);
  } catch {
    // the temp file may not exist
  }
}

/**
 * Flushes the folder entry of the rename, so that the new lock (not the old one) survives a
 * crash right after. Best effort: the rename has happened; some platforms can't open a folder.
 */
function syncFolder(io: LockFs, dir: string): void {
  let fd: number | undefined;
  try {
    fd = io.openSync(dir, "r", 0o644);
    io.fsyncSync(fd);
  } catch {
    // not supported here (e.g. Windows): the rename stands
  } finally {
    if (fd !== undefined) {
      try {
        io.closeSync(fd);
      } catch {
        // nothing more to do
      }
    }
  }
}

/** Writes the lock atomically; throws (the old lock intact) when the file system fails. */
export function writeLockFile(file: string, lock: FleetLock, io?: LockFs): void {
  writeFileAtomic(file, serializeLock(lock), io);
}
