/**
 * What a reader sees of figures and claims: a small project built by the real CLI (`fragtax build`
 * in a child process), its report.html opened in real Chromium and read as text, as a reader would.
 */
import { execFileSync } from "node:child_process";
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
  `nb.claim({ id: "manus_price", claim: "Meta bought Manus for $2B", stated: { low: 2e9, high: 2e9 }, computed: { low: 2e9, high: 2e9 }, unit: "USD", format: "usd", verdict: "unverifiable", factor: null });`,
];

let project: TempProject;
let chromium: LaunchedChromium;

beforeAll(async () => {
  project = tempProject();
  for (const cell of CLAIMS_CELLS) appendCell(project.root, "02-claims.ipynb", cell);
  execFileSync("node", [join(repo, "dist", "cli.js"), "build", "--no-pdf", "--root", project.root], { stdio: "pipe" });
  chromium = await launchChromium();
}, BUILD_MS);

afterAll(async () => {
  await chromium.close();
  project.remove();
});

/** The rendered text (innerText) of each element the selector matches. */
async function texts(selector: string): Promise<string[]> {
  const tab = await chromium.browser.newPage();
  try {
    await tab.goto(pathToFileURL(join(project.root, "out", "build", "report.html")).href, { waitUntil: "load" });
    return (await tab.evaluate(`[...document.querySelectorAll(${JSON.stringify(selector)})].map((e) => e.innerText)`)) as string[];
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
});
