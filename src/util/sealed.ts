/**
 * A cache entry sealed with the sha256 of its own content, the one home for how out/.cache's entries
 * are checked: the parsed inputs, the engine's compiled cells, bundles and type checks, the chart
 * drawings and compiled charts, the chapters and the page. An entry whose bytes changed since it was
 * written (a disk's bad luck, an edit by hand) is a miss: the build makes it again, and the report is
 * what the sources give. Before, such an entry's figures reached a build, a publish and a verify that
 * all passed, the published assumptions file saying otherwise.
 *
 * Not a defence against someone who can write the project: they could seal an entry as well, or edit
 * the notebooks. It keeps a cache from ever being the reason a report is wrong.
 *
 * Text: a first line `sha256:<hex>` of the rest, then the rest (JSON). Bytes: the 32-byte digest, then
 * the bytes.
 */
import { sha256, sha256Bytes } from "./hash";

const PREFIX = "sha256:";
const HEX_LENGTH = 64;
const DIGEST_BYTES = 32;

/** Thrown by `unsealed` for an entry that is not sealed, or whose content is not what was sealed. */
export class BrokenSealError extends Error {}

/** `text` with its seal, ready to be written. */
export function sealed(text: string): string {
  return `${PREFIX}${sha256(text)}\n${text}`;
}

/** The content of a sealed entry; throws `BrokenSealError` when it is not one or it changed. */
export function unsealed(entry: string): string {
  const start = PREFIX.length + HEX_LENGTH + 1;
  if (!entry.startsWith(PREFIX) || entry[start - 1] !== "\n") throw new BrokenSealError("not a sealed entry");
  const text = entry.slice(start);
  if (sha256(text) !== entry.slice(PREFIX.length, start - 1)) throw new BrokenSealError("the entry changed since it was sealed");
  return text;
}

/** JSON of `value`, sealed. */
export const sealedJson = (value: unknown): string => sealed(JSON.stringify(value));

/** The value a sealed JSON entry holds; throws on a broken seal or JSON that does not parse. */
export const unsealedJson = (entry: string): unknown => JSON.parse(unsealed(entry)) as unknown;

/** `bytes` with their seal. */
export function sealedBytes(bytes: Uint8Array): Buffer {
  return Buffer.concat([sha256Bytes(bytes), bytes]);
}

/** The bytes of a sealed binary entry; throws `BrokenSealError` when they changed. */
export function unsealedBytes(entry: Buffer): Buffer {
  const bytes = entry.subarray(DIGEST_BYTES);
  if (entry.length < DIGEST_BYTES || !sha256Bytes(bytes).equals(entry.subarray(0, DIGEST_BYTES))) throw new BrokenSealError("the entry changed since it was sealed");
  return bytes;
}
