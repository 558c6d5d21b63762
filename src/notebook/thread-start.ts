/**
 * How a notebook thread is started, shared by the engine's pool (pool.ts) and the bin (cli/boot.ts).
 * For `fragtax run`, the bin starts the thread before it loads the rest of the CLI: the thread's own
 * start-up (~30–50 ms: an isolate, Node's bootstrap, the engine's file) then overlaps with that
 * load instead of following it. It leaves the thread here; the pool takes it as its first thread.
 * The hand-over is a well-known symbol on the global object because the bin and the CLI are two
 * bundles, each with its own copy of this module.
 */
import { Worker } from "node:worker_threads";

/**
 * A small young generation: V8's default grows it to tens of MB of resident memory per thread, while
 * a notebook's draws live in off-heap typed arrays; measured, 4 MB cut a chapter's peak RSS by ~12% at
 * the same speed (a cold build of the report included).
 */
const YOUNG_GENERATION_MB = 4;

/**
 * A notebook thread running `entry`. Its stdio is not the notebook's: worker.ts sends what a cell
 * writes as its outputs, and nothing reaches fragtax's own stdout (`--out -`). Not read here: a
 * flowing stream holds the process open.
 */
export function startNotebookThread(entry: URL | string): Worker {
  return new Worker(entry, { stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
}

interface LeftThread {
  readonly worker: Worker;
  ended: boolean;
}

const HAND_OVER = Symbol.for("fragtax.notebook-thread-started-early");
type WithHandOver = typeof globalThis & { [HAND_OVER]?: LeftThread };

/**
 * Starts a notebook thread for the pool to take later. Until then it keeps nothing alive (unref'd),
 * and an error or end is noted instead of ending the process: the pool then starts another.
 */
export function startThreadForLater(entry: URL | string): void {
  const left: LeftThread = { worker: startNotebookThread(entry), ended: false };
  left.worker.unref();
  left.worker.on("error", () => undefined);
  left.worker.once("exit", () => {
    left.ended = true;
  });
  (globalThis as WithHandOver)[HAND_OVER] = left;
}

/** The thread the bin started, once, if it is still running; else undefined. */
export function takeThreadStartedEarly(): Worker | undefined {
  const left = (globalThis as WithHandOver)[HAND_OVER];
  if (left === undefined) return undefined;
  delete (globalThis as WithHandOver)[HAND_OVER];
  if (!left.ended) return left.worker;
  return undefined;
}
