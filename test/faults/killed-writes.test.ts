/**
 * A write killed midway (`kill -9`, a power cut) leaves its temporary sibling (util/atomic.ts). The
 * cache writes a build makes behind its render (`writeBehind`) are in flight for longer, so such
 * leftovers are likelier: a build that runs chapters removes every one of them that is a minute old
 * (never a younger one: that may be another process's write in progress), in each folder it writes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sweptFolders } from "../../src/build/cache/leftovers";
import { outPaths } from "../../src/config/paths";
import { removeAbandonedTemporaries, temporarySibling } from "../../src/util/atomic";
import { tempFolders, tempProject, type TempProject } from "../project";
import { CLI } from "../published-project";

let project: TempProject | undefined;
afterEach(() => project?.remove());
const folders = tempFolders();

/** A temporary sibling of `folder/name`, last written `ageMs` ago. */
function leftover(folder: string, name: string, ageMs: number): string {
  const path = temporarySibling(join(folder, name));
  writeFileSync(path, "half a write");
  const when = (Date.now() - ageMs) / 1000;
  utimesSync(path, when, when);
  return path;
}

describe("what killed writes left", () => {
  it("is removed once a minute old; a younger one, a folder that is not there and other files are left alone", async () => {
    const dir = folders.scratch("fragtax-leftovers-");
    const old = leftover(dir, "entry.json", 120_000);
    const young = leftover(dir, "entry.json", 5_000);
    writeFileSync(join(dir, "entry.json"), "{}");
    mkdirLike(join(dir, ".x.json.123.0123abcd.tmp")); // named like one, but a folder: not a file a write left
    await removeAbandonedTemporaries(dir);
    await removeAbandonedTemporaries(join(dir, "missing"));
    expect(existsSync(old)).toBe(false);
    expect(existsSync(young)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual([".x.json.123.0123abcd.tmp", "entry.json", basename(young)].sort());
  });

  it("in every cache folder a build writes, by the next build that runs a chapter", () => {
    project = tempProject();
    const root = project.root;
    symlinkSync(join(import.meta.dirname, "..", "..", "package.json"), join(root, "package.json"));
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
    expect(cli("build", "--no-pdf").status).toBe(0);
    const chapters = readdirSync(join(root, "notebooks")).filter((name) => name.endsWith(".ipynb")).map((name) => `notebooks/${name}`);
    const swept = sweptFolders(outPaths(root), chapters);
    for (const folder of swept) expect(existsSync(folder), folder).toBe(true);
    const old = swept.map((folder) => leftover(folder, "entry.json", 120_000));
    const young = leftover(swept[0] as string, "entry.json", 1_000);
    // A chapter whose entry is gone runs again.
    rmSync(join(root, "out", ".cache", "notebooks", chapters[0] as string, "entry.json"));
    const rebuilt = cli("build", "--no-pdf");
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stderr).toContain("executed");
    for (const path of old) expect(existsSync(path), path).toBe(false);
    expect(existsSync(young)).toBe(true);
  }, 150_000);
});

function mkdirLike(path: string): void {
  mkdirSync(path, { recursive: true });
  const when = (Date.now() - 120_000) / 1000;
  utimesSync(path, when, when);
}
