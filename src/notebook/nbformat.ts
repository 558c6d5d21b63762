/**
 * nbformat 4: the one set of notebook types (the engine writes them, the renderer and the build read
 * them, whether the engine or `jupyter nbconvert --execute` executed the notebook), and
 * `parseNotebook`, which turns file text into a validated notebook or throws a `NotebookFormatError`
 * that says what is wrong and where.
 *
 * Only what the engine needs is validated (cells, their sources, the kernel); everything else in the
 * file (metadata, attachments, ids) is kept untouched so the executed notebook round-trips.
 */
import { isUtf8 } from "node:buffer";
import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { quote } from "shell-quote";
import * as messages from "../messages/notebook";
import { jsonErrorOffset } from "./json-position";
import { InputError } from "../util/errors";
import { isRecord, nestedPast } from "../util/records";
import { plausibleName, renamedFileLike } from "../util/suggest";
import { lineColumn } from "../util/text-position";
import { at, located } from "../messages/location";
import { codeFrame } from "../util/code-frame";
import { InputFileNotUtf8Error, NotARegularFileError } from "../util/plain-file";
import { fileSystemAdvice, notARegularFile } from "../messages/fs";

export type MultilineString = string | string[];

export interface StreamOutput {
  output_type: "stream";
  name: "stdout" | "stderr";
  /** The engine writes one string; nbconvert writes a list of lines. */
  text: MultilineString;
}

/** A mime bundle: text mimes hold strings, JSON mimes (e.g. Vega-Lite) hold JSON data. */
export type MimeBundle = Record<string, unknown>;

/** `application/json`, `application/vnd.vegalite.v5+json`: mimes whose data is JSON, not text. */
const isJsonMime = (mime: string): boolean => /^application\/(?:[^;]*\+)?json(?:;|$)/i.test(mime);

/**
 * A bundle as nbformat's schema takes it: under a text mime, text (a list of lines joined); any other
 * value written as text (`{ "text/plain": 5 }` → "5", an object as JSON), where it was written as given,
 * which the schema refuses and JupyterLab and the report then show nothing for. A raw display that is
 * no bundle at all (`display(5, { raw: true })`) is its text. JSON mimes keep their data.
 */
export function validMimeBundle(data: unknown): MimeBundle {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { "text/plain": asText(data) };
  const bundle: MimeBundle = {};
  for (const [mime, value] of Object.entries(data)) {
    bundle[mime] = isJsonMime(mime) || typeof value === "string" ? value : Array.isArray(value) && value.every((line) => typeof line === "string") ? value.join("") : asText(value);
  }
  return bundle;
}

function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined || typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value); // a cycle
  }
}

export interface DisplayDataOutput {
  output_type: "display_data";
  data: MimeBundle;
  metadata: Record<string, unknown>;
}

export interface ExecuteResultOutput {
  output_type: "execute_result";
  execution_count: number;
  data: MimeBundle;
  metadata: Record<string, unknown>;
}

export interface ErrorOutput {
  output_type: "error";
  ename: string;
  evalue: string;
  traceback: string[];
}

/** An output that carries a mime bundle. */
export type DataOutput = DisplayDataOutput | ExecuteResultOutput;

export type Output = StreamOutput | DataOutput | ErrorOutput;

export interface CodeCell {
  cell_type: "code";
  source: MultilineString;
  metadata: Record<string, unknown>;
  outputs: Output[];
  execution_count: number | null;
  id?: string;
}

export interface TextCell {
  cell_type: "markdown" | "raw";
  source: MultilineString;
  metadata: Record<string, unknown>;
  id?: string;
  attachments?: Record<string, unknown>;
}

export type Cell = CodeCell | TextCell;

export interface KernelSpec {
  name?: string;
  display_name?: string;
  language?: string;
}

export interface Notebook {
  nbformat: 4;
  nbformat_minor: number;
  metadata: { kernelspec?: KernelSpec; language_info?: { name?: string }; [key: string]: unknown };
  cells: Cell[];
}

/** True when the cell produced an error output. */
export function cellFailed(cell: Cell): boolean {
  return cell.cell_type === "code" && cell.outputs.some((output) => output.output_type === "error");
}

/** A notebook that cannot be read at all: fragtax exits 2 on it. */
export class NotebookFormatError extends InputError {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}

/**
 * The error for a notebook file that could not be read (`name` as messages show it): a missing one
 * names the nearest notebook in its folder, as a renamed chapter usually is.
 */
export function unreadableNotebook(file: string, name: string, error: unknown): NotebookFormatError {
  // A pipe or a device where the notebook should be: said as such, by the notebook's name.
  if (error instanceof NotARegularFileError) return new NotebookFormatError(notARegularFile(name, error.kind), name);
  if (error instanceof InputFileNotUtf8Error) return new NotebookFormatError(located({ file: name, line: error.line, column: error.column }, error.detail), name);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EISDIR") return new NotebookFormatError(messages.notebookIsFolder(name, notebooksIn(file).map((entry) => join(name, entry))), name);
  if (code !== "ENOENT") return new NotebookFormatError(messages.notebookUnreadable(name, code ?? String(error), code === undefined ? undefined : fileSystemAdvice(code)), name);
  // A name whose bytes are not UTF-8 reaches the process with U+FFFD in their place, and that name does
  // not exist: the file is there, but cannot be named from the command line.
  if (basename(file).includes("\uFFFD") && notUtf8Names(dirname(file)).includes(basename(file))) return new NotebookFormatError(messages.notebookNameNotUtf8(name, renameCommand(name)), name);
  // From the project's folder, `fragtax run 01-x.ipynb` meant the one in notebooks/.
  const inNotebooks = existsSync(join(dirname(file), "notebooks", basename(file))) ? join(dirname(name), "notebooks", basename(name)) : undefined;
  // The nearest notebook in its folder, written as `name` was (`notebooks/09-enrgy.ipynb` → `notebooks/09-energy.ipynb`), so it can be typed as said.
  const renamed = renamedFileLike(basename(file), notebooksIn(dirname(file)));
  return new NotebookFormatError(messages.notebookMissing(name, (renamed === undefined ? undefined : join(dirname(name), renamed)) ?? inNotebooks), name);
}

/**
 * A `mv` that renames the file shown as `name`: a glob where its bytes that are not UTF-8 stand (each
 * run of U+FFFD), the rest quoted for the shell (a space or a `$` in a folder's name), to a name with `_`.
 */
function renameCommand(name: string): string {
  const glob = name.split(/\uFFFD+/).map((part) => (part === "" ? "" : quote([part]))).join("*");
  return `mv ${glob} ${quote([name.replace(/\uFFFD+/g, "_")])}`;
}

/** The names in `folder` that are not valid UTF-8, as Node reads them (each such byte a U+FFFD). */
function notUtf8Names(folder: string): string[] {
  try {
    return readdirSync(folder, { encoding: "buffer" })
      .filter((entry) => !isUtf8(entry))
      .map((entry) => entry.toString("utf8"));
  } catch {
    return [];
  }
}

/** The .ipynb files in `folder`, sorted; none when it cannot be read (then there is no suggestion). */
function notebooksIn(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((entry) => entry.endsWith(".ipynb"))
      .sort();
  } catch {
    return [];
  }
}

/**
 * The text of a cell or output, whichever way the file stores it (one string or a list of lines);
 * "" for anything else (a renderer reading a foreign notebook never throws on it).
 */
export function cellText(source: MultilineString | readonly string[] | unknown): string {
  if (typeof source === "string") return source;
  return Array.isArray(source) ? source.map(String).join("") : "";
}

/** Splits text into nbformat's list-of-lines form (each line keeps its "\n"). */
export function toMultiline(text: string): string[] {
  return text.length === 0 ? [] : (text.match(/[^\n]*\n|[^\n]+$/g) ?? []);
}

/** How deep a notebook's JSON may nest: a chart spec in an output takes a dozen levels; 5,000 overflowed the stack of the run. */
const MAX_NOTEBOOK_DEPTH = 500;

/** Parses and validates a notebook file's text. `file` is only used in messages. */
export function parseNotebook(text: string, file: string): Notebook {
  const data = parseJson(text, file);
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new NotebookFormatError(messages.notebookNotObject(file, jsonKind(data)), file);
  }
  const record = data as Record<string, unknown>;
  if (nestedPast(record, MAX_NOTEBOOK_DEPTH)) throw new NotebookFormatError(messages.notebookNestedTooDeep(file, MAX_NOTEBOOK_DEPTH), file);
  // `{}` is not a notebook of an unsupported version ("nbformat undefined is not supported"); an
  // nbformat 3 file (its cells in "worksheets") is one, and is said to be.
  const missing = ["nbformat", "cells"].filter((key) => !(key in record));
  if (!("nbformat" in record)) throw new NotebookFormatError(messages.notebookMissingFields(file, missing), file);
  // `"nbformat": "4"` printed as "nbformat 4 is not supported; fragtax reads nbformat 4".
  if (typeof record.nbformat !== "number") throw new NotebookFormatError(messages.notebookFormatNotNumber(file, shownJson(record.nbformat)), file);
  if (record.nbformat !== 4) throw new NotebookFormatError(messages.notebookWrongFormat(file, record.nbformat), file);
  // Version 4 without "cells" lacks what every notebook has; an nbformat 3 file (cells in "worksheets") was named above.
  if (!("cells" in record)) throw new NotebookFormatError(messages.notebookMissingFields(file, ["cells"]), file);
  if (!Array.isArray(record.cells)) throw new NotebookFormatError(messages.notebookBadCells(file), file);
  const metadata = isRecord(record.metadata) ? record.metadata : {};
  assertTypeScriptKernel(metadata, file, text);
  const cells = record.cells.map((cell, index) => validateCell(cell, index + 1, file));
  return {
    ...record,
    nbformat: 4,
    nbformat_minor: typeof record.nbformat_minor === "number" ? record.nbformat_minor : 5,
    metadata,
    cells,
  };
}

/** What a JSON value that is not an object is, in a reader's words. */
function jsonKind(value: unknown): string {
  if (Array.isArray(value)) return "a JSON list";
  if (value === null) return "JSON null";
  if (typeof value === "string") return "a JSON string";
  return typeof value === "number" ? "a JSON number" : `JSON ${String(value)}`;
}

/** A JSON value as it was written, shortened to fit a message (the file's text may be anything). */
function shownJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const offset = jsonErrorOffset(text);
    const { line, column } = lineColumn(text, offset);
    // What is wrong in a few words, and the line with a caret: V8's own message quoted ten characters
    // either side, line breaks and all, in the middle of the sentence (`…""cells": [,\n  {\n ""…`).
    const detail = offset < text.length ? messages.unexpectedJsonText(text.slice(offset, offset + 12)) : error instanceof Error ? error.message : String(error);
    // A byte-order mark (an editor's "UTF-8 with BOM") is invisible in the detail: said by name. Jupyter refuses it too.
    // A file that is no notebook at all (`fragtax run notebooks/report.yaml`): no JSON to repair or restore.
    const how = text.startsWith("\uFEFF") ? "bom" : text.trim() === "" ? "empty" : !file.toLowerCase().endsWith(".ipynb") && !/^\s*[{[]/.test(text) ? "other" : offset >= text.trimEnd().length ? "ends" : "invalid";
    const frame = how === "invalid" ? `\n${codeFrame(text, line, column, 1)}` : "";
    throw new NotebookFormatError(`${messages.notebookNotJson(file, line, column, detail, how)}${frame}`, file);
  }
}

/** The kernels fragtax runs: tslab's (TypeScript in Node) and Deno's (`deno jupyter`). */
export type KernelKind = "tslab" | "deno";

/** Which kernel a (validated) notebook is for; a bare notebook without a kernelspec is tslab's. */
export function notebookKernel(notebook: Notebook): KernelKind {
  return notebook.metadata.kernelspec?.name === "deno" ? "deno" : "tslab";
}

const CELL_TYPES = ["code", "markdown", "raw"];
const KERNEL_NAMES = ["tslab", "deno"];

function assertTypeScriptKernel(metadata: Record<string, unknown>, file: string, text: string): void {
  const spec = isRecord(metadata.kernelspec) ? metadata.kernelspec : undefined;
  const info = isRecord(metadata.language_info) ? metadata.language_info : undefined;
  if (spec === undefined && info === undefined) return; // a bare notebook: assume it is ours
  const name = typeof spec?.name === "string" ? spec.name : undefined;
  const languages = [spec?.language, info?.name].filter((value): value is string => typeof value === "string");
  const known = name === "tslab" || name === "deno" || (name === undefined && languages.some((language) => language.toLowerCase() === "typescript"));
  const nearest = name === undefined ? undefined : (KERNEL_NAMES.find((kernel) => kernel === name.toLowerCase()) ?? plausibleName(name, KERNEL_NAMES));
  if (!known) throw new NotebookFormatError(messages.notebookWrongKernel(kernelPlace(text, file, name), name ?? languages[0] ?? "unknown", nearest), file);
}

/**
 * `file:line:column` of the kernel's name in the notebook's text (as every other input error is
 * placed), or `file` when it cannot be found. The notebook's own kernelspec is the last one: its
 * metadata follows the cells, whose metadata could name one too.
 */
function kernelPlace(text: string, file: string, name: string | undefined): string {
  const specs = [...text.matchAll(/"kernelspec"\s*:\s*\{[^{}]*?"name"\s*:\s*(?=")/g)];
  const spec = specs.at(-1);
  if (spec?.index === undefined || name === undefined) return file;
  return at({ file, ...lineColumn(text, spec.index + spec[0].length) });
}

function validateCell(value: unknown, number: number, file: string): Cell {
  if (!isRecord(value)) throw new NotebookFormatError(messages.notebookBadCell(file, number, "a cell must be an object"), file);
  const type = value.cell_type;
  const source = value.source;
  const sourceOk = typeof source === "string" || (Array.isArray(source) && source.every((line) => typeof line === "string"));
  if (!sourceOk) throw new NotebookFormatError(messages.notebookBadCell(file, number, '"source" must be a string or a list of strings'), file);
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  if (type === "code") {
    return { ...value, cell_type: "code", source: source as MultilineString, metadata, outputs: [], execution_count: null };
  }
  if (type === "markdown" || type === "raw") return { ...value, cell_type: type, source: source as MultilineString, metadata };
  throw new NotebookFormatError(messages.notebookBadCell(file, number, messages.unknownCellType(type, typeof type === "string" ? (CELL_TYPES.find((known) => known === type.toLowerCase()) ?? plausibleName(type, CELL_TYPES)) : undefined)), file);
}
