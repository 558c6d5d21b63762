/**
 * `fragtax build`: the whole report, from report.yaml to report.html and report.pdf.
 *
 *   1. config       notebooks/report.yaml → ReportConfig (normalized once)
 *   2. assumptions  assumptions.yaml → AssumptionRegistry (validated, hashed)
 *   3. execute      chapters → executed notebooks + figures + claims (engine; reused when unchanged)
 *   4. render       chapters + records + appendices → one self-contained HTML page
 *   5. write        report.html, figures.json, claims.json (atomically, under out/build/)
 *   6. print        report.html → report.pdf with headless Chromium (skipped with --no-pdf)
 *   7. log          build-log.json: per notebook executed or reused, duration and why
 *
 * Every read and write goes through `effects` (default: `FileBuildEffects`), so tests can run the
 * pipeline in memory. A failed cell does not stop the build: the HTML shows the error in place and
 * the result's exit code is 1.
 */
import { relative } from "node:path";
import { parseAssumptions, type AssumptionRegistry } from "./assumptions";
import type { ClaimRecord, FigureRecord } from "./api/types";
import { configPathForRoot, findConfigFile, normalizeConfig, type ChapterConfig, type ReportConfig } from "./config";
import * as messages from "./messages/report";
import { FileBuildEffects } from "./build-effects";
import type { Provenance } from "./report/appendices";
import type { FailedCell } from "./report/chapters";
import { ChromiumNotFoundError } from "./report/chromium";
import type { Notebook } from "./report/nbformat";
import type { PdfOptions } from "./report/pdf";
import { claimsJson, duplicateIds, figuresJson, pretty } from "./report/records";
import { renderReport } from "./report/render";

export { FileBuildEffects } from "./build-effects";

export interface ChapterRun {
  readonly chapter: ChapterConfig;
  /** The notebook with its outputs after execution (or as reused from the cache). */
  readonly notebook: Notebook;
  readonly figures: readonly FigureRecord[];
  readonly claims: readonly ClaimRecord[];
  readonly status: "executed" | "reused";
  readonly durationMs: number;
  /** Why it was executed or reused, in words ("assumption h100_usd_per_gpu_hour changed"). */
  readonly reason: string;
}

export interface BuildEffects {
  readonly log: (line: string) => void;
  exists(path: string): boolean;
  readText(path: string): Promise<string>;
  /** Write `contents` to `path` so that readers never see half a file. */
  writeAtomically(path: string, contents: string | Uint8Array): Promise<void>;
  executeChapters(config: ReportConfig, registry: AssumptionRegistry): Promise<readonly ChapterRun[]>;
  gitState(root: string): Promise<Provenance["git"]>;
  toolVersions(): Readonly<Record<string, string>>;
  printPdf(html: string, options: PdfOptions): Promise<Uint8Array>;
  now(): Date;
}

export interface BuildOptions {
  /** Project root (the folder with notebooks/); found from the current folder when absent. */
  readonly root?: string;
  /** false: skip the PDF even if report.yaml asks for it (`--no-pdf`). */
  readonly pdf?: boolean;
}

export type PdfOutcome = "written" | "skipped" | "no-chromium" | "failed";

export interface BuildResult {
  readonly config: ReportConfig;
  readonly files: readonly string[];
  readonly failedCells: readonly FailedCell[];
  readonly pdf: PdfOutcome;
  /** 0 when everything was built; 1 when a cell failed or the requested PDF was not printed. */
  readonly exitCode: 0 | 1;
}

export async function build(options: BuildOptions = {}, effects: BuildEffects = new FileBuildEffects()): Promise<BuildResult> {
  const started = effects.now();
  const step = (name: string, detail = ""): void => effects.log(messages.buildStep(name, detail));

  // 1. config
  const configFile = options.root === undefined ? findConfigFile(process.cwd(), (path) => effects.exists(path)) : configPathForRoot(options.root);
  const config = normalizeConfig(await effects.readText(configFile), configFile, { ...(options.root !== undefined && { root: options.root }), exists: (path) => effects.exists(path) });
  const rel = (path: string): string => relative(config.root, path) || ".";
  step("config", `${rel(config.file)}, ${config.chapters.length} chapters`);

  // 2. assumptions
  const registry = parseAssumptions(await effects.readText(config.assumptions), rel(config.assumptions));
  step("assumptions", `${registry.all().length} from ${rel(config.assumptions)}`);

  // 3. execute
  const runs = await effects.executeChapters(config, registry);
  for (const run of runs) step("execute", `${run.chapter.relativePath} ${run.status} in ${(run.durationMs / 1000).toFixed(2)} s (${run.reason})`);
  const figures = runs.flatMap((run) => run.figures);
  const claims = runs.flatMap((run) => run.claims);

  // 4. render
  const versionDate = config.date ?? started.toISOString().slice(0, 10);
  const provenance: Provenance = {
    builtAt: started.toISOString(),
    git: await effects.gitState(config.root),
    tools: effects.toolVersions(),
    assumptionsSha256: registry.hash(),
  };
  const report = await renderReport({
    config,
    chapters: runs.map((run) => ({ number: run.chapter.number, relativePath: run.chapter.relativePath, notebook: run.notebook })),
    assumptions: registry.all(),
    assumptionsFile: rel(config.assumptions),
    figures,
    claims,
    provenance,
    versionDate,
  });
  step("render", `${report.chapters.length} chapters, ${report.charts} charts`);
  for (const warning of report.warnings) effects.log(messages.buildWarning(warning));

  // 5. write
  const out = (name: string): string => `${config.outDir}/${name}`;
  const files: string[] = [];
  const write = async (name: string, contents: string | Uint8Array): Promise<void> => {
    await effects.writeAtomically(out(name), contents);
    files.push(rel(out(name)));
  };
  if (config.outputs.html || config.outputs.pdf) await write("report.html", report.html);
  await write("figures.json", figuresJson(figures));
  await write("claims.json", claimsJson(claims));

  // 6. print
  const pdfStarted = effects.now().getTime();
  const pdf = await printStep(config, options, report.html, versionDate, effects, write);
  const pdfMs = effects.now().getTime() - pdfStarted;

  // 7. log
  const duplicates = [...duplicateIds(figures), ...duplicateIds(claims)];
  await write("build-log.json", pretty(buildLog({ started, now: effects.now(), runs, failedCells: report.failedCells, pdf, pdfMs, duplicates, warnings: report.warnings })));
  effects.log(messages.buildWrote(files));
  if (report.failedCells[0] !== undefined) effects.log(messages.buildCellErrors(report.failedCells.length, report.failedCells[0].where));
  if (duplicates.length > 0) effects.log(messages.buildDuplicateIds(duplicates));
  const ok = report.failedCells.length === 0 && (pdf === "written" || pdf === "skipped") && duplicates.length === 0;
  return { config, files, failedCells: report.failedCells, pdf, exitCode: ok ? 0 : 1 };
}

async function printStep(
  config: ReportConfig,
  options: BuildOptions,
  html: string,
  versionDate: string,
  effects: BuildEffects,
  write: (name: string, contents: Uint8Array) => Promise<void>,
): Promise<PdfOutcome> {
  if (options.pdf === false || !config.outputs.pdf) return "skipped";
  try {
    const bytes = await effects.printPdf(html, { title: config.title, versionDate, paper: config.paper });
    await write("report.pdf", bytes);
    effects.log(messages.buildStep("pdf", `${config.paper}, ${(bytes.byteLength / 1024).toFixed(0)} KB`));
    return "written";
  } catch (error) {
    effects.log(error instanceof Error ? error.message : String(error));
    return error instanceof ChromiumNotFoundError ? "no-chromium" : "failed";
  }
}

interface LogInput {
  readonly started: Date;
  readonly now: Date;
  readonly runs: readonly ChapterRun[];
  readonly failedCells: readonly FailedCell[];
  readonly pdf: PdfOutcome;
  readonly pdfMs: number;
  readonly duplicates: readonly string[];
  readonly warnings: readonly string[];
}

function buildLog(input: LogInput): unknown {
  return {
    builtAt: input.started.toISOString(),
    durationMs: input.now.getTime() - input.started.getTime(),
    notebooks: input.runs.map((run) => ({
      notebook: run.chapter.relativePath,
      status: run.status,
      durationMs: Math.round(run.durationMs),
      reason: run.reason,
      failedCells: input.failedCells.filter((cell) => cell.chapter === run.chapter.number).map((cell) => cell.cell),
    })),
    warnings: input.warnings,
    pdf: { status: input.pdf, durationMs: input.pdf === "skipped" ? 0 : input.pdfMs },
    duplicateIds: input.duplicates,
  };
}
