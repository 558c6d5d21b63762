/**
 * An out/build/ this user cannot list (chmod 000, a folder left by another user): the build must not
 * swap it aside as if it held no folders to keep, drop `fragtax run`'s executed/ with it, exit 0, and
 * leave a set-aside folder every later build then fails on. It stops before the swap, naming out/build
 * (exit 2); once readable again, the previous build and executed/ are as they were. Permissions do not
 * bind root, so the CLI runs as `nobody`: root only. So does an out/.cache it cannot use, found before
 * any chapter runs.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolders } from "../project";

const CLI = resolve("dist/cli.cjs");
const canDropToNobody = ((): boolean => {
  if (process.getuid?.() !== 0) return false;
  return spawnSync("runuser", ["-u", "nobody", "--", "true"]).status === 0;
})();
const folders = tempFolders();

function buildAsNobody(root: string): { code: number; stderr: string } {
  const result = spawnSync("runuser", ["-u", "nobody", "--", "env", `HOME=${root}`, "NO_COLOR=1", process.execPath, CLI, "build", "--no-pdf", "--root", root], { encoding: "utf8" });
  return { code: result.status ?? 1, stderr: result.stderr };
}

describe.skipIf(!canDropToNobody)("an out/build/ that cannot be listed", () => {
  it("stops the build before the swap, naming out/build (exit 2); nothing is lost or left behind", () => {
    const { root } = folders.project();
    execFileSync("chown", ["-R", "-h", "nobody", root]);
    expect(buildAsNobody(root).code).toBe(0);
    const build = join(root, "out/build");
    const log = readFileSync(join(build, "build-log.json"), "utf8");
    mkdirSync(join(build, "executed"));
    writeFileSync(join(build, "executed/kept.ipynb"), "{}");
    execFileSync("chown", ["-R", "nobody", build]);
    chmodSync(build, 0o000);
    try {
      const blocked = buildAsNobody(root);
      expect(blocked.code).toBe(2);
      expect(blocked.stderr).toContain(`cannot use ${build} (EACCES): permission denied`);
      expect(readdirSync(join(root, "out")).filter((name) => name.startsWith(".build-"))).toEqual([]);
    } finally {
      chmodSync(build, 0o755);
    }
    expect(readFileSync(join(build, "build-log.json"), "utf8")).toBe(log);
    expect(existsSync(join(build, "executed/kept.ipynb"))).toBe(true);
    // Readable again: the next build goes through and keeps executed/.
    expect(buildAsNobody(root).code).toBe(0);
    expect(existsSync(join(build, "executed/kept.ipynb"))).toBe(true);
  }, 120_000);

  it("stops at an out/.cache it cannot use before running any chapter, not after running them all again", () => {
    const { root } = folders.project();
    execFileSync("chown", ["-R", "-h", "nobody", root]);
    expect(buildAsNobody(root).code).toBe(0);
    const cache = join(root, "out/.cache");
    chmodSync(cache, 0o000);
    try {
      const blocked = buildAsNobody(root);
      expect(blocked.code).toBe(2);
      expect(blocked.stderr).toContain(`cannot use ${cache} (EACCES): permission denied`);
      // Said before any chapter ran: no cache entry was read and ignored, and no notebook executed.
      expect(blocked.stderr).not.toMatch(/ignoring the cache entry|execute:/);
    } finally {
      chmodSync(cache, 0o755);
    }
    expect(buildAsNobody(root).code).toBe(0);
  }, 120_000);
});
