/**
 * The file a kept model run is (model-runs.ts keeps them): a little-endian u32 header length, the
 * header (JSON: format, name, key, column names, sample count, the doubles' sha256), padding to
 * 8 bytes, then the doubles: each input's column, each output's summary and column.
 *
 * A read puts each column straight into an array the caller made (run-memo.ts: one of the notebook's
 * own realm), with one read of the file per column: no copy of the whole file is made, nor a second
 * copy of each column (the summary's twelve runs were ~12 MB read, then ~12 MB copied).
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { SUMMARY_FIELDS, type KeptRun } from "../vocabulary/kept-runs";
import { sha256, sha256Stream } from "../util/hash";

/** The file format's version, part of every run's file name. */
export const FORMAT = "1";

interface Header {
  readonly format: string;
  readonly name: string;
  readonly key: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly samples: number;
  /** sha256 of the doubles: a bit flipped on disk, or a crash that left the length but not the bytes, is a miss. */
  readonly digest: string;
}

export function encode(run: KeptRun, name: string, key: string): Uint8Array {
  const inputs = Object.keys(run.inputs);
  const outputs = Object.keys(run.outputs);
  const samples = (Object.values(run.inputs)[0] ?? Object.values(run.outputs)[0]?.samples)?.length ?? 0;
  const data = new Float64Array(inputs.length * samples + outputs.length * (SUMMARY_FIELDS.length + samples));
  let at = 0;
  for (const name of inputs) at = put(data, at, run.inputs[name] as Float64Array);
  for (const name of outputs) {
    const out = run.outputs[name] as KeptRun["outputs"][string];
    at = put(data, at, out.summary);
    at = put(data, at, out.samples);
  }
  const body = new Uint8Array(data.buffer);
  const header: Header = { format: FORMAT, name, key, inputs, outputs, samples, digest: sha256(body) };
  const head = Buffer.from(JSON.stringify(header), "utf8");
  const start = dataStart(head.length);
  const bytes = new Uint8Array(start + body.length);
  new DataView(bytes.buffer).setUint32(0, head.length, true);
  bytes.set(head, 4);
  bytes.set(body, start);
  return bytes;
}

/**
 * The run of model `name` under `key` kept in `file`, each column an array `allocate` made; undefined
 * when the file holds another run, or is short, long or damaged (its doubles fail their digest).
 * Throws when the file cannot be read (not there): the caller's miss.
 */
export function readRunFile(file: string, name: string, key: string, allocate: (length: number) => Float64Array): KeptRun | undefined {
  const fd = openSync(file, "r");
  try {
    const size = fstatSync(fd).size;
    const readAt = (into: NodeJS.ArrayBufferView, position: number): boolean => {
      for (let done = 0; done < into.byteLength; ) {
        const read = readSync(fd, into, done, into.byteLength - done, position + done);
        if (read === 0) return false;
        done += read;
      }
      return true;
    };
    const head = Buffer.alloc(4);
    if (size < 4 || !readAt(head, 0)) return undefined;
    const headLength = head.readUInt32LE(0);
    const start = dataStart(headLength);
    if (start > size) return undefined;
    const headerBytes = Buffer.alloc(headLength);
    if (!readAt(headerBytes, 4)) return undefined;
    const header = JSON.parse(headerBytes.toString("utf8")) as Partial<Header>;
    if (header.format !== FORMAT || header.name !== name || header.key !== key) return undefined;
    const { inputs, outputs, samples } = header;
    if (!Array.isArray(inputs) || !Array.isArray(outputs) || !Number.isInteger(samples) || (samples as number) < 1) return undefined;
    const n = samples as number;
    if (size !== start + (inputs.length * n + outputs.length * (SUMMARY_FIELDS.length + n)) * 8) return undefined;
    // In file order, so the digest is the one of the doubles as written.
    const digest = sha256Stream();
    let at = start;
    const take = (length: number): Float64Array => {
      const column = allocate(length);
      if (column.length !== length || !readAt(column, at)) throw new Error(`${file}: changed while read`);
      digest.update(column);
      at += length * 8;
      return column;
    };
    const keptInputs: Record<string, Float64Array> = {};
    for (const input of inputs as string[]) keptInputs[input] = take(n);
    const keptOutputs: Record<string, { summary: Float64Array; samples: Float64Array }> = {};
    for (const output of outputs as string[]) keptOutputs[output] = { summary: take(SUMMARY_FIELDS.length), samples: take(n) };
    return digest.hex() === header.digest ? { inputs: keptInputs, outputs: keptOutputs } : undefined;
  } finally {
    closeSync(fd);
  }
}

function put(data: Float64Array, at: number, column: Float64Array): number {
  data.set(column, at);
  return at + column.length;
}

function dataStart(headLength: number): number {
  return Math.ceil((4 + headLength) / 8) * 8;
}
