/**
 * `fragtax dev` with its real rebuild: build() in this process, on the three-notebook fixture. An
 * edit shows up in the served page; a broken cell shows its error over the last good report, which
 * stays on disk untouched; the fix clears it.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { startDev, type DevSession } from "../../src/preview/dev";
import { HeldBuildEffects, inProcessRebuild } from "../../src/preview/rebuild";
import { FileBuildEffects } from "../../src/build/pipeline";
import { tempProject, type TempProject } from "../project";

let project: TempProject | undefined;
let session: DevSession | undefined;
afterEach(async () => {
  await session?.close();
  project?.remove();
});

async function until(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 300; tries++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("fragtax dev rebuilding in-process", () => {
  it("rebuilds on an edit, keeps the last good report under a failed cell's error, recovers on the fix", async () => {
    project = tempProject("incremental");
    const { root } = project;
    const log: string[] = [];
    session = await startDev(
      { root, buildDir: join(root, "out/build"), port: 0, host: "127.0.0.1", watch: ["notebooks"], debounceMs: 50 },
      { ...inProcessRebuild(root, (line) => log.push(line)), progress: (line) => log.push(line) },
    );
    await session.idle();
    const page = async (): Promise<string> => (await fetch(session?.url ?? "")).text();
    expect(await page()).toContain("Twice alpha is 2×.");

    const assumptions = join(root, "notebooks/assumptions.yaml");
    writeFileSync(assumptions, readFileSync(assumptions, "utf8").replace("value: 1\n", "value: 3\n"));
    await until(async () => (await page()).includes("Twice alpha is 6×."), "the edited assumption in the page");
    // The page is served as soon as out/build/ is swapped, before that rebuild says what it wrote.
    await session.idle();
    expect(log.some((line) => /^execute: notebooks\/02-beta\.ipynb reused in [\d.]+ s \(reused: nothing it depends on changed\)$/.test(line))).toBe(true);

    const notebook = join(root, "notebooks/01-alpha.ipynb");
    const good = readFileSync(notebook, "utf8");
    const onDisk = readFileSync(join(root, "out/build/report.html"), "utf8");
    const beforeBroken = log.length;
    writeFileSync(notebook, good.replace("2 * alpha", "2 * alpha + (null as unknown as { x: number }).x"));
    await until(() => session?.state.error != null, "the failed rebuild");
    // The failed rebuild's console says what happened: no "wrote out/build/…" (nothing was written),
    // no "the HTML shows the error in place" (the page is the last good one), its error once.
    const failedLog = log.slice(beforeBroken).join("\n");
    expect(failedLog).not.toMatch(/^wrote /m);
    expect(failedLog).not.toContain("the HTML shows the error in place");
    expect(failedLog.match(/cell 2[^\n]*TypeError/g)?.length).toBe(1);
    expect(failedLog).toContain("build failed (out/build/ is left as it was)");
    const broken = await page();
    expect(broken).toContain("Twice alpha is 6×."); // the last good report…
    expect(broken).toContain('data-fragtax="build-error"'); // …under the error
    expect(broken).toMatch(/notebooks\/01-alpha\.ipynb[^<]*cell 2[^<]*TypeError/);
    expect(readFileSync(join(root, "out/build/report.html"), "utf8")).toBe(onDisk);

    const beforeFixed = log.length;
    writeFileSync(notebook, good);
    await until(() => session?.state.error === null, "the fixed rebuild");
    expect(log.slice(beforeFixed).some((line) => line.startsWith("wrote out/build/report.html"))).toBe(true);
    expect(await page()).not.toContain('data-fragtax="build-error"');
  }, 60_000);
});

describe("a rebuild with an id two figures share", () => {
  it("fails as build does (exit 1 there): out/build/ stays the last good build, and the error says which id and where", async () => {
    project = tempProject("incremental");
    const { root } = project;
    const rebuild = inProcessRebuild(root, () => undefined);
    await rebuild.rebuild();
    const onDisk = readFileSync(join(root, "out/build/report.html"), "utf8");
    const notebook = join(root, "notebooks/01-alpha.ipynb");
    const json = JSON.parse(readFileSync(notebook, "utf8")) as { cells: unknown[] };
    json.cells.push({ cell_type: "code", id: "again", metadata: {}, execution_count: null, outputs: [], source: 'void nb.figure({ id: "alpha_twice", label: "Again", unit: "x", format: "number", value: 1 });' });
    writeFileSync(notebook, JSON.stringify(json));
    await expect(rebuild.rebuild()).rejects.toThrow(/figure or claim ids declared more than once: alpha_twice/);
    expect(readFileSync(join(root, "out/build/report.html"), "utf8")).toBe(onDisk);
  }, 60_000);
});

describe("an abandoned rebuild (Ctrl-C)", () => {
  it("with report.yaml deleted, says none is found, as build does, not what --root wants (dev was given none)", async () => {
    project = tempProject();
    rmSync(join(project.root, "notebooks", "report.yaml"));
    await expect(inProcessRebuild(project.root, () => undefined).rebuild()).rejects.toThrow(`no report.yaml found in ${project.root} or any folder above it`);
  });

  it("releases the build lock it holds, and its outputs never reach out/build/", async () => {
    project = tempProject("incremental");
    const outDir = join(project.root, "out/build");
    const effects = new HeldBuildEffects(() => undefined);
    await effects.lockOutputs(outDir);
    expect(existsSync(join(project.root, "out/.build.lock"))).toBe(true);
    await effects.replaceOutputs(outDir, new Map([["report.html", "abandoned"]]));
    await effects.abandon();
    expect(existsSync(join(project.root, "out/.build.lock"))).toBe(false);
    await effects.commit();
    expect(existsSync(outDir)).toBe(false);
    // A lock it would take after abandoning is given back at once.
    await expect(effects.lockOutputs(outDir)).rejects.toThrow("the rebuild was stopped: dev is ending");
    expect(existsSync(join(project.root, "out/.build.lock"))).toBe(false);
  });

  // The lock file is on disk before lockOutputs has its release (it then looks for an interrupted swap).
  // A SIGTERM in between ended dev with the lock left behind (seen in CI's dev SIGTERM test).
  it("abandoned while its lock is being taken, it gives the lock back before abandon() returns", async () => {
    project = tempProject("incremental");
    const outDir = join(project.root, "out/build");
    const lock = join(project.root, "out/.build.lock");
    // Widen the window after the lock file is written, as a slow disk does.
    const original = FileBuildEffects.prototype.lockOutputs;
    const spy = vi.spyOn(FileBuildEffects.prototype, "lockOutputs").mockImplementation(async function (this: FileBuildEffects, dir: string) {
      const release = await original.call(this, dir);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return release;
    });
    try {
      const effects = new HeldBuildEffects(() => undefined);
      const taking = effects.lockOutputs(outDir);
      taking.catch(() => undefined);
      await until(() => existsSync(lock), "the lock file");
      await effects.abandon();
      expect(existsSync(lock)).toBe(false); // before the process would end
      await expect(taking).rejects.toThrow("the rebuild was stopped: dev is ending");
      expect(existsSync(lock)).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});
