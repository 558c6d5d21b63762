/** The stale-prose guard through the real CLI: publish refuses, --reviewed acknowledges, diff lists. */
import { existsSync } from "node:fs";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fragtax, makeProject, sealBuild, useBuild } from "../published-project";

let root: string;
beforeEach(async () => {
  root = await makeProject();
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const SECTIONS = { training_run_cost_usd: "a#the-bill", fragmentation_tax_share: "a#the-tax", gpu_count: "a#the-bill", merchant_era_spend_usd: "a#scenarios" } as Record<string, string>;

/** A fixture build with every figure tagged with its section and sections.json holding the given prose hashes. */
async function sectionedBuild(version: "v1" | "v2", prose: Record<string, string>, claims: unknown[] = []): Promise<void> {
  await useBuild(root, version);
  const file = join(root, "out/build/figures.json");
  const figures = JSON.parse(await readFile(file, "utf8")) as Array<{ id: string }>;
  await writeFile(file, JSON.stringify(figures.map((f) => ({ ...f, section: SECTIONS[f.id] }))));
  await writeFile(join(root, "out/build/claims.json"), JSON.stringify(claims));
  const sections = Object.entries(prose).map(([id, proseSha256]) => ({ id, notebook: "notebooks/a.ipynb", heading: id.split("#")[1] ?? id, proseSha256 }));
  await writeFile(join(root, "out/build/sections.json"), JSON.stringify(sections));
  await sealBuild(root);
}

const claim = (verdict: string) => ({ id: "claim_cost", claim: "c", unit: "USD", format: "usd", stated: { low: 1, high: 2 }, computed: { low: 1, high: 2, p50: 1.5 }, verdict, factor: 1, section: "a#the-tax" });
const same = { "a#the-bill": "h-bill", "a#the-tax": "h-tax", "a#scenarios": "h-scen" };

describe("stale-prose guard", () => {
  it("refuses to publish a figure that moved under unchanged prose, listing the section and the movement; nothing is written", async () => {
    await sectionedBuild("v1", same, [claim("consistent")]);
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
    await sectionedBuild("v2", same, [claim("overstated")]);
    const refused = await fragtax(["publish", "--date", "2026-05-20"], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("publish refused: since 2026-05-01, figures moved under prose that did not change.");
    expect(refused.stderr).toContain('  a#the-bill  (notebooks/a.ipynb: "the-bill")\n      figure training_run_cost_usd: $28.8M → $35.5M (+23%)');
    expect(refused.stderr).toContain('  a#the-tax  (notebooks/a.ipynb: "the-tax")\n      claim claim_cost: verdict consistent → overstated');
    expect(refused.stderr).not.toContain("fragmentation_tax_share"); // +5%: not material
    expect(refused.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    expect((await readdir(join(root, "out/reports"))).filter((n) => !n.startsWith(".") && n !== "index.html")).toEqual(["2026-05-01"]);

    // An unknown section is bad usage: exit 2, listing the sections there are.
    const unknown = await fragtax(["publish", "--date", "2026-05-20", "--reviewed", "a#the-bil"], { cwd: root });
    expect(unknown.code).toBe(2);
    // The section it plausibly meant first (before: only the list of every section), then the list.
    expect(unknown.stderr).toContain('--reviewed names a section the build does not have: a#the-bil; did you mean "a#the-bill", "a#the-tax"?\nSections of this build:\n  a#the-bill\n  a#the-tax\n  a#scenarios');

    // Reviewing only one of the two stale sections is not enough.
    const partly = await fragtax(["publish", "--date", "2026-05-20", "--reviewed", "a#the-bill"], { cwd: root });
    expect(partly.code).toBe(1);
    expect(partly.stderr).toContain("a#the-tax");
    expect(partly.stderr).not.toContain("training_run_cost_usd");

    const reviewed = await fragtax(["publish", "--date", "2026-05-20", "--reviewed", "a#the-bill", "a#the-tax"], { cwd: root });
    expect(reviewed.code).toBe(0);
    expect(reviewed.stderr).toContain("prose reviewed (recorded in the manifest): a#the-bill, a#the-tax");
    const manifest = JSON.parse(await readFile(join(root, "out/reports/2026-05-20/manifest.json"), "utf8"));
    expect(manifest.prose).toEqual({
      guard: "checked",
      reviewed: [
        { section: "a#the-bill", heading: "the-bill", movements: ["figure training_run_cost_usd: $28.8M → $35.5M (+23%)"] },
        { section: "a#the-tax", heading: "the-tax", movements: ["claim claim_cost: verdict consistent → overstated"] },
      ],
    });
    expect(existsSync(join(root, "out/reports/2026-05-20/sections.json"))).toBe(true);

    // diff between the two versions lists the same sections, each marked as re-read at the newer one's publish.
    const diff = await fragtax(["diff", "2026-05-01", "2026-05-20"], { cwd: root });
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain("Prose to re-read (2 sections: the figures moved by more than 10% or changed verdict, the words did not; all were re-read and kept at publish):");
    expect(diff.stdout).toContain('  a#the-bill  (notebooks/a.ipynb: "the-bill")  [re-read and kept when 2026-05-20 was published: --reviewed]\n      figure training_run_cost_usd: $28.8M → $35.5M (+23%)');
    expect(diff.stdout).toContain('  a#the-tax  (notebooks/a.ipynb: "the-tax")  [re-read and kept when 2026-05-20 was published: --reviewed]');
    const json = JSON.parse((await fragtax(["diff", "2026-05-01", "2026-05-20", "--json"], { cwd: root })).stdout) as { prose: { stale: Array<{ section: string; reviewedIn?: string }> } };
    expect(json.prose.stale.map((section) => [section.section, section.reviewedIn])).toEqual([
      ["a#the-bill", "2026-05-20"],
      ["a#the-tax", "2026-05-20"],
    ]);
    // The other way round, the newer side (2026-05-01) reviewed nothing: nothing is marked.
    const back = await fragtax(["diff", "2026-05-20", "2026-05-01"], { cwd: root });
    expect(back.stdout).not.toContain("--reviewed");
  });

  it("a --reviewed section the build does not have is bad usage (exit 2) even when the build is refused for something else", async () => {
    await sectionedBuild("v1", same);
    // A build whose print failed: publish refuses it (exit 1), but the mistyped section is named first.
    const log = join(root, "out/build/build-log.json");
    await writeFile(log, (await readFile(log, "utf8")).replace('"status": "written"', '"status": "failed"'));
    const mistyped = await fragtax(["publish", "--date", "2026-05-01", "--reviewed", "a#the-bil"], { cwd: root });
    expect(mistyped.code).toBe(2);
    expect(mistyped.stderr).toContain('--reviewed names a section the build does not have: a#the-bil; did you mean "a#the-bill", "a#the-tax"?\n');
    const refused = await fragtax(["publish", "--date", "2026-05-01", "--reviewed", "a#the-bill"], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("report.pdf");
  });

  it("publishes without a review when the section's prose changed", async () => {
    await sectionedBuild("v1", same);
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
    await sectionedBuild("v2", { ...same, "a#the-bill": "h-bill-rewritten" });
    const published = await fragtax(["publish", "--date", "2026-05-20"], { cwd: root });
    expect(published.code).toBe(0);
    expect(published.stderr).toContain("Prose to re-read: none");
  });

  it("a previous version without section data: says the guard cannot tell, and publishes", async () => {
    await useBuild(root, "v1"); // a build from before sections were recorded
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
    await sectionedBuild("v2", same);
    const published = await fragtax(["publish", "--date", "2026-05-20"], { cwd: root });
    expect(published.code).toBe(0);
    expect(published.stderr).toContain("Prose to re-read: cannot tell — 2026-05-01 was published before sections were recorded");
    const manifest = JSON.parse(await readFile(join(root, "out/reports/2026-05-20/manifest.json"), "utf8"));
    expect(manifest.prose).toEqual({ guard: "unavailable", reviewed: [] });
  });
});
