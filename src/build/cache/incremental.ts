/**
 * The incremental build step that build/pipeline.ts calls in place of executing every notebook:
 *
 *   1. check    each notebook's cache entry against the current state (one hasher for the build)
 *   2. execute  only the notebooks whose entry is missing, unreadable or out of date (one engine call)
 *   3. store    each fresh, cacheable result with the fingerprint of what it read and imported
 *   4. explain  every notebook's outcome: executed or reused, and why (for build-log.json + console)
 */
import type { Assumption } from "../../assumptions/types";
import * as messages from "../../messages/versions";
import type { FileRead } from "../../vocabulary/file-reads";
import type { EnvReads } from "../../vocabulary/env-reads";
import type { ModelRunCounts } from "../../vocabulary/kept-runs";
import { fingerprintChanges, NotebookCache, type Fingerprint } from "./notebook-cache";
import { FileHasher, currentState, fingerprintAfterRun, lockfileHash } from "./dependencies";
import { writeBehind } from "../../util/atomic";
import { visibleInOneLine } from "../../format/control";

/** What the engine reports per executed notebook. */
export interface ExecutedNotebook<Result> {
  readonly notebook: string;
  readonly result: Result;
  /** Assumption ids the notebook read (the registry's `readsBy(notebook)`). */
  readonly reads: readonly string[];
  /** Project modules it imported (relative to root or absolute; the closure is computed here unless `modulesClosed`). */
  readonly modules: readonly string[];
  /**
   * `modules` is already every project module the notebook imports, transitively: the engine's import
   * bundle and its type check each list their whole closure, so the esbuild pass that would find it
   * again (~0.14 s between the last run and the render) is skipped.
   */
  readonly modulesClosed?: boolean;
  /** Data files its charts read (relative to root or absolute): a change re-runs it, like an assumption. */
  readonly files?: readonly string[];
  /** Files its cells read, with the hash of what they read (taken then, not now): tracked like `files`. */
  readonly readFiles?: readonly FileRead[];
  /** What its cells read of the environment: a build with another value re-runs it. */
  readonly env?: EnvReads;
  /** Where an uncacheable (failed) run failed, for the next build's reason ("cell 5"). */
  readonly failure?: string;
  readonly durationMs?: number;
  /** Model runs it took kept, and those it computed (the build says so). */
  readonly modelRuns?: ModelRunCounts;
}

export interface IncrementalInputs<Result> {
  readonly root: string;
  readonly cacheDir: string;
  /** Notebook paths relative to root, in report order. */
  readonly notebooks: readonly string[];
  readonly assumption: (id: string) => Assumption | undefined;
  /** Every id the assumptions file defines, in file order (for notebooks that read the list). */
  readonly assumptionIds: () => readonly string[];
  /** The ids whose value a what-if gave this build: recorded, so the next build's reason can say so. */
  readonly whatIf?: ReadonlySet<string>;
  readonly tool: string;
  readonly settings: Readonly<Record<string, unknown>>;
  /**
   * Runs the notebooks. `codeChanged` is false when they re-run only because inputs changed (an
   * assumption, a data file, a setting): their code, and so their type check, is as last time.
   */
  execute(notebooks: readonly string[], why: { readonly codeChanged: boolean }): Promise<ReadonlyArray<ExecutedNotebook<Result>>>;
  /** Checks a cached result's shape; throw to reject it. */
  validate(result: unknown): Result;
  /** Failed runs are not cached, so they re-run next time (default: everything is cached). */
  cacheable?(result: Result): boolean;
  warn(message: string): void;
  /** Ignore the cache (but refresh it), e.g. `--force`. */
  readonly force?: boolean;
}

export interface NotebookOutcome<Result> {
  readonly notebook: string;
  readonly status: "executed" | "reused";
  readonly reason: string;
  readonly durationMs: number;
  readonly modelRuns?: ModelRunCounts;
  readonly result: Result;
  /** What the result was made from: the reused entry's fingerprint, or the one taken after the run. */
  readonly fingerprint: Fingerprint;
}

/** Changes of what a notebook reads, not of its code (nor of the modules, lockfile or tool it runs with). */
const INPUT_CHANGES: ReadonlySet<string> = new Set(["assumption", "assumption-list", "data", "folder", "env", "env-list", "setting"]);

export async function runIncrementally<Result>(inputs: IncrementalInputs<Result>): Promise<Array<NotebookOutcome<Result>>> {
  const hasher = new FileHasher(inputs.root);
  const lockfile = await lockfileHash(inputs.root);
  const cache = new NotebookCache<Result>(inputs.cacheDir, inputs.validate, inputs.warn);
  const common = { root: inputs.root, assumption: inputs.assumption, assumptionIds: inputs.assumptionIds, ...(inputs.whatIf !== undefined && { whatIf: inputs.whatIf }), lockfile, tool: inputs.tool, settings: inputs.settings, hasher };

  const outcomes = new Map<string, NotebookOutcome<Result>>();
  const reasons = new Map<string, string>();
  let codeChanged = inputs.force === true;
  // Every entry is read at once and decided in order (warnings too): read one after the other, the
  // reads' waits added up between deciding and running the first chapter.
  const loads = new Map(inputs.force ? [] : inputs.notebooks.map((notebook) => [notebook, cache.load(notebook)] as const));
  for (const load of loads.values()) load.catch(() => undefined); // awaited in order below; one that fails while another is decided is not unhandled
  const cleared: Promise<void>[] = [];
  for (const notebook of inputs.notebooks) {
    const started = performance.now();
    if (inputs.force) {
      reasons.set(notebook, messages.reranForced());
      continue;
    }
    const current = currentState({ ...common, notebook });
    // The detail may quote the entry's own bytes (a parser's message): a line break in them would start a line of its own.
    const decision = await cache.check(notebook, current, (detail) => messages.unreadableCacheEntry(notebook, visibleInOneLine(detail)), loads.get(notebook));
    if (decision.reuse) {
      outcomes.set(notebook, { notebook, status: "reused", reason: messages.reusedNothingChanged(), durationMs: performance.now() - started, result: decision.entry.result, fingerprint: decision.entry.fingerprint });
      cleared.push(cache.clearFailure(notebook)); // the good run is the latest again: a later reason is said against it
    } else {
      // After a failed run (never cached), what changed is said against that run, not the last good one.
      const failed = await cache.loadFailure(notebook);
      const since = failed === undefined ? undefined : fingerprintChanges(failed.fingerprint, current);
      reasons.set(notebook, failed === undefined || since === undefined ? messages.reranBecause(decision.changes) : since.length === 0 ? messages.reranAfterFailure(failed.failure) : messages.reranBecause(since));
      codeChanged ||= decision.changes.some((change) => !INPUT_CHANGES.has(change.kind));
    }
  }
  await Promise.all(cleared);

  const toRun = inputs.notebooks.filter((notebook) => reasons.has(notebook));
  if (toRun.length > 0) {
    const started = performance.now();
    const executed = await inputs.execute(toRun, { codeChanged });
    const share = (performance.now() - started) / toRun.length;
    // The fingerprints at once (each resolves its modules' closure with esbuild: one after the other,
    // nine chapters spent ~0.4 s waiting here between the last run and the render).
    const fingerprints = await Promise.all(
      executed.map((run) => fingerprintAfterRun({ ...common, notebook: run.notebook, modules: run.modules, modulesClosed: run.modulesClosed === true, reads: run.reads, ...(run.files !== undefined && { files: run.files }), ...(run.readFiles !== undefined && { readFiles: run.readFiles }), ...(run.env !== undefined && { env: run.env }) })),
    );
    // The entries are written behind (util/atomic.ts): their waits were on the path between the last
    // drawing and the render. The build waits for them before it replaces its outputs.
    for (const [index, run] of executed.entries()) {
      const fingerprint = fingerprints[index] as Fingerprint;
      if (inputs.cacheable?.(run.result) ?? true) writeBehind(() => cache.store(run.notebook, fingerprint, run.result).then(() => cache.clearFailure(run.notebook)));
      else writeBehind(() => cache.storeFailure(run.notebook, fingerprint, run.failure ?? ""));
      const reason = reasons.get(run.notebook) ?? messages.reranBecause([{ kind: "first-run" }]);
      outcomes.set(run.notebook, { notebook: run.notebook, status: "executed", reason, durationMs: run.durationMs ?? share, ...(run.modelRuns !== undefined && { modelRuns: run.modelRuns }), result: run.result, fingerprint });
    }
  }
  return inputs.notebooks.flatMap((notebook) => {
    const outcome = outcomes.get(notebook);
    return outcome ? [outcome] : [];
  });
}
