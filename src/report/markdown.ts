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
}

export interface MarkdownRenderer {
  /** `docId` makes footnote ids unique, e.g. "c2-5" for chapter 2, cell 5. */
  render(source: string, docId: string): RenderedMarkdown;
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
    render(source, docId) {
      const env = { docId, markdownItAnchor: anchorState };
      const tokens = md.parse(source, env);
      return { html: sanitizeMarkdownHtml(md.renderer.render(tokens, md.options, env)), headings: headingsOf(tokens) };
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

// The heading as plain text (no "*" or "`" from its markdown), for the table of contents.
function plainText(inline: Token | undefined): string {
  const children = inline?.children ?? [];
  return children.map((child) => (child.type === "text" || child.type === "code_inline" ? child.content : "")).join("");
}
