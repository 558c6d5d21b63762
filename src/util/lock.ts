/**
 * A cross-process lock file: created with O_EXCL (`wx`), holding the owner's pid. A lock whose
 * owner is dead (killed, crashed) is stale and taken over, so a `kill -9` never blocks publishing.
 */
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
  try {
    const pid = Number.parseInt((await readFile(path, "utf8")).split("\n")[0] ?? "", 10);
    return Number.isNaN(pid) ? undefined : pid;
  } catch {
    return undefined;
  }
}

async function tryCreate(path: string): Promise<boolean> {
  try {
    const handle = await open(path, "wx");
    await handle.writeFile(`${process.pid}\n${new Date().toISOString()}\n`);
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
    if (owner !== undefined && !isProcessAlive(owner)) {
      await rm(path, { force: true }); // stale: its owner died holding it
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
