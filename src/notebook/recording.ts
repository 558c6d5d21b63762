/**
 * The run context the engine hands the notebook API (`RUN_CONTEXT`): tracked assumption reads, and
 * figures and claims sent as `RunEvent`s, stamped with the notebook and the cell that made them.
 * One definition for both runtimes: the tslab worker (`worker.ts`) and the Deno runner (`deno-host.ts`).
 */
import type { MonteCarloSettings } from "../api/context";
import type { ClaimRecord, FigureRecord } from "../api/types";
import type { ListingReader } from "../assumptions/types";
import type { RunEvent } from "./outputs";
import type { RunContext } from "./run-context";

export function recordingContext(assumptions: ListingReader, montecarlo: MonteCarloSettings, ledgerKey: string, notebook: string, currentCell: () => number, post: (event: RunEvent) => void): RunContext {
  const stamp = <T extends object>(record: T): T => ({ ...plain(record), notebook, cell: currentCell() });
  return {
    assumptions,
    montecarlo,
    ledgerKey,
    recordFigure(figure: FigureRecord) {
      const record = stamp(figure);
      post({ type: "figure", record });
      return record;
    },
    recordClaim(claim: ClaimRecord) {
      const record = stamp(claim);
      post({ type: "claim", record });
      return record;
    },
  };
}

/** Records from the notebook are plain data; JSON keeps them so (and drops functions). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
