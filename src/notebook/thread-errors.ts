/**
 * What a notebook thread's own error says of the cell it was running: V8 stops a thread whose
 * JavaScript heap is full, with Node's ERR_WORKER_OUT_OF_MEMORY, said as the cell's failure (what
 * fills a heap, the limit it met, how to raise it), not as a crash of fragtax's.
 */
import { getHeapStatistics } from "node:v8";
import * as messages from "../messages/notebook";

/** A thread that ended mid-run other than by its time limit. */
export interface CrashedOutcome {
  readonly kind: "crashed";
  readonly cell: number;
  readonly message: string;
  /** The error's name, when not "WorkerError". */
  readonly ename?: string;
}

/** What a thread's error says of its cell. */
export function crashed(error: Error, cell: number): CrashedOutcome {
  if ((error as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") return { kind: "crashed", cell, ename: "OutOfMemoryError", message: messages.cellOutOfMemory(heapLimit()) };
  return { kind: "crashed", cell, message: messages.workerCrashed(error.message) };
}

/**
 * A notebook thread's heap limit: Node's --max-old-space-size when given (on the command line or in
 * NODE_OPTIONS; it sets every thread's, the last one counting), else V8's default, which this thread's
 * own limit shows (a thread's is within a few MB of it). The thread's reported `resourceLimits` say
 * V8's default whatever the flag.
 */
function heapLimit(): { readonly mb: number; readonly set: boolean } {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  const set = flags.flatMap((flag) => /^--max-old-space-size=(\d+)$/.exec(flag.replace(/_/g, "-"))?.[1] ?? []).at(-1);
  if (set !== undefined) return { mb: Number(set), set: true };
  return { mb: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20 / 100) * 100, set: false };
}
