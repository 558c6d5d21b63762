/**
 * A cross-process lock file: created with O_EXCL (`wx`), holding the owner's pid, the time, and (on
 * Linux) when the owner process started. A lock whose owner is dead (killed, crashed) is stale and
 * taken over, so a `kill -9` never blocks publishing; so is one whose pid now belongs to another
 * process (a pid reused after a reboot, pid 1 in a container), told apart by its start time.
 */
import { readFileSync } from "node:fs";
import { open, readFile, rm, stat } from "node:fs/promises";
import { lockTimedOut } from "../messages/fs";

export interface LockOptions {
  readonly timeoutMs: number;
  readonly pollMs: number;
  /** Called once when we start waiting on a live owner. */
  readonly onWait?: (ownerPid: number) => void;
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else — alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The pid written in a lock file, or undefined (no file, or killed before it wrote its pid). */
export async function lockOwner(path: string): Promise<number | undefined> {
  return (await lockRecord(path))?.pid;
}

/**
 * The pid in a lock file when that process is the one that wrote it: alive, and (where the system
 * says when a process started) started when the lock says. Undefined otherwise.
 */
export async function liveLockOwner(path: string): Promise<number | undefined> {
  const record = await lockRecord(path);
  if (record === undefined || !isProcessAlive(record.pid)) return undefined;
  const started = processStartTime(record.pid);
  return record.started !== undefined && started !== undefined && started !== record.started ? undefined : record.pid;
}

async function lockRecord(path: string): Promise<{ pid: number; started: string | undefined } | undefined> {
  try {
    const [pidLine, , started] = (await readFile(path, "utf8")).split("\n");
    const pid = Number.parseInt(pidLine ?? "", 10);
    return Number.isNaN(pid) ? undefined : { pid, started: started === undefined || started === "" ? undefined : started };
  } catch {
    return undefined;
  }
}

/** When a process started, in clock ticks since boot (Linux's /proc/<pid>/stat, field 22); undefined elsewhere. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

async function tryCreate(path: string): Promise<boolean> {
  try {
    const handle = await open(path, "wx");
    await handle.writeFile(`${process.pid}\n${new Date().toISOString()}\n${processStartTime(process.pid) ?? ""}\n`);
    await handle.sync();
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** Waits for the lock (taking over a stale one); returns its release function. */
export async function acquireLock(path: string, options: LockOptions): Promise<() => Promise<void>> {
  const deadline = Date.now() + options.timeoutMs;
  let warned = false;
  for (;;) {
    if (await tryCreate(path)) return async () => rm(path, { force: true });
    const owner = await lockOwner(path);
    if (owner !== undefined && (await liveLockOwner(path)) === undefined && (await lockOwner(path)) === owner) {
      await rm(path, { force: true }); // stale: its owner died holding it, or its pid is another process now
      continue;
    }
    if (owner === undefined && (await ageMs(path)) > 5_000) {
      await rm(path, { force: true }); // an owner killed between create and write leaves it empty
      continue;
    }
    if (Date.now() > deadline) throw new Error(lockTimedOut(path, owner));
    if (!warned && owner !== undefined) options.onWait?.(owner);
    warned = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}

async function ageMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}
