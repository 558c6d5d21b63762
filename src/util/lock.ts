/**
 * A cross-process lock file: created with O_EXCL (`wx`), holding the owner's pid, the time, and (on
 * Linux) when the owner process started. A lock whose owner is dead (killed, crashed) is stale and
 * taken over, so a `kill -9` never blocks publishing; so is one whose pid now belongs to another
 * process (a pid reused after a reboot, pid 1 in a container), told apart by its start time.
 */
import { readFileSync } from "node:fs";
import { lstat, open, rm, stat } from "node:fs/promises";
import { lockNotAFile, lockTimedOut } from "../messages/fs";
import { InputError } from "./errors";
import { readPlainText } from "./plain-file";

export interface LockOptions {
  readonly timeoutMs: number;
  readonly pollMs: number;
  /** Called once when we start waiting on a live owner. */
  readonly onWait?: (ownerPid: number) => void;
  /**
   * Called when we removed a lock nobody holds (its owner killed, or its pid another process now),
   * with the pid it names (undefined when it names none) and whether a process of that pid runs now (not
   * the one that wrote it): the user who killed that process sees why this one did not wait, and that
   * what it left half done is taken care of.
   */
  readonly onTakeOver?: (stalePid: number | undefined, pidReused: boolean) => void;
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else — alive.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // A process killed but not yet reaped by its parent (a zombie, state Z) still takes signals: it runs
  // nothing, and a build waiting for its lock waited until the parent reaped it (seconds, or never).
  return processState(pid) !== "Z";
}

/** A process's state letter (Linux's /proc/<pid>/stat, field 3: R, S, D, Z, …); undefined elsewhere. */
function processState(pid: number): string | undefined {
  return statFields(pid)?.[0];
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
  return record !== undefined && ownsLock(record) ? record.pid : undefined;
}

async function lockRecord(path: string): Promise<LockRecord | undefined> {
  const text = await readText(path);
  return text === undefined ? undefined : parseLock(text);
}

interface LockRecord {
  readonly pid: number;
  readonly started: string | undefined;
}

function parseLock(text: string): LockRecord | undefined {
  const [pidLine, , started] = text.split("\n");
  const pid = Number.parseInt(pidLine ?? "", 10);
  return Number.isNaN(pid) ? undefined : { pid, started: started === undefined || started === "" ? undefined : started };
}

/** Alive, and (where the system says when a process started) started when the lock says. */
function ownsLock(record: LockRecord): boolean {
  if (!isProcessAlive(record.pid)) return false;
  const started = processStartTime(record.pid);
  return record.started === undefined || started === undefined || started === record.started;
}

/** When a process started, in clock ticks since boot (Linux's /proc/<pid>/stat, field 22); undefined elsewhere. */
export function processStartTime(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

/** The fields of Linux's /proc/<pid>/stat from the third (the state) on; undefined elsewhere, or for no such process. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its last ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
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
    // A folder or a pipe there is no lock anyone holds, and never goes away by waiting.
    if (!((await lstat(path).catch(() => undefined))?.isFile() ?? true)) throw new InputError(lockNotAFile(path));
    const text = await readText(path);
    const owner = text === undefined ? undefined : parseLock(text)?.pid;
    if (text !== undefined && (await isStale(path, text))) {
      if (await takeOver(path, text)) options.onTakeOver?.(owner, owner !== undefined && isProcessAlive(owner));
      continue;
    }
    if (Date.now() > deadline) throw new Error(lockTimedOut(path, owner));
    if (!warned && owner !== undefined) options.onWait?.(owner);
    warned = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}

/**
 * Waits while a live process holds the lock, without taking it (a reader that must not write: `verify`
 * of a read-only copy); `onWait` once, with the owner. Gives up after `timeoutMs`, leaving the caller
 * to read what is there.
 */
export async function waitWhileLocked(path: string, options: Pick<LockOptions, "timeoutMs" | "pollMs" | "onWait">): Promise<void> {
  let warned = false;
  for (const deadline = Date.now() + options.timeoutMs; Date.now() < deadline; ) {
    const owner = await liveLockOwner(path);
    if (owner === undefined) return;
    if (!warned) options.onWait?.(owner);
    warned = true;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs));
  }
}

/**
 * Whether the lock file whose content is `text` is one nobody holds: its owner died holding it, its
 * pid is another process now, or its owner was killed between creating it and writing its pid (or
 * something else wrote it).
 */
async function isStale(path: string, text: string): Promise<boolean> {
  const record = parseLock(text);
  if (record === undefined) return (await ageMs(path)) > EMPTY_LOCK_GRACE_MS;
  return !ownsLock(record);
}

/** A writer fills its lock file within milliseconds; one without a pid older than this lost its writer. */
const EMPTY_LOCK_GRACE_MS = 5_000;

/**
 * Removes the stale lock whose content is `staleText`, and nothing else. Two waiters that both judged
 * it stale must not both remove "it": the second would delete the lock the first has just created
 * in its place, and both would hold it. So removals take turns under `<lock>.takeover` (held for
 * the moment of a read and an unlink), and each removes the file only if it still has the content
 * judged stale. A takeover guard left by a process killed in that moment is itself stale, and goes.
 * Whether this call removed the stale lock.
 */
async function takeOver(path: string, staleText: string): Promise<boolean> {
  const guard = `${path}.takeover`;
  if (!(await tryCreate(guard))) {
    const guardText = await readText(guard);
    if (guardText !== undefined && (await isStale(guard, guardText))) await removeIfUnchanged(guard, guardText);
    await new Promise((resolve) => setTimeout(resolve, 1));
    return false;
  }
  try {
    return await removeIfUnchanged(path, staleText);
  } finally {
    await rm(guard, { force: true });
  }
}

async function removeIfUnchanged(path: string, text: string): Promise<boolean> {
  if ((await readText(path)) !== text) return false;
  await rm(path, { force: true });
  return true;
}

/** A lock file's text; undefined when it is gone, or is not a plain file (a FIFO's read would wait for ever). */
async function readText(path: string): Promise<string | undefined> {
  try {
    return await readPlainText(path);
  } catch {
    return undefined;
  }
}

async function ageMs(path: string): Promise<number> {
  try {
    return Date.now() - (await stat(path)).mtimeMs;
  } catch {
    return 0;
  }
}
