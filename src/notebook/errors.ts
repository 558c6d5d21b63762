/**
 * Located notebook errors: every failure the engine reports names the notebook, the 1-based cell
 * (its position in the notebook, as editors number cells), the line and column inside the cell, and
 * shows a short code frame. Runtime positions come from the realm's stack trace and are mapped back
 * through the cell's source maps (see `transpile.ts`).
 */
import { SourceMap, type SourceMapPayload } from "node:module";
import * as messages from "../messages/notebook";
import type { ErrorOutput } from "./nbformat";

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

/** The nbformat error output for a failed cell. */
export function errorOutput(error: CellError): ErrorOutput {
  return { output_type: "error", ename: error.ename, evalue: error.evalue, traceback: formatCellError(error).split("\n") };
}

/** Two lines of context either side of `line` (1-based), with a caret under `column` (1-based). */
export function codeFrame(source: string, line: number, column: number, context = 2): string {
  const lines = source.split("\n");
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let number = first; number <= last; number++) {
    const marker = number === line ? ">" : " ";
    out.push(`${marker} ${String(number).padStart(width)} | ${lines[number - 1] ?? ""}`.trimEnd());
    if (number === line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, column - 1))}^`);
  }
  return out.join("\n");
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

/** The first `file:line:column` frame of a stack trace whose file name satisfies `match`. */
export function firstFrame(stack: string, match: (file: string) => boolean): (GeneratedPosition & { file: string }) | undefined {
  for (const found of stack.matchAll(/\(?([^\s()]+):(\d+):(\d+)\)?$/gm)) {
    const file = found[1] ?? "";
    if (match(file)) return { file, line: Number(found[2]), column: Number(found[3]) };
  }
  return undefined;
}
