/**
 * The temporary `git worktree` `diff --figures` builds a ref in (diff-sources.ts), and its removal
 * whatever ends the diff. A worktree is ~50 MB and registered in the repository: one left behind by
 * Ctrl-C or SIGTERM (which skip a `finally`) or by `kill -9` stayed listed by `git worktree list` and
 * on disk for good. Now a signal removes it before the process ends as that signal says, and the next
 * `diff --figures` removes those whose process is gone (their folder names its pid).
 */
import { execFile, execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
import * as messages from "../messages/versions";
import { endBySignal } from "../util/signals";

const run = promisify(execFile);

/** A worktree folder's parent: `fragtax-diff-<pid>-<random>` in the system's temporary folder. */
const PARENT = /^fragtax-diff-(\d+)-/;

/** Runs `work` in a worktree of `ref` at `<tmp>/fragtax-diff-<pid>-…/tree`, removed after it, on Ctrl-C and on SIGTERM too. */
export async function inWorktree<T>(root: string, ref: string, progress: (line: string) => void, work: (worktree: string) => Promise<T>): Promise<T> {
  await removeAbandoned(root, progress);
  const dir = await mkdtemp(join(tmpdir(), `fragtax-diff-${process.pid}-`));
  const worktree = join(dir, "tree");
  const tidyNow = (): void => {
    try {
      execFileSync("git", ["-C", root, "worktree", "remove", "--force", worktree], { stdio: "ignore" });
    } catch {
      // not registered (yet): the folder goes below, and `git worktree prune` forgets a stale entry
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    tidyNow();
    endBySignal(signal);
  };
  process.once("SIGINT", onSignal).once("SIGTERM", onSignal);
  try {
    await run("git", ["-C", root, "worktree", "add", "--detach", worktree, ref]);
    return await work(worktree);
  } finally {
    process.off("SIGINT", onSignal).off("SIGTERM", onSignal);
    await run("git", ["-C", root, "worktree", "remove", "--force", worktree]).catch(() => undefined);
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
    await run("git", ["-C", root, "worktree", "remove", "--force", worktree]).catch(() => undefined);
    await rm(dirname(worktree), { recursive: true, force: true });
    progress(messages.diffRemovedAbandonedWorktree(worktree, Number(owner[1])));
  }
  await run("git", ["-C", root, "worktree", "prune"]).catch(() => undefined);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // alive, another user's
  }
}
