/**
 * Where a cell writes a text as a string literal: an error about an assumption id is located at the id
 * the cell wrote, not at the call that failed, and an id declared twice at each literal that gives it.
 * And where it writes a template's values: an error about one (`nb.md`'s value #2 is undefined) is
 * located at its `${…}`, not at the tag.
 */
import { oxcParser, parseCell } from "./oxc";
import { lineIndex, offsetOf } from "../util/text-position";

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Where the cell writes `text` as a string literal ("…", '…' or `…` without substitutions): the first
 * such place at or after `from` (the call that failed), else the last one before it; undefined when
 * the cell never writes it (the id was computed), and the error stays at the call. 1-based, UTF-16.
 * Read from the syntax tree where oxc can (a literal written with escapes, `essay_\u0063ount`, is the
 * same text, and one in a comment is none), as `fragtax check` places the same id; else by the text.
 */
export function stringLiteralAt(source: string, text: string, from: Position | undefined): Position | undefined {
  const places = stringLiterals(source, text);
  if (from === undefined) return places[0];
  const after = places.find((p) => p.line > from.line || (p.line === from.line && p.column >= from.column));
  return after ?? places.at(-1);
}

/** Every place `stringLiteralAt` chooses from, in the order of the source. */
export function stringLiterals(source: string, text: string): Position[] {
  return (literalsInTree(source, text) ?? literalsInText(source, text)).sort((a, b) => a.line - b.line || a.column - b.column);
}

/** The opening quote of each string literal (or template without substitutions) whose value is `text`. */
function literalsInTree(source: string, text: string): Position[] | undefined {
  const program = parseCell(source);
  const parser = oxcParser();
  if (program === undefined || parser === null) return undefined;
  const places: Position[] = [];
  const where = lineIndex(source);
  new parser.Visitor({
    Literal: (node) => void (node.value === text && places.push(where(node.start))),
    TemplateLiteral: (node) => void (node.expressions.length === 0 && node.quasis[0]?.value.cooked === text && places.push(where(node.start))),
  }).visit(program);
  return places;
}

function literalsInText(source: string, text: string): Position[] {
  const places: Position[] = [];
  source.split("\n").forEach((line, index) => {
    for (const quote of ['"', "'", "`"]) {
      const literal = `${quote}${text}${quote}`;
      for (let at = line.indexOf(literal); at >= 0; at = line.indexOf(literal, at + 1)) places.push({ line: index + 1, column: at + 1 });
    }
  });
  return places;
}

/**
 * Where the value `index` (0-based) of the tagged template at `call` starts: the innermost tagged
 * template whose text holds `call` (the place a stack gives for `nb.md\`…\``, its tag), its
 * index-th `${…}`. Undefined when oxc cannot read the cell or no such value is there.
 */
export function placeholderAt(source: string, index: number, call: Position): Position | undefined {
  const program = parseCell(source);
  const parser = oxcParser();
  if (program === undefined || parser === null) return undefined;
  const where = lineIndex(source);
  const offset = offsetOf(source, call.line, call.column);
  if (offset < 0) return undefined;
  // The innermost: the one that starts last among those that hold `call`.
  let found: { start: number; value: number | undefined } | undefined;
  new parser.Visitor({
    TaggedTemplateExpression: (node) => {
      if (node.start > offset || offset >= node.end) return;
      if (found === undefined || node.start >= found.start) found = { start: node.start, value: node.quasi.expressions[index]?.start };
    },
  }).visit(program);
  return found?.value === undefined ? undefined : where(found.value);
}
