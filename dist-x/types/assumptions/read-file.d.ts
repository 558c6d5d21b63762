/**
 * What validation (load.ts, correlations.ts, totals.ts) sees of an assumptions file, whichever parser
 * read it (quick-read.ts, yaml-read.ts): the top-level keys and lists, each list item's plain value,
 * and where its parts are.
 */
import type { LineColumn } from "../util/text-position";
export type Path = readonly (string | number)[];
/** One item of a top-level list. */
export interface ListItem {
    /** As plain data (mappings are objects). */
    readonly value: unknown;
    /**
     * Where the part at `path` is: the deepest part of it that exists; with `pointAtKey`, the key of the
     * last one (an unknown field). `[]`: the item itself.
     */
    at(path: Path, pointAtKey?: boolean): LineColumn;
}
/** A top-level list: its items, where the value that is not a list is, or `undefined` when absent (or null). */
export type ListRead = readonly ListItem[] | {
    readonly notAList: LineColumn;
} | undefined;
/** Whether a top-level list was read as one (`Array.isArray` does not narrow a readonly array's union). */
export declare function isList(read: ListRead): read is readonly ListItem[];
export interface ReadFile {
    /** The top-level keys, each where it is; `undefined` when the root is not a mapping. */
    readonly keys: readonly {
        readonly name: string;
        readonly at: LineColumn;
    }[] | undefined;
    /** Where the root is (the file's start when it is empty). */
    readonly rootAt: LineColumn;
    list(key: string): ListRead;
}
