/**
 * One executed notebook → one numbered chapter. The first "# Heading" of the notebook is the
 * chapter's title; code is folded away behind a per-cell <details> toggle (works without JavaScript,
 * opened for a cell that failed); outputs follow their cell. Cells tagged `remove-cell` are left
 * out, cells tagged `remove-input` show only their outputs.
 */
import * as messages from "../messages/report";
import { html, rawHtml, type Html } from "../util/html";
import type { Heading, MarkdownRenderer } from "./markdown";
import { cellFailed, cellText, type CodeCell, type Notebook } from "../notebook/nbformat";
import { chapterCells, markdownCellText, tagsOf } from "./chapter-cells";
import { errorBox, renderOutputs } from "./outputs";
import { literalLocator } from "./chart-outputs";
import { at, cellPlaceOf, located } from "../messages/location";
import { renderMarkdownWithImages, type InlinedFile } from "./markdown-images";
import { notebookWarnings } from "./notebook-warnings";

export interface ChapterInput {
  readonly number: number;
  /**
   * The number readers see: the notebook's own ("# 1. The bill …" → "1"), or the position in the
   * report; "" for an unnumbered chapter such as a summary before chapter 1.
   */
  readonly label?: string;
  /**
   * The chapter's id in the page (`#chapter-8`), unique in it: from the number readers see, so a link
   * to chapter 8 opens chapter 8 (render.ts `numbered`); by position when absent.
   */
  readonly anchor?: string;
  /** Notebook path relative to the report root. */
  readonly relativePath: string;
  readonly notebook: Notebook;
  /** The notebook's folder (absolute), for charts' relative data URLs; the current folder when absent. */
  readonly baseDir?: string;
  /** The key of the `nb.words.ledger()` markers its run left (api/words.ts); none are filled without it. */
  readonly ledgerKey?: string;
}

export interface FailedCell {
  /** "ran": it failed as it ran; "page": it ran, but what it gives cannot go on the page (a chart field not in its data, an image). */
  readonly failed: "ran" | "page";
  readonly chapter: number;
  readonly cell: number;
  readonly where: string;
  readonly message: string;
}

export interface RenderedChapter {
  readonly number: number;
  readonly label: string;
  readonly id: string;
  readonly title: string;
  readonly sections: readonly Heading[];
  readonly html: Html;
  readonly charts: number;
  readonly failedCells: readonly FailedCell[];
  readonly warnings: readonly string[];
  /** The image files its markdown inlined (markdown-images.ts), for the page cache. */
  readonly images: readonly InlinedFile[];
  /** The files its markdown's images name that it could not inline (markdown-images.ts): `fragtax dev` watches them. */
  readonly imagesNotInlined: readonly string[];
}

/** `root` is the project's: the chapter's charts read no file outside it. */
export async function renderChapter(chapter: ChapterInput, markdown: MarkdownRenderer, root: string): Promise<RenderedChapter> {
  const { title: fullTitle, cells } = chapterCells(chapter.notebook, chapter.relativePath);
  const own = ownNumber(fullTitle);
  const title = markdown.inlineText(own?.title ?? fullTitle);
  const label = own?.number ?? chapter.label ?? String(chapter.number);
  const id = chapter.anchor ?? `chapter-${chapter.number}`;
  const sections: Heading[] = [];
  const failedCells: FailedCell[] = [];
  const parts: Html[] = [];
  let charts = 0;
  const warnings: string[] = [];
  const images: InlinedFile[] = [];
  const imagesNotInlined: string[] = [];
  // nbformat 4.5 gives every cell an id (Jupyter adds them on save); without them links into cells break.
  const withoutId = chapter.notebook.cells.filter((cell) => typeof cell.id !== "string" || cell.id === "").length;
  if (withoutId > 0) warnings.push(messages.notebookWithoutCellIds(chapter.relativePath, withoutId));
  warnings.push(...(await notebookWarnings(chapter.notebook, chapter.relativePath)));
  let firstFailed: number | undefined;
  // A syntax error or an unresolved import stops a notebook before any cell runs (every cell is
  // compiled first): the cells before it have no count and no output either, and say why.
  const stoppedAt = chapter.notebook.cells.findIndex(cellFailed) + 1;
  for (const { cell, index } of cells) {
    const docId = `c${chapter.number}-${index + 1}`;
    const where = at({ file: chapter.relativePath, cell: index + 1 });
    const baseDir = chapter.baseDir ?? ".";
    if (cell.cell_type === "markdown") {
      // The title line may have been taken out of the first cell: images are located in the cell as saved.
      const { source, ...located } = markdownCellText(chapter.notebook, { cell, index });
      const { rendered, inlined, notInlined, problems } = await renderMarkdownWithImages(markdown, source, docId, { ...located, file: chapter.relativePath, baseDir, root });
      images.push(...inlined);
      imagesNotInlined.push(...notInlined);
      sections.push(...rendered.headings.filter((heading) => heading.level === 2));
      // Its id, like a code cell's, is where the failed-build banner links an error in it.
      parts.push(html`<div class="cell cell-markdown" id="${`cell-${docId}`}">${rawHtml(rendered.html)}${problems.map(errorBox)}</div>`);
      if (problems.length > 0) failedCells.push({ failed: "page", chapter: chapter.number, cell: index + 1, where, message: problems.join("\n") });
    } else if (cell.cell_type === "code") {
      let outputError: string | undefined;
      const locate = literalLocator(chapter.relativePath, index + 1, cellText(cell.source));
      // A cell after the failed one never ran (no count, no outputs): the page says so instead of showing nothing.
      const cellSource = cellText(cell.source);
      const ranNot = cell.execution_count === null && cell.outputs.length === 0;
      const notRun = firstFailed !== undefined && ranNot ? firstFailed : undefined;
      const notRunBefore = firstFailed === undefined && stoppedAt > index + 1 && ranNot && cellSource.trim() !== "" ? stoppedAt : undefined;
      parts.push(await renderCodeCell(cell, { markdown, where, file: chapter.relativePath, cell: index + 1, cellSource, docId, baseDir, root, locate, notRun, notRunBefore, onChart: (found) => {
        charts++;
        warnings.push(...found);
      }, onImages: (inlined, notInlined) => void (images.push(...inlined), imagesNotInlined.push(...notInlined)), onOutputError: (message) => void (outputError ??= message) }));
      if (cellFailed(cell)) firstFailed ??= index + 1;
      if (cellFailed(cell)) failedCells.push({ failed: "ran", chapter: chapter.number, cell: index + 1, where, message: firstErrorLine(cell, { file: chapter.relativePath, cell: index + 1 }) });
      else if (outputError !== undefined) failedCells.push({ failed: "page", chapter: chapter.number, cell: index + 1, where, message: outputError });
    }
  }
  const body = html`<section class="chapter" id="${id}" data-notebook="${chapter.relativePath}">
<header class="chapter-header"><p class="chapter-number">${label === "" ? "\u00a0" : `Chapter ${label}`}</p><h1>${title}</h1></header>
${parts}
</section>`;
  return { number: chapter.number, label, id, title, sections, html: body, charts, failedCells, warnings, images, imagesNotInlined };
}

interface CellContext {
  readonly markdown: MarkdownRenderer;
  readonly where: string;
  readonly file: string;
  readonly cell: number;
  readonly cellSource: string;
  readonly docId: string;
  readonly baseDir: string;
  readonly root: string;
  readonly onChart: (warnings: readonly string[]) => void;
  readonly onImages: (inlined: readonly InlinedFile[], notInlined: readonly string[]) => void;
  readonly onOutputError: (message: string) => void;
  readonly locate: (literal: string, options?: { readonly key?: boolean }) => string | undefined;
  /** The failed cell this one did not run after, if it did not run. */
  readonly notRun?: number | undefined;
  /** The later cell whose error (found as the notebook compiled) stopped every cell before it ran. */
  readonly notRunBefore?: number | undefined;
}

async function renderCodeCell(cell: CodeCell, context: CellContext): Promise<Html> {
  const source = cellText(cell.source).trimEnd();
  // A cell whose output the page refused (a chart it cannot draw) failed as one that threw did: its code open, its box marked.
  let refused = false;
  const onOutputError = (message: string): void => {
    refused = true;
    context.onOutputError(message);
  };
  const outputs = await renderOutputs(cell.outputs, { ...context, onOutputError });
  const failed = cellFailed(cell) || refused;
  const showInput = source !== "" && !tagsOf(cell).includes("remove-input");
  // Each toggle names its cell to a screen reader, which listed a chapter's dozen toggles as "Code", "Code", ….
  const toggle = showInput
    ? html`<details class="cell-source"${failed ? rawHtml(" open") : null}><summary>Code<span class="visually-hidden"> of cell ${String(context.cell)}</span></summary><pre><code class="language-typescript">${source}</code></pre></details>`
    : null;
  const notRun =
    context.notRun !== undefined
      ? html`<p class="cell-not-run">${messages.cellNotRun(context.notRun)}</p>`
      : context.notRunBefore !== undefined
        ? html`<p class="cell-not-run">${messages.cellNotRunBefore(context.notRunBefore)}</p>`
        : null;
  return html`<div class="${failed ? "cell cell-code cell-failed" : "cell cell-code"}" id="${`cell-${context.docId}`}">${toggle}${notRun}${outputs}</div>`;
}

/** "1. The bill for a run" → { number: "1", title: "The bill for a run" }. */
export function ownNumber(title: string): { number: string; title: string } | undefined {
  const match = /^(\d+(?:\.\d+)*)[.:)]?\s+(.+)$/.exec(title);
  return match?.[1] !== undefined && match[2] !== undefined ? { number: match[1], title: match[2] } : undefined;
}

function firstErrorLine(cell: CodeCell, where: { readonly file: string; readonly cell: number }): string {
  for (const output of cell.outputs) {
    if (output.output_type !== "error") continue;
    // The engine's own error starts with its place: the banner keeps the line and column, as the
    // terminal does, and the whole message after it (the traceback holds the message's first line only).
    const first = output.traceback[0] ?? "";
    const place = first.startsWith(`${at(where)}, line `) ? cellPlaceOf(first) : undefined;
    const message = `${output.ename}: ${output.evalue}`;
    return place === undefined ? message : located({ file: where.file, ...place }, message);
  }
  return "";
}
