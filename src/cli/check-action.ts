/**
 * The `fragtax check` action (registered in check.ts, loaded when the command runs): report.yaml, its
 * assumptions file and its errata file as a build reads them, the type check of notebooks and src/ (notebook/check.ts),
 * and the images their markdown cells show, judged as a build judges them (report/markdown-images.ts),
 * so what would stop a build is found before one.
 */
import { dirname, resolve } from "node:path";
import { existsSync } from "node:fs";
import { checkAsOf, ConfigNotFoundError, configPathForRoot, danglingReportLink, findProjectRoot, findReportYaml } from "../config";
import { unknownAssumption } from "../messages/assumptions";
import { UNKNOWN_ASSUMPTION } from "../assumptions/errors";
import { located } from "../messages/location";
import { buildWarning } from "../messages/report";
import * as messages from "../messages/notebook";
import { assumptionRefs } from "../notebook/assumption-refs";
import { checkDenoNotebooks, checkNotebooks, formatDiagnostic, readCells, readNotebook, reportNotebooks, type CheckDiagnostic } from "../notebook/check";
import { readSource } from "../notebook/errors";
import { codeFrame } from "../util/code-frame";
import type { NotebookCells } from "../notebook/typecheck";
import { imageProblemText, notebookImageProblems } from "../report/markdown-images";
import { notebookWarnings } from "../report/notebook-warnings";
import { EXIT_FAILED, EXIT_OK, type ExitCode } from "../util/errors";
import { locatingFileSystemErrors } from "../util/fs-errors";
import { displayPath } from "../util/paths";
import { readInputText } from "../util/plain-file";
import { nearestNames } from "../util/suggest";
import { CANNOT_FIND_MODULE } from "../notebook/module-suggest";
import { OTHER_KERNEL_CODE } from "../notebook/other-kernel";
import { visibleInOneLine } from "../format/control";
import { syntaxErrorsIn } from "../notebook/syntax-errors";

/**
 * The project of a check without `--root`: the first notebook's, found from its folder as `fragtax run`
 * finds it, else the one the shell is in (checked from another folder, a chapter's `../dist/api.js` was
 * looked for beside the wrong one: type errors `run` and the build never had).
 */
function implicitRoot(args: readonly string[]): string {
  const first = args[0];
  return first === undefined ? findProjectRoot(process.cwd()) : findProjectRoot(dirname(resolve(first)));
}

/** Exit 0 when clean, 1 on type errors or images a build would refuse; an unreadable notebook throws (exit 2). */
export async function checkCommand(args: readonly string[], explicitRoot?: string): Promise<ExitCode> {
  // `--root` names the project, where nothing is searched upward (and its report.yaml must be there).
  const root = explicitRoot === undefined ? implicitRoot(args) : resolve(explicitRoot);
  const configFile = configPathForRoot(explicitRoot ?? root);
  if (explicitRoot !== undefined && !existsSync(configFile)) throw new ConfigNotFoundError(root, true);
  // A report.yaml that links to nothing is a project whose settings are lost, not a bare folder.
  if (explicitRoot === undefined && findReportYaml(process.cwd()) === undefined && danglingReportLink(process.cwd(), false) !== undefined) throw new ConfigNotFoundError(process.cwd());
  // With no notebook named, the report is what is checked: outside any project there is none, and
  // "type check passed: 0 notebooks" let a CI job run from the wrong folder pass.
  if (explicitRoot === undefined && args.length === 0 && findReportYaml(process.cwd()) === undefined) throw new ConfigNotFoundError(process.cwd());
  // report.yaml is checked as build checks it (a wrong key, a date not on the calendar, YAML that does
  // not parse, a chapter renamed or deleted: located at its line, exit 2) before its chapters are: a
  // check that passed must not leave the build to find them. So it is when notebooks are named: their
  // runs read its assumptions file and Monte Carlo settings, and "passed" would promise a build.
  const assumptions = existsSync(configFile) ? await checkReportInputs(configFile, root) : undefined;
  // Said when the report is what is checked, as the build says them; not for a notebook named alone.
  if (args.length === 0) for (const warning of assumptions?.warnings ?? []) process.stderr.write(`${buildWarning(warning)}\n`);
  const notebooks = args.length > 0 ? args.map((arg) => resolve(arg)) : reportNotebooks(root);
  const diagnostics = [...checkNotebooks(notebooks, { root }), ...(await checkDenoNotebooks(notebooks, { root }))];
  const sourceOf = diagnostics.length === 0 ? () => undefined : diagnosticSources(notebooks, root);
  const frameOf = (d: CheckDiagnostic): string | undefined => {
    const source = sourceOf(d);
    return source === undefined ? undefined : codeFrame(source, d.line, d.column);
  };
  for (const d of diagnostics) {
    const frame = frameOf(d);
    process.stderr.write(`${formatDiagnostic(d)}\n${frame === undefined ? "" : `${frame}\n`}`);
    if (d.following !== undefined && d.following.errors > 0) process.stderr.write(`${messages.importErrorsLeftOut(d.following.errors, d.following.imports.map(visibleInOneLine), d.following.names.map(visibleInOneLine))}\n`);
  }
  // A mistyped import path leaves the names it imports untyped: errors at their uses follow from it.
  // Those that go with the path meant are left out above; with no module near the path, they cannot be told apart.
  const unresolved = diagnostics.filter((d) => d.code === CANNOT_FIND_MODULE && d.following === undefined).length;
  const others = diagnostics.filter((d) => d.code !== CANNOT_FIND_MODULE).length;
  if (unresolved > 0 && others > 0) process.stderr.write(`${messages.unresolvedImportsFirst(unresolved, others)}\n`);
  let images = 0;
  for (const file of notebooks) {
    const notebook = readNotebook(file, root);
    // Not the outputs saved with it: a build runs the notebook again and shows what that displays.
    for (const problem of await notebookImageProblems(notebook, { file: displayPath(file, root), baseDir: dirname(file), root }, { outputs: false })) {
      process.stderr.write(`${imageProblemText(problem, notebook)}\n`);
      images++;
    }
    // Template text in a markdown cell, a cell id another cell has: warnings, as the build gives them (its --strict and publish refuse them).
    for (const warning of await notebookWarnings(notebook, displayPath(file, root))) process.stderr.write(`${buildWarning(warning)}\n`);
  }
  const unknownIds = await unknownAssumptionIds(notebooks, root, assumptions);
  for (const line of unknownIds) process.stderr.write(`${line}\n`);
  process.stderr.write(`${messages.checkSummary({ syntax: countSyntaxErrors(diagnostics, sourceOf), all: diagnostics.length, kernel: diagnostics.filter((d) => d.code === OTHER_KERNEL_CODE).length }, images, notebooks.length, unknownIds.length)}\n`);
  return diagnostics.length === 0 && images === 0 && unknownIds.length === 0 ? EXIT_OK : EXIT_FAILED;
}

/** An assumptions file and the ids it defines. */
interface KnownIds {
  readonly file: string;
  readonly ids: string[];
  /** What report.yaml's own text gets wrong without failing a build (a number typed into the title). */
  readonly warnings: readonly string[];
}

/**
 * report.yaml and its assumptions file, each read as a build reads it: the first problem throws
 * (`ConfigError`, `AssumptionError`: located, exit 2), and so does a source dated after the data
 * cut-off. The file's ids are returned, so the chapters' ids are checked without loading it again.
 */
async function checkReportInputs(configFile: string, root: string): Promise<KnownIds> {
  const [{ loadConfig }, { loadAssumptionsFile }, { sourcesAfterAsOf }, { AssumptionError }] = await Promise.all([import("../config/parse"), import("../assumptions/load"), import("../assumptions/as-of"), import("../assumptions/errors")]);
  const config = loadConfig(configFile, { root });
  // As the build dates a version without report.yaml's `date`: today; and refuses a cut-off after it.
  const configText = await readInputText(configFile);
  const versionDate = checkAsOf(config, configText, displayPath(configFile, root), new Date().toISOString().slice(0, 10));
  const registry = await loadAssumptionsFile(config.assumptions, displayPath(config.assumptions, root));
  const [late, ...moreLate] = sourcesAfterAsOf(registry.all(), registry.correlations, config.asOf ?? versionDate, await readInputText(config.assumptions).catch(() => undefined));
  if (late !== undefined) throw new AssumptionError([late, ...moreLate]);
  if (config.errata !== undefined) await checkErrataFile(config.errata, root, config.paths.reports);
  const { typedNumbersInReportYaml } = await import("../report/typed-numbers");
  return { file: config.assumptions, ids: registry.all().map((assumption) => assumption.id), warnings: typedNumbersInReportYaml(config, configText, displayPath(configFile, root)) };
}

/**
 * The errata file, read as a build reads it before any chapter runs: its YAML and fields, and the
 * published versions its entries correct (located, exit 2). The sections and figures it names are the
 * build's to check: they exist only once the chapters have run.
 */
async function checkErrataFile(file: string, root: string, reportsDir: string): Promise<void> {
  const [{ parseErrata }, { checkErrataVersions }, { versionFolders }] = await Promise.all([import("../errata/parse"), import("../errata/check"), import("../util/version-folders")]);
  const errata = parseErrata(await locatingFileSystemErrors("fragtax check", file, () => readInputText(file)), displayPath(file, root));
  const versions = errata.length === 0 ? [] : await versionFolders(reportsDir);
  if (versions.length > 0) checkErrataVersions(errata, versions);
}

/**
 * The assumption ids the notebooks' cells name by a literal (notebook/assumption-refs.ts) that their
 * assumptions file does not have, worded and located as a run's error, with its code frame. Each notebook's file is the one
 * its run reads (run-context.ts, from the report.yaml above it), loaded once (report.yaml's, `known`, already was).
 */
async function unknownAssumptionIds(notebooks: readonly string[], root: string, known: KnownIds | undefined): Promise<string[]> {
  const refs = notebooks
    .map((file) => {
      const { cells } = readCells(file, root, "any");
      return { file, cells, refs: assumptionRefs(cells) };
    })
    .filter((notebook) => notebook.refs.length > 0);
  if (refs.length === 0) return [];
  const [{ resolveRunInputs }, { loadAssumptionsFile }] = await Promise.all([import("../notebook/run-context"), import("../assumptions/load")]);
  const loaded = new Map<string, Promise<string[]>>(known === undefined ? [] : [[known.file, Promise.resolve(known.ids)]]);
  const idsIn = (file: string): Promise<string[]> => {
    // A file that cannot be loaded stops the check (exit 2, located), as it stops a run.
    if (!loaded.has(file)) loaded.set(file, loadAssumptionsFile(file, displayPath(file, root)).then((registry) => registry.all().map((assumption) => assumption.id)));
    return loaded.get(file) as Promise<string[]>;
  };
  const lines: string[] = [];
  for (const { file: notebook, cells, refs: found } of refs) {
    const { assumptionsFile } = await resolveRunInputs(notebook);
    if (assumptionsFile === null) continue;
    const ids = await idsIn(assumptionsFile);
    for (const ref of found.filter((candidate) => !ids.includes(candidate.id))) {
      // Prefixed with the error's name, as a run prints the one it throws.
      const problem = `${UNKNOWN_ASSUMPTION}: ${unknownAssumption(ref.id, nearestNames(ref.id, ids, { orClosest: false }), displayPath(assumptionsFile, root))}`;
      const message = located({ file: displayPath(notebook, root), cell: ref.cell, line: ref.line, column: ref.column }, problem);
      // With the code frame a run shows under the same error (and check under a type error).
      const source = cells.find((cell) => cell.cell === ref.cell)?.source;
      lines.push(source === undefined ? message : `${message}\n${codeFrame(source, ref.line, ref.column)}`);
    }
  }
  return lines;
}

/**
 * The source a diagnostic points into: the cell's, or the project file's. Undefined when it cannot be
 * read again (the error line alone is shown then).
 */
function diagnosticSources(notebooks: readonly string[], root: string): (d: CheckDiagnostic) => string | undefined {
  const cellsByName = new Map<string, NotebookCells["cells"]>();
  for (const file of notebooks) {
    try {
      cellsByName.set(displayPath(file, root), readCells(file, root, "any").cells);
    } catch {
      continue; // reported by the check itself
    }
  }
  return (d) => (d.cell === undefined ? readSource(resolve(root, d.file)) : cellsByName.get(d.file)?.find((cell) => cell.cell === d.cell)?.source);
}

/** How many of the diagnostics are syntax errors, each source parsed once. */
function countSyntaxErrors(diagnostics: readonly CheckDiagnostic[], sourceOf: (d: CheckDiagnostic) => string | undefined): number {
  const bySource = new Map<string, CheckDiagnostic[]>();
  for (const d of diagnostics) {
    const key = `${d.file}\u0000${d.cell ?? ""}`;
    bySource.set(key, [...(bySource.get(key) ?? []), d]);
  }
  return [...bySource.values()].reduce((count, group) => count + syntaxErrorsIn(group, group[0] === undefined ? undefined : sourceOf(group[0])).length, 0);
}
