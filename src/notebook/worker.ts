/**
 * Worker-thread entry: runs compiled notebooks, one at a time, each in a fresh realm, and streams
 * `RunEvent`s to the main thread. Per notebook it receives a `WorkerSetup` (it loads the assumptions
 * while the main thread compiles) and then the `WorkerProgram`. The worker builds the run context
 * itself from serializable inputs (registries do not cross threads). Cells run in order; the first
 * failing cell ends the run. The main thread owns the timeout (it terminates this thread, which
 * stops even a synchronous `while (true) {}`).
 *
 * Reuse: starting a thread costs ~0.1 s of CPU, so after a clean run the pool may hand this worker
 * the next notebook. "done" says whether that is safe (`reusable`): only when the notebook left
 * nothing running in this thread (no timer, handle or request) and did not change `process.env`;
 * otherwise the pool terminates it. Nothing else is shared: every notebook gets its own realm,
 * module instances, tslab stand-in and run context.
 */
import { format, types } from "node:util";
import { getPriority, setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { UNKNOWN_ASSUMPTION } from "../assumptions/errors";
import * as messages from "../messages/notebook";
import { threadTaskId } from "./thread-children";
import { loadTrackedAssumptions } from "./assumptions";
import { inspectValue, type FileRead, type RunEvent, type ThrownValue } from "./outputs";
import type { WorkerProgram, WorkerSetup } from "./pool";
import { ModelRunFiles } from "./model-runs";
import { RunClaims } from "./run-claims";
import { createRealm } from "./realm";
import { recordingContext } from "./recording";
import { createTslabShim } from "./tslab-shim";
import { scriptCache } from "../util/code-cache";
import { sha256 } from "../util/hash";
import { isShown } from "../vocabulary/shown-values";
import { ARGUMENT_FIELD, PLACEHOLDER_FIELD } from "../vocabulary/api-error-marks";

/** This thread's task id, sent with each cell's start: the pool ends the processes a timed-out cell left running (thread-children.ts). */
const TASK_ID = threadTaskId();

/** The next message; `once`, so the port unrefs after it and a stalled cell lets the thread exit. */
const next = <T>(): Promise<T> => new Promise<T>((resolve) => parentPort?.once("message", resolve));
const post = (event: RunEvent | { type: "done"; reusable: boolean }): void => parentPort?.postMessage(event);

// In a worker, process.exit() ends this thread mid-cell, which the main thread could only read as a
// stalled or crashed run. A cell that calls it fails instead, with a message saying what to do.
process.exit = ((code?: number | string | null) => {
  throw Object.assign(new Error(messages.cellCalledExit(code)), { name: "ProcessExitError" });
}) as typeof process.exit;
// The same for a signal to this process, or to its group (0, its own pid negated): a SIGKILL from a cell
// ended fragtax with nothing said and out/build half-updated. Any other process may be signalled.
const realKill = process.kill.bind(process);
process.kill = ((pid: number, signal?: string | number): true => {
  if (pid === process.pid || pid === 0 || pid === -process.pid) throw Object.assign(new Error(messages.cellSignalledItself(pid, signal)), { name: "ProcessExitError" });
  return realKill(pid, signal);
}) as typeof process.kill;
process.abort = (() => {
  throw Object.assign(new Error(messages.cellCalledAbort()), { name: "ProcessExitError" });
}) as typeof process.abort;

// What a cell (or a module it imports) writes to process.stdout/stderr is the cell's stream output,
// as in tslab and as console's. This thread's own streams would pipe it to the main thread, where it
// was lost — and its unread data held the process open after the last notebook.
let writeStream: (name: "stdout" | "stderr", text: string) => void = () => undefined;
for (const name of ["stdout", "stderr"] as const) {
  process[name].write = ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void): boolean => {
    const done = typeof encoding === "function" ? encoding : callback;
    writeStream(name, typeof chunk === "string" ? chunk : Buffer.from(chunk).toString(typeof encoding === "string" ? encoding : "utf8"));
    if (done !== undefined) queueMicrotask(() => done());
    return true;
  }) as typeof process.stdout.write;
}

let reportRejection: (reason: unknown) => void = () => undefined;
process.on("unhandledRejection", (reason) => reportRejection(reason));

// An exception thrown by a callback a cell scheduled (a timer, an event) would end this thread, which
// the main thread could only report as a crash, with Node's dump on the terminal. It fails the cell
// that is running instead, as the cell's own throw does. Outside a notebook it ends the thread as before.
let failRunningCell: (error: unknown) => void = (error) => {
  throw error;
};
process.on("uncaughtException", (error) => failRunningCell(error));

/**
 * How far below the main thread a build's notebook threads run (a nice value; Linux only). While
 * several notebooks run at once the main thread keeps them all going: it compiles the next chapters'
 * cells, takes the threads' outputs, hands esbuild and the type check their work, and draws each
 * chapter's charts as soon as it has run. At the same priority as two busy notebook threads and the
 * type check on two cores it got about a quarter of the CPU, and everything waited on it. Measured on
 * the report's cold build, alternated runs: 2.54 s at the same priority, 2.42 s at +3, 2.38 s at +10
 * (medians of 6); at +5, 2.41 against 2.54 s (8 pairs). +5 keeps most of the gain while a notebook
 * thread still gets about a third of a core's share against other programs on a busy machine.
 */
const BELOW_MAIN = 5;
let lowered = false;

/**
 * Lowers this thread's priority, once. Linux keeps a nice value per thread, and `setpriority` of "this
 * process" (pid 0) sets only the calling thread's; elsewhere it would lower the whole process, so it
 * is not done. A thread cannot be raised again without privileges: a process runs one command, so a
 * thread a build lowered only ever runs a build's notebooks.
 */
function yieldToMain(): void {
  if (process.platform !== "linux" || lowered) return;
  lowered = true;
  try {
    // Relative to what the thread inherited (a build started under `nice -n 10` keeps the same order); 19 is the lowest.
    setPriority(Math.min(getPriority() + BELOW_MAIN, 19));
  } catch {
    // Not allowed here (a sandbox's system-call filter): the thread runs at the main thread's priority.
  }
}

async function run(job: WorkerSetup, program: Promise<WorkerProgram>): Promise<void> {
  if (job.yieldToMain === true) yieldToMain();
  const assumptions = await loadTrackedAssumptions(job.inputs, job.notebook);
  let current = 0;
  const context = recordingContext(assumptions, job.inputs.montecarlo, job.inputs.ledgerKey, job.notebook, () => current, post);
  const tslab = createTslabShim({ display: (data, displayId, update) => post({ type: "display", data, update, ...(displayId ? { displayId } : {}) }) }, job.versions, context);
  const filesRead: FileRead[] = [];
  const realm = createRealm({
    notebookFile: job.notebookFile,
    onFileRead: (read) => filesRead.push(read),
    stdout: (text) => post({ type: "stream", name: "stdout", text }),
    stderr: (text) => post({ type: "stream", name: "stderr", text }),
    tslab,
  });
  // A rejection nothing handles fails the running cell, as Node ends a script on one; the message says so.
  reportRejection = (reason) => {
    const thrown = describe(reason);
    failRunningCell(Object.assign(new Error(messages.unhandledRejection(thrown.evalue)), { name: thrown.ename, stack: thrown.stack }));
  };
  writeStream = (name, text) => post({ type: "stream", name, text });
  const { cells, bundle, modelRuns, codeCache } = await program;
  // What the notebook read from outside is part of a kept run's key (model-runs.ts: a module's table).
  const outside = (): string => JSON.stringify([filesRead, realm.envReads()]);
  const kept = modelRuns && new ModelRunFiles(modelRuns.dir, modelRuns.bundleHash, outside, modelRuns.claims && new RunClaims(modelRuns.claims));
  // One code cache per notebook: its next run takes the bundle, and the model code its cells compiled, as bytecode.
  const compiled = codeCache === undefined ? undefined : scriptCache(codeCache, `imports-${sha256(job.notebookFile).slice(0, 12)}`);
  realm.loadImports(bundle, kept, compiled);
  const counts = () => {
    const refused = kept?.refused();
    return kept === undefined ? {} : { modelRuns: kept.counts(), ...(refused && { modelRunsRefused: refused }) };
  };
  // Each cell's end is held until the thread has had its turn: Node reports a rejection nothing handled
  // once the microtasks are done, and the next cell would already be running (failed in its place).
  // So does a throw after the last cell: the last cell fails.
  let late: { error: unknown } | undefined;
  try {
    await runCells();
  } finally {
    kept?.releaseClaims(); // a run another notebook waits for, left unfinished by a failed cell
    compiled?.keep();
  }

  async function runCells(): Promise<void> {
    for (const cell of cells) {
      current = cell.cell;
      post({ type: "cell-start", cell: cell.cell, ...(TASK_ID !== undefined && { tid: TASK_ID }) });
      try {
        const running = new Promise<Awaited<ReturnType<typeof realm.runCell>>>((resolve, reject) => {
          failRunningCell = (error) => {
            late ??= { error };
            reject(error);
          };
          realm.runCell(cell.code, cell.filename).then(resolve, reject);
        });
        const result = await running;
        await new Promise((resolve) => setImmediate(resolve));
        // After the last cell, the timers due by now too: a callback it scheduled for a moment later
        // (`setTimeout(…, 1)`) that throws fails it, located, as a throw while it ran does.
        if (cell === cells[cells.length - 1]) await new Promise((resolve) => setTimeout(resolve, 1));
        if (late !== undefined) throw late.error;
        const value = result === undefined ? undefined : result.length === 2 ? result[1] : inspectValue(result[0]);
        const shown = result !== undefined && isShown(result[0]);
        post({ type: "cell-end", cell: cell.cell, reads: assumptions.readIds(), files: [...filesRead], env: realm.envReads(), ...counts(), ...(value === undefined ? {} : { value }), ...(shown ? { shown } : {}) });
      } catch (error) {
        post({ type: "cell-end", cell: cell.cell, reads: assumptions.readIds(), files: [...filesRead], env: realm.envReads(), ...counts(), thrown: describe(error) });
        break;
      }
    }
  }
}

/**
 * What a cell threw. Errors from the realm are not `instanceof Error` here (another realm's Error);
 * `isNativeError` knows them (and `instanceof` this thread's own, a DOMException included). Anything
 * else thrown (`throw 1`, `throw null`, `throw { message: "m" }`) is shown as tslab shows it, by
 * `console.error(value)`: `1`, `null`, `{ message: 'm' }` — not read as an error for having a `message`.
 */
function describe(error: unknown): ThrownValue {
  // Every read may run the cell's code (a getter, a Proxy's trap) and throw: describing the error must
  // not, or the failure escaped this cell and was put on the first one, with the getter's message.
  const unreadable: string[] = [];
  const read = (field: string): unknown => {
    try {
      return (error as Record<string, unknown>)[field];
    } catch (thrown) {
      unreadable.push(messages.unreadableErrorField(field, brief(thrown)));
      return undefined;
    }
  };
  const native = (): boolean => {
    try {
      return types.isNativeError(error) || error instanceof Error;
    } catch {
      return false;
    }
  };
  if (native()) {
    const [name, message, stack, id, placeholder, field] = [read("name"), read("message"), read("stack"), read("id"), read(PLACEHOLDER_FIELD), read(ARGUMENT_FIELD)];
    const ename = typeof name === "string" ? name : "Error";
    const evalue = [typeof message === "string" ? message : "", ...unreadable].filter((part) => part !== "").join(" ");
    return {
      ename,
      evalue,
      stack: typeof stack === "string" ? stack : "",
      ...(ename === UNKNOWN_ASSUMPTION && typeof id === "string" ? { about: id } : {}),
      ...(Number.isSafeInteger(placeholder) && (placeholder as number) >= 0 ? { placeholder: placeholder as number } : {}),
      ...(typeof field === "string" ? { field } : {}),
    };
  }
  return { ename: "Error", evalue: shown(error), stack: "", notAnError: true };
}

/** An error in one line (`Error: getter boom`), without its stack; another value as `shown`. */
function brief(value: unknown): string {
  try {
    if (types.isNativeError(value)) return `${String(value.name)}: ${String(value.message)}`;
  } catch {
    // its own getters throw too
  }
  return shown(value).split("\n")[0] ?? "";
}

/** A thrown value as tslab's console.error shows it; one that cannot be shown (a Proxy whose traps throw) says so. */
function shown(value: unknown): string {
  try {
    return format(value);
  } catch {
    return messages.unshowableThrownValue();
  }
}

/** Makes this thread's process.env the main thread's (see `WorkerSetup.env`). */
function adoptEnv(env: WorkerSetup["env"]): void {
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  for (const [name, value] of Object.entries(env)) if (value !== undefined && process.env[name] !== value) process.env[name] = value;
}

/** Only Node's own message port may be active once a notebook is done (and the environment untouched). */
function leftNothingBehind(env: string): boolean {
  return process.getActiveResourcesInfo().every((kind) => kind === "MessagePort") && JSON.stringify(process.env) === env;
}

async function serve(): Promise<void> {
  for (;;) {
    const job = await next<WorkerSetup>();
    adoptEnv(job.env);
    const program = next<WorkerProgram>();
    const env = JSON.stringify(process.env);
    try {
      await run(job, program);
    } catch (error) {
      // A failure before the first cell (e.g. an invalid assumptions file) is reported on the first cell.
      const cell = (await program).cells[0]?.cell ?? 1;
      post({ type: "cell-start", cell });
      post({ type: "cell-end", cell, reads: [], thrown: describe(error) });
    }
    reportRejection = () => undefined;
    writeStream = () => undefined;
    // The run is over and its result stands. A callback it left that throws now (a timer, an event)
    // must not end the thread: Node's own handling calls process.exit, which a cell may not, and a
    // throw while the pool ends the thread aborted the whole process (V8's "Empty MaybeLocal"),
    // leaving out/.build.lock behind. Such a thread is not reused: what it left is still pending.
    failRunningCell = () => undefined;
    // Let callbacks the notebook scheduled without awaiting them run before judging what it left behind.
    await new Promise((resolve) => setImmediate(resolve));
    post({ type: "done", reusable: leftNothingBehind(env) });
  }
}

void serve();
