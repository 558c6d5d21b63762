/** Messages of the report area: report.yaml, rendering, Chromium/PDF and `fragtax build`. */
import { type CellLocation, type Location } from "./location";
export type { Location } from "./location";
export declare const configYamlSyntax: (where: Location, detail: string) => string;
export declare const configNotMapping: (where: Location, kind: "list" | "bare text") => string;
export declare const configUnknownKey: (where: Location, key: string, nearest: string | undefined, known: readonly string[]) => string;
export declare const configMissingKey: (where: Location, key: string) => string;
export declare const configInvalidValue: (where: Location, key: string, problem: string) => string;
/** `paper: A44`: zod's "Invalid option: expected one of "A4"|"Letter"" named no value meant. */
export declare const configUnknownValue: (where: Location, key: string, given: string, meant: string | undefined, known: readonly string[]) => string;
/** `pdf: yes`, `samples: 10000..20000`, `seed: "7"`: text where YAML needs a number or true/false (zod: "expected number, received string"). */
export declare const configTextNotValue: (where: Location, key: string, given: string, expected: "number" | "boolean") => string;
/** What a report.yaml value is, in a reader's words (`title: [The, Tax]` is "a list"). */
export type ConfigValueKind = "a list" | "a mapping" | "a number" | "true or false" | "empty" | "a text";
/**
 * `title: [The, Tax]`, `montecarlo: 10000`, `samples: 10000.5`: zod's "Invalid input: expected string,
 * received array" read as the validation library, not as the file. `example`: the value as written right.
 */
export declare const configWrongKind: (where: Location, key: string, given: ConfigValueKind, expected: string, example: string) => string;
/** `samples: -5`, `samples: 10000.5`: the value, and what the key takes. */
export declare const configNumberOutOfRange: (where: Location, key: string, given: number, takes: string) => string;
export declare const configChapterOutside: (where: Location, chapter: string, root: string) => string;
export declare const configChapterLinksOutside: (where: Location, chapter: string, target: string, root: string) => string;
export declare const configInputOutside: (where: Location, name: string, root: string) => string;
export declare const configInputLinksOutside: (where: Location, name: string, target: string, root: string) => string;
export declare const configMissingChapter: (where: Location, chapter: string, resolved: string, renamedTo: string | undefined) => string;
/** After a build: notebooks beside report.yaml that it does not list (a note: the exit code and publish ignore it); `names` shown on one line already. */
export declare const unlistedChapters: (names: readonly string[], configFile: string) => string;
/** A chapter named from the project's folder, which is there when named from report.yaml's. */
export declare const configChapterFromProject: (where: Location, chapter: string, fromNotebooks: string) => string;
/** A chapter that is not a notebook file name ("09-energy"). */
export declare const configChapterNotNotebook: (where: Location, chapter: string, meant: string | undefined) => string;
/** `chapters: 00-summary.ipynb`: a value where the list of chapters goes; `name` when it is one name. */
export declare const configChaptersNotList: (where: Location, written: string, name: string | undefined) => string;
/** A chapter item that is no text, by what YAML read it as; `meant` the name in `- x.ipynb: a note`. */
export interface ChapterShape {
    readonly kind: "empty" | "number" | "boolean" | "list" | "other" | "mapping";
    /** The notebook meant: the key of `- x.ipynb: a note`, or the one notebook numbered as `- 8` is. */
    readonly meant?: string;
}
/** A chapter item that is not a name (`- 42`, `-` alone, `- a.ipynb: draft`): quoted as written, not as zod's "chapters.9". */
export declare const configChapterNotName: (where: Location, written: string, shape: ChapterShape) => string;
/**
 * A list item indented past the one above it: YAML reads the two lines as one name. All the items under
 * a first one written left of them (`- 00-summary.ipynb` at the key's column) read as one: ten names
 * in full made a message of 600 characters, so past two it names the first two and counts the rest.
 */
export declare const configChaptersJoined: (where: Location, chapter: string, names: readonly string[]) => string;
export declare const rootEmpty: () => string;
export declare const configChapterIsFolder: (where: Location, chapter: string) => string;
export declare const configChapterBrokenLink: (where: Location, chapter: string) => string;
export declare const configAssumptionsBrokenLink: (where: Location, file: string) => string;
export declare const configMissingAssumptions: (where: Location, file: string, resolved: string, meant?: string) => string;
export declare const configAsOfAfterVersion: (where: Location, asOf: string, versionDate: string, dated: boolean) => string;
export declare const configNoChapters: (where: Location) => string;
export declare const configDuplicateChapter: (where: Location, chapter: string) => string;
/** `--root DIR` names no project: DIR is missing, a file, the notebooks/ folder itself, or holds no notebooks/report.yaml. */
export declare const rootWithoutReport: (dir: string, state: "missing" | "file" | "notebooks-folder" | "no-report", project?: string) => string;
export declare const reportYamlDanglingLink: (link: string, target: string, loops?: boolean) => string;
export declare const reportYamlNotFound: (startDir: string) => string;
export declare const mdCannotInterpolate: (index: number, kind: string) => string;
export declare const mdObjectAsText: (index: number) => string;
export declare const figureNeedsOneValue: (id: string) => string;
/** A field that must be one of a few words ("format", a claim's "verdict"). */
export declare const apiBadChoice: (call: string, field: string, got: string, choices: readonly string[]) => string;
export declare const apiBadOptional: (call: string, field: string, got: string, want: string) => string;
/** An id that is not one word of letters, digits and _ . - (validate.ts `checkId`), with the word it could be. */
export declare const apiBadId: (call: string, field: string, got: string, word: string | undefined) => string;
export declare const apiMissingText: (call: string, field: string, got: string) => string;
/** A number field that is missing, not a number, or NaN/Infinity: names the field (e.g. "summary.p95"). */
export declare const apiBadNumber: (call: string, field: string, got: string) => string;
/** A range whose ends are swapped (stated, computed, nb.fmt's { low, high }): shown, it would read "30,000–10,000". */
export declare const apiRangeReversed: (call: string, field: string, low: number, high: number) => string;
/** A claim's computed median outside its own interval. */
export declare const apiMedianOutside: (call: string, field: string, p50: number, low: number, high: number) => string;
/** A summary whose percentiles do not rise: shown, it would read "1 (90% CI 9–0)". */
export declare const apiSummaryDisordered: (call: string, field: string, lower: string, lowerValue: number, upper: string, upperValue: number) => string;
export declare const apiBadSummary: (call: string, field: string, got: string) => string;
export declare const chromiumEnvPathMissing: (path: string) => string;
export declare const chromiumNotFound: (tried: readonly string[], packaged: string) => string;
export declare const packagedChromiumUnpacking: (version: string, folder: string) => string;
export declare const packagedChromiumReunpack: (folder: string) => string;
export declare const packagedChromiumBroken: (folder: string, detail: string) => string;
export declare const packagedChromiumFallback: (folder: string, detail: string, installed: string) => string;
export declare const chromiumUsed: (source: "env" | "system" | "packaged", path: string, version: string) => string;
export declare const pdfPrinted: (paper: string, pages: number, bytes: number, chromium: string) => string;
export declare const pdfFailed: (detail: string) => string;
export declare const chromiumDidNotStart: (path: string, detail: string) => string;
export declare const chromiumDidNotAnswer: (seconds: number) => string;
export declare const pdfTimedOut: (seconds: number, sizeKb: number) => string;
export declare const fontPackageMissing: (pkg: string) => string;
/** The `--root` option of build, publish, diff and dev: one wording, since all four find the root the same way. */
export declare const rootOptionHelp: () => string;
/** The config step's line: report.yaml and how many chapters it names. */
export declare const configRead: (file: string, chapters: number) => string;
/** The render step's line: the page drawn now, or the last build's reused (nothing it is made of changed). */
export declare const renderedPage: (chapters: number, charts: number, drawn: boolean, chaptersTaken?: number) => string;
export declare const buildStep: (step: string, detail?: string) => string;
/** Ctrl-C or SIGTERM during `fragtax build`: what is left, and what to do. */
export declare const buildInterrupted: (signal: string, earlierBuild: boolean) => string;
/** `fragtax dev`'s rebuild, which prints nothing, kept the last build's PDF of the same page. */
export declare const pdfKept: (by: "dev" | "no-pdf") => string;
/** A build that prints nothing, over a report.pdf of another page: the file goes, said, as it cannot stay beside this page. */
export declare const pdfDropped: (by: "dev" | "no-pdf" | "report.yaml") => string;
export declare const buildWaiting: (pid: number) => string;
/** The build lock left by a process that died holding it (a killed build, dev or run), taken over. */
export declare const buildLockTakenOver: (pid: number | undefined, reused?: boolean) => string;
export declare const buildWrote: (files: readonly string[]) => string;
export declare const buildCellErrors: (count: number, first: string) => string;
export declare const buildDuplicateIds: (ids: readonly string[]) => string;
export declare const buildWarning: (warning: string) => string;
/** `${cost}` or `{{cost}}` in a markdown cell (report/markdown-placeholders.ts): readers would see it as written. */
export declare const markdownPlaceholder: (where: Location, text: string) => string;
/** A chapter whose introduction is still the example text `fragtax new` wrote. */
export declare const scaffoldTextLeft: (where: Location) => string;
/** In the page, on a code cell that did not run because an earlier one failed. */
export declare const cellNotRun: (failedCell: number) => string;
/** In the page, on a code cell before one whose error stopped the notebook before any cell ran. */
export declare const cellNotRunBefore: (failedCell: number) => string;
/** A cell whose id an earlier cell of the notebook has (report/notebook-warnings.ts). */
export declare const duplicateCellId: (where: CellLocation, id: string, earlier: number) => string;
/** A notebook with no cells at all: its chapter would be a heading and nothing else. */
export declare const notebookWithoutCells: (file: string) => string;
export declare const notebookWithoutCellIds: (file: string, count: number) => string;
export declare const alternativeNeedsOneValue: (figureId: string, alternativeId: string) => string;
export declare const buildStrictWarnings: (count: number) => string;
/** The build's errata line: how many corrections, and whether their sections and figures were checked. */
export declare const errataChecked: (count: number, file: string, checked: boolean) => string;
export declare const templateMissingSlot: (name: string) => string;
export declare const htmlBadValue: (index: number, value: unknown) => string;
export declare const chromiumUnpackIncomplete: (folder: string) => string;
export declare const engineNoResult: (chapter: string) => string;
export declare const failedBannerTitle: (cells: number, duplicateIds?: number) => string;
export declare const failedBannerLead: (cells: number) => string;
/** The banner's lead when every cell ran but two figures or claims share an id. */
export declare const duplicateIdsBannerLead: () => string;
/** One entry of the banner's list: an id and the cells that declared it ("run_cost (notebooks/a.ipynb: cell 3, …)"). */
export declare const duplicateIdsBannerItem: (idAndCells: string) => string;
export declare const chaptersSameNumber: (number: string, paths: readonly string[]) => string;
