/**
 * The TypeScript API (the `typescript` package), loaded on first use. It is ~9 MB of JavaScript: a
 * build whose check runs on the native compiler (typecheck-tsgo.ts) never needs it, and loading it
 * cost the check's thread ~0.4 s before that compiler could start.
 */
import { createRequire } from "node:module";
import type * as TS from "typescript";
import { requireWithCodeCache } from "../util/code-cache";

let loaded: typeof TS | undefined;

export function typescript(): typeof TS {
  // Required, not imported: importing CommonJS from an ES module makes Node scan all 9 MB of
  // typescript.js for its export names first (~0.4 s of every cold check). Through V8's code cache,
  // its compile takes ~0.05 s instead of ~0.2 s (util/code-cache.ts).
  return (loaded ??= requireWithCodeCache(createRequire(import.meta.url).resolve("typescript")).exports as typeof TS);
}
