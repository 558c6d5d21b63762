// What `fragtax dev` watches (startDev with stand-in rebuilds, real files and chokidar): its folders,
// the files a rebuild read elsewhere, and how a change is named.
import { existsSync, writeFileSync } from "node:fs";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_WATCH, startDev } from "../../src/preview/dev";
import { watchProject } from "../../src/preview/watch";

/** startDev's settings for a test project: any free port, a short debounce. */
const devSettings = (project: string, watch: readonly string[]) => ({ root: project, buildDir: join(project, "out/build"), port: 0, host: "127.0.0.1", watch, debounceMs: 30 });

describe("what fragtax dev watches", () => {
  it("rebuilds after an edit to a notebook, assumptions.yaml, report.yaml, src/ and templates/", async () => {
    const project = await mkdtemp(join(tmpdir(), "fragtax-dev-watch-"));
    for (const dir of ["notebooks", "src/model", "templates", "out/build"]) await mkdir(join(project, dir), { recursive: true });
    let rebuilds = 0;
    const watching = await startDev(
      devSettings(project, [...DEFAULT_WATCH, "notebooks/assumptions.yaml"]),
      { rebuild: async () => void rebuilds++, progress: () => undefined },
    );
    try {
      await watching.idle();
      // chokidar needs a moment to take its first look at the folders before it reports changes.
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const file of ["notebooks/01-a.ipynb", "notebooks/assumptions.yaml", "notebooks/report.yaml", "src/model/x.ts", "templates/report.css"]) {
        const before = rebuilds;
        await writeFile(join(project, file), `edit ${file}`);
        for (let tries = 0; rebuilds === before && tries < 100; tries++) await new Promise((r) => setTimeout(r, 30));
        expect(rebuilds, file).toBeGreaterThan(before);
      }
    } finally {
      await watching.close();
      await rm(project, { recursive: true, force: true });
    }
  });

  it("names a changed file whose name holds a line break on one line, so it cannot forge a line of its own", async () => {
    const project = await mkdtemp(join(tmpdir(), "fragtax-dev-name-"));
    for (const dir of ["notebooks", "out/build"]) await mkdir(join(project, dir), { recursive: true });
    const said: string[] = [];
    const watching = await startDev(
      devSettings(project, ["notebooks"]),
      { rebuild: async () => undefined, progress: (line) => said.push(line) },
    );
    try {
      await watching.idle();
      await new Promise((resolve) => setTimeout(resolve, 300)); // chokidar's first look
      await writeFile(join(project, "notebooks", "x\nrebuilt in 0.01 s"), "{}");
      for (let tries = 0; !said.some((line) => line.startsWith("changed:")) && tries < 100; tries++) await new Promise((r) => setTimeout(r, 30));
      expect(said.filter((line) => line.startsWith("changed:"))).toEqual(["changed: notebooks/x\\x0arebuilt in 0.01 s"]);
      expect(said.join("\n").split("\n")).not.toContain("rebuilt in 0.01 s");
    } finally {
      await watching.close();
      await rm(project, { recursive: true, force: true });
    }
  });

  it("names a file once however many events one save makes before the rebuild, and again when it changes after it", async () => {
    const project = await mkdtemp(join(tmpdir(), "fragtax-dev-once-"));
    for (const dir of ["notebooks", "out/build"]) await mkdir(join(project, dir), { recursive: true });
    const said: string[] = [];
    let rebuilds = 0;
    const watching = await startDev(
      { ...devSettings(project, ["notebooks"]), debounceMs: 600 },
      { rebuild: async () => void rebuilds++, progress: (line) => said.push(line) },
    );
    const file = join(project, "notebooks", "data.csv");
    const waitForRebuild = async (before: number): Promise<void> => {
      for (let tries = 0; rebuilds === before && tries < 200; tries++) await new Promise((r) => setTimeout(r, 30));
      expect(rebuilds).toBeGreaterThan(before);
    };
    try {
      await watching.idle();
      await new Promise((resolve) => setTimeout(resolve, 300)); // chokidar's first look
      let before = rebuilds;
      // Made, then written three times within the debounce: an add and changes, one rebuild.
      writeFileSync(file, "1");
      for (const text of ["12", "123", "1234"]) {
        await new Promise((resolve) => setTimeout(resolve, 120));
        writeFileSync(file, text);
      }
      await waitForRebuild(before);
      await watching.idle();
      expect(said.filter((line) => line.startsWith("changed:"))).toEqual(["changed: notebooks/data.csv"]);
      before = rebuilds;
      writeFileSync(file, "12345");
      await waitForRebuild(before);
      expect(said.filter((line) => line.startsWith("changed:"))).toEqual(["changed: notebooks/data.csv", "changed: notebooks/data.csv"]);
    } finally {
      await watching.close();
      await rm(project, { recursive: true, force: true });
    }
  });

  it("names twenty changes one by one, then says how many more as the rebuild starts (a folder copied in printed a line per file)", async () => {
    const project = await mkdtemp(join(tmpdir(), "fragtax-dev-many-"));
    for (const dir of ["notebooks", "out/build"]) await mkdir(join(project, dir), { recursive: true });
    const said: string[] = [];
    let rebuilds = 0;
    const watching = await startDev(
      { ...devSettings(project, ["notebooks"]), debounceMs: 1500 },
      { rebuild: async () => void rebuilds++, progress: (line) => said.push(line) },
    );
    try {
      await watching.idle();
      await new Promise((resolve) => setTimeout(resolve, 300)); // chokidar's first look
      const before = rebuilds;
      for (let i = 0; i < 60; i++) writeFileSync(join(project, "notebooks", `data-${i}.csv`), `${i}`);
      for (let tries = 0; rebuilds === before && tries < 200; tries++) await new Promise((r) => setTimeout(r, 30));
      const changes = said.filter((line) => line.startsWith("changed:"));
      expect(changes.slice(0, 20).every((line) => /^changed: notebooks\/data-\d+\.csv$/.test(line))).toBe(true);
      expect(changes).toHaveLength(21);
      expect(changes[20]).toMatch(/^changed: \d+ more files \(not named one by one\)$/);
      expect(Number(/(\d+) more/.exec(changes[20] ?? "")?.[1]) + 20).toBeGreaterThanOrEqual(60);
    } finally {
      await watching.close();
      await rm(project, { recursive: true, force: true });
    }
  });

  it.each([
    ["before the rebuild that read it ended (not yet watched then)", "while"],
    ["just after the rebuild that read it ended (as its watch starts)", "after"],
  ] as const)("rebuilds again when a file it read outside its folders was edited %s", async (_when, when) => {
    const project = await mkdtemp(join(tmpdir(), "fragtax-dev-early-"));
    for (const dir of ["notebooks", "data", "out/build"]) await mkdir(join(project, dir), { recursive: true });
    const data = join(project, "data/rate.txt");
    await writeFile(data, "one");
    await new Promise((resolve) => setTimeout(resolve, 200)); // written well before dev starts
    let rebuilds = 0;
    const watching = await startDev(
      devSettings(project, DEFAULT_WATCH),
      {
        // The first rebuild reads data/rate.txt, and the analyst saves it while that rebuild still runs…
        rebuild: async () => {
          if (++rebuilds === 1 && when === "while") await writeFile(data, "two");
        },
        // … or the moment it is reported done: after it read the file, before any watcher of it is in place.
        progress: (line) => {
          if (line.startsWith("built in") && rebuilds === 1 && when === "after") queueMicrotask(() => writeFileSync(data, "two"));
        },
        files: () => [data],
      },
    );
    try {
      for (let tries = 0; rebuilds < 2 && tries < 100; tries++) await new Promise((r) => setTimeout(r, 30));
      await watching.idle();
      expect(rebuilds).toBe(2);
    } finally {
      await watching.close();
      await rm(project, { recursive: true, force: true });
    }
  });

  it("rebuilds when a file is added to, or edited in, a folder a rebuild listed outside its folders", async () => {
    const project = await mkdtemp(join(tmpdir(), "fragtax-dev-listed-"));
    for (const dir of ["notebooks", "data", "out/build"]) await mkdir(join(project, dir), { recursive: true });
    await writeFile(join(project, "data/a.csv"), "1");
    await new Promise((resolve) => setTimeout(resolve, 200)); // written well before dev starts
    let rebuilds = 0;
    const watching = await startDev(
      devSettings(project, DEFAULT_WATCH),
      { rebuild: async () => void rebuilds++, progress: () => undefined, files: () => [join(project, "data")] },
    );
    /** Whether `change` leads to a rebuild within 2 s. */
    const rebuildsOn = async (change: () => Promise<void>): Promise<boolean> => {
      await watching.idle();
      const before = rebuilds;
      await change();
      for (const end = Date.now() + 2_000; rebuilds === before && Date.now() < end; ) await new Promise((r) => setTimeout(r, 30));
      return rebuilds > before;
    };
    try {
      await watching.idle();
      await new Promise((resolve) => setTimeout(resolve, 300)); // its watcher's first look
      expect(await rebuildsOn(() => writeFile(join(project, "data/b.csv"), "2")), "a file added").toBe(true);
      expect(await rebuildsOn(() => writeFile(join(project, "data/a.csv"), "3")), "a file edited").toBe(true);
    } finally {
      await watching.close();
      await rm(project, { recursive: true, force: true });
    }
  });

  it("sees every edit to a file it read while missing, made while it took its first look at the folder that would hold it", async () => {
    // chokidar misses a folder made during its first look at the folder above (between listing it and
    // watching it), and with it every later edit inside. Here data/ is made while the project's own
    // folder, with 1,500 files in it, is still being listed.
    const lost: number[] = [];
    for (const delay of [5, 10, 20]) {
      const project = await mkdtemp(join(tmpdir(), "fragtax-dev-appears-"));
      for (const dir of ["notebooks", "out/build"]) await mkdir(join(project, dir), { recursive: true });
      await Promise.all(Array.from({ length: 1_500 }, (_, file) => writeFile(join(project, `${file}.txt`), "x")));
      const data = join(project, "data/rate.txt");
      let rebuilds = 0;
      const watching = await startDev(
        devSettings(project, DEFAULT_WATCH),
        {
          rebuild: async () => {
            // Made just after the first rebuild found it missing, as its folder's watcher starts.
            if (++rebuilds === 1) setTimeout(() => void mkdir(join(project, "data")).then(() => writeFile(data, "one")), delay);
          },
          progress: () => undefined,
          files: () => [data],
          missing: () => (existsSync(data) ? [] : [data]),
        },
      );
      const waitFor = async (count: number): Promise<boolean> => {
        for (const end = Date.now() + 3_000; rebuilds < count && Date.now() < end; ) await new Promise((r) => setTimeout(r, 30));
        await watching.idle();
        return rebuilds >= count;
      };
      try {
        expect(await waitFor(2), `made after ${delay} ms: data/rate.txt appearing`).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const before = rebuilds;
        await writeFile(data, "two");
        if (!(await waitFor(before + 1))) lost.push(delay);
      } finally {
        await watching.close();
        await rm(project, { recursive: true, force: true });
      }
    }
    expect(lost, "delays (ms) after which the edit rebuilt nothing").toEqual([]);
  }, 60_000);

  it("sees edits inside folders made in a watched folder while the watcher took its first look, and reports nothing when nothing changed", async () => {
    const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    const lost: number[] = [];
    for (const delay of [5, 15, 30]) {
      const project = await mkdtemp(join(tmpdir(), "fragtax-dev-first-look-"));
      // Folders already there, one empty, one nested: watched from the start, they are no change.
      for (const dir of ["notebooks/empty", "notebooks/old/older", "out/build"]) await mkdir(join(project, dir), { recursive: true });
      await writeFile(join(project, "notebooks/old/older/a.csv"), "1");
      // 1,500 files: chokidar lists notebooks/ for long enough that the folders below are made meanwhile.
      await Promise.all(Array.from({ length: 1_500 }, (_, file) => writeFile(join(project, "notebooks", `${file}.txt`), "x")));
      const changes: string[] = [];
      const watcher = watchProject(project, ["notebooks"], (path) => changes.push(path), () => undefined);
      try {
        await settle(delay);
        await mkdir(join(project, "notebooks/data/deep"), { recursive: true });
        await writeFile(join(project, "notebooks/data/deep/rate.csv"), "one");
        await new Promise<void>((resolve) => watcher.once("ready", () => resolve()));
        await settle(500);
        expect(changes.filter((path) => !path.startsWith("notebooks/data")), `made after ${delay} ms`).toEqual([]);
        const before = changes.length;
        await writeFile(join(project, "notebooks/data/deep/rate.csv"), "two");
        for (const end = Date.now() + 3_000; !changes.slice(before).includes("notebooks/data/deep/rate.csv") && Date.now() < end; ) await settle(30);
        if (!changes.slice(before).includes("notebooks/data/deep/rate.csv")) lost.push(delay);
      } finally {
        await watcher.close();
        await rm(project, { recursive: true, force: true });
      }
    }
    expect(lost, "delays (ms) after which the edit was not seen").toEqual([]);
  }, 60_000);

  it("watches the files a rebuild named outside its folders until a rebuild no longer names them; never stops watching its folders", async () => {
    const project = await mkdtemp(join(tmpdir(), "fragtax-dev-named-"));
    for (const dir of ["notebooks", "assets", "out/build"]) await mkdir(join(project, dir), { recursive: true });
    for (const file of ["notebooks/pic.png", "assets/a.png", "assets/b.png"]) await writeFile(join(project, file), "v1");
    let rebuilds = 0;
    let named = ["notebooks/pic.png", "assets/a.png", "../elsewhere.png"].map((file) => join(project, file));
    const watching = await startDev(
      devSettings(project, DEFAULT_WATCH),
      { rebuild: async () => void rebuilds++, progress: () => undefined, files: () => named },
    );
    /** Whether writing `file` leads to a rebuild within `ms`. */
    const rebuildsOn = async (file: string, ms = 1_500): Promise<boolean> => {
      const before = rebuilds;
      await writeFile(join(project, file), `edit ${Date.now()}`);
      for (const end = Date.now() + ms; rebuilds === before && Date.now() < end; ) await new Promise((r) => setTimeout(r, 30));
      await watching.idle();
      return rebuilds > before;
    };
    try {
      await watching.idle();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await rebuildsOn("assets/a.png")).toBe(true);
      expect(await rebuildsOn("assets/b.png", 500)).toBe(false);
      named = [join(project, "notebooks/pic.png")];
      expect(await rebuildsOn("assets/a.png")).toBe(true); // named no more after this rebuild
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await rebuildsOn("assets/a.png", 500)).toBe(false);
      named = [];
      expect(await rebuildsOn("notebooks/pic.png")).toBe(true);
      expect(await rebuildsOn("notebooks/pic.png")).toBe(true);
    } finally {
      await watching.close();
      await rm(project, { recursive: true, force: true });
    }
  });

  it("keeps watching a folder (and a file) it was given that is deleted and put back, as often as that happens", async () => {
    const project = await mkdtemp(join(tmpdir(), "fragtax-dev-return-"));
    // No templates/: chokidar then watches the project folder for it, which hid notebooks/ coming back.
    for (const dir of ["notebooks", "src", "out/build"]) await mkdir(join(project, dir), { recursive: true });
    for (const file of ["notebooks/report.yaml", "notebooks/assumptions.yaml"]) await writeFile(join(project, file), "v1");
    await cp(join(project, "notebooks"), join(project, "copy"), { recursive: true });
    let rebuilds = 0;
    const watching = await startDev(
      devSettings(project, [...DEFAULT_WATCH, "notebooks/assumptions.yaml"]),
      { rebuild: async () => void rebuilds++, progress: () => undefined },
    );
    const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    /** Whether `change` leads to a rebuild within 2 s. */
    const rebuildsOn = async (change: () => Promise<void>): Promise<boolean> => {
      await watching.idle();
      const before = rebuilds;
      await change();
      for (const end = Date.now() + 2_000; rebuilds === before && Date.now() < end; ) await settle(30);
      await watching.idle();
      return rebuilds > before;
    };
    try {
      await watching.idle();
      await settle(300); // chokidar's first look
      for (const round of [1, 2]) {
        expect(await rebuildsOn(() => rm(join(project, "notebooks"), { recursive: true })), `round ${round}: deleted`).toBe(true);
        await settle(200);
        expect(await rebuildsOn(() => cp(join(project, "copy"), join(project, "notebooks"), { recursive: true })), `round ${round}: put back`).toBe(true);
        await settle(300);
        expect(await rebuildsOn(() => writeFile(join(project, "notebooks/report.yaml"), `v${round + 1}`)), `round ${round}: edited after`).toBe(true);
      }
      expect(await rebuildsOn(() => rm(join(project, "notebooks/assumptions.yaml")))).toBe(true);
      await settle(200);
      expect(await rebuildsOn(() => writeFile(join(project, "notebooks/assumptions.yaml"), "v2"))).toBe(true);
      await settle(300);
      expect(await rebuildsOn(() => writeFile(join(project, "notebooks/assumptions.yaml"), "v3"))).toBe(true);
    } finally {
      await watching.close();
      await rm(project, { recursive: true, force: true });
    }
  });

  it("sees each folder it was given that is missing at the start appear, however many are missing (no src/ and no templates/)", async () => {
    for (const order of [["templates", "src"], ["src", "templates"]]) {
      const project = await mkdtemp(join(tmpdir(), "fragtax-dev-missing-"));
      for (const dir of ["notebooks", "out/build"]) await mkdir(join(project, dir), { recursive: true });
      let rebuilds = 0;
      const watching = await startDev(
        devSettings(project, [...DEFAULT_WATCH, "notebooks/assumptions.yaml"]),
        { rebuild: async () => void rebuilds++, progress: () => undefined },
      );
      try {
        await watching.idle();
        await new Promise((resolve) => setTimeout(resolve, 300)); // chokidar's first look
        for (const folder of order) {
          await mkdir(join(project, folder));
          await new Promise((resolve) => setTimeout(resolve, 300));
          await watching.idle();
          const before = rebuilds;
          await writeFile(join(project, folder, "edited.ts"), "x");
          for (const end = Date.now() + 2_000; rebuilds === before && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 30));
          expect(rebuilds, `${order.join(", then ")}: an edit in ${folder}/`).toBeGreaterThan(before);
        }
      } finally {
        await watching.close();
        await rm(project, { recursive: true, force: true });
      }
    }
  });
});
