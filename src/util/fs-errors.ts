/**
 * A file-system error the user can fix (a file where a folder must be, no permission, a read-only or
 * full disk, a missing path) as one located sentence that says what to do, instead of Node's raw
 * "EEXIST: file already exists, mkdir …". Exit 2: the environment or the input is unusable.
 */
import { constants, statSync } from "node:fs";
import { access, stat } from "node:fs/promises";
import { dirname } from "node:path";
import * as messages from "../messages/fs";
import { InputError } from "./errors";
import { isTemporarySibling } from "./atomic";
import { visibleInOneLine } from "../format/control";

export class FileSystemError extends InputError {
  constructor(
    message: string,
    readonly path: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * The message for a path the system refused, the path on the message's one line: a folder named with a
 * line break (`$'/tmp/a\nfake: …'`) printed a line fragtax never wrote.
 */
export function fileSystemProblemText(what: string, path: string, code: string): string {
  return messages.fileSystemProblem(what, visibleInOneLine(path), code);
}

const KNOWN = new Set(["EEXIST", "ENOTDIR", "EISDIR", "EACCES", "EPERM", "EROFS", "ENOSPC", "ENOENT", "EDQUOT", "EXDEV", "EBUSY"]);

/**
 * The system's code of a file-system error: Node's own `rm` of a folder says ERR_FS_EISDIR ("Path is
 * a directory: rm returned EISDIR"), which is the system's EISDIR.
 */
function systemCode(error: NodeJS.ErrnoException): string | undefined {
  return error.code === "ERR_FS_EISDIR" ? "EISDIR" : error.code;
}

export function isFileSystemProblem(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === "string" && KNOWN.has(systemCode(error as NodeJS.ErrnoException) ?? "");
}

/**
 * `error` as a FileSystemError about `what` (e.g. "the engine cache out/.cache/engine"), or `error`
 * itself when it is not a file-system problem the user could fix.
 */
export function locateFileSystemError(error: unknown, what: string, fallbackPath: string): unknown {
  if (error instanceof FileSystemError || !isFileSystemProblem(error)) return error;
  // A rename names its destination in `dest`: that is the path the user gave, not our temporary file.
  const { path: source, dest } = error as NodeJS.ErrnoException & { dest?: string };
  const named = dest ?? source ?? fallbackPath;
  // An atomic write's temporary file never existed for the user: the folder it was to be made in did.
  const given = isTemporarySibling(named) ? dirname(named) : named;
  // A file where a folder must be is named itself (out/.cache), not the path below it that could not be made.
  const code = systemCode(error) ?? error.code;
  const path = code === "ENOTDIR" || code === "EEXIST" ? (fileInTheWay(given) ?? given) : given;
  return new FileSystemError(fileSystemProblemText(what, path, code), path, code);
}

/**
 * A refusal not caught from Node but found by fragtax (a file where a cache folder goes) or told by
 * another thread (a code and a path), located as a caught one is; a code no advice is written for is
 * still said with its path.
 */
export function fileSystemRefusal(what: string, path: string, code: string): FileSystemError {
  const located = locateFileSystemError(Object.assign(new Error(code), { code, path }), what, path);
  return located instanceof FileSystemError ? located : new FileSystemError(fileSystemProblemText(what, path, code), path, code);
}

/** The nearest of `path` and the folders above it that exists and is not a folder. */
function fileInTheWay(path: string): string | undefined {
  for (let at = path; at !== dirname(at); at = dirname(at)) {
    try {
      if (!statSync(at).isDirectory()) return at;
    } catch {
      // not there (yet): look further up
    }
  }
  return undefined;
}

/** Runs `action`; a file-system failure becomes a located FileSystemError about `what`. */
export async function locatingFileSystemErrors<T>(what: string, path: string, action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw locateFileSystemError(error, what, path);
  }
}

/**
 * Fails, as a FileSystemError about `what`, when `folder` exists but this process cannot list, read
 * or write it; a folder not made yet is fine. Checked before the work that needs it: an unreadable
 * out/.cache was found only after every chapter had been run again, each with a warning.
 */
export async function assertUsableFolder(folder: string, what: string): Promise<void> {
  try {
    // A file where the folder goes is "in the way" (ENOTDIR), not a permission to fix (access's EACCES).
    if (!(await stat(folder)).isDirectory()) throw Object.assign(new Error(`not a folder: ${folder}`), { code: "ENOTDIR", path: folder });
    await access(folder, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw locateFileSystemError(error, what, folder);
  }
}
