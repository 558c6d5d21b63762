export declare function sha256(data: string | Uint8Array): string;
/** sha256 of data given in parts (typed arrays as their bytes): the same as of the parts joined. */
export declare function sha256Stream(): {
    update(part: string | NodeJS.ArrayBufferView): void;
    hex(): string;
};
/**
 * sha256 of a regular file's content, read in chunks (so any size, and little memory); undefined when
 * there is none there, or it is something else (a folder, a FIFO: opened non-blocking, so a FIFO
 * swapped in never blocks), or cannot be read.
 */
export declare function sha256OfFile(path: string): string | undefined;
/**
 * sha256 of a folder's listing: each entry's path (relative to the folder; with `tree`, every entry
 * below it) and kind, and where each symlink points, sorted. Contents are not read: a cell that lists a
 * folder depends on which files are there, and on those it then reads, which are tracked as files.
 * A tree is walked into symlinked folders too (a recursive `readdir` by name follows them), each real
 * folder once (known by device and inode, so a loop of links costs one visit and a deep tree no more
 * than its folders); a folder that cannot be listed below the top counts as such. Each entry is one
 * JSON line, so no name can pass for two. Undefined when there is no folder there, or it cannot be listed.
 */
export declare function sha256OfListing(path: string, tree: boolean): string | undefined;
/** What `contentStamp` gives for a folder: no sha256 is ever this. */
export declare const FOLDER_STAMP = "folder";
/**
 * What a path holds, as a rebuild compares it: the sha256 of a regular file, FOLDER_STAMP for a folder,
 * "" for nothing (or something else). A cell that checks a path (`existsSync`, `stat`) depends on it
 * this way: a folder that appears there is a change.
 */
export declare function contentStamp(path: string): string;
/**
 * An environment variable's value as a rebuild compares it: its sha256, "" when it is not set. Only the
 * hash is kept (in out/.cache), since a variable a cell reads may hold a token.
 */
export declare function envStamp(value: string | undefined): string;
/** The same hash in base64, as a Content-Security-Policy `'sha256-…'` source names a script. */
export declare function sha256Base64(data: string | Uint8Array): string;
/** The same hash as bytes (e.g. to seed a generator from a text). */
export declare function sha256Bytes(data: string | Uint8Array): Buffer;
/** Recursively sorts object keys; drops `undefined` fields (as JSON would) so they never alter a hash. */
export declare function sortKeys(value: unknown): unknown;
/** Compact canonical JSON, for hashing. */
export declare function canonicalJson(value: unknown): string;
/**
 * Stable, pretty JSON (sorted keys, two spaces, trailing newline), for files people and git read: what
 * a terminal would act on (C1 controls, bidi overrides) written as `\uXXXX` escapes, as in the build's
 * own JSON files (report/records.ts `pretty`), so `cat manifest.json` shows a hostile label as text.
 */
export declare function stableJson(value: unknown): string;
