/**
 * Markdown as the report parses it (markdown-it with footnotes and heading anchors), and the images
 * a piece of it shows, found without rendering it. Its own module, without the sanitizer the render
 * needs: `fragtax check` and `run` find a notebook's images with the parse the build renders with.
 */
import MarkdownIt from "markdown-it";
import anchor from "markdown-it-anchor";
import footnote from "markdown-it-footnote";
import { lineColumn } from "../util/text-position";
import { withoutLedgerMarkers } from "../api/words";
/** A configured parser (markdown-it's class is typed as a value: its instances have this type). */
export type MarkdownParser = InstanceType<typeof MarkdownIt>;
type Token = ReturnType<MarkdownParser["parse"]>[number];

/**
 * An image the markdown shows: its src as the rendered `<img>` carries it, and where it is written
 * (1-based). A reference image (`![alt][ref]`) is placed at its definition's URL (`[ref]: pic.png`),
 * line and column: that is the text to correct. Other images have only their line.
 */
export interface MarkdownImage {
  readonly src: string;
  readonly line: number;
  readonly column?: number;
  /** Written in markdown with a URL markdown-it does not show (it renders "![a](…)" as text instead). */
  readonly unshown?: true;
}

export function slugify(text: string): string {
  const slug = withoutLedgerMarkers(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "section" : slug;
}

/** Where a reference definition's URL is written, by its label: `env[DEFINED_AT]` after a parse. */
type DefinitionPlaces = Map<string, { line: number; column: number }>;
const DEFINED_AT = "fragtaxDefinedAt";

/** The parser of the report's markdown: the render (markdown.ts) and the image scan parse alike. */
export function markdownParser(): MarkdownParser {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: true })
    .use(footnote)
    .use(anchor, { slugify, tabIndex: false, level: [1, 2, 3] });
  // markdown-it drops its reference definitions' tokens (the only ones that know their lines) before
  // the inline rules turn `![alt][ref]` into an image: their places are kept first.
  md.core.ruler.before("strip_references", "reference_places", (state) => {
    (state.env as Record<string, unknown>)[DEFINED_AT] = definitionPlaces(state.tokens, state.src);
  });
  return md;
}

/** The images `source` shows (`![alt](src)`, reference images, `<img src>` in its HTML). */
export function scanImages(md: MarkdownParser, source: string): MarkdownImage[] {
  // Markdown writes every image with "![" (inline and reference alike) and HTML with "<img": a text
  // with neither shows none, and most of a report's text is such. Parsing it anyway cost a rebuild
  // ~30 ms on its critical path, a second parse of every chapter's markdown besides the render's.
  if (!source.includes("![") && !/<img\b/i.test(source)) return [];
  // A throwaway anchor state: scanning must not take the heading ids a render will give.
  const env: Record<string, unknown> = { docId: "scan", markdownItAnchor: {} };
  // Every image a reader would see written: markdown-it leaves one whose URL it does not accept
  // (`file:`, `javascript:`) as plain text "![a](file:///…)", which the page showed without a word.
  // Found here, such an image is refused like any URL that is not a file of the project.
  const validateLink = md.validateLink;
  md.validateLink = () => true;
  let tokens: Token[];
  try {
    tokens = md.parse(source, env);
  } finally {
    md.validateLink = validateLink;
  }
  return imagesOf(tokens, (env[DEFINED_AT] as DefinitionPlaces | undefined) ?? new Map(), (src) => validateLink(src));
}

/** `<img … src=…>` in raw HTML, the src in any of HTML's three quotings. */
const IMG_SRC = /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;

/**
 * Each image's src and line. A block token knows its first line; within it, an inline's line breaks
 * and an HTML block's newlines count the rest. An HTML src is decoded as the sanitizer's parser
 * decodes it, so the render finds it under the same key.
 */
function imagesOf(tokens: readonly Token[], definitions: DefinitionPlaces, shown: (src: string) => boolean): MarkdownImage[] {
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
      else if (child.type === "image") {
        const label = (child.meta as { label?: unknown } | null)?.label;
        const defined = typeof label === "string" ? definitions.get(label) : undefined;
        const src = String(child.attrGet("src") ?? "");
        found.push({ src, ...(defined ?? { line }), ...(shown(src) ? {} : { unshown: true as const }) });
      } else if (child.type === "html_inline") fromHtml(child.content, line);
    }
  }
  return found;
}

/**
 * Where each reference definition's URL is written, by its normalized label (the first definition
 * of a label is the one used, as markdown-it keeps it). Its token spans the definition's lines; the
 * URL follows the first `]:` (a label holds no unescaped `]`), after blanks, a line break, a
 * blockquote's `>` or the `<` of `<url>`.
 */
function definitionPlaces(tokens: readonly Token[], source: string): DefinitionPlaces {
  const places: DefinitionPlaces = new Map();
  const lineStarts = [0];
  for (let at = source.indexOf("\n"); at >= 0; at = source.indexOf("\n", at + 1)) lineStarts.push(at + 1);
  for (const token of tokens) {
    const label = (token.meta as { label?: unknown } | null)?.label;
    if (token.type !== "reference_definition" || typeof label !== "string" || places.has(label) || token.map === null) continue;
    const start = lineStarts[token.map[0]] ?? 0;
    const text = source.slice(start, lineStarts[token.map[1]] ?? source.length);
    const lead = /^(?:[^\]\\]|\\[\s\S])*\]:[\s>]*<?/.exec(text);
    places.set(label, lead === null ? { line: token.map[0] + 1, column: 1 } : lineColumn(source, start + lead[0].length));
  }
  return places;
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** HTML character references in an attribute value or text (the named ones markdown and the sanitizer write, and numeric ones). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name.startsWith("#")) {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
