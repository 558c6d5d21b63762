/**
 * How a value interpolated into `nb.md` is written into its markdown so that a reader sees it as
 * written: in prose, with backslash escapes (the notebook's markdown source stays readable); inside
 * HTML the template writes (a `<table>` of figures, a `<div>`, an attribute), with character
 * references, since CommonMark passes an HTML block through as it is and a backslash there is text.
 */
import { visibleControls } from "../format/control";

/**
 * Text that markdown (markdown-it here, marked in JupyterLab) shows as written: inline markup and raw
 * HTML characters are backslash-escaped (CommonMark lets any ASCII punctuation be escaped; escaped
 * quotes also stay straight under the typographer), and so is every character the typographer would
 * rewrite ("--", "...", "(c)", "+-", ",,", "??"), since an escaped character is not text it rewrites.
 * Line breaks become spaces and leading spaces entities, so a value cannot open a block (an indented
 * code block included); a leading list or heading marker is escaped; control characters are written
 * as visible escapes (format/control.ts). Only what needs it is escaped: the notebook's markdown source
 * stays readable ("$28.8M (90% interval …)"). An apostrophe inside a word is not escaped, so the typographer
 * sets it as it sets the sentence around it, or "the essay's figure" and "OpenAI’s bill" sit side by side.
 * With `inHtml` (see `insideHtml`) each of those characters is a numeric character reference instead,
 * which HTML and markdown both read as the character.
 */
export function markdownText(text: string, inHtml = false): string {
  const escape = (chars: string): string => chars.replace(/./g, (char) => (inHtml ? `&#${char.charCodeAt(0)};` : `\\${char}`));
  // Control characters (an ESC from a YAML label) are shown as \x1b, as everywhere a reader sees data.
  return visibleControls(possessives(text, inHtml).replace(/\r?\n|\r/g, " "))
    // An apostrophe inside a word is left for the typographer, which sets it as it sets the sentence
    // around it ("the essay’s") in text, and leaves it alone in a link's destination (img/o'k.png).
    .replace(inHtml ? /[\\`*_[\]<>&#!|~$"']/g : /[\\`*_[\]<>&#!|~$"]|(?<!\p{L})'|'(?!\p{L})/gu, escape)
    .replace(/-{2,}|\.{2,}|,{2,}|\?{2,}|\+(?=-)|\((?=(?:c|r|tm|p)\))/gi, escape)
    .replace(/^(\s*)([-+=])/, (_match, space: string, marker: string) => `${space}${escape(marker)}`)
    .replace(/^(\s*\d+)([.)])/, (_match, digits: string, marker: string) => `${digits}${escape(marker)}`)
    .replace(/^[ \t]+/, (space) => "&#32;".repeat(space.length));
}

/**
 * A plural's possessive ("the alternatives' medians") set as the typographer sets "the essay's", in a
 * value that opens no single quotation: escaped as a quote, it stayed straight beside the sentence's
 * curly apostrophes. Quotes around words (`'single'`) are the data's own, and stay as written.
 */
function possessives(text: string, inHtml: boolean): string {
  return inHtml || /(?<!\p{L})'(?=\p{L})/u.test(text) ? text : text.replace(/(?<=\p{L}s)'(?!\p{L})/gu, "\u2019");
}

/**
 * Whether a value written after `before` (the template's markdown so far) may land in HTML rather
 * than in markdown text: inside a tag (`<td title="…`), or in a block (the lines since the last blank
 * line) one of whose lines starts with a tag, as a CommonMark HTML block does (`<table>`, `<div>`,
 * `<details>`). It errs towards HTML: character references read the same in markdown text.
 */
export function insideHtml(before: string): boolean {
  const block = before.slice(lastBlankLineEnd(before));
  if (/(?:^|\n) {0,3}<[A-Za-z/!?]/.test(block)) return true;
  const line = block.slice(block.lastIndexOf("\n") + 1);
  return /<[A-Za-z][^<>]*$/.test(line);
}

/** Where the text after the last blank line (a line of spaces only) starts; 0 when there is none. */
function lastBlankLineEnd(text: string): number {
  const blank = /\n[ \t]*\n/g;
  let end = 0;
  for (let match = blank.exec(text); match !== null; match = blank.exec(text)) {
    end = match.index + match[0].length;
    blank.lastIndex = match.index + 1; // "\n\n\n": the last blank line wins
  }
  return end;
}
