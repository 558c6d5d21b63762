/** Messages of the notebook engine (`src/notebook/`): parsing, running, type checking. */
import { groupThousands } from "../format/number";
import { located } from "./location";
import { didYouMean } from "./suggestion";

const RESTORE = "restore it from git, or from JupyterLab's checkpoint in .ipynb_checkpoints/";
/** `ends`: the JSON stops at the end of the file (cut off); `empty`: there is nothing but whitespace. */
/** `bom`: the file starts with a byte-order mark, which JSON (and Jupyter) do not allow. */
/** `other`: not an .ipynb file, and not JSON at all (a YAML or markdown file given by mistake). */
export const notebookNotJson = (file: string, line: number, column: number, detail: string, how: "ends" | "empty" | "invalid" | "bom" | "other" = "invalid"): string =>
  how === "other"
    ? `${file}: not a notebook: this is not an .ipynb file, and it holds no JSON; give the path of a notebook (a chapter in notebooks/, e.g. notebooks/00-summary.ipynb)`
    : located(
    { file, line, column },
    how === "empty"
      ? `not a notebook: the file is empty; ${RESTORE}`
      : how === "ends"
        ? `not a notebook: the file ends before its JSON does (${detail}): it was cut off, as by a save that did not finish; ${RESTORE}`
        : how === "bom"
          ? "not a notebook: the file starts with a byte-order mark (U+FEFF, an editor's \"UTF-8 with BOM\"), which JSON does not allow and Jupyter refuses too; save it as UTF-8 without a BOM"
          : `not a notebook: the file is not valid JSON here: ${detail}; correct it at that place (a hand edit: a missing or extra comma or quote), or ${RESTORE}`,
  );

/** Where a notebook's JSON goes wrong, by what is written there (`at`: the text from that place on). */
export const unexpectedJsonText = (at: string): string => {
  const char = at.charAt(0);
  if (char === "\n" || char === "\r") return "a line ends where a value or a comma goes";
  if (char === "}" || char === "]") return `unexpected '${char}' (a comma before it, with nothing after it?)`;
  if (char === ",") return "unexpected ',' (two commas, or a comma with no value before it?)";
  if (char === "'") return "a text in single quotes (JSON takes double quotes only)";
  // eslint-disable-next-line no-control-regex -- a control character after the backslash is shown as "?"
  if (char === "\\") return `a backslash JSON does not take: "${at.slice(0, 2).replace(/[\u0000-\u001f\u007f]/g, "?")}" is no escape (one backslash is written \\\\, as in "C:\\\\data")`;
  if (char.charCodeAt(0) < 0x20) return "a control character inside a text (a tab or line break is written \\t or \\n)";
  if (char === '"') return 'unexpected \'"\' (a comma missing before it?)';
  const word = /^[\p{L}\p{N}_$.+-]+/u.exec(at)?.[0];
  return word === undefined ? `unexpected '${char}'` : `unexpected '${word}'${/^[\p{L}_$]/u.test(word) ? " (text in JSON is in double quotes)" : ""}`;
};

/** The line put in place of what a cell printed past the limit (outputs.ts). */
export const printLimitReached = (chars: number): string =>
  `\n[fragtax: this cell printed more than ${Math.round(chars / (1024 * 1024))} million characters; the rest is left out of the executed notebook and the report. Write large data to a file, and print a summary of it.]\n`;

/** Under a thrown value that is no Error (`throw undefined`): why its place is known or not, and what to throw. */
/** `located`: at the cell's one throw statement, at its one await (the value a promise it awaited was rejected with), or by a stack. */
export const thrownNotAnError = (shown: string, located: "throw" | "await" | "stack" | undefined): string => {
  const value = shown.length > 60 ? "a value" : shown;
  return located === "await"
    ? `  (the promise the cell awaits above was rejected with ${value}, which is not an Error and names no line; reject with an Error, e.g. Promise.reject(new Error("…")) or reject(new Error("…")), to have the line it comes from named)`
    : `  (the cell threw ${value}, which is not an Error and names no line${located === "throw" ? ": the place above is the cell's one throw statement" : ""}; throw new Error("…") to have the line it is thrown from named)`;
};

/** A thrown error whose `message` (or `name`, `stack`) getter itself throws. */
export const unreadableErrorField = (field: string, detail: string): string => `(its ${field} could not be read: reading it threw ${detail})`;

export const unshowableThrownValue = (): string => "(a thrown value that cannot be shown: inspecting it threw)";

export const notebookNestedTooDeep = (file: string, limit: number): string =>
  `${file}: not a notebook as Jupyter writes one: its JSON nests more than ${limit} levels deep (lists or objects inside each other, in its metadata or outputs); restore it from git, or clear the deep field`;

/** JSON that is not an object (`[]`, `"x"`, `42`): what it holds, what a notebook holds, and what to do. */
export const notebookNotObject = (file: string, holds: string): string =>
  `${file}: not a notebook: it holds ${holds}, where a notebook Jupyter writes is a JSON object with "cells", "metadata" and "nbformat"; ` +
  "start a chapter with `fragtax new <name>`, or restore the file from git";

/** A JSON object without what every notebook has (`{}`): not an unsupported version of one. */
export const notebookMissingFields = (file: string, missing: readonly string[]): string =>
  `${file}: not a notebook: the JSON object has no ${missing.map((key) => `"${key}"`).join(" or ")} (a notebook Jupyter writes has "cells", "metadata" and "nbformat"); ` +
  "start a chapter with `fragtax new <name>`, or restore the file from git";

export const notebookWrongFormat = (file: string, found: unknown): string =>
  `${file}: nbformat ${String(found)} is not supported; fragtax reads nbformat 4 ` +
  `(open and save it in JupyterLab, or run \`jupyter nbconvert --to notebook --nbformat 4\`)`;

/** `"nbformat": "4"` (a hand edit): the version is a number; said as "nbformat 4 is not supported" it contradicted itself. */
export const notebookFormatNotNumber = (file: string, shown: string): string =>
  `${file}: not a notebook as Jupyter writes one: "nbformat" is ${shown}, where Jupyter writes the version as a number: write "nbformat": 4 (without quotes), or restore the file from git`;

export const notebookBadCells = (file: string): string => `${file}: not a notebook: "cells" must be an array of cells`;

export const notebookBadCell = (file: string, cell: number, detail: string): string =>
  located({ file, cell }, detail);

export const unknownCellType = (type: unknown, nearest: string | undefined): string =>
  `unknown cell_type ${JSON.stringify(type) ?? String(type)}${nearest === undefined ? ": a" : `${didYouMean(nearest)} A`} cell's type is "code", "markdown" or "raw"`;

export const notebookWrongKernel = (file: string, kernel: string, nearest?: string): string =>
  `${file}: the notebook's kernel is "${kernel}"${nearest === undefined ? "" : ` (kernel names are exact: did you mean "${nearest}"?)`}; fragtax runs notebooks for two kernels: tslab ` +
  `(metadata.kernelspec.name "tslab", TypeScript in Node) and Deno ("deno", from \`deno jupyter --install\`); ` +
  `pick one of them in JupyterLab (Kernel › Change Kernel) and save`;

export const denoMissing = (file: string, detail: string): string =>
  `${file}: the notebook is for the Deno kernel, but the Deno runtime was not found (${detail}); ` +
  `install it with \`npm install deno\` (fragtax uses node_modules/.bin/deno) or set FRAGTAX_DENO to a deno binary`;

export const notebookUnreadable = (file: string, reason: string, advice?: string): string => `${file}: cannot read the notebook (${reason})${advice === undefined ? "" : `: ${advice}`}`;

/** A folder named where a notebook should be (`fragtax run notebooks`): the notebooks in it, to name one. */
export const notebookIsFolder = (folder: string, notebooks: readonly string[]): string =>
  `${folder}: a folder, not a notebook: name one notebook file${notebooks.length === 0 ? " (this folder has no .ipynb file)" : `, e.g. ${notebooks.slice(0, 3).join(", ")}`}`;
/** A notebook whose file name is not valid UTF-8: Node cannot open it by that name. `rename` is a shell command that renames it. */
export const notebookNameNotUtf8 = (file: string, rename: string): string =>
  `${file}: the notebook's file name is not valid UTF-8 (each \uFFFD stands for a byte that is not), so it cannot be opened by name; rename the file, e.g. \`${rename}\``;
export const notebookMissing = (file: string, nearest: string | undefined): string =>
  `${file}: there is no such notebook${nearest === undefined ? ";" : didYouMean(nearest)} check its path`;

/** tslab's TS6059 (its words, on the first line), and why it matters here: the cell runs under fragtax but not in JupyterLab. */
export const notUnderRootDir = (outside: string, folder: string, entry: string | undefined): string =>
  `File '${outside}' is not under 'rootDir' '${folder}'. 'rootDir' is expected to contain all source files.\n` +
  `  tslab compiles a notebook's cells with rootDir set to the notebook's folder, so this import fails in JupyterLab: ` +
  (entry === undefined ? "move the file into the notebook's folder, or import a built JavaScript module instead" : `import the built entry "${entry}" instead`);

/** The package a bare specifier names: "csv-parse" for "csv-parse/sync", "@scope/pkg" for "@scope/pkg/x". */
const packageOf = (specifier: string): string => specifier.split("/").slice(0, specifier.startsWith("@") ? 2 : 1).join("/");

export const moduleNotFound = (specifier: string, nearest?: string): string =>
  // A package name is not a path: "imports resolve from the notebook's folder" sent its reader to look for a file.
  /^[./]/.test(specifier) || nearest !== undefined
    ? `cannot find module "${specifier}"${didYouMean(nearest)} (imports resolve from the notebook's folder, like in Jupyter)`
    : `cannot find module "${specifier}": the package "${packageOf(specifier)}" is not installed in this project; install it with \`npm install ${packageOf(specifier)}\` (or check the name)`;

export const moduleBuildFailed = (specifier: string, detail: string): string =>
  `cannot load module "${specifier}": ${detail}`;

export const cellTimedOut = (seconds: number): string =>
  `the cell did not finish within ${seconds} s and was stopped: look for a loop that never ends or a wait nothing settles, or, if the cell needs longer, raise the limit with --timeout SECONDS`;

export const cellStalled = (): string =>
  `the cell awaits a promise that can never settle (nothing is left for it to wait on: no timer, I/O or pending callback)`;

export const workerCrashed = (detail: string): string => `the notebook's worker stopped unexpectedly: ${detail}`;

/**
 * A cell whose objects filled the notebook thread's JavaScript heap (V8 stops the thread; nothing in
 * the cell can catch it). `limitMb`: the limit Node was given (`set`), else V8's default here.
 */
export const cellOutOfMemory = (limit: { readonly mb: number; readonly set: boolean }): string =>
  `the cell ran out of memory: the notebook's JavaScript heap reached its limit (${groupThousands(limit.mb)} MB, ${limit.set ? "as --max-old-space-size sets it" : "V8's default here"}) and the notebook was stopped. A loop that keeps adding to an array, a map or a string without end does this; otherwise keep fewer values at once (numbers in a Float64Array take 8 bytes each, outside that heap), or raise the limit with NODE_OPTIONS=--max-old-space-size=MB`;

export const typeCheckThreadEnded = (code: number): string => `the type check's thread stopped unexpectedly (exit code ${code})`;

/** Cell 0 is no cell: what failed before the first code cell began (its set-up) is the notebook's. */
export const locatedCellError = (notebook: string, cell: number, line: number | undefined, column: number | undefined, message: string): string =>
  cell < 1 ? `${notebook}: ${message}` : line === undefined ? located({ file: notebook, cell }, message) : located({ file: notebook, cell, line, column: column ?? 1 }, message);

export const startTimedOut = (seconds: number): string =>
  `the notebook's set-up, before any code cell began, did not finish within ${seconds} s and was stopped; raise the limit with --timeout SECONDS`;

type ModelRuns = { readonly kept: number; readonly computed: number } | undefined;

/** A notebook's line, then how many of its model runs were kept runs (src/notebook/model-runs.ts) and how many it computed; nothing for none. */
const withModelRuns = (line: string, runs: ModelRuns): string => (runs === undefined ? line : `${line}; model runs: ${runs.kept} kept, ${runs.computed} computed`);

/** "ran 4 code cells": errors number every cell (markdown too, as Jupyter does), so the count says which it counts. */
export const runSummary = (notebook: string, cells: number, ms: number, modelRuns?: ModelRuns, typeCheckMs?: number): string =>
  withModelRuns(`${notebook}: ran ${cells} code cell${cells === 1 ? "" : "s"} in ${Math.round(ms)} ms${typeCheckMs === undefined ? "" : `, after a type check of ${(typeCheckMs / 1000).toFixed(1)} s`}`, modelRuns);

/** A type check `fragtax run` has waited on for a while before any cell runs. */
export const runTypeChecking = (notebook: string): string => `${notebook}: type-checking the cells before they run…`;

/** A chapter's line in a build's execute step: "notebooks/01-x.ipynb executed in 0.75 s (first run); model runs: 1 kept, 0 computed". */
/** The build's line for a chapter: executed or reused, or, when a cell failed, where ("executed" read as success). */
export const chapterExecuted = (notebook: string, status: string, seconds: string, reason: string, modelRuns?: ModelRuns, failedCell?: number): string =>
  withModelRuns(`${notebook} ${failedCell === undefined ? `${status} in` : `failed at cell ${failedCell} after`} ${seconds} (${reason})`, modelRuns);

export const runImagesRefused = (images: number): string =>
  `${images === 1 ? "an image" : `${images} images`} in its markdown (above) cannot be inlined into the report: \`fragtax build\` fails at ${images === 1 ? "it" : "them"}`;

export const runChartsRefused = (problems: number): string =>
  `the cells ran, but ${problems === 1 ? "the chart problem" : `the ${problems} chart problems`} above would fail \`fragtax build\`: fix ${problems === 1 ? "it" : "them"} and run again`;

/**
 * `run`'s last line: where the executed notebook went, and, when a cell failed, that the file holds
 * the error (the build's line says "the HTML shows the error in place"): a bare "wrote …" after the
 * error read as if the run had still produced a good notebook.
 */
export const runWrote = (file: string, failedCell?: number): string => `wrote ${file}${failedCell === undefined ? "" : `, with the error in place in cell ${failedCell}`}`;

export const runReportUnreadable = (file: string, reason: string): string =>
  `warning: ${file} cannot be read (${reason}): this run used the defaults (assumptions.yaml beside it, the default samples and seed); \`fragtax build\` says where the problem is`;

export const runReportFieldsIgnored = (file: string, what: readonly string[], samples: number, seed: number): string =>
  `warning: ${file}: ${what.join("; ")}: this run used samples ${samples} and seed ${seed}; \`fragtax build\` refuses it, located`;

export const badTimeout = (value: string, max: number): string => `--timeout must be a number of seconds (e.g. 30 or 2.5) from 0.001 up to ${max} (about 24 days), got "${value}"`;

/** Under a notebook's first type error, which stops its run: those of the cells after it, counted, and the command that lists them. */
export const typeErrorsInLaterCells = (errors: number, cells: number, notebook: string): string =>
  `(and ${errors === 1 ? "1 more type error" : `${errors} more type errors`} in ${cells === 1 ? "a later cell" : `${cells} later cells`}: \`fragtax check ${notebook}\` lists them)`;

/**
 * Under an import that does not resolve (TS2307), in place of the errors that go once it names the
 * module meant: the uses of the names it imports, untyped without it.
 */
export const importErrorsLeftOut = (errors: number, imports: readonly string[], names: readonly string[] = []): string => {
  // `imports` and `names` as the caller shows them (control characters escaped): the line is printed as it is, not through `located`.
  const count = errors === 1 ? "1 error" : `${errors} errors`;
  const go = errors === 1 ? "it goes" : "they go";
  if (names.length > 0) {
    // A misspelt name (`import { runModl }`): its errors are at the uses of the name meant, and those of a path's with it.
    const what = imports.length > 0 ? "these imports" : names.length === 1 ? `"${names[0] ?? ""}"` : `${names.slice(0, -1).map((name) => `"${name}"`).join(", ")} and "${names[names.length - 1] ?? ""}"`;
    return `  (and ${count} that ${errors === 1 ? "follows" : "follow"} from ${what}, left out: ${go} once ${imports.length > 0 || names.length > 1 ? "they are" : "it is"} corrected)`;
  }
  const quoted = imports.map((specifier) => `"${specifier}"`);
  const of = quoted.length === 1 ? "its names" : `the names of ${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1] ?? ""}`;
  return `  (and ${count} at uses of ${of}, left out: ${go} once ${quoted.length === 1 ? "the path resolves" : "their paths resolve"})`;
};

/** After the errors, when some are imports that do not resolve (TS2307) and name no module near: the rest may be their consequence. */
export const unresolvedImportsFirst = (imports: number, others: number): string =>
  `${imports === 1 ? "an import does" : `${imports} imports do`} not resolve: fix ${imports === 1 ? "it" : "them"} first, as the names ${imports === 1 ? "it brings" : "they bring"} in have no types without ${imports === 1 ? "it" : "them"}, ` +
  (others === 1 ? "and the other error may follow from that" : `and some of the ${others} other errors may follow from that`);

const counted = (count: number, what: string): string => `${count} ${what}${count === 1 ? "" : "s"}`;

/** `fragtax check`'s last line: what it found, by kind (a syntax error is not called a type error), or what it checked. */
export const checkSummary = (errors: { readonly syntax: number; readonly all: number; readonly kernel?: number }, images: number, notebooks: number, unknownIds = 0): string => {
  // A tslab import in a Deno notebook is not a type error, and was counted as one.
  const kernel = errors.kernel ?? 0;
  const found = [
    ...(errors.syntax > 0 ? [counted(errors.syntax, "syntax error")] : []),
    ...(errors.all - errors.syntax - kernel > 0 ? [counted(errors.all - errors.syntax - kernel, "type error")] : []),
    ...(kernel > 0 ? [`${kernel === 1 ? "one import" : `${kernel} imports`} of tslab in a Deno notebook`] : []),
    ...(images > 0 ? [`${counted(images, "image")} in markdown that the report cannot inline`] : []),
    ...(unknownIds > 0 ? [counted(unknownIds, "unknown assumption id")] : []),
  ];
  return found.length > 0
    ? `check failed: ${found.join(", ")}`
    : // More than types is checked: the assumption ids the cells name and the images their markdown shows.
      `check passed: ${counted(notebooks, "notebook")} and src/ (types, assumption ids, markdown images)`;
};

export const noRunContext = (): string =>
  "notebook(tslab) found no fragtax run context: pass the tslab module the engine provides (import * as tslab from \"tslab\")";

export const noRunContextInDeno = (): string =>
  "notebook(…) found no fragtax run context: this is a Deno notebook, whose run context is on Deno.jupyter; write const nb = notebook(Deno.jupyter) (tslab is the other kernel's module)";

/** `fragtax check` of a Deno notebook that imports tslab's module (other-kernel.ts): what its run would fail with, said at the import. */
export const tslabInDenoNotebook = (specifier: string): string =>
  `this is a Deno notebook: "${specifier}" is the tslab kernel's module, and notebook(tslab) finds no fragtax run context under Deno; take this import out and write const nb = notebook(Deno.jupyter)`;

export const typeErrorInImport = (where: string, message: string): string => `${where}: ${message}`;
export const thrownInImport = (where: string): string => `thrown in ${where}:`;

/** Under a cell stopped at its time limit while it ran code in an imported file. */
export const runningInImport = (where: string): string => `running in ${where} when it was stopped:`;

/** Under a cell that read a file that is not there: where it looked, the nearest name there, what to do. */
export const missingFileHint = (file: string, folder: string, nearest: string | undefined): string =>
  `no file ${file}${nearest === undefined ? "" : `; did you mean ${nearest}?`} (a relative path is read from the notebook's folder, ${folder}, as in Jupyter): create the file or correct the path.`;

export const declareGlobalInCell = (): string =>
  "a cell cannot declare globals (`declare global { … }`): tslab cannot compile such a cell either; declare them in a .d.ts file of the project, or give the value a type where it is used";
export const typeErrorLine = (where: string, code: number, message: string): string => `also ${where}: TS${code}: ${message}`;

/** After "Cannot find name 'Deno'", which only a notebook run under tslab meets (a Deno cell copied in, or no kernelspec). */
export const denoInTslabHint = (): string =>
  ` This notebook runs under tslab (its kernelspec names tslab, or it has none), where Deno's namespace does not exist: for a Deno notebook set the kernelspec's name to "deno" (JupyterLab: Kernel › Change Kernel, then save); under tslab, use Node's APIs instead (const nb = notebook(tslab) for the notebook API)`;

/** After a type error about a value of one of the notebook API's closed lists: what the list allows. */
export const closedListHint = (what: string, values: readonly string[], nearest: string | undefined): string =>
  ` ${what} of the notebook API is one of ${values.map((value) => `"${value}"`).join(", ")}${nearest === undefined ? "." : didYouMean(nearest)}`;
/** After a type error for `nb.claim` without its verdict or factor (type-hints.ts). */
export const claimVerdictHint = (missing: readonly string[]): string =>
  ` A claim's ${missing.join(" and ")} come${missing.length === 1 ? "s" : ""} from checkClaim(stated, computed): spread it into the claim, nb.claim({ …, ...checkClaim(stated, computed) })`;

export const chartKeyHint = (nearest: string): string => ` Did you mean "${nearest}"? (a chart spec's keys are Vega-Lite's)`;

/** After a type error about a chart spec built in a variable and passed to `nb.chart`: what makes it fit. */
export const chartSpecVariableHint = (): string =>
  ` A spec kept in a variable is typed by what it holds ("bar" as a string, an \`as const\` array as readonly), which no chart type accepts: give it the API's type, \`const spec: VegaLiteTopLevelSpec = { … }\` (import \`type VegaLiteTopLevelSpec\` from the API beside \`notebook\`), or write the spec in the call, \`nb.chart({ … })\`; TypeScript then names the key that is wrong.`;

/** After TS2304 for a name a public entry exports: the import the notebook lacks (module-exports.ts). */
export const missingImportHint = (name: string, specifier: string, typeOnly: boolean): string =>
  ` '${specifier}' exports it: add it to the notebook's import from that module, or write ${typeOnly ? "import type" : "import"} { ${name} } from "${specifier}";`;
export const engineCacheWhat = (): string => "the engine's compile cache (out/.cache/engine)";
export const modelRunsCacheWhat = (): string => "the engine's kept model runs (out/.cache/engine/model-runs)";
export const runOutWhat = (): string => "fragtax run --out (where the executed notebook goes)";

export const runOutNotNotebook = (out: string): string =>
  `--out ${out}: an executed notebook is written as a .ipynb file; give a path ending in .ipynb (or - for stdout)`;

export const runOutFolder = (out: string): string => `--out ${out}: that is a folder; give the path of the executed notebook file, e.g. ${out.replace(/[\\/]+$/, "")}/executed.ipynb`;

export const runOutReadOnly = (out: string): string => `--out ${out}: that file is read-only, so it is kept; make it writable to replace it (chmod u+w), or write the executed notebook elsewhere`;

export const runOutInPublished = (out: string): string =>
  `--out ${out}: that is inside out/reports/, where published versions are kept unchanged; write the executed notebook elsewhere`;
export const runOutInBuild = (out: string): string =>
  `--out ${out}: that is inside out/build/, which each build replaces whole (only out/build/executed/ is kept); write the executed notebook under out/build/executed/ or elsewhere`;
export const runOutIsSource = (out: string): string =>
  `--out ${out}: that is a source of the project (the notebook it runs, or a file report.yaml names), which the executed notebook would replace; write it elsewhere (without --out it goes to out/build/executed/)`;
export const cellCalledExit = (code: unknown, name = "process.exit"): string =>
  `${name}(${code === undefined ? "" : String(code)}) was called: a notebook cell cannot end the process; throw an Error to stop the notebook with a message`;

export const cellSignalledItself = (pid: number, signal: unknown): string =>
  `process.kill(${pid === 0 ? "0" : pid < 0 ? "-process.pid" : "process.pid"}${signal === undefined ? "" : `, ${JSON.stringify(signal)}`}) was called: a notebook cell cannot signal the process it runs in; throw an Error to stop the notebook with a message`;

export const cellCalledAbort = (): string => "process.abort() was called: a notebook cell cannot end the process; throw an Error to stop the notebook with a message";

export const denoCheckFailed = (output: string): string => `deno check failed without a located error: ${output}`;

/** A Deno that ended before it ran anything (a broken FRAGTAX_DENO, a binary for another platform), or one whose check said nothing. */
export const denoDidNotRun = (deno: string, ended: string, output: string): string =>
  `the Deno runtime ${deno} ${ended} before it ran anything${output === "" ? ", and wrote nothing" : `: ${output}`}; ` +
  `check that it works (\`${deno} --version\`), or set FRAGTAX_DENO to a deno binary that does`;

export const moduleNotBundled = (specifier: string): string => `module "${specifier}" was not bundled`;

export const unhandledRejection = (detail: string): string => `${detail} (a promise that nothing awaited was rejected: await it, or handle it with .catch)`;
