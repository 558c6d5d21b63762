/**
 * Node 20's recursive mkdir answers ENOENT for a folder it cannot make on a read-only file system: a
 * build whose out/.cache was mounted read-only said the cache "does not exist: check the path". The
 * real reason (EROFS) is now said, by the helper every folder is made with and by the build. Needs a
 * read-only tmpfs, which root can mount here; where a test may not mount (a container without the
 * capability), these two say so and stop, and folders-masked.test.ts holds the rule without a mount.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeFolder, makeFolderSync } from "../../src/util/folders";
import { tempProject, type TempProject } from "../project";
import { fragtax } from "../published-project";

const mounted: string[] = [];
let project: TempProject | undefined;
afterEach(() => {
  for (const point of mounted.splice(0)) execFileSync("umount", [point]);
  project?.remove();
  project = undefined;
});

/** Mounts a read-only tmpfs at `at`; false where mounting is not allowed (then the mocked test stands for it). */
function readOnlyMount(at: string): boolean {
  mkdirSync(at, { recursive: true });
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k,ro", "tmpfs", at], { stdio: "pipe" });
  } catch (error) {
    const said = String((error as { stderr?: unknown }).stderr ?? error);
    // Only a refusal to mount at all; any other failure is the test's.
    expect(said).toMatch(/permission denied|not permitted|must be superuser|only root/i);
    return false;
  }
  mounted.push(at);
  return true;
}

describe("making a folder", () => {
  it("says EROFS on a read-only file system, where Node's recursive mkdir says ENOENT", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fragtax-folders-"));
    try {
      if (!readOnlyMount(join(dir, "ro"))) return;
      await expect(makeFolder(join(dir, "ro", "a", "b"))).rejects.toMatchObject({ code: "EROFS" });
      expect(() => makeFolderSync(join(dir, "ro", "a", "b"))).toThrow(expect.objectContaining({ code: "EROFS" }) as Error);
      // Elsewhere, as mkdir -p: every folder made, an existing one kept.
      await makeFolder(join(dir, "rw", "a", "b"));
      makeFolderSync(join(dir, "rw", "a", "c"));
      await makeFolder(join(dir, "rw", "a", "b"));
      expect([existsSync(join(dir, "rw", "a", "b")), existsSync(join(dir, "rw", "a", "c"))]).toEqual([true, true]);
    } finally {
      for (const point of mounted.splice(0)) execFileSync("umount", [point]);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a build with a read-only out/.cache says so (exit 2), naming the cache", async () => {
    project = tempProject();
    if (!readOnlyMount(join(project.root, "out", ".cache"))) return;
    const result = await fragtax(["build", "--no-pdf"], { cwd: project.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/out\/\.cache(?:\/\w+)? \(EROFS\): the file system is read-only/);
    expect(result.stderr).not.toContain("does not exist");
  });
});
