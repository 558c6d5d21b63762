/**
 * The report's own promise: the same inputs give byte-identical figures.json and claims.json, even
 * from cold (no cache), because every Monte Carlo draw is seeded from report.yaml.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { reportProject } from "./project";

const repo = resolve(import.meta.dirname, "..");
const project = reportProject();
const { root } = project;
afterAll(() => project.remove());

function coldBuild(): { figures: string; claims: string } {
  rmSync(join(root, "out"), { recursive: true, force: true });
  execFileSync("node", [join(repo, "dist", "cli.cjs"), "build", "--no-pdf", "--root", root], { stdio: "pipe" });
  const read = (name: string) => readFileSync(join(root, "out", "build", name), "utf8");
  return { figures: read("figures.json"), claims: read("claims.json") };
}

// Two cold builds of all nine chapters: a limit against a hang, not a speed check. The summary re-runs
// every chapter model to build the whole claims ledger, so on a busy shared 2-core machine the pair
// can take over a minute (each chapter is type-checked from scratch: no cache).
const TWO_COLD_BUILDS_MS = 240_000;

describe("the Fragmentation Tax report", () => {
  it("gives byte-identical figures.json and claims.json from two cold builds", { timeout: TWO_COLD_BUILDS_MS }, () => {
    const first = coldBuild();
    const second = coldBuild();
    expect((JSON.parse(first.figures) as unknown[]).length).toBeGreaterThan(10);
    expect(second.figures).toBe(first.figures);
    expect(second.claims).toBe(first.claims);
  });

  // Prose that places a figure against the essay's is generated: a what-if that moves one of the
  // training bill's readings out of the stated range changes every sentence that reports it
  // (chapter 1, the summary, the ledger), where a typed "all three overlap" used to stay.
  it("words where the training bill's readings lie from the model, under a what-if too", { timeout: TWO_COLD_BUILDS_MS }, () => {
    const text = (): string => {
      const page = readFileSync(join(root, "out", "build", "report.html"), "utf8");
      return page.replace(/<(script|style|svg|pre)[\s\S]*?<\/\1>/g, "").replace(/<[^>]+>/g, "").replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, "&");
    };
    execFileSync("node", [join(repo, "dist", "cli.cjs"), "build", "--no-pdf", "--root", root], { stdio: "pipe" });
    // The report's prose (code cells left out) shows no object or missing value as text.
    expect(text()).not.toMatch(/\[object Object\]|\bNaN\b/);
    expect(text()).toContain("All three overlap the stated bill.");
    execFileSync("node", [join(repo, "dist", "cli.cjs"), "build", "--no-pdf", "--root", root, "--set", "final_run_share_of_rd_compute=0.6..0.9"], { stdio: "pipe" });
    const whatIf = text();
    expect(whatIf).not.toMatch(/\[object Object\]|\bNaN\b/);
    expect(whatIf).not.toContain("All three overlap the stated bill.");
    // Chapter 1's bullet, the summary's bullet and the ledger's note each say it, and the tally follows.
    expect(whatIf.match(/Two of the three overlap the stated bill\./g)?.length).toBeGreaterThanOrEqual(3);
    expect(whatIf).toMatch(/Read as the programme around a final run of the essay.s size, the bill is \$[\d.]+M \(90% interval [^)]*\), which falls short of the stated bill\./);
    expect(whatIf).toMatch(/yet two other readings of it give bills that overlap it: [\d,]+–[\d,]+ GPUs \(a dropped zero\) and a larger run priced from its compute \(chapter 1\)/);
    // The title card names the readings beside the essay's figure, not as alternatives of the model on its inputs.
    expect(whatIf).toMatch(/One training run on the essay's own inputs \(essay: \$400M–\$800M; three other readings of its bill give medians of \$[\d.]+M–\$[\d.]+M, chapter 1\)/);
    // One reading left within the stated bill: said in the singular.
    execFileSync("node", [join(repo, "dist", "cli.cjs"), "build", "--no-pdf", "--root", root, "--set", "essay_h100_usd_per_gpu_hour=0.5..0.6"], { stdio: "pipe" });
    expect(text()).toMatch(/yet one other reading of it gives a bill that overlaps it: a larger run priced from its compute \(chapter 1\)/);
  });
});
