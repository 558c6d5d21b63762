/**
 * What a build flushes to the disk (fsync): the outputs a reader keeps, and nothing of out/.cache.
 * Every cache checks what it reads, so an entry a power cut spoiled is only a miss; a flush per entry
 * cost ~5–15 ms each on the path of every rebuild that ran a chapter.
 */
import { readlinkSync } from "node:fs";
import { open } from "node:fs/promises";
import { afterEach, describe, expect, it, vi } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import { endAllWorkers } from "../../src/notebook/pool";
import { appendCell, tempProject, type TempProject } from "../project";

let project: TempProject | undefined;
afterEach(() => {
  vi.restoreAllMocks();
  endAllWorkers();
  project?.remove();
});

/** The paths of the files and folders flushed while `work` runs (Linux: each handle's path from /proc). */
async function flushedDuring(work: () => Promise<unknown>): Promise<string[]> {
  const handle = await open(__filename, "r");
  const prototype = Object.getPrototypeOf(handle) as { sync: () => Promise<void> };
  await handle.close();
  const flushed: string[] = [];
  const sync = prototype.sync;
  vi.spyOn(prototype, "sync").mockImplementation(function (this: { fd: number }) {
    flushed.push(readlinkSync(`/proc/self/fd/${this.fd}`));
    return sync.call(this);
  });
  await work();
  return flushed;
}

describe("a rebuild's flushes", () => {
  it("are the new out/build's files and its folder, none of out/.cache", async () => {
    project = tempProject();
    const root = project.root;
    const quiet = new FileBuildEffects(() => undefined);
    expect((await build({ root, pdf: false }, quiet)).exitCode).toBe(0);
    appendCell(root, "02-claims.ipynb", 'console.log("again");'); // a chapter runs again: its cache entries are written
    const flushed = await flushedDuring(async () => expect((await build({ root, pdf: false }, quiet)).exitCode).toBe(0));
    expect(flushed.filter((path) => path.includes("/out/build") || path.includes("/.build-staging-")).length).toBeGreaterThanOrEqual(5);
    expect(flushed.filter((path) => path.includes("/.cache/"))).toEqual([]);
  });
});
