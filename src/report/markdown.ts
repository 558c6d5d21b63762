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
import MarkdownIt from "markdown-it";
import { sanitizeMarkdownHtml } from "./sanitize";
type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];
import anchor from "markdown-it-anchor";
import footnote from "markdown-it-footnote";

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

/** An image the markdown shows: its src as the rendered `<img>` carries it, and its 1-based line in the source. */
export interface MarkdownImage {
  readonly src: string;
  readonly line: number;
}

export interface MarkdownRenderer {
  /**
   * `docId` makes footnote ids unique, e.g. "c2-5" for chapter 2, cell 5. `images` maps an image's
   * src (as `images()` lists it) to the `data:` URI the page shows instead (markdown-images.ts).
   */
  render(source: string, docId: string, images?: ReadonlyMap<string, string>): RenderedMarkdown;
  /** The images `source` shows (`![alt](src)`, reference images, `<img src>` in its HTML), without rendering it. */
  images(source: string): MarkdownImage[];
}

export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "section" : slug;
}

/** One renderer per report build: it remembers the heading ids already used. */
export function createMarkdownRenderer(): MarkdownRenderer {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: true })
    .use(footnote)
    .use(anchor, { slugify, tabIndex: false, level: [1, 2, 3] });
  // A table wider than the column scrolls inside its own box (report.css .table-wrap), never the page.
  const renderToken: NonNullable<typeof md.renderer.rules.table_open> = (tokens, index, options, _env, self) => self.renderToken(tokens, index, options);
  md.renderer.rules.table_open = (...args) => `<div class="table-wrap">${renderToken(...args)}`;
  md.renderer.rules.table_close = (...args) => `${renderToken(...args)}</div>`;
  // markdown-it-anchor keeps used slugs in env.markdownItAnchor: shared, so ids stay unique
  // report-wide. markdown-it-footnote keeps its list in env too: fresh per render, so each cell
  // shows only its own footnotes.
  const anchorState: Record<string, unknown> = {};
  return {
    render(source, docId, images) {
      const env = { docId, markdownItAnchor: anchorState };
      const tokens = md.parse(source, env);
      const unplaced: string[] = [];
      return { html: sanitizeMarkdownHtml(md.renderer.render(tokens, md.options, env), images, unplaced), headings: headingsOf(tokens), unplaced };
    },
    // A throwaway anchor state: scanning must not take the heading ids the render will give.
    images: (source) => imagesOf(md.parse(source, { docId: "scan", markdownItAnchor: {} })),
  };
}

/** `<img … src=…>` in raw HTML, the src in any of HTML's three quotings. */
const IMG_SRC = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/**
 * Each image's src and line. A block token knows its first line; within it, an inline's line breaks
 * and an HTML block's newlines count the rest. An HTML src is decoded as the sanitizer's parser
 * decodes it, so the render finds it under the same key.
 */
function imagesOf(tokens: readonly Token[]): MarkdownImage[] {
  const found: MarkdownImage[] = [];
  const fromHtml = (raw: string, line: number): void => {
    // A commented-out <img> shows nothing (the sanitizer drops comments): blanked, newlines kept for the count.
    const html = raw.replace(/<!--[\s\S]*?(?:-->|$)/g, (comment) => comment.replace(/[^\n]/g, " "));
    for (const match of html.matchAll(IMG_SRC)) {
      const src = decodeEntities(match[1] ?? match[2] ?? match[3] ?? "");
      found.push({ src, line: line + (html.slice(0, match.index).match(/\n/g)?.length ?? 0) });
    }
  };
  let first = 1;
  for (const token of tokens) {
    // A table cell's inline has no map of its own: its row's opening token has.
    if (token.map) first = token.map[0] + 1;
    if (token.type === "html_block") fromHtml(token.content, first);
    let line = first;
    for (const child of token.children ?? []) {
      if (child.type === "softbreak" || child.type === "hardbreak") line++;
      else if (child.type === "image") found.push({ src: String(child.attrGet("src") ?? ""), line });
      else if (child.type === "html_inline") fromHtml(child.content, line);
    }
  }
  return found;
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** HTML character references in an attribute value (named ones a path would use, and numeric ones). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
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

// The heading as plain text (no "*" or "`" from its markdown), for the table of contents.
function plainText(inline: Token | undefined): string {
  const children = inline?.children ?? [];
  return children.map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : "")).join("");
}
