/**
 * The part of the engine that runs inside Deno, next to a Deno notebook's cells: it gives the cells'
 * `Deno.jupyter` the run context (`notebook(Deno.jupyter)` then records figures and claims and reads
 * tracked assumptions, as `notebook(tslab)` does in the tslab worker). Bundled by esbuild with the
 * notebook's `../dist/*.js` imports (deno.ts) and evaluated by the runner; nothing here touches Node APIs.
 */
import { RUN_CONTEXT } from "../api/context";
import { loadTrackedAssumptions } from "./assumptions";
import type { RunEvent } from "./outputs";
import { recordingContext } from "./recording";
import type { RunInputs } from "./run-context";

/** Attaches the run context to `jupyter`; returns what reads the assumption ids read so far. */
export async function attachRunContext(jupyter: object, inputs: RunInputs, notebook: string, currentCell: () => number, post: (event: RunEvent) => void): Promise<() => readonly string[]> {
  const assumptions = await loadTrackedAssumptions(inputs, notebook);
  Object.defineProperty(jupyter, RUN_CONTEXT, { value: recordingContext(assumptions, inputs.montecarlo, notebook, currentCell, post), enumerable: false });
  return () => assumptions.readIds();
}
