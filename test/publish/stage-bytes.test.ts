/**
 * A version freezes the build it verified. publish reads out/build once, checks every file against the
 * build's log, then spends seconds re-printing the PDF; a build (or `dev`) that replaces out/build in
 * that window must not reach the version. figures.json was the one file staged by a second read.
 */
import { copyFile, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { projectPaths } from "../../src/cli/project";
import { readSnapshotAssumptions } from "../../src/diff/snapshot-assumptions";
import { publish } from "../../src/publish/publish";
import { publishInterrupted } from "../../src/messages/publish";
import { FIXTURES, fragtax, makeProject, useBuild } from "../published-project";

let root: string;
beforeEach(async () => {
  root = await makeProject();
});
afterEach(async () => rm(root, { recursive: true, force: true }));

describe("publish stages the bytes it verified", () => {
  it("keeps the verified figures.json when out/build is replaced while the PDF prints, and verify passes", async () => {
    await useBuild(root, "v1");
    const verified = await readFile(join(FIXTURES, "v1", "figures.json"), "utf8");
    const other = await readFile(join(FIXTURES, "v2", "figures.json"), "utf8");
    expect(other).not.toBe(verified);
    const paths = projectPaths(root);
    const manifest = await publish(
      { ...paths, date: "2026-05-01", defaultAssumptionsFile: paths.assumptionsFile, tools: { fragtax: "test", node: process.versions.node } },
      {
        parseAssumptions: readSnapshotAssumptions,
        git: async () => ({ commit: null, dirty: null }),
        progress: () => undefined,
        now: () => new Date("2026-05-01T12:00:00Z"),
        // A build finishing during the print: out/build now holds another build's figures.
        renderPdf: async (_html, pdf, _version, built) => {
          await writeFile(pdf, built);
          await copyFile(join(FIXTURES, "v2", "figures.json"), join(paths.buildDir, "figures.json"));
        },
      },
    );
    const version = join(root, "out", "reports", manifest.id);
    expect(await readFile(join(version, "figures.json"), "utf8")).toBe(verified);
    expect((await fragtax(["verify"], { cwd: root })).code).toBe(0);
  });

  it("a version whose index cannot be written stays published, and the error says to rewrite the index, not to publish again", async () => {
    await useBuild(root, "v1");
    const paths = projectPaths(root);
    // A folder where the index goes: the version can be moved into place, the index cannot be written.
    await mkdir(join(paths.reportsDir, "index.html"), { recursive: true });
    const effects = { parseAssumptions: readSnapshotAssumptions, git: async () => ({ commit: null, dirty: null }), progress: () => undefined, now: () => new Date("2026-05-01T12:00:00Z") };
    const attempt = publish({ ...paths, date: "2026-05-01", defaultAssumptionsFile: paths.assumptionsFile, tools: { fragtax: "test", node: process.versions.node } }, effects);
    await expect(attempt).rejects.toThrow(/^published 2026-05-01 → out\/reports\/2026-05-01, but out\/reports\/index\.html could not be written \(\w+\), so it does not list 2026-05-01 yet: fix that, then run `fragtax publish --index-only`/);
    expect((await readdir(paths.reportsDir)).filter((name) => !name.startsWith("."))).toEqual(["2026-05-01", "index.html"]);
    await rm(join(paths.reportsDir, "index.html"), { recursive: true });
    expect((await fragtax(["publish", "--index-only"], { cwd: root })).code).toBe(0);
    expect(await readFile(join(paths.reportsDir, "index.html"), "utf8")).toContain('href="2026-05-01/report.html"');
    expect((await fragtax(["verify"], { cwd: root })).code).toBe(0);
  });

  it("says a version is placed, then listed only once the index lists it (what a signal's message reports)", async () => {
    await useBuild(root, "v1");
    const paths = projectPaths(root);
    const seen: string[] = [];
    const indexLists = async (id: string): Promise<boolean> => (await readFile(join(paths.reportsDir, "index.html"), "utf8").catch(() => "")).includes(`href="${id}/report.html"`);
    await publish(
      { ...paths, date: "2026-05-01", defaultAssumptionsFile: paths.assumptionsFile, tools: { fragtax: "test", node: process.versions.node } },
      {
        parseAssumptions: readSnapshotAssumptions,
        git: async () => ({ commit: null, dirty: null }),
        progress: () => undefined,
        now: () => new Date("2026-05-01T12:00:00Z"),
        placed: (id) => void seen.push(`placed ${id}`),
        listed: (id) => void seen.push(`listed ${id}`),
      },
    );
    expect(seen).toEqual(["placed 2026-05-01", "listed 2026-05-01"]);
    expect(await indexLists("2026-05-01")).toBe(true);
    expect(publishInterrupted("SIGINT", "2026-05-01", true)).toBe("fragtax publish: stopped by Ctrl-C after version 2026-05-01 was published and listed in out/reports/index.html: nothing is left to do");
    expect(publishInterrupted("SIGTERM", "2026-05-01")).toContain("index.html may not list it yet; run `fragtax publish --index-only`");
  });
});
