/**
 * How fragtax reads a Deno notebook's run (deno.ts starts it): the runner's events on stdout, the
 * per-cell timer, and what Deno's end means.
 */
import type { Readable } from "node:stream";
import * as messages from "../messages/notebook";
import type { RunEvent } from "./outputs";
import type { RunJobOptions, WorkerOutcome } from "./pool";
import type { PausedFrame } from "./paused-at";

/** What `watchDeno` uses of the Deno process (a ChildProcess; a stand-in in tests). */
export interface DenoProcess {
  readonly stdout: Readable;
  readonly stderr: Readable;
  on(event: "exit", listener: (code: number | null, signal: NodeJS.Signals | null) => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
}

/**
 * Events from the runner's stdout, and the outcome: finished at its "done" line; timed out when a cell
 * outlives the timeout (with where it was running, when `whereStopped` can pause it at the inspector
 * the runner named; what the runner says meanwhile does not end or move the run); stalled when Deno
 * ended with 0 before "done" (a cell awaited a promise nothing can settle); crashed otherwise. Node may emit 'exit' before it has read the last of the pipes (it
 * says so), and the runner writes "done" just before it ends: the outcome waits for stdout's and
 * stderr's ends (a second at most: a process the cell started may hold a pipe open) so that a
 * finished run is never stalled and a crash is told with all Deno wrote.
 */
export function watchDeno(
  child: DenoProcess,
  options: RunJobOptions,
  firstCell: number,
  stopAll: () => void,
  whereStopped?: (inspector: string) => Promise<readonly PausedFrame[] | undefined>,
  /** The binary, named when it ends before the runner said anything (no working Deno). */
  deno = "deno",
): Promise<WorkerOutcome> {
  let cell = firstCell;
  /** Whether the runner said anything: its first line names its inspector, before any cell runs. */
  let heard = false;
  let timer: NodeJS.Timeout | undefined;
  let stderr = "";
  let inspector: string | undefined;
  return new Promise<WorkerOutcome>((resolve) => {
    let settled = false;
    /** The time is up: the runner is being paused to see where it is. */
    let stopping = false;
    const finish = (outcome: WorkerOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stopAll();
      resolve(outcome);
    };
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        stopping = true;
        const stoppedIn = cell;
        const frames = inspector === undefined || whereStopped === undefined ? Promise.resolve(undefined) : whereStopped(inspector);
        void frames.then((found) => finish({ kind: "timeout", cell: stoppedIn, ...(found !== undefined && { frames: found }) }));
      }, options.timeoutMs);
    };
    let pending = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      heard = true;
      pending += chunk;
      let newline = pending.indexOf("\n");
      while (newline !== -1) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        newline = pending.indexOf("\n");
        // An event starts with RS, which JSON escapes inside it; what a cell wrote to Deno.stdout
        // without a newline (`Deno.stdout.writeSync`) is before it on the same line.
        const marker = line.indexOf("\u001e");
        if (marker !== 0) options.onEvent({ type: "stream", name: "stdout", text: marker === -1 ? `${line}\n` : line.slice(0, marker) });
        if (marker === -1) continue;
        const event = JSON.parse(line.slice(marker + 1)) as RunEvent | { type: "done" } | { type: "inspector"; url: string };
        if (event.type === "inspector") {
          inspector = event.url || undefined;
          continue;
        }
        // Past the limit, what the cell printed before it still counts; its end, or the run's, does not.
        if (stopping && (event.type === "done" || event.type === "cell-start" || event.type === "cell-end")) continue;
        if (event.type === "done") return finish({ kind: "finished" });
        if (event.type === "cell-start") {
          cell = event.cell;
          arm();
        }
        options.onEvent(event);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", (error) => stopping || finish({ kind: "crashed", cell, message: messages.workerCrashed(error.message) }));
    child.on("exit", (code: number | null, signal: NodeJS.Signals | null) => {
      // Being paused, it is a timeout whatever ends it: the pause's answer (none, once Deno is gone) finishes it.
      if (stopping) return;
      const how = signal === null ? `exited with ${code}` : `was stopped by ${signal}`;
      const ended = (): void =>
        finish(
          // Nothing from the runner, whatever the exit code (`/bin/true` ends with 0): no working Deno.
          !heard
            ? { kind: "crashed", cell, message: messages.denoDidNotRun(deno, how, stderr.trim()) }
            : code === 0
              ? { kind: "stalled", cell }
              : { kind: "crashed", cell, message: messages.workerCrashed(`deno ${how}: ${stderr.trim()}`.replace(/: $/, "")) },
        );
      // Both pipes: stdout may still hold "done", stderr the end of the message a crash is told by.
      const open = [child.stdout, child.stderr].filter((stream) => !stream.readableEnded);
      if (open.length === 0) return ended();
      let left = open.length;
      for (const stream of open) stream.once("end", () => --left === 0 && ended());
      setTimeout(ended, 1000).unref();
    });
    arm();
  });
}
