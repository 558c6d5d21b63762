/**
 * The real world for `build()`: the file system, the notebook engine, git and Chromium. Tests pass
 * their own `BuildEffects` (or subclass this one) to run the pipeline without some of them.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { ClaimRecord, FigureRecord } from "../api/types";
import type { AssumptionRegistry } from "../assumptions";
import type { BuildEffects, ChapterRun, ExecuteSettings } from "./effects-types";
import type { ReportConfig } from "../config";
import { pruneChartCacheBehind, useChartCache } from "../charts/cache";
import { codeVersion, packageVersion } from "../package-version";
import { notebookChartFiles } from "../report/chart-outputs";
import type { Notebook } from "../notebook/nbformat";
import type { LaunchedChromium } from "../report/chromium";
import type { PdfOptions, PrintedPdf } from "../report/pdf";
import type { RenderedReport } from "../report/render";
import { loadPage, storePage } from "./cache/page-cache";
import { chapterCache, type ChapterCache } from "./cache/chapter-cache";
import type { ChapterInput } from "../report/chapters";
import { gitState, sameAsHead } from "../util/git";
import { assertUsableFolder, locatingFileSystemErrors } from "../util/fs-errors";
import { versionFolders } from "../util/version-folders";
import * as messages from "../messages/report";
import { lockBuild, replaceBuildOutputs, type LastGood, type PageKind } from "./outputs";
import { runIncrementally } from "./cache/incremental";
import { notebookInputs } from "./cache/recorded-inputs";
import { TOOL_VERSION } from "../version";
import { cacheEntryNotChapterRun } from "../messages/versions";
import { readInputText } from "../util/plain-file";
import { refuseBlockedCaches } from "./cache/blocked";

/** What the notebook cache keeps per chapter: enough to render it and to write figures/claims. */
interface CachedRun {
  readonly ok: boolean;
  readonly notebook: Notebook;
  /** The key of the ledger markers in its outputs (absent: none are filled). */
  readonly ledgerKey?: string;
  readonly figures: readonly FigureRecord[];
  readonly claims: readonly ClaimRecord[];
}

function validateCachedRun(value: unknown): CachedRun {
  const candidate = value as Partial<CachedRun> | null;
  if (
    typeof candidate !== "object" || candidate === null || typeof candidate.ok !== "boolean" ||
    !Array.isArray(candidate.notebook?.cells) || !Array.isArray(candidate.figures) || !Array.isArray(candidate.claims) ||
    (candidate.ledgerKey !== undefined && typeof candidate.ledgerKey !== "string")
  ) {
    throw new Error(cacheEntryNotChapterRun());
  }
  return candidate as CachedRun;
}

/** How a process uses `FileBuildEffects`. */
export interface FileBuildSettings {
  /**
   * "end": the process builds once (`fragtax build`), so the notebook threads (and the type check's)
   * end as soon as the chapters ran: ending a thread frees its isolate, ~20–30 ms here, which then
   * overlaps with the render instead of delaying the process's exit. "keep" (the default): `fragtax
   * dev` gives the next rebuild the same threads.
   */
  readonly threads?: "keep" | "end";
}

export class FileBuildEffects implements BuildEffects {
  constructor(
    readonly log: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
    private readonly settings: FileBuildSettings = {},
  ) {}

  exists(path: string): boolean {
    return existsSync(path);
  }

  // An input that cannot be read (a folder, no permission) is named by its own path: Node's EISDIR
  // carries none, and the error would name the current folder instead.
  readText(path: string): Promise<string> {
    return locatingFileSystemErrors("fragtax build", path, () => readInputText(path));
  }

  readBytes(path: string): Promise<Uint8Array> {
    return locatingFileSystemErrors("fragtax build", path, () => readFile(path));
  }

  async lockOutputs(outDir: string, tookOver?: () => void, cacheDir?: string): Promise<() => Promise<void>> {
    const release = await lockBuild(outDir, (line) => this.log(line), tookOver);
    try {
      // A cache the build cannot read or write fails now, before any chapter runs, not after all of them.
      if (cacheDir !== undefined) await assertUsableFolder(cacheDir, "the build cache");
    } catch (error) {
      await release();
      throw error;
    }
    return release;
  }

  replaceOutputs(outDir: string, files: ReadonlyMap<string, string | Uint8Array>, page: PageKind = "good"): Promise<LastGood | undefined> {
    return replaceBuildOutputs(outDir, files, (line) => this.log(line), page);
  }

  /**
   * Runs only the chapters whose inputs changed (cache/incremental.ts keys each on the assumptions
   * it read and the modules it imported); the rest are reused from out/.cache. Failed runs are not
   * cached, so they run again next time.
   */
  async executeChapters(config: ReportConfig, registry: AssumptionRegistry, { whatIf, ...run }: ExecuteSettings = {}): Promise<readonly ChapterRun[]> {
    // A cache written behind the chapters that cannot be is said before they run, not after (cache/blocked.ts).
    refuseBlockedCaches(config.paths.cache);
    // Rendered charts are reused from the project's cache too (render is the next step).
    useChartCache(config.paths.chartCache);
    const outcomes = await runIncrementally<CachedRun>({
      root: config.root,
      cacheDir: config.paths.notebookCache,
      notebooks: config.chapters.map((chapter) => chapter.relativePath),
      assumption: (id) => (registry.has(id) ? registry.get(id) : undefined),
      assumptionIds: () => registry.all().map((assumption) => assumption.id),
      ...(whatIf !== undefined && whatIf.length > 0 && { whatIf: new Set(whatIf) }),
      tool: TOOL_VERSION,
      settings: { montecarlo: config.montecarlo },
      execute: async (notebooks, { codeChanged }) => {
        // The engine (esbuild, the compiler) is loaded only when a chapter runs: a no-op rebuild never does.
        const [{ executeNotebooks }, { endAllWorkers, limiter }] = await Promise.all([import("../notebook/execute-many"), import("../notebook/pool")]);
        // A chapter runs, so the page will be rendered: load the renderer while the threads work, once they
        // all have theirs (`afterStart`). A failure here is left to the render step to report (it loads the
        // same modules again).
        let renderer: Promise<typeof import("../report/render")> | undefined;
        const render = (): Promise<typeof import("../report/render")> => (renderer ??= import("../report/render"));
        const preload = (): void => void render().then((module) => module.preloadRenderer()).catch(() => undefined);
        // Then too the chart cache is held to its budget, behind: the scan overlaps with the chapters' run
        // (at the end of the build it was ~35 ms more to wait for, with a full cache), every ten minutes at most.
        const afterStart = (): void => {
          preload();
          pruneChartCacheBehind();
        };
        // Each chapter's charts are drawn into the chart cache as soon as it has run, while the others run;
        // one chart at a time, as the render step draws them (a drawing swaps the global random generator
        // for its own seeded one while it awaits: charts/random.ts).
        const oneAtATime = limiter(1);
        const drawn: Promise<void>[] = [];
        const draw = (file: string, ran: Notebook): void =>
          void drawn.push(oneAtATime(() => render().then((module) => module.prerenderCharts(ran, dirname(file), config.root))).catch(() => undefined));
        const results = await executeNotebooks(
          notebooks.map((notebook) => join(config.root, notebook)),
          // The engine gets the assumptions this build parsed (what-if overrides already applied), not a path to parse again.
          { root: config.root, assumptionsFile: config.assumptions, preloaded: { file: config.assumptions, assumptions: registry.all() }, overrides: [], montecarlo: config.montecarlo, afterStart, onRun: draw, typesLikelyCached: !codeChanged, ...run },
        );
        await Promise.all(drawn); // the render step reads them: no chart is drawn twice, nor two at once
        if (this.settings.threads === "end") endAllWorkers();
        return results.map((result) => ({
          notebook: result.notebook,
          result: { ok: result.status === "ok", notebook: result.executed, figures: result.figures, claims: result.claims, ...(result.ledgerKey !== undefined && { ledgerKey: result.ledgerKey }) },
          reads: result.assumptionsRead,
          modules: result.modules,
          modulesClosed: true, // the engine's bundle and type check each give the whole closure
          // The files its charts read and those its cells read through fs: a change to either re-runs it.
          files: notebookChartFiles(result.executed, dirname(join(config.root, result.notebook)), config.root),
          readFiles: result.filesRead,
          ...(result.envRead !== undefined && { env: result.envRead }),
          ...(result.error !== undefined && { failure: result.error.cell > 0 ? `cell ${result.error.cell}` : "before its first cell" }),
          durationMs: result.durationMs,
          ...(result.modelRuns !== undefined && { modelRuns: result.modelRuns }),
        }));
      },
      validate: validateCachedRun,
      cacheable: (result) => result.ok,
      warn: this.log,
    });
    return config.chapters.map((chapter) => {
      const outcome = outcomes.find((candidate) => candidate.notebook === chapter.relativePath);
      if (outcome === undefined) throw new Error(messages.engineNoResult(chapter.relativePath));
      const { notebook, figures, claims, ledgerKey } = outcome.result;
      return { chapter, notebook, figures, claims, ...(ledgerKey !== undefined && { ledgerKey }), status: outcome.status, durationMs: outcome.durationMs, reason: outcome.reason, ...(outcome.modelRuns !== undefined && { modelRuns: outcome.modelRuns }), inputs: notebookInputs(chapter.relativePath, outcome.fingerprint) };
    });
  }

  async gitState(root: string, used: readonly { readonly path: string; readonly text: string }[] = []): Promise<{ commit: string | null; dirty: boolean }> {
    const state = await gitState(root);
    if (state.commit === null || state.dirty !== false) return { commit: state.commit, dirty: state.dirty ?? false };
    // Clean as asked; but the files the build read must be the committed ones, not an edit undone since.
    const same = await Promise.all(used.map((file) => sameAsHead(root, file.path, file.text)));
    return { commit: state.commit, dirty: same.some((match) => match === false) };
  }

  toolVersions(): Readonly<Record<string, string>> {
    return { fragtax: TOOL_VERSION, node: process.version, vega: codeVersion("vega"), "vega-lite": codeVersion("vega-lite"), esbuild: packageVersion("esbuild") };
  }

  async printPdf(html: string, options: PdfOptions, chromium?: Promise<LaunchedChromium>): Promise<PrintedPdf> {
    // Chromium's driver and pdf-lib are loaded only to print (not for --no-pdf or a reused PDF).
    const { printPdf } = await import("../report/pdf");
    return printPdf(html, options, chromium === undefined ? undefined : await chromium);
  }

  async launchPrinter(log: (line: string) => void): Promise<LaunchedChromium> {
    return (await import("../report/pdf")).launchForPrint({ log });
  }

  loadPage(cacheDir: string, key: string, builtAt: string, outDir: string): Promise<RenderedReport | undefined> {
    return loadPage(cacheDir, key, builtAt, outDir);
  }

  storePage(cacheDir: string, key: string, source: string, report: RenderedReport): Promise<void> {
    return storePage(cacheDir, key, source, report);
  }

  chapterCache(cacheDir: string, root: string, data: (chapter: ChapterInput) => readonly (readonly [string, string | null])[]): ChapterCache {
    return chapterCache(cacheDir, root, data, (path) => this.readBytes(path));
  }

  publishedVersions(reportsDir: string): Promise<readonly string[]> {
    return versionFolders(reportsDir);
  }

  now(): Date {
    return new Date();
  }
}
