/**
 * publish refuses a build whose sources changed after it: a chapter notebook, report.yaml, the errata
 * file, a project module a chapter imports (through another), a data file a cell read. The real build
 * (engine and all) records what it was made from in its log; the real CLI refuses (exit 1, nothing
 * written), naming each change; building again makes the build publishable again.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import { readBuildRecord } from "../../src/publish/build-record";
import { appendCell, tempFolders } from "../project";
import { fragtax } from "../published-project";

const folders = tempFolders();

describe("publish and the sources of the build", () => {
  it("refuses (exit 1) once a notebook, report.yaml, the errata file, a module or a data file changed since the build, naming each", async () => {
    const { root } = folders.project("incremental");
    const file = (path: string): string => join(root, path);
    const edit = (path: string, from: string, to: string): void => {
      const text = readFileSync(file(path), "utf8");
      if (!text.includes(from)) throw new Error(`${path} does not contain ${from}`);
      writeFileSync(file(path), text.replace(from, to));
    };
    writeFileSync(file("notebooks/report.yaml"), `${readFileSync(file("notebooks/report.yaml"), "utf8").replace("pdf: false", "pdf: true")}errata: errata.yaml\n`);
    writeFileSync(file("notebooks/errata.yaml"), "errata: []\n");
    writeFileSync(file("notebooks/note.txt"), "first note\n");
    appendCell(root, "01-alpha.ipynb", 'import { readFileSync } from "node:fs";\nnb.md`${readFileSync("note.txt", "utf8").trim()}`;');
    const rebuild = async (): Promise<void> => {
      // No PDF (no Chromium in a test): publish refuses that too, but only after the sources.
      expect((await build({ root, pdf: false }, new FileBuildEffects(() => undefined))).exitCode).toBe(0);
    };
    const stale = async (): Promise<string[]> => (await readBuildRecord(file("out/build"), root, "notebooks/assumptions.yaml")).staleInputs.map((change) => ("path" in change ? change.path : change.kind));
    await rebuild();

    // Just built: nothing is stale; publish refuses only the missing PDF.
    expect(await stale()).toEqual([]);
    const fresh = await fragtax(["publish"], { cwd: root });
    expect(fresh.code).toBe(1);
    expect(fresh.stderr).not.toContain("changed since the last build");

    edit("notebooks/03-mix.ipynb", "# Alpha and gamma", "# Alpha and gamma, edited after the build");
    edit("notebooks/report.yaml", "title: Incremental fixture", "title: Retitled after the build");
    writeFileSync(file("notebooks/errata.yaml"), "errata: [] # edited\n");
    edit("notebooks/lib/factor.ts", "", "// edited after the build\n"); // imported by lib/scale.ts, which 02-beta imports
    writeFileSync(file("notebooks/note.txt"), "second note\n");
    expect((await stale()).sort()).toEqual(["notebooks/03-mix.ipynb", "notebooks/errata.yaml", "notebooks/lib/factor.ts", "notebooks/note.txt", "notebooks/report.yaml"]);
    const refused = await fragtax(["publish"], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("refusing to publish: what the build was made from changed since the last build");
    for (const path of ["notebooks/03-mix.ipynb", "notebooks/report.yaml", "notebooks/errata.yaml", "notebooks/lib/factor.ts", "notebooks/note.txt"]) expect(refused.stderr).toContain(`  ${path} changed\n`);
    expect(refused.stderr).toContain("run `fragtax build` again");
    expect(existsSync(file("out/reports"))).toBe(false);

    // A build of the new sources is a report of them again.
    await rebuild();
    expect(await stale()).toEqual([]);
  }, 120_000);
});
