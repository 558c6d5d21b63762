/** Messages about files and folders the user's environment gets in the way of (util/fs-errors.ts). */
/** What a file-system error code means for the user, and what to do. */
export declare const fileSystemAdvice: (code: string) => string;
/** Why a file could not be read, in words: Node's "ENOENT: no such file or directory, open '…'" as what to do, with its code. */
export declare const readFailure: (error: unknown) => string;
/** `path` as it is to be shown: util/fs-errors.ts `fileSystemProblemText` makes its line breaks visible. */
export declare const fileSystemProblem: (what: string, path: string, code: string) => string;
/** out/build (or what `what` names) is a symbolic link: replaced whole by renaming, it must be a folder of its own. */
export declare const buildFolderIsLink: (what: string, path: string, target: string) => string;
export declare const lockNotAFile: (path: string) => string;
export declare const lockTimedOut: (path: string, owner: number | undefined) => string;
export declare const packageNotInstalled: (name: string) => string;
/** The tool's own files are not where its code is (a broken install or a partial copy of the tool). */
export declare const toolNotFound: (from: string) => string;
/**
 * A command-line argument holding a line break or another control character: every message that names
 * it would show it on a line of its own (a forged "fragtax: …" line) or let it steer the terminal.
 */
export declare const argumentHoldsControl: (shown: string) => string;
/** `publish --note` may hold line breaks and tabs (it is prose), not other control characters. */
export declare const noteHoldsControl: (shown: string) => string;
/** What a project file was found to be instead of a file (util/plain-file.ts). */
export type IrregularKind = "named pipe (FIFO)" | "device" | "socket";
/** A project file (a chapter, report.yaml, assumptions.yaml) that is a pipe, a device or a socket: reading it would wait, or never end. */
export declare const notARegularFile: (path: string, kind: IrregularKind) => string;
/** A project file larger than any fragtax reads as text (util/limits.ts MAX_INPUT_FILE_MB). */
export declare const inputFileTooLarge: (path: string, megabytes: number, limit: number) => string;
/** Why a named pipe, socket or device is refused, after the name of what it is (a path, or "the assumptions file"). */
export declare const irregularFile: (kind: IrregularKind) => string;
/** Why a lock's owner holds it no more: gone, or its pid another program's now (the lock records when its owner started). */
export declare const lockOwnerGone: (reused: boolean) => string;
