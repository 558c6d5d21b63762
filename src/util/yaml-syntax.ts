/**
 * A YAML syntax error as the project's input files report it: where to act and what went wrong. The
 * `yaml` package finds an unclosed `{`, `[` or quote where it gives up (the next key, or the end of
 * the file), which is lines away from the mistake: the opener that is never closed is the place to
 * fix, found in the parser's token tree. Every YAML input (report.yaml, the assumptions file, the
 * errata file, a what-if overrides file) reads its syntax errors here.
 */
import { CST, isCollection, isNode, parseDocument, Parser, visit, YAMLParseError, type Document, type DocumentOptions, type ParseOptions, type SchemaOptions, type YAMLError } from "yaml";
import { yamlAdvice, yamlItemOutdented, yamlMissingColon, yamlAliasInsideItself, yamlBlockInFlow, yamlKeyNotAWord, yamlMissingComma, yamlNestedTooDeep, yamlAliasWithoutAnchor, yamlNotClosed, yamlSecondDocument, yamlTagNotApplied, yamlTooManyAliases, yamlVersionDirective } from "../messages/yaml";
import { lineColumn, type LineColumn } from "./text-position";
import { missingComma } from "./yaml-comma";

/**
 * How deep lists and mappings written inline (`[[[…]]]`, `{a: {b: …}}`) may nest in a YAML input. The
 * parser and every reader after it recurse per level: 1,500 levels came back as "Maximum call stack
 * size exceeded", 20,000 ended the process in the parser's own error formatting (V8 out of memory).
 * These files need a handful of levels; the limit leaves room.
 */
export const MAX_YAML_DEPTH = 100;

/**
 * Whether a YAML input's text is no text to parse: nothing but white space (an empty document, which
 * each file then found lacking its first key), or bytes of a binary file (NUL, or a share of the
 * replacement characters invalid UTF-8 decodes to).
 */
export function notYamlText(text: string): "empty" | "binary" | undefined {
  if (text.trim() === "") return "empty";
  if (text.includes("\0")) return "binary";
  // Most files hold no replacement character: the walk below took ~3 ms of a 32 KB file.
  if (!text.includes("\uFFFD")) return undefined;
  let replaced = 0;
  for (const char of text) if (char === "\uFFFD") replaced += 1;
  return replaced > 0 && replaced * 100 >= text.length ? "binary" : undefined;
}

/**
 * `parseDocument`, for every YAML input of the project, after a linear scan for inline nesting past
 * MAX_YAML_DEPTH: such a text gets an empty document whose one error, located at the opener that went
 * too deep, its caller reports as it reports a syntax error (yamlSyntaxProblem).
 */
export function parseYamlDocument(text: string, options?: ParseOptions & DocumentOptions & SchemaOptions): Document.Parsed {
  const tooDeep = inlineDepthPast(text, MAX_YAML_DEPTH);
  if (tooDeep === undefined) {
    const document = parseDocument(text, options);
    // `%YAML 1.1` switches the parser to 1.1's numbers (010 reads 8, 3:00 reads 180), silently, in
    // one file and not another (the quick reader of assumptions ignores it): every input is YAML 1.2.
    const { version, explicit } = document.directives?.yaml ?? {};
    const directive = /^%YAML\b/m.exec(text)?.index ?? 0;
    if (explicit === true && version !== "1.2") document.errors.unshift(new YAMLParseError([directive, directive + 5], "BAD_DIRECTIVE", yamlVersionDirective(version ?? "?")));
    return document;
  }
  const document = parseDocument("", options);
  document.errors.push(new YAMLParseError([tooDeep, tooDeep + 1], "RESOURCE_EXHAUSTION", yamlNestedTooDeep(MAX_YAML_DEPTH)));
  return document;
}

/** The offset of the first `[` or `{` at nesting depth `limit` + 1 outside quotes and comments, or undefined. */
function inlineDepthPast(text: string, limit: number): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (quote !== undefined) {
      if (char === "\\" && quote === '"') at++;
      else if (char === quote) quote = undefined;
    } else if (char === "#" && (at === 0 || /\s/.test(text[at - 1] ?? ""))) {
      const end = text.indexOf("\n", at);
      if (end < 0) return undefined;
      at = end;
    } else if ((char === '"' || char === "'") && (at === 0 || /[\s[{,:?-]/.test(text[at - 1] ?? ""))) quote = char; // a quote opens a scalar only where one starts (not "analyst's")
    else if (char === "[" || char === "{") {
      if (++depth > limit) return at;
    } else if ((char === "]" || char === "}") && depth > 0) depth--;
  }
  return undefined;
}

export interface YamlSyntaxProblem extends LineColumn {
  /** The problem in words, on one line (without the parser's own "at line …" suffix). */
  readonly detail: string;
}

/** The parser's complaints about a `{ … }` whose entries lack a comma, each said of another shape of it (util/yaml-comma.ts). */
const COMMA_CODES = new Set(["BLOCK_IN_FLOW", "UNEXPECTED_TOKEN", "BLOCK_AS_IMPLICIT_KEY", "MISSING_CHAR"]);

export function yamlSyntaxProblem(text: string, error: YAMLError): YamlSyntaxProblem {
  // The parser's own words for a second document name its API ("please use YAML.parseAllDocuments()"),
  // and for a block inside a { … } that no missing comma explains, its grammar ("Block collections are not
  // allowed within flow collections").
  const said =
    error.code === "MULTIPLE_DOCS" ? yamlSecondDocument() : error.code === "BLOCK_IN_FLOW" ? yamlBlockInFlow() : (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
  const advice = yamlAdvice(error.code, said);
  const detail = advice === undefined ? said : `${said} (${advice})`;
  // Not for a text nested too deep: the search for an unclosed opener recurses per level too.
  const opener = error.code === "RESOURCE_EXHAUSTION" ? undefined : unclosedOpener(text, error.pos[0]);
  if (opener !== undefined) return { ...lineColumn(text, opener.offset), detail: yamlNotClosed(opener.open) };
  const comma = COMMA_CODES.has(error.code) ? missingComma(text, error.pos[0]) : undefined;
  if (comma !== undefined) return { ...lineColumn(text, comma.offset), detail: yamlMissingComma(comma.value, comma.key, comma.semicolon, comma.fixed) };
  const colon = error.code === "MULTILINE_IMPLICIT_KEY" || (error.code === "MISSING_CHAR" && said.startsWith("Implicit map keys")) ? missingColon(text, error.pos[0]) : undefined;
  if (colon !== undefined) return { ...lineColumn(text, colon.offset), detail: yamlMissingColon(colon.key, colon.value, colon.continues) };
  const outdented = error.code === "BLOCK_AS_IMPLICIT_KEY" ? outdentedItem(text, error.pos[0]) : undefined;
  if (outdented !== undefined) return { ...lineColumn(text, outdented.offset), detail: yamlItemOutdented(outdented.column) };
  // The parser places an indentation error at the line's start: the key to move starts after its spaces.
  const lineStart = text.lastIndexOf("\n", error.pos[0] - 1) + 1;
  const indent = error.pos[0] === lineStart ? (/^ +(?=\S)/.exec(text.slice(lineStart))?.[0].length ?? 0) : 0;
  return { ...lineColumn(text, error.pos[0] + indent), detail };
}

/**
 * The line at `offset` when it reads as a key and its value with the colon left out (`paper A4`,
 * `    kind essay`): one word, a space, a value, no ":" and no quote or comment in it. A line that may
 * instead continue the plain value above it (`subtitle: a long subtitle` then `that wraps here`) names
 * that key too (`continues`): to be indented under it, or given its colon.
 */
function missingColon(text: string, offset: number): { offset: number; key: string; value: string; continues?: string } | undefined {
  const start = text.lastIndexOf("\n", offset - 1) + 1;
  const above = text.slice(0, Math.max(0, start - 1)).split("\n").reverse().find((line) => !/^\s*(?:#.*)?$/.test(line));
  const continues = above === undefined ? undefined : /^\s*(?:- )?([\w-]+):[ \t]+[^\s|>&*!"'#[{]/.exec(above)?.[1];
  const end = text.indexOf("\n", start);
  const line = /^( *)(?:- )?([A-Za-z_][\w-]*) +([^:#"'\s][^:#"']*?)\s*$/.exec(text.slice(start, end === -1 ? undefined : end));
  if (line === null) return undefined;
  const [, indent = "", key = "", value = ""] = line;
  return { offset: start + indent.length + (line[0].trimStart().startsWith("- ") ? 2 : 0), key, value, ...(continues !== undefined && { continues }) };
}

/**
 * A "- " item on the line at `offset` (or the first line after it that is not blank or a comment) that
 * starts left of the nearest "- " item above it (blank and comment lines skipped): where it starts, and
 * the column the items above start at. Undefined for any other line.
 */
function outdentedItem(text: string, offset: number): { offset: number; column: number } | undefined {
  // The parser may point at a blank or comment line before the item: the item is the next line that says something.
  let start = text.lastIndexOf("\n", offset - 1) + 1;
  const lineAt = (from: number): string => text.slice(from, text.indexOf("\n", from) === -1 ? undefined : text.indexOf("\n", from));
  while (/^\s*(?:#.*)?$/.test(lineAt(start)) && text.indexOf("\n", start) !== -1) start = text.indexOf("\n", start) + 1;
  const item = /^( *)- /.exec(lineAt(start));
  if (item === null) return undefined;
  const indent = item[1]?.length ?? 0;
  const above = text.slice(0, Math.max(0, start - 1)).split("\n").reverse();
  for (const line of above) {
    if (/^\s*(?:#.*)?$/.test(line)) continue;
    const previous = /^( *)- /.exec(line);
    if (previous !== null) return (previous[1]?.length ?? 0) > indent ? { offset: start + indent, column: (previous[1]?.length ?? 0) + 1 } : undefined;
  }
  return undefined;
}

/**
 * How far a file's aliases may expand, in values. `yaml`'s own default (100) counts each use of an
 * alias times the size of what it names, so a plain file that shares one source among 101 entries was
 * refused with the parser's raw "Excessive alias count" (exit 1, no file). Ten thousand lets any such
 * file through and still stops a "billion laughs", whose expansion multiplies with each level.
 */
export const MAX_ALIAS_VALUES = 10_000;

/**
 * The document's plain value, every alias resolved; or, when its aliases expand past the limit, the
 * problem, located at the first alias (the parser does not say which one crossed it); or, for an
 * alias whose anchor is not set before it, that alias.
 */
export function plainYaml(document: Document, text: string): { readonly value: unknown } | { readonly problem: YamlSyntaxProblem } {
  // A tag the schema cannot apply (`!!float 10000`: YAML 1.2's float needs a point or an exponent;
  // `!money 5`) leaves the value a string, which the file's own check then called "a string".
  const tagFailed = document.warnings.find((warning) => warning.code === "TAG_RESOLVE_FAILED");
  if (tagFailed !== undefined) {
    const [start = 0, end = start] = tagFailed.pos;
    const written = text.slice(start, end);
    const value = /^\S+[ \t]+([^\n#]*)/.exec(text.slice(start, text.indexOf("\n", start) < 0 ? undefined : text.indexOf("\n", start)))?.[1]?.trim() ?? "";
    return { problem: { ...lineColumn(text, start), detail: yamlTagNotApplied(written, value) } };
  }
  // An alias inside the value its anchor marks (`a: &a [*a]`) makes a value that contains itself:
  // `yaml` builds it, and every check after it fails on something else ("missing", "circular").
  // A key that is a list or a mapping (`? [a, b]`) would be made a string, with a warning of Node's own
  // on stderr, and reported at the mapping, not the key.
  let found: { offset: number; detail: string } | undefined;
  visit(document, {
    Alias(_key, node, path) {
      if (!path.some((ancestor) => isNode(ancestor) && ancestor.anchor === node.source)) return undefined;
      found = { offset: node.range?.[0] ?? 0, detail: yamlAliasInsideItself(node.source) };
      return visit.BREAK;
    },
    Pair(_key, pair) {
      if (!isCollection(pair.key)) return undefined;
      found = { offset: pair.key.range?.[0] ?? 0, detail: yamlKeyNotAWord() };
      return visit.BREAK;
    },
  });
  if (found !== undefined) return { problem: { ...lineColumn(text, found.offset), detail: found.detail } };
  try {
    return { value: document.toJS({ maxAliasCount: MAX_ALIAS_VALUES }) };
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    // An alias with no anchor before it (`*price` with no `&price` above), or too many of them.
    const unresolved = /^Unresolved alias[^:]*: (.*)$/.exec(error.message)?.[1];
    if (unresolved === undefined && !/excessive alias/i.test(error.message)) throw error;
    let first: { offset: number; source: string } | undefined;
    visit(document, {
      Alias(_key, node) {
        if (unresolved !== undefined && node.source !== unresolved) return undefined;
        first = { offset: node.range?.[0] ?? 0, source: `*${node.source}` };
        return visit.BREAK;
      },
    });
    const detail = unresolved !== undefined ? yamlAliasWithoutAnchor(unresolved) : yamlTooManyAliases(first?.source ?? "*", MAX_ALIAS_VALUES);
    return { problem: { ...lineColumn(text, first?.offset ?? 0), detail } };
  }
}

/** The last `{`, `[` or quoted scalar before `limit` that has no closing character: the innermost, for nested ones. */
function unclosedOpener(text: string, limit: number): { offset: number; open: string } | undefined {
  const found: { offset: number; open: string }[] = [];
  const visit = (token: CST.Token | undefined): void => {
    if (token === undefined) return;
    switch (token.type) {
      case "document":
        visit(token.value);
        return;
      case "block-map":
      case "block-seq":
        token.items.forEach(visitItem);
        return;
      case "flow-collection": {
        const close = token.start.source === "{" ? "}" : "]";
        if (!token.end.some((end) => end.source === close)) found.push({ offset: token.start.offset, open: token.start.source });
        token.items.forEach(visitItem);
        return;
      }
      case "double-quoted-scalar":
      case "single-quoted-scalar": {
        const quote = token.type === "double-quoted-scalar" ? '"' : "'";
        if (token.source.length < 2 || !token.source.endsWith(quote)) found.push({ offset: token.offset, open: quote });
        return;
      }
      default:
        return;
    }
  };
  const visitItem = (item: CST.CollectionItem): void => {
    visit(item.key ?? undefined);
    visit(item.value);
  };
  for (const token of new Parser().parse(text)) visit(token);
  return found.filter((opener) => opener.offset <= limit).at(-1);
}
