/**
 * Worker threads: each notebook runs in a fresh realm with its own module state, in a worker thread
 * (a new one, or one whose previous notebook left nothing behind: see worker.ts), at most one
 * running worker per core. The main thread keeps a per-cell timer; a cell that does not
 * finish in time — a synchronous `while (true) {}` or a promise that never settles — is stopped by
 * terminating its worker, and named. Nothing a notebook does can keep the process alive.
 */
import { pausedAt, type PausedFrame } from "./paused-at";
import { killThreadChildren } from "./thread-children";
import { releaseThread } from "./run-claims";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import * as messages from "../messages/notebook";
import type { RunEvent } from "./outputs";
import type { RunInputs } from "./run-context";
import type { NotebookCells, NotebookTypes } from "./typecheck";
import { sha256 } from "../util/hash";
import { writeFileAtomicSync } from "../util/atomic";
import { startNotebookThread, takeThreadStartedEarly } from "./thread-start";
import { crashed, type CrashedOutcome } from "./thread-errors";

/** What the worker needs from the start (plain data): it loads the assumptions while cells compile. */
export interface WorkerSetup {
  readonly notebookFile: string;
  readonly notebook: string;
  readonly inputs: RunInputs;
  readonly versions: { readonly tslab: string; readonly typescript: string; readonly node: string };
  /**
   * The main thread's environment now: a thread kept from an earlier build (`fragtax dev`, the API)
   * holds a copy made when it started, and a cell must read what the build's cache check compares.
   */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Run below the main thread's priority (`executeNotebooks`: several notebooks at once; worker.ts). */
  readonly yieldToMain?: boolean;
}

/** The compiled notebook, sent once compilation succeeded. */
export interface WorkerProgram {
  readonly cells: ReadonlyArray<{ readonly cell: number; readonly code: string; readonly filename: string }>;
  readonly bundle: string;
  /**
   * Where the bundle's models keep their runs, and the bundle's hash (model-runs.ts); absent: none
   * kept. `claims`: the process's table of runs being computed (run-claims.ts).
   */
  readonly modelRuns?: { readonly dir: string; readonly bundleHash: string; readonly claims?: SharedArrayBuffer };
  /** Where the bundle's V8 code cache is kept (util/code-cache.ts `scriptCache`); absent: compiled at every run. */
  readonly codeCache?: string;
}

export type WorkerOutcome =
  | { readonly kind: "finished" }
  /** `frames`: where the thread was when it was stopped (paused-at.ts), when it could be paused. */
  | { readonly kind: "timeout"; readonly cell: number; readonly frames?: readonly PausedFrame[] }
  /** The worker's event loop emptied while a cell was still awaiting: its promise can never settle. */
  | { readonly kind: "stalled"; readonly cell: number }
  | CrashedOutcome;

export interface RunJobOptions {
  readonly timeoutMs: number;
  readonly onEvent: (event: RunEvent) => void;
}

export function defaultConcurrency(): number {
  return Math.max(1, availableParallelism());
}

/** Worker scripts bundled from sources in this process, by name (see `workerEntry`). */
const sourceWorkers = new Map<string, URL>();

/** The two worker scripts: the notebook runner and the type checker (dist/<name>.js when bundled). */
type WorkerName = "notebook-worker" | "typecheck-worker";
const WORKER_SOURCES: Readonly<Record<WorkerName, string>> = { "notebook-worker": "worker.ts", "typecheck-worker": "typecheck-worker.ts" };

/**
 * A worker script: `dist/<name>.js` of the bundled CLI. When running from sources (tests, tsx) Node
 * cannot start a `.ts` worker, so its source is bundled once per process into
 * node_modules/.cache/fragtax/ (packages stay external and resolve from the project's node_modules).
 */
function workerEntry(name: WorkerName = "notebook-worker"): URL {
  // Bundled (dist/main.cjs), the worker's file is a sibling.
  const bundled = new URL(`./${name}.cjs`, import.meta.url);
  if (existsSync(fileURLToPath(bundled))) return bundled;
  const known = sourceWorkers.get(name);
  if (known) return known;
  const here = dirname(fileURLToPath(import.meta.url));
  // esbuild only here (running from sources): the bundled CLI does not load it for a run.
  const { buildSync } = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
  const result = buildSync({ entryPoints: [join(here, WORKER_SOURCES[name])], write: false, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "silent" });
  const code = result.outputFiles[0]?.text ?? "";
  // Named by content: concurrent processes write identical files, and stale copies are never reused.
  const outfile = join(here, "..", "..", "node_modules", ".cache", "fragtax", `${name}-${sha256(code).slice(0, 16)}.mjs`);
  if (!existsSync(outfile)) {
    writeFileAtomicSync(outfile, code);
  }
  const url = pathToFileURL(outfile);
  sourceWorkers.set(name, url);
  return url;
}

/** The type-check thread of this process: started on first use, kept (unref'd) between builds. */
let checker:
  | { readonly worker: Worker; readonly pending: Map<number, { resolve: (types: Map<string, NotebookTypes>) => void; reject: (error: Error) => void }>; readonly used: boolean }
  | undefined;
let requests = 0;

/**
 * `checkForRun` in its own thread (typecheck-worker.ts), so that the main thread and the notebook
 * workers keep going meanwhile. The thread keeps the process alive only while it has work;
 * `endAllWorkers` stops it.
 */
export function typeCheckInThread(notebooks: readonly NotebookCells[], root: string): Promise<Map<string, NotebookTypes>> {
  const { worker, pending } = checkerThread();
  checker = { worker, pending, used: true };
  const id = ++requests;
  worker.ref();
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, notebooks, root });
  });
}

/**
 * Starts the type-check thread before it is known to be needed: its start-up (loading the compiler,
 * ~0.4 s of CPU) then overlaps with a build's compiling instead of delaying the check, the longest
 * path of a cold build. `endUnusedTypeCheck` ends it if the check's cache answered every notebook.
 */
export function startTypeCheckEarly(): void {
  checkerThread().worker.unref();
}

/** Ends a thread `startTypeCheckEarly` started if no check was asked of it (one kept from an earlier build stays). */
export function endUnusedTypeCheck(): void {
  if (checker === undefined || checker.used) return;
  live.delete(checker.worker);
  void checker.worker.terminate();
  checker = undefined;
}

function checkerThread(): NonNullable<typeof checker> {
  if (checker === undefined) {
    const worker = new Worker(workerEntry("typecheck-worker"));
    const pending = new Map<number, { resolve: (types: Map<string, NotebookTypes>) => void; reject: (error: Error) => void }>();
    const fail = (error: Error): void => {
      if (checker?.worker === worker) checker = undefined;
      live.delete(worker);
      for (const { reject } of pending.values()) reject(error);
      pending.clear();
    };
    worker.on("message", ({ id, entries }: { id: number; entries: Array<[string, NotebookTypes]> }) => {
      pending.get(id)?.resolve(new Map(entries));
      pending.delete(id);
      if (pending.size === 0) worker.unref();
    });
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(messages.typeCheckThreadEnded(code))));
    live.add(worker);
    checker = { worker, pending, used: false };
  }
  return checker;
}

/** Threads that finished a notebook cleanly, waiting for the next one (unref'd: they never keep the process alive). */
const idle: Worker[] = [];

/** Every thread this process started and has not ended: `endAllWorkers` stops them after a failure. */
const live = new Set<Worker>();

function takeWorker(): Worker {
  const reused = idle.pop();
  if (reused) {
    reused.ref();
    return reused;
  }
  return newWorker();
}

function newWorker(): Worker {
  // The first may have been started by the bin, before the CLI loaded (thread-start.ts).
  const worker = takeThreadStartedEarly() ?? startNotebookThread(workerEntry());
  live.add(worker);
  // A thread that fails or ends while idle leaves the pool (a run listens for its own errors too): an
  // 'error' with no listener would end fragtax with Node's raw error, and a dead idle thread would be
  // given the next notebook, which would then wait for its timeout.
  worker.on("error", () => dropIdle(worker));
  worker.once("exit", () => {
    live.delete(worker);
    dropIdle(worker);
  });
  return worker;
}

/**
 * Starts notebook threads now (up to `count` idle ones) and leaves them idle (unref'd: they never
 * keep the process alive); the next `NotebookWorker`s take them. A single run calls this before
 * reading report.yaml and its caches, a build before compiling its chapters, so a thread's start-up
 * (an isolate, the engine, the assumptions parser) overlaps with that work.
 */
export function startWorkerEarly(count = 1): void {
  while (idle.length < count) {
    const worker = newWorker();
    worker.unref();
    idle.push(worker);
  }
}

/**
 * The threads this process keeps between runs: idle notebook threads, and the type check's thread
 * (none, started early and not asked yet, or asked). For tests of the start-up order.
 */
export function keptThreads(): { readonly idle: number; readonly typeCheck: "none" | "unused" | "used" } {
  return { idle: idle.length, typeCheck: checker === undefined ? "none" : checker.used ? "used" : "unused" };
}

/** Ends every notebook thread (running or idle): after an error nothing may keep the process alive. */
export function endAllWorkers(): void {
  idle.length = 0;
  checker = undefined;
  for (const worker of live) void worker.terminate();
  live.clear();
}

function dropIdle(worker: Worker): void {
  const at = idle.indexOf(worker);
  if (at !== -1) idle.splice(at, 1);
}

/** At most one idle thread per core is kept; the rest end. */
function release(worker: Worker): void {
  if (idle.length >= defaultConcurrency()) return void worker.terminate();
  worker.unref();
  idle.push(worker);
}

/**
 * A worker given its notebook before the notebook is compiled, so that starting the thread, loading
 * its modules and the assumptions overlap with compilation on another core. A thread that ran a
 * notebook cleanly (worker.ts says so) runs the next one: each notebook still gets a fresh realm.
 */
export class NotebookWorker {
  readonly #worker: Worker;
  /** Its run ended cleanly and the thread went back to the pool: another notebook's (or idle) from then on. */
  #handedBack = false;

  constructor(setup: WorkerSetup) {
    this.#worker = takeWorker();
    this.#worker.postMessage(setup);
  }

  /**
   * Nothing (more) to run: compilation failed, or the notebook failed around its run. A thread the run
   * already handed back is left alone: ending it would leave a dead thread in the pool for the next
   * notebook (`dev` lives on after a failed build).
   */
  cancel(): void {
    if (!this.#handedBack) void this.#worker.terminate();
  }

  run(program: WorkerProgram, options: RunJobOptions): Promise<WorkerOutcome> {
    const worker = this.#worker;
    let cell = program.cells[0]?.cell ?? 0;
    let tid: number | undefined;
    let timer: NodeJS.Timeout | undefined;
    return new Promise<WorkerOutcome>((resolve) => {
      let settled = false;
      /** The time is up: the thread is being paused to see where it is, and nothing it says now counts. */
      let stopping = false;
      const finish = (outcome: WorkerOutcome, reusable = false): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        if (reusable) {
          this.#handedBack = true;
          release(worker);
        } else {
          // A thread stopped mid-cell (time limit, crash) may hold claims on runs others wait for.
          const claims = program.modelRuns?.claims;
          if (claims !== undefined) releaseThread(claims, worker.threadId);
          void worker.terminate();
          // A thread blocked in a child process (`execSync`) ends only when the child does: end it.
          if (tid !== undefined && outcome.kind === "timeout") endChildrenUnlessEnded(worker, tid);
        }
        resolve(outcome);
      };
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          stopping = true;
          const stoppedIn = cell;
          void pausedAt(worker).then((frames) => finish({ kind: "timeout", cell: stoppedIn, ...(frames !== undefined && { frames }) }));
        }, options.timeoutMs);
      };
      const onMessage = (event: RunEvent | { type: "done"; reusable: boolean }): void => {
        if (settled || stopping) return;
        if (event.type === "done") return finish({ kind: "finished" }, event.reusable);
        if (event.type === "cell-start") {
          cell = event.cell;
          tid = event.tid ?? tid;
          arm();
        }
        options.onEvent(event);
      };
      const onError = (error: Error): void => finish(stopping ? { kind: "timeout", cell } : crashed(error, cell));
      const onExit = (code: number): void =>
        finish(stopping ? { kind: "timeout", cell } : code === 0 ? { kind: "stalled", cell } : { kind: "crashed", cell, message: messages.workerCrashed(`exit code ${code}`) });
      arm(); // also covers loading the imports
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      worker.postMessage(program);
    });
  }
}

/** How long a stopped thread may take to end before the processes it started are ended for it. */
const CHILDREN_GRACE_MS = 500;

/**
 * Ends the processes thread `tid` started if the stopped `worker` has not ended within the grace
 * time: it is then waiting on one of them. Not unref'd: a process at its end waits for that thread,
 * so the timer must still fire; the thread's end clears it.
 */
function endChildrenUnlessEnded(worker: Worker, tid: number): void {
  const timer = setTimeout(() => killThreadChildren(tid), CHILDREN_GRACE_MS);
  worker.once("exit", () => clearTimeout(timer));
}

/**
 * Maps `items` with at most `limit` calls of `fn` in flight; results keep the input order. After a
 * failure no new call starts, and the failure reported is the one of the first item in input order
 * (every earlier item was started), so the same inputs always give the same error.
 */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  const failures = new Map<number, unknown>();
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length && failures.size === 0) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failures.set(index, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
  return results;
}

/**
 * Awaits every promise in input order: the error thrown is the first one in that order, not the
 * first to happen, so a report with two broken notebooks always names the same one. Later
 * promises get a handler at once (their rejection is not an unhandled one).
 */
export async function allInOrder<R>(promises: readonly Promise<R>[]): Promise<R[]> {
  for (const promise of promises) promise.catch(() => undefined);
  const results: R[] = [];
  for (const promise of promises) results.push(await promise);
  return results;
}

/** At most `limit` calls of the functions given to it run at once; the others wait their turn, in order. */
export function limiter(limit: number): <T>(run: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async <T>(run: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await run();
    } finally {
      const next = waiting.shift();
      if (next) next(); // the place passes on directly
      else running--;
    }
  };
}
