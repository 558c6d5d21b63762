/**
 * What the build pipeline (pipeline.ts) asks of the outside world, and what one chapter's run gives
 * back. Its own file so the pipeline and the file-system implementation (effects.ts) both import it
 * without importing each other.
 */
import type { ClaimRecord, FigureRecord } from "../api/types";
import type { AssumptionRegistry } from "../assumptions";
import type { ChapterConfig, ReportConfig } from "../config";
import type { Provenance } from "../report/appendices";
import type { Notebook } from "../notebook/nbformat";
import type { LaunchedChromium } from "../report/chromium";
import type { PdfOptions, PrintedPdf } from "../report/pdf";
import type { RenderedReport } from "../report/render";
import type { BuildInputs } from "./cache/recorded-inputs";
import type { LastGood, PageKind } from "./outputs";
import type { ChapterCache } from "./cache/chapter-cache";
import type { ChapterInput } from "../report/chapters";
import type { ModelRunCounts } from "../vocabulary/kept-runs";

export interface ChapterRun {
  readonly chapter: ChapterConfig;
  /** The notebook with its outputs after execution (or as reused from the cache). */
  readonly notebook: Notebook;
  readonly figures: readonly FigureRecord[];
  readonly claims: readonly ClaimRecord[];
  /** The key of the `nb.words.ledger()` markers in its outputs (the render fills only these). */
  readonly ledgerKey?: string;
  readonly status: "executed" | "reused";
  readonly durationMs: number;
  /** Why it was executed or reused, in words ("assumption h100_usd_per_gpu_hour changed"). */
  readonly reason: string;
  /** Model runs its cells took kept, and those they computed (src/notebook/model-runs.ts); absent when none ran. */
  readonly modelRuns?: ModelRunCounts;
  /** The files it was made from (its notebook, modules, data), for the build log; publish checks them. */
  readonly inputs?: BuildInputs;
}

export interface BuildEffects {
  readonly log: (line: string) => void;
  exists(path: string): boolean;
  readText(path: string): Promise<string>;
  readBytes(path: string): Promise<Uint8Array>;
  /**
   * Takes the build lock of `outDir` (waiting for another build); returns its release. `tookOver` is
   * called when the lock was a killed build's (taken over: what that build was writing may be left). With `cacheDir`, fails before returning when that cache exists but cannot be used.
   */
  lockOutputs(outDir: string, tookOver?: () => void, cacheDir?: string): Promise<() => Promise<void>>;
  /**
   * Makes `files` (name → contents) the whole of `outDir`, at once. A `failed` page moves the build it
   * replaces, if that one did not fail, to `out/last-good/`, and returns it (build/outputs.ts `PageKind`).
   */
  replaceOutputs(outDir: string, files: ReadonlyMap<string, string | Uint8Array>, page?: PageKind): Promise<LastGood | undefined>;
  /** `registry`: the parsed assumptions with any what-if overrides applied; the engine runs on exactly these. */
  executeChapters(config: ReportConfig, registry: AssumptionRegistry, run?: ExecuteSettings): Promise<readonly ChapterRun[]>;
  /** Commit and dirty flag; `used` (paths relative to `root`, with the text the build read) counts as dirty when it differs from HEAD. */
  gitState(root: string, used?: readonly { readonly path: string; readonly text: string }[]): Promise<Provenance["git"]>;
  toolVersions(): Readonly<Record<string, string>>;
  /** Prints with `chromium` when given (started early by `launchPrinter`; not closed here), else with its own. */
  printPdf(html: string, options: PdfOptions, chromium?: Promise<LaunchedChromium>): Promise<PrintedPdf>;
  /** Starts the Chromium a print will use (build/print-step.ts `Printer`); absent: each print launches its own. */
  launchPrinter?(log: (line: string) => void): Promise<LaunchedChromium>;
  now(): Date;
  /** The page a previous build rendered from the same inputs (`key`), with `builtAt` as its build time (build/cache/page-cache.ts). */
  loadPage?(cacheDir: string, key: string, builtAt: string, outDir: string): Promise<RenderedReport | undefined>;
  /** Keeps the page's record: `source` is `pageSource` of its HTML and build time (build/cache/page-cache.ts). */
  storePage?(cacheDir: string, key: string, source: string, report: RenderedReport): Promise<void>;
  /** The chapters earlier builds rendered (build/cache/chapter-cache.ts); `data`: a chapter's chart data files with their sha256. */
  chapterCache?(cacheDir: string, root: string, data: (chapter: ChapterInput) => readonly (readonly [string, string | null])[]): ChapterCache;
  /** The ids of the versions published under `reportsDir`, oldest first (an erratum corrects one of them). */
  publishedVersions?(reportsDir: string): Promise<readonly string[]>;
}

/** How the engine runs the cells (not part of a chapter's cache key: only successful runs are cached). */
export interface ExecuteSettings {
  readonly timeoutMs?: number;
  /** The ids whose value a what-if gave (their runs are recorded as such: build/cache/notebook-cache.ts). */
  readonly whatIf?: readonly string[];
}
