/**
 * The bundled CLI draws charts with dist/vega.cjs, Vega and Vega-Lite in one CommonJS file loaded
 * through V8's code cache (scripts/bundle-cli.mjs, src/charts/vega-modules.ts). It must draw exactly
 * what the installed packages draw: same versions, and text measured with canvas (the bundle's copy
 * of vega-canvas requires it where the package awaits it), or labels would be laid out by estimate.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { VegaModules } from "../../src/charts/vega-modules";
import { tempFolders } from "../project";

const repo = resolve(import.meta.dirname, "..", "..");
const folders = tempFolders();

// Long nominal labels, a title and a legend: their measured widths decide the layout.
const SPEC = {
  title: "Monthly spend per provider (measured labels)",
  data: { values: [{ who: "A very long provider name, measured", usd: 3, kind: "cloud" }, { who: "Short", usd: 5, kind: "own" }] },
  mark: "bar",
  encoding: { y: { field: "who", type: "nominal" }, x: { field: "usd", type: "quantitative" }, color: { field: "kind", type: "nominal" } },
};

async function svg({ vega, vegaLite }: VegaModules): Promise<string> {
  const view = new vega.View(vega.parse(vegaLite.compile(SPEC as never).spec), { renderer: "none" });
  return view.toSVG();
}

describe("dist/vega.cjs", () => {
  it("draws what the installed packages draw, measuring text with canvas", async () => {
    const bundled = createRequire(import.meta.url)(join(repo, "dist", "vega.cjs")) as VegaModules;
    const [vega, vegaLite] = await Promise.all([import("vega"), import("vega-lite")]);
    expect([bundled.vega.version, bundled.vegaLite.version]).toEqual([vega.version, vegaLite.version]);
    // vega exports vega-scenegraph's textMetrics at run time; its typings do not declare it.
    const { textMetrics } = bundled.vega as unknown as { textMetrics: { width: unknown; measureWidth: unknown } };
    expect(textMetrics.width).toBe(textMetrics.measureWidth);
    expect(await svg(bundled)).toBe(await svg({ vega, vegaLite }));
  });

  it("is what a build of the bundled CLI loads, through the code cache made as the build exits (after its charts were drawn)", () => {
    const v8 = join(repo, "node_modules", ".cache", "fragtax", "v8");
    const vegaCaches = (): string[] => (existsSync(v8) ? readdirSync(v8).filter((name) => name.startsWith("vega.cjs.drawn-")) : []);
    for (const name of vegaCaches()) rmSync(join(v8, name), { force: true });
    const { root } = folders.project("charts");
    const result = spawnSync(process.execPath, [join(repo, "dist", "cli.cjs"), "build", "--no-pdf", "--root", root], { encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/render: \d+ chapters?, [1-9]\d* charts?/);
    expect(vegaCaches()).toHaveLength(1);
  }, 120_000);
});
