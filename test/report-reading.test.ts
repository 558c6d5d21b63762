/**
 * The Fragmentation Tax read as a reader reads it: the report's own notebooks built by the real CLI
 * into a temp root, and report.html opened in real Chromium, where each check reads rendered text.
 * What is checked here is what a demanding reader found wrong: text that holds in one place of the
 * report and not in another.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type LaunchedChromium } from "../src/report/chromium";

const repo = resolve(import.meta.dirname, "..");
// One cold build of all nine chapters on a shared 2-core machine: a limit against a hang.
const BUILD_MS = 180_000;

let root = "";
let chromium: LaunchedChromium;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "fragtax-reading-"));
  cpSync(join(repo, "notebooks"), join(root, "notebooks"), { recursive: true });
  symlinkSync(join(repo, "src"), join(root, "src"), "dir");
  symlinkSync(join(repo, "node_modules"), join(root, "node_modules"), "dir");
  execFileSync("node", [join(repo, "dist", "cli.js"), "build", "--no-pdf", "--root", root], { stdio: "pipe" });
  chromium = await launchChromium();
}, BUILD_MS);

afterAll(async () => {
  await chromium.close();
  rmSync(root, { recursive: true, force: true });
});

/** The rendered text (innerText) of each element the selector matches. */
async function texts(selector: string): Promise<string[]> {
  const tab = await chromium.browser.newPage();
  try {
    await tab.goto(pathToFileURL(join(root, "out", "build", "report.html")).href, { waitUntil: "load" });
    return (await tab.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.innerText)`)) as string[];
  } finally {
    await tab.close();
  }
}

describe("the report's appendices", () => {
  it("send Appendix B's reader to the chapter that holds a figure's alternatives, not to 'the next section'", async () => {
    const rows = await texts("#appendix-figures tbody tr");
    const share = rows.find((r) => r.includes("fragmentation_tax_share_of_compute")) ?? "";
    expect(share).toMatch(/as modelled; [\d.]+%–[\d.]+% under the alternatives in chapter 8/);
    expect(rows.filter((r) => /next section|previous section|above|below/.test(r))).toEqual([]);
  });
});

describe("the claims ledger beside the chapters", () => {
  it("quotes the essay's own price-to-sales division with the figure chapter 5 gives it", async () => {
    const figure = (await texts('[data-figure-id="anthropic_price_to_sales_essay_run_rate"]')).join("");
    const multiple = /\d+× \(90% CI [\d.]+×–[\d.]+×\)/.exec(figure)?.[0];
    expect(multiple).toBeDefined();
    const row = (await texts("#appendix-claims tbody tr")).find((r) => r.includes("price-to-sales multiple")) ?? "";
    expect(row).toContain(`on its own run rate: the sourced valuation over it gives ${multiple ?? "?"}`);
  });
});
