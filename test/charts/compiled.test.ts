/**
 * Charts compiled and parsed apart from their data (src/charts/compiled.ts): what Vega draws from the
 * kept compile with new data is what it draws from the spec with that data compiled afresh, the
 * compile is not run again for a spec whose data alone changed, and the kept entries are read back
 * from disk by a new process (a fresh module) or, spoiled, compiled again.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { deserialize, serialize } from "node:v8";
import * as vega from "vega";
import * as vegaLite from "vega-lite";
import { afterAll, describe, expect, it, vi } from "vitest";
import { compiledChart, withoutData, type CompileSteps } from "../../src/charts/compiled";
import { writesBehindSettled } from "../../src/util/atomic";
import { resolveChartData } from "../../src/charts/data";
import { applyTheme } from "../../src/charts/render";
import { seededRandom } from "../../src/util/seeded-random";
import { packageDir } from "../../src/package-version";
import { sealedBytes, unsealedBytes } from "../../src/util/sealed";

type Json = Record<string, unknown>;

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});
const newFolder = (): string => {
  const folder = mkdtempSync(join(tmpdir(), "fragtax-compiled-"));
  folders.push(folder);
  return folder;
};

function counted(code = "test"): CompileSteps & { compiles: number } {
  const steps = {
    compiles: 0,
    code,
    compile: (spec: Json) => {
      steps.compiles++;
      return vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec, { logger: vega.logger(vega.None) }).spec as unknown as Json;
    },
    parse: (spec: Json) => vega.parse(spec as unknown as vega.Spec) as unknown,
  };
  return steps;
}

async function svgOf(runtime: unknown): Promise<string> {
  const view = new vega.View(runtime as ReturnType<typeof vega.parse>, { renderer: "none", logLevel: vega.None });
  try {
    await view.runAsync();
    // vega numbers clip paths and gradients by a counter shared by every view of the process.
    return (await view.toSVG()).replace(/\b(clip|gradient_|pattern_)\d+\b/g, "$1#");
  } finally {
    view.finalize();
  }
}

// Drawn with the same random numbers each time, as the build draws (charts/random.ts): an error band's
// bootstrap and a jitter use them.
const seeded = (): void => (vega as unknown as { setRandom(random: () => number): void }).setRandom(seededRandom(7));

/** The drawing of `spec` compiled and parsed with its data, as before the compiled cache. */
const direct = (spec: Json): Promise<string> => {
  seeded();
  return svgOf(vega.parse(vegaLite.compile(spec as unknown as vegaLite.TopLevelSpec, { logger: vega.logger(vega.None) }).spec));
};
const viaCache = async (spec: Json, steps: CompileSteps, dir?: string): Promise<string> => {
  seeded();
  return svgOf(compiledChart(spec, steps, dir).runtime);
};

/** What a new process (nothing kept in memory) draws of `spec` with the entries in `dir`, and how many compiles it ran. */
async function inNewProcess(dir: string, spec: Json, code: string): Promise<{ svg: string; compiles: number }> {
  vi.resetModules();
  const fresh = (await import("../../src/charts/compiled")) as typeof import("../../src/charts/compiled");
  const steps = counted(code);
  const svg = await svgOf(fresh.compiledChart(spec, steps, dir).runtime);
  return { svg, compiles: steps.compiles };
}

const bars = (values: Json[]): Json => ({
  data: { values },
  mark: "bar",
  encoding: { x: { field: "who", type: "nominal" }, y: { field: "usd", type: "quantitative" } },
});
const ROWS = [{ who: "lab", usd: 12.5 }, { who: "cloud", usd: 30 }, { who: "chips", usd: 7.25 }];
const MOVED = ROWS.map((row) => ({ ...row, usd: row.usd * 3 }));

describe("charts compiled apart from their data", () => {
  it("draws a spec whose data alone changed from the kept compile, as a fresh compile draws it", async () => {
    const steps = counted("moved");
    const before = await viaCache(bars(ROWS), steps);
    expect(steps.compiles).toBe(1);
    const after = await viaCache(bars(MOVED), steps);
    expect(steps.compiles).toBe(1); // the same spec but its numbers: not compiled again
    expect(after).toBe(await direct(bars(MOVED)));
    expect(before).toBe(await direct(bars(ROWS)));
    expect(after).not.toBe(before);
    // Another spec (a field renamed) is compiled.
    await viaCache({ ...bars(ROWS), mark: "point" }, steps);
    expect(steps.compiles).toBe(2);
  });

  it("keeps Vega-Lite's one source for equal arrays, its two named sources of the same rows, datasets and lookups", async () => {
    const layered = (a: Json[], b: Json[], names?: [string, string]): Json => ({
      layer: [
        { data: { values: a, ...(names && { name: names[0] }) }, mark: "bar", encoding: { x: { field: "who", type: "nominal" }, y: { field: "usd", type: "quantitative" } } },
        { data: { values: b, ...(names && { name: names[1] }) }, mark: "tick", encoding: { x: { field: "who", type: "nominal" }, y: { field: "usd", type: "quantitative" } } },
      ],
    });
    const named: Json = {
      datasets: { costs: ROWS },
      data: { name: "costs" },
      transform: [{ lookup: "who", from: { data: { values: [{ who: "lab", share: 0.5 }, { who: "cloud", share: 0.3 }] }, key: "who", fields: ["share"] } }],
      mark: "point",
      encoding: { x: { field: "usd", type: "quantitative" }, y: { field: "share", type: "quantitative" } },
    };
    // The same rows in both layers, as a notebook's output gives them: two equal arrays, one class,
    // one source (as Vega-Lite makes of the arrays themselves); named apart, two sources.
    const twins = layered(ROWS, structuredClone(ROWS));
    // (Compared as JSON: Vega marks the rows it drew with a symbol of its own.)
    expect(JSON.stringify(withoutData(twins).classes)).toBe(JSON.stringify([[ROWS, ROWS]]));
    const steps = counted("layers");
    for (const spec of [twins, layered(MOVED, structuredClone(MOVED)), layered(ROWS, MOVED), layered(MOVED, ROWS), layered(ROWS, structuredClone(ROWS), ["a", "b"]), layered(MOVED, structuredClone(MOVED), ["a", "b"]), named, { ...named, datasets: { costs: MOVED } }]) {
      expect(await viaCache(spec, steps)).toBe(await direct(spec));
    }
    expect(steps.compiles).toBe(4); // each shape once: equal layers, unequal layers, named layers, datasets
    // Two sources of the same rows still get an array each, not one shared between them.
    const apart = compiledChart(layered(MOVED, structuredClone(MOVED), ["a", "b"]), steps, undefined).vegaSpec as { data: { values: unknown }[] };
    const sources = apart.data.filter((data) => Array.isArray(data.values)).map((data) => data.values);
    expect(sources).toHaveLength(2);
    expect(sources[0]).not.toBe(sources[1]);
    expect(JSON.stringify(sources[0])).toBe(JSON.stringify(sources[1]));
    expect(JSON.stringify(withoutData(layered(ROWS, MOVED)).classes)).toBe(JSON.stringify([[ROWS], [MOVED]]));
    expect(withoutData(named).classes).toHaveLength(2);
  });

  it("replaces only inline data arrays: text data, URLs and other `values` stay in the spec", () => {
    const spec = {
      data: { values: "a,b\n1,2", format: { type: "csv" } },
      layer: [{ data: { values: ROWS }, mark: "bar", encoding: { x: { field: "who", type: "nominal", axis: { values: ["lab", "cloud"] } } } }],
    };
    const { shape, classes } = withoutData(spec);
    expect(classes).toEqual([[ROWS]]);
    expect(JSON.stringify(shape)).toContain('"values":"a,b\\n1,2"');
    expect(JSON.stringify(shape)).toContain('"values":["lab","cloud"]');
    expect(JSON.stringify(shape)).not.toContain("chips");
  });

  it("reads a kept compile back from disk in a new process, and compiles again over a spoiled one", async () => {
    const dir = newFolder();
    const first = counted("disk");
    await viaCache(bars(ROWS), first, dir);
    await writesBehindSettled();
    expect(readdirSync(dir)).toHaveLength(1);
    const second = await inNewProcess(dir, bars(MOVED), "disk");
    expect(second.svg).toBe(await direct(bars(MOVED)));
    expect(second.compiles).toBe(0);
    const [entry] = readdirSync(dir);
    writeFileSync(join(dir, entry as string), readFileSync(join(dir, entry as string)).subarray(0, 40));
    const third = await inNewProcess(dir, bars(MOVED), "disk");
    expect(third.svg).toBe(await direct(bars(MOVED)));
    expect(third.compiles).toBe(1);
  });

  it("compiles again over an entry whose placeholders are not where it says (edited by hand)", async () => {
    const dir = newFolder();
    compiledChart(bars(ROWS), counted("edited"), dir);
    await writesBehindSettled();
    const [name] = readdirSync(dir);
    const file = join(dir, name as string);
    const entry = deserialize(unsealedBytes(readFileSync(file), basename(file))) as { places: { path: (string | number)[] }[] };
    expect(entry.places.length).toBeGreaterThan(0);
    for (const place of entry.places) place.path = ["vegaSpec", "nowhere", ...place.path];
    // Sealed again (sealed.ts), so that it is read: its places are what is wrong.
    writeFileSync(file, sealedBytes(serialize(entry), basename(file)));
    const fresh = await inNewProcess(dir, bars(MOVED), "edited");
    expect(fresh.svg).toBe(await direct(bars(MOVED)));
    expect(fresh.compiles).toBe(1);
  });

  it("compiles again over an entry whose bytes changed since it was written (its seal broken)", async () => {
    const dir = newFolder();
    compiledChart(bars(ROWS), counted("unsealed"), dir);
    await writesBehindSettled();
    const [name] = readdirSync(dir);
    const file = join(dir, name as string);
    const bytes = readFileSync(file);
    const last = bytes.length - 1;
    bytes[last] = (bytes[last] as number) ^ 1;
    writeFileSync(file, bytes);
    const fresh = await inNewProcess(dir, bars(MOVED), "unsealed");
    expect(fresh.svg).toBe(await direct(bars(MOVED)));
    expect(fresh.compiles).toBe(1);
  });

  it("draws a sample of the Vega-Lite gallery, data inlined and themed, as a fresh compile does", async () => {
    const folder = join(import.meta.dirname, "..", "fixtures", "gallery", "specs");
    const datasets = packageDir("vega-datasets");
    // Every 20th spec, and every one that shares data between views, names datasets or looks data up.
    const files = readdirSync(folder).filter((name) => name.endsWith(".vl.json")).sort();
    const sample = files.filter((name, index) => index % 20 === 0 || /"datasets"|"lookup"/.test(readFileSync(join(folder, name), "utf8")));
    expect(sample.length).toBeGreaterThan(40);
    const steps = counted("gallery");
    for (const name of sample) {
      const text = readFileSync(join(folder, name), "utf8").replace(/https:\/\/cdn\.jsdelivr\.net\/npm\/vega-datasets@[^/]+\//g, "");
      const { spec } = await resolveChartData(JSON.parse(text) as Json, datasets, datasets);
      const themed = applyTheme(spec);
      const fresh = await direct(themed).catch((error: Error) => `failed: ${error.message}`);
      expect(await viaCache(themed, steps).catch((error: Error) => `failed: ${error.message}`), name).toBe(fresh);
    }
  }, 120_000);
});
