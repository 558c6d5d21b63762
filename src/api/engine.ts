/**
 * The notebook API as `fragtax build/run` bundle it for `../dist/api.js` (src/notebook/imports.ts):
 * the same exports as `index.ts`, but the context must be the engine's run context. Leaving out the
 * Jupyter fallback keeps YAML, zod and the config code out of every notebook's realm.
 */
import * as messages from "../messages/notebook";
import { runContextOf, type NotebookHost } from "./context";
import { createSession, type NotebookOptions, type NotebookSession } from "./session";

export * from "./public";

export function notebook(host: NotebookHost, _options: NotebookOptions = {}): NotebookSession {
  const context = runContextOf(host);
  if (context === undefined) throw new Error(inDeno() ? messages.noRunContextInDeno() : messages.noRunContext());
  return createSession(host, context);
}

/**
 * A Deno notebook given something else than `Deno.jupyter`, the one host Deno's run gives the context
 * (tslab's advice would be wrong there). The real `Deno` is read only for its version: its `jupyter`
 * throws outside `deno jupyter`, and cells see fragtax's own (src/notebook/deno.ts).
 */
function inDeno(): boolean {
  const deno = (globalThis as { Deno?: { version?: { deno?: unknown } } }).Deno;
  return typeof deno?.version?.deno === "string";
}
