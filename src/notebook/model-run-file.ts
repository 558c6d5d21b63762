/**
 * The file a kept model run is (model-runs.ts keeps them): a little-endian u32 header length, the
 * header (JSON: format, name, key, column names, sample count, the sha256 of each block), padding
 * to 8 bytes, then the doubles: every output's summary (one block), each column's values at the
 * draws a kept run is checked at (vocabulary/kept-runs.ts `checkedDraws`; one block), then each
 * input's column and each output's column.
 *
 * Opening a run reads its header, summaries and checked draws only (one read). A column is read when the notebook first asks
 * for it, by a new open of the file, straight into an array the caller made (run-memo.ts: one of the
 * notebook's own realm), and checked against its own digest: the report's summary takes thirteen runs
 * to quote their percentiles and reads one run's columns, where it read ~12 MB.
 */
import { closeSync, fstatSync, openSync, readSync, rmSync } from "node:fs";
import { checkedDraws, SUMMARY_FIELDS, type KeptRun, type RunColumns } from "../vocabulary/kept-runs";
import { sha256 } from "../util/hash";

/** The file format's version, part of every run's file name (3: the checked draws' block). */
export const FORMAT = "3";

interface Header {
  readonly format: string;
  readonly name: string;
  readonly key: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly samples: number;
  /**
   * sha256 of the summaries' doubles, of the checked draws' and of each column's (inputs, then
   * outputs): a bit flipped on disk, or a crash that left the length but not the bytes, is found when
   * that block is read.
   */
  readonly digests: { readonly summaries: string; readonly checks: string; readonly columns: readonly string[] };
}

/**
 * The file's bytes, as the chunks it is written in: the header, then the summaries and each column as
 * they are in memory. Not copied into one buffer: a run of this report is a few MB of fresh pages,
 * which cost more to fill here than the whole write (~0.1 s of a cold build's chapter 00).
 */
export function encode(run: RunColumns, name: string, key: string): EncodedRun {
  const inputs = Object.keys(run.inputs);
  const outputs = Object.keys(run.outputs);
  const samples = (Object.values(run.inputs)[0] ?? Object.values(run.outputs)[0]?.samples)?.length ?? 0;
  const summaries = new Float64Array(outputs.length * SUMMARY_FIELDS.length);
  outputs.forEach((output, i) => summaries.set(run.outputs[output]?.summary ?? [], i * SUMMARY_FIELDS.length));
  const columns = [...inputs.map((input) => run.inputs[input] as Float64Array), ...outputs.map((output) => run.outputs[output]?.samples as Float64Array)];
  const draws = checkedDraws(samples);
  const checks = Float64Array.from(columns.flatMap((column) => draws.map((draw) => column[draw] as number)));
  const header: Header = {
    format: FORMAT,
    name,
    key,
    inputs,
    outputs,
    samples,
    digests: { summaries: sha256(bytesOf(summaries)), checks: sha256(bytesOf(checks)), columns: columns.map((column) => sha256(bytesOf(column))) },
  };
  const digests = columnDigests(inputs, outputs, header.digests.columns);
  const head = Buffer.from(JSON.stringify(header), "utf8");
  // The length, the header, then zeros up to the 8-byte boundary where the numbers start.
  const prefix = new Uint8Array(dataStart(head.length));
  new DataView(prefix.buffer).setUint32(0, head.length, true);
  prefix.set(head, 4);
  return { chunks: [prefix, ...[summaries, checks, ...columns].map(bytesOf)], digests };
}

/** A run's file as written, and each column's sha256 by `columnId`: what is kept beside the run checks a caller's columns by it. */
export interface EncodedRun {
  readonly chunks: Uint8Array[];
  readonly digests: ReadonlyMap<string, string>;
}

/** How a column is named among a run's columns: an input's and an output's of one name differ. */
export const columnId = (kind: "input" | "output", name: string): string => `${kind === "input" ? "i" : "o"}:${name}`;

function columnDigests(inputs: readonly string[], outputs: readonly string[], digests: readonly string[]): ReadonlyMap<string, string> {
  const ids = [...inputs.map((input) => columnId("input", input)), ...outputs.map((output) => columnId("output", output))];
  return new Map(ids.map((id, i) => [id, digests[i] as string]));
}

/**
 * The run of model `name` under `key` kept in `file`: its summaries read and checked, its columns
 * read when asked for, each into an array `allocate` made. Undefined when the file holds another
 * run, or is short, long or damaged in its summaries. Throws when the file cannot be opened (not
 * there): the caller's miss.
 */
export function openRunFile(file: string, name: string, key: string, allocate: (length: number) => Float64Array): OpenedRun | undefined {
  const opened = openSync(file, "r");
  try {
    const size = fstatSync(opened).size;
    const header = readHeader(opened, size);
    if (header === undefined || header.name !== name || header.key !== key) return undefined;
    const { inputs, outputs, samples, start } = header;
    const draws = checkedDraws(samples);
    // The summaries and the checked draws, in one read.
    const leading = new Float64Array(outputs.length * SUMMARY_FIELDS.length + (inputs.length + outputs.length) * draws.length);
    if (!readAt(opened, leading, start)) return undefined;
    const summaryBlock = leading.subarray(0, outputs.length * SUMMARY_FIELDS.length);
    const checks = leading.subarray(summaryBlock.length);
    if (sha256(bytesOf(summaryBlock)) !== header.digests.summaries || sha256(bytesOf(checks)) !== header.digests.checks) return undefined;
    const summaries: Record<string, Float64Array> = {};
    outputs.forEach((output, i) => (summaries[output] = summaryBlock.slice(i * SUMMARY_FIELDS.length, (i + 1) * SUMMARY_FIELDS.length)));
    const columnsStart = start + leading.byteLength;
    const names = [...inputs.map((input) => columnId("input", input)), ...outputs.map((output) => columnId("output", output))];
    const offsetOf = (index: number): number => columnsStart + index * samples * 8;
    return {
      samples,
      inputs,
      outputs,
      summaries,
      digests: columnDigests(inputs, outputs, header.digests.columns),
      valuesAt(asked) {
        // The checked draws, as kept beside the summaries: no column is read.
        if (asked.length === draws.length && asked.every((draw, i) => draw === draws[i])) {
          const at = (index: number): number[] => [...checks.subarray(index * draws.length, (index + 1) * draws.length)];
          return {
            inputs: Object.fromEntries(inputs.map((input, i) => [input, at(i)])),
            outputs: Object.fromEntries(outputs.map((output, i) => [output, at(inputs.length + i)])),
          };
        }
        if (asked.some((draw) => !Number.isInteger(draw) || draw < 0 || draw >= samples)) return undefined;
        return withFile(file, size, (fd) => {
          const one = new Float64Array(1);
          const values = (index: number): number[] | undefined => {
            const column: number[] = [];
            for (const draw of asked) {
              if (!readAt(fd, one, offsetOf(index) + draw * 8)) return undefined;
              column.push(one[0] as number);
            }
            return column;
          };
          const take = (list: readonly string[], first: number): Record<string, number[]> | undefined => {
            const out: Record<string, number[]> = {};
            for (const [i, item] of list.entries()) {
              const column = values(first + i);
              if (column === undefined) return undefined;
              out[item] = column;
            }
            return out;
          };
          const kept = { inputs: take(inputs, 0), outputs: take(outputs, inputs.length) };
          return kept.inputs !== undefined && kept.outputs !== undefined ? { inputs: kept.inputs, outputs: kept.outputs } : undefined;
        });
      },
      column(kind, columnName) {
        const index = names.indexOf(columnId(kind, columnName));
        if (index < 0) return undefined;
        const column = allocate(samples);
        if (column.length !== samples) return undefined;
        // A new open: a file pruned or replaced since is a miss (the digest says which bytes are the kept ones).
        const whole = withFile(file, size, (fd) => readAt(fd, column, offsetOf(index)));
        if (whole !== true) return undefined;
        if (sha256(bytesOf(column)) === header.digests.columns[index]) return column;
        // Damaged: removed, so that the next read misses and keeps the run anew (a read-only folder keeps it).
        try {
          rmSync(file, { force: true });
        } catch {
          // left as it is: each read finds it damaged
        }
        return undefined;
      },
    };
  } finally {
    closeSync(opened);
  }
}

/** A kept run as its file gives it, with each column's sha256 (`encode`'s `digests`). */
export type OpenedRun = Omit<KeptRun, "spoil" | "derived"> & { readonly digests: ReadonlyMap<string, string> };

interface ReadHeader extends Header {
  /** Where the doubles start. */
  readonly start: number;
}

/** The header, when the file is a whole run of this format: its length is the one the header gives. */
function readHeader(fd: number, size: number): ReadHeader | undefined {
  const length = Buffer.alloc(4);
  if (size < 4 || !readAt(fd, length, 0)) return undefined;
  const headLength = length.readUInt32LE(0);
  const start = dataStart(headLength);
  if (start > size) return undefined;
  const bytes = Buffer.alloc(headLength);
  if (!readAt(fd, bytes, 4)) return undefined;
  let header: Partial<Header>;
  try {
    header = JSON.parse(bytes.toString("utf8")) as Partial<Header>;
  } catch {
    return undefined;
  }
  const { format, name, key, inputs, outputs, samples, digests } = header;
  if (format !== FORMAT || typeof name !== "string" || typeof key !== "string" || !isNames(inputs) || !isNames(outputs)) return undefined;
  if (!Number.isInteger(samples) || (samples as number) < 1 || digests === undefined || !isNames(digests.columns) || typeof digests.summaries !== "string" || typeof digests.checks !== "string") return undefined;
  const n = samples as number;
  if (digests.columns.length !== inputs.length + outputs.length) return undefined;
  if (size !== start + (outputs.length * SUMMARY_FIELDS.length + (inputs.length + outputs.length) * (checkedDraws(n).length + n)) * 8) return undefined;
  return { format, name, key, inputs, outputs, samples: n, digests, start };
}

const isNames = (value: unknown): value is readonly string[] => Array.isArray(value) && value.every((item) => typeof item === "string");

/** `use` of the file opened anew, if it still has the size the run was opened with; undefined when it cannot be. */
function withFile<T>(file: string, size: number, use: (fd: number) => T): T | undefined {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return undefined; // pruned meanwhile
  }
  try {
    return fstatSync(fd).size === size ? use(fd) : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Fills `into` from `position`; false when the file ends first. */
function readAt(fd: number, into: NodeJS.ArrayBufferView, position: number): boolean {
  for (let done = 0; done < into.byteLength; ) {
    const read = readSync(fd, into, done, into.byteLength - done, position + done);
    if (read === 0) return false;
    done += read;
  }
  return true;
}

export const bytesOf = (values: Float64Array): Uint8Array => new Uint8Array(values.buffer, values.byteOffset, values.byteLength);

function dataStart(headLength: number): number {
  return Math.ceil((4 + headLength) / 8) * 8;
}
