/**
 * Worker-thread entry: runs one compiled notebook in a fresh realm and streams `RunEvent`s to the
 * main thread. The worker builds the run context itself from serializable inputs (registries do not
 * cross threads). Cells run in order; the first failing cell ends the run. The main thread owns the
 * timeout (it terminates this thread, which stops even a synchronous `while (true) {}`).
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ClaimRecord, FigureRecord } from "../api/types";
import { loadTrackedAssumptions } from "./assumptions";
import { inspectValue, type RunEvent, type ThrownValue } from "./outputs";
import type { WorkerProgram, WorkerSetup } from "./pool";
import { createRealm } from "./realm";
import type { RunContext } from "./run-context";
import { createTslabShim } from "./tslab-shim";

const job = workerData as WorkerSetup;
/** The compiled cells arrive once the main thread has compiled them; `once` so the port unrefs after. */
const program = new Promise<WorkerProgram>((resolve) => parentPort?.once("message", resolve));
const post = (event: RunEvent | { type: "done" }): void => parentPort?.postMessage(event);

async function run(): Promise<void> {
  const assumptions = await loadTrackedAssumptions(job.inputs, job.notebook);
  let current = 0;
  const stamp = <T extends object>(record: T): T => ({ ...record, notebook: job.notebook, cell: current });
  const context: RunContext = {
    assumptions,
    montecarlo: job.inputs.montecarlo,
    recordFigure(figure: FigureRecord) {
      const record = stamp(plain(figure));
      post({ type: "figure", record });
      return record;
    },
    recordClaim(claim: ClaimRecord) {
      const record = stamp(plain(claim));
      post({ type: "claim", record });
      return record;
    },
  };
  const tslab = createTslabShim({ display: (data, displayId, update) => post({ type: "display", data, update, ...(displayId ? { displayId } : {}) }) }, job.versions, context);
  const realm = createRealm({
    notebookFile: job.notebookFile,
    stdout: (text) => post({ type: "stream", name: "stdout", text }),
    stderr: (text) => post({ type: "stream", name: "stderr", text }),
    tslab,
  });
  process.on("unhandledRejection", (reason) => post({ type: "stream", name: "stderr", text: `Unhandled promise rejection: ${describe(reason).evalue}\n` }));
  const { cells, bundle } = await program;
  realm.loadImports(bundle);
  for (const cell of cells) {
    current = cell.cell;
    post({ type: "cell-start", cell: cell.cell });
    try {
      const value = inspectValue(await realm.runCell(cell.code, cell.filename));
      post({ type: "cell-end", cell: cell.cell, reads: assumptions.readIds(), ...(value === undefined ? {} : { value }) });
    } catch (error) {
      post({ type: "cell-end", cell: cell.cell, reads: assumptions.readIds(), thrown: describe(error) });
      break;
    }
  }
  post({ type: "done" });
}

/** Records from the realm are plain data; JSON keeps them so (and drops functions). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Errors from the realm are not `instanceof Error` here (another realm's Error), so read them by shape. */
function describe(error: unknown): ThrownValue {
  if (typeof error === "object" && error !== null) {
    const fields = error as { name?: unknown; message?: unknown; stack?: unknown };
    const ename = typeof fields.name === "string" ? fields.name : "Error";
    const evalue = typeof fields.message === "string" ? fields.message : inspectValue(error) ?? "";
    const stack = typeof fields.stack === "string" ? fields.stack : "";
    return { ename, evalue, stack };
  }
  return { ename: "Error", evalue: `thrown value: ${inspectValue(error) ?? "undefined"}`, stack: "" };
}

// A failure before the first cell (e.g. an invalid assumptions file) is reported on the first cell.
run().catch(async (error: unknown) => {
  const cell = (await program).cells[0]?.cell ?? 1;
  post({ type: "cell-start", cell });
  post({ type: "cell-end", cell, reads: [], thrown: describe(error) });
  post({ type: "done" });
});
