/**
 * The notebook API as real Jupyter loads it (`dist/api.js`). A chapter notebook starts with
 *
 *   import * as tslab from "tslab";
 *   import { notebook } from "../dist/api.js";
 *   const nb = notebook(tslab);
 *
 * and a Deno notebook (kernel `deno jupyter`) with `const nb = notebook(Deno.jupyter);` instead of the
 * tslab import (same API; displays go through `Deno.jupyter.display`).
 *
 * In `fragtax build/run` the engine's tslab stand-in carries a run context; in Jupyter there is none
 * and this entry loads report.yaml and its assumptions file from disk (`jupyter.ts`). The engine
 * bundles `engine.ts` for `../dist/api.js` instead (same exports, no disk loader): see session.ts.
 */
import { type NotebookHost } from "./context";
import { type NotebookOptions, type NotebookSession } from "./session";
export * from "./public";
export declare function notebook(host: NotebookHost, options?: NotebookOptions): NotebookSession;
