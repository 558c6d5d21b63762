/**
 * `executeNotebook`: one notebook file in, the executed nbformat notebook and what the build needs
 * to know about the run out.
 *
 *  1. read + parse (nbformat 4, TypeScript kernel)        — bad input throws `NotebookFormatError`
 *  2. compile every code cell (`transpile.ts`)             — syntax errors stop here, before any cell runs
 *  3. bundle the notebook's imports (`imports.ts`)         — a missing module stops here too
 *  4. type-check (`typecheck-run.ts`, tslab's rules; Deno's: `deno-check.ts`) — the first cell with a type error and every
 *                                                             later cell do not run; earlier cells do, as in tslab
 *  5. run the cells in a worker (`pool.ts`, `worker.ts`)   — events become outputs (`outputs.ts`)
 *  6. locate a failure (`errors.ts`), mark later cells as not run, assemble the result
 *
 * A build's several notebooks at once, with one type check for all: `execute-many.ts`.
 */
import { claimTable } from "./run-claims";
import { dirname, join, resolve } from "node:path";
import { displayPath, oneNamePerFile, shellPath } from "../util/paths";
import type { ClaimRecord, FigureRecord } from "../api/types";
import { packageVersion } from "../package-version";
import { TOOL_VERSION } from "../version";
import { cellError, errorOutput, readSource, type CellError } from "./errors";
import { CompileCache } from "./compile-cache";
import { bundleImports, firstUses, isImportFailure } from "./imports";
import { bundleCached, bundleOf, compilerWasUsed, earlyBundle, noteCompilerUsed } from "./bundles";
import { cellText, notebookKernel, parseNotebook, unreadableNotebook, type CodeCell, type Notebook } from "./nbformat";
import { OutputCollector, type FileRead, type RunEvent, type ThrownValue } from "./outputs";
import type { EnvReads } from "../vocabulary/env-reads";
import type { ModelRunCounts, RefusedWrite } from "../vocabulary/kept-runs";
import { locateFailure } from "./failures";
import { DEFAULT_TIMEOUT_MS } from "../util/limits";
import { NotebookWorker, startWorkerEarly, type WorkerOutcome, type WorkerProgram, type WorkerSetup } from "./pool";
import { resolveRunInputs, type RunInputOptions } from "./run-context";
import { denoBundle, denoBundleSpecifiers, findDeno, runInDeno } from "./deno";
import { denoChecker } from "./deno-check";
import { isSyntaxError, type CellSyntaxError, type CompiledCell } from "./cells";
import type { NotebookTypes } from "./typecheck";
import { firstTypeError, typeCheckNotebooks } from "./typecheck-run";
import { findProjectRoot } from "../config/root";
import { outPaths } from "../config/paths";
import { sha256 } from "../util/hash";
import { pruneModelRunsNow } from "./model-runs";
import { FileSystemError, fileSystemRefusal, locatingFileSystemErrors } from "../util/fs-errors";
import { modelRunsCacheWhat } from "../messages/notebook";
import { readInputText } from "../util/plain-file";
import { makeFolder } from "../util/folders";

export interface ExecuteOptions extends RunInputOptions {
  /** Project root (the folder with package.json); found by walking up from the notebook by default. */
  readonly root?: string;
  /** Per-cell timeout in milliseconds (default 60 000). */
  readonly timeoutMs?: number;
  /** Stop esbuild's service process once compiled (for one-off runs; never while other runs compile). */
  readonly releaseCompiler?: boolean;
  /** Reuse compiled cells, import bundles and type checks from `<root>/out/.cache/engine/` (default true). */
  readonly cache?: boolean;
  /** Type checks already made for these notebooks (by `executeNotebooks`, one program for all). */
  readonly types?: ReadonlyMap<string, NotebookTypes>;
  /**
   * A build's type check, still running in its own thread: the cells run meanwhile, and a notebook
   * with a type error runs again up to that cell before its result is returned (so the result is
   * what a check-first run gives; only a cell's side effects outside the notebook could tell).
   */
  readonly pendingTypes?: Promise<ReadonlyMap<string, NotebookTypes>>;
  /** Runs a notebook's cells when a place is free (a build's limit of running notebooks); immediately without. */
  readonly runSlot?: <T>(run: () => Promise<T>) => Promise<T>;
  /**
   * Compiles a notebook's cells when it is its turn (a build's notebooks one after another, in report
   * order); immediately without. Compiled all at once, they interleaved and the first was ready only
   * when the last was, while the notebook threads waited.
   */
  readonly compileSlot?: <T>(run: () => Promise<T>) => Promise<T>;
  /** Called when this notebook is compiled and bundled (or failed before): see `executeNotebooks`' `afterStart`. */
  readonly compiled?: () => void;
  /**
   * Called when the notebook waits for a type check of its own, before its cells run (not the build's
   * check, which runs beside them); what it returns is called when the check has answered. Deno's
   * check takes seconds: `fragtax run` says so while it waits.
   */
  readonly checking?: () => () => void;
  /**
   * Called as soon as a notebook's cells have run, with its outputs so far: a build draws its charts
   * while other notebooks run. It may come before the build's type check answers, so it can include
   * outputs of cells that check then refuses (the result has the final outputs).
   */
  readonly onRun?: (file: string, ran: Notebook) => void;
  /** The notebook's thread runs below the main thread's priority (several notebooks at once: `executeNotebooks`). */
  readonly yieldToMain?: boolean;
  /**
   * Called once, when the notebook's cells have been handed to its thread, with the notebook as read
   * (no outputs) and its display name: this thread waits from then until the cells end, so work on
   * the notebook's text alone (`fragtax run`'s warnings) costs no time done then instead of after.
   */
  readonly running?: (notebook: Notebook, name: string) => void;
}

export interface NotebookRunResult {
  /** Notebook path relative to the root (forward slashes). */
  readonly notebook: string;
  readonly file: string;
  readonly status: "ok" | "failed";
  /** The executed notebook: outputs and execution counts set, cells after a failure marked not run. */
  readonly executed: Notebook;
  readonly error?: CellError;
  /** Project modules the notebook imported (run or type-checked), transitively, relative to the root, sorted. */
  readonly modules: readonly string[];
  /** Assumption ids the notebook read, in first-read order. */
  readonly assumptionsRead: readonly string[];
  /** Files its cells read through `fs` (absolute paths and content hashes, first-read order; notebook-files.ts). */
  readonly filesRead: readonly FileRead[];
  /** What its cells read of the environment (notebook-env.ts: `process.env`, and `Deno.env` in a Deno notebook). */
  readonly envRead?: EnvReads;
  /** The key of the `nb.words.ledger()` markers in its outputs (`resolveLedgerWords` fills only these). */
  readonly ledgerKey?: string;
  readonly figures: readonly FigureRecord[];
  readonly claims: readonly ClaimRecord[];
  readonly cellsRun: number;
  /** The cells' time, from the start, without waits for a place to run and without `typeCheckMs`. */
  readonly durationMs: number;
  /** How long the cells waited for the notebook's own type check (`checking`); 0 when the build's check ran beside them. */
  readonly typeCheckMs: number;
  /** Model runs its cells asked for: kept ones read, the others computed (model-runs.ts); absent when none. */
  readonly modelRuns?: ModelRunCounts;
}

export async function executeNotebook(file: string, options: ExecuteOptions = {}): Promise<NotebookRunResult> {
  const started = performance.now();
  const absolute = resolve(file);
  const root = options.root ? resolve(options.root) : projectRoot(absolute);
  const name = displayPath(absolute, root);
  // 1. read + parse
  const text = await readInputText(absolute).catch((error: unknown) => {
    throw unreadableNotebook(absolute, name, error);
  });
  const notebook = parseNotebook(text, name);
  const kernel = notebookKernel(notebook);
  // A run of its own (not a build's, which takes threads as places to run come free): start the thread now.
  if (options.runSlot === undefined && options.pendingTypes === undefined && kernel !== "deno") startWorkerEarly();
  const codeCells = notebook.cells.flatMap((cell, index) => (cell.cell_type === "code" ? [{ cell: index + 1, source: cellText(cell.source) }] : []));
  const base = { notebook: name, file: absolute, notebookData: notebook, started };
  // The worker starts now: thread start-up and loading assumptions overlap with steps 2–3.
  const versions = { tslab: `fragtax ${TOOL_VERSION}`, typescript: `esbuild ${packageVersion("esbuild")}`, node: process.version };
  // A Deno notebook runs in the Deno runtime (deno.ts) and is type-checked by `deno check` (deno-check.ts).
  const deno = kernel === "deno" ? findDeno(name, root) : undefined;
  const cache = options.cache === false ? undefined : CompileCache.forRoot(root);
  // The imports' bundle, started from the specifiers the sources name while the cells compile (made
  // after them, it was up to ~0.15 s of a cold build's wait for its first chapter); step 3 takes it if
  // the compiled cells name exactly these (a bundle is a function of its specifiers: cache.bundleKey).
  const early = deno === undefined && cache !== undefined ? earlyBundle(cache, codeCells, absolute, root) : undefined;
  const resolved = await resolveRunInputs(absolute, options);
  const inputs = resolved.assumptionsFile === null ? resolved : { ...resolved, assumptionsName: displayPath(resolved.assumptionsFile, root) };
  const setup: WorkerSetup | undefined = deno === undefined ? { notebookFile: absolute, notebook: name, inputs, versions, env: { ...process.env }, ...(options.yieldToMain === true && { yieldToMain: true }) } : undefined;
  // Under a build's run limit (`runSlot`) the thread is taken when the notebook's turn to run comes.
  const worker = setup && options.runSlot === undefined ? new NotebookWorker(setup) : undefined;
  const checker = deno === undefined ? undefined : denoChecker(deno); // Deno's types: `deno check`
  // The notebook's type check: made already, still running for the whole build, or made here.
  const typesOf = async (): Promise<NotebookTypes | undefined> => {
    const known = options.types?.get(absolute) ?? (await options.pendingTypes)?.get(absolute);
    return known ?? (await typeCheckNotebooks([{ file: absolute, cells: codeCells }], root, cache, { checker })).get(absolute);
  };
  try {
    // 2. compile
    const compile = (): Promise<Array<CompiledCell | CellSyntaxError>> => Promise.all(codeCells.map(({ cell, source }) => compileCached(cache, source, cell)));
    const compiled = await (options.compileSlot === undefined ? compile() : options.compileSlot(compile));
    const syntax = compiled.find(isSyntaxError);
    if (syntax) {
      worker?.cancel();
      const source = codeCells.find((c) => c.cell === syntax.cell)?.source;
      // TypeScript's own message for the cell when it has one (the words tslab prints), else esbuild's.
      const types = await typesOf();
      const inCell = types && firstTypeError({ ...types, errors: types.errors.filter((e) => e.cell === syntax.cell && e.diagnostic.cell === syntax.cell) }, name, () => source);
      const error = inCell ? { ...inCell, kind: "syntax" as const } : cellError({ kind: "syntax", notebook: name, cell: syntax.cell, line: syntax.line, column: syntax.column, ename: "SyntaxError", evalue: syntax.message }, source);
      return failedBeforeRun(base, error);
    }
    const cells = compiled as CompiledCell[];
    // 3. imports
    const bundle = deno
      ? await bundleCached(cache, denoBundleSpecifiers(cells, absolute, root), absolute, root, () => denoBundle(cells, absolute, root))
      : await bundleOf(cells, early, () => bundleCached(cache, [...firstUses(cells).keys()], absolute, root, () => bundleImports(cells, absolute, root)));
    options.compiled?.();
    if (isImportFailure(bundle)) {
      worker?.cancel();
      const source = cells.find((c) => c.cell === bundle.at.cell)?.source;
      const error = cellError({ kind: "module", notebook: name, cell: bundle.at.cell, line: bundle.at.line, column: bundle.at.column, ename: "ModuleNotFoundError", evalue: bundle.message }, source);
      return failedBeforeRun(base, error);
    }
    // The CLI's single run frees the compiler's process before the cells run (lower peak memory).
    if (options.releaseCompiler && compilerWasUsed()) (await import("esbuild")).stop();
    // 4. type-check (first, or alongside the run when the build's check is still going)
    const speculative = options.pendingTypes !== undefined && options.types?.get(absolute) === undefined && deno === undefined;
    const typeErrorOf = (types: NotebookTypes): CellError | undefined => firstTypeError(types, name, (cell) => codeCells.find((c) => c.cell === cell)?.source, (file) => readSource(resolve(root, file)), shellPath(absolute, process.cwd(), root));
    const upTo = (error: CellError | undefined): CompiledCell[] => (error === undefined ? cells : cells.filter((cell) => cell.cell < error.cell));
    // 5. run (the bundle's models keep their runs in the engine cache, for this and later notebooks: model-runs.ts)
    const modelRuns = cache === undefined || deno !== undefined ? undefined : { dir: join(outPaths(root).engineCache, "model-runs"), bundleHash: sha256(bundle.code), claims: claimTable() };
    // A file in the way is said here, before any cell runs, with its path (exit 2), as for every other
    // cache; a folder that refuses the thread's writes is said once the cells end (below).
    if (modelRuns !== undefined) await locatingFileSystemErrors(modelRunsCacheWhat(), modelRuns.dir, () => makeFolder(modelRuns.dir));
    const inSlot = options.runSlot ?? (<T>(fn: () => Promise<T>): Promise<T> => fn());
    // Time spent waiting for a place to run or for the build's check is not this notebook's time.
    let waitedMs = 0;
    let told = false;
    const handedOver = (): void => {
      if (told || options.running === undefined) return;
      told = true;
      options.running(notebook, name);
    };
    const start = (runnable: readonly CompiledCell[], thread: NotebookWorker | undefined) => (job: RunJob): Promise<WorkerOutcome> =>
      deno !== undefined ? runInDeno(deno, absolute, runnable, { bundle, inputs, notebook: name }, job) : (thread ?? new NotebookWorker(setup as WorkerSetup)).run(job.program, job);
    const run = (runnable: readonly CompiledCell[], thread: NotebookWorker | undefined): Promise<CellsRun> => {
      const asked = performance.now();
      return inSlot(() => {
        waitedMs += performance.now() - asked;
        return runCells(runnable, { bundle: bundle.code, ...(modelRuns && { modelRuns, codeCache: join(outPaths(root).engineCache, "v8") }) }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, start(runnable, thread), handedOver);
      });
    };
    let types: NotebookTypes;
    let ran: CellsRun;
    let typeCheckMs = 0;
    if (speculative) {
      const speculation = run(cells, worker).then((done) => {
        options.onRun?.(absolute, outputsSoFar(notebook, done));
        return { done, at: performance.now() };
      });
      const [speculated, checked] = await Promise.all([speculation, typesOf()]);
      waitedMs += performance.now() - speculated.at;
      types = checked ?? NO_TYPES;
      const refused = typeErrorOf(types);
      // A type error: the cells from it on must not have run. Run again, in a fresh realm, up to it.
      ran = refused === undefined ? speculated.done : await run(upTo(refused), undefined);
    } else {
      const checkStarted = performance.now();
      const checked = options.checking?.();
      types = (await typesOf()) ?? NO_TYPES;
      checked?.();
      typeCheckMs = performance.now() - checkStarted;
      ran = await run(upTo(typeErrorOf(types)), worker);
      options.onRun?.(absolute, outputsSoFar(notebook, ran));
    }
    const typeError = typeErrorOf(types);
    if (modelRuns !== undefined) pruneModelRunsNow(modelRuns.dir);
    const { outcome, collector, state } = ran;
    // A folder that is there but refused the thread's writes (an immutable folder, a full disk): every
    // later build would compute these runs again, unsaid; said here with its path (exit 2), as for every other cache.
    if (modelRuns !== undefined && state.modelRunsRefused !== undefined) throw refusedWrite(state.modelRunsRefused, modelRuns.dir);
    // 6. assemble
    const error = locateFailure(outcome, state.ended, { cells, notebook: name, root, bundle, deno: deno !== undefined }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS) ?? typeError;
    // The failing cell keeps what it printed before it threw or timed out; its error follows.
    if (error) collector.resume(error.cell === 0 ? (cells[0]?.cell ?? 0) : error.cell);
    if (error) collector.add(errorOutput(error));
    const executed = assemble(notebook, (cell) => (state.counts.has(cell) || cell === error?.cell ? { count: state.counts.get(cell) ?? null, outputs: collector.outputsOf(cell) } : undefined));
    return {
      notebook: name,
      file: absolute,
      status: error ? "failed" : "ok",
      executed,
      ...(error ? { error } : {}),
      modules: oneNamePerFile(root, [...new Set([...bundle.projectModules, ...types.files])]),
      assumptionsRead: state.reads,
      filesRead: state.files,
      ...(state.env !== undefined && { envRead: state.env }),
      ledgerKey: inputs.ledgerKey,
      figures: state.figures,
      claims: state.claims,
      cellsRun: state.counts.size,
      ...(state.modelRuns !== undefined && state.modelRuns.kept + state.modelRuns.computed > 0 && { modelRuns: state.modelRuns }),
      durationMs: performance.now() - started - waitedMs - typeCheckMs,
      typeCheckMs,
    };
  } catch (error) {
    // Any failure before or around the run (an unwritable cache, esbuild gone) ends the thread
    // waiting for its program: an idle worker must never keep the process alive.
    worker?.cancel();
    throw error;
  } finally {
    options.compiled?.(); // a notebook that failed before its run is done with this thread too
  }
}

async function compileCached(cache: CompileCache | undefined, source: string, cell: number): Promise<CompiledCell | CellSyntaxError> {
  const key = cache?.cellKey(source, cell);
  const hit = key === undefined ? undefined : await cache?.readCell(key);
  if (hit) return hit;
  noteCompilerUsed();
  // The compiler (acorn, magic-string, esbuild) loads only when a cell is not in the cache.
  const compiled = await (await import("./transpile")).compileCell(source, cell);
  if (key !== undefined && !isSyntaxError(compiled)) await cache?.writeCell(key, compiled);
  return compiled;
}

const NO_TYPES: NotebookTypes = { errors: [], files: [] };

/** The model-runs folder's refused write as the located error every cache gives (a code Node names no advice for included). */
function refusedWrite(refused: RefusedWrite, dir: string): FileSystemError {
  return fileSystemRefusal(modelRunsCacheWhat(), refused.path === "" ? dir : refused.path, refused.code);
}

type RunJob = { readonly program: WorkerProgram; readonly timeoutMs: number; readonly onEvent: (event: RunEvent) => void };

/** One run of some of the notebook's cells: what happened, with the outputs and records it made. */
interface CellsRun {
  readonly outcome: WorkerOutcome;
  readonly collector: OutputCollector;
  readonly state: RunState;
}

async function runCells(
  runnable: readonly CompiledCell[],
  imports: Pick<WorkerProgram, "bundle" | "modelRuns" | "codeCache">,
  timeoutMs: number,
  start: (job: RunJob) => Promise<WorkerOutcome>,
  handedOver: () => void,
): Promise<CellsRun> {
  const collector = new OutputCollector();
  const state: RunState = { reads: [], files: [], figures: [], claims: [], ended: new Map(), counts: new Map() };
  // A `@browser` cell is for the browser: tslab does not run it in Node (it counts as run, with no output).
  const program = { cells: runnable.map(({ cell, code, filename, pragmas }) => ({ cell, code: pragmas.browser ? "undefined" : code, filename })), ...imports };
  const running = start({ program, timeoutMs, onEvent: (event) => applyEvent(event, collector, state) });
  // The program is posted by now; what `handedOver` starts runs once this turn of the loop is done.
  setImmediate(handedOver);
  const outcome = await running;
  return { outcome, collector, state };
}

interface RunState {
  reads: readonly string[];
  files: readonly FileRead[];
  env?: EnvReads;
  modelRuns?: ModelRunCounts;
  modelRunsRefused?: RefusedWrite;
  figures: FigureRecord[];
  claims: ClaimRecord[];
  ended: Map<number, ThrownValue | null>;
  counts: Map<number, number>;
}

function applyEvent(event: RunEvent, collector: OutputCollector, state: RunState): void {
  switch (event.type) {
    case "cell-start":
      collector.start(event.cell);
      state.counts.set(event.cell, state.counts.size + 1);
      return;
    case "stream":
      return collector.stream(event.name, event.text);
    case "display":
      return collector.display(event.data, event.displayId, event.update);
    case "figure":
      state.figures.push(event.record);
      return;
    case "claim":
      state.claims.push(event.record);
      return;
    case "cell-end":
      state.reads = event.reads;
      state.files = event.files ?? state.files;
      state.env = event.env ?? state.env;
      state.modelRuns = event.modelRuns ?? state.modelRuns;
      state.modelRunsRefused = event.modelRunsRefused ?? state.modelRunsRefused;
      state.ended.set(event.cell, event.thrown ?? null);
      if (event.value !== undefined && !event.thrown) collector.result(event.value, state.counts.get(event.cell) ?? 0, event.bundle, event.shown === true);
      return;
  }
}

function failedBeforeRun(base: { notebook: string; file: string; notebookData: Notebook; started: number }, error: CellError): NotebookRunResult {
  const executed = assemble(base.notebookData, (cell) => (cell === error.cell ? { count: null, outputs: [errorOutput(error)] } : undefined));
  return { notebook: base.notebook, file: base.file, status: "failed", executed, error, modules: [], assumptionsRead: [], filesRead: [], figures: [], claims: [], cellsRun: 0, durationMs: performance.now() - base.started, typeCheckMs: 0 };
}

/** The notebook with the outputs of the cells that ran (for `onRun`; the result is assembled after). */
function outputsSoFar(notebook: Notebook, ran: CellsRun): Notebook {
  return assemble(notebook, (cell) => (ran.state.counts.has(cell) ? { count: ran.state.counts.get(cell) ?? null, outputs: ran.collector.outputsOf(cell) } : undefined));
}

/** Copies the notebook with outputs per code cell; code cells without a run are marked not run. */
function assemble(notebook: Notebook, ran: (cell: number) => { count: number | null; outputs: CodeCell["outputs"] } | undefined): Notebook {
  const cells = notebook.cells.map((cell, index) => {
    if (cell.cell_type !== "code") return cell;
    const run = ran(index + 1);
    if (run === undefined) return { ...cell, execution_count: null, outputs: [], metadata: { ...cell.metadata, fragtax: { status: "not-run" } } };
    return { ...cell, execution_count: run.count, outputs: run.outputs };
  });
  return { ...notebook, cells };
}

/** The project root of a notebook (src/config/'s rule), or the notebook's folder outside any project. */
export function projectRoot(notebookFile: string): string {
  return findProjectRoot(dirname(notebookFile));
}
