/**
 * `executeNotebooks`: a build's notebooks, run at once (one thread per core), with one type check for
 * all of them in a thread of its own. The order things start in is the speed of a cold build:
 *
 *  1. threads     the notebook threads and (unless only inputs changed) the type check's thread start
 *                 first, so their start-up overlaps with reading and compiling here
 *  2. check       the type check's cache lookups, then the misses to its thread (ended if unused)
 *  3. notebooks   each compiles and runs when a place is free (`executeNotebook`); a notebook that ran
 *                 waits for the check without holding a place
 *  4. afterStart  once 2 and every notebook's compile are done: the caller's work that only later
 *                 steps need (a build loads its renderer then; first, it delayed the check by ~1 s)
 */
import { readInputText } from "../util/plain-file";
import { resolve } from "node:path";
import { CompileCache } from "./compile-cache";
import { denoChecker } from "./deno-check";
import { findDeno } from "./deno";
import { executeNotebook, projectRoot, type ExecuteOptions, type NotebookRunResult } from "./execute";
import { cellText, notebookKernel, parseNotebook } from "./nbformat";
import { tsgoBinary } from "./typecheck-tsgo";
import { allInOrder, defaultConcurrency, endUnusedTypeCheck, limiter, mapConcurrent, startTypeCheckEarly, startWorkerEarly } from "./pool";
import { type PreloadedAssumptions } from "./run-context";
import { displayPath } from "../util/paths";
import type { NotebookCells, NotebookTypes } from "./typecheck";
import { typeCheckNotebooks } from "./typecheck-run";

export interface ExecuteManyOptions extends ExecuteOptions {
  /** Notebooks running at once (default: one per core). */
  readonly concurrency?: number;
  /** Called once steps 1–2 and every notebook's compile are done (see above). */
  readonly afterStart?: () => void;
  /**
   * The notebooks' type check is most likely in the cache (they re-run only because an input
   * changed): the check's thread is not started before the cache says so.
   */
  readonly typesLikelyCached?: boolean;
}

/**
 * Runs several notebooks, one worker per core (or `concurrency`); results keep the input order.
 * A named assumptions file is parsed once here rather than by every notebook's worker.
 */
export async function executeNotebooks(files: readonly string[], options: ExecuteManyOptions = {}): Promise<NotebookRunResult[]> {
  const limit = options.concurrency ?? defaultConcurrency();
  // The threads start first: their start-up overlaps with parsing and compiling here.
  if (files.length > 1) startWorkerEarly(Math.min(limit, files.length));
  // The API checker's thread, started early (loading the compiler overlaps with compiling here), only
  // where the native compiler cannot answer: that one runs as a process of its own (typecheck-run.ts).
  if (options.types === undefined && files.length > 1 && options.typesLikelyCached !== true && tsgoBinary() === undefined) startTypeCheckEarly();
  const preloaded = options.preloaded ?? (files.length > 1 ? await preloadAssumptions(options.assumptionsFile) : undefined);
  // `afterStart` once the check has started and every notebook is compiled (or failed before its run).
  const afterStart = once(options.afterStart);
  let waiting = files.length + 1;
  const done = (): void => {
    if (--waiting === 0) afterStart();
  };
  // Several notebooks: one check for all, in its own thread while they run (a core for it, a core for them).
  const typesStarted = once(done);
  const pendingTypes = options.types === undefined && files.length > 1 ? typeCheckTogether(files, options, typesStarted) : undefined;
  pendingTypes?.catch(() => undefined); // awaited by every notebook; one rejection is reported once, by them
  pendingTypes?.catch(typesStarted); // a check that failed before it started counts as started
  if (pendingTypes === undefined) typesStarted();
  // Several at once: their threads yield to this one, which keeps them all going (worker.ts `yieldToMain`).
  const shared = { ...options, ...(preloaded && { preloaded }), ...(pendingTypes && { pendingTypes }), ...(files.length > 1 && { yieldToMain: true }) };
  const each = (): ExecuteOptions => ({ ...shared, compiled: once(done) });
  // `.finally(afterStart)`: notebooks a failure kept from starting never report `compiled`.
  if (pendingTypes === undefined) return mapConcurrent(files, limit, (file) => executeNotebook(file, each())).finally(afterStart);
  // While the check runs, a notebook that ran waits for it without holding a place: the limit counts running cells only.
  const runSlot = limiter(limit);
  // In report order, so the first notebook runs while the others compile.
  const turns = inTurn(files);
  return allInOrder(turns.map(({ item: file, slot, pass }) => executeNotebook(file, { ...each(), runSlot, compileSlot: slot }).finally(pass))).finally(afterStart);
}

/**
 * One slot per notebook, taken strictly in their order: each runs once the one before has run or
 * passed (a notebook that failed before compiling never takes its slot, and passes when it ends).
 * Not a limiter: the notebooks reach their compile after reading and parsing, which a long notebook
 * finishes last, and the first one there would go first.
 */
function inTurn<I>(items: readonly I[]): { readonly item: I; readonly slot: <T>(run: () => Promise<T>) => Promise<T>; readonly pass: () => void }[] {
  let before: Promise<void> = Promise.resolve();
  return items.map((item) => {
    const previous = before;
    let pass = (): void => undefined;
    before = new Promise<void>((resolve) => (pass = resolve));
    const slot = async <T>(run: () => Promise<T>): Promise<T> => {
      await previous;
      try {
        return await run();
      } finally {
        pass();
      }
    };
    return { item, slot, pass: () => pass() };
  });
}

/** `fn` at most once (nothing for undefined). */
function once(fn: (() => void) | undefined): () => void {
  let called = fn === undefined;
  return () => {
    if (called) return;
    called = true;
    fn?.();
  };
}

/**
 * One program for all notebooks of a build (lib, @types/node and src/ parsed once), grouped by
 * project root, checked in a thread of its own; a notebook that cannot be read is left to
 * `executeNotebook` to report.
 */
async function typeCheckTogether(files: readonly string[], options: ExecuteOptions, onStarted: () => void): Promise<Map<string, NotebookTypes>> {
  // Deno notebooks are grouped apart: `deno check` checks them, one run per root (deno-check.ts).
  const groups = new Map<string, { root: string; deno?: string; notebooks: NotebookCells[] }>();
  for (const file of files.map((f) => resolve(f))) {
    const root = options.root ? resolve(options.root) : projectRoot(file);
    try {
      const notebook = parseNotebook(await readInputText(file), displayPath(file, root));
      const deno = notebookKernel(notebook) === "deno" ? findDeno(displayPath(file, root), root) : undefined;
      const cells = notebook.cells.flatMap((cell, index) => (cell.cell_type === "code" ? [{ cell: index + 1, source: cellText(cell.source) }] : []));
      const key = `${deno ?? ""}\0${root}`;
      const group = groups.get(key) ?? { root, ...(deno === undefined ? {} : { deno }), notebooks: [] };
      group.notebooks.push({ file, cells });
      groups.set(key, group);
    } catch {
      continue;
    }
  }
  // The groups at once: tslab's check in its thread, Deno's in `deno check` processes.
  let starting = groups.size;
  const started = (): void => {
    if (--starting === 0) onStarted();
  };
  if (starting === 0) onStarted();
  const checked = await Promise.all(
    [...groups.values()].map(({ root, deno, notebooks }) =>
      typeCheckNotebooks(notebooks, root, options.cache === false ? undefined : CompileCache.forRoot(root), { ...(deno === undefined ? { inThread: true } : { checker: denoChecker(deno) }), onStarted: started }),
    ),
  ).finally(endUnusedTypeCheck);
  return new Map(checked.flatMap((group) => [...group]));
}

/** The parsed file, or undefined when it cannot be parsed: then each worker reports the error on its first cell. */
async function preloadAssumptions(file: string | null | undefined): Promise<PreloadedAssumptions | undefined> {
  if (typeof file !== "string") return undefined;
  try {
    const registry = await (await import("../assumptions/load")).loadAssumptionsFile(file);
    return { file, assumptions: registry.all() };
  } catch {
    return undefined;
  }
}
