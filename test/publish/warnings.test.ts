/**
 * A build that logged warnings exits 0 (unless --strict), but a warning can mean a wrong page: a chart
 * whose filter reads a field its data lacks filters every row out. publish took such a build without a
 * word and its manifest did not say so; it now refuses it unless --accept-warnings, and the manifest
 * records them.
 */
import { existsSync } from "node:fs";
import { readFile, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fragtax, makeProject, NO_CHROMIUM, useBuild } from "../published-project";

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
