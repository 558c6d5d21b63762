/**
 * Markdown cells → HTML with markdown-it: tables, footnotes and heading anchors. Heading ids are
 * unique across the whole report, and footnote ids are per cell (`docId`), so two cells' "[^1]"
 * never collide.
 *
 * HTML written in a cell is kept where it is harmless (a <sup>, a <details>, a table) and
 * sanitized per cell (sanitize.ts), as Jupyter sanitizes markdown: a script, an event handler or a
 * javascript: link shows as text or is dropped, and an unclosed tag or `<!--` ends with its cell
 * instead of swallowing the rest of the chapter.
 */
import { decodeEntities, markdownParser, scanImages, type MarkdownImage, type MarkdownParser } from "./markdown-scan";
import { sanitizeMarkdownHtml } from "./sanitize";
type Token = ReturnType<MarkdownParser["parse"]>[number];

export type { MarkdownImage } from "./markdown-scan";

export interface Heading {
  readonly level: number;
  readonly id: string;
  readonly text: string;
}

export interface RenderedMarkdown {
  readonly html: string;
  readonly headings: readonly Heading[];
  /** The srcs of images that were not given a `data:` URI, and so were dropped (sanitize.ts). */
  readonly unplaced: readonly string[];
}

export interface MarkdownRenderer {
  /**
   * `docId` makes footnote ids unique, e.g. "c2-5" for chapter 2, cell 5. `images` maps an image's
   * src (as `images()` lists it) to the `data:` URI the page shows instead (markdown-images.ts).
   */
  render(source: string, docId: string, images?: ReadonlyMap<string, string>): RenderedMarkdown;
  /** The images `source` shows (`![alt](src)`, reference images, `<img src>` in its HTML), without rendering it. */
  images(source: string): MarkdownImage[];
  /** The heading ids taken so far. */
  anchors(): string[];
  /** Takes these ids as if headings rendered here had them (a chapter reused from the cache). */
  takeAnchors(ids: readonly string[]): void;
  /**
   * `wanted`, or `wanted-1`, `wanted-2` … if taken, as markdown-it-anchor makes headings' ids unique:
   * an id for something other than a heading (a figure's card), taken from the same page-wide set.
   */
  uniqueId(wanted: string): string;
  /**
   * One line of markdown as the text a reader sees of it (a chapter's title, from its "# …" line): its
   * markup read, its HTML the sanitizer keeps as tags giving their text, quotes as the typographer sets
   * them. The title heads the chapter, the contents and the PDF's bookmarks as text: `<b>now</b>` was
   * shown there as written.
   */
  inlineText(source: string): string;
}

/** A calendar date as the report writes it (escaped text keeps its digits and hyphens as they are). */
const ISO_DATE = /(?<![\w-])\d{4}-\d{2}-\d{2}(?![\w-])/g;

/** One renderer per report build: it remembers the heading ids already used. */
export function createMarkdownRenderer(): MarkdownRenderer {
  const md = markdownParser();
  // A table wider than the column scrolls inside its own box (report.css .table-wrap), never the page.
  const renderToken: NonNullable<typeof md.renderer.rules.table_open> = (tokens, index, options, _env, self) => self.renderToken(tokens, index, options);
  md.renderer.rules.table_open = (...args) => `<div class="table-wrap">${renderToken(...args)}`;
  md.renderer.rules.table_close = (...args) => `${renderToken(...args)}</div>`;
  // A date is one word: a narrow column broke "(2026-04-" / "27)" at its hyphens (report.css .date).
  md.renderer.rules.text = (tokens, index) => md.utils.escapeHtml(tokens[index]?.content ?? "").replace(ISO_DATE, (date) => `<span class="date">${date}</span>`);
  // markdown-it-anchor keeps used slugs in env.markdownItAnchor: shared, so ids stay unique
  // report-wide. markdown-it-footnote keeps its list in env too: fresh per render, so each cell
  // shows only its own footnotes.
  const anchorState: { slugs?: Record<string, true> } = {};
  return {
    render(source, docId, images) {
      const env = { docId, markdownItAnchor: anchorState };
      const tokens = md.parse(source, env);
      const unplaced: string[] = [];
      const html = sanitizeMarkdownHtml(md.renderer.render(tokens, md.options, env), images, unplaced);
      return { html, headings: headingsOf(tokens).map((heading) => ({ ...heading, text: shownText(html, heading) ?? heading.text })), unplaced };
    },
    images: (source) => scanImages(md, source),
    // markdown-it-anchor's record of the ids it gave: `env.markdownItAnchor.slugs`, id → true.
    anchors: () => Object.keys(anchorState.slugs ?? {}),
    takeAnchors: (ids) => {
      const slugs = (anchorState.slugs ??= {});
      for (const id of ids) slugs[id] = true;
    },
    inlineText: (source) => shownInline(sanitizeMarkdownHtml(md.renderInline(source, { docId: "title" }))),
    uniqueId: (wanted) => {
      const slugs = (anchorState.slugs ??= {});
      let id = wanted;
      for (let n = 1; slugs[id] === true; n++) id = `${wanted}-${n}`;
      slugs[id] = true;
      return id;
    },
  };
}

function headingsOf(tokens: readonly Token[]): Heading[] {
  const headings: Heading[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== "heading_open") return;
    const inline = tokens[index + 1];
    headings.push({ level: Number(token.tag.slice(1)), id: String(token.attrGet("id") ?? ""), text: plainText(inline) });
  });
  return headings;
}

/**
 * The heading's text as the page shows it, for the contents and the PDF's bookmarks: HTML the
 * sanitizer turned into text (`<script>`, a `<T>` or `<region>` that is no tag it keeps) is text
 * there, and was dropped from the entry ("Why <T> matters" listed as "Why  matters"); tags it kept
 * (`<em>`) give their text, a footnote mark none. Undefined when the heading is not found.
 */
function shownText(html: string, heading: Heading): string | undefined {
  const tag = `h${heading.level}`;
  const start = html.indexOf(`<${tag} id="${heading.id}">`);
  const end = html.indexOf(`</${tag}>`, start);
  if (heading.id === "" || start < 0 || end < 0) return undefined;
  return shownInline(html.slice(start + `<${tag} id="${heading.id}">`.length, end));
}

/** Rendered inline HTML as its text: tags give their text, a footnote mark none, entities decoded. */
function shownInline(html: string): string {
  return decodeEntities(html.replace(/<sup class="footnote-ref">.*?<\/sup>/g, "").replace(/<[^>]*>/g, "")).replace(/\s+/g, " ").trim();
}

// The heading as plain text (no "*" or "`" from its markdown), for the table of contents.
function plainText(inline: Token | undefined): string {
  const children = inline?.children ?? [];
  return children.map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : "")).join("");
}
