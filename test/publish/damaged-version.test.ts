/**
 * A version folder whose manifest is missing or cannot be read is damaged (README). publish used to
 * skip it: a newest version truncated by a bad copy was passed over, the new version said "previous:"
 * the one before it and the index dropped it, exit 0. publish and `publish --index-only` now refuse.
 */
import { readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fragtax, NO_CHROMIUM, projectWithVersions, useBuild } from "../published-project";

let root: string;
const reports = (): string => join(root, "out/reports");
const versions = async (): Promise<string[]> => (await readdir(reports())).filter((name) => /^\d/.test(name)).sort();

beforeEach(async () => {
  root = await projectWithVersions(["--date", "2026-05-01"], ["--date", "2026-05-02"]);
}, 60_000);
afterEach(async () => rm(root, { recursive: true, force: true }));

describe("publish with a damaged version", () => {
  it.each([
    ["truncated", (text: string) => text.slice(0, 100)],
    ["deleted", undefined],
  ])("refuses (exit 2) when the newest version's manifest is %s, naming it and the remedy, and writes nothing", async (_how, damage) => {
    const manifest = join(reports(), "2026-05-02", "manifest.json");
    const intact = await readFile(manifest, "utf8");
    if (damage === undefined) await rm(manifest);
    else await writeFile(manifest, damage(intact));
    const index = await readFile(join(reports(), "index.html"), "utf8");
    await useBuild(root, "v1");

    const refused = await fragtax(["publish", "--date", "2026-05-03"], { cwd: root, env: NO_CHROMIUM });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("refusing to publish: published version 2026-05-02 is damaged: out/reports/2026-05-02/manifest.json is missing or cannot be read");
    expect(refused.stderr).toContain("restore it as published from a copy (e.g. `git checkout -- out/reports/2026-05-02` once committed); `fragtax verify 2026-05-02` says what is wrong");
    expect(refused.stderr).not.toContain("published 2026-05-03");
    expect(refused.stderr).not.toMatch(/\n\s+at /); // no stack
    expect(await versions()).toEqual(["2026-05-01", "2026-05-02"]);
    expect((await readdir(reports())).filter((name) => name.startsWith(".staging"))).toEqual([]);
    expect(await readFile(join(reports(), "index.html"), "utf8")).toBe(index);

    // Restored, it is the previous version again.
    await writeFile(manifest, intact);
    const published = await fragtax(["publish", "--date", "2026-05-03"], { cwd: root, env: NO_CHROMIUM });
    expect(published.code, published.stderr).toBe(0);
    expect(published.stderr).toContain("published 2026-05-03 → out/reports/2026-05-03 (previous: 2026-05-02)");
  });

  it("a renamed version folder: diff of the id its manifest names says the folder was renamed (it listed that id as published, and refused it)", async () => {
    await rename(join(reports(), "2026-05-02"), join(reports(), "2026-05-09"));
    const refused = await fragtax(["diff", "2026-05-01", "2026-05-02"], { cwd: root, env: NO_CHROMIUM });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"2026-05-02" is the id in the manifest of out/reports/2026-05-09/, a folder of another name: a published version\'s folder is not renamed. Name the folder 2026-05-02 again');
    expect(refused.stderr).not.toContain("is not a published version");
  });

  it("a file where out/reports/ should be: publish and --index-only say it of the published versions (exit 2), not of fragtax", async () => {
    await rm(reports(), { recursive: true });
    await writeFile(reports(), "not a folder");
    await useBuild(root, "v1");
    for (const args of [["publish", "--date", "2026-05-03"], ["publish", "--index-only"]]) {
      const refused = await fragtax(args, { cwd: root, env: NO_CHROMIUM });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`publish: the published versions (out/reports/): cannot use ${reports()} (EEXIST): a file is in the way where a folder must be`);
    }
    expect(await readFile(reports(), "utf8")).toBe("not a folder");
  });

  it("refuses for a damaged older version too, and names every damaged one", async () => {
    await writeFile(join(reports(), "2026-05-01", "manifest.json"), "{");
    await writeFile(join(reports(), "2026-05-02", "manifest.json"), "");
    await useBuild(root, "v1");
    const refused = await fragtax(["publish", "--date", "2026-05-03"], { cwd: root, env: NO_CHROMIUM });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("published versions 2026-05-01, 2026-05-02 are damaged: out/reports/2026-05-01/manifest.json, out/reports/2026-05-02/manifest.json are missing or cannot be read");
    expect(await versions()).toEqual(["2026-05-01", "2026-05-02"]);
    // Before what is wrong with the build: with no build at all, the damaged version is still what is said.
    await rm(join(root, "out/build"), { recursive: true, force: true });
    const unbuilt = await fragtax(["publish", "--date", "2026-05-03"], { cwd: root, env: NO_CHROMIUM });
    expect(unbuilt.code).toBe(2);
    expect(unbuilt.stderr).toContain("published versions 2026-05-01, 2026-05-02 are damaged");
  });

  it("a manifest given a field of 200,000 nested lists is damaged, said as such by verify, diff and publish --index-only (they ended with Node's \"Maximum call stack size exceeded\")", async () => {
    const manifest = join(reports(), "2026-05-02", "manifest.json");
    const intact = await readFile(manifest, "utf8");
    await writeFile(manifest, intact.replace(/^\{/, `{"zzz": ${"[".repeat(200_000)}${"]".repeat(200_000)},`));
    for (const args of [["verify"], ["verify", "2026-05-02"], ["diff", "2026-05-01", "2026-05-02"], ["publish", "--index-only"]]) {
      const result = await fragtax(args, { cwd: root, env: NO_CHROMIUM });
      expect(result.code, args.join(" ")).toBeGreaterThan(0);
      expect(result.stderr, args.join(" ")).toContain("2026-05-02");
      expect(result.stderr, args.join(" ")).not.toContain("Maximum call stack size exceeded");
    }
    const verified = await fragtax(["verify", "2026-05-02"], { cwd: root });
    expect(verified.stderr).toContain("out/reports/2026-05-02/manifest.json");
  });

  it("a removed newest version, which only the index still names: verify says so, --index-only and publish refuse, and its id is never given to another report", async () => {
    // The seals chain each version to the one before it; nothing follows the newest. It was removed, the
    // index rewritten from what was left with --index-only (verify's advice), and the next publish took its id.
    const index = await readFile(join(reports(), "index.html"), "utf8");
    await rm(join(reports(), "2026-05-02"), { recursive: true, force: true });
    const said = "out/reports/index.html lists version 2026-05-02, which out/reports/ no longer holds: a published version is never removed, and its id is never given to another report; restore it as published from a copy (e.g. `git checkout -- out/reports/2026-05-02` once committed), or, if index.html was edited to list it, restore index.html (or remove it and run `fragtax publish --index-only`)";

    const verify = await fragtax(["verify"], { cwd: root });
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain(`${said}; publish and publish --index-only refuse until then`);

    const rewrite = await fragtax(["publish", "--index-only"], { cwd: root });
    expect(rewrite.code).not.toBe(0);
    expect(rewrite.stderr).toContain(`refusing to rewrite out/reports/index.html: ${said}`);
    expect(await readFile(join(reports(), "index.html"), "utf8")).toBe(index);

    await useBuild(root, "v1");
    const refused = await fragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: NO_CHROMIUM });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`refusing to publish: ${said}`);
    expect(await versions()).toEqual(["2026-05-01"]);
  });
});
