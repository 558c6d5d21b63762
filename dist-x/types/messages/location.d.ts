/**
 * The one way a message says where something is. A place in a file is `file:line:column` (what
 * editors and terminals turn into a link). A place in a notebook cell adds the cell, which a
 * `file:line` cannot express: `notebook: cell 3, line 4, column 9` (line and column within the cell,
 * as JupyterLab numbers them); without a file (a frame inside one notebook's error) it is
 * `cell 3, line 4, column 9`; a whole cell is `notebook: cell 3`.
 */
export interface Location {
    readonly file?: string;
    readonly line: number;
    readonly column: number;
    /** 1-based cell number when the line and column are within a notebook cell. */
    readonly cell?: number;
}
/** A whole notebook cell (a chart, a record): `notebook: cell 3`. */
export interface CellLocation {
    readonly file: string;
    readonly cell: number | string;
}
export declare const at: (where: Location | CellLocation) => string;
/** The place in a cell at the start of a located message line (`file: cell 6, line 10, column 17: …`): `at`'s shape read back. */
export declare const cellPlaceOf: (line: string) => {
    readonly cell: number;
    readonly line: number;
    readonly column: number;
} | undefined;
/** `where: text`, the shape of every located message. */
export declare const located: (where: Location | CellLocation, text: string) => string;
