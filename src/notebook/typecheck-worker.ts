/**
 * Worker-thread entry: `checkForRun` off the main thread, where the TypeScript API must check (the
 * native compiler runs as a process of its own and needs no thread: typecheck-run.ts). A build's
 * notebooks start running while their type check is still going on another core; `execute.ts`
 * refuses (and re-runs up to) a cell with a type error once the check answers, before anything is
 * returned. The thread answers one request after another and is kept for the next build of the
 * process (`fragtax dev`), so the parsed lib and @types files it keeps (typecheck.ts) are parsed once
 * per process, as before.
 */
import { parentPort } from "node:worker_threads";
import { checkForRun, type NotebookCells } from "./typecheck";

export interface TypeCheckRequest {
  readonly id: number;
  readonly notebooks: readonly NotebookCells[];
  readonly root: string;
}

parentPort?.on("message", ({ id, notebooks, root }: TypeCheckRequest) => {
  parentPort?.postMessage({ id, entries: [...checkForRun(notebooks, { root })] });
});
