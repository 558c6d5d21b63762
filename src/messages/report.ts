/** Messages of the report area: report.yaml, rendering, Chromium/PDF and `fragtax build`. */

import { dirname } from "node:path";
import { indefiniteArticle } from "../format/count-words";
import { at, located, type CellLocation, type Location } from "./location";
import { didYouMean } from "./suggestion";
import { lockOwnerGone } from "./fs";
import { quote } from "./quote";
import { visibleInOneLine } from "../format/control";

export type { Location } from "./location";

// ── report.yaml ──────────────────────────────────────────────────────────────────────────────────
export const configYamlSyntax = (where: Location, detail: string): string =>
  `${at(where)}: report.yaml is not valid YAML: ${detail}`;

export const configNotMapping = (where: Location, kind: "list" | "bare text"): string =>
  `${at(where)}: report.yaml is a ${kind}, where the report's settings are keys, one per line at the start of it: "title: …", then "chapters:" with one "  - NN-name.ipynb" line per notebook`;

export const configUnknownKey = (where: Location, key: string, nearest: string | undefined, known: readonly string[]): string =>
  `${at(where)}: unknown key ${quote(key)} in report.yaml` +
  // With no likely meant key, the keys there: the reader picks one rather than guessing again.
  (nearest !== undefined ? didYouMean(nearest) : `. ${key.includes(".") ? `The keys of "${key.slice(0, key.lastIndexOf("."))}" are` : "report.yaml's keys are"}: ${known.join(", ")}`);

export const configMissingKey = (where: Location, key: string): string =>
  `${at(where)}: report.yaml needs ${quote(key)}`;

export const configInvalidValue = (where: Location, key: string, problem: string): string =>
  `${at(where)}: ${quote(key)} in report.yaml: ${problem}`;

/** `paper: A44`: zod's "Invalid option: expected one of "A4"|"Letter"" named no value meant. */
export const configUnknownValue = (where: Location, key: string, given: string, meant: string | undefined, known: readonly string[]): string =>
  `${at(where)}: ${quote(key)} in report.yaml is ${quote(given)}${meant === undefined ? "; it" : `${didYouMean(meant)} It`} takes one of ${known.map((value) => `${quote(value)}`).join(", ")}`;

/** `pdf: yes`, `samples: 10000..20000`, `seed: "7"`: text where YAML needs a number or true/false (zod: "expected number, received string"). */
export const configTextNotValue = (where: Location, key: string, given: string, expected: "number" | "boolean"): string =>
  `${at(where)}: ${quote(key)} in report.yaml is the text ${quote(given)}, ` +
  (expected === "boolean"
    ? "where true or false goes: write true or false (YAML 1.2, which these files are read with, reads yes, no, on and off as text)"
    : "where a number goes: write one number, without quotes, a unit or a range");

/** What a report.yaml value is, in a reader's words (`title: [The, Tax]` is "a list"). */
export type ConfigValueKind = "a list" | "a mapping" | "a number" | "true or false" | "empty" | "a text";

/**
 * `title: [The, Tax]`, `montecarlo: 10000`, `samples: 10000.5`: zod's "Invalid input: expected string,
 * received array" read as the validation library, not as the file. `example`: the value as written right.
 */
export const configWrongKind = (where: Location, key: string, given: ConfigValueKind, expected: string, example: string): string =>
  `${at(where)}: ${quote(key)} in report.yaml is ${given === "empty" ? "empty" : given}, where ${expected} goes; write it as ${example}`;

/** `samples: -5`, `samples: 10000.5`: the value, and what the key takes. */
export const configNumberOutOfRange = (where: Location, key: string, given: number, takes: string): string =>
  `${at(where)}: ${quote(key)} in report.yaml is ${String(given)}; it takes ${takes}`;

export const configChapterOutside = (where: Location, chapter: string, root: string): string =>
  `${at(where)}: chapter ${chapter} is outside the project ${root}; move the notebook into the project (e.g. notebooks/) and list it from there`;
export const configChapterLinksOutside = (where: Location, chapter: string, target: string, root: string): string =>
  `${at(where)}: chapter ${chapter} is a symbolic link to ${target}, outside the project ${root}; git keeps only the link, so a published version could not say what the chapter was: move the notebook into the project (e.g. notebooks/) and list it from there`;
export const configInputOutside = (where: Location, name: string, root: string): string =>
  `${at(where)}: ${name} is outside the project ${root}; diff reads it at git refs and a published version names it by its project path, so a change there would leave no trace: move the file into the project (e.g. notebooks/) and name it from there`;
export const configInputLinksOutside = (where: Location, name: string, target: string, root: string): string =>
  `${at(where)}: ${name} is a symbolic link to ${target}, outside the project ${root}; git keeps only the link, so a published version could not say what the file held: move the file into the project (e.g. notebooks/) and name it from there`;
export const configMissingChapter = (where: Location, chapter: string, resolved: string, renamedTo: string | undefined): string =>
  `${at(where)}: chapter ${quote(chapter)} listed in report.yaml does not exist (looked for ${visibleInOneLine(resolved)})` +
  (renamedTo === undefined ? "; restore the file, or take its line out of report.yaml" : `${didYouMean(renamedTo)} List the notebook under its new name in report.yaml, or restore the file`);

/** After a build: notebooks beside report.yaml that it does not list (a note: the exit code and publish ignore it); `names` shown on one line already. */
export const unlistedChapters = (names: readonly string[], configFile: string): string =>
  `note: ${names.length === 1 ? "a notebook" : `${names.length} notebooks`} beside ${configFile} ${names.length === 1 ? "is" : "are"} not in the report, as it does not list ${names.length === 1 ? "it" : "them"}: ` +
  `${names.slice(0, 5).join(", ")}${names.length > 5 ? `, and ${names.length - 5} more` : ""}; add ${names.length === 1 ? "it" : "them"} under "chapters:" in ${configFile} to include ${names.length === 1 ? "it" : "them"}`;

/** After a build: the copies of chapters `jupyter nbconvert --execute` wrote beside them, as [copy, chapter] (a note, as for unlisted notebooks). */
export const nbconvertCopiesNote = (copies: readonly (readonly [string, string])[], folder: string): string =>
  `note: ${copies.map(([copy, chapter]) => `${copy} is the copy of ${chapter}`).join(", ")} that \`jupyter nbconvert --execute\` wrote in ${folder}, not ${copies.length === 1 ? "a chapter" : "chapters"}: ` +
  `delete ${copies.length === 1 ? "it" : "them"}, and give nbconvert \`--output-dir out/jupyter\` (or \`--inplace\`) next time`;

/** A chapter named from the project's folder, which is there when named from report.yaml's. */
export const configChapterFromProject = (where: Location, chapter: string, fromNotebooks: string): string =>
  `${at(where)}: chapter ${quote(chapter)} listed in report.yaml is named from the project's folder; chapters are named from the folder report.yaml is in: write ${quote(fromNotebooks)}`;

/** A chapter that is not a notebook file name ("09-energy"). */
export const configChapterNotNotebook = (where: Location, chapter: string, meant: string | undefined): string =>
  `${at(where)}: chapter ${quote(chapter)} listed in report.yaml is not a notebook file name (chapters are .ipynb files)${meant === undefined ? "" : didYouMean(meant)}`;

/** `chapters: 00-summary.ipynb`: a value where the list of chapters goes; `name` when it is one name. */
export const configChaptersNotList = (where: Location, written: string, name: string | undefined): string =>
  `${at(where)}: "chapters" in report.yaml is a list, one "  - " line per notebook, and it is written ${quote(written)}: ` +
  (name === undefined ? 'write "chapters:" alone on its line, then a "  - NN-name.ipynb" line for each chapter' : `write "chapters:" alone on its line, then "  - ${name}" on the next`);

/** A chapter item that is no text, by what YAML read it as; `meant` the name in `- x.ipynb: a note`. */
export interface ChapterShape {
  readonly kind: "empty" | "number" | "boolean" | "list" | "other" | "mapping";
  /** The notebook meant: the key of `- x.ipynb: a note`, or the one notebook numbered as `- 8` is. */
  readonly meant?: string;
}

/** A chapter item that is not a name (`- 42`, `-` alone, `- a.ipynb: draft`): quoted as written, not as zod's "chapters.9". */
export const configChapterNotName = (where: Location, written: string, shape: ChapterShape): string => {
  const item = written === "" || written === "-" ? "a chapter item in report.yaml" : `chapter item ${quote(written)} in report.yaml`;
  switch (shape.kind) {
    case "empty":
      return `${at(where)}: ${item} is empty: write the notebook's file name after the "- " (as "- 09-energy.ipynb"), or take the line out`;
    case "mapping":
      return `${at(where)}: ${item} is read as a key and its value (": " makes a mapping), not a notebook file name: write the file name alone` +
        (shape.meant === undefined ? "" : ` ("- ${shape.meant}"), and any note after it as a "# " comment`);
    case "list":
      return `${at(where)}: ${item} is a list, not a notebook file name: write each chapter on a "- " line of its own`;
    case "number":
      return `${at(where)}: ${item} is a number, not a notebook file name (chapters are .ipynb files): write the notebook's file name ` +
        (shape.meant === undefined ? '(as "- 09-energy.ipynb")' : `("- ${shape.meant}" is the notebook numbered ${written})`);
    default:
      return `${at(where)}: ${item} is ${shape.kind === "boolean" ? "read as yes or no" : "no text"}, not a notebook file name (chapters are .ipynb files): write the notebook's file name (as "- 09-energy.ipynb")`;
  }
};

/**
 * A list item indented past the one above it: YAML reads the two lines as one name. All the items under
 * a first one written left of them (`- 00-summary.ipynb` at the key's column) read as one: ten names
 * in full made a message of 600 characters, so past two it names the first two and counts the rest.
 */
export const configChaptersJoined = (where: Location, chapter: string, names: readonly string[]): string => {
  if (names.length <= 2) {
    return (
      `${at(where)}: chapter ${quote(chapter)} listed in report.yaml is ${names.map((name) => `${quote(name)}`).join(" and ")} read as one name: ` +
      `a "- " line indented further than the one above it continues that item. Start every chapter's "- " at the same column`
    );
  }
  const [first = "", second = ""] = names;
  return (
    `${at(where)}: the chapters ${quote(first)}, ${quote(second)} and ${names.length - 2} more listed in report.yaml are read as one name: ` +
    `the "- " lines under ${quote(first)} are indented further than it, so each continues it. Start every chapter's "- " at the same column`
  );
};

export const rootEmpty = (): string => `--root is empty: give the project's folder, or leave --root out to use the project around the current folder`;

export const configAsOfAfterVersion = (where: Location, asOf: string, versionDate: string, dated: boolean): string =>
  `${at(where)}: "asOf" ${asOf} is after this version's date ${versionDate} (${dated ? "report.yaml's date" : "today"}): the data cut-off cannot be later than the version it feeds; set asOf to ${versionDate} or earlier${dated ? `, or move report.yaml's date to ${asOf} or later` : ""}`;

export const configNoChapters = (where: Location): string =>
  `${at(where)}: report.yaml lists no chapters: list the chapter notebooks under "chapters" (\`fragtax new <name>\` makes one and lists it)`;

export const configDuplicateChapter = (where: Location, chapter: string): string =>
  `${at(where)}: chapter ${quote(chapter)} is listed twice in report.yaml: take this line out (a chapter appears once in the report)`;

/** Two chapter lines that lead to one file (a link to a chapter already listed). */
export const configChapterSameFile = (where: Location, chapter: string, first: string): string =>
  `${at(where)}: chapter ${quote(chapter)} is the notebook ${quote(first)} is (a link to it), which report.yaml already lists: take this line out, or make it a notebook of its own`;

/** `--root DIR` names no project: DIR is missing, a file, the notebooks/ folder itself, or holds no notebooks/report.yaml. */
/** What a --root without notebooks/report.yaml is (config/index.ts). */
export type RootState = "missing" | "loops" | "file" | "notebooks-folder" | "no-report";

export const rootWithoutReport = (dir: string, state: RootState, project: string = dirname(dir)): string =>
  state === "missing"
    ? `--root ${dir}: there is no such folder; pass the report's project folder, the one that holds notebooks/report.yaml`
    : state === "loops"
    ? `--root ${dir}: it is, or goes through, a symbolic link that leads back to itself (the links loop), so there is no folder there; point the link at the report's project folder, or pass that folder itself`
    : state === "file"
      ? `--root ${dir}: that is a file, not a folder; --root names the report's project folder, the one that holds notebooks/report.yaml (did you mean --root ${project}?)`
      : state === "notebooks-folder"
      ? `--root ${dir}: this is the notebooks/ folder; --root names the project folder above it (--root ${dirname(dir)})`
      : `--root ${dir}: no notebooks/report.yaml in it; --root names the report's project folder, the one that holds notebooks/report.yaml`;

export const reportYamlDanglingLink = (link: string, target: string, loops = false): string =>
  `${link} is a symbolic link to ${target}, which ${loops ? "leads back to it (the links loop)" : "does not exist"}; restore the file it points to, or put report.yaml itself in its place`;

export const reportYamlNotFound = (startDir: string): string =>
  `no report.yaml found in ${startDir} or any folder above it (and none in its notebooks/ folder); ` +
  `run from the report's folder or pass --root DIR`;

// ── notebook API ─────────────────────────────────────────────────────────────────────────────────
/** `outputs`: the output names of a model run's result (runModel, monteCarlo) given whole, whose summaries are what prose wants. */
export const mdCannotInterpolate = (index: number, kind: string, outputs?: readonly string[]): string =>
  `nb.md: value #${index + 1} is ${outputs === undefined ? kind : "a model run's whole result"}; ${outputs === undefined ? "interpolate" : `interpolate one of its summaries (e.g. run.summary.${outputs[0] ?? "…"}), or`} a number, a string, a figure (nb.figure(...)) or a Summary, or format it with nb.fmt(...)`;

export const mdObjectAsText = (index: number): string =>
  `nb.md: value #${index + 1} contains "[object Object]": an object became text before nb.md saw it (often a summary inside a template literal nested in nb.md's); interpolate it directly, format it with nb.fmt(...), or build the inner text with nb.mdFragment\`...\``;

export const figureNeedsOneValue = (id: string): string =>
  `nb.figure(${quote(id)}): give exactly one of "value" (a number) or "summary" (a Monte Carlo summary)`;

/** A field that must be one of a few words ("format", a claim's "verdict"). */
export const apiBadChoice = (call: string, field: string, got: string, choices: readonly string[]): string =>
  `${call}: ${quote(field)} is ${got}; use one of ${choices.map((c) => `${quote(c)}`).join(", ")}`;

export const apiBadOptional = (call: string, field: string, got: string, want: string): string =>
  `${call}: ${quote(field)} is ${got}; give ${want} or leave it out`;

/** An id that is not one word of letters, digits and _ . - (validate.ts `checkId`), with the word it could be. */
export const apiBadId = (call: string, field: string, got: string, word: string | undefined): string =>
  `${call}: ${quote(field)} is ${got}; an id names its record in figures.json, claims.json, diffs and errata as written: use letters, digits, _, . and - only, starting with a letter or digit${word === undefined ? "" : ` (e.g. ${quote(word)})`}`;

export const apiMissingText = (call: string, field: string, got: string): string =>
  `${call}: ${quote(field)} is ${got}; give it as a non-empty string`;

/** A number field that is missing, not a number, or NaN/Infinity: names the field (e.g. "summary.p95"). */
export const apiBadNumber = (call: string, field: string, got: string): string =>
  got === "missing" || !/^(NaN|-?Infinity)$/.test(got)
    ? `${call}: ${quote(field)} is ${got}; it must be a finite number`
    : `${call}: ${quote(field)} is ${got}, not a finite number; check the model inputs that lead to it`;

/** nb.words.count of something that is not a count: written, 1.5 read "2 claims" and -1 "−1 claims". */
export const apiBadCount = (got: number): string => `nb.words.count: ${String(got)} is not a count; give a whole number, 0 or more`;
/** nb.words.compare's "{ratio}" against 0: the ratio has no number (it read "n/a"). */
export const apiRatioOfZero = (): string => `nb.words.compare: "{ratio}" divides by the second value, which is 0; compare with a non-zero value, or use phrases without {ratio}`;

/** A range whose ends are swapped (stated, computed, nb.fmt's { low, high }): shown, it would read "30,000–10,000". */
export const apiRangeReversed = (call: string, field: string, low: number, high: number): string =>
  `${call}: "${field}.low" ${low} is above "${field}.high" ${high}; give the smaller end as low (were they swapped?)`;

/** A claim's computed median outside its own interval. */
export const apiMedianOutside = (call: string, field: string, p50: number, low: number, high: number): string =>
  `${call}: "${field}.p50" ${p50} is outside "${field}.low"–"${field}.high" (${low}–${high}); give the median of the same summary (computedRange(result.outputs.name))`;

/** A summary whose percentiles do not rise: shown, it would read "1 (90% interval 9–0)". */
export const apiSummaryDisordered = (call: string, field: string, lower: string, lowerValue: number, upper: string, upperValue: number): string =>
  `${call}: "${field}.${lower}" ${lowerValue} is above "${field}.${upper}" ${upperValue}; a summary's percentiles rise (p5 ≤ p25 ≤ p50 ≤ p75 ≤ p95): pass a Monte Carlo output (result.outputs.name) or correct the numbers`;

export const apiBadSummary = (call: string, field: string, got: string): string =>
  `${call}: ${quote(field)} is ${got}; pass a Monte Carlo output (result.outputs.name) or an object with mean, p5, p25, p50, p75, p95`;

// ── Chromium / PDF ───────────────────────────────────────────────────────────────────────────────
const withoutPdf = "The HTML report was still built; `fragtax build --no-pdf` skips the PDF step.";

export const chromiumEnvPathMissing = (path: string): string =>
  `PUPPETEER_EXECUTABLE_PATH is set to ${path}, which does not exist or is not executable, so no PDF was printed. ` +
  `To get the PDF, point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium binary, or unset it to print with the ` +
  `Chromium packaged with fragtax (or, where that one does not run, an installed one: \`apt-get install chromium\` on Debian/Ubuntu), then run \`fragtax build\` again. ${withoutPdf}`;

export const chromiumNotFound = (tried: readonly string[], packaged: string): string =>
  `no Chromium found for the PDF (${tried.length === 0 ? "" : `looked for ${tried.join(", ")}; `}the packaged one, ${packaged}, is not installed or, built for Linux on x64, does not run here). ` +
  `To get the PDF, run \`npm install\` (it installs ${packaged}), install a Chromium with \`apt-get install chromium\` ` +
  `(Debian/Ubuntu), or point PUPPETEER_EXECUTABLE_PATH at a Chrome or Chromium binary, then run \`fragtax build\` again. ${withoutPdf}`;

export const packagedChromiumUnpacking = (version: string, folder: string): string =>
  `unpacking the packaged Chromium ${version} into ${folder} (once per install, a few seconds)`;

export const packagedChromiumReunpack = (folder: string): string =>
  `the packaged Chromium in ${folder} did not start (a damaged unpack?); unpacking it again`;

export const packagedChromiumBroken = (folder: string, detail: string): string =>
  `the packaged Chromium does not start, even freshly unpacked into ${folder}: ${detail}. ` +
  `Reinstall it with \`rm -rf node_modules/@sparticuz/chromium && npm install\`, or install a system Chromium ` +
  `(\`apt-get install chromium\`) or point PUPPETEER_EXECUTABLE_PATH at one, then run \`fragtax build\` again. ${withoutPdf}`;

export const packagedChromiumFallback = (folder: string, detail: string, installed: string): string =>
  `the packaged Chromium does not start, even freshly unpacked into ${folder} (${detail}); printing with the installed Chromium at ${installed} instead`;

export const packagedChromiumForeignFallback = (detail: string, installed: string): string => `${detail}; printing with the installed Chromium at ${installed} instead`;

export const chromiumUsed = (source: "env" | "system" | "packaged", path: string, version: string): string => `${chromiumKind(source, version)} (${path})`;
/** Which Chromium, by kind and version: what a PDF's Producer field says (a path there named the builder's home folder, and the user, in every published PDF). */
export const chromiumKind = (source: "env" | "system" | "packaged", version: string): string =>
  `${source === "env" ? "PUPPETEER_EXECUTABLE_PATH" : source === "system" ? "system" : "packaged"} Chromium ${version.replace(/^(Headless)?Chrome\//, "")}`;

export const pdfPrinted = (paper: string, pages: number, bytes: number, chromium: string): string =>
  `${paper}, ${pages} pages, ${(bytes / 1024).toFixed(0)} KB, printed with the ${chromium}`;

export const pdfFailed = (detail: string): string =>
  `the PDF could not be printed: ${detail}. The previous report.pdf, if any, was left as it was; ` +
  `\`fragtax build --no-pdf\` skips the PDF step.`;

export const chromiumDidNotStart = (path: string, detail: string): string => `Chromium (${path}) did not start: ${detail}`;

export const chromiumDidNotAnswer = (seconds: number): string => `it did not answer within ${seconds} s of being started, and was stopped`;

export const pdfTimedOut = (seconds: number, sizeKb: number): string =>
  `Chromium did not finish printing within ${seconds} s (the limit for ${indefiniteArticle(String(sizeKb))} ${sizeKb} KB page; it grows with the page)`;

// ── fonts ────────────────────────────────────────────────────────────────────────────────────────
export const fontPackageMissing = (pkg: string): string =>
  `the report's font package ${pkg} is missing from node_modules; run \`npm install\` and build again`;

// ── --help ───────────────────────────────────────────────────────────────────────────────────────
/** The `--root` option of build, publish, diff and dev: one wording, since all four find the root the same way. */
export const rootOptionHelp = (): string => "the project root, the folder holding notebooks/report.yaml (default: found from the current folder)";

// ── fragtax build ────────────────────────────────────────────────────────────────────────────────
/** The config step's line: report.yaml and how many chapters it names. */
export const configRead = (file: string, chapters: number): string => `${file}, ${chapters} chapter${chapters === 1 ? "" : "s"}`;

/** The render step's line: the page drawn now, or the last build's reused (nothing it is made of changed). */
/** `refused`: where the cells are whose content the page cannot take (a chart field not in its data, an image): the build fails at them. */
export const renderedPage = (chapters: number, charts: number, drawn: boolean, chaptersTaken = 0, refused: readonly string[] = []): string =>
  `${drawn ? "" : "reused the last build's page, "}${chapters} chapter${chapters === 1 ? "" : "s"}, ${charts} chart${charts === 1 ? "" : "s"}${
    drawn && chaptersTaken > 0 ? ` (${chaptersTaken} unchanged chapter${chaptersTaken === 1 ? "" : "s"} as the last build rendered ${chaptersTaken === 1 ? "it" : "them"})` : ""
  }${refused.length === 0 ? "" : `; ${refused.length === 1 ? "what a cell shows cannot go on the page" : `what ${refused.length} cells show cannot go on the page`} (${refused.slice(0, 3).join("; ")}${refused.length > 3 ? "; …" : ""}): said below`}`;

export const buildStep = (step: string, detail = ""): string => `${step}${detail === "" ? "" : `: ${detail}`}`;

/** Ctrl-C or SIGTERM during `fragtax build`: what is left, and what to do. */
export const buildInterrupted = (signal: string, earlierBuild: boolean): string =>
  `fragtax build: stopped by ${signal === "SIGINT" ? "Ctrl-C" : signal}; ${earlierBuild ? "out/build/ still holds the last build that finished" : "no build has finished in out/build/ yet"}; run \`fragtax build\` again for this one`;

export const buildWaiting = (pid: number): string =>
  `waiting for the build running as pid ${pid} to finish (out/.build.lock); builds of one project run one at a time`;
/** The build lock left by a process that died holding it (a killed build, dev or run), taken over. */
export const buildLockTakenOver = (pid: number | undefined, reused = false): string =>
  `out/.build.lock was left by ${pid === undefined ? "a process" : `pid ${pid}`}, ${lockOwnerGone(reused)}: taking it over (a swap of out/build/ it left half done is finished or undone first, and said)`;
export const buildWrote = (files: readonly string[]): string => `wrote ${files.join(", ")}`;

export const buildCellErrors = (count: number, first: string): string =>
  `${count} cell${count === 1 ? "" : "s"} failed (first: ${first}); the HTML shows the error${count === 1 ? "" : "s"} in place`;

export const buildDuplicateIds = (ids: readonly string[]): string =>
  `figure or claim ids declared more than once: ${ids.join("; ")}; give each its own id (the build is not publishable until then)`;

export const buildWarning = (warning: string): string => `warning: ${warning}`;

/** `${cost}` or `{{cost}}` in a markdown cell (report/markdown-placeholders.ts): readers would see it as written. */
export const markdownPlaceholder = (where: Location, text: string): string =>
  located(where, `${JSON.stringify(text)} in a markdown cell is shown as written, not filled in (a markdown cell is not a template); ` +
    "write the sentence in a code cell with nb.md and a figure or nb.fmt, e.g. nb.md`The run costs ${nb.fmt(cost, \"usd\")}.`, or put the text in `backticks` to show it as code");

/** `{{twice}}` (or an escaped `\${twice}`) in an nb.md template's own text: another template language's slot, shown as written. */
export const proseCallPlaceholder = (where: Location, text: string): string => {
  const inner = text.replace(/^(?:\$\{|\{\{)\s*|\s*\}\}?$/g, "");
  const name = /^[A-Za-z_$][\w$.]*$/.test(inner) ? inner : "value";
  return located(where, `${JSON.stringify(text)} in a prose template's text (nb.md) is shown as written, not filled in: a value goes in as \${${name}} (or \${nb.fmt(${name}, "number")}), or put the text in \`backticks\` to show it as code`);
};

/** A chapter whose introduction is still the example text `fragtax new` wrote. */
export const scaffoldTextLeft = (where: Location): string =>
  located(where, "the introduction `fragtax new` wrote as an example is still here: write the chapter's own (publish refuses a build with this warning unless --accept-warnings)");

/** In the page, on a code cell that did not run because an earlier one failed. */
export const cellNotRun = (failedCell: number): string => `Not run: cell ${failedCell} failed before it.`;

/** In the page, on a code cell before one whose error stopped the notebook before any cell ran. */
export const cellNotRunBefore = (failedCell: number): string =>
  `Not run: cell ${failedCell} has an error found before any cell runs (every cell is compiled first), so no cell of this notebook ran.`;

/** A cell whose id an earlier cell of the notebook has (report/notebook-warnings.ts). */
export const duplicateCellId = (where: CellLocation, id: string, earlier: number): string =>
  located(where, `its id ${JSON.stringify(id)} is cell ${earlier}'s too: a cell's id must be its own (Jupyter gives this cell a new one when it opens the notebook, and a link to the id finds cell ${earlier}); change or remove this one`);

/** A notebook with no cells at all: its chapter would be a heading and nothing else. */
export const notebookWithoutCells = (file: string): string =>
  `${file}: the notebook has no cells: nothing runs and, as a chapter, it would be a heading alone; write it (\`fragtax new\` starts one with a worked example)`;

export const notebookWithoutCellIds = (file: string, count: number): string =>
  `${file}: ${count} cell${count === 1 ? " has" : "s have"} no id (nbformat 4.5 gives every cell one); ` +
  `open and save the notebook in Jupyter, which adds them, or start new chapters with \`fragtax new\``;

export const alternativeNeedsOneValue = (figureId: string, alternativeId: string): string =>
  `figure ${quote(figureId)}: alternative ${quote(alternativeId)} needs exactly one of "value" or "summary", with finite numbers`;

export const buildStrictWarnings = (count: number): string =>
  `--strict: ${count} warning${count === 1 ? "" : "s"} above fail${count === 1 ? "s" : ""} the build (exit 1); fix ${count === 1 ? "it" : "them"} or build without --strict`;

/** The build's errata line: how many corrections, and whether their sections and figures were checked. */
export const errataChecked = (count: number, file: string, checked: boolean): string =>
  checked ? `${count} from ${file}` : `${count} from ${file}, not checked against this build: a cell failed, so some figures are missing`;

// ── page template and HTML ───────────────────────────────────────────────────────────────────────
export const templateMissingSlot = (name: string): string => `templates/report.html: no value for {{${name}}}`;

export const htmlBadValue = (index: number, value: unknown): string =>
  typeof value === "number"
    ? `html: interpolated value #${index} is ${value}`
    : `html: interpolated value #${index} is ${value === undefined ? "undefined" : "an object"}; pass a string, a number or Html`;

export const chromiumUnpackIncomplete = (folder: string): string => `the unpacked Chromium in ${folder} is incomplete`;

export const chromiumUnpackNotOwn = (folder: string): string =>
  `${folder} belongs to another user (or is a symbolic link), so the Chromium in it is not run: anyone who can write there chose what it does. ` +
  `Remove it, or set FRAGTAX_CHROMIUM_DIR to a folder of your own`;

export const engineNoResult = (chapter: string): string => `the engine returned no result for ${chapter}`;

// ── a failed build's page ───────────────────────────────────────────────────────────────────────

export const failedBannerTitle = (cells: number, duplicateIds = 0): string =>
  `This build failed: ${[
    cells > 0 ? `${cells === 1 ? "1 cell" : `${cells} cells`} failed` : "",
    duplicateIds > 0 ? `${duplicateIds === 1 ? "1 id" : `${duplicateIds} ids`} declared more than once` : "",
  ].filter((part) => part !== "").join("; ")}`;

export const failedBannerLead = (cells: number, allRan = false): string =>
  `Each error is shown where it happened. ${allRan ? "Every cell ran, but what the page could not show (a chart it cannot draw, an image it cannot carry) is missing from it" : "What a failed cell would show, and any cell after it that did not run, is missing from this page"}, and sentences that depend on ${allRan ? "it" : "them"} may be too. It is not a report to read or publish: fix ${cells === 1 ? "the error" : "the errors"} below and build again.`;

/** The banner's lead when every cell ran but two figures or claims share an id. */
export const duplicateIdsBannerLead = (): string =>
  "Two or more figures or claims below share an id, so figures.json, a diff against another version and an erratum that names one cannot tell them apart. It is not a report to publish: give each its own id in its nb.figure or nb.claim call and build again.";

/** One entry of the banner's list: an id and the cells that declared it ("run_cost (notebooks/a.ipynb: cell 3, …)"). */
export const duplicateIdsBannerItem = (idAndCells: string): string => `id declared more than once: ${idAndCells}`;

export const chaptersSameNumber = (number: string, paths: readonly string[]): string =>
  `${paths.join(", ")}: their first headings all number the chapter ${number}, so the page shows "Chapter ${number}" ${paths.length === 2 ? "twice" : `${paths.length} times`}: renumber the heading ("# ${number}. …") of the chapter that was copied`;

/** A chapter without a number in its first heading, between numbered ones (render.ts). */
export const chapterWithoutNumber = (path: string): string =>
  `${path}: its first heading gives no number, between chapters whose headings do, so the contents list it without one: number it ("# 9. …")`;

/** A chapter numbered lower than the one before it in report.yaml (render.ts). */
export const chapterNumberOutOfOrder = (path: string, number: string, previous: string, previousNumber: string): string =>
  `${path}: its first heading numbers it ${number}, after ${previous}'s ${previousNumber}: renumber the heading, or move the chapter in report.yaml`;
