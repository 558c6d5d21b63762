/**
 * A publish that runs out of space (or meets a read-only folder) while it stages the version: the
 * failure names out/reports/ (where the space is wanting), not the folder it was started in, and leaves
 * no version, no staging folder and the old index. Needs a tmpfs mount, so it runs as root only;
 * publish-full-disk-emulated.test.ts holds the same rule where a test may not mount.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fragtax, makeProject, NO_CHROMIUM, useBuild } from "../published-project";

const canMount = ((): boolean => {
  if (process.getuid?.() !== 0) return false;
  try {
    execFileSync("mount", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

let root: string;
let reports: string;
beforeEach(async () => {
  root = await makeProject();
  reports = join(root, "out/reports");
});
afterEach(async () => {
  if (existsSync(reports)) execFileSync("umount", [reports], { stdio: "ignore" });
  await rm(root, { recursive: true, force: true });
});

describe.skipIf(!canMount)("publish on a full disk", () => {
  it("names out/reports/ and what to do (exit 2), and leaves no version, staging folder or new index", async () => {
    await mkdir(reports, { recursive: true });
    try {
      execFileSync("mount", ["-t", "tmpfs", "-o", "size=12k", "tmpfs", reports], { stdio: "pipe" });
    } catch {
      return; // mounting is not allowed here (a container without the capability)
    }
    await writeFile(join(reports, "index.html"), "the old index\n");
    await useBuild(root, "v1");
    const result = await fragtax(["publish", "--date", "2026-05-01"], { cwd: root, env: NO_CHROMIUM });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot use ${reports} (ENOSPC): the disk is full`);
    expect(result.stderr).not.toContain(`cannot use ${root} (`);
    expect((await readdir(reports)).sort()).toEqual(["index.html"]);
    expect(await readFile(join(reports, "index.html"), "utf8")).toBe("the old index\n");
  });
});
