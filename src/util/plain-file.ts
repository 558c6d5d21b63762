/**
 * Reading a file that must be a plain file, opened without blocking so that a FIFO put in its place
 * is seen, not waited on (a plain read of a FIFO waits for a writer for ever) and a device is not read
 * without end. Two kinds of reader: a file the tool itself wrote (a cache entry, a build's output),
 * where anything else throws as a missing file does, so each caller's "missing or damaged" path takes
 * it (`readPlainFile`); and a project file the user wrote, where it is refused by name (`readInputText`).
 * A file named on the command line may be a pipe on purpose (`readNamedInput`): read, but never past
 * its limit.
 */
import { isUtf8 } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from "node:fs";
import { open, stat } from "node:fs/promises";
import { resolve } from "node:path";
import { inputFileNotUtf8, inputFileTooLarge, inputPastLimit, notARegularFile, waitingForPipe, type IrregularKind } from "../messages/fs";

/** How long the open of a named pipe may wait before the wait is said. */
const PIPE_NOTE_MS = 1000;
import { MAX_INPUT_FILE_MB } from "./limits";
import { InputError } from "./errors";
import { displayPath } from "./paths";
import { lineColumn } from "./text-position";
import { located } from "../messages/location";

const NON_BLOCKING_READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The bytes of `path` once `refuse` has seen what it is (it throws for what must not be read). */
async function readChecked(path: string, refuse: (info: Stats) => void): Promise<Buffer> {
  const handle = await open(path, NON_BLOCKING_READ);
  try {
    refuse(await handle.stat());
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** `expected.bytes`: a file of another length is not read (it is not the file the caller looks for). */
export async function readPlainFile(path: string, expected: { readonly bytes?: number } = {}): Promise<Buffer> {
  return readChecked(path, (info) => {
    if (!info.isFile()) throw Object.assign(new Error(`${path} is not a plain file`), { code: "EFTYPE", path });
    if (expected.bytes !== undefined && info.size !== expected.bytes) throw Object.assign(new Error(`${path} is not ${expected.bytes} bytes long`), { code: "EFTYPE", path });
  });
}

export async function readPlainText(path: string, expected: { readonly bytes?: number } = {}): Promise<string> {
  return (await readPlainFile(path, expected)).toString("utf8");
}

/**
 * A project file the user wrote (a chapter, report.yaml, the assumptions file) that is not a plain
 * file: a FIFO, read as usual, waited for a writer for ever (the build hung with no message), and a
 * device (a link to /dev/zero) was read until the string outgrew memory. Exit 2, naming the path.
 * (A file named on the command line, `--assumptions <(…)` or a diff side, may be a pipe on purpose:
 * those readers keep their own rules.)
 */
export class NotARegularFileError extends InputError {
  constructor(
    readonly path: string,
    readonly kind: IrregularKind,
  ) {
    // Named as from the folder the command runs in, as a shell would name it.
    super(notARegularFile(displayPath(resolve(path), process.cwd()), kind));
  }
}

/** A project file past MAX_INPUT_FILE_MB: refused before it is read (exit 2, naming it). */
export class InputFileTooLargeError extends InputError {
  constructor(readonly path: string, bytes: number) {
    super(inputFileTooLarge(displayPath(resolve(path), process.cwd()), bytes / (1024 * 1024), MAX_INPUT_FILE_MB));
  }
}

/** A project file whose bytes are not UTF-8: refused at the first one, by line and column (exit 2). */
export class InputFileNotUtf8Error extends InputError {
  readonly line: number;
  readonly column: number;
  /** What is wrong, without the place (a caller that names the file its own way puts it first). */
  readonly detail: string;

  constructor(readonly path: string, bytes: Uint8Array) {
    const first = firstInvalidUtf8(bytes);
    // Counted as every other position is (util/text-position.ts): what comes before it is well formed.
    const before = Buffer.from(bytes.subarray(0, first)).toString("utf8");
    const { line, column } = lineColumn(before, before.length);
    // A byte order mark of UTF-16 (FF FE, FE FF) is what an editor's "Unicode" saves: named as such.
    // A binary file is not "saved in another encoding" (it was told to save it as UTF-8).
    const utf16 = first === 0 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
    const detail = inputFileNotUtf8(bytes[first] ?? 0, utf16 ? "utf16" : looksBinary(bytes) ? "binary" : "other");
    super(located({ file: displayPath(resolve(path), process.cwd()), line, column }, detail));
    this.line = line;
    this.column = column;
    this.detail = detail;
  }
}

/**
 * Whether bytes that are not UTF-8 look like a binary file's rather than text in another encoding: a
 * NUL in the first 8 KB, or more than one in ten of the first 1 KB a control byte no text has (not a
 * tab, line feed, form feed or carriage return). Latin-1 or Windows-1252 text has neither.
 */
function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.subarray(0, 8192).includes(0)) return true;
  const head = bytes.subarray(0, 1024);
  let control = 0;
  for (const byte of head) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) control++;
  return control * 10 > head.length;
}

/** The text of a project file's bytes, which must be UTF-8 (a byte order mark is kept, as before). */
export function inputText(path: string, bytes: Buffer): string {
  if (!isUtf8(bytes)) throw new InputFileNotUtf8Error(path, bytes);
  return bytes.toString("utf8");
}

/** Where the first byte that is not part of a well-formed UTF-8 sequence is (bytes.length when none). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    // The sequence's length, and the range its second byte must fall in (no overlong forms, no surrogates, nothing past U+10FFFF).
    const [length, low, high] = lead < 0x80 ? [1, 0, 0] : lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf] : lead === 0xe0 ? [3, 0xa0, 0xbf] : lead === 0xed ? [3, 0x80, 0x9f] : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf] : lead === 0xf0 ? [4, 0x90, 0xbf] : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf] : lead === 0xf4 ? [4, 0x80, 0x8f] : [0, 0, 0];
    if (length === 0) return at;
    for (let next = 1; next < length; next++) {
      const byte = bytes[at + next];
      const [min, max] = next === 1 ? [low, high] : [0x80, 0xbf];
      if (byte === undefined || byte < min || byte > max) return at;
    }
    at += length;
  }
  return at;
}

/** Refuses what is not a plain file (a folder as Node's read of one does: EISDIR, each caller already names it), and a plain one too large to read. */
function refuseIrregular(path: string, info: Stats): void {
  if (info.isFile() && info.size > MAX_INPUT_FILE_MB * 1024 * 1024) throw new InputFileTooLargeError(path, info.size);
  if (info.isFile()) return;
  if (info.isDirectory()) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read`), { code: "EISDIR", errno: -21, syscall: "read", path });
  throw new NotARegularFileError(path, info.isFIFO() ? "named pipe (FIFO)" : info.isSocket() ? "socket" : "device");
}

/** The text of a project file, read only when it is a plain file (else NotARegularFileError; a folder, EISDIR). */
export async function readInputText(path: string): Promise<string> {
  return inputText(path, await readChecked(path, (info) => refuseIrregular(path, info)));
}

/**
 * A file named on the command line (`--assumptions FILE`, a side of `diff`), which may be a pipe on
 * purpose (`<(git show …)`, /dev/stdin). Read as a stream is, and never past `maxBytes`: a plain file
 * larger is refused by its size before a byte is read, and a pipe once it has sent more (read whole
 * and checked after, `<(yes …)` was read until memory ran out, 18 GB and still reading). A device or
 * a folder is the caller's to refuse, by name, before.
 */
export async function readNamedInput(path: string, maxBytes: number): Promise<Buffer> {
  // Opening a named pipe waits for its writer, for ever if none comes (a FIFO made and never written):
  // said after a moment, so the command is not taken for hung.
  const pipe = (await stat(path).catch(() => undefined))?.isFIFO() === true;
  const waiting = pipe ? setTimeout(() => process.stderr.write(`${waitingForPipe(displayPath(resolve(path), process.cwd()))}\n`), PIPE_NOTE_MS) : undefined;
  const handle = await open(path, "r").finally(() => clearTimeout(waiting));
  try {
    const info = await handle.stat();
    if (info.isFile() && info.size > maxBytes) throw new InputPastLimitError(path, info.size, maxBytes, true);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // A plain file in one read (its size, and a byte to see it has not grown); a pipe, and a file whose
      // size says nothing (/proc's are 0), as it comes.
      const chunk = Buffer.allocUnsafe(Math.max(64 * 1024, info.isFile() ? Math.min(info.size, maxBytes) + 1 : 0));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) return Buffer.concat(chunks, total);
      total += bytesRead;
      // Closing it (finally) ends the writer's pipe: `yes` stops on SIGPIPE rather than waiting.
      if (total > maxBytes) throw new InputPastLimitError(path, total, maxBytes, false);
      chunks.push(chunk.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

/**
 * What `readNamedInput` refuses: `bytes` is a plain file's size (`whole`), or, from a pipe, what had
 * come when reading stopped (the rest was never read: it may have no end). Each caller says it in
 * its own words; this message is for one that does not.
 */
export class InputPastLimitError extends InputError {
  constructor(
    readonly path: string,
    readonly bytes: number,
    readonly maxBytes: number,
    readonly whole: boolean,
  ) {
    super(inputPastLimit(displayPath(resolve(path), process.cwd()), bytes / (1024 * 1024), maxBytes / (1024 * 1024), whole));
  }
}

/** `readInputText`, synchronously (the check of a notebook, report.yaml read at start-up). */
export function readInputTextSync(path: string): string {
  const fd = openSync(path, NON_BLOCKING_READ);
  try {
    refuseIrregular(path, fstatSync(fd));
    return inputText(path, readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}
