/**
 * The notebook API as `fragtax build/run` bundle it for `../dist/api.js` (src/notebook/imports.ts):
 * the same exports as `index.ts`, but the context must be the engine's run context. Leaving out the
 * Jupyter fallback keeps YAML, zod and the config code out of every notebook's realm.
 */
import * as messages from "../messages/notebook";
import { runContextOf, type TslabLike } from "./context";
import { createSession, type NotebookOptions, type NotebookSession } from "./session";

export * from "./public";

export function notebook(tslab: TslabLike, _options: NotebookOptions = {}): NotebookSession {
  const context = runContextOf(tslab);
  if (context === undefined) throw new Error(messages.noRunContext());
  return createSession(tslab, context);
}
