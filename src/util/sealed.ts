/**
 * A cache entry sealed with the sha256 of its own content, the one home for how out/.cache's entries
 * are checked: the parsed inputs, the engine's compiled cells, bundles and type checks, the chart
 * drawings and compiled charts, the chapters and the page. An entry whose bytes changed since it was
 * written (a disk's bad luck, an edit by hand) is a miss: the build makes it again, and the report is
 * what the sources give. Before, such an entry's figures reached a build, a publish and a verify that
 * all passed, the published assumptions file saying otherwise.
 *
 * The seal covers the name of the file the entry is stored in too (its key; not the folder, so a
 * project moved keeps its cache): an entry copied or swapped under another key has an unbroken seal of
 * its own content, and was served as that key's (another chart's drawing in a figure, another cell's
 * compiled code run in a cell). Callers give the entry's path.
 *
 * Not a defence against someone who can write the project: they could seal an entry as well, or edit
 * the notebooks. It keeps a cache from ever being the reason a report is wrong.
 *
 * Text: a first line `sha256:<hex>` of the name, a line break and the rest, then the rest (JSON).
 * Bytes: the 32-byte digest of the name, a NUL and the bytes, then the bytes.
 */
import { basename } from "node:path";
import { sha256, sha256Bytes } from "./hash";

const PREFIX = "sha256:";
const HEX_LENGTH = 64;
const DIGEST_BYTES = 32;

/** Thrown by `unsealed` for an entry that is not sealed, whose content is not what was sealed, or that was sealed under another name. */
export class BrokenSealError extends Error {}

const digestOfText = (text: string, path: string): string => sha256(`${basename(path)}\n${text}`);

/** `text` with its seal for the file at `path`, ready to be written there. */
export function sealed(text: string, path: string): string {
  return `${PREFIX}${digestOfText(text, path)}\n${text}`;
}

/** The content of an entry read from `path`; throws `BrokenSealError` when it is not sealed, it changed, or it was sealed for another file. */
export function unsealed(entry: string, path: string): string {
  const start = PREFIX.length + HEX_LENGTH + 1;
  if (!entry.startsWith(PREFIX) || entry[start - 1] !== "\n") throw new BrokenSealError("not a sealed entry");
  const text = entry.slice(start);
  if (digestOfText(text, path) !== entry.slice(PREFIX.length, start - 1)) throw new BrokenSealError("the entry changed since it was sealed, or was sealed under another name");
  return text;
}

/** JSON of `value`, sealed for the file at `path`. */
export const sealedJson = (value: unknown, path: string): string => sealed(JSON.stringify(value), path);

/** The value of a JSON entry read from `path`; throws on a broken seal or JSON that does not parse. */
export const unsealedJson = (entry: string, path: string): unknown => JSON.parse(unsealed(entry, path)) as unknown;

const digestOfBytes = (bytes: Uint8Array, path: string): Buffer => sha256Bytes(Buffer.concat([Buffer.from(`${basename(path)}\0`), bytes]));

/** `bytes` with their seal for the file at `path`. */
export function sealedBytes(bytes: Uint8Array, path: string): Buffer {
  return Buffer.concat([digestOfBytes(bytes, path), bytes]);
}

/** The bytes of a binary entry read from `path`; throws `BrokenSealError` when they changed or were sealed for another file. */
export function unsealedBytes(entry: Buffer, path: string): Buffer {
  const bytes = entry.subarray(DIGEST_BYTES);
  if (entry.length < DIGEST_BYTES || !digestOfBytes(bytes, path).equals(entry.subarray(0, DIGEST_BYTES))) throw new BrokenSealError("the entry changed since it was sealed, or was sealed under another name");
  return bytes;
}
