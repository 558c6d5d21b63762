/**
 * Ten gallery charts in a report, built to HTML and PDF by the real pipeline (engine, charts,
 * Chromium). The PDF's pages were also looked at as PNGs (pdftoppm) when this was written.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import type { TempProject } from "../project";
import { GALLERY_CHARTS, galleryProject } from "./gallery-project";

let project: TempProject;
const lines: string[] = [];
let exitCode = -1;

beforeAll(async () => {
  project = galleryProject();
  const started = performance.now();
  exitCode = (await build({ root: project.root }, new FileBuildEffects((line) => lines.push(line)))).exitCode;
  // Not asserted (speed belongs in benchmarks); printed for the record.
  process.stdout.write(`gallery report: built HTML + PDF in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}, 300_000);
afterAll(() => project.remove());

describe("ten gallery charts in a report", () => {
  it("builds the HTML and the PDF with every chart drawn", () => {
    expect(exitCode, lines.join("\n")).toBe(0);
    const html = readFileSync(join(project.root, "out/build/report.html"), "utf8");
    const figures = html.match(/<figure class="output chart[^"]*"[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(GALLERY_CHARTS.length);
    expect(html).not.toContain(`class="output output-error`);
    // The 42,000-point map is an image with its data downloadable; every other chart is SVG.
    const images = figures.filter((figure) => /<img class="chart-raster" src="data:image\/png;base64,/.test(figure));
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/<a download="chart-data\.csv" href="data:text\/csv;base64,[^"]+">Download the data of this chart \(4\d,\d{3} rows\)<\/a>/);
    // Image marks show their pictures inline; no other image source.
    // (the wide drawing only: a figure also carries its phone drawing, after class="chart-narrow")
    const imageMarks = (figures.find((figure) => figure.includes('aria-roledescription="image mark"')) ?? "").split('class="chart-narrow"')[0] ?? "";
    expect([...imageMarks.matchAll(/<image [^>]*xlink:href="data:image\/png;base64,/g)]).toHaveLength(3);
    // Every id is unique across the report.
    const ids = [...html.matchAll(/\bid="([^"]+)"/g)].map((match) => match[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const pdf = join(project.root, "out/build/report.pdf");
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("Gallery");
    expect(Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1])).toBeGreaterThan(2);
  });

  it("says which chart it rasterised and why, and what the static page shows for interactive charts", () => {
    const log = lines.join("\n");
    expect(log).toMatch(/warning: notebooks\/01-gallery\.ipynb: cell 10: the chart was drawn as an image \(4\d,\d{3} marks, over 20,000\)/);
    expect(log).toMatch(/cell 5: the chart uses the selection "brush", which a static page cannot offer; the report shows the chart before anything is selected/);
    expect(log).toMatch(/cell 9: the chart uses a legend-bound selection "industry", which a static page cannot offer; the report shows all categories, unselected/);
    expect(log).toMatch(/cell 11: the chart uses the animation "animation_frame", which a static page cannot offer; the report shows every frame at once/);
  });
});
