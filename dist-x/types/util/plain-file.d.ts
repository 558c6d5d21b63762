import { type IrregularKind } from "../messages/fs";
import { InputError } from "./errors";
export declare function readPlainFile(path: string): Promise<Buffer>;
export declare function readPlainText(path: string): Promise<string>;
/**
 * A project file the user wrote (a chapter, report.yaml, the assumptions file) that is not a plain
 * file: a FIFO, read as usual, waited for a writer for ever (the build hung with no message), and a
 * device (a link to /dev/zero) was read until the string outgrew memory. Exit 2, naming the path.
 * (A file named on the command line, `--assumptions <(…)` or a diff side, may be a pipe on purpose:
 * those readers keep their own rules.)
 */
export declare class NotARegularFileError extends InputError {
    readonly path: string;
    readonly kind: IrregularKind;
    constructor(path: string, kind: IrregularKind);
}
/** A project file past MAX_INPUT_FILE_MB: refused before it is read (exit 2, naming it). */
export declare class InputFileTooLargeError extends InputError {
    readonly path: string;
    constructor(path: string, bytes: number);
}
/** The text of a project file, read only when it is a plain file (else NotARegularFileError; a folder, EISDIR). */
export declare function readInputText(path: string): Promise<string>;
/** `readInputText`, synchronously (the check of a notebook, report.yaml read at start-up). */
export declare function readInputTextSync(path: string): string;
