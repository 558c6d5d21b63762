/**
 * A name used without its import: TypeScript says "Cannot find name 'histogramBins'" (TS2304) and
 * nothing of where the name lives, though a public entry exports it. `check`, `run` and `build` now
 * name the entry as the notebook imports it, and the import to write (`import type` for a type).
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportsOf, suggestImport } from "../../src/notebook/module-exports";
import { appendCell, codeNotebookJson, tempProject, type TempProject } from "../project";
import { CLI } from "../published-project";
import { TempDir } from "./helpers";

const repo = resolve(import.meta.dirname, "../..");
const temp = new TempDir();
let project: TempProject | undefined;
afterAll(() => {
  temp.cleanup();
  project?.remove();
});

const missing = (name: string) => ({ code: 2304, message: `Cannot find name '${name}'.` });

describe("the names a module exports", () => {
  it("are its own and those of the relative modules it re-exports with export *, types marked, cycles and missing files adding nothing", () => {
    temp.write("lib/index.ts", 'export * from "./a";\nexport * from "./b.js";\nexport * from "./missing";\nexport { c as renamed } from "./c";\nexport type { Shape } from "./c";\nexport * as all from "./c";');
    temp.write("lib/a.ts", 'export function alpha(): number { return 1; }\nexport const beta = 2;\nexport interface Row { x: number }\nexport * from "./index";');
    temp.write("lib/b.ts", "export type Id = string;\nexport default 3;");
    temp.write("lib/c.ts", "export const c = 1;\nexport type Shape = { s: number };");
    const names = exportsOf(join(temp.path, "lib/index.ts"));
    expect(Object.fromEntries([...names].map(([name, { typeOnly }]) => [name, typeOnly]))).toEqual({
      alpha: false,
      beta: false,
      Row: true,
      Id: true,
      renamed: false,
      Shape: true,
      all: false,
    });
    expect(exportsOf(join(temp.path, "lib/none.ts")).size).toBe(0);
  });
});

describe("a missing name's import", () => {
  it("names the public entry that exports it, as a notebook in that folder imports it; nothing for a name no entry exports", () => {
    const fromNotebooks = join(repo, "notebooks");
    expect(suggestImport(missing("histogramBins"), fromNotebooks, repo).message).toBe(
      `Cannot find name 'histogramBins'. '../dist/model.js' exports it: add it to the notebook's import from that module, or write import { histogramBins } from "../dist/model.js";`,
    );
    expect(suggestImport(missing("ReportModel"), fromNotebooks, repo).message).toContain('import type { ReportModel } from "../dist/model.js";');
    expect(suggestImport(missing("claimBasis"), join(repo, "notebooks", "sub"), repo).message).toContain('from "../../dist/api.js";');
    expect(suggestImport(missing("TRAINING_MARKET"), fromNotebooks, repo).message).toContain("'../dist/fragmentation-tax.js' exports it");
    expect(suggestImport(missing("noSuchThingAnywhere"), fromNotebooks, repo)).toEqual(missing("noSuchThingAnywhere"));
    // TypeScript's suggestion of a name in scope (TS2552) gives way to an entry exporting the name exactly.
    expect(suggestImport({ code: 2552, message: "Cannot find name 'energyKwh'. Did you mean 'energy'?" }, fromNotebooks, repo)).toEqual({
      code: 2304,
      message: `Cannot find name 'energyKwh'. '../dist/model.js' exports it: add it to the notebook's import from that module, or write import { energyKwh } from "../dist/model.js";`,
    });
    // Where no entry exports it, TypeScript's suggestion stays.
    const suggested = { code: 2552, message: "Cannot find name 'energyy'. Did you mean 'energy'?" };
    expect(suggestImport(suggested, fromNotebooks, repo)).toBe(suggested);
  });

  it("is named by check, run and build, after TypeScript's message at the name's place", () => {
    project = tempProject();
    const cell = appendCell(project.root, "01-price.ipynb", "const bins = histogramBins([1, 2, 3], 2);\nconst model: ReportModel<\"x\", \"y\"> | undefined = undefined;");
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: project?.root, encoding: "utf8", timeout: 120_000 });
    const hint = `TS2304: Cannot find name 'histogramBins'. '../dist/model.js' exports it: add it to the notebook's import from that module, or write import { histogramBins } from "../dist/model.js";`;
    const checked = cli("check", "notebooks/01-price.ipynb");
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain(`notebooks/01-price.ipynb: cell ${cell}, line 1, column 14: ${hint}`);
    expect(checked.stderr).toContain(`notebooks/01-price.ipynb: cell ${cell}, line 2, column 14: TS2304: Cannot find name 'ReportModel'. '../dist/model.js' exports it: add it to the notebook's import from that module, or write import type { ReportModel } from "../dist/model.js";`);
    const ran = cli("run", "notebooks/01-price.ipynb");
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain(`notebooks/01-price.ipynb: cell ${cell}, line 1, column 14: ${hint}`);
    const built = cli("build", "--no-pdf");
    expect(built.status).toBe(1);
    expect(built.stderr).toContain(hint);
    // A misspelt import of the name: its uses follow from the typo, and are counted under it, not each given the import.
    writeFileSync(join(project.root, "notebooks", "typo.ipynb"), codeNotebookJson(['import { histogramBinz } from "../dist/model.js";\nconst bins = histogramBins([1, 2, 3], 2);']));
    const typo = cli("run", "notebooks/typo.ipynb");
    expect(typo.status).toBe(1);
    expect(typo.stderr).toContain("TS2724: '\"../dist/model.js\"' has no exported member named 'histogramBinz'. Did you mean 'histogramBins'?");
    expect(typo.stderr).toContain('(and 1 error that follows from "histogramBinz", left out: it goes once it is corrected)');
    expect(typo.stderr).not.toContain("exports it");
    // Its uses in a later cell follow from it too: counted as left out, not sent to `check`, which leaves them out as well.
    writeFileSync(join(project.root, "notebooks", "typo-later.ipynb"), codeNotebookJson(['import { histogramBinz } from "../dist/model.js";', "const bins = histogramBins([1, 2, 3], 2);"]));
    const later = cli("run", "notebooks/typo-later.ipynb");
    expect(later.status).toBe(1);
    expect(later.stderr).toContain('(and 1 error that follows from "histogramBinz", left out: it goes once it is corrected)');
    expect(later.stderr).not.toContain("in a later cell");
    // A typo in a cell after the one that stops is not shown, so nothing is said to follow from it.
    writeFileSync(join(project.root, "notebooks", "typo-after.ipynb"), codeNotebookJson(['const n: number = "x";', 'import { histogramBinz } from "../dist/model.js";', "const bins = histogramBins([1, 2, 3], 2);"]));
    const after = cli("run", "notebooks/typo-after.ipynb");
    expect(after.status).toBe(1);
    expect(after.stderr).toContain("TS2322");
    expect(after.stderr).not.toContain("histogramBinz");
    // Two later errors, of which check lists one: the use of the name meant follows from the typo there too.
    expect(after.stderr).toContain("(and 1 more type error in a later cell: `fragtax check notebooks/typo-after.ipynb` lists them)");
    const afterChecked = cli("check", "notebooks/typo-after.ipynb");
    expect(afterChecked.stderr.match(/: TS\d+:/g)).toHaveLength(2);
    // What follows is found as check finds it (the notebook checked again with the name meant), not from the
    // messages: a callback's parameter, untyped once the function is, follows too, and run said check lists it.
    writeFileSync(join(project.root, "notebooks", "typo-callback.ipynb"), codeNotebookJson(['import { monteCarl } from "../dist/model.js";', "const r = monteCarlo(({ x }) => ({ y: 2 * x }), {}, { samples: 10, seed: 1 });"]));
    const callback = cli("run", "notebooks/typo-callback.ipynb");
    const callbackChecked = cli("check", "notebooks/typo-callback.ipynb");
    for (const output of [callback.stderr, callbackChecked.stderr]) expect(output).toContain('(and 2 errors that follow from "monteCarl", left out: they go once it is corrected)');
    expect(callback.stderr).not.toContain("in a later cell");
  }, 180_000);
});
