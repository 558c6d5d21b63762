import type { ReadFile } from "./read-file";
/** The quick reading of `text`, or `undefined` when it is not a plain file this reader takes. */
export declare function readQuickly(text: string): ReadFile | undefined;
