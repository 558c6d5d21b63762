/**
 * What `publish`, `diff` and `dev` write to the terminal besides their results: progress lines on
 * stderr, and how an action ends (a thrown error prints its message and sets the exit code).
 */
import { locateFileSystemError } from "../util/fs-errors";

export const progress = (message: string): void => void process.stderr.write(`${message}\n`);

/** Runs an action; a thrown error prints its message and sets its exit code (1 unless it says otherwise). */
export async function report(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (raw) {
    // A raw EISDIR/ENOENT/EACCES becomes a sentence with its path and what to do (exit 2).
    const error = locateFileSystemError(raw, "fragtax", process.cwd());
    process.stderr.write(`fragtax: ${error instanceof Error ? error.message : String(error)}\n`);
    const code = (error as { exitCode?: unknown }).exitCode;
    process.exitCode = typeof code === "number" ? code : 1;
  }
}
