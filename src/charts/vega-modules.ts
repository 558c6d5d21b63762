/**
 * Vega and Vega-Lite, imported on a build's first chart. The bundled CLI carries them as one CommonJS
 * file, dist/vega.cjs (scripts/bundle-cli.mjs), loaded through V8's code cache (util/code-cache.ts):
 * ~0.08 s instead of ~0.14 s as an ES module, whose compile Node 20 cannot cache. Run from the
 * sources (tests, tsx), the installed packages themselves.
 */
import { join } from "node:path";
import { requireWithCodeCache } from "../util/code-cache";
import { toolRoot } from "../util/paths";

declare global {
  /** In the bundled CLI, replaced at bundle time by Vega's file, relative to the tool's folder; run from sources, unset. */
  var __FRAGTAX_VEGA_CJS__: string | undefined;
}

export interface VegaModules {
  readonly vega: typeof import("vega");
  readonly vegaLite: typeof import("vega-lite");
}

export async function importVega(): Promise<VegaModules> {
  const bundled = globalThis.__FRAGTAX_VEGA_CJS__;
  // Its cache is made at exit, after charts were drawn: it then holds the drawing code too (a rebuild's
  // three changed charts drew in ~210 ms instead of ~250; the cache made after loading held little of it).
  if (bundled !== undefined) return requireWithCodeCache(join(toolRoot(), bundled), undefined, { keep: "at-exit", variant: "drawn" }).exports as VegaModules;
  const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
  return { vega, vegaLite };
}
