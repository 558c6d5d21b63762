/**
 * Published versions are checked when read: `fragtax verify`, `diff` and `publish` (for the version
 * it compares against) recompute the manifest's sha256s and name the file that differs.
 */
import { execFile, execFileSync } from "node:child_process";
import { appendFile, copyFile, mkdir, readFile, rename, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { manifestDigest } from "../../src/publish/manifest";
import { CLI, fragtax, NO_CHROMIUM, projectWithVersions, useBuild } from "../published-project";

let root: string;

/** The CLI, killed after `ms` (a hang is a failure, not a test that never ends). */
function fragtaxWithin(ms: number, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<{ code: number; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd: options.cwd, timeout: ms, killSignal: "SIGKILL", env: { ...process.env, NO_COLOR: "1", ...options.env } }, (error, _stdout, stderr) => {
      done({ code: error ? (typeof error.code === "number" ? error.code : -1) : 0, stderr });
    });
  });
}
const version = (id: string, file: string): string => join(root, "out/reports", id, file);
/** A file of a version as messages name it: from the project root. */
const shown = (id: string, file: string): string => `out/reports/${id}/${file}`;

beforeEach(async () => {
  root = await projectWithVersions(["--date", "2026-05-01"], ["--date", "2026-05-20"]);
}, 60_000);
afterEach(async () => rm(root, { recursive: true, force: true }));

describe("tampered published versions", () => {
  it("verify: ok for intact versions, exit 1 naming each altered or missing file", async () => {
    const intact = await fragtax(["verify"], { cwd: root });
    expect(intact.code).toBe(0);
    expect(intact.stdout).toContain("ok 2026-05-01 (5 files match its manifest)");
    expect(intact.stdout).toContain("ok 2026-05-20");

    await appendFile(version("2026-05-01", "report.html"), "<!-- edited -->");
    await rm(version("2026-05-20", "claims.json"));
    const tampered = await fragtax(["verify"], { cwd: root });
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain(`${shown("2026-05-01", "report.html")} differs from the sha256 in its manifest`);
    expect(tampered.stderr).toContain(`${shown("2026-05-20", "claims.json")} is missing`);
    // Naming one version checks only that one.
    const one = await fragtax(["verify", "2026-05-01"], { cwd: root });
    expect(one.code).toBe(1);
    expect(one.stderr).not.toContain("2026-05-20");
    expect((await fragtax(["verify", "2026-01-01"], { cwd: root })).code).toBe(2);
  });

  it("verify: a file added to a version, a manifest that dropped a file, names another folder, or a previous version gone", async () => {
    await writeFile(version("2026-05-01", "evil.html"), "<script>alert(1)</script>");
    const added = await fragtax(["verify", "2026-05-01"], { cwd: root });
    expect(added.code).toBe(1);
    expect(added.stderr).toContain(`${shown("2026-05-01", "evil.html")} is not listed in its manifest (a file added after publishing); published versions are immutable — remove it`);
    await rm(version("2026-05-01", "evil.html"));
    // A name the manifest object has through its prototype is still an added file; a file browser's own is not.
    await writeFile(version("2026-05-01", "constructor"), "x");
    expect((await fragtax(["verify", "2026-05-01"], { cwd: root })).stderr).toContain(`${shown("2026-05-01", "constructor")} is not listed in its manifest (a file added after publishing)`);
    await rm(version("2026-05-01", "constructor"));
    await writeFile(version("2026-05-01", ".DS_Store"), "finder");
    expect((await fragtax(["verify", "2026-05-01"], { cwd: root })).code).toBe(0);
    await rm(version("2026-05-01", ".DS_Store"));
    // Only as a file browser leaves it: a link, or a folder holding a page, under such a name is an added file.
    await symlink("/etc/passwd", version("2026-05-01", ".DS_Store"));
    await mkdir(version("2026-05-01", "Thumbs.db"));
    await writeFile(version("2026-05-01", "Thumbs.db/page.html"), "<script>alert(1)</script>");
    const named = await fragtax(["verify", "2026-05-01"], { cwd: root });
    expect(named.code).toBe(1);
    expect(named.stderr).toContain(`${shown("2026-05-01", ".DS_Store")} is not listed in its manifest`);
    expect(named.stderr).toContain(`${shown("2026-05-01", "Thumbs.db")} is not listed in its manifest`);
    await rm(version("2026-05-01", ".DS_Store"));
    await rm(version("2026-05-01", "Thumbs.db"), { recursive: true });

    // The PDF's line removed from the manifest, the file kept: never "remove it", the manifest was edited.
    const manifestFile = version("2026-05-20", "manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as { id: string; previous: string | null; files: Record<string, string> };
    delete manifest.files["report.pdf"];
    await writeFile(manifestFile, JSON.stringify(manifest));
    const kept = await fragtax(["verify", "2026-05-20"], { cwd: root });
    expect(kept.code).toBe(1);
    expect(kept.stderr).toContain(`${shown("2026-05-20", "report.pdf")} is not listed in its manifest (the manifest was edited)`);
    expect(kept.stderr).not.toContain("remove it");
    // …and the file deleted too: the hashes of what is left still match.
    await rm(version("2026-05-20", "report.pdf"));
    const dropped = await fragtax(["verify", "2026-05-20"], { cwd: root });
    expect(dropped.code).toBe(1);
    expect(dropped.stderr).toContain(`${shown("2026-05-20", "report.pdf")} is not listed in its manifest (the manifest was edited)`);
    await writeFile(manifestFile, JSON.stringify({ ...manifest, files: {} }));
    const emptied = await fragtax(["verify", "2026-05-20"], { cwd: root });
    expect(emptied.code).toBe(1);
    expect(emptied.stdout).not.toContain("ok 2026-05-20");

    await writeFile(manifestFile, JSON.stringify({ ...manifest, id: "2026-05-21" }));
    expect((await fragtax(["verify", "2026-05-20"], { cwd: root })).stderr).toContain("names another version than its folder");
    // A previous version that is not an earlier version id ("." is a folder, but not a version).
    await writeFile(manifestFile, JSON.stringify({ ...manifest, previous: "." }));
    expect((await fragtax(["verify", "2026-05-20"], { cwd: root })).stderr).toContain(`names as its previous version ".", which is not an earlier published version`);
    await writeFile(manifestFile, JSON.stringify(manifest));

    // Two versions' folders swapped: each manifest names the other version, and that is all that is said
    // (read as this folder's, the other's history sent the reader to remove a genuine version).
    await rename(join(root, "out/reports/2026-05-01"), join(root, "out/reports/swap"));
    await rename(join(root, "out/reports/2026-05-20"), join(root, "out/reports/2026-05-01"));
    await rename(join(root, "out/reports/swap"), join(root, "out/reports/2026-05-20"));
    const swapped = await fragtax(["verify"], { cwd: root });
    expect(swapped.code).toBe(1);
    expect(swapped.stderr).toContain(`${shown("2026-05-01", "manifest.json")} names another version than its folder`);
    expect(swapped.stderr).toContain(`${shown("2026-05-20", "manifest.json")} names another version than its folder`);
    expect(swapped.stderr).not.toMatch(/remove the folder|previous version/);
    await rename(join(root, "out/reports/2026-05-01"), join(root, "out/reports/swap"));
    await rename(join(root, "out/reports/2026-05-20"), join(root, "out/reports/2026-05-01"));
    await rename(join(root, "out/reports/swap"), join(root, "out/reports/2026-05-20"));

    // The older version moved away: the newer one's history no longer holds.
    await rename(join(root, "out/reports/2026-05-01"), join(root, "out/2026-05-01-moved"));
    const orphan = await fragtax(["verify", "2026-05-20"], { cwd: root });
    expect(orphan.code).toBe(1);
    expect(orphan.stderr).toContain(`${shown("2026-05-20", "manifest.json")} names as its previous version "2026-05-01", which is not an earlier published version`);
    expect(orphan.stderr).toContain("git checkout -- out/reports/2026-05-01`");
  });

  it("verify: a link or a special file in place of a published file, a version folder that is a link, a manifest path outside the folder", async () => {
    const copy = join(root, "elsewhere.pdf");
    await copyFile(version("2026-05-20", "report.pdf"), copy);
    await rm(version("2026-05-20", "report.pdf"));
    await symlink(copy, version("2026-05-20", "report.pdf")); // same bytes, but a file that can change outside the version
    const linked = await fragtax(["verify", "2026-05-20"], { cwd: root });
    expect(linked.code).toBe(1);
    expect(linked.stderr).toContain(`${shown("2026-05-20", "report.pdf")} is a symbolic link where a published file should be`);
    await rm(version("2026-05-20", "report.pdf"));
    execFileSync("mkfifo", [version("2026-05-20", "report.pdf")]); // reading it would block for ever
    const fifo = await fragtax(["verify", "2026-05-20"], { cwd: root });
    expect(fifo.code).toBe(1);
    expect(fifo.stderr).toContain(`${shown("2026-05-20", "report.pdf")} is a special file (a pipe, socket or device) where a published file should be`);
    await rm(version("2026-05-20", "report.pdf"));
    await mkdir(version("2026-05-20", "report.pdf")); // a folder where the file was
    const folderForFile = await fragtax(["verify", "2026-05-20"], { cwd: root });
    expect(folderForFile.code).toBe(1);
    expect(folderForFile.stderr).toContain(`${shown("2026-05-20", "report.pdf")} is a folder where a published file should be`);
    await rm(version("2026-05-20", "report.pdf"), { recursive: true });
    await copyFile(copy, version("2026-05-20", "report.pdf"));

    const manifestFile = version("2026-05-20", "manifest.json");
    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as { files: Record<string, string> };
    await writeFile(manifestFile, JSON.stringify({ ...manifest, files: { ...manifest.files, "../../../etc/hostname": "0" } }));
    expect((await fragtax(["verify", "2026-05-20"], { cwd: root })).stderr).toContain(`${shown("2026-05-20", "manifest.json")} lists "../../../etc/hostname", a path outside its folder`);
    await writeFile(manifestFile, JSON.stringify({ ...manifest, files: Object.values(manifest.files) }));
    expect((await fragtax(["verify", "2026-05-20"], { cwd: root })).stderr).toContain("manifest.json cannot be read");
    await writeFile(manifestFile, JSON.stringify(manifest));

    // The whole folder replaced by a link to an identical copy.
    await rename(join(root, "out/reports/2026-05-01"), join(root, "out/copy-2026-05-01"));
    await symlink(join(root, "out/copy-2026-05-01"), join(root, "out/reports/2026-05-01"));
    const folder = await fragtax(["verify", "2026-05-01"], { cwd: root });
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain("is a symbolic link, not a folder of its own");
  });

  it("verify: a file the newest manifest was resealed to list, and a lock or metadata name in out/reports that is not what publish or a file browser leaves", async () => {
    // The newest version has no later seal to catch an edit of its manifest: a name publish never writes still does.
    await writeFile(version("2026-05-20", "evil.html"), "<script>alert(1)</script>");
    const file = version("2026-05-20", "manifest.json");
    const manifest = JSON.parse(await readFile(file, "utf8")) as Record<string, unknown> & { files: Record<string, string> };
    manifest.files["evil.html"] = createHash("sha256").update("<script>alert(1)</script>").digest("hex");
    const resealed = { ...manifest, manifestSha256: manifestDigest(manifest) };
    await writeFile(file, JSON.stringify(resealed, null, 2));
    const added = await fragtax(["verify", "2026-05-20"], { cwd: root });
    expect(added.code).toBe(1);
    expect(added.stderr).toContain(`${shown("2026-05-20", "manifest.json")} lists "evil.html", a file publish never writes`);
    await rm(version("2026-05-20", "evil.html"));
    await writeFile(file, JSON.stringify({ ...manifest, files: Object.fromEntries(Object.entries(manifest.files).filter(([name]) => name !== "evil.html")) }, null, 2));
    // In out/reports: a folder under the publish lock's name, or a folder of pages named Thumbs.db, is served beside the versions.
    await mkdir(join(root, "out/reports/.publish.lock"));
    await writeFile(join(root, "out/reports/.publish.lock/evil.html"), "x");
    await mkdir(join(root, "out/reports/Thumbs.db"));
    const stray = await fragtax(["verify"], { cwd: root });
    expect(stray.code).toBe(1);
    expect(stray.stderr).toContain(".publish.lock");
    expect(stray.stderr).toContain("Thumbs.db");
  });

  it("verify: a file added under a name with a line break cannot print a line of its own (a forged \"ok\")", async () => {
    await writeFile(version("2026-05-01", "evil\nok 2026-05-01 (5 files match its manifest)"), "x");
    const result = await fragtax(["verify"], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${shown("2026-05-01", "evil\\x0aok 2026-05-01 (5 files match its manifest)")} is not listed in its manifest`);
    expect(`${result.stdout}${result.stderr}`.split("\n").filter((line) => line.startsWith("ok 2026-05-01"))).toEqual([]);
  });

  it("verify: a published file replaced by one too large to read whole (3 GB, sparse) differs; it is not called missing", async () => {
    await truncate(version("2026-05-01", "report.pdf"), 3 * 1024 ** 3);
    const result = await fragtax(["verify", "2026-05-01"], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${shown("2026-05-01", "report.pdf")} differs from the sha256 in its manifest`);
    expect(result.stderr).not.toContain("is missing");
  });

  it("a FIFO in place of index.html or a manifest: verify and diff answer at once (a read of it would wait for ever)", async () => {
    const quick = { cwd: root };
    await rm(join(root, "out/reports/index.html"));
    execFileSync("mkfifo", [join(root, "out/reports/index.html")]);
    const index = await fragtaxWithin(20_000, ["verify"], quick);
    expect(index.code).toBe(1);
    // Not "missing": something is there, and it is not the index publish wrote.
    expect(index.stderr).toContain("out/reports/index.html is a special file (a pipe, socket or device), not the index file publish writes");
    expect(index.stderr).toContain("`fragtax publish --index-only`");
    await rm(version("2026-05-01", "manifest.json"));
    execFileSync("mkfifo", [version("2026-05-01", "manifest.json")]);
    const diff = await fragtaxWithin(20_000, ["diff", "2026-05-01", "2026-05-20"], quick);
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain("published version 2026-05-01 is damaged");
  }, 60_000);

  it("diff refuses a version whose figures.json or assumptions.yaml was edited, naming the file", async () => {
    const figures = version("2026-05-01", "figures.json");
    await writeFile(figures, (await readFile(figures, "utf8")).replace(/"p50": [0-9.e+]+/, '"p50": 1'));
    const diff = await fragtax(["diff", "2026-05-01", "2026-05-20"], { cwd: root });
    expect(diff.code).toBe(1);
    expect(diff.stderr).toContain(`published version 2026-05-01 was altered: ${shown("2026-05-01", "figures.json")} differs`);
    expect(diff.stdout).toBe("");

    const assumptions = version("2026-05-20", "assumptions.yaml");
    await writeFile(assumptions, (await readFile(assumptions, "utf8")).replace("2.5", "0.5"));
    const other = await fragtax(["diff", "2026-05-20", resolve(root, "notebooks/assumptions.yaml")], { cwd: root });
    expect(other.code).toBe(1);
    expect(other.stderr).toContain(`${shown("2026-05-20", "assumptions.yaml")} differs`);
  });

  it("publish refuses when the previous version was altered, and writes nothing", async () => {
    await appendFile(version("2026-05-20", "assumptions.yaml"), "# edited\n");
    await useBuild(root, "v1");
    const publish = await fragtax(["publish", "--date", "2026-06-01"], { cwd: root, env: NO_CHROMIUM });
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain(`published version 2026-05-20 was altered: ${shown("2026-05-20", "assumptions.yaml")} differs`);
    const index = await readFile(join(root, "out/reports/index.html"), "utf8");
    expect(index).not.toContain("2026-06-01");
  });

  it("publish checks the previous version before reading any of it: a damaged or missing figures.json or claims.json is named", async () => {
    await useBuild(root, "v1");
    const damages: ReadonlyArray<readonly [string, (file: string) => Promise<void>, string]> = [
      ["figures.json", (file) => writeFile(file, "garbage\n"), "differs from the sha256 in its manifest"],
      ["figures.json", (file) => rm(file), "is missing"],
      ["claims.json", (file) => rm(file), "is missing"],
    ];
    for (const [name, damage, problem] of damages) {
      const file = version("2026-05-20", name);
      const kept = await readFile(file);
      await damage(file);
      const publish = await fragtax(["publish", "--date", "2026-06-01"], { cwd: root, env: NO_CHROMIUM });
      expect(publish.code, name).toBe(1);
      expect(publish.stderr).toContain(`published version 2026-05-20 was altered: ${shown("2026-05-20", name)} ${problem}`);
      expect(publish.stderr).not.toContain("JSON");
      await writeFile(file, kept);
    }
    expect(await readFile(join(root, "out/reports/index.html"), "utf8")).not.toContain("2026-06-01");
  });
});
