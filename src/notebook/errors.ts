/**
 * Located notebook errors: every failure the engine reports names the notebook, the 1-based cell
 * (its position in the notebook, as editors number cells), the line and column inside the cell, and
 * shows a short code frame. Runtime positions come from the realm's stack trace and are mapped back
 * through the cell's source maps (see `transpile.ts`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { SourceMap, type SourceMapPayload } from "node:module";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { displayPath, isInside } from "../util/paths";
import { plausibleName } from "../util/suggest";
import { fileURLToPath } from "node:url";
import * as messages from "../messages/notebook";
import { codeFrame } from "../util/code-frame";
import { cellText, type ErrorOutput, type Notebook } from "./nbformat";
import { cellPlaceOf } from "../messages/location";

export type CellErrorKind = "syntax" | "type" | "runtime" | "timeout" | "stalled" | "module" | "crash";

/** Plain data (crosses worker boundaries and lands in build reports). */
export interface CellError {
  readonly kind: CellErrorKind;
  /** Notebook path as given to the engine (relative to the project root when it is inside it). */
  readonly notebook: string;
  readonly cell: number;
  readonly line?: number;
  readonly column?: number;
  /** Error class name as thrown (`TypeError`, `SyntaxError`, …). */
  readonly ename: string;
  /** The bare error message. */
  readonly evalue: string;
  /** `notebook: cell N, line L, column C: message`. */
  readonly message: string;
  readonly frame?: string;
}

export function cellError(fields: Omit<CellError, "message" | "frame">, source?: string): CellError {
  const message = messages.locatedCellError(fields.notebook, fields.cell, fields.line, fields.column, `${fields.ename}: ${fields.evalue}`);
  const frame = source !== undefined && fields.line !== undefined ? codeFrame(source, fields.line, fields.column ?? 1) : undefined;
  return { ...fields, message, ...(frame === undefined ? {} : { frame }) };
}

/** The error as a terminal block: located message, then the code frame. */
export function formatCellError(error: CellError): string {
  return error.frame === undefined ? error.message : `${error.message}\n${error.frame}`;
}

/**
 * A message located in a cell of `notebook` (`file: cell 6, line 10, column 17: …`, as messages/location.ts
 * writes it; a chart's field its data lacks, say) with that cell's code frame under each located line,
 * as the engine gives its own errors. A line located elsewhere, or nowhere, stays as it is.
 */
export function withCellFrames(message: string, notebook: Notebook): string {
  return message
    .split("\n")
    .map((line) => {
      const place = cellPlaceOf(line);
      const cell = place === undefined ? undefined : notebook.cells[place.cell - 1];
      return place === undefined || cell === undefined ? line : `${line}\n${codeFrame(cellText(cell.source), place.line, place.column)}`;
    })
    .join("\n");
}

/** The nbformat error output for a failed cell. */
export function errorOutput(error: CellError): ErrorOutput {
  return { output_type: "error", ename: error.ename, evalue: error.evalue, traceback: formatCellError(error).split("\n") };
}

/** A project file's text for a code frame, or undefined when it cannot be read (the location alone then). */
export function readSource(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** A position in generated code, as a stack frame gives it (1-based line and column). */
export interface GeneratedPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * Maps a generated position back through a chain of source maps, last transformation first
 * (e.g. [rewrite map, esbuild map]). Returns undefined when a map has no entry for it.
 */
export function mapThrough(maps: readonly SourceMapPayload[], position: GeneratedPosition): GeneratedPosition | undefined {
  let line = position.line - 1;
  let column = position.column - 1;
  for (const payload of maps) {
    const entry = new SourceMap(payload).findEntry(line, column) as { originalLine?: number; originalColumn?: number };
    if (entry.originalLine === undefined || entry.originalColumn === undefined) return undefined;
    line = entry.originalLine;
    column = entry.originalColumn;
  }
  return { line: line + 1, column: column + 1 };
}

/**
 * The first `file:line:column` frame of a stack trace whose file name satisfies `match`. Only the
 * frame lines (`    at …`) are read, each from its end: the message lines above them are the error's
 * own text, and a message of 100,000 characters without a frame's shape took the pattern seconds (its
 * time grew with the square of the line), on the main thread, deaf to Ctrl-C.
 */
export function firstFrame(stack: string, match: (file: string) => boolean): (GeneratedPosition & { file: string }) | undefined {
  for (const line of stack.split("\n")) {
    if (!/^\s*at\s/.test(line)) continue;
    const found = /\(?([^\s()]+):(\d+):(\d+)\)?$/.exec(line.slice(-FRAME_TAIL));
    const file = found?.[1];
    if (found && file !== undefined && match(file)) return { file, line: Number(found[2]), column: Number(found[3]) };
  }
  return undefined;
}

/** How much of a frame line's end holds its place: a path and two numbers (a longer path is cut, and its frame not used). */
const FRAME_TAIL = 4096;

/**
 * Where in an imported project file an error was thrown, when the stack's top frame is in the
 * notebook's import bundle: mapped through the bundle's source map (`bundle.map`, sources relative to
 * `root`); or, with `fileUrls` (Deno), in a project file Deno loaded itself (a `file://` frame).
 * Undefined when the error was thrown in a cell, in a package (node_modules: the call site in the
 * cell is the place to act) or the map has no entry. `prefix` is what wraps the bundle on its line 1.
 */
export function thrownInImport(
  stack: string,
  bundle: { readonly file: string; readonly map: string | undefined; readonly prefix: string },
  root: string,
  options: { readonly fileUrls: boolean },
): { file: string; line: number; column: number } | undefined {
  const top = firstFrame(stack, () => true);
  if (top === undefined) return undefined;
  // Deno loads local files itself (not bundled) and reports their TypeScript positions as file URLs.
  // (Under Node such a frame is the engine's own code, never the notebook's: `fileUrls` is off.)
  if (options.fileUrls && top.file.startsWith("file://")) {
    const file = fileURLToPath(top.file);
    // `$deno$stdin.mts` is the engine's runner script (deno.ts), read from stdin: never the notebook's file.
    const inProject = isInside(root, file) && !file.split(sep).includes("node_modules") && !basename(file).startsWith("$deno$");
    return inProject ? { file, line: top.line, column: top.column } : undefined;
  }
  if (top.file !== bundle.file || bundle.map === undefined) return undefined;
  let payload: SourceMapPayload;
  try {
    payload = JSON.parse(bundle.map) as SourceMapPayload;
  } catch {
    return undefined;
  }
  const column = top.line === 1 ? top.column - bundle.prefix.length : top.column;
  const entry = new SourceMap(payload).findEntry(top.line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
  if (entry.originalSource === undefined || entry.originalLine === undefined || entry.originalColumn === undefined) return undefined;
  // Node gives sources as URLs resolved against the map's own location, or as the map wrote them.
  const source = entry.originalSource.startsWith("file://") ? fileURLToPath(entry.originalSource) : resolve(root, entry.originalSource);
  if (source.split(sep).includes("node_modules")) return undefined;
  return { file: source, line: entry.originalLine + 1, column: entry.originalColumn + 1 };
}

/**
 * The hint for a file that is not there, when its path is in the project: Node's "ENOENT: no such file
 * or directory, open '/abs/path'", or Deno's "No such file or directory (os error 2): readfile
 * 'data/x.csv'", whose path is as the cell gave it, relative to the notebook's folder (Deno's own).
 */
export function missingFileHint(evalue: string, root: string, notebookDir: string): string | undefined {
  const given = /^ENOENT: no such file or directory, \w+ '([^']+)'$/.exec(evalue)?.[1] ?? /^No such file or directory \(os error 2\): \w+ '([^']+)'$/.exec(evalue)?.[1];
  if (given === undefined) return undefined;
  const path = resolve(notebookDir, given);
  if (relative(root, path).startsWith("..")) return undefined;
  let siblings: string[] = [];
  try {
    siblings = readdirSync(dirname(path));
  } catch {
    // The folder is missing too: no name to suggest.
  }
  const nearest = plausibleName(basename(path), siblings);
  const shown = (file: string): string => relative(notebookDir, file) || ".";
  return messages.missingFileHint(displayPath(path, root), displayPath(notebookDir, root), nearest === undefined ? undefined : shown(join(dirname(path), nearest)));
}
