/**
 * What a diff between versions said of a version whose only change was its words or its code: "no
 * assumption changed", every figure unchanged, and nothing else. It now lists the sections rewritten,
 * added and removed, and the commits and tools each side was built from; and a figure whose
 * alternatives changed without moving the spread's ends says which one changed, never "X → X".
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diffBuiltFrom, diffSections } from "../../src/diff/built-from";
import { diffSnapshots, type Snapshot } from "../../src/diff/diff";
import type { SectionProse } from "../../src/diff/prose-guard";
import { diffToJson, renderDiffPage, renderDiffText } from "../../src/diff/render";
import type { FigureValues } from "../../src/report/figures-file";
import { fragtax, git, makeProject, NO_CHROMIUM, sealBuild, useBuild } from "../published-project";

const section = (id: string, proseSha256: string, heading = id): SectionProse => ({ id, notebook: "notebooks/a.ipynb", heading, proseSha256 });
const side = (label: string, sections: SectionProse[] | null, commit: string | null, fragtaxVersion = "0.1.0"): Snapshot => ({
  label,
  assumptions: [],
  figures: [],
  sections,
  builtFrom: { commit, dirty: false, tools: { fragtax: fragtaxVersion, node: "20.20.2" } },
});

describe("diff: sections and what a version was built from", () => {
  it("lists the sections rewritten, added and removed, and counts those with the same written text", () => {
    const result = diffSections([section("a#one", "1"), section("a#two", "2"), section("a#gone", "3")], [section("a#one", "1"), section("a#two", "22"), section("a#new", "4")]);
    expect(result).toEqual({
      rewritten: [{ id: "a#two", notebook: "notebooks/a.ipynb", heading: "a#two" }],
      added: [{ id: "a#new", notebook: "notebooks/a.ipynb", heading: "a#new" }],
      removed: [{ id: "a#gone", notebook: "notebooks/a.ipynb", heading: "a#gone" }],
      unchanged: 1,
    });
    // A version published before sections.json: nothing to compare, rather than "all rewritten".
    expect(diffSections(null, [section("a#one", "1")])).toBeUndefined();
  });

  it("counts a section rewritten as the prose guard does: by its prose (v2) when both sides have it, not by an edit of its code", () => {
    const v2 = (id: string, v1: string, words: string): SectionProse => ({ ...section(id, v1), proseV2Sha256: words });
    const result = diffSections([v2("a#code", "1", "w1"), v2("a#words", "2", "w2"), section("a#old", "3")], [v2("a#code", "1-colour", "w1"), v2("a#words", "2", "w2-edited"), v2("a#old", "3", "w3")]);
    expect(result?.rewritten.map((s) => s.id)).toEqual(["a#words"]);
    expect(result?.unchanged).toBe(2); // a#old: a version without v2 is compared by v1, its one fingerprint
  });

  it("says what changed when only the words and the code did", () => {
    const diff = diffSnapshots(side("2026-05-01", [section("a#one", "1"), section("a#two", "2")], "1".repeat(40)), side("2026-05-02", [section("a#one", "1"), section("a#two", "9")], "2".repeat(40), "0.2.0"));
    const text = renderDiffText(diff, false);
    expect(text).toContain("Sections: 1 rewritten, 0 added, 0 removed; 1 with the same written text\n  ~ a#two  (notebooks/a.ipynb: \"a#two\")");
    expect(text).toContain("Built from: commit 111111111111 → commit 222222222222; fragtax 0.1.0 → 0.2.0");
    expect(JSON.parse(diffToJson(diff))).toMatchObject({ sections: { rewritten: [{ id: "a#two" }], unchanged: 1 }, builtFrom: { codeChanged: true, tools: [{ name: "fragtax", before: "0.1.0", after: "0.2.0" }] } });
    const page = renderDiffPage(diff);
    expect(page).toContain('<p class="built-from">Built from: commit 111111111111 → commit 222222222222; fragtax 0.1.0 → 0.2.0</p>');
    // On a page, by the headings readers know, with their chapters.
    expect(page).toContain('<p class="sections"><b>Rewritten:</b> \u201ca#two\u201d <small>(a)</small></p>');
  });

  it("says when the sources were the same, and nothing of them for a file or a git ref", () => {
    const same = diffSnapshots(side("a", [section("a#one", "1")], "3".repeat(40)), side("b", [section("a#one", "1")], "3".repeat(40)));
    const text = renderDiffText(same, false);
    expect(text).toContain("Sections: the same written text in all 1 (markdown and nb.md templates;");
    expect(text).toContain("Built from: the same commit 333333333333; the same tools (fragtax 0.1.0, node 20.20.2)");
    expect(diffBuiltFrom(undefined, side("b", null, null).builtFrom)).toBeUndefined();
    const file = renderDiffText(diffSnapshots({ label: "old.yaml", assumptions: [] }, { label: "new.yaml", assumptions: [] }), false);
    expect(file).not.toMatch(/Sections|Built from/);
  });

  it("keeps a section's hostile heading as text in the terminal and the page", () => {
    const hostile = "Costs \u001b[2J<script>window.__pwned=1</script> $` \u202Eevil";
    const diff = diffSnapshots(side("a", [section("a#x", "1", hostile)], null), side("b", [section("a#x", "2", hostile)], null));
    const text = renderDiffText(diff, false);
    expect(text).not.toContain("\u001b[2J");
    expect(text).not.toContain("\u202E");
    const page = renderDiffPage(diff);
    expect(page).not.toContain("<script>window");
    expect(page).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
  });
});

describe("diff: alternatives that changed inside the spread", () => {
  const figure = (labels: [string, string, string], middle: number): FigureValues => ({
    id: "cost",
    label: "Cost",
    unit: "USD",
    format: "usd",
    p50: 500e6,
    alternatives: [
      { id: "low", label: labels[0], p50: 529e6 },
      { id: "mid", label: labels[1], p50: middle },
      { id: "high", label: labels[2], p50: 703e6 },
    ],
    alternativesWhere: "chapter 1",
  });
  const line = (before: FigureValues, after: FigureValues): string =>
    renderDiffText(diffSnapshots({ label: "a", assumptions: [], figures: [before] }, { label: "b", assumptions: [], figures: [after] }), false)
      .split("\n")
      .find((l) => l.startsWith("  cost")) ?? "";

  it("names a renamed alternative and an inner median that moved, not the same spread twice", () => {
    const labels: [string, string, string] = ["100–150k GPUs", "the programme", "from compute"];
    expect(line(figure(labels, 611e6), figure(["100,000–150,000 GPUs", "the programme", "from compute"], 611e6))).toContain('alternative "100–150k GPUs" renamed "100,000–150,000 GPUs"');
    const moved = line(figure(labels, 611e6), figure(labels, 650e6));
    expect(moved).toContain('under "the programme" $611M → $650M');
    expect(moved).not.toContain("$529M–$703M → $529M–$703M");
    expect(line(figure(labels, 611e6), figure(labels, 611.0001e6))).toContain("their medians moved by less than the rounding");
  });
});

describe("fragtax diff and publish: a version whose words and commit changed", () => {
  let root = "";
  afterEach(async () => rm(root, { recursive: true, force: true }));

  const withSections = async (sections: SectionProse[], builtAt: string): Promise<void> => {
    await useBuild(root, "v1", { builtAt });
    await writeFile(join(root, "out/build/sections.json"), JSON.stringify(sections));
    await sealBuild(root);
  };

  it("lists the rewritten section and the commits, in the diff and in the report's 'What changed'", async () => {
    root = await makeProject();
    await git("git", ["init", "-q"], { cwd: root });
    await writeFile(join(root, ".gitignore"), "out/\n");
    const commit = async (message: string) => {
      await git("git", ["add", "-A"], { cwd: root });
      await git("git", ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", message], { cwd: root });
      return (await git("git", ["rev-parse", "HEAD"], { cwd: root })).stdout.trim();
    };
    const first = await commit("first");
    await withSections([section("a#one", "1", "One"), section("a#two", "2", "Two")], "2026-05-01T10:00:00.000Z");
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
    await mkdir(join(root, "notes"), { recursive: true });
    await writeFile(join(root, "notes/edit.md"), "the chapter's words were edited\n");
    const second = await commit("second");
    await withSections([section("a#one", "1", "One"), section("a#two", "22", "Two")], "2026-05-02T10:00:00.000Z");
    const published = await fragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: NO_CHROMIUM });
    expect(published.code, published.stderr).toBe(0);

    const diff = await fragtax(["diff", "2026-05-01", "2026-05-02"], { cwd: root });
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain("No assumption changed.");
    expect(diff.stdout).toContain('Sections: 1 rewritten, 0 added, 0 removed; 1 with the same written text\n  ~ a#two  (notebooks/a.ipynb: "Two")');
    expect(diff.stdout).toContain(`Built from: commit ${first.slice(0, 12)} → commit ${second.slice(0, 12)}; the same tools`);
    const page = await readFile(join(root, "out/reports/2026-05-02/report.html"), "utf8");
    const changes = page.slice(page.indexOf('id="what-changed"'));
    expect(changes).toContain("Sections: 1 rewritten, 0 added, 0 removed; 1 with the same written text");
    expect(changes).toContain(`Built from: commit ${first.slice(0, 12)} → commit ${second.slice(0, 12)}`);
  });
});
