/**
 * What a reader sees of figures and claims: a small project built by the real CLI (`fragtax build`
 * in a child process), its report.html opened in real Chromium and read as text, as a reader would.
 */
import { execFileSync } from "node:child_process";
import { appendFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, type LaunchedChromium } from "../../src/report/chromium";
import { appendCell, tempProject, type TempProject } from "../project";

const repo = resolve(import.meta.dirname, "..", "..");
const BUILD_MS = 120_000;

/** Cells appended to the fixture's chapters before the one build every test here reads. */
const CLAIMS_CELLS = [
  // An unverifiable claim: `computed` carries the stated figure, as the report's ledger passes it.
  // A claim in a unit no format shows ("years"): the card must say it, as the ledger does.
  `nb.claim({ id: "azure_years", claim: "Four years of tuning for Azure", stated: { low: 4, high: 4 }, computed: { low: 6.77, high: 6.77 }, unit: "years", format: "number", verdict: "understated", factor: 0.59 });`,
  // Overstated by a factor that two digits would write "1×".
  `nb.claim({ id: "fed_above_4", claim: "The Fed funds rate is still above 4%", stated: { low: 0.04, high: 0.045 }, computed: { low: 0.0375, high: 0.0375 }, unit: "rate per year", format: "percent", verdict: "overstated", factor: 1.03 });`,
  `nb.claim({ id: "manus_price", claim: "Meta bought Manus for $2B", stated: { low: 2e9, high: 2e9 }, computed: { low: 2e9, high: 2e9 }, unit: "USD", format: "usd", verdict: "unverifiable", factor: null });`,
];

/** Figures appended to the first chapter: the title page shows its figures as headline cards. */
const HEADLINE_CELLS = [
  // A 90% interval whose ends both read "2×".
  `nb.figure({ id: "narrow_multiple", label: "Engineering multiplier", unit: "×", format: "multiple", summary: { mean: 1.98, p5: 1.96, p25: 1.97, p50: 1.98, p75: 1.99, p95: 2.01 } });`,
  // A layered chart whose first layer, a shaded band, encodes x by a field with no title.
  `nb.chart({ title: "Engineering multiplier", layer: [
    { data: { values: [{ lo: 20, hi: 60 }] }, mark: { type: "rect", opacity: 0.2 }, encoding: { x: { field: "lo", type: "quantitative" }, x2: { field: "hi" } } },
    { data: { values: [{ s: 0, m: 1 }, { s: 100, m: 2 }] }, mark: "line", encoding: { x: { field: "s", type: "quantitative", title: "Stack-specific share (%)" }, y: { field: "m", type: "quantitative", title: "Cost (× one stack)" } } },
  ] });`,
  `nb.figure({ id: "per_chip_usd", label: "Design cost per chip", unit: "USD/chip", format: "usd", summary: { mean: 4.3e3, p5: 2.3e3, p25: 3e3, p50: 4.22e3, p75: 5.5e3, p95: 7.77e3 } });`,
];

const FED_ASSUMPTION = `  - id: fed_funds_upper_bound
    kind: source
    label: Federal funds target range, upper bound
    unit: fraction per year
    value: 0.0375
    source: { title: "Federal Reserve, FOMC statement", date: 2025-12-10 }
`;

let project: TempProject;
let chromium: LaunchedChromium;

beforeAll(async () => {
  project = tempProject();
  // An input given to more digits than a share's usual two: the FOMC's upper bound, 3.75%.
  appendFileSync(join(project.root, "notebooks", "assumptions.yaml"), FED_ASSUMPTION);
  for (const cell of HEADLINE_CELLS) appendCell(project.root, "01-price.ipynb", cell);
  for (const cell of CLAIMS_CELLS) appendCell(project.root, "02-claims.ipynb", cell);
  execFileSync("node", [join(repo, "dist", "cli.cjs"), "build", "--no-pdf", "--root", project.root], { stdio: "pipe" });
  chromium = await launchChromium();
}, BUILD_MS);

afterAll(async () => {
  await chromium.close();
  project.remove();
});

/** The rendered text (innerText; an SVG element's textContent, as it has none) of each element the selector matches. */
async function texts(selector: string): Promise<string[]> {
  const tab = await chromium.browser.newPage();
  try {
    await tab.goto(pathToFileURL(join(project.root, "out", "build", "report.html")).href, { waitUntil: "load" });
    return (await tab.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.innerText ?? e.textContent)`)) as string[];
  } finally {
    await tab.close();
  }
}

describe("claims as a reader sees them", () => {
  it("give an unverifiable claim no model figure: its card and its ledger row do not echo the stated one", async () => {
    const card = (await texts('[data-claim-id="manus_price"]')).join("\n");
    expect(card).toContain("stated $2B; no independent figure");
    expect(card).not.toContain("model $2B");
    const row = (await texts("#appendix-claims tbody tr")).find((r) => r.includes("Meta bought Manus")) ?? "";
    // Claim, stated, model, verdict (capitals by CSS), factor, where: the model and factor cells are both "—".
    expect(row.split("\t").map((cell) => cell.trim())).toEqual(["Meta bought Manus for $2B", "$2B", "\u2014", "UNVERIFIABLE", "\u2014", expect.stringContaining("02-claims.ipynb")]);
  });

  it("say the unit on both sides of a claim's card, as the ledger does", async () => {
    const card = (await texts('[data-claim-id="azure_years"]')).join("\n");
    expect(card).toContain("stated 4 years; model 6.77 years");
    const row = (await texts("#appendix-claims tbody tr")).find((r) => r.includes("Four years of tuning")) ?? "";
    expect(row.split("\t").slice(1, 3).map((cell) => cell.trim())).toEqual(["4 years", "6.77 years"]);
  });
});

describe("a claim's verdict", () => {
  it("gives a factor near 1 its third digit on the card, as the ledger does, never 'overstated 1×'", async () => {
    const card = (await texts('[data-claim-id="fed_above_4"]')).join("\n");
    expect(card).toMatch(/^OVERSTATED 1\.03×/);
    const row = (await texts("#appendix-claims tbody tr")).find((r) => r.includes("Fed funds")) ?? "";
    expect(row.split("\t").map((cell) => cell.trim())[4]).toBe("1.03×");
  });
});

describe("a claim checked against a fixed input", () => {
  it("quotes the input's value as Appendix A does: model 3.75%, not 3.8%", async () => {
    expect((await texts('[data-claim-id="fed_above_4"]')).join("\n")).toContain("stated 4%–4.5%; model 3.75%");
    const row = (await texts("#appendix-claims tbody tr")).find((r) => r.includes("Fed funds")) ?? "";
    expect(row.split("\t").map((cell) => cell.trim())[2]).toBe("3.75%");
  });
});

describe("the title page's headline cards", () => {
  it("write a figure's 90% interval as its prose does: none when it reads as the value, the unit once", async () => {
    const cards = await texts(".headline");
    const card = (label: string): string => cards.find((c) => c.includes(label)) ?? "";
    // Both ends and the median read 2×: the card gives the one number, as prose does, not "2×" beside "90% interval 2×".
    expect(card("Engineering multiplier")).toContain("2×");
    expect(card("Engineering multiplier")).not.toContain("2×–2×");
    expect(card("Engineering multiplier")).not.toContain("90% interval");
    expect(card("Design cost per chip")).toContain("90% interval $2.3K–$7.77K/chip");
    // The figure's own display in the chapter says the same.
    expect((await texts('[data-figure-id="per_chip_usd"]')).join("")).toContain("(90% interval $2.3K–$7.77K/chip)");
  });
});

describe("inputs as read from the assumptions file", () => {
  it("quote a share to the digits it was given: 3.75% in the appendix and in a diff, not 3.8%", async () => {
    const row = (await texts("#appendix-assumptions tbody tr")).find((r) => r.includes("Federal funds")) ?? "";
    expect(row.split("\t")[1]?.trim()).toBe("3.75%");
    // A diff between two assumption files: a move from 3.75% to 3.8% read "3.8% → 3.8%".
    const before = join(project.root, "before.yaml");
    const after = join(project.root, "after.yaml");
    writeFileSync(before, `assumptions:\n${FED_ASSUMPTION}`);
    writeFileSync(after, `assumptions:\n${FED_ASSUMPTION.replace("0.0375", "0.038")}`);
    const diff = execFileSync("node", [join(repo, "dist", "cli.cjs"), "diff", before, after], { encoding: "utf8" });
    expect(diff).toContain("value: 3.75% \u2192 3.8%");
  });
});

describe("charts to assistive technology", () => {
  it("name an encoded channel by the title its axis shows, not by a band layer's bare field", async () => {
    const descriptions = await texts('figure.chart svg[role="img"] > desc');
    const layered = descriptions.find((d) => d.includes("Cost (× one stack)"));
    expect(layered).toBe("Encodes x: Stack-specific share (%); y: Cost (× one stack).");
  });
});
