/**
 * What a notebook's own JSON gets wrong without failing it: a cell id another cell has too (a cell
 * copied by hand; Jupyter renames it on opening, and a link to it finds the first), and a notebook
 * with no cells (a chapter of a heading alone). Warned about at the cell by check, run and build, as
 * template text in markdown is; --strict refuses the build.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { notebookWarnings } from "../../src/report/notebook-warnings";
import { parseNotebook } from "../../src/notebook/nbformat";
import { tempProject } from "../project";
import { CLI } from "../published-project";

const notebookOf = (cells: ReadonlyArray<{ id?: string; source: string; type?: string }>) =>
  parseNotebook(
    JSON.stringify({
      cells: cells.map(({ id, source, type }) => ({ ...(id === undefined ? {} : { id }), cell_type: type ?? "code", metadata: {}, source, ...(type === "markdown" ? {} : { execution_count: null, outputs: [] }) })),
      metadata: { kernelspec: { name: "tslab", language: "typescript", display_name: "TypeScript" } },
      nbformat: 4,
      nbformat_minor: 5,
    }),
    "n.ipynb",
  );

describe("a notebook's warnings", () => {
  it("name each cell whose id an earlier cell has, with that cell; ids written with escapes; none for unique or absent ids", async () => {
    const notebook = notebookOf([{ id: "a", source: "1" }, { id: "b", source: "2" }, { id: "a", source: "3" }, { source: "4" }, { source: "5" }, { id: "\u001b[2Ja", source: "6" }, { id: "\u001b[2Ja", source: "7", type: "markdown" }]);
    expect(await notebookWarnings(notebook, "notebooks/n.ipynb")).toEqual([
      `notebooks/n.ipynb: cell 3: its id "a" is cell 1's too: a cell's id must be its own (Jupyter gives this cell a new one when it opens the notebook, and a link to the id finds cell 1); change or remove this one`,
      `notebooks/n.ipynb: cell 7: its id "\\u001b[2Ja" is cell 6's too: a cell's id must be its own (Jupyter gives this cell a new one when it opens the notebook, and a link to the id finds cell 6); change or remove this one`,
    ]);
    expect(await notebookWarnings(notebookOf([{ id: "a", source: "1" }, { id: "b", source: "2" }]), "n.ipynb")).toEqual([]);
  });

  it("say a notebook without cells would be an empty chapter", async () => {
    expect(await notebookWarnings(notebookOf([]), "notebooks/n.ipynb")).toEqual([
      "notebooks/n.ipynb: the notebook has no cells: nothing runs and, as a chapter, it would be a heading alone; write it (`fragtax new` starts one with a worked example)",
    ]);
  });

  it("are given by check, run and build (the build's --strict refuses it)", () => {
    const project = tempProject();
    try {
      const file = join(project.root, "notebooks", "01-price.ipynb");
      const notebook = JSON.parse(readFileSync(file, "utf8")) as { cells: Array<{ id?: string }> };
      const [first, second] = notebook.cells;
      if (first === undefined || second === undefined) throw new Error("the fixture has two cells");
      first.id = "same";
      second.id = "same";
      writeFileSync(file, JSON.stringify(notebook));
      const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: project.root, encoding: "utf8" });
      const warning = `warning: notebooks/01-price.ipynb: cell 2: its id "same" is cell 1's too`;
      for (const args of [["check"], ["run", "notebooks/01-price.ipynb", "--out", "-"], ["build", "--no-pdf"]]) {
        const result = cli(...args);
        expect(result.status, result.stderr).toBe(0);
        expect(result.stderr, args[0]).toContain(warning);
      }
      // run works them out while the cells run: said alike when the first cell throws, and when no cell
      // starts (a type error refuses the run before it), where they are worked out after it.
      const cells = JSON.parse(readFileSync(file, "utf8")) as { cells: Array<{ cell_type: string; source: string | string[] }> };
      const firstCode = cells.cells.find((cell) => cell.cell_type === "code");
      if (firstCode === undefined) throw new Error("the fixture has a code cell");
      for (const [source, expected] of [['throw new Error("stop");', "Error: stop"], ['const n: number = "x";', "TS2322"]] as const) {
        const original = firstCode.source;
        firstCode.source = source;
        writeFileSync(file, JSON.stringify(cells));
        const failed = cli("run", "notebooks/01-price.ipynb", "--out", "-");
        firstCode.source = original;
        writeFileSync(file, JSON.stringify(cells));
        expect(failed.status, failed.stderr).toBe(1);
        expect(failed.stderr).toContain(expected);
        expect(failed.stderr, source).toContain(warning);
      }
      const strict = cli("build", "--no-pdf", "--strict");
      expect(strict.status).toBe(1);
      expect(strict.stderr).toContain(warning);
    } finally {
      project.remove();
    }
  }, 60_000);
});
