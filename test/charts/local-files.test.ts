/**
 * What a chart may read (charts/local-files.ts): only regular files inside the project, of bounded
 * size. A data file's rows name images, and those rows may come from anywhere: a path outside the
 * project, a symlink out of it, a FIFO or a device is not read (never a hang), and the warning says
 * where and what to do. The rebuild cache lists the same files, so it never hashes what is refused.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { chartFiles } from "../../src/charts/data";
import { MAX_CHART_FILE_MB, readLocalImage } from "../../src/charts/local-files";
import { renderChart } from "../../src/charts/render";
import { literalLocator, notebookChartFiles } from "../../src/report/chart-outputs";
import type { Notebook } from "../../src/notebook/nbformat";
import { tempFolders } from "../project";

const folders = tempFolders();
const SECRET = "top secret text";
const secretBase64 = Buffer.from(SECRET).toString("base64");
const png = resolve(import.meta.dirname, "..", "fixtures", "charts-data", "ffox.png");

/** A project (root/notebooks/data) beside a secret file outside it, and the chart place of a notebook in it. */
function project() {
  const scratch = folders.scratch("fragtax-chart-files-");
  const root = join(scratch, "project");
  const notebooks = join(root, "notebooks");
  mkdirSync(join(notebooks, "data"), { recursive: true });
  writeFileSync(join(scratch, "secret.png"), SECRET);
  copyFileSync(png, join(notebooks, "data", "logo.png"));
  const place = { where: "notebooks/01-x.ipynb: cell 2", baseDir: notebooks, root, idPrefix: "vt" };
  return { root, notebooks, place, data: (name: string, text: string) => writeFileSync(join(notebooks, "data", name), text) };
}

const logos = { data: { url: "data/logos.json" }, mark: { type: "image", width: 20, height: 20 }, encoding: { x: { field: "name", type: "nominal" }, url: { field: "img" } } };

describe("images a data file names", () => {
  it("reads those inside the project and leaves out those outside it, each with a warning saying what to do", async () => {
    const { root, notebooks, place, data } = project();
    symlinkSync(join(root, "..", "secret.png"), join(notebooks, "data", "link.png"));
    const rows = [{ name: "a", img: "../../secret.png" }, { name: "b", img: join(root, "..", "secret.png") }, { name: "c", img: "data/link.png" }, { name: "d", img: "data/logo.png" }];
    data("logos.json", JSON.stringify(rows));
    const chart = await renderChart(logos, place);
    const page = chart.markup + JSON.stringify(chart.themedSpec);
    expect(page).not.toContain(secretBase64);
    expect(chart.markup).toMatch(/xlink:href="data:image\/png;base64,iVBOR/);
    const leftOut = chart.warnings.filter((warning) => warning.includes("left out"));
    expect(leftOut).toHaveLength(3);
    expect(leftOut[0]).toBe(
      `notebooks/01-x.ipynb: cell 2: an image of the chart was left out: "../../secret.png" is outside the project (${join(root, "..", "secret.png")}); a chart reads only files inside the project folder. Copy the file into the project (e.g. next to the notebook) and give its relative path.`,
    );
    // A symlink inside the project is judged by where it leads.
    expect(leftOut[2]).toContain('"data/link.png" is outside the project');
    expect(chart.files.map((file) => file.slice(root.length))).toEqual(["/notebooks/data/logo.png", "/notebooks/data/logos.json"]);
    // The rebuild cache lists what the render read, the image the rows name included (never those left out).
    expect(chartFiles(logos, notebooks, root)).toEqual(chart.files);
  });

  it("the rebuild cache lists only images the rows name that the render would read, and never fails on a bad URL", async () => {
    const { root, notebooks, place, data } = project();
    data("notes.txt", "not an image");
    data("logos.json", JSON.stringify([{ name: "a", img: "data/logo.png" }, { name: "b", img: "data/notes.txt" }, { name: "c", img: "data/%zz.png" }]));
    expect(chartFiles(logos, notebooks, root).map((file) => file.slice(root.length))).toEqual(["/notebooks/data/logo.png", "/notebooks/data/logos.json"]);
    // The render draws the chart without the images it cannot use, and says why for each.
    const chart = await renderChart(logos, place);
    expect(chart.markup).toMatch(/xlink:href="data:image\/png;base64,iVBOR/);
    expect(chart.warnings.filter((warning) => warning.includes("left out"))).toEqual([
      expect.stringContaining('"data/notes.txt" is not an image'),
      'notebooks/01-x.ipynb: cell 2: an image of the chart was left out: "data/%zz.png" is not a file path (URI malformed); give the image\'s path relative to the notebook, with % only as in %20.',
    ]);
  });

  it("never waits on a FIFO or reads a device or a folder", { timeout: 15_000 }, async () => {
    const { notebooks, place, data } = project();
    expect(spawnSync("mkfifo", [join(notebooks, "data", "pipe.png")]).status).toBe(0);
    mkdirSync(join(notebooks, "data", "folder.png"));
    data("logos.json", JSON.stringify([{ name: "a", img: "data/pipe.png" }, { name: "b", img: "data/folder.png" }, { name: "c", img: "data/logo.png" }]));
    const chart = await renderChart(logos, place);
    const leftOut = chart.warnings.filter((warning) => warning.includes("left out"));
    expect(leftOut).toHaveLength(2);
    expect(leftOut[0]).toContain(`"data/pipe.png" (${join(notebooks, "data", "pipe.png")}) is not a regular file (a folder, device or pipe); a chart reads only ordinary files.`);
    expect(leftOut[1]).toContain(`"data/folder.png" (${join(notebooks, "data", "folder.png")}) is not a regular file`);
    expect(chart.markup).toMatch(/xlink:href="data:image\/png;base64,iVBOR/);
  });
});

describe("files inside the project that are not images", () => {
  it("are never copied into the page: a row naming .env, .git/config or text named like an image is left out", async () => {
    const { root, notebooks, place, data } = project();
    writeFileSync(join(root, ".env"), `API_KEY=${SECRET}`);
    mkdirSync(join(root, ".git"));
    writeFileSync(join(root, ".git", "config"), SECRET);
    writeFileSync(join(notebooks, "data", "notes.png"), SECRET);
    data("logos.json", JSON.stringify([{ name: "a", img: "../.env" }, { name: "b", img: "../.git/config" }, { name: "c", img: "data/notes.png" }, { name: "d", img: "data/logo.png" }]));
    const chart = await renderChart(logos, place);
    const page = chart.markup + JSON.stringify(chart.themedSpec) + chart.warnings.join("\n");
    expect(page).not.toContain(secretBase64);
    expect(page).not.toContain(Buffer.from(`API_KEY=${SECRET}`).toString("base64"));
    const leftOut = chart.warnings.filter((warning) => warning.includes("left out"));
    expect(leftOut.map((warning) => /left out: "([^"]+)" is not an image/.exec(warning)?.[1])).toEqual(["../.env", "../.git/config", "data/notes.png"]);
    expect(leftOut[0]).toContain("give the path of an image");
    expect(chart.markup).toMatch(/xlink:href="data:image\/png;base64,iVBOR/);
  });
});

describe("a local image named without an image's extension", () => {
  it("is said to be missing when it is not there (`<img src=x>`), and is never read when it is", async () => {
    const { root, notebooks } = project();
    expect(await readLocalImage("x", notebooks, root)).toEqual({ kind: "unreadable", path: join(notebooks, "x"), code: "ENOENT" });
    writeFileSync(join(root, ".env"), `API_KEY=${SECRET}`);
    expect(await readLocalImage("../.env", notebooks, root)).toEqual({ kind: "not-image" });
  });
});

describe("a chart's data.url", () => {
  it("outside the project, a FIFO, a device or a file over the size limit fails the chart and is never opened", { timeout: 15_000 }, async () => {
    const { notebooks, place } = project();
    expect(spawnSync("mkfifo", [join(notebooks, "data", "pipe.csv")]).status).toBe(0);
    const big = join(notebooks, "data", "big.csv");
    writeFileSync(big, "");
    truncateSync(big, MAX_CHART_FILE_MB * 1024 * 1024 + 1); // sparse: no disk used
    const bars = (url: string) => ({ data: { url, format: { type: "csv" } }, mark: "bar", encoding: { x: { field: "name", type: "nominal" } } });
    const failure = (url: string) => renderChart(bars(url), place).then(() => "", (error: Error) => error.message);
    expect(await failure("../../secret.png")).toMatch(/^notebooks\/01-x\.ipynb: cell 2: the Vega-Lite chart could not be rendered: "\.\.\/\.\.\/secret\.png" is outside the project/);
    expect(await failure("/dev/zero")).toContain('"/dev/zero" is outside the project');
    expect(await failure("data/pipe.csv")).toContain("is not a regular file (a folder, device or pipe); a chart reads only ordinary files.");
    expect(await failure("data/big.csv")).toContain(`is 32.0 MB, over the ${MAX_CHART_FILE_MB} MB a chart may read into the page; aggregate or filter the data`);
    // Located at the URL where the cell writes it, as `fragtax run` locates a missing file (it said only "cell 2").
    const source = 'nb.chart({ data: { url: "data/missing.csv" }, mark: "bar" });';
    const located = { ...place, locate: literalLocator("notebooks/01-x.ipynb", 2, source) };
    const missing = await renderChart(bars("data/missing.csv"), located).then(() => "", (error: Error) => error.message);
    expect(missing).toMatch(/^notebooks\/01-x\.ipynb: cell 2, line 1, column 25: the Vega-Lite chart could not be rendered: "data\/missing\.csv" was not found/);
  });

  it("the rebuild cache lists only the files a chart may read (it hashes them: a FIFO would hang it)", () => {
    const { root, notebooks } = project();
    expect(spawnSync("mkfifo", [join(notebooks, "data", "pipe.csv")]).status).toBe(0);
    const spec = { vconcat: ["data/pipe.csv", "../../secret.png", "/etc/hostname", "data/ok.csv", "data/missing.csv"].map((url) => ({ data: { url }, mark: "bar" })) };
    const listed = ["/notebooks/data/missing.csv", "/notebooks/data/ok.csv"];
    expect(chartFiles(spec, notebooks, root).map((file) => file.slice(root.length))).toEqual(listed);
    const notebook = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: "code", id: "c1", metadata: {}, execution_count: 1, source: "", outputs: [{ output_type: "display_data", metadata: {}, data: { "application/vnd.vegalite.v5+json": spec } }] }] } as Notebook;
    expect(notebookChartFiles(notebook, notebooks, root).map((file) => file.slice(root.length))).toEqual(listed);
  });
});
