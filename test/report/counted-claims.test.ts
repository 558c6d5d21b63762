/**
 * Text that counts claims from a list of its own (`nb.words.countedClaims`), against the report's
 * ledger: a claim a new chapter recorded made the summary's "28 statements" contradict Appendix C's 29,
 * with build, --strict and publish all passing. The build now warns at the cell that counted.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveLedgerMarkers } from "../../src/api/words";
import { createWords } from "../../src/api/words";
import type { ClaimRecord } from "../../src/api/types";
import { appendCell, tempProject } from "../project";
import { checkText } from "../../src/api/validate";
import { slugify } from "../../src/report/markdown-scan";

const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.cjs");
const KEY = "0123456789abcdef0123";

describe("claims a text counted", () => {
  it("shows nothing, and finds the report's claims the list leaves out and its ids no chapter records", () => {
    const words = createWords(() => [], KEY);
    const text = `The ledger holds 2 statements.${words.countedClaims(["a", "gone"])}`;
    const claims = [{ id: "a" }, { id: "new_one" }] as unknown as ClaimRecord[];
    const resolved = resolveLedgerMarkers(text, claims, KEY);
    expect(resolved.text).toBe("The ledger holds 2 statements.");
    expect(resolved.mismatches).toEqual([{ uncounted: ["new_one"], unrecorded: ["gone"], marker: `\uE000counted:${KEY}:a,gone\uE001` }]);
    expect(resolveLedgerMarkers(text, [{ id: "a" }, { id: "gone" }] as unknown as ClaimRecord[], KEY).mismatches).toEqual([]);
    // In Jupyter (no run key) it writes nothing at all.
    expect(createWords(() => []).countedClaims(["a"])).toBe("");
    // Ids as nb.claim takes them: a comma or a marker character would end the list early and hide a mismatch.
    expect(() => words.countedClaims(["claim_run_cost\uE001 LEAKED"])).toThrow(/nb\.words\.countedClaims: "ids\[0\]"/);
    expect(() => words.countedClaims(["a,ghost"])).toThrow(/"ids\[0\]"/);
    expect(() => words.countedClaims("a" as unknown as string[])).toThrow(/give the list of claim ids the text counts/);
  });

  it("are refused in a record's text and left out of a heading's id", () => {
    const words = createWords(() => [], KEY);
    // A label is kept as the cell made it (figures.json, the appendices): the marker and its run key would show there.
    expect(() => checkText("nb.figure", "label", `Over ${words.ledger("total")} claims`)).toThrow(/nb\.figure: "label" holds the text of nb\.words\.ledger\(\)/);
    // A heading's id is made before the marker is filled in: without it, the id is the same at every run.
    expect(slugify(`Ledger holds ${words.ledger("total")} claims`)).toBe("ledger-holds-claims");
    expect(slugify(`Ledger holds ${createWords(() => [], "fedcba9876543210fedc").ledger("total")} claims`)).toBe("ledger-holds-claims");
  });

  it("is warned about by the build at the cell that counted; --strict refuses it", () => {
    const project = tempProject();
    try {
      // A list that matches first, then one that does not: the warning is at the cell whose list differs.
      appendCell(project.root, "01-price.ipynb", 'nb.md`Matching.${nb.words.countedClaims(["claim_run_cost"])}`;');
      const cell = appendCell(project.root, "01-price.ipynb", 'nb.md`The essay makes one claim.${nb.words.countedClaims(["claim_old"])}`;');
      const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: project.root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      const build = cli("build", "--no-pdf");
      expect(build.status, build.stderr).toBe(0);
      // The uncounted claim says where it was recorded: an analyst's new claim sent them to another chapter's cell, unnamed.
      expect(build.stderr).toContain(`warning: notebooks/01-price.ipynb: cell ${cell}: this text counts and words the essay's claims from its own list, which differs from the report's ledger (Appendix C): claim_run_cost (recorded at notebooks/02-claims.ipynb: cell 2) is recorded but not counted; claim_old is counted but recorded by no chapter.`);
      const page = readFileSync(join(project.root, "out", "build", "report.html"), "utf8");
      expect(page).toContain("The essay makes one claim.");
      expect(page).not.toContain("\uE000");
      expect(cli("build", "--no-pdf", "--strict").status).toBe(1);
    } finally {
      project.remove();
    }
  }, 90_000);
});
