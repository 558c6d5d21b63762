/**
 * Charts through real builds (engine, chart cache, report) on test/fixtures/charts: 01-heat charts a
 * CSV file by `data.url` with a red gradient legend, 02-bars has inline data and a
 * yellow-green-blue gradient legend.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import { appendCell, tempProject, type TempProject } from "../project";

let project: TempProject;
let lines: string[] = [];
const file = (path: string): string => join(project.root, path);
const edit = (path: string, from: string, to: string): void => {
  const text = readFileSync(file(path), "utf8");
  if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
  writeFileSync(file(path), text.replace(from, to));
};

async function rebuild(options: { strict?: boolean } = {}) {
  lines = [];
  const result = await build({ root: project.root, pdf: false, ...options }, new FileBuildEffects((line) => lines.push(line)));
  const html = readFileSync(file("out/build/report.html"), "utf8");
  const log = JSON.parse(readFileSync(file("out/build/build-log.json"), "utf8")) as { notebooks: { notebook: string; status: string; reason: string }[] };
  return { result, html, log };
}

function figures(html: string): string[] {
  return html.match(/<figure class="output chart[^"]*"[\s\S]*?<\/figure>/g) ?? [];
}

/** The stop colours of the gradient a figure's legend paints with, found by the id it references. */
function legendGradient(html: string, figure: string): string[] {
  const ref = /fill="url\(#([^)]+)\)"/.exec(figure)?.[1];
  expect(ref, "the legend references a gradient").toBeDefined();
  // The id must be defined inside the same figure, and exactly once in the whole page.
  expect(figure).toContain(`id="${ref}"`);
  expect(html.split(`id="${ref}"`).length - 1).toBe(1);
  const gradient = new RegExp(`<linearGradient id="${ref}"[\\s\\S]*?</linearGradient>`).exec(figure)?.[0] ?? "";
  return [...gradient.matchAll(/stop-color="([^"]+)"/g)].map((match) => match[1] ?? "");
}

const isReddish = (colour: string): boolean => {
  const [r, g, b] = (/rgb\((\d+), ?(\d+), ?(\d+)\)/.exec(colour)?.slice(1) ?? hexToRgb(colour)).map(Number) as [number, number, number];
  return r > g + 40 && r > b + 40;
};
function hexToRgb(hex: string): string[] {
  const value = hex.replace("#", "");
  return [0, 2, 4].map((at) => String(parseInt(value.slice(at, at + 2), 16)));
}

beforeAll(() => {
  project = tempProject("charts");
  // The cold build runs in another process (the real CLI): its charts reach the next build through
  // the chart cache, numbered by that process's vega counters, as after any ordinary rebuild.
  const cold = spawnSync("node", ["dist/cli.cjs", "build", "--root", project.root, "--no-pdf"], { encoding: "utf8" });
  expect(cold.status, cold.stderr).toBe(0);
}, 120_000);
afterAll(() => project.remove());

describe("charts across rebuilds", () => {
  it("keeps every SVG id unique and each legend on its own gradient when one chart is re-rendered and one is cached", async () => {
    edit("notebooks/02-bars.ipynb", "Bars with a gradient legend", "Bars with a gradient legend, retitled");
    const { result, html, log } = await rebuild();
    expect(result.exitCode).toBe(0);
    expect(log.notebooks.map((entry) => entry.status)).toEqual(["reused", "executed"]);
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    const [heat, bars] = figures(html);
    expect(heat).toContain("Heat from a CSV file");
    expect(bars).toContain("retitled");
    const heatStops = legendGradient(html, heat ?? "");
    const barStops = legendGradient(html, bars ?? "");
    expect(heatStops.at(-1) !== undefined && isReddish(heatStops.at(-1) ?? "")).toBe(true);
    expect(isReddish(barStops.at(-1) ?? "")).toBe(false);
  }, 120_000);

  it("re-runs exactly the chapter that charts a data file when the file changes, says so, and draws the new data", async () => {
    writeFileSync(file("notebooks/data/points.csv"), "row,col,heat\na,x,1\na,y,2\nb,x,3\nb,y,40\nc,z,77\n");
    const { result, html, log } = await rebuild();
    expect(result.exitCode).toBe(0);
    expect(log.notebooks.map((entry) => entry.status)).toEqual(["executed", "reused"]);
    expect(log.notebooks[0]?.reason).toBe("re-ran: data file notebooks/data/points.csv changed");
    expect(lines.some((line) => line.includes("re-ran: data file notebooks/data/points.csv changed"))).toBe(true);
    // The new row is in the chart (its label) and inlined in the embedded spec.
    expect(figures(html)[0]).toMatch(/>c<\/text>/);
    expect(html).toContain("c,z,77");
    const again = await rebuild();
    expect(again.log.notebooks.map((entry) => entry.status)).toEqual(["reused", "reused"]);
  }, 120_000);

  it("tracks an image named only in a chart's data file: replacing the image draws the new one", async () => {
    const fixtures = join(import.meta.dirname, "..", "fixtures", "charts-data");
    copyFileSync(join(fixtures, "ffox.png"), file("notebooks/data/logo.png"));
    writeFileSync(file("notebooks/data/logos.json"), JSON.stringify([{ name: "a", img: "data/logo.png" }]));
    const original = readFileSync(file("notebooks/02-bars.ipynb"), "utf8");
    appendCell(project.root, "02-bars.ipynb", 'nb.chart({ data: { url: "data/logos.json" }, mark: { type: "image", width: 20, height: 20 }, encoding: { x: { field: "name", type: "nominal" }, url: { field: "img" } } });');
    const base64 = (path: string): string => readFileSync(file(path)).toString("base64");
    const first = await rebuild();
    expect(first.result.exitCode).toBe(0);
    expect(first.html).toContain(base64("notebooks/data/logo.png"));
    // Another image under the same name: only the image changed, neither the notebook nor the data file.
    const other = readFileSync(join(fixtures, "ffox.png"));
    writeFileSync(file("notebooks/data/logo.png"), Buffer.concat([other, Buffer.from("another image")]));
    const next = await rebuild();
    expect(next.log.notebooks[1]?.reason).toBe("re-ran: data file notebooks/data/logo.png changed");
    expect(next.html).toContain(base64("notebooks/data/logo.png"));
    expect((await rebuild()).log.notebooks.map((entry) => entry.status)).toEqual(["reused", "reused"]);
    writeFileSync(file("notebooks/02-bars.ipynb"), original);
  }, 120_000);

  it("refuses a remote data URL in place, names the cell, still writes the HTML and exits 1", async () => {
    edit("notebooks/01-heat.ipynb", 'url: \\"data/points.csv\\"', 'url: \\"https://example.com/points.csv\\"');
    const { result, html } = await rebuild();
    expect(result.exitCode).toBe(1);
    // Located at the URL in the cell, as `fragtax run` locates it.
    expect(html).toMatch(/notebooks\/01-heat\.ipynb: cell 2, line \d+, column \d+: the Vega-Lite chart could not be rendered: data\.url &quot;https:\/\/example\.com\/points\.csv&quot; is remote; a report makes no network requests/);
    expect(lines.join("\n")).toMatch(/notebooks\/01-heat\.ipynb: cell 2, line \d+, column \d+: the Vega-Lite chart could not be rendered: data\.url "https:\/\/example\.com\/points\.csv" is remote/);
    edit("notebooks/01-heat.ipynb", 'url: \\"https://example.com/points.csv\\"', 'url: \\"data/points.csv\\"');
  }, 120_000);

  it("locates a misspelled key with a did-you-mean, keeps the rest of the report, exits 1", async () => {
    edit("notebooks/02-bars.ipynb", 'y: { field: \\"size\\"', 'y: { feild: \\"size\\"');
    const { result, html } = await rebuild();
    expect(result.exitCode).toBe(1);
    // In a typed cell the type check finds the misspelling first, at its line and column, before the
    // cell runs (the schema's did-you-mean, for untyped specs, is tested in render.test.ts).
    const message = "notebooks/02-bars.ipynb: cell 2, line 10, column 10: TS2353: Object literal may only specify known properties, and 'feild' does not exist";
    expect(lines.join("\n")).toContain(message);
    expect(html).toContain("feild");
    expect(figures(html)[0]).toContain("Heat from a CSV file");
    edit("notebooks/02-bars.ipynb", 'y: { feild: \\"size\\"', 'y: { field: \\"size\\"');
  }, 120_000);

  it("fails a chart whose encoding names a field the data lacks, located at the name; a field only a filter reads is a warning, which --strict fails", async () => {
    edit("notebooks/02-bars.ipynb", 'y: { field: \\"size\\"', 'y: { field: \\"sise\\"');
    const failed = await rebuild();
    // vega-lite would draw it empty, silently: the chart is not drawn, its error is in its place and on the title page.
    expect(failed.result.exitCode).toBe(1);
    const error = 'notebooks/02-bars.ipynb: cell 2, line 10, column 17: chart field "sise" (at encoding.y.field) is not in the chart\'s data; did you mean "size"?';
    expect(lines.join("\n")).toContain(error);
    expect(lines.join("\n")).not.toContain(`warning: ${error}`);
    expect(failed.html).toContain("This build failed");
    expect(figures(failed.html).some((figure) => figure.includes("Bars with a gradient legend"))).toBe(false);
    expect((failed.log as unknown as { warnings: string[] }).warnings).toEqual([]);
    edit("notebooks/02-bars.ipynb", 'y: { field: \\"sise\\"', 'y: { field: \\"size\\"');
    // A filter on a field the data lacks filters every row out: drawn (empty), warned about, and recorded
    // in the build log, where publish reads it (it refuses the build without --accept-warnings).
    edit("notebooks/02-bars.ipynb", 'mark: \\"bar\\",', 'transform: [{ filter: { field: \\"sise\\", gt: 0 } }],\\n  mark: \\"bar\\",');
    const warned = await rebuild();
    expect(warned.result.exitCode).toBe(0);
    const warning = 'warning: notebooks/02-bars.ipynb: cell 2, line 7, column 34: chart field "sise" (at transform[0].filter.field) is not in the chart\'s data; did you mean "size"? The data has: "name", "size".';
    expect(lines.join("\n")).toContain(warning);
    const logged = (warned.log as unknown as { warnings: string[] }).warnings;
    expect(logged).toEqual([warning.slice("warning: ".length)]);
    const strict = await rebuild({ strict: true });
    expect(strict.result.exitCode).toBe(1);
    expect(lines.join("\n")).toMatch(/--strict/);
    edit("notebooks/02-bars.ipynb", 'transform: [{ filter: { field: \\"sise\\", gt: 0 } }],\\n  mark: \\"bar\\",', 'mark: \\"bar\\",');
  }, 120_000);
});
