/**
 * Images a notebook's markdown shows, through real builds of test/fixtures/project: JupyterLab shows
 * `![x](pic.png)` from the notebook's folder, the report (one file, `img-src data:`) shows it only
 * inlined. A local image is inlined as a data: URI with its type (a markdown cell's and `nb.md`'s
 * alike); replacing it renders the page again; one the page cannot carry fails the build at its
 * cell and line. In real Chromium, under the page's own policy, the inlined images display.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import { launchChromium } from "../../src/report/chromium";
import { appendCell, appendMarkdown as appendToNotebook, tempProject, type TempProject } from "../project";

const FOX = join(import.meta.dirname, "..", "fixtures", "charts-data", "ffox.png");
/** An SVG with a script: shown as an image it must draw, and its script must not run. */
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"><rect width="30" height="20" fill="#c00"/><script>parent.document.title = "svg script ran"</script></svg>';
const NOTEBOOK = "01-price.ipynb";

let project: TempProject;
let lines: string[] = [];
const file = (path: string): string => join(project.root, path);
const base64 = (path: string): string => readFileSync(file(path)).toString("base64");

async function rebuild() {
  lines = [];
  const result = await build({ root: project.root, pdf: false, strict: true }, new FileBuildEffects((line) => lines.push(line)));
  const log = JSON.parse(readFileSync(file("out/build/build-log.json"), "utf8")) as { notebooks: { status: string }[] };
  return { exitCode: result.exitCode, html: readFileSync(file("out/build/report.html"), "utf8"), log };
}

const appendMarkdown = (source: string): number => appendToNotebook(project.root, NOTEBOOK, source);

let original = "";
beforeAll(() => {
  project = tempProject();
  copyFileSync(FOX, file("notebooks/pic.png"));
  mkdirSync(file("notebooks/img"));
  writeFileSync(file("notebooks/img/logo.svg"), SVG);
  // Only their first bytes are checked: a file named like an image must start like one.
  writeFileSync(file("notebooks/img/photo.jpg"), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  writeFileSync(file("notebooks/img/anim.gif"), "GIF89a....");
  writeFileSync(file("notebooks/img/shot.webp"), "RIFF....WEBPVP8 ");
  writeFileSync(file("notebooks/notes.png"), "not an image");
  writeFileSync(join(project.root, "..", `${project.root.split("/").pop() ?? ""}-outside.png`), readFileSync(FOX));
  original = readFileSync(file(`notebooks/${NOTEBOOK}`), "utf8");
});
afterAll(() => project.remove());

describe("a markdown image", () => {
  it("is inlined as a data: URI of its type, in a markdown cell and in nb.md, and the notebook is left as it was", async () => {
    appendMarkdown("A fox:\n\n![A fox](pic.png)\n\n<img src=\"img/logo.svg\" alt=\"logo\" width=\"30\"> ![j](img/photo.jpg) ![g](<img/anim.gif>) ![w][shot]\n\n[shot]: img/shot.webp");
    appendCell(project.root, NOTEBOOK, "nb.md`The same fox: ![fox again](pic.png)`;");
    const edited = readFileSync(file(`notebooks/${NOTEBOOK}`), "utf8");
    const { exitCode, html } = await rebuild();
    expect(exitCode, lines.join("\n")).toBe(0);
    expect(html.split(`src="data:image/png;base64,${base64("notebooks/pic.png")}"`)).toHaveLength(3);
    for (const [path, mime] of [["img/logo.svg", "image/svg+xml"], ["img/photo.jpg", "image/jpeg"], ["img/anim.gif", "image/gif"], ["img/shot.webp", "image/webp"]]) {
      expect(html).toContain(`src="data:${mime};base64,${base64(`notebooks/${path ?? ""}`)}"`);
    }
    expect(html).not.toMatch(/<img[^>]*src="(?!data:)/);
    // The build reads the notebook, never writes it: JupyterLab and `fragtax run` see it unchanged.
    expect(readFileSync(file(`notebooks/${NOTEBOOK}`), "utf8")).toBe(edited);
  }, 120_000);

  it("displays in real Chromium under the page's policy, and an SVG's script does not run", async () => {
    const html = readFileSync(file("out/build/report.html"), "utf8");
    expect(html).toMatch(/Content-Security-Policy" content="[^"]*img-src data:/);
    const chromium = await launchChromium();
    try {
      const tab = await chromium.browser.newPage();
      const title = (await tab.goto(pathToFileURL(file("out/build/report.html")).href, { waitUntil: "load" }), await tab.title());
      // Browser-side code as text: the project compiles without the DOM library.
      const images = (await tab.evaluate(`[...document.querySelectorAll(".cell-markdown img, .output-markdown img")].map((img) => ({ alt: img.alt, width: img.naturalWidth, complete: img.complete }))`)) as { alt: string; width: number }[];
      const shown = Object.fromEntries(images.map((image) => [image.alt, image.width]));
      expect(shown["A fox"]).toBeGreaterThan(0);
      expect(shown["fox again"]).toBeGreaterThan(0);
      expect(shown.logo).toBe(30);
      expect(await tab.title()).toBe(title);
      expect(title).not.toContain("svg script ran");
    } finally {
      await chromium.close();
    }
  }, 60_000);

  it("renders the page again when only the image changed, and shows the new one", async () => {
    const before = await rebuild();
    expect(lines.some((line) => line.includes("reused the last build's page"))).toBe(true);
    writeFileSync(file("notebooks/pic.png"), Buffer.concat([readFileSync(FOX), Buffer.from("another image")]));
    const after = await rebuild();
    expect(after.exitCode).toBe(0);
    // Neither notebook re-ran (the image is not an input of the run, only of the page).
    expect(after.log.notebooks.map((entry) => entry.status)).toEqual(["reused", "reused"]);
    expect(after.html).not.toBe(before.html);
    expect(after.html.split(`src="data:image/png;base64,${base64("notebooks/pic.png")}"`)).toHaveLength(3);
    await rebuild();
    expect(lines.some((line) => line.includes("reused the last build's page"))).toBe(true);
  }, 120_000);

  it("fails the build, located at cell and line with what to do, when it is missing, outside the project, not an image or remote", async () => {
    writeFileSync(file(`notebooks/${NOTEBOOK}`), original);
    const outside = `../../${project.root.split("/").pop() ?? ""}-outside.png`;
    const cell = appendMarkdown(`Fine: ![fox](pic.png)\n\n![gone](missing.png)\nand ![out](${outside})\n![text](notes.png)\n\n<img src="https://example.com/a.png" alt="remote"> ![by reference][old]\n\n[old]:  img/old.png\n\n![host](file:///etc/hostname) ![js](javascript:alert(1))\n\n![svg](data:image/svg+xml;base64,PHN2Zy8+) ![dot](data:image/png;base64,iVBORw0KGgo=)\n\n![nope.png](nope.png) ![again](nope.png)`);
    const code = appendCell(project.root, NOTEBOOK, "const caption = \"x\";\nnb.md`Shown by code: ![gone too](gone.png)`;");
    const { exitCode, html } = await rebuild();
    expect(exitCode).toBe(1);
    const said = lines.join("\n");
    const where = `notebooks/${NOTEBOOK}: cell ${cell}`;
    expect(said).toContain(`${where}, line 3, column 9: the image "missing.png" was not found (notebooks/missing.png); an image's path is relative to the notebook's folder, as in JupyterLab. Correct the path or add the file.`);
    expect(said).toContain(`${where}, line 4, column 12: the image "${outside}" is outside the project (`);
    expect(said).toContain("the report inlines only files inside the project folder. Copy it into the project (e.g. next to the notebook) and give its relative path.");
    expect(said).toContain(`${where}, line 5, column 9: "notes.png" is not an image the report can inline (.png, .jpg, .jpeg, .gif, .svg, .webp, whose contents start as such a file does)`);
    expect(said).toContain(`${where}, line 7, column 11: the image "https://example.com/a.png" is remote; the report is one self-contained file and makes no network requests.`);
    // URLs markdown-it will not make an image of (the page showed them as "![host](file:///…)" text, without a word).
    expect(said).toContain(`${where}, line 11, column 9: the image "file:///etc/hostname" is a URL, not a path in the project;`);
    expect(said).toContain(`${where}, line 11, column 37: the image "javascript:alert(1)" is a URL, not a path in the project;`);
    // A data: URL markdown would show as text; a PNG one it shows is carried as it is.
    expect(said).toContain(`${where}, line 13, column 8: the image "data:image/svg+xml;base64,PHN2Zy8+" is a data: URL that markdown shows as text`);
    expect(said).not.toContain('"data:image/png');
    // Each at its own URL: not the alt text that spells the same name, not the first of two.
    expect(said).toContain(`${where}, line 15, column 13: the image "nope.png" was not found`);
    expect(said).toContain(`${where}, line 15, column 32: the image "nope.png" was not found`);
    // A reference image is located at its definition's URL, the text to correct.
    expect(said).toContain(`${where}, line 9, column 9: the image "img/old.png" was not found (notebooks/img/old.png)`);
    expect(said).toContain(`notebooks/${NOTEBOOK}: cell ${code}, line 2, column 34: the image "gone.png" was not found (notebooks/gone.png)`);
    // The page says so in place, and never carries a src that cannot display.
    expect(html).toContain("the image &quot;missing.png&quot; was not found");
    expect(html).not.toMatch(/<img[^>]*src="(?!data:)/);
    expect(html).toContain(`src="data:image/png;base64,${base64("notebooks/pic.png")}"`);
    // The title page's banner links each failed cell, markdown cells too, and names each place once.
    const banner = /<section class="build-failed"[^]*?<\/section>/.exec(html)?.[0] ?? "";
    const links = [...banner.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const id of links) expect(html).toContain(`id="${id}"`);
    expect(banner).toContain(`${where}</a>, line 3, column 9: the image`);
    expect(banner).not.toContain(`${where}</a>: ${where}`);
    // Every cell ran: the banner says what is missing is what the page could not show, not cells after a failure.
    expect(banner).toContain("Every cell ran, but what the page could not show (a chart it cannot draw, an image it cannot carry) is missing from it");
    expect(banner).not.toContain("any cell after it that did not run");
    // Each of the cell's problems on a line of its own (they ran together as one paragraph).
    expect(banner).toContain(`Correct the path or add the file.<br>${where}, line 4, column 12: the image`);
    writeFileSync(file(`notebooks/${NOTEBOOK}`), original);
  }, 120_000);

  it("fails a cell whose displayed HTML shows an image the page cannot carry, in the build and in run, rather than drawing a broken image", async () => {
    writeFileSync(file(`notebooks/${NOTEBOOK}`), original);
    const cell = appendCell(project.root, NOTEBOOK, 'tslab.display.html(`<p>Beacon</p><img src="https://evil.example/b.png" alt="b">`);');
    const { exitCode, html } = await rebuild();
    expect(exitCode).toBe(1);
    const message = `notebooks/${NOTEBOOK}: cell ${cell}: the HTML this cell displays shows the image "https://evil.example/b.png", which the page cannot carry`;
    expect(lines.join("\n")).toContain(message);
    expect(html).not.toMatch(/<img[^>]*src="(?!data:)/);
    const run = spawnSync(process.execPath, [join(import.meta.dirname, "..", "..", "dist", "cli.cjs"), "run", `notebooks/${NOTEBOOK}`], { cwd: project.root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
  }, 60_000);
});
