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
  if (context === undefined) throw new Error(messages.noRunContext());
  return createSession(host, context);
}
