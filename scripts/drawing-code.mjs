// The hash of the code that draws charts, for the chart cache's key (src/charts/cache.ts `drawingCode`).
// Its own module so the bundle (scripts/bundle-cli.mjs) and its test compute it alike.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

/**
 * A hash of every source file in the renderer's module graph (esbuild's metafile of
 * src/charts/render.ts under `root`, its lazy imports included; packages stay out, the cache key names
 * their versions) and of the canvas shim Vega's bundle takes. Any change to how charts are drawn then
 * leaves cached drawings unused, with no revision number to remember to raise.
 */
export async function drawingCodeHash(root = process.cwd()) {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: ["src/charts/render.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outdir: "dist",
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const hash = createHash("sha256");
  for (const file of [...Object.keys(metafile.inputs), "scripts/vega-canvas-sync.cjs"].sort()) {
    hash.update(`${file}\0`).update(readFileSync(join(root, file))).update("\0");
  }
  return hash.digest("hex").slice(0, 32);
}
