/**
 * A value interpolated into `nb.md` inside HTML the author wrote (a `<table>` of figures, a `<div>`, an
 * attribute): CommonMark passes such a block through as HTML, where a backslash escape is two
 * characters, so the report showed "\$25M (90% interval \$20.5M–\$29.5M)" and a label's `<b>` became
 * markup. Real build, real Chromium: the reader sees the value as written, beside prose that is not HTML.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type LaunchedChromium } from "../../src/report/chromium";
import { appendCell, tempProject, type TempProject } from "../project";
import { fragtax } from "../published-project";

const LABEL = `Price <b>not bold</b> <a href="https://example.com/x">not a link</a> *x* $5 & "q" \\ \u001b[31m`;

let project: TempProject;
let chromium: LaunchedChromium;
let page = "";

beforeAll(async () => {
  project = tempProject();
  appendCell(project.root, "01-price.ipynb", [
    `const label = ${JSON.stringify(LABEL)};`,
    "nb.md`<table><tr><td>Cost</td><td id=\"in-table\">${cost}</td></tr></table>`;",
    "nb.md`<div id=\"in-div\">${label}</div>`;",
    "nb.md`<div id=\"in-attr\" title=\"${label}\">attribute</div>`;",
    "nb.md`<details><summary>How</summary>\n<p id=\"second-line\">${cost} for ${label}</p>\n</details>`;",
    "nb.md`Plain prose: ${cost} for ${label}.`;",
  ].join("\n"));
  const result = await fragtax(["build", "--no-pdf", "--root", project.root], { cwd: project.root });
  expect(result.stderr).toContain("report.html");
  expect(result.code).toBe(0);
  page = readFileSync(join(project.root, "out", "build", "report.html"), "utf8");
  chromium = await launchChromium();
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  project?.remove();
});

describe("values interpolated into HTML an nb.md template writes, in Chromium", () => {
  it("show as written: no backslashes, no markup from the value, the attribute whole", async () => {
    const file = join(project.root, "view.html");
    writeFileSync(file, page);
    const tab = await chromium.browser.newPage();
    await tab.goto(pathToFileURL(file).href, { waitUntil: "load" });
    const seen = (await tab.evaluate(`(() => {
      const text = (id) => document.getElementById(id)?.textContent ?? null;
      const paragraphs = [...document.querySelectorAll(".output-markdown p")].map((p) => p.textContent);
      return {
        table: text("in-table"),
        div: text("in-div"),
        divChildren: document.getElementById("in-div")?.children.length ?? -1,
        title: document.getElementById("in-attr")?.getAttribute("title") ?? null,
        second: text("second-line"),
        plain: paragraphs.find((p) => p.startsWith("Plain prose")) ?? null,
      };
    })()`)) as Record<string, string | number | null>;
    await tab.close();
    const cost = "$25M (90% interval $20.5M–$29.5M)";
    const shown = LABEL.replace("\u001b", "\\x1b");
    expect(seen.table).toBe(cost);
    expect(seen.div).toBe(shown);
    expect(seen.divChildren).toBe(0);
    expect(seen.title).toBe(shown);
    expect(seen.second).toBe(`${cost} for ${shown}`);
    // Prose outside HTML is as it was.
    expect(seen.plain).toBe(`Plain prose: ${cost} for ${shown}.`);
  });
});
