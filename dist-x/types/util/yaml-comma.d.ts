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
/** The missing comma in the one-line `{ … }` that holds `offset` (where the parser gave up), or undefined. */
export declare function missingComma(text: string, offset: number): MissingComma | undefined;
