/** Messages about YAML syntax, the same for every YAML input (util/yaml-syntax.ts). */

/** An opener with no closing character: said where it opens, with the two ways to mend it. */
export const yamlNotClosed = (open: string): string =>
  open === "{" || open === "["
    ? `this "${open}" is never closed: add the "${open === "{" ? "}" : "]"}" that ends the ${open === "{" ? "map" : "list"}, before the next key (or write it as an indented block)`
    : `this ${open} opens a text that is never closed: add the closing ${open} where the text ends (or write it without quotes)`;

/**
 * What to do about the parser's commonest complaints, which name YAML's grammar rather than the mistake
 * (keyed by the `yaml` package's error codes); undefined where its own words already say it.
 */
export const yamlAdvice = (code: string, message: string): string | undefined => {
  switch (code) {
    case "BLOCK_AS_IMPLICIT_KEY":
      return 'a value holds ": ", or a line is indented under a key that already has its value: quote the value, or indent the line as the key above it';
    case "MULTILINE_IMPLICIT_KEY":
      return "a key runs over two lines: end the line before it, or indent it as the keys beside it";
    case "TAB_AS_INDENT":
      return "indent with spaces";
    case "DUPLICATE_KEY":
      return "the same key twice in one mapping: keep one";
    case "BAD_SCALAR_START":
      return "quote the value";
    case "MISSING_CHAR":
      // A key indented one space less than the keys of its list item (`   unit:` under `    label:`).
      return message.startsWith("Sequence item without - indicator")
        ? 'this line is indented as an item of the list above, not as a key of that item: line it up with the keys above it, or start a new item with "- "'
        : undefined;
    case "BAD_INDENT":
      return message.startsWith("All mapping items") ? "line up the keys of one mapping in the same column" : undefined;
    default:
      return undefined;
  }
};

/**
 * A list item written left of the items above it (`- b` under `  - a`): the parser called it "a block
 * sequence … used as an implicit map key" and the advice beside that spoke of ": " in a value.
 */
export const yamlItemOutdented = (column: number): string =>
  `this "- " item starts left of the items above it (column ${column}), so it belongs to none of their lists: start every item of one list at the same column`;

/**
 * A block inside a `{ … }` or `[ … ]` that no missing comma explains (`{ a: b: c }`, a key on the next
 * line): the parser's "Block collections are not allowed within flow collections" named its grammar, and
 * the advice beside it suggested { low, high } in every file.
 */
export const yamlBlockInFlow = (): string =>
  'a "{ … }" or "[ … ]" holds a value with ": " in it, or a line break between a key and its value: separate its entries with commas, quote a value that holds ": ", or write the mapping as indented lines';

/** `paper A4`: a key without its colon, the commonest slip, which the parser reads as a key running over two lines. */
export const yamlMissingColon = (key: string, value: string, continues?: string): string =>
  continues === undefined
    ? `"${key} ${value}" has no ":" after its key: write "${key}: ${value}"`
    : `"${key} ${value}" has no ":" after its key, or it continues the value of "${continues}" above: write "${key}: ${value}", or indent the line under "${continues}"`;

/** A value as written, in double quotes unless it is quoted already. */
const quoted = (value: string): string => (/^(".*"|'.*')$/.test(value) ? value : `"${value}"`);

/** `{ low: 0.06 high: 0.12 }`: the comma between two entries of an inline map left out (or written as ";"), said where it goes. */
export const yamlMissingComma = (value: string, key: string, semicolon: boolean, fixed: string | undefined): string =>
  `${semicolon ? `a ";" separates ${quoted(value)} from "${key}:"` : `a comma is missing between ${quoted(value)} and "${key}:"`}: ` +
  `the entries inside "{ … }" are separated by commas${fixed === undefined ? "" : `; write ${fixed}`}`;

/** A file whose aliases expand past the limit (util/yaml-syntax.ts): said at its first alias, with what to do. */
export const yamlTooManyAliases = (alias: string, limit: number): string =>
  `its aliases (the first is ${alias}) expand to more than ${limit.toLocaleString("en-US")} values, which is refused as a resource-exhaustion attack ("billion laughs"): write the repeated parts out, or repeat them fewer times`;

/** Inline lists or mappings nested past the limit (`[[[[…]]]]`). */
export const yamlNestedTooDeep = (limit: number): string =>
  `lists or mappings are nested here more than ${limit} levels deep inside each other; these files need a few levels: write the value flatter`;

/** A mapping key that is a list or a mapping (`? [a, b]`). */
export const yamlKeyNotAWord = (): string => "this key is a list or a mapping; a key here is a plain name (write it as a word before the colon)";

/** `*name` inside the value `&name` marks (`a: &a [*a]`). */
export const yamlAliasInsideItself = (name: string): string =>
  `the alias *${name} is inside the value &${name} marks, so that value would contain itself: repeat a value only after it ends`;

/** `*name` with no `&name` before it in the file. */
export const yamlAliasWithoutAnchor = (name: string): string =>
  `the alias *${name} names no anchor: mark the value it repeats with &${name}, above the alias`;

/** A tag YAML's core schema cannot apply to its value (`!!float 10000`), or one it does not know (`!money`). */
export const yamlTagNotApplied = (tag: string, value: string): string => {
  const instead = `write the value without the tag${value === "" ? "" : `, as ${value}`}`;
  if (!tag.startsWith("!!")) return `the tag ${tag} is not one of YAML's core schema, which these files are read with: ${instead}`;
  const why = tag === "!!float" ? ": YAML's core schema reads a !!float only with a decimal point or an exponent" : " under YAML's core schema";
  return `the tag ${tag} cannot be applied${value === "" ? "" : ` to ${value}`}${why}; ${instead}`;
};

/** A `%YAML` directive for another version than 1.2 (util/yaml-syntax.ts `parseYamlDocument`). */
export const yamlVersionDirective = (version: string): string =>
  `a "%YAML ${version}" directive: every YAML input is read as YAML 1.2 (its core schema), and under ${version} the same numbers would read differently (010 as 8, 3:00 as 180); remove the line`;

/** A `---` that starts a second document in a file that holds one. */
export const yamlSecondDocument = (): string => 'a "---" line here starts a second document, and the file holds one: remove the line (move what follows it into the first document, or out of the file)';

/**
 * An input file with nothing in it, or bytes no text has (a binary saved over it, another encoding):
 * said as such, not as the first key it lacks ("report.yaml needs \"title\"") or a shape it is not.
 * `what`: what the file holds ("the report's settings").
 */
export const yamlFileNotText = (file: string, how: "empty" | "binary", what: string): string =>
  how === "empty"
    ? `the file is empty, where ${what} go; restore it from git (\`git checkout -- ${file}\`), or write them`
    : `the file is not text (it holds bytes no text file has: binary data, or an encoding other than UTF-8), where ${what} go; restore it from git (\`git checkout -- ${file}\`), or save it as UTF-8 text`;
