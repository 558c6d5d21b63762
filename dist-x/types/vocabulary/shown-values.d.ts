/**
 * A value the notebook API has already displayed (what `nb.figure` and `nb.claim` return): its
 * display is in the cell's outputs, so a cell ending in `nb.figure({ … })` shows, as its trailing value,
 * one line (`figure cost: $5M`, in tslab, Deno's kernel and fragtax alike) rather than the record as
 * an object literal, and the report leaves that line out (it is the figure said twice). The API marks
 * the value, the engine reads the mark: it lives here, below both.
 */
export declare const SHOWN: unique symbol;
/** The execute_result metadata the engine writes for such a value (nbformat keeps it; the report reads it). */
export declare const SHOWN_METADATA = "fragtax-shown";
export declare function isShown(value: unknown): boolean;
