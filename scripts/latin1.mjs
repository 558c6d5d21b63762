// The CommonJS files the CLI loads through V8's code cache (dist/main.cjs, dist/vendor/, dist/vega.cjs,
// the threads' files) are written in Latin-1, so each is a one-byte string in V8. One character past
// U+00FF anywhere makes the whole source a two-byte string: twice the memory for the text V8 keeps, and
// a slower decode. dist/main.cjs had 13 such characters (a "ρ" in an appendix's heading, "—" in
// comments, "−" in a regular expression); measured, loading it took ~23–30 ms and ~1,280 fresh pages
// as two bytes a character, ~17 ms and ~860 pages as one, in every command.
//
// esbuild already writes strings and untagged templates with \u escapes. What it leaves is escaped
// here, where an escape means the same: comments; regular expression literals (\uXXXX is the same
// code unit in a class or out of one, with or without the u flag: a surrogate pair in escapes is
// still one code point there); and tagged templates whose tag reads the cooked strings (`html`,
// src/util/html.ts). A tagged template with another tag (String.raw sees the escape, not the
// character) fails the bundle instead: such a character must be written as `${"\u…"}`.
import { tokenizer, tokTypes } from "acorn";

const WIDE = /[\u0100-\uffff]/;
const WIDE_ALL = /[\u0100-\uffff]/g;
/** Tags whose function reads only the cooked strings: escaping a character there keeps the result. */
const COOKED_TAGS = new Set(["html"]);

const escape = (text) => text.replace(WIDE_ALL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);

/** `source` with every character past U+00FF escaped where that keeps its meaning (see above). */
export function latin1Source(source, file) {
  if (!WIDE.test(source)) return source;
  const ranges = [];
  const comments = [];
  const tags = []; // the tag of each template open at this point (undefined: untagged)
  let last;
  for (const token of tokenizer(source, { ecmaVersion: "latest", sourceType: "script", allowHashBang: true, allowReturnOutsideFunction: true, onComment: comments })) {
    const isText = token.type === tokTypes.template || token.type === tokTypes.invalidTemplate;
    if (token.type === tokTypes.backQuote) {
      // A backquote after a template's text closes it; any other opens one, tagged by the name before it.
      if (last?.type === tokTypes.template || last?.type === tokTypes.invalidTemplate) tags.pop();
      else tags.push(last?.type === tokTypes.name ? last.value : last?.type === tokTypes.parenR || last?.type === tokTypes.bracketR ? "(an expression)" : undefined);
    }
    if (WIDE.test(source.slice(token.start, token.end))) {
      const tag = tags.at(-1);
      if (isText && tag !== undefined && !COOKED_TAGS.has(tag)) {
        throw new Error(`${file}: a character past U+00FF in a template tagged ${tag}: write it as \${"\\u…"} so the bundle stays Latin-1 (${JSON.stringify(source.slice(token.start, token.start + 60))})`);
      }
      if (!isText && token.type !== tokTypes.regexp && token.type !== tokTypes.string) {
        throw new Error(`${file}: a character past U+00FF outside a string, comment, template or regular expression (${JSON.stringify(source.slice(token.start, token.start + 60))})`);
      }
      ranges.push([token.start, token.end]);
    }
    last = token;
  }
  for (const comment of comments) if (WIDE.test(source.slice(comment.start, comment.end))) ranges.push([comment.start, comment.end]);
  ranges.sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    out += source.slice(at, start) + escape(source.slice(start, end));
    at = end;
  }
  out += source.slice(at);
  if (WIDE.test(out)) throw new Error(`${file}: still not Latin-1 after escaping`);
  return out;
}
