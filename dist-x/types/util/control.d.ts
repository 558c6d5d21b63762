/**
 * Control characters from data files (ESC, BEL and the rest of C0, DEL, C1), and the invisible
 * characters that reorder or break text (bidi overrides, embeddings, isolates and marks, the Arabic
 * letter mark U+061C among them; the line and paragraph separators), written as visible escapes
 * (`\x1b`, `\u202e`) wherever a reader sees text: on a terminal (util/terminal.ts), in the report's
 * HTML (util/html.ts) and charts (charts/render.ts), and in the PDF's metadata. On a terminal the
 * first could recolour, move the cursor or retitle the window; in a page they are invalid characters
 * that viewers drop or draw as boxes; a right-to-left override would show a label or title reversed.
 * Tab and line feed are text; so is carriage return in a page (`keepCarriageReturn`), where a
 * notebook's progress output uses it.
 */
export declare function visibleControls(text: string, options?: {
    readonly keepCarriageReturn?: boolean;
}): string;
/** Prose as its author wrote it: control characters and bidi overrides visible, direction marks kept (carriage returns too). */
export declare function visibleControlsInProse(text: string): string;
/**
 * A name from the file system or a data file put inside one line of a message (a file added to a
 * published version): its line breaks visible too, so it cannot start a line of its own (a forged "ok").
 */
export declare function visibleInOneLine(text: string): string;
/**
 * JSON text for a terminal or a pipe (`diff --json`, `run --out -`): those characters as `\uXXXX`
 * escapes, which a JSON parser reads back as the same strings. Printed, a right-to-left override in a
 * label reversed the rest of the line. They can only be inside strings, so any JSON stays valid.
 */
export declare function jsonWithVisibleControls(json: string): string;
