/**
 * Outputs: the events a running notebook emits (worker → main thread), and the collector that turns
 * them into nbformat outputs per cell. Kept apart from execution so the rules are in one place:
 *  - console.log/info/debug → `stream` stdout, console.error/warn → `stream` stderr; consecutive
 *    writes to one stream merge into one output (as Jupyter shows them);
 *  - a display → `display_data`; an update of a `newDisplay()` replaces its earlier output in place,
 *    even in an earlier cell;
 *  - the trailing expression's value → `execute_result` with `text/plain` written exactly as tslab
 *    prints it (`console.log(value)`: `util.inspect` for objects and numbers, a string as it is;
 *    null and undefined give no output). The compatibility test holds us to that.
 */
import type { FileRead } from "../vocabulary/file-reads";
import type { EnvReads } from "../vocabulary/env-reads";
import type { ModelRunCounts, RefusedWrite } from "../vocabulary/kept-runs";
export type { FileRead };
import { format } from "node:util";
import * as messages from "../messages/notebook";
import type { ClaimRecord, FigureRecord } from "../api/types";
import { validMimeBundle, type MimeBundle, type Output } from "./nbformat";
import { SHOWN_METADATA } from "../vocabulary/shown-values";

/** The thrown value, as plain data (it cannot cross threads as an object). */
export interface ThrownValue {
  readonly ename: string;
  readonly evalue: string;
  readonly stack: string;
  /**
   * Text the cell wrote that the error is about, when the error says (an unknown assumption's id): the
   * error is located at that string in the cell rather than at the call that read it, which may be
   * lines away (`inputsFrom(nb.assumptions, { … })`).
   */
  readonly about?: string;
  /** For an error about one value of a template the API was given (`nb.md`), that value's index (vocabulary/api-error-marks.ts). */
  readonly placeholder?: number;
  /** For an error about one field of the object the API was given (`nb.figure({ id: … })`), that field: `id`, `summary.p5` (vocabulary/api-error-marks.ts). */
  readonly field?: string;
  /** A thrown value that is no Error (`throw undefined`, `throw { code: 42 }`): it has no stack to locate it by. */
  readonly notAnError?: true;
}

export type RunEvent =
  | { readonly type: "cell-start"; readonly cell: number; /** The running thread's Linux task id (thread-children.ts). */ readonly tid?: number }
  | { readonly type: "stream"; readonly name: "stdout" | "stderr"; readonly text: string }
  | { readonly type: "display"; readonly data: MimeBundle; readonly displayId?: string; readonly update: boolean }
  /** `value`: the trailing value as text/plain; `bundle`: a richer mime bundle for it (Deno's kernel shows one). */
  | { readonly type: "cell-end"; readonly cell: number; readonly value?: string; readonly bundle?: MimeBundle; /** The value is a record the API displayed (vocabulary/shown-values.ts). */ readonly shown?: boolean; readonly thrown?: ThrownValue; readonly reads: readonly string[]; readonly files?: readonly FileRead[]; readonly env?: EnvReads; readonly modelRuns?: ModelRunCounts; readonly modelRunsRefused?: RefusedWrite }
  | { readonly type: "figure"; readonly record: FigureRecord }
  | { readonly type: "claim"; readonly record: ClaimRecord };

/** A value as tslab prints a trailing expression: `console.log(value)`, i.e. `util.format`. */
export function inspectValue(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : format(value);
}

/**
 * How much text a cell's prints may add to its outputs (characters, stdout and stderr together). A
 * cell printing in a loop made an executed notebook and a page of hundreds of MB, and 50 million
 * characters that HTML escapes ended the build's process in V8 (its string and regexp limits): the
 * rest is left out, and a line in its place says so.
 */
export const MAX_CELL_PRINT_CHARS = 8 * 1024 * 1024;

export class OutputCollector {
  readonly #outputs = new Map<number, Output[]>();
  readonly #displays = new Map<string, { cell: number; index: number }>();
  /** What each cell printed so far (characters), up to the limit. */
  readonly #printed = new Map<number, number>();
  #cell = 0;

  start(cell: number): void {
    this.#cell = cell;
    this.#outputs.set(cell, []);
    this.#printed.set(cell, 0);
  }

  /** Makes `cell` current again, keeping what it printed (its error goes after its output). */
  resume(cell: number): void {
    this.#cell = cell;
  }

  outputsOf(cell: number): Output[] {
    return this.#outputs.get(cell) ?? [];
  }

  stream(name: "stdout" | "stderr", whole: string): void {
    const printed = this.#printed.get(this.#cell) ?? 0;
    if (printed > MAX_CELL_PRINT_CHARS) return; // past the limit, and said so
    const room = MAX_CELL_PRINT_CHARS - printed;
    const text = whole.length <= room ? whole : `${whole.slice(0, room)}${messages.printLimitReached(MAX_CELL_PRINT_CHARS)}`;
    this.#printed.set(this.#cell, printed + (whole.length <= room ? whole.length : room + 1));
    const outputs = this.#current();
    const last = outputs[outputs.length - 1];
    if (last?.output_type === "stream" && last.name === name) last.text += text;
    else outputs.push({ output_type: "stream", name, text });
  }

  display(given: MimeBundle, displayId: string | undefined, update: boolean): void {
    const data = validMimeBundle(given);
    const earlier = displayId === undefined ? undefined : this.#displays.get(displayId);
    if (update && earlier !== undefined) {
      const outputs = this.outputsOf(earlier.cell);
      outputs[earlier.index] = { output_type: "display_data", data, metadata: {} };
      return;
    }
    const outputs = this.#current();
    outputs.push({ output_type: "display_data", data, metadata: {} });
    if (displayId !== undefined) this.#displays.set(displayId, { cell: this.#cell, index: outputs.length - 1 });
  }

  result(text: string, executionCount: number, bundle?: MimeBundle, shown = false): void {
    const metadata = shown ? { [SHOWN_METADATA]: true } : {};
    this.#current().push({ output_type: "execute_result", execution_count: executionCount, data: bundle === undefined ? { "text/plain": text } : validMimeBundle(bundle), metadata });
  }

  add(output: Output): void {
    this.#current().push(output);
  }

  #current(): Output[] {
    let outputs = this.#outputs.get(this.#cell);
    if (outputs === undefined) {
      outputs = [];
      this.#outputs.set(this.#cell, outputs);
    }
    return outputs;
  }
}
