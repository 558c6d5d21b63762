/**
 * The temporary `git worktree` `diff --figures` builds a ref in (diff-sources.ts), and its removal
 * whatever ends the diff. A worktree is ~50 MB and registered in the repository: one left behind by
 * Ctrl-C, SIGTERM or SIGHUP (which skip a `finally`) or by `kill -9` stayed listed by `git worktree
 * list` and on disk for good. Now a signal removes it before the process ends as that signal says,
 * and the next `diff --figures` removes those whose process is gone (their folder names its pid).
 */
import { execFile, execFileSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import * as messages from "../messages/versions";
import { endBySignal } from "../util/signals";

const run = promisify(execFile);

/** Ctrl-C, a process manager's SIGTERM, and the terminal closing (SIGHUP): each ends the diff, after the worktree goes. */
const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Removes a worktree, changed files and all. Twice `--force`: a worktree whose `git worktree add` was
 * killed stays locked ("initializing"), and one `--force` leaves a locked worktree alone.
 */
const REMOVE = ["worktree", "remove", "--force", "--force"] as const;

/** A worktree folder's parent: `fragtax-diff-<pid>-<random>` in the system's temporary folder. */
const PARENT = /^fragtax-diff-(\d+)-/;

/** Runs `work` in a worktree of `ref` at `<tmp>/fragtax-diff-<pid>-…/tree`, removed after it, on Ctrl-C and on SIGTERM too. */
export async function inWorktree<T>(root: string, ref: string, progress: (line: string) => void, work: (worktree: string) => Promise<T>): Promise<T> {
  await removeAbandoned(root, progress);
  const dir = await mkdtemp(join(tmpdir(), `fragtax-diff-${process.pid}-`));
  const worktree = join(dir, "tree");
  let adding: ChildProcess | undefined;
  const tidyNow = (): void => {
    // A signal sent to this process alone (`kill PID`, `timeout`) leaves `git worktree add` writing
    // into the folder: stopped first, or removing the folder races it (ENOTEMPTY).
    adding?.kill("SIGKILL");
    try {
      execFileSync("git", ["-C", root, ...REMOVE, worktree], { stdio: "ignore" });
    } catch {
      // not registered (yet): the folder goes below, and `git worktree prune` forgets a stale entry
    }
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    } catch {
      // still held: the next diff --figures removes it (its pid is gone by then)
    }
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    tidyNow();
    endBySignal(signal);
  };
  for (const signal of SIGNALS) process.once(signal, onSignal);
  try {
    const added = run("git", ["-C", root, "worktree", "add", "--detach", worktree, ref]);
    adding = added.child;
    await added;
    adding = undefined;
    return await work(worktree);
  } finally {
    for (const signal of SIGNALS) process.off(signal, onSignal);
    await run("git", ["-C", root, ...REMOVE, worktree]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}

/** Removes the worktrees of earlier diffs whose process has ended (`kill -9` leaves them), saying so. */
async function removeAbandoned(root: string, progress: (line: string) => void): Promise<void> {
  const { stdout } = await run("git", ["-C", root, "worktree", "list", "--porcelain"]).catch(() => ({ stdout: "" }));
  for (const line of stdout.split("\n")) {
    if (!line.startsWith("worktree ")) continue;
    const worktree = line.slice("worktree ".length);
    const owner = PARENT.exec(basename(dirname(worktree)));
    if (basename(worktree) !== "tree" || owner === null || isRunning(Number(owner[1]))) continue;
    const removed = await run("git", ["-C", root, ...REMOVE, worktree]).then(
      () => true,
      () => false,
    );
    await rm(dirname(worktree), { recursive: true, force: true });
    if (removed) progress(messages.diffRemovedAbandonedWorktree(worktree, Number(owner[1])));
  }
  await run("git", ["-C", root, "worktree", "prune"]).catch(() => undefined);
  // Folders git never registered (a kill before `git worktree add` finished) or that outlived their
  // registration: removed when their process has ended, whichever repository they were for.
  for (const name of await readdir(tmpdir()).catch(() => [])) {
    const owner = PARENT.exec(name);
    if (owner === null || isRunning(Number(owner[1]))) continue;
    await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, another user's
  }
}
