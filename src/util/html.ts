/**
 * HTML built with an escaping tagged template: every interpolated value is escaped unless it is
 * already `Html` (made by `html\`\`` itself or by the explicit, greppable `rawHtml(...)`).
 *
 *   html`<td>${label}</td>`            label "<script>" → "&lt;script&gt;"
 *   html`<div>${rawHtml(svg)}</div>`   trusted markup, visibly marked as such
 *
 * `null` and `false` render nothing (for `${cond && html`…`}`); arrays are concatenated; `undefined`
 * and plain objects throw, so "undefined" or "[object Object]" can never reach a reader.
 */
import { htmlBadValue } from "../messages/report";
import { visibleControls } from "../format/control";

export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | readonly HtmlValue[];

export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += render(value, index) + (strings[index + 1] ?? "");
  });
  return new Html(out);
}

/** Trusted markup (notebook HTML outputs, rendered markdown, server-side SVG). Keep calls few and visible. */
export function rawHtml(markup: string): Html {
  return new Html(markup);
}

const ESCAPES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML: markup characters escaped, control characters shown as `\x1b` (format/control.ts). */
export function escapeHtml(text: string): string {
  return visibleControls(text, { keepCarriageReturn: true }).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * A word this long has no natural break (a pasted hash, an id-like label, an unbroken run of
 * characters); ordinary words, even long compounds, are shorter and stay whole.
 */
const LONG_WORD = 28;
/** Graphemes between the break points given to such a word. */
const BREAK_EVERY = 14;
/**
 * Made on first use: creating a segmenter loads ICU's break rules (~12 ms), and every notebook thread
 * loads this module while few ever break a long word.
 */
let graphemes: Intl.Segmenter | undefined;

/**
 * Text for a table cell, escaped, with a `<wbr>` every BREAK_EVERY graphemes inside each word of
 * LONG_WORD characters or more. A table sizes each column to its longest word, so one unbroken word
 * in a label widened the whole table past the page, and Chromium shrank every page of the PDF to fit
 * it. CSS's `overflow-wrap: anywhere` on the cells would let every word break, and narrowed the
 * short columns (units, kinds) until ordinary words split; a break point only in the long word does not.
 */
export function breakableText(text: string): Html {
  const parts = text.split(/(\s+)/).map((part) => {
    if (part.length < LONG_WORD) return escapeHtml(part);
    const pieces = graphemesOf(part);
    const chunks: string[] = [];
    for (let i = 0; i < pieces.length; i += BREAK_EVERY) chunks.push(escapeHtml(pieces.slice(i, i + BREAK_EVERY).join("")));
    return chunks.join("<wbr>");
  });
  return new Html(parts.join(""));
}

/** Code units a segmenter is given at once (see `graphemesOf`). */
const SEGMENT_WINDOW = 4096;

/**
 * The grapheme clusters of `text`, segmented a window at a time: V8's segmenter slows down far more
 * than in proportion on one long string (a 160,000-character word in a label took ~110 s, and with
 * it the build). A window's last cluster may go on past it, so it is segmented again with the next
 * window (a window never ends inside a surrogate pair); a single cluster longer than a window
 * (thousands of combining marks) is cut there.
 */
export function graphemesOf(text: string): string[] {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
  const found: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + SEGMENT_WINDOW);
    // Never between a surrogate pair: a lone half is a cluster of its own, and would end the one before it.
    const before = text.charCodeAt(end - 1);
    if (end < text.length && end - at > 1 && before >= 0xd800 && before <= 0xdbff) end -= 1;
    const pieces = Array.from(graphemes.segment(text.slice(at, end)), (s) => s.segment);
    const last = end < text.length && pieces.length > 1 ? pieces.pop() : undefined;
    found.push(...pieces);
    at = end - (last?.length ?? 0);
  }
  return found;
}

/**
 * A long snake_case id, able to wrap after its underscores only ("anthropic_run_rate_/forward_usd"):
 * in a narrow column it broke mid-word ("essay" / "_trai" / "ning_") on a phone.
 */
export function breakableId(id: string): Html {
  return html`${id.split("_").map((part, i, parts) => (i < parts.length - 1 ? html`${part}_<wbr>` : html`${part}`))}`;
}

const UNESCAPES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ESCAPES).map(([char, entity]) => [entity, char]));

/** The text `escapeHtml` wrote (its five entities back to characters; any other markup stays as it is). */
export function unescapeHtml(markup: string): string {
  return markup.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => UNESCAPES[entity] ?? entity);
}

function render(value: HtmlValue | undefined, index: number): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === false) return "";
  if (value === true) return "";
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(htmlBadValue(index, value));
    return String(value);
  }
  if (Array.isArray(value)) return value.map((item: HtmlValue) => render(item, index)).join("");
  throw new TypeError(htmlBadValue(index, value));
}
