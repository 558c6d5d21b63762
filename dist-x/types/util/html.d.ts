export declare class Html {
    readonly value: string;
    constructor(value: string);
    toString(): string;
}
export type HtmlValue = Html | string | number | boolean | null | readonly HtmlValue[];
export declare function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html;
/** Trusted markup (notebook HTML outputs, rendered markdown, server-side SVG). Keep calls few and visible. */
export declare function rawHtml(markup: string): Html;
/** Text as HTML: markup characters escaped, control characters shown as `\x1b` (util/control.ts). */
export declare function escapeHtml(text: string): string;
/**
 * Text for a table cell, escaped, with a `<wbr>` every BREAK_EVERY graphemes inside each word of
 * LONG_WORD characters or more. A table sizes each column to its longest word, so one unbroken word
 * in a label widened the whole table past the page, and Chromium shrank every page of the PDF to fit
 * it. CSS's `overflow-wrap: anywhere` on the cells would let every word break, and narrowed the
 * short columns (units, kinds) until ordinary words split; a break point only in the long word does not.
 */
export declare function breakableText(text: string): Html;
/**
 * The grapheme clusters of `text`, segmented a window at a time: V8's segmenter slows down far more
 * than in proportion on one long string (a 160,000-character word in a label took ~110 s, and with
 * it the build). A window's last cluster may go on past it, so it is segmented again with the next
 * window (a window never ends inside a surrogate pair); a single cluster longer than a window
 * (thousands of combining marks) is cut there.
 */
export declare function graphemesOf(text: string): string[];
/**
 * A long snake_case id, able to wrap after its underscores only ("anthropic_run_rate_/forward_usd"):
 * in a narrow column it broke mid-word ("essay" / "_trai" / "ning_") on a phone.
 */
export declare function breakableId(id: string): Html;
/** The text `escapeHtml` wrote (its five entities back to characters; any other markup stays as it is). */
export declare function unescapeHtml(markup: string): string;
