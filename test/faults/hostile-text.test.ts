/**
 * Hostile text in every assumption field, through a real build and into real Chromium: no script
 * runs (no dialog opens), the text shows literally, and the page's policy would stop an injected
 * inline script even if escaping were missed.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type LaunchedChromium } from "../../src/report/chromium";
import { appendCell, tempProject, type TempProject } from "../project";
import { fragtax } from "../published-project";

const LABEL = `Price <img src=x onerror="alert('label')"> **bold** [link](javascript:alert('link'))`;
const TITLE = `Essay <script>alert('title')</script> $\` $&`;
const NOTE = `Note <svg onload=alert('note')></svg>\n\n<script>alert('note2')</script> \u001b[31mred\u001b[0m`;
const UNIT = `USD<iframe srcdoc="<script>alert('unit')</script>">`;

let project: TempProject;
let chromium: LaunchedChromium;
let page = "";

beforeAll(async () => {
  project = tempProject();
  const file = join(project.root, "notebooks", "assumptions.yaml");
  const yaml = readFileSync(file, "utf8")
    .split("label: H100 rental price").join(`label: ${JSON.stringify(LABEL)}`)
    .split("unit: USD/GPU-hour").join(`unit: ${JSON.stringify(UNIT)}`)
    .split(`title: "Analyst essay", url`).join(`title: ${JSON.stringify(TITLE)}, url`)
    .split(`note: "Prices vary <script>alert('x')</script> by region"`).join(`note: ${JSON.stringify(NOTE)}`);
  writeFileSync(file, yaml);
  // The prose quotes every field of the assumption, as chapters do (label, source, note, unit).
  appendCell(project.root, "01-price.ipynb", [
    "nb.md`The input is ${price.label} in ${price.unit} (source: ${price.source.title}, ${price.source.date}). ${price.note ?? \"\"}`;",
    "nb.md`${[price.label, price.note ?? \"\"].map((text, i) => nb.mdFragment`${i + 1}. **${text}**`)}`;",
    "nb.figure({ id: \"hostile_figure\", label: price.label, unit: price.unit, format: \"number\", value: 1 });",
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

async function open(html: string): Promise<{ dialogs: string[]; text: string; runtime: string | null; strong: string[] }> {
  const file = join(project.root, `view-${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, html);
  const tab = await chromium.browser.newPage();
  const dialogs: string[] = [];
  tab.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await tab.goto(pathToFileURL(file).href, { waitUntil: "load" });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const state = (await tab.evaluate(`({
    text: document.body.innerText,
    runtime: document.documentElement.getAttribute("data-runtime"),
    strong: [...document.querySelectorAll("main li > strong")].map((element) => element.textContent),
  })`)) as { text: string; runtime: string | null; strong: string[] };
  await tab.close();
  return { dialogs, ...state };
}

describe("hostile assumption fields in the built report, in Chromium", () => {
  it("fires no dialog and shows every field as text, in prose, lists, figures and the appendix", async () => {
    const { dialogs, text, runtime, strong } = await open(page);
    expect(dialogs).toEqual([]);
    expect(runtime).toBe("ready");
    expect(text).toContain(`The input is ${LABEL} in ${UNIT} (source: ${TITLE}, 2026-04-28).`);
    // The author's ** makes bold list items; the label's own ** and line breaks in the note are text.
    // …and its control characters (ESC) are shown as \x1b, never passed raw into the page.
    expect(strong).toEqual([LABEL, NOTE.replace("\n\n", "  ").split("\u001b").join("\\x1b")]);
    expect(text).toContain("Note <svg onload=alert('note')></svg> <script>alert('note2')</script> \\x1b[31mred\\x1b[0m");
    expect(page).not.toContain("\u001b");
    expect(page).not.toMatch(/<script>alert|<img src=x|<svg onload|<iframe srcdoc/);
    expect(page).not.toContain('href="javascript:');
  });

  it("the page's policy lets its own runtime run but not an inline script that escaping missed", async () => {
    expect(page).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(page).not.toContain("'unsafe-inline'; script-src 'unsafe-inline'");
    const injected = page.replace("<main>", () => `<main><script>alert("missed")</script><img src="x" onerror="alert('attr')">`);
    const { dialogs, runtime } = await open(injected);
    expect(dialogs).toEqual([]);
    expect(runtime).toBe("ready");
  });
});
