/**
 * A build that logged warnings exits 0 (unless --strict), but a warning can mean a wrong page: a chart
 * whose filter reads a field its data lacks filters every row out. publish took such a build without a
 * word and its manifest did not say so; it now refuses it unless --accept-warnings, and the manifest
 * records them.
 */
import { existsSync } from "node:fs";
import { readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fragtax, git, makeProject, NO_CHROMIUM, useBuild } from "../published-project";

let root: string;
beforeEach(async () => {
  root = await makeProject();
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const published = async (): Promise<string[]> => (existsSync(join(root, "out/reports")) ? (await readdir(join(root, "out/reports"))).filter((name) => /^\d/.test(name)) : []);
const chartWarning = 'notebooks/a.ipynb: cell 2, line 10, column 17: chart field "sise" (at transform[0].filter) is not in the chart\'s data; did you mean "size"?';

describe("publish a build that logged warnings", () => {
  it("refuses it (exit 1, as for its other unpublishable builds), listing the warnings briefly and the two ways on, and writes nothing", async () => {
    const warnings = [chartWarning, "w2", "w3", "w4", "w5"];
    await useBuild(root, "v1", { warnings });
    const refused = await fragtax(["publish", "--date", "2026-05-01"], { cwd: root, env: NO_CHROMIUM });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("refusing to publish: the build logged 5 warnings (`fragtax build --strict` fails on them):");
    expect(refused.stderr).toContain(`  warning: ${chartWarning}\n  warning: w2\n  warning: w3\n  (+2 more in out/build/build-log.json)`);
    expect(refused.stderr).not.toContain("w4");
    expect(refused.stderr).toContain("fix them and run `fragtax build` again, or publish anyway with --accept-warnings");
    expect(await published()).toEqual([]);
  });

  it("with --accept-warnings publishes it, says so, and the sealed manifest records the warnings", async () => {
    await useBuild(root, "v1", { warnings: [chartWarning] });
    const accepted = await fragtax(["publish", "--date", "2026-05-01", "--accept-warnings"], { cwd: root, env: NO_CHROMIUM });
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(accepted.stderr).toContain('publishing a build with 1 warning (--accept-warnings): recorded in the manifest\'s "warnings"');
    const manifest = JSON.parse(await readFile(join(root, "out/reports/2026-05-01/manifest.json"), "utf8"));
    expect(manifest.warnings).toEqual([chartWarning]);
    expect((await fragtax(["verify"], { cwd: root })).code).toBe(0);
    // A build without warnings needs no flag, and its manifest says it had none.
    await useBuild(root, "v2");
    expect((await fragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
    expect(JSON.parse(await readFile(join(root, "out/reports/2026-05-02/manifest.json"), "utf8")).warnings).toEqual([]);
    // --index-only publishes nothing: the flag is refused there, as --date and --note are.
    expect((await fragtax(["publish", "--index-only", "--accept-warnings"], { cwd: root })).code).toBe(2);
  });
});

describe("publish from a working tree with uncommitted changes", () => {
  it("publishes, and says the commit the manifest records is not all the version was made from (it said nothing)", async () => {
    const opts = { cwd: root };
    await git("git", ["-C", root, "init", "-q", "-b", "main"], opts);
    await writeFile(join(root, "notes.txt"), "first\n");
    await writeFile(join(root, ".gitignore"), "out/\n");
    await git("git", ["-C", root, "add", "-A"], opts);
    await git("git", ["-C", root, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "x"], opts);
    await useBuild(root, "v1");
    // Clean (useBuild writes the committed assumptions back as they were): no note.
    const clean = await fragtax(["publish", "--date", "2026-05-01"], { cwd: root, env: NO_CHROMIUM });
    expect(clean.code, clean.stderr).toBe(0);
    expect(clean.stderr).not.toContain("have changed since commit");
    await writeFile(join(root, "notes.txt"), "second\n");
    await useBuild(root, "v2");
    const dirty = await fragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: NO_CHROMIUM });
    expect(dirty.code, dirty.stderr).toBe(0);
    expect(dirty.stderr).toMatch(/note: files git tracks have changed since commit [0-9a-f]{12}, which the manifest records \(with "dirty": true\): the version cannot be rebuilt from that commit alone; commit first/);
    expect(JSON.parse(await readFile(join(root, "out/reports/2026-05-02/manifest.json"), "utf8")).git.dirty).toBe(true);
  });
});
