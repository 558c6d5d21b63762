/**
 * Text that markdown (markdown-it here, marked in JupyterLab) shows as written: inline markup and raw
 * HTML characters are backslash-escaped (CommonMark lets any ASCII punctuation be escaped; escaped
 * quotes also stay straight under the typographer), and so is every character the typographer would
 * rewrite ("--", "...", "(c)", "+-", ",,", "??"), since an escaped character is not text it rewrites.
 * Line breaks become spaces and leading spaces entities, so a value cannot open a block (an indented
 * code block included); a leading list or heading marker is escaped; control characters are written
 * as visible escapes (util/control.ts). Only what needs it is escaped: the notebook's markdown source
 * stays readable ("$28.8M (90% CI …)"). An apostrophe inside a word is not escaped, so the typographer
 * sets it as it sets the sentence around it, or "the essay's figure" and "OpenAI’s bill" sit side by side.
 * With `inHtml` (see `insideHtml`) each of those characters is a numeric character reference instead,
 * which HTML and markdown both read as the character.
 */
export declare function markdownText(text: string, inHtml?: boolean): string;
/**
 * Whether a value written after `before` (the template's markdown so far) may land in HTML rather
 * than in markdown text: inside a tag (`<td title="…`), or in a block (the lines since the last blank
 * line) one of whose lines starts with a tag, as a CommonMark HTML block does (`<table>`, `<div>`,
 * `<details>`). It errs towards HTML: character references read the same in markdown text.
 */
export declare function insideHtml(before: string): boolean;
