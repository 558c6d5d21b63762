/**
 * A `{ … }` map on one line whose entries lack the comma between them (`range: { low: 0.06 high: 0.12 }`,
 * or a ";" in its place). The `yaml` package reads `0.06 high: 0.12` as one value holding a mapping and
 * says so in its grammar's words: "Block collections are not allowed within flow collections" at that
 * value; "Unexpected scalar token" after a quoted value; "Nested mappings are not allowed in compact
 * mappings" when two commas are missing (`{ a: 1 b: 2 c: 3 }`); "Unexpected scalar at node end" after a
 * nested value (`{ a: [1, 2] b: 3 }`). The line is read here as YAML reads a flow map (quoted texts,
 * nested brackets, a comment after it) to find where each comma goes.
 */

export interface MissingComma {
  /** Offset in the text where the first missing comma goes (just after the value before it). */
  readonly offset: number;
  /** That value, as written (`0.06`, `"An essay"`, `[1, 2]`). */
  readonly value: string;
  /** The key after it (`high`). */
  readonly key: string;
  /** A ";" is written where the comma goes. */
  readonly semicolon: boolean;
  /** The line with every missing comma put in (a ";" replaced), trimmed; undefined when too long to quote. */
  readonly fixed: string | undefined;
}

/** Longest line a message quotes whole; a longer one is named by the value and key around the comma. */
const QUOTE_LIMIT = 100;

/** The missing comma in the one-line `{ … }` that holds `offset` (where the parser gave up), or undefined. */
export function missingComma(text: string, offset: number): MissingComma | undefined {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const newline = text.indexOf("\n", offset);
  const line = text.slice(lineStart, newline < 0 ? text.length : newline).replace(/\r$/, "");
  const open = braceAround(line, offset - lineStart);
  const gaps = open === undefined ? undefined : gapsIn(line, open);
  const first = gaps?.[0];
  if (gaps === undefined || first === undefined) return undefined;
  let fixed = line.slice(0, gaps.end);
  for (const gap of [...gaps].reverse()) fixed = `${fixed.slice(0, gap.valueEnd)},${fixed.slice(gap.valueEnd).replace(/^\s*;/, "")}`;
  fixed = fixed.trim();
  return {
    offset: lineStart + first.valueEnd,
    value: line.slice(first.valueStart, first.valueEnd),
    key: first.key,
    semicolon: first.semicolon,
    fixed: fixed.length > QUOTE_LIMIT ? undefined : fixed,
  };
}

/** Where a quoted text that starts at `at` ends (the index after its closing quote), or the line's end. */
function quotedEnd(line: string, at: number): number {
  const quote = line[at];
  for (let index = at + 1; index < line.length; index++) {
    if (quote === '"' && line[index] === "\\") index++;
    else if (line[index] === quote) {
      if (quote === "'" && line[index + 1] === "'") index++; // '' is a quote inside a single-quoted text
      else return index + 1;
    }
  }
  return line.length;
}

/** A quote opens a text only where a value starts: not the apostrophe of "analyst's". */
const opensText = (line: string, at: number): boolean => (line[at] === '"' || line[at] === "'") && (at === 0 || /[\s[{,:]/.test(line[at - 1] ?? ""));

/** A "#" after a space starts a comment. */
const opensComment = (line: string, at: number): boolean => line[at] === "#" && (at === 0 || /\s/.test(line[at - 1] ?? ""));

/** The innermost `{` of the line whose contents hold `column`, or undefined (not inside one). */
function braceAround(line: string, column: number): number | undefined {
  const opened: { at: number; brace: boolean }[] = [];
  for (let index = 0; index < line.length && index <= column; index++) {
    const char = line[index];
    if (opensText(line, index)) index = quotedEnd(line, index) - 1;
    else if (opensComment(line, index)) break;
    else if (char === "{" || char === "[") opened.push({ at: index, brace: char === "{" });
    else if (char === "}" || char === "]") opened.pop();
  }
  const innermost = opened.at(-1);
  return innermost?.brace === true ? innermost.at : undefined;
}

interface Gap {
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly key: string;
  readonly semicolon: boolean;
}

/**
 * The gaps in the `{ … }` opening at `open` where a comma is missing: after an entry's `key: value`, a
 * second `key:` before any comma starts the next entry. `end` is where the line's text ends (before a
 * comment). Undefined when the map does not close on this line, or when an entry has a key but no value
 * before the next key (`{ a: b: c }`: a value holding ": ", not a missing comma).
 */
function gapsIn(line: string, open: number): (Gap[] & { end: number }) | undefined {
  const gaps: Gap[] = [];
  let depth = 0;
  let close: number | undefined;
  let valueStart = -1; // just after this entry's "key:", once it is behind us
  for (let index = open + 1; index < line.length && close === undefined; index++) {
    const char = line[index] ?? "";
    if (opensText(line, index)) index = quotedEnd(line, index) - 1;
    else if (opensComment(line, index)) return undefined;
    else if (char === "{" || char === "[") depth++;
    else if (char === "}" || char === "]") {
      if (depth === 0) close = char === "}" ? index : -1;
      else depth--;
    } else if (depth === 0 && char === ",") valueStart = -1;
    else if (depth === 0 && char === ":" && /^(\s|,|\}|$)/.test(line.slice(index + 1, index + 2))) {
      // A key's colon (a value's, as in "https://", has no space after it): the key is the word before it.
      const keyStart = line.slice(0, index).search(/\S+$/);
      if (valueStart >= 0) {
        const written = line.slice(valueStart, keyStart).trimEnd();
        const semicolon = written.endsWith(";");
        const value = (semicolon ? written.slice(0, -1) : written).trim();
        if (value === "") return undefined;
        const valueEnd = valueStart + (semicolon ? written.slice(0, -1) : written).trimEnd().length;
        gaps.push({ valueStart: valueEnd - value.length, valueEnd, key: line.slice(keyStart, index), semicolon });
      }
      valueStart = index + 1;
    }
  }
  if (close === undefined || close < 0) return undefined;
  const comment = line.slice(close + 1).search(/\s#/);
  return Object.assign(gaps, { end: comment < 0 ? line.length : close + 1 + comment });
}
