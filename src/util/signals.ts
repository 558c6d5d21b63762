/**
 * How a command ends on Ctrl-C (SIGINT) or SIGTERM. `fragtax build` does not catch either: the
 * signal's default action ends the process, its notebook threads with it, the Deno a cell runs in
 * (tied to its thread, notebook/deno.ts) and Chromium (its pipe closes), and the half-made build
 * never reaches out/build/ (build/outputs.ts). A command that must tidy up first (`fragtax dev`
 * releases the lock of a rebuild it abandons) catches the signal, tidies up, then ends the same way.
 */
import { constants } from "node:os";
import { keepCodeCachesNow } from "./code-cache";

/**
 * Ends this process by `signal` as if it had not been caught: its parent sees it killed by that
 * signal (a shell reports 130 for SIGINT, 143 for SIGTERM, and a script running it stops too).
 */
export function endBySignal(signal: NodeJS.Signals): void {
  // Should the signal not end the process at once, the exit code still says which one it was.
  process.exitCode = 128 + (constants.signals[signal] ?? 0);
  // The code caches made at exit (the CLI's, Vega's): a process killed by a signal has no 'exit' event.
  keepCodeCachesNow();
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}
