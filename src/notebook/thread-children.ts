/**
 * The processes a notebook thread started itself. A cell blocked in `execSync("…")` cannot be stopped
 * by ending its thread: the thread waits in the system call until the child exits, so a timed-out cell
 * was reported at its time limit and fragtax then lived on as long as the child did (forever, for one
 * that never ends). Linux lists each thread's children (`/proc/<pid>/task/<tid>/children`: the
 * processes whose parent is that thread), so the pool can end the children of the one thread it
 * stopped, and no other's: not another notebook's, not the type check's or Chromium's (the main
 * thread's). Elsewhere nothing is listed, and a blocked thread ends when its child does.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** This thread's Linux task id (`/proc/thread-self` → `<pid>/task/<tid>`), or undefined where there is none. */
export function threadTaskId(): number | undefined {
  try {
    const tid = Number(/task\/(\d+)$/.exec(readlinkSync("/proc/thread-self"))?.[1]);
    return Number.isInteger(tid) && tid > 0 ? tid : undefined;
  } catch {
    return undefined;
  }
}

/** The children of one task, and theirs (through each of their threads), deepest first: none is left to go on, re-parented. */
function descendants(pid: number, tid: number, depth = 0): number[] {
  if (depth > 32) return []; // a tree that deep is not a cell's
  return childrenOf(pid, tid).flatMap((child) => [...tasksOf(child).flatMap((task) => descendants(child, task, depth + 1)), child]);
}

function childrenOf(pid: number, tid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function tasksOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [];
  }
}

/** Ends (SIGKILL) every process the thread `tid` of this process started, with their own children; how many. */
export function killThreadChildren(tid: number): number {
  let killed = 0;
  for (const child of descendants(process.pid, tid)) {
    try {
      process.kill(child, "SIGKILL");
      killed++;
    } catch {
      // gone already
    }
  }
  return killed;
}

/**
 * Ends the processes every thread but the main one started (a cell's `execSync("…")`, a Deno kernel),
 * as a build, `run` or `dev` ends on SIGINT or SIGTERM. A terminal's Ctrl-C reaches them too (it
 * signals the whole process group), but `kill`, a process manager or `docker stop` signals fragtax
 * alone, and they lived on, re-parented, after it. The main thread's own (the type check, esbuild,
 * Chromium) end with their pipes.
 */
export function killOtherThreadsChildren(): number {
  return tasksOf(process.pid)
    .filter((tid) => tid !== process.pid)
    .reduce((killed, tid) => killed + killThreadChildren(tid), 0);
}
