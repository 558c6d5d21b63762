/**
 * A rename of the swap that the file system refuses (a folder flagged immutable, a mount point) is
 * reported naming the folder that could not be moved, and leaves the previous build whole. The refusal
 * is injected into `rename` for one path: as root, permissions do not stop a rename, and `chattr +i`
 * is not on every file system a test runs on.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const refused = vi.hoisted(() => ({ path: "", removal: "" }));
vi.mock("node:fs/promises", async (original) => {
  const fs = await original<typeof import("node:fs/promises")>();
  const rename = async (from: string, to: string): Promise<void> => {
    if (from === refused.path) throw Object.assign(new Error(`EPERM: operation not permitted, rename '${from}' -> '${to}'`), { code: "EPERM" });
    return fs.rename(from, to);
  };
  // A folder nothing may remove here (its owner another user's, as root no permission refuses it).
  const rm = async (path: string, options?: Parameters<typeof fs.rm>[1]): Promise<void> => {
    if (refused.removal !== "" && basename(path).startsWith(refused.removal)) throw Object.assign(new Error(`EACCES: permission denied, rmdir '${path}'`), { code: "EACCES" });
    return fs.rm(path, options);
  };
  return { ...fs, rename, rm, default: { ...fs, rename, rm } };
});

const { buildLockPath, lockBuild, replaceBuildOutputs } = await import("../../src/build/outputs");

let out = "";
afterEach(() => {
  refused.path = "";
  refused.removal = "";
  rmSync(out, { recursive: true, force: true });
});

describe("a swap the file system refuses", () => {
  it.each([
    ["a kept folder (executed/)", "build/executed"],
    ["out/build itself", "build"],
  ])("names %s, the folder it could not move, and keeps the previous build whole", async (_what, refusedFolder) => {
    out = mkdtempSync(join(tmpdir(), "fragtax-swap-"));
    const build = join(out, "build");
    mkdirSync(join(build, "executed"), { recursive: true });
    writeFileSync(join(build, "report.html"), "old");
    writeFileSync(join(build, "executed", "a.ipynb"), "kept");
    refused.path = join(out, refusedFolder);
    const failure = await replaceBuildOutputs(build, new Map([["report.html", "new"]])).then(
      () => undefined,
      (error: unknown) => error as Error & { path?: string },
    );
    expect(failure?.message).toContain(`cannot use ${refused.path} (EPERM)`);
    expect(failure?.message).not.toContain(".build-");
    expect(readFileSync(join(build, "report.html"), "utf8")).toBe("old");
    expect(readFileSync(join(build, "executed", "a.ipynb"), "utf8")).toBe("kept");
    expect(readdirSync(out).filter((name) => name.startsWith(".build-"))).toEqual([]);
  });
});

describe("an old build the swap cannot remove", () => {
  it("is said once, with what to do (its path quoted for the shell), and stops neither this build nor the next, whose lock is its own to release", async () => {
    out = mkdtempSync(join(tmpdir(), "fragtax-swap-"));
    const build = join(out, "build");
    mkdirSync(build);
    writeFileSync(join(build, "report.html"), "old");
    refused.removal = ".build-old-";
    const said: string[] = [];
    await replaceBuildOutputs(build, new Map([["report.html", "new"]]), (line) => said.push(line));
    expect(readFileSync(join(build, "report.html"), "utf8")).toBe("new");
    const left = readdirSync(out).filter((name) => name.startsWith(".build-old-"));
    expect(left).toHaveLength(1);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^warning: the previous build, set aside as .*\.build-old-\d+-[0-9a-f]+, could not be removed \(EACCES\); the new one is in place\. Its owner can remove it \(`rm -rf .*\.build-old-\d+-[0-9a-f]+`, with sudo if it is another user's\); the next build tries again$/);

    // The next build (another process: this one's own stages are never recovered) takes the lock, says
    // the leftover again, and runs (it stopped every build, at the file it could not remove).
    renameSync(join(out, left[0] ?? ""), join(out, ".build-old-999998-0000bbbb"));
    const next: string[] = [];
    const release = await lockBuild(build, (line) => next.push(line));
    expect(next).toHaveLength(1);
    expect(next[0]).toMatch(/^warning: .*\.build-old-999998-0000bbbb, an old build an earlier build set aside, cannot be removed \(EACCES\); builds go on meanwhile\. Its owner can remove it/);
    await release();
    expect(existsSync(buildLockPath(build))).toBe(false);
    // Said once a process: the build looks again as it swaps.
    const again: string[] = [];
    await replaceBuildOutputs(build, new Map([["report.html", "newer"]]), (line) => again.push(line));
    expect(again.filter((line) => line.includes("0000bbbb"))).toEqual([]);

    // Once it can be removed, the next build removes it.
    refused.removal = "";
    for (const name of readdirSync(out).filter((entry) => entry.startsWith(".build-old-") && !entry.includes("999998"))) renameSync(join(out, name), join(out, ".build-old-999997-0000cccc"));
    await (await lockBuild(build, () => undefined))();
    expect(readdirSync(out).filter((name) => name.startsWith(".build-old-"))).toEqual([]);
  });

  it("a recovery that fails releases the lock: left behind, it read as a build killed midway", async () => {
    out = mkdtempSync(join(tmpdir(), "fragtax-swap-"));
    const build = join(out, "build");
    // A killed build's swap between its two renames: out/build gone, its stage and the old one beside.
    mkdirSync(join(out, ".build-staging-999999-0000aaaa"));
    mkdirSync(join(out, ".build-old-999999-0000aaaa"));
    refused.path = join(out, ".build-staging-999999-0000aaaa");
    await expect(lockBuild(build, () => undefined)).rejects.toThrow(/EPERM/);
    expect(existsSync(buildLockPath(build))).toBe(false);
  });
});
