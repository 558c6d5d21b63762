/** Messages about YAML syntax, the same for every YAML input (util/yaml-syntax.ts). */
/** An opener with no closing character: said where it opens, with the two ways to mend it. */
export declare const yamlNotClosed: (open: string) => string;
/**
 * What to do about the parser's commonest complaints, which name YAML's grammar rather than the mistake
 * (keyed by the `yaml` package's error codes); undefined where its own words already say it.
 */
export declare const yamlAdvice: (code: string, message: string) => string | undefined;
/**
 * A list item written left of the items above it (`- b` under `  - a`): the parser called it "a block
 * sequence … used as an implicit map key" and the advice beside that spoke of ": " in a value.
 */
export declare const yamlItemOutdented: (column: number) => string;
/**
 * A block inside a `{ … }` or `[ … ]` that no missing comma explains (`{ a: b: c }`, a key on the next
 * line): the parser's "Block collections are not allowed within flow collections" named its grammar, and
 * the advice beside it suggested { low, high } in every file.
 */
export declare const yamlBlockInFlow: () => string;
/** `{ low: 0.06 high: 0.12 }`: the comma between two entries of an inline map left out (or written as ";"), said where it goes. */
export declare const yamlMissingComma: (value: string, key: string, semicolon: boolean, fixed: string | undefined) => string;
/** A file whose aliases expand past the limit (util/yaml-syntax.ts): said at its first alias, with what to do. */
export declare const yamlTooManyAliases: (alias: string, limit: number) => string;
/** Inline lists or mappings nested past the limit (`[[[[…]]]]`). */
export declare const yamlNestedTooDeep: (limit: number) => string;
/** A mapping key that is a list or a mapping (`? [a, b]`). */
export declare const yamlKeyNotAWord: () => string;
/** `*name` inside the value `&name` marks (`a: &a [*a]`). */
export declare const yamlAliasInsideItself: (name: string) => string;
/** `*name` with no `&name` before it in the file. */
export declare const yamlAliasWithoutAnchor: (name: string) => string;
/** A tag YAML's core schema cannot apply to its value (`!!float 10000`), or one it does not know (`!money`). */
export declare const yamlTagNotApplied: (tag: string, value: string) => string;
/** A `%YAML` directive for another version than 1.2 (util/yaml-syntax.ts `parseYamlDocument`). */
export declare const yamlVersionDirective: (version: string) => string;
/** A `---` that starts a second document in a file that holds one. */
export declare const yamlSecondDocument: () => string;
/**
 * An input file with nothing in it, or bytes no text has (a binary saved over it, another encoding):
 * said as such, not as the first key it lacks ("report.yaml needs \"title\"") or a shape it is not.
 * `what`: what the file holds ("the report's settings").
 */
export declare const yamlFileNotText: (file: string, how: "empty" | "binary", what: string) => string;
