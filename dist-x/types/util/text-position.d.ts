/**
 * Line and column (both from 1) of an offset in a text: the one home for turning offsets into the
 * positions errors name. A line ends at "\n" (a "\r" before it is the end of that line's text).
 */
export interface LineColumn {
    readonly line: number;
    readonly column: number;
}
/** The position of one offset. Scans the text before it: for many offsets into one text, `lineIndex`. */
export declare function lineColumn(text: string, offset: number): LineColumn;
/** Positions of many offsets into one text: the line starts are found once, each lookup is a binary search. */
export declare function lineIndex(text: string): (offset: number) => LineColumn;
/** The offset of a 1-based line and column in `text`, or -1 when the line is not that long. */
export declare function offsetOf(text: string, line: number, column: number): number;
