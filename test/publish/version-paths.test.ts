/**
 * A version named by its folder, as a shell completes it (`2026-05-01/`, `out/reports/2026-05-01`), is
 * that version for `verify` and `diff`; they refused it as an unknown version or "a folder".
 */
import { rm } from "node:fs/promises";
import { symlinkSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fragtax, projectWithVersions } from "../published-project";
import { versionIdOfPath } from "../../src/publish/store";

let root: string;
beforeEach(async () => {
  root = await projectWithVersions(["--date", "2026-05-01"], ["--date", "2026-05-02"]);
}, 60_000);
afterEach(async () => rm(root, { recursive: true, force: true }));

describe("a published version named by its folder", () => {
  it("is read as its id by verify and diff, from the root and from out/reports/", async () => {
    const verify = await fragtax(["verify", "out/reports/2026-05-01/", "2026-05-02/"], { cwd: root });
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^ok 2026-05-01 .*\nok 2026-05-02 /);
    const inside = await fragtax(["verify", "2026-05-01", "--root", root], { cwd: join(root, "out", "reports") });
    expect(inside.code, inside.stderr).toBe(0);
    const diff = await fragtax(["diff", "out/reports/2026-05-01", "out/reports/2026-05-02/"], { cwd: root });
    expect(diff.code, diff.stderr).toBe(0);
    expect(diff.stdout).toContain("2026-05-01");
    expect(diff.stdout).toContain("2026-05-02");
  });

  it("leaves anything else as given: a folder elsewhere, an id, a git ref", () => {
    const reports = join(root, "out", "reports");
    expect(versionIdOfPath("2026-05-01//", reports)).toBe("2026-05-01");
    expect(versionIdOfPath(join(reports, "2026-05-02"), reports)).toBe("2026-05-02");
    expect(versionIdOfPath("/tmp/2026-05-01", reports)).toBe("/tmp/2026-05-01");
    expect(versionIdOfPath("HEAD~1", reports)).toBe("HEAD~1");
    expect(versionIdOfPath(join(reports, "notes"), reports)).toBe(join(reports, "notes"));
    // Through a link to the project: the same folder, spelt another way.
    const link = `${root}-link`;
    symlinkSync(root, link);
    try {
      expect(versionIdOfPath(join(link, "out", "reports", "2026-05-01"), reports)).toBe("2026-05-01");
    } finally {
      unlinkSync(link);
    }
  });
});
