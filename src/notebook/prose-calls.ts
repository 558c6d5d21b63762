/**
 * The words a code cell writes as prose: the literal text of its `nb.md` and `nb.mdFragment` templates
 * (the parts between `${…}`, as written), in the order of the source. The stale-prose guard hashes
 * them with a section's markdown (report/sections.ts) to tell whether the words around a moved figure
 * were edited.
 *
 * Only the template's own text, not its interpolated expressions: what a `${…}` holds is code (a
 * figure, `nb.fmt(x, "usd")`, an id), and a literal there cannot be told from a format name or an id
 * by its syntax. Leaving those out errs towards "the words did not change", which `--reviewed`
 * acknowledges; counting them let a code edit (a chart colour, an unused string) switch the guard off.
 * An `nb.mdFragment` inside an interpolation is a prose call of its own, and counts.
 *
 * Read from the syntax tree, so a tag in a comment or a string is none and a regular expression holding
 * a backtick cannot shift what is read as a template. oxc's tree; TypeScript's for a cell oxc cannot
 * read (test/notebook/prose-calls.test.ts holds the two readings equal: a hash must not depend on
 * which parser a machine has).
 */
import type * as TS from "typescript";
import type { Expression } from "oxc-parser";
import { oxcParser, parseCell } from "./oxc";
import { typescript } from "./typescript-api";

/** The session methods whose template text is markdown a reader sees (api/session.ts). */
const PROSE_TAGS = new Set(["md", "mdFragment"]);

/** Whether a cell's source may hold a prose template at all: one without is read with no parser. */
export const mayHaveProseCall = (source: string): boolean => /md(?:Fragment)?\s*`/.test(source);

export function proseCallText(source: string): readonly string[] {
  // Read twice per cell in a build that renders (the sections' fingerprint, the typed-number check): once.
  const known = readings.get(source);
  if (known !== undefined) return known;
  const read = Object.freeze(proseCallTextWithOxc(source) ?? proseCallTextWithTypeScript(source));
  if (readings.size >= MAX_READINGS) readings.delete(readings.keys().next().value ?? "");
  readings.set(source, read);
  return read;
}

/** Each part of the cell's prose templates' text (`proseCallText`) with where the cell writes it: after a backtick or an interpolation's "}", not in a string of the same words. */
export function proseCallParts(source: string): { readonly raw: string; readonly start: number }[] {
  const parts: { raw: string; start: number }[] = [];
  let from = 0;
  for (const raw of proseCallText(source)) {
    const start = templatePart(source, raw, from);
    if (start < 0) continue;
    from = start + raw.length;
    parts.push({ raw, start });
  }
  return parts;
}

/**
 * One part of a template's text as markdown reads it (its \` a backtick, a code span; its \$ a dollar;
 * its \\ a backslash), with where each offset in that text is written in `raw`: a match in the text is
 * located at the characters that write it, not at an earlier copy of the same words.
 */
export function proseText(raw: string): { readonly text: string; readonly rawOffset: (offset: number) => number } {
  const offsets: number[] = [];
  let text = "";
  for (let at = 0; at < raw.length; at += 1) {
    offsets.push(at);
    if (raw[at] === "\\" && "`$\\".includes(raw[at + 1] ?? "x")) at += 1;
    text += raw[at];
  }
  return { text, rawOffset: (offset) => (offset < offsets.length ? (offsets[offset] ?? raw.length) : raw.length) };
}

/** Where `raw`, one part of a template's text, is written in `source` from `from`: after its backtick or its "}". */
function templatePart(source: string, raw: string, from: number): number {
  for (let at = source.indexOf(raw, from); at >= 0; at = source.indexOf(raw, at + 1)) {
    if (raw === "" || source[at - 1] === "`" || source[at - 1] === "}") return at;
  }
  return source.indexOf(raw, from);
}

/** The cells read in this process, by source; a report's cells are a few hundred, a long dev session's edits more. */
const readings = new Map<string, readonly string[]>();
const MAX_READINGS = 2000;

/** oxc's reading; undefined when it cannot load or the cell has a syntax error. */
export function proseCallTextWithOxc(source: string): string[] | undefined {
  const program = parseCell(source);
  const parser = oxcParser();
  if (program === undefined || parser === null) return undefined;
  const out: string[] = [];
  // Pre-order, each template's parts at once: TypeScript's reading below visits in the same order.
  new parser.Visitor({
    TaggedTemplateExpression: (node) => {
      if (isProseTagOxc(node.tag)) out.push(...node.quasi.quasis.map((quasi) => quasi.value.raw));
    },
  }).visit(program);
  return out;
}

/** `nb.md`, `md` (destructured), `(nb.md)`, `nb.md!` (a tagged template cannot be an optional chain). */
function isProseTagOxc(tag: Expression): boolean {
  if (tag.type === "ParenthesizedExpression" || tag.type === "TSNonNullExpression") return isProseTagOxc(tag.expression);
  if (tag.type === "Identifier") return PROSE_TAGS.has(tag.name);
  return tag.type === "MemberExpression" && !tag.computed && tag.property.type === "Identifier" && PROSE_TAGS.has(tag.property.name);
}

/** TypeScript's reading (it recovers from syntax errors). */
export function proseCallTextWithTypeScript(source: string): string[] {
  const ts = typescript();
  const file = ts.createSourceFile("cell.ts", source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: string[] = [];
  // The text between the delimiters as written (oxc's `raw`): TypeScript keeps it as rawText when it parses a file.
  const raw = (node: TS.TemplateLiteralLikeNode): string => node.rawText ?? node.text;
  const visit = (node: TS.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && isProseTag(ts, node.tag)) {
      const template = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(template)) out.push(raw(template));
      else out.push(raw(template.head), ...template.templateSpans.map((span) => raw(span.literal)));
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

function isProseTag(ts: typeof TS, tag: TS.Expression): boolean {
  if (ts.isParenthesizedExpression(tag) || ts.isNonNullExpression(tag)) return isProseTag(ts, tag.expression);
  if (ts.isIdentifier(tag)) return PROSE_TAGS.has(tag.text);
  return ts.isPropertyAccessExpression(tag) && ts.isIdentifier(tag.name) && PROSE_TAGS.has(tag.name.text);
}
