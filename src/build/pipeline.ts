/**
 * `fragtax build`: the whole report, from report.yaml to report.html and report.pdf.
 *
 *   1. config       notebooks/report.yaml → ReportConfig (normalized once)
 *   2. assumptions  assumptions.yaml → AssumptionRegistry (validated, hashed, no source after the
 *                   as-of date), then what-if overrides
 *   2b. errata      the errata file (corrections of published versions), parsed; each erratum's
 *                   version must be one in out/reports/ (when there is one: publish checks again),
 *                   and after step 4 its section and figures must exist in this build
 *   3. execute      chapters → executed notebooks + figures + claims (engine; reused when unchanged)
 *   4. render       chapters + records + appendices → one self-contained HTML page
 *   5. collect      report.html, figures.json, claims.json, sections.json, errata.json (in memory)
 *   6. print        report.html → report.pdf with headless Chromium (skipped with --no-pdf; print-step.ts:
 *                   Chromium starts while the chapters run or the page renders)
 *   7. log          build-log.json (build-log.ts): per notebook executed or reused, duration and why, the sha256
 *                   of every other output (publish verifies them) and of every file the build was
 *                   made from (cache/recorded-inputs.ts: publish refuses the build once one changed)
 *   8. replace      all of them become out/build/ at once (build/outputs.ts)
 *
 * Steps 3–8 run under out/.build.lock: a second build waits, and a build that dies holding it tells
 * publish that the newest build never finished.
 *
 * Every read and write of the project's files and outputs goes through `effects` (default:
 * `FileBuildEffects`), so tests can run the pipeline in memory; the caches of parsed input files
 * (cache/parsed-inputs.ts) read and write out/.cache/inputs/ themselves, and a miss there only costs
 * a parse. A failed cell does not stop the build: the HTML shows the error in place and
 * the result's exit code is 1.
 */
import { dirname, join, relative } from "node:path";
// Not the barrel (../assumptions): it brings the assumptions parser, YAML and zod, which a build
// whose files are unchanged does not load (cache/parsed-inputs.ts).
import { AssumptionError } from "../assumptions/errors";
import { sourcesAfterAsOf } from "../assumptions/as-of";
import type { ClaimRecord, FigureRecord } from "../api/types";
import { checkAsOf, ConfigNotFoundError, configPathForRoot, findConfigFile, type ReportConfig } from "../config";
import * as messages from "../messages/report";
import { whatIfFileOverridesNothing } from "../messages/whatif";
import { chapterExecuted } from "../messages/notebook";
import { FileBuildEffects } from "./effects";
import type { BuildEffects, ChapterRun } from "./effects-types";
import { APPENDIX_IDS, type Provenance } from "../report/appendices";
import type { FailedCell } from "../report/chapters";
import type { PdfOptions } from "../report/pdf";
import { claimsJson, duplicateIds, pretty } from "../report/records";
import { figuresJson } from "../report/figures-file";
import type { KeptChapter, RenderedReport, ReportInput } from "../report/render";
import { notebookSections, type SectionRecord } from "../report/sections";
import { sha256 } from "../util/hash";
import { writeBehind, writesBehindSettled } from "../util/atomic";
import { sweepLeftovers } from "./cache/leftovers";
import { visibleInOneLine } from "../format/control";
import { formatSeconds } from "../format/number";
import type { WhatIf } from "./whatif/overrides";
import { applyWhatIf, withOverridesFileRead, type WhatIfOptions } from "./whatif/options";
import { buildKeptLastGood } from "../messages/build-outputs";
import { renderWhatIfBanner } from "./whatif/banner";
import { describeWhatIf } from "./whatif/overrides";
import { BUILD_LOG, printedFromPage } from "./outputs";
import { buildLog } from "./build-log";
import { mustPrint, Printer, printRequested, printStep, type PdfOutcome } from "./print-step";
import { pageKey, pageSource, sameImages } from "./cache/page-cache";
import { parseAssumptionsCached } from "./cache/parsed-assumptions";
import { normalizeConfigCached, parseErrataCached } from "./cache/parsed-config";
import { codeStamp } from "./cache/code-stamp";
import { sectionsCached } from "./cache/sections-cache";
import { mergeInputs, recordedPaths } from "./cache/recorded-inputs";
import { notebookChartFiles } from "../report/chart-outputs";
import type { AssumptionRegistry } from "../assumptions";
import { checkErrata, checkErrataVersions } from "../errata/check";
import { publishedFigurePlaces } from "../errata/published-figures";
import { withoutPositions, type LocatedErratum } from "../errata/types";
import { cellFailed } from "../notebook/nbformat";
import { withCellFrames } from "../notebook/errors";
import { typedNumbersInReportYaml } from "../report/typed-numbers";

export { FileBuildEffects } from "./effects";
export type { BuildEffects, ChapterRun, ExecuteSettings } from "./effects-types";

export interface BuildOptions {
  /** Project root (the folder with notebooks/); found from the current folder when absent. */
  readonly root?: string;
  /** Where `root` came from: `--root` (the default; a report.yaml missing there is said as what --root wants) or dev's project, found as it started. */
  readonly rootFrom?: "flag" | "project";
  /** false (`--no-pdf`) or "keep" (dev): no PDF printed even if report.yaml asks for one; one printed of the same page is kept. */
  readonly pdf?: boolean | "keep";
  /** What-if overrides for this build only (`--set id=value|low..high`, `--assumptions FILE`). */
  readonly whatIf?: WhatIfOptions;
  /** Per-cell timeout in milliseconds (`--timeout SECONDS`; the engine's default, 60 s, when absent). */
  readonly timeoutMs?: number;
  /** `--strict`: a warning (e.g. a chart filter on a field its data lacks) fails the build (exit 1). */
  readonly strict?: boolean;
}

export interface BuildResult {
  readonly config: ReportConfig;
  readonly files: readonly string[];
  readonly failedCells: readonly FailedCell[];
  /** The chapters (project paths) where a code cell threw: figures.json lacks what they declare from there on. */
  readonly threw: readonly string[];
  /** Each failed cell's error as located by the engine (notebook, cell, line, column, code frame). */
  readonly cellErrors: readonly string[];
  readonly pdf: PdfOutcome;
  /** The overrides of a what-if build (the report says so on its first page; publish refuses it). */
  readonly whatIf: WhatIf | null;
  /**
   * Every file and folder the build read, absolute (build-log.json's `inputs`: notebooks, modules, data
   * files and folders its cells read, chart data, the images the page inlined), and the images its
   * markdown names that it could not inline (missing, not an image …). `fragtax dev` watches those
   * outside its folders, so adding or editing one rebuilds.
   */
  readonly read: readonly string[];
  /** Those of `read` that were not there when the build read them (and the images its markdown names that are not there). */
  readonly missing: readonly string[];
  /** Figure or claim ids declared more than once, each with where: the build fails (exit 1), as `fragtax dev`'s rebuild must. */
  readonly duplicateIds: readonly string[];
  /** 0 when everything was built; 1 when a cell failed or the requested PDF was not printed; 2 for a bad PUPPETEER_EXECUTABLE_PATH. */
  readonly exitCode: 0 | 1 | 2;
}

/**
 * One line of the build's progress. What it names can come from the project's files (a data file whose
 * name holds a line break, in "re-ran: data file …"), so its line breaks are shown as \x0a: a name can
 * never start a line of its own ("warning: …", "wrote …") that the build did not write.
 */
function logStep(effects: BuildEffects, name: string, detail: string): void {
  effects.log(messages.buildStep(name, visibleInOneLine(detail)));
}

export async function build(options: BuildOptions = {}, effects: BuildEffects = new FileBuildEffects()): Promise<BuildResult> {
  const started = effects.now();
  const step = (name: string, detail = ""): void => logStep(effects, name, detail);

  // 1. config
  const configFile = options.root === undefined ? findConfigFile(process.cwd(), (path) => effects.exists(path)) : configPathForRoot(options.root);
  if (options.root !== undefined && !effects.exists(configFile)) throw new ConfigNotFoundError(options.root, options.rootFrom !== "project");
  // report.yaml, assumptions.yaml and the errata file are parsed once per content (cache/parsed-inputs.ts).
  const code = codeStamp();
  const configText = await effects.readText(configFile);
  const { value: config, keep: keepConfig } = await normalizeConfigCached(configText, configFile, {
    ...(options.root !== undefined && { root: options.root }),
    exists: (path) => effects.exists(path),
    code,
  });
  const rel = (path: string): string => relative(config.root, path) || ".";
  step("config", messages.configRead(rel(config.file), config.chapters.length));

  // The overrides file before the lock: a pipe given as one waits for its writer, holding up no other build.
  const whatIfOptions = await withOverridesFileRead(options.whatIf ?? {});
  // The outputs are locked from here: a build killed at any later point leaves the lock behind, so
  // publish refuses until a build finishes, however early the kill came.
  // A lock a killed build left: what it was writing behind (util/atomic.ts) may be left half-done in
  // the caches, as temporary files no build reads; they go, behind this build.
  const release = await effects.lockOutputs(config.outDir, () => writeBehind(() => sweepLeftovers(config.paths.cache)), config.paths.cache);
  try {
    // 2. assumptions
    const assumptionsText = await effects.readText(config.assumptions);
    const { registry: fileRegistry, keep: keepParsed } = await parseAssumptionsCached(assumptionsText, rel(config.assumptions), config.paths.cache, code);
    // Checked here, not with the rest of report.yaml: without a date the version's date is today's, and the parsed file is cached.
    const versionDate = checkAsOf(config, configText, rel(config.file), started.toISOString().slice(0, 10));
    const asOf = config.asOf ?? versionDate;
    const [late, ...moreLate] = sourcesAfterAsOf(fileRegistry.all(), fileRegistry.correlations, asOf, assumptionsText);
    if (late !== undefined) throw new AssumptionError([late, ...moreLate]);
    step("assumptions", `${fileRegistry.all().length} from ${rel(config.assumptions)}, as of ${asOf}`);
    const { registry, whatIf, notes, fileOverridesNothing } = await applyWhatIf(fileRegistry, whatIfOptions, { text: assumptionsText, name: rel(config.assumptions) });
    // One line each: an override's line holds commas and semicolons of its own.
    if (whatIf) for (const o of [...whatIf.overrides.map((override) => describeWhatIf(override, registry.get(override.id), fileRegistry.get(override.id))), ...notes]) step("what-if", o);
    else {
      if (fileOverridesNothing && options.whatIf?.assumptions !== undefined) step("what-if", whatIfFileOverridesNothing(options.whatIf.assumptions, rel(config.assumptions)));
      for (const note of notes) step("what-if", note);
    }
    const errataText = config.errata === undefined ? undefined : await effects.readText(config.errata);
    const parsedErrata = config.errata === undefined || errataText === undefined ? null : await parseErrataCached(errataText, rel(config.errata), config.paths.cache, code);
    const errata = parsedErrata?.value ?? null;
    // Before any chapter runs. A project with no version yet (or whose versions are kept elsewhere) has
    // none to check against: publish, which knows the new version's id, refuses what is wrong then.
    const versions = errata === null || errata.length === 0 ? [] : ((await effects.publishedVersions?.(config.paths.reports)) ?? []);
    if (errata !== null && versions.length > 0) checkErrataVersions(errata, versions);
    // Kept behind (util/atomic.ts): the build waits for these writes before it replaces its outputs.
    for (const keep of [keepConfig, keepParsed, parsedErrata?.keep]) if (keep !== undefined) writeBehind(keep);
    // The files read here, as read: the build log records them with the chapters' inputs (publish checks them).
    const read: [string, string][] = [[config.file, sha256(configText)], ...(config.errata !== undefined && errataText !== undefined ? [[config.errata, sha256(errataText)] as [string, string]] : [])];
    return await buildLocked({ config, options, effects, started, rel, registry, fileRegistry, whatIf, assumptionsText, versionDate, asOf, errata, read, configWarnings: typedNumbersInReportYaml(config, configText, rel(config.file)) });
  } finally {
    // No cache write outlives the lock (a build that failed first has its own error to tell).
    await writesBehindSettled().catch(() => undefined);
    await release();
  }
}

interface LockedInput {
  readonly config: ReportConfig;
  readonly options: BuildOptions;
  readonly effects: BuildEffects;
  readonly started: Date;
  readonly rel: (path: string) => string;
  readonly registry: AssumptionRegistry;
  readonly fileRegistry: AssumptionRegistry;
  readonly whatIf: WhatIf | null;
  readonly assumptionsText: string;
  readonly versionDate: string;
  readonly asOf: string;
  /** The parsed errata file, or null when report.yaml names none. */
  readonly errata: readonly LocatedErratum[] | null;
  /** report.yaml and the errata file (absolute path, sha256 of the text read). */
  readonly read: ReadonlyArray<readonly [string, string]>;
  /** What report.yaml's own text gets wrong without failing the build (a number typed into the title). */
  readonly configWarnings: readonly string[];
}

async function buildLocked(input: LockedInput): Promise<BuildResult> {
  const printer = new Printer(input.effects, input.effects.log);
  // No earlier PDF to reuse: Chromium starts now, while the chapters run, and is ready with the page.
  if (await mustPrint(input.config, input.options, input.effects)) printer.start();
  try {
    return await buildAndPrint(input, printer);
  } finally {
    await printer.close();
  }
}

async function buildAndPrint({ config, options, effects, started, rel, registry, fileRegistry, whatIf, assumptionsText, versionDate, asOf, errata, read, configWarnings }: LockedInput, printer: Printer): Promise<BuildResult> {
  const step = (name: string, detail = ""): void => logStep(effects, name, detail);
  // Asked now, answered while the chapters are checked (git runs in its own processes).
  const git = effects.gitState(config.root, [{ path: relative(config.root, config.assumptions), text: assumptionsText }]);
  git.catch(() => undefined); // awaited below; a failure then is not also an unhandled rejection
  // 3. execute
  const runs = await effects.executeChapters(config, registry, { ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }), ...(whatIf && { whatIf: whatIf.overrides.map((override) => override.id) }) });
  for (const run of runs) {
    const failed = run.notebook.cells.findIndex(cellFailed);
    step("execute", chapterExecuted(run.chapter.relativePath, run.status, formatSeconds(run.durationMs), run.reason, run.modelRuns, failed === -1 ? undefined : failed + 1));
  }
  const { figures, claims, sections } = await withSections(runs, config.paths.cache);

  // 4. render
  const provenance: Provenance = {
    builtAt: started.toISOString(),
    git: await git,
    tools: effects.toolVersions(),
    assumptionsSha256: sha256(assumptionsText),
    assumptionsContentSha256: registry.hash(),
  };
  const renderInput: ReportInput = {
    config,
    chapters: runs.map((run) => ({ number: run.chapter.number, relativePath: run.chapter.relativePath, notebook: run.notebook, ...(run.ledgerKey !== undefined && { ledgerKey: run.ledgerKey }) })),
    assumptions: registry.all(),
    assumptionsFile: rel(config.assumptions),
    figures,
    claims,
    correlations: registry.correlations,
    provenance,
    versionDate,
    asOf,
    ...(whatIf && { notice: renderWhatIfBanner(whatIf, (id) => (fileRegistry.has(id) ? fileRegistry.get(id) : undefined)) }),
  };
  // A page rendered anew will be printed anew: Chromium starts while it renders.
  let rendered = false;
  const { report, keep: keepPage } = await renderOrReuse(renderInput, effects, () => {
    rendered = true;
    if (printRequested(config, options)) printer.start();
  });
  step("render", messages.renderedPage(report.chapters.length, report.charts, rendered, report.chaptersTaken, report.failedCells.filter((cell) => cell.failed === "page").map((cell) => cell.where)));
  if (errata !== null) {
    // An erratum points at this report's sections and figures. A code cell that threw leaves figures
    // missing, so the check waits for a build without one (publish refuses the others anyway); a cell
    // that failed only as drawn (a markdown image it cannot show, a chart it cannot draw) loses none. Which versions were published is publish's to check.
    const figuresWhole = report.failedCells.every((f) => {
      const cell = runs.find((run) => run.chapter.number === f.chapter)?.notebook.cells[f.cell - 1];
      return cell !== undefined && !cellFailed(cell);
    });
    if (figuresWhole) checkErrata(errata, { sections: [...sections.map((s) => s.id), ...APPENDIX_IDS], figures: figures.map((f) => f.id), places: figures, publishedPlaces: await publishedFigurePlaces(config.paths.reports, errata, new Set(figures.map((f) => f.id))) });
    step("errata", messages.errataChecked(errata.length, rel(config.errata ?? ""), figuresWhole));
  }
  const warnings = [...configWarnings, ...report.warnings];
  for (const warning of warnings) effects.log(messages.buildWarning(warning));

  // 5. collect
  const out = (name: string): string => `${config.outDir}/${name}`;
  const outputs = new Map<string, string | Uint8Array>();
  const write = async (name: string, contents: string | Uint8Array): Promise<void> => {
    outputs.set(name, contents);
  };
  if (config.outputs.html || config.outputs.pdf) await write("report.html", report.html);
  await write("figures.json", figuresJson(figures));
  await write("claims.json", claimsJson(claims));
  await write("sections.json", pretty(sections));
  if (errata !== null) await write("errata.json", pretty(withoutPositions(errata)));

  // 6. print
  const pdfStarted = effects.now().getTime();
  // The page with its build time taken out: equal → the existing report.pdf already shows this page.
  const pdfSource = pageSource(report.html, provenance.builtAt);
  // Its record, for the next build to take report.html as this page (none without a report.html on disk).
  if (config.outputs.html || config.outputs.pdf) keepPage?.(pdfSource);
  const pdfOptions: PdfOptions = {
    title: config.title,
    versionDate,
    paper: config.paper,
    ...(config.author !== undefined && { author: config.author }),
    ...(config.subtitle !== undefined && { subtitle: config.subtitle }),
    publishedAt: started,
    log: effects.log,
  };
  const notebooksByPath = new Map(runs.map((run) => [run.chapter.relativePath, run.notebook]));
  const duplicates = [...duplicateIds(figures, notebooksByPath), ...duplicateIds(claims, notebooksByPath)];
  const failedPage = report.failedCells.length > 0 || duplicates.length > 0;
  const pdfStep = await printStep({ config, options, html: report.html, pdfSource, pdfOptions, effects, printer, write, failedPage });
  const pdf = pdfStep.outcome;
  const pdfMs = effects.now().getTime() - pdfStarted;

  // 7. log
  const hashes = Object.fromEntries([...outputs].map(([name, contents]) => [name, sha256(contents)]));
  const requested = { html: config.outputs.html, pdf: printRequested(config, options) || pdf === "reused" };
  const inputs = mergeInputs(config.root, runs.flatMap((run) => run.inputs ?? []), [...read, ...(report.images ?? []).map((image) => [image.path, image.sha256] as const)]);
  await write(BUILD_LOG, pretty(buildLog({ asOf, started, now: effects.now(), whatIf, assumptions: { file: rel(config.assumptions), sha256: provenance.assumptionsSha256 }, inputs, git: provenance.git, errataFile: config.errata === undefined ? null : rel(config.errata), runs, failedCells: report.failedCells, pdf: pdfStep, pdfMs, pdfSource, duplicates, warnings, requested, outputs: hashes })));

  // 8. replace — once the caches written behind are on disk: one that could not be written stops the build here, with its path.
  await writesBehindSettled();
  const strictFailure = options.strict === true && warnings.length > 0;
  // A what-if or a page --strict refuses removes no last good build, and keeps there a normal one it replaces (build/outputs.ts).
  const lastGood = await effects.replaceOutputs(config.outDir, outputs, failedPage ? "failed" : whatIf !== null || strictFailure ? "neutral" : "good");
  const files = [...outputs.keys()].map((name) => rel(out(name)));
  effects.log(messages.buildWrote(files));
  const cellErrors = report.failedCells.map((failed) => cellErrorDetail(runs, failed));
  for (const error of cellErrors) effects.log(error);
  if (report.failedCells[0] !== undefined) effects.log(messages.buildCellErrors(report.failedCells.length, report.failedCells[0].where));
  if (duplicates.length > 0) effects.log(messages.buildDuplicateIds(duplicates));
  if (lastGood !== undefined) effects.log(buildKeptLastGood(`${rel(lastGood.folder)}/`, lastGood.files, lastGood.keptNow, !failedPage));
  if (strictFailure) effects.log(messages.buildStrictWarnings(warnings.length));
  const ok = report.failedCells.length === 0 && (printedFromPage(pdf) || pdf === "skipped") && duplicates.length === 0 && !strictFailure;
  const readPaths = [...new Set([...recordedPaths(config.root, inputs), ...(report.images ?? []).map((image) => image.path), ...(report.imagesNotInlined ?? [])])];
  const missing = [...recordedPaths(config.root, inputs, "missing"), ...(report.imagesNotInlined ?? []).filter((image) => !effects.exists(image))];
  const threw = runs.filter((run) => run.notebook.cells.some(cellFailed)).map((run) => run.chapter.relativePath);
  return { config, files, failedCells: report.failedCells, threw, cellErrors, pdf, whatIf, read: readPaths, missing, duplicateIds: duplicates, exitCode: pdf === "bad-chromium-path" ? 2 : ok ? 0 : 1 };
}

/**
 * The page, rendered — or reused from the last build when every input of the renderer is the same
 * (build/cache/page-cache.ts): then the renderer and what it loads (Vega, canvas, fonts) are not loaded.
 */
async function renderOrReuse(input: ReportInput, effects: BuildEffects, onRender: () => void): Promise<{ report: RenderedReport; keep?: (source: string) => void }> {
  const { builtAt, ...provenance } = input.provenance;
  const cacheDir = input.config.paths.cache;
  // The charts' data files are inlined into the page: their content is part of its key, and of each chapter's.
  const dataOf = new Map(
    await Promise.all(
      input.chapters.map(async (chapter) => {
        const files = notebookChartFiles(chapter.notebook, chapter.baseDir ?? dirname(join(input.config.root, chapter.relativePath)), input.config.root);
        // One that cannot be read is keyed as missing: the render reports it, in place.
        const hashed = await Promise.all(files.map(async (file) => [file, effects.exists(file) ? await effects.readBytes(file).then(sha256, () => null) : null] as const));
        return [chapter.relativePath, hashed] as const;
      }),
    ),
  );
  const key = pageKey({ ...input, provenance, notice: input.notice?.value ?? null, data: [...dataOf.values()].flat() });
  const reused = await effects.loadPage?.(cacheDir, key, builtAt, input.config.outDir);
  // The images its markdown inlined are not in the key: a replaced one renders the page again.
  if (reused !== undefined && (await sameImages(reused, input.config.root, (path) => effects.readBytes(path)))) return { report: reused };
  onRender();
  // The chapters whose render would read what it read last time are taken from the chapter cache.
  const chapters = effects.chapterCache?.(cacheDir, input.config.root, (chapter) => dataOf.get(chapter.relativePath) ?? []);
  // The chapters and the page are kept behind (util/atomic.ts): the build waits for those writes before it replaces its outputs.
  const keeper = chapters && { ...chapters, store: async (chapterKey: string, kept: KeptChapter) => writeBehind(() => chapters.store(chapterKey, kept)) };
  const report = await (await import("../report/render")).renderReport(input, keeper);
  // Behind, like the writes (a rebuild waited ~10–15 ms on its listing and removals here).
  if (chapters !== undefined) writeBehind(() => chapters.prune());
  const storePage = effects.storePage?.bind(effects);
  return { report, ...(storePage !== undefined && { keep: (source: string) => writeBehind(() => storePage(cacheDir, key, source, report)) }) };
}

/**
 * The failed cell's error as the engine located it (notebook, cell, line, column and a code frame,
 * like `fragtax run` prints it); outputs saved by another tool fall back to "where: ename: evalue".
 */
function cellErrorDetail(runs: readonly ChapterRun[], failed: FailedCell): string {
  const run = runs.find((candidate) => candidate.chapter.number === failed.chapter);
  const cell = run?.notebook.cells[failed.cell - 1];
  const error = cell?.cell_type === "code" ? cell.outputs.find((output) => output.output_type === "error") : undefined;
  const traceback = error?.output_type === "error" ? error.traceback.join("\n") : "";
  if (run !== undefined && traceback.startsWith(`${run.chapter.relativePath}: cell `)) return traceback;
  const message = failed.message.startsWith(failed.where) ? failed.message : `${failed.where}: ${failed.message}`;
  // One the render located in its cell (a chart's field its data lacks): with the cell's code frame, as the engine's errors have.
  return run === undefined ? message : withCellFrames(message, run.notebook);
}

/** Every figure and claim tagged with the section (heading to heading) of the cell that declared it. */
async function withSections(runs: readonly ChapterRun[], cacheDir: string): Promise<{ figures: FigureRecord[]; claims: ClaimRecord[]; sections: SectionRecord[] }> {
  const figures: FigureRecord[] = [];
  const claims: ClaimRecord[] = [];
  const sections: SectionRecord[] = [];
  const { value: chapters, keep } = await sectionsCached(cacheDir, runs.map((run) => ({ notebook: run.notebook, relativePath: run.chapter.relativePath })), codeStamp());
  writeBehind(keep);
  for (const [index, run] of runs.entries()) {
    const found = chapters[index] ?? notebookSections(run.notebook, run.chapter.relativePath);
    sections.push(...found.sections);
    const tag = <T extends { readonly cell?: number }>(record: T): T => (record.cell === undefined ? record : { ...record, section: found.sectionOfCell(record.cell) });
    figures.push(...run.figures.map(tag));
    claims.push(...run.claims.map(tag));
  }
  return { figures, claims, sections };
}
