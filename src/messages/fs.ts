/** Messages about files and folders the user's environment gets in the way of (util/fs-errors.ts). */

const ADVICE: Readonly<Record<string, string>> = {
  EEXIST: "a file is in the way where a folder must be: remove or rename that file",
  ENOTDIR: "a file is in the way where a folder must be: remove or rename that file",
  EISDIR: "it is a folder, but a file is needed there: remove or rename that folder, or give the path of a file",
  EACCES: "permission denied: make it writable (or readable) for this user, or work in a copy you own",
  EPERM: "the operation is not permitted: make it writable for this user (an immutable or append-only flag, `lsattr` shows, is removed with `chattr -i -a`), or work in a copy you own",
  EROFS: "the file system is read-only: work in a writable copy of the project",
  ENOSPC: "the disk is full: free some space and run again",
  EDQUOT: "the disk quota is exhausted: free some space and run again",
  ENOENT: "it does not exist: check the path",
  EXDEV: "it is on another file system than the folder around it (a mount point): out/build is replaced whole by renaming, so mount out/ instead of out/build",
  EBUSY: "it is in use or a mount point: out/build is replaced whole by renaming, so mount out/ instead of out/build, and close what holds it",
};

/** What a file-system error code means for the user, and what to do. */
export const fileSystemAdvice = (code: string): string => ADVICE[code] ?? "check the path and its permissions";

/** Why a file could not be read, in words: Node's "ENOENT: no such file or directory, open '…'" as what to do, with its code. */
export const readFailure = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code === "string" && code in ADVICE) return `${ADVICE[code] ?? ""} (${code})`;
  return error instanceof Error ? error.message : String(error);
};

/** `path` as it is to be shown: util/fs-errors.ts `fileSystemProblemText` makes its line breaks visible. */
export const fileSystemProblem = (what: string, path: string, code: string): string => `${what}: cannot use ${path} (${code}): ${fileSystemAdvice(code)}`;

/** out/build (or what `what` names) is a symbolic link: replaced whole by renaming, it must be a folder of its own. */
export const buildFolderIsLink = (what: string, path: string, target: string): string =>
  `${what}: cannot use ${path}: it is a symbolic link (to ${target}); out/build is replaced whole by renaming and the folders in it are kept, so it must be a folder of its own: remove the link (link or mount out/ instead)`;

export const lockNotAFile = (path: string): string =>
  `cannot take the lock ${path}: something that is not a lock file is in its place (a folder or a pipe); remove it and run again`;

export const lockTimedOut = (path: string, owner: number | undefined): string =>
  `timed out waiting for the lock ${path} (held by pid ${owner ?? "?"})`;

export const packageNotInstalled = (name: string): string => `package ${name} is not installed; run \`npm install\``;

/** The tool's own files are not where its code is (a broken install or a partial copy of the tool). */
export const toolNotFound = (from: string): string => `fragtax: templates/report.html not found above ${from}: reinstall fragtax (npm ci)`;

/**
 * A command-line argument holding a line break or another control character: every message that names
 * it would show it on a line of its own (a forged "fragtax: …" line) or let it steer the terminal.
 */
export const argumentHoldsControl = (shown: string): string =>
  `fragtax: the argument "${shown}" holds a line break or control character (shown as \\x..); fragtax names its arguments in its messages and cannot show this one on one line. Rename the file, or retype the value without it`;

/** `publish --note` may hold line breaks and tabs (it is prose), not other control characters. */
export const noteHoldsControl = (shown: string): string =>
  `fragtax: --note "${shown}" holds a control character (shown as \\x..); a note may have line breaks and tabs, but nothing that would steer a terminal showing it: retype the note without it`;


/** What a project file was found to be instead of a file (util/plain-file.ts). */
export type IrregularKind = "named pipe (FIFO)" | "device" | "socket";

/** A project file (a chapter, report.yaml, assumptions.yaml) that is a pipe, a device or a socket: reading it would wait, or never end. */
export const notARegularFile = (path: string, kind: IrregularKind): string => `${path}: ${irregularFile(kind)}`;

/**
 * A project file with bytes that are not UTF-8 (saved as Latin-1 or Windows-1252): read anyway, they
 * became U+FFFD in the report without a word. Said after the file's name, line and column of the first.
 */
export const inputFileNotUtf8 = (byte: number, kind: "utf16" | "binary" | "other"): string =>
  kind === "utf16"
    ? 'the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8 (in an editor: "Save with Encoding" → UTF-8)'
    : kind === "binary"
      ? `byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} is not text, and the file holds bytes no text file has (NUL, control bytes), as a binary file does: it is not the file meant; restore it, or name the right one`
      : inputFileNotUtf8Byte(byte);

const inputFileNotUtf8Byte = (byte: number): string =>
  `byte 0x${byte.toString(16).toUpperCase().padStart(2, "0")} is not UTF-8 text: the file was saved in another encoding (Latin-1 or Windows-1252, say); save it as UTF-8 (in an editor: "Save with Encoding" → UTF-8)`;

/** A project file larger than any fragtax reads as text (util/limits.ts MAX_INPUT_FILE_MB). */
export const inputFileTooLarge = (path: string, megabytes: number, limit: number): string =>
  `${path}: the file is ${Math.round(megabytes)} MB, more than the ${limit} MB fragtax reads of a project file: a notebook that large carries its outputs (images, data) with it, so clear them in Jupyter (Edit → Clear Outputs of All Cells) and save; any other file that large is not the one meant`;

/** A file named on the command line past what fragtax reads of it (util/plain-file.ts readNamedInput); a pipe's size is not known, only that it sent more. */
export const inputPastLimit = (path: string, megabytes: number, limit: number, whole: boolean): string =>
  `${path}: ${whole ? `the file is ${megabytes.toFixed(1)} MB, more than` : "it sent more than"} the ${limit} MB fragtax reads of it (reading stopped there); is it the right file?`;

/** Why a named pipe, socket or device is refused, after the name of what it is (a path, or "the assumptions file"). */
export const irregularFile = (kind: IrregularKind): string =>
  `is a ${kind}, not a file: a chapter, report.yaml and the assumptions file are read whole, and a ${kind} would ${kind === "named pipe (FIFO)" ? "wait for a writer for ever" : "be read until memory runs out"}; replace it with the file itself`;

/** Why a lock's owner holds it no more: gone, or its pid another program's now (the lock records when its owner started). */
export const lockOwnerGone = (reused: boolean): string =>
  reused
    ? "which is no longer running (that pid is another program's now, started after the lock was taken; the one that took it was stopped by Ctrl-C or a signal, or crashed)"
    : "which is no longer running (stopped by Ctrl-C or a signal, or it crashed)";

export const waitingForPipe = (path: string): string =>
  `note: ${path} is a named pipe (FIFO): waiting for something to write to it (Ctrl-C stops)`;
