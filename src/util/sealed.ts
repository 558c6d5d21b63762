/**
 * A cache entry sealed with the sha256 of its own content, the one home for how out/.cache's entries
 * are checked: the parsed inputs, the engine's compiled cells, bundles and type checks, the chart
 * drawings and compiled charts, the chapters and the page. An entry whose bytes changed since it was
 * written (a disk's bad luck, an edit by hand) is a miss: the build makes it again, and the report is
 * what the sources give. Before, such an entry's figures reached a build, a publish and a verify that
 * all passed, the published assumptions file saying otherwise.
 *
 * The seal covers the name the entry is stored under too (its key, or the file's name): an entry
 * copied or swapped under another key has an unbroken seal of its own content, and was served as that
 * key's (another chart's drawing in a figure, another cell's compiled code run in a cell).
 *
 * Not a defence against someone who can write the project: they could seal an entry as well, or edit
 * the notebooks. It keeps a cache from ever being the reason a report is wrong.
 *
 * Text: a first line `sha256:<hex>` of the name, a line break and the rest, then the rest (JSON).
 * Bytes: the 32-byte digest of the name, a NUL and the bytes, then the bytes.
 */
import { sha256, sha256Bytes } from "./hash";

const PREFIX = "sha256:";
const HEX_LENGTH = 64;
const DIGEST_BYTES = 32;

/** Thrown by `unsealed` for an entry that is not sealed, whose content is not what was sealed, or that was sealed under another name. */
export class BrokenSealError extends Error {}

/** `text` with its seal under `name` (the key it is stored under), ready to be written. */
export function sealed(text: string, name: string): string {
  return `${PREFIX}${sha256(`${name}\n${text}`)}\n${text}`;
}

/** The content of an entry sealed under `name`; throws `BrokenSealError` when it is not one, it changed, or it is another name's. */
export function unsealed(entry: string, name: string): string {
  const start = PREFIX.length + HEX_LENGTH + 1;
  if (!entry.startsWith(PREFIX) || entry[start - 1] !== "\n") throw new BrokenSealError("not a sealed entry");
  const text = entry.slice(start);
  if (sha256(`${name}\n${text}`) !== entry.slice(PREFIX.length, start - 1)) throw new BrokenSealError("the entry changed since it was sealed, or was sealed under another name");
  return text;
}

/** JSON of `value`, sealed under `name`. */
export const sealedJson = (value: unknown, name: string): string => sealed(JSON.stringify(value), name);

/** The value a JSON entry sealed under `name` holds; throws on a broken seal or JSON that does not parse. */
export const unsealedJson = (entry: string, name: string): unknown => JSON.parse(unsealed(entry, name)) as unknown;

const digestOf = (bytes: Uint8Array, name: string): Buffer => sha256Bytes(Buffer.concat([Buffer.from(`${name}\0`), bytes]));

/** `bytes` with their seal under `name`. */
export function sealedBytes(bytes: Uint8Array, name: string): Buffer {
  return Buffer.concat([digestOf(bytes, name), bytes]);
}

/** The bytes of a binary entry sealed under `name`; throws `BrokenSealError` when they changed or are another name's. */
export function unsealedBytes(entry: Buffer, name: string): Buffer {
  const bytes = entry.subarray(DIGEST_BYTES);
  if (entry.length < DIGEST_BYTES || !digestOf(bytes, name).equals(entry.subarray(0, DIGEST_BYTES))) throw new BrokenSealError("the entry changed since it was sealed, or was sealed under another name");
  return bytes;
}
