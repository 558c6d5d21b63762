/**
 * node_modules/.cache/fragtax of this install: files derived from the install itself (the minified
 * chart runtime, font subsets, the compiled Vega-Lite validator, V8 code caches), kept by content and
 * shared by every project. A project's own caches live in its out/.cache (config/paths.ts).
 */
import { join } from "node:path";
import { writeFileAtomicSync } from "./atomic";
import { toolRoot } from "./paths";

export function toolCacheDir(): string {
  return join(toolRoot(), "node_modules", ".cache", "fragtax");
}

/** Write a cache file whole (temp + rename); a read-only install only means computing it again next time (false). */
export function writeToolCache(file: string, contents: string | Uint8Array): boolean {
  try {
    writeFileAtomicSync(file, contents);
    return true;
  } catch {
    return false; // not cached: the next build computes it again
  }
}
