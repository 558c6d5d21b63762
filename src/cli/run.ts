/**
 * `fragtax run`: one notebook, executed headlessly. Exit codes: 0 ok, 1 a cell failed, its markdown
 * shows an image the report cannot inline, a chart names a data file that is not there or a field its
 * data lacks, or a figure or claim id is declared twice, 2 bad usage or unreadable input (not JSON, nbformat 3, not a TypeScript
 * kernel, missing file, a malformed assumptions file).
 */
import { basename, dirname, join, resolve } from "node:path";
import type { Command } from "commander";
import * as messages from "../messages/notebook";
import { buildDuplicateIds, buildWarning } from "../messages/report";
import { formatCellError, withCellFrames } from "../notebook/errors";
import { cellFailed } from "../notebook/nbformat";
import { killOtherThreadsChildren } from "../notebook/thread-children";
import { writeUserFileAtomic } from "../util/atomic";
import { EXIT_FAILED, EXIT_OK, InputError, type ExitCode } from "../util/errors";
import { locatingFileSystemErrors } from "../util/fs-errors";
import { MAX_TIMEOUT_SECONDS, parseTimeoutSeconds } from "../util/limits";
import { outPaths } from "../config/paths";
import { displayPath, isInside, shellPath } from "../util/paths";
import { endBySignal } from "../util/signals";
import { jsonWithVisibleControls } from "../format/control";
import { checkOutFile } from "./out-file";
import { timeoutOption } from "./timeout-option";

/** A type check waited on longer than this is said as it goes, and in the summary (Deno's takes seconds; tslab's is usually cached). */
const SLOW_CHECK_MS = 1000;


export function registerRunCommand(program: Command): void {
  program
    .command("run")
    .description("Execute one TypeScript notebook (tslab or Deno kernel) headlessly and write the executed notebook.")
    .argument("<notebook>", "the .ipynb file")
    .option("--out <file>", "where to write the executed notebook: a .ipynb outside out/reports/ and, but for out/build/executed/, outside out/build/; never over the notebook or another existing source (default: out/build/executed/<name>.ipynb; - for stdout)")
    .addOption(timeoutOption("stop a cell that runs longer than this"))
    .addHelpText(
      "after",
      "\nExit codes: 0 every cell ran; 1 a cell failed (a syntax, type or runtime error: printed as notebook: cell N,\nline L, column C with a code frame; a timeout: notebook: cell N), or its markdown shows an image the report cannot\ninline (missing, outside the project, not an image, remote: as `fragtax build` says it), or a chart names a\ndata file that is not there or a field its data lacks, or an id is declared twice; 2 bad usage, a notebook that cannot be read or a malformed assumptions file.",
    )
    .action(async (notebook: string, options: { out?: string; timeout: string }) => {
      process.exitCode = await runCommand(notebook, options);
    });
}

async function runCommand(notebook: string, options: { out?: string; timeout: string }): Promise<ExitCode> {
  const timeoutMs = parseTimeoutSeconds(options.timeout);
  if (timeoutMs === undefined) throw new InputError(messages.badTimeout(options.timeout, MAX_TIMEOUT_SECONDS));
  // Refused before anything runs: a typo would replace assumptions.yaml or a module with notebook JSON.
  if (options.out !== undefined && options.out !== "-") {
    await checkOutFile(options.out, { extension: ".ipynb", wrongExtension: messages.runOutNotNotebook, folder: messages.runOutFolder, inPublished: messages.runOutInPublished, inBuild: messages.runOutInBuild, readOnly: messages.runOutReadOnly, source: { file: notebook, refusal: messages.runOutIsSource } });
  }
  // SIGINT or SIGTERM ends the run as the signal would, and the processes its cell started with it: a
  // signal to fragtax alone (`kill`, a process manager) left a cell's `execSync("…")` child running.
  const stop = (signal: NodeJS.Signals): void => {
    killOtherThreadsChildren();
    endBySignal(signal);
  };
  process.once("SIGINT", stop).once("SIGTERM", stop);
  // The notebook thread starts before the engine is loaded: its start-up (~0.1 s) overlaps with that.
  // (A Deno notebook leaves it idle; idle threads never keep the process alive.)
  (await import("../notebook/pool")).startWorkerEarly();
  // Loaded on demand: other commands do not pay for esbuild and the engine.
  const [{ executeNotebook, projectRoot }, inputs, parsed] = await Promise.all([import("../notebook/execute"), import("../build/cache/run-inputs"), import("../build/cache/parsed-assumptions")]);
  // report.yaml's fields and the parsed assumptions, from the parsed-input cache while the files are
  // unchanged (the notebook thread then loads no YAML parser); on a miss, parsed here and kept.
  const root = projectRoot(resolve(notebook));
  const cache = outPaths(root).cache;
  // A report.yaml that cannot be read still lets the notebook run, on the defaults, as in Jupyter; said after the run.
  let unreadableReport: { file: string; reason: string } | undefined;
  let ignoredFields: { file: string; what: readonly string[]; samples: number; seed: number } | undefined;
  // The notebook's own text is warned about from its source alone (notebook-warnings.ts): worked out
  // while its thread runs the cells, as this thread only waits then (~30 ms after them, for a chapter
  // whose prose templates are parsed), and said after the run as before.
  // (Held with its failure, if any, so a throw there meets the run's end instead of ending the process meanwhile.)
  let textWarnings: Promise<{ readonly warnings: string[] } | { readonly failed: unknown }> | undefined;
  const result = await executeNotebook(notebook, {
    running: (read, name) => {
      textWarnings = import("../report/notebook-warnings").then(({ notebookWarnings }) => notebookWarnings(read, name)).then((warnings) => ({ warnings }), (failed: unknown) => ({ failed }));
      // Read by every run once the cells end: loaded meanwhile too (a failure to load is met there).
      import("../report/markdown-images").catch(() => undefined);
    },
    timeoutMs,
    releaseCompiler: true,
    // A type check that takes a while (Deno's: seconds) is said as it starts, not left as a silent wait.
    checking: () => {
      const slow = setTimeout(() => process.stderr.write(`${messages.runTypeChecking(displayPath(resolve(notebook), root))}\n`), SLOW_CHECK_MS);
      return () => clearTimeout(slow);
    },
    cachedAssumptions: (file) => parsed.assumptionsForRun(file, root, cache),
    reportFields: async (file) => {
      const fields = await inputs.reportFieldsCached(file, cache);
      if (fields.unreadable !== undefined) unreadableReport = { file: displayPath(file, root), reason: fields.unreadable };
      if (fields.ignored !== undefined) ignoredFields = { file: displayPath(file, root), what: fields.ignored, ...fields.montecarlo };
      return fields;
    },
  });
  if (unreadableReport !== undefined) process.stderr.write(`${messages.runReportUnreadable(unreadableReport.file, unreadableReport.reason)}\n`);
  if (ignoredFields !== undefined) process.stderr.write(`${messages.runReportFieldsIgnored(ignoredFields.file, ignoredFields.what, ignoredFields.samples, ignoredFields.seed)}\n`);
  // A bad assumptions file stops the notebook's thread before its first cell; it is this run's input,
  // not a cell's failure: read on this thread, it throws its located problems (exit 2, as build).
  if (result.error?.ename === "AssumptionError") {
    const { assumptionsFile } = await (await import("../notebook/run-context")).resolveRunInputs(result.file, { reportFields: (file) => inputs.reportFieldsCached(file, cache) });
    if (assumptionsFile !== null) await (await import("../assumptions/load")).loadAssumptionsFile(assumptionsFile, displayPath(assumptionsFile, root));
  }
  // nb.words.ledger() counts the whole report when a build renders it; a single run has only this notebook's claims.
  const { resolveLedgerWords } = await import("../api/words");
  const json = resolveLedgerWords(`${JSON.stringify(result.executed, null, 1)}\n`, result.claims, result.ledgerKey);
  // The file keeps the notebook as it is; on stdout, what would act on a terminal is escaped (the same JSON).
  // Where it went is said last, after the run's errors and summary: "wrote …" first read as success.
  let wrote: string | undefined;
  if (options.out === "-") process.stdout.write(jsonWithVisibleControls(json));
  else {
    const paths = outPaths(root);
    const out = resolve(options.out ?? join(paths.executed, basename(notebook)));
    // A reader never sees half a notebook; a folder or unwritable path is said with the path (exit 2).
    const write = (): Promise<void> => locatingFileSystemErrors(messages.runOutWhat(), out, () => writeUserFileAtomic(out, json));
    if (isInside(paths.executed, out)) await underBuildLock(paths.build, write);
    else await write();
    // Named as the user's shell would: relative to the current folder when inside it, or inside the same project.
    const failed = result.executed.cells.findIndex(cellFailed);
    wrote = messages.runWrote(shellPath(out, process.cwd(), root), failed === -1 ? undefined : failed + 1);
  }
  // What the build will say of the charts without drawing them, so it is seen here first: its warnings,
  // and, as errors (exit 1), a chart field its inline data lacks or a data file that is not there,
  // either of which fails the build's drawing of it. (The checks are loaded only when there is a chart.)
  let chartErrors: string[] = [];
  if ((await import("../report/chart-specs")).hasCharts(result.executed)) {
    const charts = await import("../report/chart-outputs");
    const problems = await charts.chartSpecProblems(result.executed, result.notebook, dirname(result.file), root);
    const schema = await charts.chartSchemaProblems(result.executed, result.notebook, outPaths(root).chartCache);
    for (const warning of [...schema.warnings, ...problems.warnings]) process.stderr.write(`${buildWarning(warning)}\n`);
    chartErrors = [...schema.errors, ...problems.errors, ...charts.chartDataErrors(result.executed, result.notebook, dirname(result.file), root)];
    for (const error of chartErrors) process.stderr.write(`${withCellFrames(error, result.executed)}\n`);
  }
  // The images its markdown shows that the build would refuse: a relative one shows in JupyterLab,
  // but a build of this notebook fails at it, so the run says so (and exits 1) where it is written.
  // (notebookImageProblems loads markdown's parser only for a notebook whose markdown has an image at all.)
  const images = await import("../report/markdown-images");
  const refused = await images.notebookImageProblems(result.executed, { file: result.notebook, baseDir: dirname(result.file), root }, { outputs: true });
  for (const problem of refused) process.stderr.write(`${images.imageProblemText(problem, result.executed)}\n`);
  // Template text left in a markdown cell (`${cost}`), a cell id another cell has: warned about as the build does.
  const early = await textWarnings;
  if (early !== undefined && "failed" in early) throw early.failed;
  const warnings = early?.warnings ?? (await (await import("../report/notebook-warnings")).notebookWarnings(result.executed, result.notebook));
  for (const warning of warnings) process.stderr.write(`${buildWarning(warning)}\n`);
  // An id declared twice (a figure in a loop) makes the build unpublishable: said here first (exit 1).
  let duplicates: string[] = [];
  if (result.figures.length + result.claims.length > 1) {
    const { duplicateIds } = await import("../report/records");
    const notebooks = new Map([[result.notebook, result.executed]]);
    duplicates = [...duplicateIds(result.figures, notebooks), ...duplicateIds(result.claims, notebooks)];
  }
  if (duplicates.length > 0) process.stderr.write(`${buildDuplicateIds(duplicates)}\n`);
  if (result.error) process.stderr.write(`${formatCellError(result.error)}\n`);
  else process.stderr.write(`${messages.runSummary(result.notebook, result.cellsRun, result.durationMs, result.modelRuns, result.typeCheckMs >= SLOW_CHECK_MS ? result.typeCheckMs : undefined)}\n`);
  if (refused.length > 0) process.stderr.write(`${messages.runImagesRefused(refused.length)}\n`);
  // The cells ran, so the summary reads as success: what still fails the notebook is said after it.
  if (chartErrors.length > 0) process.stderr.write(`${messages.runChartsRefused(chartErrors.length)}\n`);
  if (wrote !== undefined) process.stderr.write(`${wrote}\n`);
  return result.status === "ok" && refused.length === 0 && chartErrors.length === 0 && duplicates.length === 0 ? EXIT_OK : EXIT_FAILED;
}

/**
 * A write into out/build/executed/ under the build lock: a build replacing out/build/ moves that folder
 * into its new one, and a notebook written into the old one during the swap would be deleted with it
 * while run said it wrote it. A build under way is waited for, saying so.
 */
async function underBuildLock(buildDir: string, write: () => Promise<void>): Promise<void> {
  const { lockBuild } = await import("../build/outputs");
  const release = await lockBuild(buildDir, (line) => process.stderr.write(`${line}\n`));
  try {
    await write();
  } finally {
    await release();
  }
}
