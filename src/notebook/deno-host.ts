/**
 * The part of the engine that runs inside Deno, next to a Deno notebook's cells: it gives the cells'
 * `Deno.jupyter` the run context (`notebook(Deno.jupyter)` then records figures and claims and reads
 * tracked assumptions, as `notebook(tslab)` does in the tslab worker). Bundled by esbuild with the
 * notebook's `../dist/*.js` imports (deno.ts) and evaluated by the runner. It also tracks the files the
 * cells read (`trackFiles`), with the tslab realm's wrappers (notebook-files.ts: Deno's Node compatibility
 * provides `node:fs`).
 */
import { RUN_CONTEXT } from "../api/context";
import { loadTrackedAssumptions } from "./assumptions";
import type { RunEvent } from "./outputs";
import { recordingContext } from "./recording";
import type { RunInputs } from "./run-context";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { notebookFiles } from "./notebook-files";

/** Attaches the run context to `jupyter`; returns what reads the assumption ids read so far. */
export async function attachRunContext(jupyter: object, inputs: RunInputs, notebook: string, currentCell: () => number, post: (event: RunEvent) => void): Promise<() => readonly string[]> {
  const assumptions = await loadTrackedAssumptions(inputs, notebook);
  Object.defineProperty(jupyter, RUN_CONTEXT, { value: recordingContext(assumptions, inputs.montecarlo, inputs.ledgerKey, notebook, currentCell, post), enumerable: false });
  return () => assumptions.readIds();
}

/** Deno's functions that read a file's content by path (and `open`, unless for writing only). */
const DENO_READS = ["readTextFile", "readTextFileSync", "readFile", "readFileSync", "open", "openSync"] as const;

/**
 * What a Deno notebook's cells read: `node:fs` imports get notebook-files.ts's wrappers, and the
 * runner's `Deno` gets these read functions, each reporting its file first. Deno already runs in the
 * notebook's folder, so a relative path names the same file either way.
 */
export function trackFiles(folder: string, deno: object): { modules: ReadonlyMap<string, unknown>; deno: PropertyDescriptorMap; reads: () => readonly string[] } {
  const reads = new Set<string>();
  const record = (file: string): void => void reads.add(file);
  const { modules } = notebookFiles(folder, record);
  const here = (target: unknown): string | undefined =>
    typeof target === "string" ? resolve(folder, target) : target instanceof URL && target.protocol === "file:" ? fileURLToPath(target) : undefined;
  const descriptors: PropertyDescriptorMap = {};
  for (const name of DENO_READS) {
    const original = (deno as Record<string, unknown>)[name];
    if (typeof original !== "function") continue;
    const value = (...args: unknown[]): unknown => {
      const options = args[1] as { read?: boolean; write?: boolean; append?: boolean; create?: boolean; truncate?: boolean } | undefined;
      const writing = options !== undefined && options.read !== true && (options.write === true || options.append === true || options.create === true || options.truncate === true);
      const file = here(args[0]);
      if (file !== undefined && !(name.startsWith("open") && writing)) record(file);
      return Reflect.apply(original, deno, args);
    };
    descriptors[name] = { value, enumerable: true };
  }
  return { modules, deno: descriptors, reads: () => [...reads] };
}
