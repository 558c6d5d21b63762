import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { staleProse } from "../../src/diff/prose-guard";
import { sectionsFromGit } from "../../src/publish/legacy-sections";

let root: string | undefined;
afterEach(() => root !== undefined && rmSync(root, { recursive: true, force: true }));

const notebook = (words: string) =>
  JSON.stringify({
    cells: [
      { cell_type: "markdown", source: "# Chapter\n\n## The bill\n" },
      { cell_type: "code", source: `nb.md\`${words} \${x}.\`;`, outputs: [] },
    ],
    metadata: {},
    nbformat: 4,
    nbformat_minor: 5,
  });

describe("sections of a version published before sections.json, from its git commit", () => {
  it("recovers sections and prose hashes from the notebooks at the manifest's commit, so the guard can compare", async () => {
    root = mkdtempSync(join(tmpdir(), "fragtax-legacy-"));
    mkdirSync(join(root, "notebooks"));
    writeFileSync(join(root, "notebooks", "a.ipynb"), notebook("The run costs"));
    const git = (...args: string[]) => execFileSync("git", ["-C", root as string, "-c", "user.name=t", "-c", "user.email=t@t", ...args], { encoding: "utf8" }).trim();
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "v1");
    const commit = git("rev-parse", "HEAD");
    const old = { figures: [{ id: "cost", notebook: "notebooks/a.ipynb", cell: 2, p50: 100, format: "usd" }], claims: [], sections: null };

    const recovered = await sectionsFromGit(root, { git: { commit, dirty: false } }, old);
    expect(recovered?.sections?.map((s) => s.id)).toEqual(["a#chapter", "a#the-bill"]);
    expect(recovered?.figures).toEqual([{ ...old.figures[0], section: "a#the-bill" }]);

    const now = { figures: [{ id: "cost", section: "a#the-bill", p50: 150, format: "usd" }], claims: [], sections: recovered?.sections ?? [] };
    const guard = staleProse(recovered, now, (v) => String(v));
    expect(guard).toMatchObject({ status: "checked", stale: [{ section: "a#the-bill", movements: [{ text: "figure cost: 100 → 150 (+50%)" }] }] });

    // A dirty build, an unknown commit: cannot tell.
    expect(await sectionsFromGit(root, { git: { commit, dirty: true } }, old)).toBeNull();
    expect(await sectionsFromGit(root, { git: { commit: "0".repeat(40), dirty: false } }, old)).toBeNull();
    expect(await sectionsFromGit(root, { git: { commit: "--output=/tmp/x", dirty: false } }, old)).toBeNull();
  });
});
