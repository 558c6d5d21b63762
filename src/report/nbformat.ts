/**
 * The slice of the Jupyter notebook format (nbformat 4) the renderer reads. Executed notebooks from
 * the engine and from `jupyter nbconvert --execute` both have this shape.
 */

export type MultilineString = string | readonly string[];

export interface StreamOutput {
  readonly output_type: "stream";
  readonly name: "stdout" | "stderr";
  readonly text: MultilineString;
}

export interface DataOutput {
  readonly output_type: "display_data" | "execute_result";
  /** mime → content: text (possibly split in lines), base64 for images, or JSON for JSON mimes. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly execution_count?: number | null;
}

export interface ErrorOutput {
  readonly output_type: "error";
  readonly ename: string;
  readonly evalue: string;
  readonly traceback: readonly string[];
}

export type Output = StreamOutput | DataOutput | ErrorOutput;

export interface CodeCell {
  readonly cell_type: "code";
  /** nbformat 4.5 cell id (the build warns about cells without one). */
  readonly id?: string;
  readonly source: MultilineString;
  readonly outputs: readonly Output[];
  readonly execution_count?: number | null;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export interface MarkdownCell {
  readonly cell_type: "markdown";
  /** nbformat 4.5 cell id (the build warns about cells without one). */
  readonly id?: string;
  readonly source: MultilineString;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export interface RawCell {
  readonly cell_type: "raw";
  /** nbformat 4.5 cell id (the build warns about cells without one). */
  readonly id?: string;
  readonly source: MultilineString;
  readonly metadata?: Readonly<Record<string, unknown>>;
}

export type Cell = CodeCell | MarkdownCell | RawCell;

export interface Notebook {
  readonly cells: readonly Cell[];
  readonly metadata?: Readonly<Record<string, unknown>>;
  readonly nbformat?: number;
  readonly nbformat_minor?: number;
}

// One function for a cell's text, shared with the engine.
export { cellText as joinSource } from "../notebook/nbformat";

/** True when the cell produced an error output (or tslab's bare-stderr equivalent). */
export function cellFailed(cell: Cell): boolean {
  return cell.cell_type === "code" && cell.outputs.some((output) => output.output_type === "error");
}
