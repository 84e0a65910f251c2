/**
 * Issue 9, the lock: written atomically (a failed write leaves the old lock intact, a
 * concurrent reader never sees a partial file), bound to its spec (L4-lock-foreign), and
 * backward compatible (a lock without `spec` is adopted and migrated on the next plan).
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { run } from "../../lib/cli/run";
import { emptyLock, serializeLock } from "../../lib/plan/fleet/lock";
import { checkSpecFile, writeLockIfChanged } from "../../lib/spec/check-spec";
import { LockFs, NODE_FS, readLockFile, writeLockFile } from "../../lib/spec/lock-file";

const ROOT = path.join(__dirname, "..", "..");
const EXAMPLE = path.join(ROOT, "examples", "fleet.yaml");

function workdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ack-lock-"));
  fs.copyFileSync(EXAMPLE, path.join(dir, "fleet.yaml"));
  fs.copyFileSync(`${EXAMPLE}.lock.json`, path.join(dir, "fleet.yaml.lock.json"));
  return dir;
}

const nodeFs: LockFs = NODE_FS;

/** A ~150 KB lock (2,000 hybrid links). */
function bigLock() {
  return { ...emptyLock(), spec: "fleet.yaml", hybridLinks: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`link-${i}`, { cluster: "prod", physicalConnectionId: `pc-${i}`, vlanId: i }])) };
}

function enospc(): Error {
  return Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
}

describe("atomic lock writes", () => {
  test("a write that fails half-way (full disk) leaves the old lock intact and no temp file", () => {
    const dir = workdir();
    const lockFile = path.join(dir, "fleet.yaml.lock.json");
    const before = fs.readFileSync(lockFile, "utf8");
    let calls = 0;
    const failing: LockFs = {
      ...nodeFs,
      // Writes 1 KB, then the disk is full.
      writeSync: (fd, data, offset) => {
        if (calls++ > 0) throw enospc();
        return fs.writeSync(fd, data, offset, Math.min(1024, data.length - offset));
      },
    };
    expect(() => writeLockFile(lockFile, bigLock(), failing)).toThrow(/ENOSPC/);
    expect(calls).toBe(2);
    expect(fs.readFileSync(lockFile, "utf8")).toBe(before);
    expect(fs.readdirSync(dir).sort()).toEqual(["fleet.yaml", "fleet.yaml.lock.json"]);
    // Without the fault the same write lands whole.
    writeLockFile(lockFile, bigLock(), nodeFs);
    expect(fs.readFileSync(lockFile, "utf8")).toBe(serializeLock(bigLock()));
  });

  test("a failed fsync or rename leaves the old lock intact", () => {
    for (const fault of ["fsyncSync", "renameSync"] as const) {
      const dir = workdir();
      const lockFile = path.join(dir, "fleet.yaml.lock.json");
      const before = fs.readFileSync(lockFile, "utf8");
      const failing: LockFs = { ...nodeFs, [fault]: () => { throw Object.assign(new Error(`EIO: i/o error, ${fault}`), { code: "EIO" }); } };
      expect(() => writeLockFile(lockFile, emptyLock(), failing)).toThrow(/EIO/);
      expect(fs.readFileSync(lockFile, "utf8")).toBe(before);
      expect(fs.readdirSync(dir).sort()).toEqual(["fleet.yaml", "fleet.yaml.lock.json"]);
    }
  });

  test("the folder is flushed after the rename (the new lock survives a crash); a folder that can't be opened is no failure", () => {
    const dir = workdir();
    const lockFile = path.join(dir, "fleet.yaml.lock.json");
    const calls: string[] = [];
    const opened = new Map<number, string>();
    const traced: LockFs = {
      ...nodeFs,
      openSync: (f, flags, mode) => { const fd = nodeFs.openSync(f, flags, mode); opened.set(fd, f); calls.push(`open ${f === dir ? "folder" : "temp"}`); return fd; },
      fsyncSync: (fd) => { calls.push(`fsync ${opened.get(fd) === dir ? "folder" : "temp"}`); nodeFs.fsyncSync(fd); },
      renameSync: (a, b) => { calls.push("rename"); nodeFs.renameSync(a, b); },
    };
    writeLockFile(lockFile, emptyLock(), traced);
    expect(calls).toEqual(["open temp", "fsync temp", "rename", "open folder", "fsync folder"]);
    // Where a folder can't be opened (Windows), the write still succeeds.
    const noFolders: LockFs = { ...nodeFs, openSync: (f, flags, mode) => { if (f === dir) throw Object.assign(new Error("EISDIR"), { code: "EISDIR" }); return nodeFs.openSync(f, flags, mode); } };
    writeLockFile(lockFile, bigLock(), noFolders);
    expect(fs.readFileSync(lockFile, "utf8")).toBe(serializeLock(bigLock()));
  });

  test("ack-plan plan on a failing write says so, names the lock, exits 2, and the old lock stays", () => {
    const dir = workdir();
    const lockFile = path.join(dir, "fleet.yaml.lock.json");
    fs.rmSync(lockFile);
    const out: string[] = [];
    const err: string[] = [];
    // The lock's folder does not exist: the write fails like on a read-only or full file system.
    const code = run(["plan", path.join(dir, "fleet.yaml"), "--lock", path.join(dir, "missing-dir", "x.lock.json")], {
      stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTty: false, env: {},
    });
    expect(code).toBe(2);
    expect(err.join("")).toMatch(/ack-plan: could not write the lock file .*x\.lock\.json \(ENOENT\).*the previous lock is intact/);
    expect(err.join("")).not.toMatch(/\n\s+at /);
    const spec = path.join(dir, "fleet.yaml");
    const check = checkSpecFile(spec);
    const failing: LockFs = { ...nodeFs, writeSync: () => { throw enospc(); } };
    expect(() => writeLockIfChanged(check, failing)).toThrow(/could not write the lock file .* \(ENOSPC\).*the previous lock is intact/);
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  test("a concurrent reader never sees a partial lock", async () => {
    const dir = workdir();
    const lockFile = path.join(dir, "fleet.yaml.lock.json");
    const started = path.join(dir, "started");
    const done = path.join(dir, "done");
    const reader = `
      const fs = require("fs");
      let ok = 0, partial = 0, missing = 0;
      fs.writeFileSync(${JSON.stringify(started)}, "");
      for (let i = 0; i < 3000; i++) {
        let t;
        try { t = fs.readFileSync(${JSON.stringify(lockFile)}, "utf8"); } catch (e) { missing++; continue; }
        try { JSON.parse(t); ok++; } catch (e) { partial++; }
      }
      fs.writeFileSync(${JSON.stringify(done)}, "");
      process.stdout.write(JSON.stringify({ ok, partial, missing }));
    `;
    const child = spawn(process.execPath, ["-e", reader]);
    let stdout = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    const big = bigLock();
    const small = readLockFile(lockFile).lock ?? emptyLock();
    // Writes alternate between a ~150 KB lock and the example lock while the reader reads.
    const deadline = Date.now() + 60_000;
    while (!fs.existsSync(started) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    let writes = 0;
    while (!fs.existsSync(done) && Date.now() < deadline) {
      writeLockFile(lockFile, writes % 2 === 0 ? big : small);
      writes++;
      if (writes % 20 === 0) await new Promise((r) => setImmediate(r));
    }
    await exited;
    const counts = JSON.parse(stdout) as { ok: number; partial: number; missing: number };
    expect(writes).toBeGreaterThan(1);
    expect(counts).toEqual({ ok: 3000, partial: 0, missing: 0 });
  }, 90_000);
});

describe("the lock belongs to its spec", () => {
  test("a lock of another spec is L4, naming both; the lock is not overwritten", () => {
    const dir = workdir();
    const lockFile = path.join(dir, "fleet.yaml.lock.json");
    const foreign = { ...JSON.parse(fs.readFileSync(lockFile, "utf8")), spec: "other.yaml" };
    fs.writeFileSync(lockFile, JSON.stringify(foreign));
    const check = checkSpecFile(path.join(dir, "fleet.yaml"));
    const l4 = check.findings.find((f) => f.ruleId === "L4-lock-foreign");
    expect(l4?.message).toMatch(/belongs to spec other\.yaml, not to fleet\.yaml/);
    expect(l4?.file).toMatch(/fleet\.yaml\.lock\.json$/);
    expect(check.hasErrors).toBe(true);
    expect(writeLockIfChanged(check)).toBe(false);
    expect(JSON.parse(fs.readFileSync(lockFile, "utf8")).spec).toBe("other.yaml");
  });

  test("the committed example lock records its spec, and a lock without `spec` is adopted and migrated", () => {
    const dir = workdir();
    const lockFile = path.join(dir, "fleet.yaml.lock.json");
    const example = checkSpecFile(path.join(dir, "fleet.yaml"));
    expect(example.lock?.spec).toBe("fleet.yaml");
    expect(example.lockChanged).toBe(false);
    const legacy = JSON.parse(fs.readFileSync(lockFile, "utf8")) as Record<string, unknown>;
    delete legacy.spec;
    fs.writeFileSync(lockFile, JSON.stringify(legacy));
    const check = checkSpecFile(path.join(dir, "fleet.yaml"));
    expect(check.findings.filter((f) => f.ruleId.startsWith("L"))).toEqual([]);
    expect(check.lockChanged).toBe(true);
    expect(writeLockIfChanged(check)).toBe(true);
    expect(fs.readFileSync(lockFile, "utf8")).toBe(fs.readFileSync(`${EXAMPLE}.lock.json`, "utf8"));
  });
});
