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
    case "BAD_INDENT":
      return message.startsWith("All mapping items") ? "line up the keys of one mapping in the same column" : undefined;
    default:
      return undefined;
  }
};

/** A file whose aliases expand past the limit (util/yaml-syntax.ts): said at its first alias, with what to do. */
export const yamlTooManyAliases = (alias: string, limit: number): string =>
  `its aliases (the first is ${alias}) expand to more than ${limit.toLocaleString("en-US")} values, which is refused as a resource-exhaustion attack ("billion laughs"): write the repeated parts out, or repeat them fewer times`;

/** `*name` with no `&name` before it in the file. */
export const yamlAliasWithoutAnchor = (name: string): string =>
  `the alias *${name} names no anchor: mark the value it repeats with &${name}, above the alias`;
