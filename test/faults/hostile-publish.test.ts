/**
 * Hostile text in assumption notes reaching `fragtax publish`'s "What changed" section: `$\``, `$&`
 * and `$'` are String.replace patterns and must be pasted literally, not expanded into the page.
 */
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fragtax, makeProject, useBuild } from "../published-project";

let root: string;
beforeEach(async () => {
  root = await makeProject();
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe("publish with replacement patterns in a changed note", () => {
  it("keeps $` $& $' as text: one page, one doctype, the note shown literally", async () => {
    await useBuild(root, "v1");
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
    await useBuild(root, "v2", {
      edit: (yaml) => yaml.split("Spot and contract prices blended;").join("Costs $` rose $& fell $' sharply;"),
    });
    const result = await fragtax(["publish", "--date", "2026-05-02"], { cwd: root });
    expect(result.stderr).toContain("published 2026-05-02");
    const page = await readFile(join(root, "out/reports/2026-05-02/report.html"), "utf8");
    expect(page.match(/<!doctype html>/gi)).toHaveLength(1);
    expect(page.match(/<\/html>/gi)).toHaveLength(1);
    expect(page).toContain("Costs $` rose $&amp; fell $&#39; sharply;");
    // `$\`` expands to everything before the marker: the title page would appear twice.
    expect(page.match(/<h1>Fixture Report v2<\/h1>/g)).toHaveLength(1);
  });
});
