/**
 * A cache write killed midway (`kill -9`, a power cut) leaves its temporary sibling (util/atomic.ts),
 * and a build writes its caches behind its render (`writeBehind`), so a build killed midway can leave
 * several. The next build takes over the killed one's lock and removes every such file a minute old
 * in every folder of out/.cache (never a younger one: that may be another process's write in
 * progress); builds after a build that finished sweep nothing, and spend nothing on it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeAbandonedTemporaries, temporarySibling } from "../../src/util/atomic";
import { tempFolders, tempProject, type TempProject } from "../project";
import { CLI } from "../published-project";

let project: TempProject | undefined;
afterEach(() => project?.remove());
const folders = tempFolders();

/** A temporary sibling of `folder/name`, last written `ageMs` ago. */
function leftover(folder: string, name: string, ageMs: number): string {
  mkdirSync(folder, { recursive: true });
  const path = temporarySibling(join(folder, name));
  writeFileSync(path, "half a write");
  const when = (Date.now() - ageMs) / 1000;
  utimesSync(path, when, when);
  return path;
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("what killed writes left", () => {
  it("is removed once a minute old; a younger one, a folder that is not there and other files are left alone", async () => {
    const dir = folders.scratch("fragtax-leftovers-");
    const old = leftover(dir, "entry.json", 120_000);
    const young = leftover(dir, "entry.json", 5_000);
    writeFileSync(join(dir, "entry.json"), "{}");
    const named = join(dir, ".x.json.123.0123abcd.tmp"); // named like one, but a folder: not a file a write left
    mkdirSync(named);
    utimesSync(named, (Date.now() - 120_000) / 1000, (Date.now() - 120_000) / 1000);
    await removeAbandonedTemporaries(dir);
    await removeAbandonedTemporaries(join(dir, "missing"));
    expect(existsSync(old)).toBe(false);
    expect(readdirSync(dir).sort()).toEqual([basename(named), "entry.json", basename(young)].sort());
  });

  it("in every folder of out/.cache, by the build that takes over a killed build's lock; not by one after a build that finished", () => {
    project = tempProject();
    const root = project.root;
    symlinkSync(join(import.meta.dirname, "..", "..", "package.json"), join(root, "package.json"));
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
    expect(cli("build", "--no-pdf").status).toBe(0);
    const cache = join(root, "out", ".cache");
    const inside = ["inputs", "charts", "page", "chapters", "engine", join("notebooks", "notebooks", "01-price.ipynb")].map((folder) => join(cache, folder));
    for (const folder of inside) expect(existsSync(folder), folder).toBe(true);
    const old = inside.map((folder) => leftover(folder, "entry.json", 120_000));
    const young = leftover(join(cache, "charts"), "entry.json", 1_000);

    // After a build that finished: nothing is swept (and nothing is spent looking).
    expect(cli("build", "--no-pdf").status).toBe(0);
    for (const path of old) expect(existsSync(path), path).toBe(true);

    // After a build killed holding the lock: the next build takes it over and sweeps.
    writeFileSync(join(root, "out", ".build.lock"), `${deadPid()}\n`);
    const next = cli("build", "--no-pdf");
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toMatch(/lock/);
    for (const path of old) expect(existsSync(path), path).toBe(false);
    expect(existsSync(young)).toBe(true);
  }, 150_000);
});
