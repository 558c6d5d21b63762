/**
 * report.yaml → a fully resolved `ReportConfig` (index.ts), normalized once (absolute paths, defaults
 * filled); nothing downstream checks for defaults again. Parsing is pure; the only question it asks
 * the disk ("does this chapter exist?") goes through the `exists` function the caller passes.
 */
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { existsSync } from "node:fs";
import { LineCounter, type Document } from "yaml";
import { z } from "zod";
import * as messages from "../messages/report";
import * as errataMessages from "../messages/errata";
import * as fileMessages from "../messages/config-files";
import { isCalendarDate } from "../util/dates";
import { notYamlText, parseYamlDocument, plainYaml, yamlSyntaxProblem } from "../util/yaml-syntax";
import { yamlFileNotText } from "../messages/yaml";
import { located } from "../messages/location";
// Defined by the model (it runs with them in Jupyter too); report.yaml's `montecarlo` defaults to them.
import { DEFAULT_MONTE_CARLO } from "../model/defaults";
import { plausibleName, renamedFileLike } from "../util/suggest";
import { isFolder, isInside, isSymbolicLink, linkedOutside, realPathSoFar } from "../util/paths";
import { ConfigError, configRoot, outPaths, type ChapterConfig, type ReportConfig } from "./index";
import { readInputTextSync } from "../util/plain-file";
import { unlistedNotebookLike, unlistedNotebooks, yamlFileLike } from "./unlisted";
import { REPORT_YAML_KEYS } from "./keys";

const isoDate = z.union([
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date like 2026-04-28").refine(isCalendarDate, "not a calendar date (check the month and day)"),
  z.date(),
]);

// The title runs in every PDF page's header, and the byline on the title page: a title of 50,000
// characters made each header so tall that printing timed out after ~46 s; one of spaces alone shows nothing.
const TEXT_LIMIT = "characters at most: it heads the title page and every PDF page; put the rest in a chapter";
const ReportYaml = z.strictObject({
  title: z.string().trim().min(1, "empty: give the report a title, e.g. title: The Fragmentation Tax").max(300, `300 ${TEXT_LIMIT}`),
  subtitle: z.string().max(600, `600 ${TEXT_LIMIT}`).optional(),
  author: z.string().max(300, `300 ${TEXT_LIMIT}`).optional(),
  date: isoDate.optional(),
  asOf: isoDate.optional(),
  assumptions: z.string().min(1, "empty: name the assumptions file, e.g. assumptions: assumptions.yaml (or leave the key out for that default)").default("assumptions.yaml"),
  errata: z.string().min(1, "empty: name the errata file, e.g. errata: errata.yaml, or leave the key out").optional(),
  // May be empty to parse (`fragtax new` adds the first chapter); every other command refuses that below.
  // `chapters:` with nothing after it reads as null: no chapters, said as such below, not as zod's "received null".
  chapters: z
    .array(z.string().regex(/\.ipynb$/, "expected a .ipynb file name"))
    .nullable()
    .transform((chapters) => chapters ?? []),
  outputs: z.strictObject({ html: z.boolean().default(true), pdf: z.boolean().default(true) }).default({ html: true, pdf: true }),
  paper: z.enum(["A4", "Letter"]).default("A4"),
  montecarlo: z
    .strictObject({
      samples: z.number().int().min(100).max(10_000_000).default(DEFAULT_MONTE_CARLO.samples),
      seed: z.number().int().default(DEFAULT_MONTE_CARLO.seed),
    })
    .default(DEFAULT_MONTE_CARLO),
});

const TOP_LEVEL_KEYS: readonly string[] = REPORT_YAML_KEYS satisfies readonly (keyof typeof ReportYaml.shape)[];
export { ConfigError };

export interface NormalizeOptions {
  /** Project root; defaults to the folder above report.yaml's folder. */
  readonly root?: string;
  readonly exists?: (path: string) => boolean;
  /** `fragtax new`, which lists a chapter: report.yaml may list none yet. */
  readonly noChaptersYet?: boolean;
}

/** Parse and resolve report.yaml text. Throws `ConfigError` naming the key or file and its line. */
export function normalizeConfig(text: string, fileName: string, options: NormalizeOptions = {}): ReportConfig {
  const file = resolve(fileName);
  const root = configRoot(file, options.root);
  // Errors name report.yaml as the build names its other inputs: relative to the project root.
  const shown = relative(root, file) || file;
  const notText = notYamlText(text);
  if (notText !== undefined) throw new ConfigError(located({ file: shown, line: 1, column: 1 }, yamlFileNotText(shown, notText, "the report's settings (title, chapters, …)")), file, 1, 1);
  const lineCounter = new LineCounter();
  const document = parseYamlDocument(text, { lineCounter, prettyErrors: false });
  const locate = (path: readonly PropertyKey[]): messages.Location => locateNode(document, lineCounter, shown, path);
  const locateValue = (path: readonly PropertyKey[]): messages.Location => {
    const start = rangeStart(document.getIn(path, true));
    return start === undefined ? locate(path) : { file: shown, ...columnOf(lineCounter.linePos(start)) };
  };
  const syntaxError = document.errors[0];
  if (syntaxError !== undefined) {
    const { line, column, detail } = yamlSyntaxProblem(text, syntaxError);
    throw new ConfigError(messages.configYamlSyntax({ file: shown, line, column }, detail), file, line, column);
  }
  const resolved = plainYaml(document, text);
  if ("problem" in resolved) {
    const { line, column, detail } = resolved.problem;
    throw new ConfigError(messages.configYamlSyntax({ file: shown, line, column }, detail), file, line, column);
  }
  const content: unknown = resolved.value ?? {};
  // A list or a bare text at the top is no key at all: said as such, not as a schema's "" path.
  if (typeof content !== "object" || Array.isArray(content) || content instanceof Date) {
    const where = locateValue([]);
    throw new ConfigError(messages.configNotMapping(where, Array.isArray(content) ? "list" : "bare text"), file, where.line, where.column);
  }
  // reportInput: a wrong-typed value (title: 123) is then told apart from a missing one.
  const parsed = ReportYaml.safeParse(content, { reportInput: true });
  if (!parsed.success) {
    // An unknown key explains a "missing" one (a typo), so report it first.
    const issues = parsed.error.issues;
    const issue = issues.find((found) => found.code === "unrecognized_keys") ?? issues[0];
    // `chapters: 00-summary.ipynb`: one name where a list goes, not zod's "expected array, received string".
    if (issue?.code === "invalid_type" && issue.path.length === 1 && issue.path[0] === "chapters") {
      const written = writtenText(text, document.getIn(issue.path, true));
      throwAt(locateValue(issue.path), file, (w) => messages.configChaptersNotList(w, written, typeof issue.input === "string" ? issue.input : undefined));
    }
    // A chapter that is not a .ipynb name: said by what is written there, not as zod's "chapters.9".
    if (issue?.path[0] === "chapters" && typeof issue.path[1] === "number") {
      const where = locateValue(issue.path);
      const input = issue.input;
      if (typeof input === "string") {
        const meant = notebookMeant(input, dirname(file), root, options.exists ?? existsSync);
        throwAt(where, file, (w) => messages.configChapterNotNotebook(w, input, meant));
      }
      const written = writtenText(text, document.getIn(issue.path, true));
      throwAt(where, file, (w) => messages.configChapterNotName(w, written, chapterShape(input, dirname(file))));
    }
    throw configErrorFromIssue(issue, locate, locateValue, file);
  }
  const spec = parsed.data;
  if (spec.chapters.length === 0 && options.noChaptersYet !== true) throwAt(locateValue(["chapters"]), file, (where) => messages.configNoChapters(where));
  const dir = dirname(file);
  const exists = options.exists ?? existsSync;
  const fromRoot = (path: string): string => relative(root, path) || path;
  const chapters = resolveChapters(spec.chapters, dir, root, exists, locate, file);
  const assumptions = resolve(dir, spec.assumptions);
  if (!exists(assumptions)) {
    // A link that leads nowhere (or loops) is there, as a link: "does not exist" sent the user looking for a file they could see.
    if (isSymbolicLink(assumptions)) throwAt(locate(["assumptions"]), file, (where) => fileMessages.configAssumptionsBrokenLink(where, spec.assumptions));
    throwAt(locate(["assumptions"]), file, (where) => fileMessages.configMissingAssumptions(where, spec.assumptions, fromRoot(assumptions), yamlFileLike(assumptions, spec.assumptions)));
  }
  refuseOutside(assumptions, spec.assumptions, root, locateValue(["assumptions"]), file);
  if (isFolder(assumptions)) throwAt(locateValue(["assumptions"]), file, (where) => fileMessages.configKeyIsFolder(where, "assumptions", spec.assumptions, fromRoot(assumptions)));
  const errata = spec.errata === undefined ? undefined : resolve(dir, spec.errata);
  if (errata !== undefined && spec.errata !== undefined && !exists(errata)) throwAt(locate(["errata"]), file, (where) => errataMessages.errataFileMissing(where, spec.errata ?? "", fromRoot(errata)));
  if (errata !== undefined && spec.errata !== undefined) refuseOutside(errata, spec.errata, root, locateValue(["errata"]), file);
  if (errata !== undefined && spec.errata !== undefined && isFolder(errata)) throwAt(locateValue(["errata"]), file, (where) => fileMessages.configKeyIsFolder(where, "errata", spec.errata ?? "", fromRoot(errata)));
  return {
    file,
    root,
    title: spec.title,
    ...(spec.subtitle !== undefined && { subtitle: spec.subtitle }),
    ...(spec.author !== undefined && { author: spec.author }),
    ...(spec.date !== undefined && { date: isoText(spec.date) }),
    ...(spec.asOf !== undefined && { asOf: isoText(spec.asOf) }),
    chapters,
    assumptions,
    ...(errata !== undefined && { errata }),
    outputs: spec.outputs,
    paper: spec.paper,
    montecarlo: spec.montecarlo,
    outDir: outPaths(root).build,
    paths: outPaths(root),
  };
}

/**
 * The notebook a chapter name without ".ipynb" means, if it exists: "x" or "x.ipnyb" → "x.ipynb",
 * named from report.yaml's folder; "notebooks/x" (named from the project's) → "x.ipynb" too.
 */
function notebookMeant(name: string, dir: string, root: string, exists: (path: string) => boolean): string | undefined {
  const notebook = /\.[^./]+$/.test(name) ? name.replace(/\.[^./]+$/, ".ipynb") : `${name}.ipynb`;
  if (exists(resolve(dir, notebook))) return notebook;
  const fromProject = resolve(root, notebook);
  if (!isAbsolute(notebook) && isInside(dir, fromProject) && exists(fromProject)) return relative(dir, fromProject);
  // "08-what-matter": the notebook beside report.yaml it likely names, as for a chapter file that is missing.
  return notebook.includes("/") ? undefined : renamedFileLike(notebook, unlistedNotebooks(dir, []));
}

/** What a chapter item that is no text is, for its message (`- 42`, `-` alone, `- a.ipynb: draft`, `- [a, b]`). */
function chapterShape(value: unknown, dir: string): messages.ChapterShape {
  if (value === null || value === undefined) return { kind: "empty" };
  if (Array.isArray(value)) return { kind: "list" };
  if (typeof value === "object" && !(value instanceof Date)) {
    // `- 09-x.ipynb: draft` (a note after the name) is a mapping whose one key is the name meant.
    const names = Object.keys(value).filter((key) => key.endsWith(".ipynb"));
    return { kind: "mapping", ...(names.length === 1 && names[0] !== undefined && { meant: names[0] }) };
  }
  if (typeof value === "number") {
    // `- 8`: the chapter numbered 8, when one notebook is ("08-what-matters.ipynb").
    const numbered = Number.isInteger(value) && value >= 0 ? unlistedNotebooks(dir, []).filter((entry) => new RegExp(`^0*${value}-`).test(entry)) : [];
    return { kind: "number", ...(numbered.length === 1 && numbered[0] !== undefined && { meant: numbered[0] }) };
  }
  return { kind: typeof value === "boolean" ? "boolean" : "other" };
}

/** The text a node was written as in report.yaml, on one line and shortened: the message quotes it. */
function writtenText(text: string, node: unknown): string {
  const range = node !== null && typeof node === "object" && "range" in node && Array.isArray(node.range) ? (node.range as unknown[]) : [];
  const [start, end] = range;
  const written = typeof start === "number" && typeof end === "number" ? text.slice(start, end).trim().split("\n")[0]?.trim() ?? "" : "";
  return written.length > 60 ? `${written.slice(0, 60)}…` : written;
}

function isoText(date: string | Date): string {
  return date instanceof Date ? date.toISOString().slice(0, 10) : date;
}

/** Read and normalize a report.yaml file. */
export function loadConfig(fileName: string, options: NormalizeOptions = {}): ReportConfig {
  return normalizeConfig(readInputTextSync(fileName), fileName, options);
}

function resolveChapters(
  names: readonly string[],
  dir: string,
  root: string,
  exists: (path: string) => boolean,
  locate: Locate,
  file: string,
): ChapterConfig[] {
  const seen = new Set<string>();
  const files = new Map<string, string>(); // by the file a name leads to: a link to a listed chapter ran it twice
  return names.map((name, index) => {
    const chapterFile = isAbsolute(name) ? name : resolve(dir, name);
    const where = locate(["chapters", index]);
    if (seen.has(chapterFile)) throwAt(where, file, (w) => messages.configDuplicateChapter(w, name));
    seen.add(chapterFile);
    if (!exists(chapterFile)) {
      // "- a.ipynb" with "   - b.ipynb" below it, indented one space more, is the one item "a.ipynb - b.ipynb".
      const joined = name.split(/(?<=\.ipynb)\s+-\s+/);
      if (joined.length > 1 && joined.every((part) => part.endsWith(".ipynb"))) throwAt(where, file, (w) => messages.configChaptersJoined(w, name, joined));
      // A link to nothing, or one that loops, "exists" no more than a missing file, but is fixed elsewhere.
      const brokenLink = isSymbolicLink(chapterFile);
      // Named from the project's folder ("notebooks/09-energy.ipynb"): chapters are named from report.yaml's.
      const fromProject = resolve(root, name);
      if (!brokenLink && !isAbsolute(name) && fromProject !== chapterFile && exists(fromProject) && isInside(dir, fromProject)) {
        throwAt(where, file, (w) => messages.configChapterFromProject(w, name, relative(dir, fromProject)));
      }
      const renamedTo = brokenLink ? undefined : unlistedNotebookLike(chapterFile, names.map((listed) => (isAbsolute(listed) ? listed : resolve(dir, listed))));
      throwAt(where, file, (w) => (brokenLink ? fileMessages.configChapterBrokenLink(w, name) : messages.configMissingChapter(w, name, relative(root, chapterFile) || chapterFile, renamedTo))); // named as the user sees it
    }
    if (isFolder(chapterFile)) throwAt(where, file, (w) => fileMessages.configChapterIsFolder(w, name));
    // The engine, its caches and provenance all work relative to the project: a chapter must live in it.
    if (!isInside(root, chapterFile)) throwAt(where, file, (w) => messages.configChapterOutside(w, name, root));
    // So must the file a link in it leads to: git records the link alone, so a published version could
    // not say what the chapter was, and the caches and watchers key on project paths.
    // (A link to a device or a pipe is refused as one when the chapter is read, which says more.)
    const target = linkedOutside(chapterFile, root);
    if (target !== undefined) throwAt(where, file, (w) => messages.configChapterLinksOutside(w, name, target, root));
    const real = realPathSoFar(chapterFile);
    if (files.has(real)) throwAt(where, file, (w) => messages.configChapterSameFile(w, name, files.get(real) ?? real));
    files.set(real, name);
    return { number: index + 1, file: chapterFile, relativePath: relative(root, chapterFile).split("\\").join("/") };
  });
}

/**
 * The assumptions and errata files live in the project, as chapters do: `diff` reads them at git refs
 * and a published version names them by their project path, so a file elsewhere (by a `../` path or
 * a symbolic link) would change the report with no trace in its history.
 */
function refuseOutside(path: string, name: string, root: string, where: messages.Location, file: string): void {
  if (!isInside(root, path)) throwAt(where, file, (w) => messages.configInputOutside(w, name, root));
  const target = linkedOutside(path, root);
  if (target !== undefined) throwAt(where, file, (w) => messages.configInputLinksOutside(w, name, target, root));
}

type Issue = z.core.$ZodIssue | undefined;

type Locate = (path: readonly PropertyKey[]) => messages.Location;

function configErrorFromIssue(issue: Issue, locate: Locate, locateValue: Locate, file: string): ConfigError {
  const path = issue?.path ?? [];
  const key = path.map(String).join(".");
  if (issue?.code === "unrecognized_keys") {
    const unknown = issue.keys[0] ?? "";
    const where = locate([...path, unknown]);
    const candidates = path.length === 0 ? TOP_LEVEL_KEYS : nestedKeys(path);
    return new ConfigError(messages.configUnknownKey(where, [...path, unknown].join("."), plausibleName(unknown, candidates), candidates), file, where.line, where.column);
  }
  if (issue?.code === "invalid_type" && issue.input === undefined) {
    const where = locate(path.slice(0, -1));
    return new ConfigError(messages.configMissingKey(where, key), file, where.line, where.column);
  }
  const where = locateValue(path);
  // `paper: A44`: the value meant, from the values there are.
  if (issue?.code === "invalid_value") {
    const known = issue.values.map(String);
    const given = String(issue.input);
    return new ConfigError(messages.configUnknownValue(where, key, given, plausibleName(given, known), known), file, where.line, where.column);
  }
  // `pdf: yes` (text under YAML 1.2), `samples: 10000..20000`: said as the text it is, with what to write.
  const expected: string | undefined = issue?.code === "invalid_type" && typeof issue.input === "string" ? issue.expected : undefined;
  if ((expected === "number" || expected === "boolean") && typeof issue?.input === "string") {
    return new ConfigError(messages.configTextNotValue(where, key, issue.input, expected), file, where.line, where.column);
  }
  const worded = issue === undefined ? undefined : wordedIssue(issue, key, where);
  return new ConfigError(worded ?? messages.configInvalidValue(where, key, issue?.message ?? "invalid value"), file, where.line, where.column);
}

/** The examples a wrong kind of value is answered with, by the key it is under. */
const EXAMPLES: Readonly<Record<string, string>> = {
  montecarlo: `montecarlo: { samples: ${DEFAULT_MONTE_CARLO.samples}, seed: ${DEFAULT_MONTE_CARLO.seed} }`,
  outputs: "outputs: { html: true, pdf: true }",
  "montecarlo.samples": `samples: ${DEFAULT_MONTE_CARLO.samples}`,
  "montecarlo.seed": `seed: ${DEFAULT_MONTE_CARLO.seed}`,
};

/**
 * A value of the wrong kind, or a number out of its range, in the file's words rather than zod's
 * ("Invalid input: expected object, received number"); undefined for any other issue (its own message).
 */
function wordedIssue(issue: z.core.$ZodIssue, key: string, where: messages.Location): string | undefined {
  const last = key.split(".").at(-1) ?? key;
  if (issue.code === "invalid_type") {
    const input: unknown = issue.input;
    if (issue.expected === "int" && typeof input === "number") return messages.configNumberOutOfRange(where, key, input, `a whole number${rangeOf(key)}`);
    const expected = { string: "a text", number: "a number", int: "a whole number", boolean: "true or false", object: "a mapping of keys", array: "a list" }[issue.expected as string];
    if (expected === undefined) return undefined;
    const example = EXAMPLES[key] ?? (issue.expected === "string" ? `${last}: The text, on one line` : issue.expected === "boolean" ? `${last}: true` : issue.expected === "array" ? `${last}: [a, b]` : `${last}: 1`);
    return messages.configWrongKind(where, key, kindOf(input), expected, example);
  }
  if ((issue.code === "too_small" || issue.code === "too_big") && issue.origin === "number" && typeof issue.input === "number") {
    return messages.configNumberOutOfRange(where, key, issue.input, `a ${key === "montecarlo.samples" ? "whole " : ""}number${rangeOf(key) || (issue.code === "too_small" ? ` of at least ${String(issue.minimum)}` : ` of at most ${String(issue.maximum)}`)}`);
  }
  return undefined;
}

/** " from 100 to 10,000,000" for the keys whose range the schema sets; "" for the others. */
function rangeOf(key: string): string {
  return key === "montecarlo.samples" ? " from 100 to 10,000,000 (draws per model run)" : "";
}

function kindOf(value: unknown): messages.ConfigValueKind {
  if (Array.isArray(value)) return "a list";
  if (value === null || value === undefined) return "empty";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number") return "a number";
  return typeof value === "boolean" ? "true or false" : "a text";
}

function nestedKeys(path: readonly PropertyKey[]): readonly string[] {
  if (path[0] === "outputs") return ["html", "pdf"];
  if (path[0] === "montecarlo") return ["samples", "seed"];
  return TOP_LEVEL_KEYS;
}

function throwAt(where: messages.Location, file: string, message: (where: messages.Location) => string): never {
  throw new ConfigError(message(where), file, where.line, where.column);
}

// The deepest node on `path` that exists; a key's position is its key node, so "unknown key" points at the key.
function locateNode(document: Document, lineCounter: LineCounter, file: string, path: readonly PropertyKey[]): messages.Location {
  for (let depth = path.length; depth >= 0; depth--) {
    const offset = offsetOf(document, path.slice(0, depth));
    if (offset !== undefined) return { file, ...columnOf(lineCounter.linePos(offset)) };
  }
  return { file, line: 1, column: 1 };
}

function offsetOf(document: Document, path: readonly PropertyKey[]): number | undefined {
  if (path.length === 0) return document.contents?.range?.[0];
  const parent = path.length === 1 ? document.contents : document.getIn(path.slice(0, -1), true);
  const last = path[path.length - 1];
  if (parent !== null && typeof parent === "object" && "items" in parent && Array.isArray(parent.items)) {
    for (const [index, item] of (parent.items as unknown[]).entries()) {
      if (typeof last === "number" && index === last) return rangeStart(item);
      if (item !== null && typeof item === "object" && "key" in item) {
        const keyNode = (item as { key: unknown }).key;
        if (scalarValue(keyNode) === last) return rangeStart(keyNode);
      }
    }
  }
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  if (node !== null && typeof node === "object" && "range" in node && Array.isArray(node.range)) {
    const start: unknown = node.range[0];
    return typeof start === "number" ? start : undefined;
  }
  return undefined;
}

function scalarValue(node: unknown): unknown {
  return node !== null && typeof node === "object" && "value" in node ? (node as { value: unknown }).value : node;
}

function columnOf(position: { line: number; col: number }): { line: number; column: number } {
  return { line: position.line, column: position.col };
}

