/**
 * What a chapter shows of its notebook: which cells (`remove-cell` leaves one out), its title (the
 * first markdown cell's "# Heading", taken out of that cell), and which representation of an output.
 * The render (chapters.ts, outputs.ts) and the image check of `fragtax check` and `run`
 * (markdown-images.ts) read a notebook through these, so they judge the same markdown.
 */
import { VEGA_LITE_MIMES } from "./chart-specs";
import { cellText, type Cell, type DataOutput, type Notebook } from "../notebook/nbformat";

/** A cell the chapter shows, and its 0-based index in the notebook. */
export interface ShownCell {
  readonly cell: Cell;
  readonly index: number;
}

/** A cell's tags (`remove-cell`, `remove-input`), as Jupyter Book reads them. */
export function tagsOf(cell: Cell): readonly string[] {
  const tags = cell.metadata?.tags;
  return Array.isArray(tags) ? tags.map(String) : [];
}

/**
 * The chapter's title and the cells it shows. The title is the first level-1 heading of the first
 * markdown cell, which then shows the rest of its text; without one, the title is made from the file name.
 */
export function chapterCells(notebook: Notebook, relativePath: string): { title: string; cells: ShownCell[] } {
  const cells = notebook.cells.map((cell, index) => ({ cell, index }));
  let title = titleFromFile(relativePath);
  const heading = titleHeading(notebook);
  if (heading !== undefined) {
    title = heading.title;
    const first = cells[heading.index] as ShownCell;
    const stripped = { cell: { ...first.cell, source: cellText(first.cell.source).slice(heading.text.length) } as Cell, index: heading.index };
    cells.splice(heading.index, 1, stripped);
  }
  return { title, cells: cells.filter(({ cell }) => !tagsOf(cell).includes("remove-cell")) };
}

/**
 * The chapter's title heading, when its first markdown cell starts with one: that cell's index, the
 * heading as the cell writes it (`text`, from the cell's start), and the title it gives.
 */
export function titleHeading(notebook: Notebook): { readonly index: number; readonly text: string; readonly title: string } | undefined {
  const index = notebook.cells.findIndex((cell) => cell.cell_type === "markdown");
  const cell = notebook.cells[index];
  if (cell === undefined) return undefined;
  const match = /^\s*#\s+(.+?)\s*#*\s*(?:\n|$)/.exec(cellText(cell.source));
  return match?.[1] === undefined ? undefined : { index, text: match[0], title: match[1] };
}

function titleFromFile(path: string): string {
  const base = path.split("/").pop() ?? path;
  const words = base.replace(/\.ipynb$/, "").replace(/^\d+[-_]/, "").replace(/[-_]+/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Markdown the chapter shows, and the cell it is written in: where its images are located. */
export interface ShownMarkdown {
  /** 1-based, as Jupyter counts cells (markdown cells included). */
  readonly cell: number;
  readonly source: string;
  /** The cell's source as the notebook has it. */
  readonly cellSource: string;
  /** Lines of `cellSource` before `source`'s first (a title taken out); absent for a code cell's output. */
  readonly lineOffset?: number;
}

/** A shown markdown cell's text: without the title line in the first, located in the cell as saved. */
export function markdownCellText(notebook: Notebook, shown: ShownCell): ShownMarkdown {
  const source = cellText(shown.cell.source);
  const cellSource = cellText(notebook.cells[shown.index]?.source ?? source);
  return { cell: shown.index + 1, source, cellSource, lineOffset: cellSource.split("\n").length - source.split("\n").length };
}

/**
 * The markdown a chapter shows: its markdown cells and, with `outputs`, the markdown its code cells
 * display (`nb.md`), or the outputs shown as any of `mimes` (the page-links check reads HTML ones too).
 */
export function shownMarkdown(notebook: Notebook, relativePath: string, outputs: boolean, mimes: readonly string[] = ["text/markdown"]): ShownMarkdown[] {
  return chapterCells(notebook, relativePath).cells.flatMap((shown): ShownMarkdown[] => {
    if (shown.cell.cell_type === "markdown") return [markdownCellText(notebook, shown)];
    if (shown.cell.cell_type !== "code" || !outputs) return [];
    const cellSource = cellText(shown.cell.source);
    return shown.cell.outputs.flatMap((output) =>
      (output.output_type === "display_data" || output.output_type === "execute_result") && mimes.includes(shownMime(output.data) ?? "")
        ? [{ cell: shown.index + 1, source: cellText(output.data[shownMime(output.data) ?? "text/markdown"]), cellSource }]
        : [],
    );
  });
}

/** An output's representations, richest first: the page shows the first the output has. */
const SHOWN_ORDER = [...VEGA_LITE_MIMES, "text/html", "image/svg+xml", "image/png", "image/jpeg", "image/gif", "text/markdown", "application/json", "text/plain"];

/** The representation of an output the page shows, or undefined when it can show none. */
export const shownMime = (data: DataOutput["data"]): string | undefined => SHOWN_ORDER.find((mime) => mime in data);
