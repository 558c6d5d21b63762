import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { staleProse } from "../../src/diff/prose-guard";
import { comparableProse, sectionsFromGit } from "../../src/publish/legacy-sections";
import type { Notebook } from "../../src/notebook/nbformat";
import { notebookSections } from "../../src/report/sections";

let root: string | undefined;
afterEach(() => root !== undefined && rmSync(root, { recursive: true, force: true }));

const notebook = (words: string, code = "") =>
  JSON.stringify({
    cells: [
      { cell_type: "markdown", source: "# Chapter\n\n## The bill\n" },
      { cell_type: "code", source: `nb.md\`${words} \${x}.\`;${code}`, outputs: [] },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  });

/** A git repository holding notebooks/a.ipynb; its commit. */
function committed(text: string): string {
  root = mkdtempSync(join(tmpdir(), "fragtax-legacy-"));
  mkdirSync(join(root, "notebooks"));
  writeFileSync(join(root, "notebooks", "a.ipynb"), text);
  const git = (...args: string[]) => execFileSync("git", ["-C", root as string, "-c", "user.name=t", "-c", "user.email=t@t", ...args], { encoding: "utf8" }).trim();
  git("init", "-q");
  git("add", ".");
  git("commit", "-qm", "v1");
  return git("rev-parse", "HEAD");
}

describe("sections of a version published before sections.json, from its git commit", () => {
  it("recovers sections and prose hashes from the notebooks at the manifest's commit, so the guard can compare", async () => {
    const commit = committed(notebook("The run costs"));
    const old = { figures: [{ id: "cost", notebook: "notebooks/a.ipynb", cell: 2, p50: 100, format: "usd" }], claims: [], sections: null };

    const recovered = await sectionsFromGit(root as string, { git: { commit, dirty: false } }, old);
    expect(recovered?.sections?.map((s) => s.id)).toEqual(["a#chapter", "a#the-bill"]);
    expect(recovered?.figures).toEqual([{ ...old.figures[0], section: "a#the-bill" }]);

    const now = { figures: [{ id: "cost", section: "a#the-bill", p50: 150, format: "usd" }], claims: [], sections: recovered?.sections ?? [] };
    const guard = staleProse(recovered, now, (v) => String(v));
    expect(guard).toMatchObject({ status: "checked", stale: [{ section: "a#the-bill", movements: [{ text: "figure cost: 100 → 150 (+50%)" }] }] });

    // A dirty build, an unknown commit: cannot tell.
    expect(await sectionsFromGit(root as string, { git: { commit, dirty: true } }, old)).toBeNull();
    expect(await sectionsFromGit(root as string, { git: { commit: "0".repeat(40), dirty: false } }, old)).toBeNull();
    expect(await sectionsFromGit(root as string, { git: { commit: "--output=/tmp/x", dirty: false } }, old)).toBeNull();
  });
});

describe("the prose fingerprint (v2) of a version published before it, from its git commit", () => {
  const sectionsOf = (text: string) => notebookSections(JSON.parse(text) as Notebook, "notebooks/a.ipynb").sections;
  // What such a version's sections.json holds: v1 alone.
  const v1Only = (text: string) => sectionsOf(text).map(({ proseV2Sha256: _v2, ...v1 }) => v1);
  const figures = (p50: number) => [{ id: "cost", section: "a#the-bill", p50, format: "usd" }];

  it("is recomputed where the notebooks there give back its v1 fingerprint, so a string literal added to the code since is not the words changed", async () => {
    const text = notebook("The run costs");
    const commit = committed(text);
    const old = { figures: figures(100), claims: [], sections: v1Only(text) };
    const now = { figures: figures(200), claims: [], sections: sectionsOf(notebook("The run costs", ' const unusedColour = "steelblue";')) };

    const comparable = await comparableProse(root as string, { git: { commit, dirty: false } }, old);
    expect(comparable.sections?.map((s) => s.proseV2Sha256)).toEqual(sectionsOf(text).map((s) => s.proseV2Sha256));
    expect(staleProse(comparable, now, (v) => String(v)).stale.map((s) => s.section)).toEqual(["a#the-bill"]);

    // Without the commit (or a dirty one), v1 compares, as before v2: never v2 against v1, which would call every section rewritten.
    for (const git of [{ commit: null, dirty: null }, { commit, dirty: true }]) {
      const stored = await comparableProse(root as string, { git }, old);
      expect(stored).toEqual(old);
      expect(staleProse(stored, { ...now, sections: sectionsOf(text) }, (v) => String(v)).stale.map((s) => s.section)).toEqual(["a#the-bill"]);
    }

    // Notebooks at the commit that do not give back the recorded v1 are not what that version was built from: v1 stays alone.
    const other = { ...old, sections: old.sections.map((s) => ({ ...s, proseSha256: "recorded-by-another-reading" })) };
    expect((await comparableProse(root as string, { git: { commit, dirty: false } }, other)).sections?.every((s) => s.proseV2Sha256 === undefined)).toBe(true);
  });
});
