/**
 * out/build is replaced by three renames (kept folders into the stage, the old build aside, the stage
 * into place). A build killed between them left either no out/build or `executed/` inside its stage,
 * and the next build deleted both without a word. The next build now finishes or undoes the swap, and says which.
 * The states below are the ones a kill leaves (a pid that is not running owns the stage).
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockBuild, replaceBuildOutputs } from "../../src/build/outputs";

const DEAD = 2 ** 22 + 12_345; // above Linux's default pid_max: no process has it
let out = "";
afterEach(() => rmSync(out, { recursive: true, force: true }));

function setUp(): { build: string; staging: string; old: string } {
  out = mkdtempSync(join(tmpdir(), "fragtax-swap-"));
  return { build: join(out, "build"), staging: join(out, `.build-staging-${DEAD}-ab12cd34`), old: join(out, `.build-old-${DEAD}-ab12cd34`) };
}

function write(dir: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
}

/** What the next build does first: take the lock (recovering any swap a dead build left), then let it go. */
const recoverBy = async (build: string, said: string[] = []): Promise<void> => (await lockBuild(build, (line) => said.push(line)))();
const read = (dir: string, name: string): string => readFileSync(join(dir, name), "utf8");
const leftovers = (): string[] => readdirSync(out).filter((name) => name.startsWith(".build-"));

describe("a swap of out/build that a kill interrupted", () => {
  it("killed between setting the old build aside and moving the stage in: the whole new build is put in place", async () => {
    const { build, staging, old } = setUp();
    write(staging, { "report.html": "new", "executed/a.ipynb": "kept" });
    write(old, { "report.html": "old" });
    const said: string[] = [];
    await recoverBy(build, said);
    expect(read(build, "report.html")).toBe("new");
    // What it found and did, said: not "finished or undone".
    expect(said).toEqual(["the killed build had set out/build/ aside and not yet put its new one in place: its new out/build/ is now in place, whole"]);
    expect(read(build, "executed/a.ipynb")).toBe("kept");
    expect(leftovers()).toEqual([]);
  });

  it("a stage whose pid is alive but not a build (pid 1: a pid reused after a reboot, or a container's init) is recovered too", async () => {
    out = mkdtempSync(join(tmpdir(), "fragtax-swap-"));
    const build = join(out, "build");
    write(join(out, ".build-staging-1-ab12cd34"), { "report.html": "new", "executed/a.ipynb": "kept" });
    write(join(out, ".build-old-1-ab12cd34"), { "report.html": "old" });
    await recoverBy(build);
    expect(read(build, "executed/a.ipynb")).toBe("kept");
    expect(leftovers()).toEqual([]);
  });

  it("killed while moving executed/ into the stage: it goes back into the old build, which stays", async () => {
    const { build, staging } = setUp();
    write(build, { "report.html": "old" });
    write(staging, { "report.html": "new", "executed/a.ipynb": "kept" });
    const said: string[] = [];
    await recoverBy(build, said);
    expect(said).toEqual(["the killed build left a half-made out/build/ beside the whole one: removed, and the whole one kept"]);
    expect(read(build, "report.html")).toBe("old");
    expect(read(build, "executed/a.ipynb")).toBe("kept");
    expect(leftovers()).toEqual([]);
  });

  it("an old build set aside with no build in place and no stage is restored, and a finished swap's old copy removed", async () => {
    const { build, old } = setUp();
    write(old, { "report.html": "old", "executed/a.ipynb": "kept" });
    const said: string[] = [];
    await recoverBy(build, said);
    expect(said).toEqual(["the killed build had set out/build/ aside with no new one made: the previous out/build/ is back in place"]);
    expect(read(build, "report.html")).toBe("old");
    expect(read(build, "executed/a.ipynb")).toBe("kept");
    write(old, { "report.html": "older" });
    await replaceBuildOutputs(build, new Map([["report.html", "newest"]]));
    expect(read(build, "report.html")).toBe("newest");
    expect(read(build, "executed/a.ipynb")).toBe("kept");
    expect(leftovers()).toEqual([]);
    expect(existsSync(old)).toBe(false);
  });

  it("a first build killed with its stage half made, and no build before it: the stage is removed, and said", async () => {
    const { build, staging } = setUp();
    write(staging, { "report.html": "new" });
    const said: string[] = [];
    await recoverBy(build, said);
    expect(said).toEqual(["the killed build left an out/build/ it never put in place, and no earlier one: removed, and this build makes it afresh"]);
    expect(leftovers()).toEqual([]);
  });
});

describe("a folder in out/build", () => {
  it("is kept (executed/), unless it stands where the build writes a file: then it goes with the old build", async () => {
    const { build } = setUp();
    write(build, { "executed/a.ipynb": "kept", "report.html/inside.txt": "in the way" });
    await replaceBuildOutputs(build, new Map([["report.html", "new page"]]));
    expect(read(build, "report.html")).toBe("new page");
    expect(read(build, "executed/a.ipynb")).toBe("kept");
    expect(leftovers()).toEqual([]);
  });
});

describe("a new build's files, written at once", () => {
  it("are all in place after the swap; one that cannot be written leaves the old build whole and no stage behind", async () => {
    const { build } = setUp();
    write(build, { "report.html": "old", "figures.json": "[1]", "executed/a.ipynb": "kept" });
    const files = new Map(Array.from({ length: 8 }, (_, i) => [`file-${i}.json`, `${"x".repeat(100_000)}${i}`] as [string, string]));
    await replaceBuildOutputs(build, files);
    expect(readdirSync(build).sort()).toEqual([...files.keys(), "executed"].sort());
    for (const [name, text] of files) expect(read(build, name)).toBe(text);

    // A name in a folder that is not there fails its write while the others succeed.
    const failure = await replaceBuildOutputs(build, new Map([["report.html", "new"], ["missing/claims.json", "[]"], ["figures.json", "[2]"]])).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(failure?.message).toContain("missing/claims.json");
    expect(read(build, "file-0.json")).toBe(files.get("file-0.json"));
    expect(read(build, "executed/a.ipynb")).toBe("kept");
    expect(existsSync(join(build, "report.html"))).toBe(false);
    expect(leftovers()).toEqual([]);
  });
});

describe("out/build as a symbolic link to a folder elsewhere", () => {
  it("is refused (exit 2, naming it and its target): the folders of the target are never moved into the build", async () => {
    const { build } = setUp();
    const elsewhere = join(out, "elsewhere");
    write(elsewhere, { "notes.txt": "mine", "important/file.txt": "data" });
    symlinkSync(elsewhere, build, "dir");
    const failure = await replaceBuildOutputs(build, new Map([["report.html", "new"]])).then(
      () => undefined,
      (error: unknown) => error as Error & { exitCode?: number },
    );
    expect(failure?.message).toContain(`cannot use ${build}: it is a symbolic link (to ${elsewhere})`);
    expect(failure?.exitCode).toBe(2);
    expect(read(elsewhere, "important/file.txt")).toBe("data");
    expect(lstatSync(build).isSymbolicLink()).toBe(true);
    expect(leftovers()).toEqual([]);
  });
});
