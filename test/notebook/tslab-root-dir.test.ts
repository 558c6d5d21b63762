/**
 * tslab's rootDir through the real CLI (src/notebook/tslab-root-dir.ts): a cell that imports a
 * TypeScript file outside the notebook's folder ran under fragtax and failed in JupyterLab. `check`,
 * `run` and `build` now refuse it with tslab's TS6059 at the import, naming the built entry to import
 * instead; through a local file, the error is in that file. (The conformance suite holds the wording
 * and positions to real tslab's recordings.)
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { appendCell, tempProject, type TempProject } from "../project";
import { fragtax } from "../published-project";

let project: TempProject | undefined;
afterEach(() => project?.remove());

describe("a TypeScript file outside the notebook's folder (tslab's rootDir)", () => {
  it("is refused by check, run and build at the cell's import, with the entry to import instead; the entry itself passes", async () => {
    project = tempProject();
    const { root } = project;
    const cell = appendCell(root, "01-price.ipynb", 'import { histogramBins } from "../src/model/index";\nconsole.log(histogramBins(new Float64Array([1, 2, 3]), 2).length);');
    const where = `notebooks/01-price.ipynb: cell ${cell}, line 1, column 31: TS6059: File '${join(root, "src/model/index.ts")}' is not under 'rootDir' '${join(root, "notebooks")}'.`;
    const check = await fragtax(["check"], { cwd: root });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(where);
    expect(check.stderr).toContain('so this import fails in JupyterLab: import the built entry "../dist/model.js" instead');
    const run = await fragtax(["run", "notebooks/01-price.ipynb", "--out", "-"], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(where);
    const build = await fragtax(["build", "--no-pdf"], { cwd: root });
    expect(build.code).toBe(1);
    expect(build.stderr).toContain(where);
    // Importing the entry it names instead passes, and runs.
    const file = join(root, "notebooks", "01-price.ipynb");
    writeFileSync(file, readFileSync(file, "utf8").replace("../src/model/index", "../dist/model.js"));
    expect((await fragtax(["check"], { cwd: root })).code).toBe(0);
    expect((await fragtax(["run", "notebooks/01-price.ipynb", "--out", "-"], { cwd: root })).code).toBe(0);
  });

  it("through a local file: located in that file, once; a local file that stays inside the folder passes", async () => {
    project = tempProject();
    const { root } = project;
    mkdirSync(join(root, "notebooks", "lib"));
    writeFileSync(join(root, "notebooks", "lib", "bins.ts"), 'export { histogramBins } from "../../src/model/index";\n');
    writeFileSync(join(root, "notebooks", "lib", "inside.ts"), "export const inside = 1;\n");
    appendCell(root, "01-price.ipynb", 'import { inside } from "./lib/inside";\nconsole.log(inside);');
    expect((await fragtax(["check"], { cwd: root })).code).toBe(0);
    appendCell(root, "01-price.ipynb", 'import { histogramBins } from "./lib/bins";\nconsole.log(histogramBins(new Float64Array([1]), 1).length);');
    appendCell(root, "02-claims.ipynb", 'import { histogramBins as bins } from "./lib/bins";\nconsole.log(bins.length);');
    const check = await fragtax(["check"], { cwd: root });
    expect(check.code).toBe(1);
    const said = `notebooks/lib/bins.ts:1:31: TS6059: File '${join(root, "src/model/index.ts")}' is not under 'rootDir' '${join(root, "notebooks")}'.`;
    expect(check.stderr.split(said)).toHaveLength(2); // once, though two notebooks reach it
    expect(check.stderr).toContain('import the built entry "../../dist/model.js" instead');
  });

  it("stops the notebook at its own cell when a later cell has a type error, and is not counted as following from a later typo", async () => {
    project = tempProject();
    const { root } = project;
    const outside = appendCell(root, "01-price.ipynb", 'import { histogramBins } from "../src/model/index";\nconsole.log("ran the outside import", histogramBins.length);');
    const typo = appendCell(root, "01-price.ipynb", 'import { monteCarl } from "../dist/model.js";\nconsole.log(typeof monteCarl);');
    const run = await fragtax(["run", "notebooks/01-price.ipynb", "--out", "-"], { cwd: root });
    expect(run.code).toBe(1);
    // The earlier cell's rootDir error stops the notebook there: that cell does not run.
    expect(run.stderr).toContain(`notebooks/01-price.ipynb: cell ${outside}, line 1, column 31: TS6059:`);
    const executed = JSON.parse(run.stdout) as { cells: Array<{ outputs?: Array<{ output_type: string; text?: string | string[] }> }> };
    const printed = executed.cells.flatMap((cell) => cell.outputs ?? []).filter((o) => o.output_type === "stream").map((o) => [o.text ?? ""].flat().join(""));
    expect(printed.join("")).not.toContain("ran the outside import");
    // The later typo is counted as one more error in a later cell, and nothing is said to follow from it that does not.
    expect(run.stderr).not.toContain("follows from");
    expect(run.stderr).toContain("(and 1 more type error in a later cell");
    expect(typo).toBeGreaterThan(outside);
  });
});

