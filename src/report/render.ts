/**
 * Executed chapters + records + provenance → the report's HTML text. Pure apart from reading the
 * templates once; the caller writes the file.
 */
import { basename, dirname, join } from "node:path";
import { formatAlternatives, formatFigureInterval, formatFigureValue } from "../format/figure";
import { resolveLedgerMarkers } from "../api/words";
import * as ledgerMessages from "../messages/ledger";
import type { ClaimRecord, FigureRecord } from "../api/types";
import type { Assumption, Correlation } from "../assumptions/types";
import { latestSourceDate } from "../assumptions/as-of";
import type { ReportConfig } from "../config";
import { renderAppendices, type Appendix, type Provenance } from "./appendices";
import { tagsOf } from "./chapter-cells";
import { ownNumber, renderChapter, type ChapterInput, type FailedCell, type RenderedChapter } from "./chapters";
import { sha256 } from "../util/hash";
import { cellText, type Notebook } from "../notebook/nbformat";
import { chartSpecs } from "./chart-specs";
import { duplicateIds, headlineFigures } from "./records";
import { html, rawHtml, type Html } from "../util/html";
import { FAILED_PAGE_MARK } from "../vocabulary/failed-page";
import { createMarkdownRenderer, type MarkdownRenderer } from "./markdown";
import type { InlinedFile } from "./markdown-images";
import { assetSlots, fillTemplate, inlineAsset, loadTemplateAssets } from "./template";
import { toolCacheDir } from "../util/tool-cache";
import { embedFonts } from "./fonts";
import { CHANGES_TOC_MARKER } from "./markers";
import { pageLinkWarnings } from "./page-links";
import * as messages from "../messages/report";

export interface ReportInput {
  readonly config: ReportConfig;
  readonly chapters: readonly ChapterInput[];
  readonly assumptions: readonly Assumption[];
  readonly assumptionsFile: string;
  /** Declared rank correlations between assumptions (listed in the assumptions appendix). */
  readonly correlations?: readonly Correlation[];
  readonly figures: readonly FigureRecord[];
  readonly claims: readonly ClaimRecord[];
  readonly provenance: Provenance;
  /** The version date shown on the title page and in the PDF's running footer. */
  readonly versionDate: string;
  /** The data cut-off (report.yaml's asOf, else the version date), shown beside the version date. */
  readonly asOf?: string;
  /** Shown on the title page under the byline, e.g. the what-if banner (build/whatif/banner.ts). */
  readonly notice?: Html;
}

export interface RenderedReport {
  readonly html: string;
  readonly chapters: readonly { readonly number: number; readonly title: string; readonly charts: number }[];
  readonly charts: number;
  readonly failedCells: readonly FailedCell[];
  readonly warnings: readonly string[];
  /**
   * The image files the page inlined from markdown, with the sha256 of what it inlined: none of them
   * is in the page cache's key (finding them needs the markdown parsed), so a reused page is checked
   * against them (build/pipeline.ts). Absent in a page rendered before they were recorded.
   */
  readonly images?: readonly InlinedFile[];
  /** How many chapters were taken from the chapter cache rather than rendered (`ChapterKeeper`). */
  readonly chaptersTaken?: number;
  /**
   * The files its markdown's images name that it could not inline (missing, not an image …): only a
   * page with a failed cell has any, and such a page is never cached, so a reused page may lack the field.
   */
  readonly imagesNotInlined?: readonly string[];
}

const HEADLINE_COUNT = 4;

/** "; the latest is dated 2026-05-15" when the inputs' latest external source is dated before the cut-off; nothing otherwise. */
function latestSourceWords(input: Pick<ReportInput, "assumptions" | "asOf" | "versionDate">): Html {
  const latest = latestSourceDate(input.assumptions);
  const cutOff = input.asOf ?? input.versionDate;
  return latest === undefined || latest >= cutOff ? html`` : html`; the latest is dated ${latest}`;
}

/**
 * Loads what rendering charts needs (vega, vega-lite, the renderer itself) ahead of `renderReport`.
 * A build calls it when chapters start running: its main thread only waits for them then, and
 * loading took ~0.3 s of the serial render step after them. The compiled spec validator is not
 * loaded here: only a spec not validated before needs it (charts/cache.ts `validSpecKey`), and a
 * rebuild whose charts only changed numbers has none; the first such spec loads it.
 */
export async function preloadRenderer(): Promise<void> {
  await (await import("../charts/render")).loadChartLibraries();
}

/**
 * Draws an executed chapter's charts into the chart cache (charts/cache.ts) while the other chapters
 * still run, so the render step after them reads the drawings instead of making them: it was the
 * serial ~1 s at the end of a cold build. What is drawn and how does not change (the same calls,
 * keyed by the spec). A chart that fails is left to the render step, which draws it again and
 * reports the error in place; so is an unwritable cache.
 */
export async function prerenderCharts(notebook: Notebook, baseDir: string, root: string): Promise<void> {
  const { renderChart } = await import("../charts/render");
  for (const cell of notebook.cells) {
    if (cell.cell_type !== "code" || tagsOf(cell).includes("remove-cell")) continue;
    for (const spec of chartSpecs(cell.outputs)) await renderChart(spec, { where: "", baseDir, root, idPrefix: "prerender" }).catch(() => undefined);
  }
}

/**
 * Chapters an earlier build rendered (build/cache/chapter-cache.ts): one whose render would read
 * the same things is taken instead of rendered. `key` names all of them (`chapterKey`).
 */
export interface ChapterKeeper {
  /** What a chapter's render reads besides its input and the heading ids taken before it (its charts' data files, the code): part of its key. */
  readonly extra: (chapter: ChapterInput) => unknown;
  load(key: string): Promise<KeptChapter | undefined>;
  store(key: string, kept: KeptChapter): Promise<void>;
}

/** A rendered chapter as kept, with the heading ids it took (ids are unique report-wide: the next chapter's depend on them). */
export interface KeptChapter {
  readonly chapter: Omit<RenderedChapter, "html"> & { readonly html: string };
  readonly anchors: readonly string[];
}

/** Ids the page template and publish give elements of their own (templates/report.html, publish's "What changed", the errata). */
const PAGE_IDS = ["main", "what-changed", "errata"];

export async function renderReport(input: ReportInput, keeper?: ChapterKeeper): Promise<RenderedReport> {
  const markdown = createMarkdownRenderer();
  // The page's own ids, which the skip link and publish's section point at: a heading "Main" or "What
  // changed" gets "main-1", not a second "main".
  markdown.takeAnchors(PAGE_IDS);
  const chapters: RenderedChapter[] = [];
  let taken = 0;
  for (const chapter of numbered(input.chapters)) {
    const baseDir = chapter.baseDir ?? dirname(join(input.config.root, chapter.relativePath));
    const { rendered, kept } = await renderOrTake({ ...chapter, baseDir }, markdown, input.config.root, keeper);
    if (kept) taken += 1;
    // nb.words.ledger() left markers with its run's key: the whole ledger is known only now, and so is
    // whether a list the chapter's text counted (nb.words.countedClaims) is the ledger the report shows.
    const { text, mismatches } = resolveLedgerMarkers(rendered.html.value, input.claims, chapter.ledgerKey);
    const recordedAt = (id: string): string | undefined => {
      const claim = input.claims.find((c) => c.id === id);
      return claim?.notebook === undefined ? undefined : `${claim.notebook}${claim.cell === undefined ? "" : `: cell ${claim.cell}`}`;
    };
    const countedWarnings = mismatches.map((m) => ledgerMessages.countedClaimsDiffer({ file: chapter.relativePath, cell: countedCell(chapter.notebook, m.marker) }, m.uncounted, m.unrecorded, recordedAt));
    chapters.push({ ...rendered, html: rawHtml(text), warnings: [...rendered.warnings, ...countedWarnings] });
  }
  const appendices = renderAppendices({ ...input, montecarlo: input.config.montecarlo });
  const { config } = input;
  const notebooksByPath = new Map(input.chapters.map((chapter) => [chapter.relativePath, chapter.notebook]));
  const slots = {
    ...assetSlots(loadTemplateAssets()),
    generator: html`fragtax ${input.provenance.tools.fragtax ?? ""}`,
    date: html`${input.versionDate}`,
    title: html`${config.title}`,
    kicker: html`Version of ${input.versionDate}`,
    asOf: html`${input.asOf ?? input.versionDate}`,
    // The cut-off is a bound; the inputs' own latest date says how recent they are (the summary's cut-off).
    latestSource: latestSourceWords(input),
    subtitle: config.subtitle === undefined ? html`` : html`<p class="report-subtitle">${config.subtitle}</p>`,
    byline: html`${config.author ?? ""}`,
    // A failed build's page says so first: the error inside chapter 9 is easy to miss from the title page.
    // So does one whose figures or claims share an id (the build exits 1 and publish refuses it).
    notice: html`${failureBanner(chapters.flatMap((chapter) => chapter.failedCells), [...duplicateIds(input.figures, notebooksByPath), ...duplicateIds(input.claims, notebooksByPath)])}${input.notice ?? html``}`,
    headlines: headlineCards(input.figures, input.chapters[0]?.relativePath),
    toc: tableOfContents(chapters, appendices),
    chapters: html`${chapters.map((chapter) => chapter.html)}`,
    appendices: html`${appendices.map((appendix) => appendix.html)}`,
    colophon: html`Built ${input.provenance.builtAt} by fragtax ${input.provenance.tools.fragtax ?? ""} from commit ${input.provenance.git.commit ?? "none"}${input.provenance.git.dirty ? " (uncommitted changes)" : ""}.`,
  };
  // The fonts carry only the characters the page shows, so they are cut after everything else is in place.
  const withoutFonts = fillTemplate(loadTemplateAssets().page, { ...slots, fonts: html`` });
  const fonts = await embedFonts(withoutFonts, { cacheDir: toolCacheDir() });
  const page = fillTemplate(loadTemplateAssets().page, { ...slots, fonts: inlineAsset(fonts.css, "style") });
  return {
    html: page,
    chapters: chapters.map(({ number, title, charts }) => ({ number, title, charts })),
    charts: chapters.reduce((sum, chapter) => sum + chapter.charts, 0),
    chaptersTaken: taken,
    failedCells: chapters.flatMap((chapter) => chapter.failedCells),
    // Links within the page are checked against the whole page: only it knows every id (headings numbered, figures, appendices).
    warnings: [...chapterNumberWarnings(input.chapters), ...chapters.flatMap((chapter) => chapter.warnings), ...pageLinkWarnings(withoutFonts, input.chapters)],
    images: chapters.flatMap((chapter) => chapter.images),
    imagesNotInlined: chapters.flatMap((chapter) => chapter.imagesNotInlined),
  };
}

/**
 * The 1-based cell whose output holds this `countedClaims` marker, as messages count cells. The output
 * is markdown, where nb.md escaped the ids' punctuation ("claim\_old"): compared without the escapes.
 */
function countedCell(notebook: ChapterInput["notebook"], marker: string): number {
  const shown = (data: unknown): string => (typeof data === "string" ? data : Array.isArray(data) ? data.join("") : "");
  const unescaped = (text: string): string => text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
  const index = notebook.cells.findIndex(
    (cell) => cell.cell_type === "code" && cell.outputs.some((output) => "data" in output && unescaped(shown(output.data["text/markdown"])).includes(marker)),
  );
  return index + 1;
}

/** The chapter `keeper` kept from the same inputs, or rendered (and kept when nothing in it failed). */
async function renderOrTake(chapter: ChapterInput, markdown: MarkdownRenderer, root: string, keeper: ChapterKeeper | undefined): Promise<{ rendered: RenderedChapter; kept: boolean }> {
  if (keeper === undefined) return { rendered: await renderChapter(chapter, markdown, root), kept: false };
  const before = markdown.anchors();
  const key = chapterKey(chapter, before, keeper.extra(chapter));
  const kept = await keeper.load(key);
  if (kept !== undefined) {
    markdown.takeAnchors(kept.anchors);
    return { rendered: { ...kept.chapter, html: rawHtml(kept.chapter.html) }, kept: true };
  }
  const rendered = await renderChapter(chapter, markdown, root);
  // A failure is rendered again next time, so it is reported again (as the page cache does).
  if (rendered.failedCells.length === 0) {
    const taken = new Set(before);
    await keeper.store(key, { chapter: { ...rendered, html: rendered.html.value }, anchors: markdown.anchors().filter((id) => !taken.has(id)) });
  }
  return { rendered, kept: false };
}

/**
 * Everything a chapter's render reads: its input (the executed notebook, number, label, folder,
 * ledger key), the heading ids the chapters before it took (a repeated heading gets "-1" after them),
 * and `extra`. JSON, not canonical JSON: the same notebook gives the same text, and a different
 * order of keys only misses.
 */
export function chapterKey(chapter: ChapterInput, anchorsBefore: readonly string[], extra: unknown): string {
  return sha256(JSON.stringify({ format: CHAPTER_FORMAT, chapter, anchors: [...anchorsBefore].sort(), extra }));
}

/** Raised when what a kept chapter holds changes shape. */
const CHAPTER_FORMAT = 1;

/**
 * When some chapters number themselves ("# 1. The bill …"), the others (a summary) stay unnumbered
 * rather than get a position number that would clash; otherwise chapters are numbered in order. Each
 * chapter's id follows the number readers see (`#chapter-8` is chapter 8: by position, behind a
 * summary, it was chapter 7), an unnumbered one's its notebook's name (`#chapter-00-summary`), and a
 * number two chapters give (the build warns of it) is made unique (`#chapter-9-2`).
 */
function numbered(chapters: readonly ChapterInput[]): ChapterInput[] {
  const selfNumbered = chapters.some((chapter) => headingNumber(chapter) !== undefined);
  const taken = new Set<string>();
  return chapters.map((chapter) => {
    const own = headingNumber(chapter);
    const wanted = own !== undefined ? `chapter-${own.replace(/\./g, "-")}` : selfNumbered ? `chapter-${notebookSlug(chapter.relativePath)}` : `chapter-${chapter.number}`;
    let anchor = wanted;
    for (let n = 2; taken.has(anchor); n++) anchor = `${wanted}-${n}`;
    taken.add(anchor);
    return { ...chapter, label: selfNumbered ? "" : String(chapter.number), anchor };
  });
}

/** `notebooks/00-summary.ipynb` → `00-summary`: a notebook's name as an id's part. */
function notebookSlug(relativePath: string): string {
  const name = basename(relativePath).replace(/\.ipynb$/i, "");
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "notebook";
}

/** The number a chapter's first heading gives it ("# 9. Energy" → "9"), if any. */
function headingNumber(chapter: ChapterInput): string | undefined {
  const first = chapter.notebook.cells.find((cell) => cell.cell_type === "markdown");
  const heading = /^\s*#\s+(.+)/.exec(first === undefined ? "" : cellText(first.source))?.[1] ?? "";
  return ownNumber(heading)?.number;
}

/**
 * What a reader of the contents would see wrong in the chapters' numbers, each said once: chapters whose
 * headings give them the same number ("# 9. Energy" in a copy of chapter 9: "Chapter 9" twice), a
 * chapter with no number between numbered ones ("# Energy" listed bare between 8 and 10; an unnumbered
 * summary before them or an epilogue after them is deliberate), and a number lower than the one before.
 */
function chapterNumberWarnings(chapters: readonly ChapterInput[]): string[] {
  const numbers = chapters.map((chapter) => ({ path: chapter.relativePath, number: headingNumber(chapter) }));
  const byNumber = new Map<string, string[]>();
  for (const { path, number } of numbers) if (number !== undefined) byNumber.set(number, [...(byNumber.get(number) ?? []), path]);
  const same = [...byNumber].filter(([, paths]) => paths.length > 1).map(([number, paths]) => messages.chaptersSameNumber(number, paths));
  const numbered = numbers.flatMap((entry, index) => (entry.number === undefined ? [] : [index]));
  const [first, last] = [numbered[0] ?? -1, numbered[numbered.length - 1] ?? -1];
  const bare = numbers.filter((entry, index) => entry.number === undefined && index > first && index < last).map(({ path }) => messages.chapterWithoutNumber(path));
  const order = numbered.flatMap((index, i) => {
    const [before, here] = [numbers[numbered[i - 1] ?? -1], numbers[index]];
    return before?.number !== undefined && here?.number !== undefined && Number(here.number) < Number(before.number) ? [messages.chapterNumberOutOfOrder(here.path, here.number, before.path, before.number)] : [];
  });
  return [...same, ...bare, ...order];
}

/**
 * The title page's list of what failed the build: each failed cell, linked to its error in place, and
 * each id that figures or claims declared more than once, with the cells that did.
 */
function failureBanner(failed: readonly FailedCell[], duplicates: readonly string[]): Html {
  if (failed.length === 0 && duplicates.length === 0) return html``;
  return html`<section class="build-failed" role="alert" ${rawHtml(FAILED_PAGE_MARK)}>
<h2>${messages.failedBannerTitle(failed.length, duplicates.length)}</h2>
<p>${failed.length > 0 ? messages.failedBannerLead(failed.length, failed.every((cell) => cell.failed === "page")) : messages.duplicateIdsBannerLead()}</p>
<ul>${failed.map((cell) => {
    // A cell with several problems (a markdown cell's images) lists each on a line of its own.
    const [first = "", ...more] = afterPlace(cell).split("\n");
    return html`<li><a href="${`#cell-c${cell.chapter}-${cell.cell}`}">${cell.where}</a>${first}${more.map((line) => html`<br>${line}`)}</li>`;
  })}${duplicates.map((duplicate) => html`<li>${messages.duplicateIdsBannerItem(duplicate)}</li>`)}</ul>
</section>`;
}

/** The error after its linked place: a message that starts with the place (", line 1, column 21: …") is not told it twice. */
function afterPlace(cell: FailedCell): string {
  return cell.message.startsWith(cell.where) ? cell.message.slice(cell.where.length) : `: ${cell.message}`;
}

/** The first chapter's figures (the summary's headline numbers), as cards on the title page. */
function headlineCards(figures: readonly FigureRecord[], firstChapter: string | undefined): Html {
  const chosen = headlineFigures(figures, firstChapter, HEADLINE_COUNT);
  if (chosen.length === 0) return html``;
  return html`<div class="headlines">${chosen.map(
    (figure) => html`<div class="headline"><div class="headline-value">${formatFigureValue(figure)}</div><div class="headline-label">${figure.label}</div>${
      // An interval that reads as the value says nothing more (as formatSummary leaves it out of prose).
      figure.summary === undefined || formatFigureInterval(figure) === formatFigureValue(figure) ? null : html`<div class="headline-range">90% interval ${formatFigureInterval(figure)}</div>`
    }${figure.alternatives === undefined || figure.alternatives.length === 0 ? null : html`<div class="headline-alternatives">${formatAlternatives(figure).replace(/^ as modelled; /, "")}</div>`}</div>`,
  )}</div>`;
}

function tableOfContents(chapters: readonly RenderedChapter[], appendices: readonly Appendix[]): Html {
  return html`<ol class="toc-chapters">${chapters.map(
    (chapter) => html`<li><a href="${`#${chapter.id}`}"><span class="toc-number">${chapter.label}</span> ${chapter.title}</a>${
      chapter.sections.length === 0 ? null : html`<ol class="toc-sections">${chapter.sections.map((section) => html`<li><a href="${`#${section.id}`}">${section.text}</a></li>`)}</ol>`
    }</li>`,
  )}</ol>
<ol class="toc-appendices">${rawHtml(CHANGES_TOC_MARKER)}${appendices.map((appendix) => html`<li><a href="${`#${appendix.id}`}">${appendix.title}</a></li>`)}</ol>`;
}
