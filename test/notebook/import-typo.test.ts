/**
 * A typo in an import path: `check` said TS2307 and nothing near it, then an error at every use of
 * the names it imports; `run` located it at the statement's first column, not at the specifier where
 * check locates it, and printed "wrote …" first. Now both name the nearest existing module at the
 * same place, check counts the errors that go with the path meant instead of printing them (and,
 * with no module near, says the others may follow from it), and run says what it wrote last.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nearestModule } from "../../src/notebook/module-suggest";
import { checkNotebooks } from "../../src/notebook/check";
import { withoutImportConsequences } from "../../src/notebook/import-consequences";
import type { CheckDiagnostic } from "../../src/notebook/typecheck";
import { appendCell, codeNotebookJson, tempProject, type TempProject } from "../project";
import { CLI } from "../published-project";
import { TempDir } from "./helpers";

const temp = new TempDir();
let project: TempProject | undefined;
afterAll(() => {
  temp.cleanup();
  project?.remove();
});

describe("the nearest module to one that does not resolve", () => {
  it("is found in the folder the import points into, or in the nearest folder, written as the import writes it", () => {
    temp.write("dist/model.js", "");
    temp.write("dist/api.js", "");
    temp.write("notebooks/lib/price.ts", "");
    temp.write("notebooks/lib/rates.csv", "");
    const from = join(temp.path, "notebooks");
    expect(nearestModule("../dist/models.js", from)).toBe("../dist/model.js");
    expect(nearestModule("../dsit/model.js", from)).toBe("../dist/model.js");
    // A TypeScript file is imported as .js or without an extension, and suggested so.
    expect(nearestModule("./lib/prices.js", from)).toBe("./lib/price.js");
    expect(nearestModule("./lib/prise", from)).toBe("./lib/price");
    // Nothing near, a package, a folder that is not there: no guess.
    expect(nearestModule("./lib/completely-else.js", from)).toBeUndefined();
    expect(nearestModule("lodash", from)).toBeUndefined();
    expect(nearestModule("./nowhere/at-all.js", from)).toBeUndefined();
    // A public entry resolves without dist/ built (builds map it to its source): it is suggested all the same.
    const bare = join(temp.path, "bare");
    expect(nearestModule("../dist/models.js", join(bare, "notebooks"), [join(bare, "dist/model.js")])).toBe("../dist/model.js");
    expect(nearestModule("../dist/models.js", join(bare, "notebooks"))).toBeUndefined();
  });

  it("is the same path one folder up, when the import is written as from the project's folder", () => {
    temp.write("dist/model.js", "");
    temp.write("notebooks/lib/price.ts", "");
    const from = join(temp.path, "notebooks");
    // A new chapter's commonest slip: the entry as the project's folder sees it.
    expect(nearestModule("./dist/model.js", from)).toBe("../dist/model.js");
    expect(nearestModule("dist/model.js", from)).toBe("../dist/model.js");
    expect(nearestModule("lib/price.js", from)).toBe("./lib/price.js");
    expect(nearestModule("./notebooks/lib/price.js", from)).toBe("../notebooks/lib/price.js");
    // Only a module exactly there: a bare name is otherwise a package, and nothing is guessed.
    expect(nearestModule("lodash/fp", from)).toBeUndefined();
    expect(nearestModule("dist/modle.js", from)).toBeUndefined();
    const bare = join(temp.path, "bare");
    expect(nearestModule("dist/model.js", join(bare, "notebooks"), [join(bare, "dist/model.js")])).toBe("../dist/model.js");
  });

  it("is a module an import can name: a declaration file as the module it declares, never a source map", () => {
    // dist/ as npm install builds it: each entry beside its declarations and its map.
    for (const file of ["fragmentation-tax.js", "fragmentation-tax.d.ts", "fragmentation-tax.js.map", "api.js", "api.d.ts", "api.js.map"]) temp.write(`built/dist/${file}`, "");
    temp.write("built/types/only.d.ts", "");
    const from = join(temp.path, "built", "notebooks");
    // "fragmentation-tax.d.js" was as near as the module, and came first by name: a file that is not there.
    expect(nearestModule("../dist/fragmentation-taxes.js", from)).toBe("../dist/fragmentation-tax.js");
    expect(nearestModule("../dist/apis.js", from)).toBe("../dist/api.js");
    expect(nearestModule("../types/onli.js", from)).toBe("../types/only.js");
    expect(nearestModule("../dist/api.js.mapp", from)).toBe("../dist/api.js");
  });
});

describe("a typo in a notebook's import path", () => {
  it("check and run name the module meant, at the specifier; check leaves out the errors it causes, counted, and keeps the notebook's own", () => {
    project = tempProject();
    const cell = appendCell(
      project.root,
      "01-price.ipynb",
      [
        'import { monteCarlo as mc, histogramBins } from "../dist/models.js";',
        "const counts = histogramBins([1, 2, 3], 2).map((b) => b.count).filter((n) => n > 0);",
        "const doubled = mc((x) => x, {}, nb.montecarlo);",
        'const wrong: number = "not a number";',
      ].join("\n"),
    );
    // Another notebook's import names nothing near: its errors cannot be told apart, and are all kept.
    // (Beside the report, which the build below runs: a notebook report.yaml does not list.)
    writeFileSync(join(project.root, "notebooks", "loose.ipynb"), codeNotebookJson(['import { rows } from "./nothing-like-it.js";\nconst firsts = rows.map((row) => row[0]);']));
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: project?.root, encoding: "utf8", timeout: 120_000 });
    // Two typos in one notebook are named on the count's line, a control character in one shown escaped.
    mkdirSync(join(project.root, "notebooks", "lib"));
    writeFileSync(join(project.root, "notebooks", "lib", "price.ts"), "export const x = [1];\nexport const y = [2];\n");
    writeFileSync(join(project.root, "notebooks", "two.ipynb"), codeNotebookJson(['import { x } from "./lib\u001b[2J/pric.js";', 'import { y } from "./lib/prise.js";\nconst both = x.map((v) => v).concat(y);']));
    const checked = cli("check", "notebooks/01-price.ipynb", "notebooks/loose.ipynb", "notebooks/two.ipynb");
    expect(checked.status).toBe(1);
    expect(checked.stderr).not.toContain("\u001b");
    const lines = checked.stderr.split("\n").filter((line) => !/^[ >] *\d+ \||^ +\|/.test(line));
    expect(lines).toEqual([
      `notebooks/01-price.ipynb: cell ${cell}, line 1, column 49: TS2307: Cannot find module '../dist/models.js' or its corresponding type declarations. Did you mean '../dist/model.js'?`,
      // The callbacks' parameters, implicitly any without the module's types (TS7006): they were printed
      // one by one under it, and go once the path is fixed.
      "  (and 3 errors at uses of its names, left out: they go once the path resolves)",
      `notebooks/01-price.ipynb: cell ${cell}, line 4, column 7: TS2322: Type 'string' is not assignable to type 'number'.`,
      "notebooks/loose.ipynb: cell 1, line 1, column 22: TS2307: Cannot find module './nothing-like-it.js' or its corresponding type declarations.",
      "notebooks/loose.ipynb: cell 1, line 2, column 26: TS7006: Parameter 'row' implicitly has an 'any' type.",
      "notebooks/two.ipynb: cell 1, line 1, column 19: TS2307: Cannot find module './lib\\x1b[2J/pric.js' or its corresponding type declarations. Did you mean './lib/price.js'?",
      "notebooks/two.ipynb: cell 2, line 1, column 19: TS2307: Cannot find module './lib/prise.js' or its corresponding type declarations. Did you mean './lib/price.js'?",
      '  (and 1 error at uses of the names of "./lib\\x1b[2J/pric.js" and "./lib/prise.js", left out: it goes once their paths resolve)',
      "an import does not resolve: fix it first, as the names it brings in have no types without it, and some of the 2 other errors may follow from that",
      "check failed: 6 type errors",
      "",
    ]);
    const ran = cli("run", "notebooks/01-price.ipynb");
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain(`notebooks/01-price.ipynb: cell ${cell}, line 1, column 49: ModuleNotFoundError: cannot find module "../dist/models.js"; did you mean "../dist/model.js"?`);
    // What it wrote is said last, after the error, and that it holds the error: "wrote …" first read as success.
    expect(ran.stderr.trimEnd().split("\n").at(-1)).toBe(`wrote out/build/executed/01-price.ipynb, with the error in place in cell ${cell}`);
    // The build's line for the chapter says it failed, and where.
    const built = cli("build", "--no-pdf");
    expect(built.status).toBe(1);
    expect(built.stderr).toMatch(new RegExp(`^execute: notebooks/01-price\\.ipynb failed at cell ${cell} after [\\d.]+ s \\(`, "m"));
    expect(built.stderr).toMatch(/^execute: notebooks\/02-claims\.ipynb executed in [\d.]+ s/m);
  }, 180_000);
});

describe("the errors a typo'd import causes", () => {
  it("are told from the notebook's own by where they are once the path is the one meant, columns after the corrected path included", () => {
    const root = tempProject();
    try {
      // Two typos in one notebook; an error of its own on a typo's line, after the path (whose length the correction changes).
      const first = appendCell(root.root, "01-price.ipynb", 'import { histogramBins } from "../dist/models.js"; const own: number = "x";\nconst xs = histogramBins([1], 1).map((b) => b.x0);');
      const second = appendCell(root.root, "01-price.ipynb", "import { histogramBins as bins } from \"../dist/mdel.js\";\nconst ends = bins(new Float64Array(2), 1).map((r) => r.x1);");
      const found = checkNotebooks([join(root.root, "notebooks", "01-price.ipynb")], { root: root.root, includeSrc: false });
      expect(found.map(({ cell, line, column, code, following }) => ({ cell, line, column, code, ...(following && { following }) }))).toEqual([
        { cell: first, line: 1, column: 31, code: 2307, following: { errors: 0, imports: ["../dist/models.js", "../dist/mdel.js"], names: [] } },
        { cell: first, line: 1, column: 58, code: 2322 },
        { cell: second, line: 1, column: 39, code: 2307, following: { errors: 2, imports: ["../dist/models.js", "../dist/mdel.js"], names: [] } },
      ]);
    } finally {
      root.remove();
    }
  }, 60_000);
});

describe("leaving out what a typo'd import causes", () => {
  const source = 'import { a } from "./a.js";\nimport { b } from "./b.js";\nconst c = a.map((x) => x);\nconst d: number = "d";';
  const notebook = { file: "/p/notebooks/x.ipynb", cells: [{ cell: 2, source }] };
  const at = (line: number, column: number, code: number, message = ""): CheckDiagnostic => ({ file: "notebooks/x.ipynb", cell: 2, line, column, code, message });
  const [first, second, use, own] = [at(1, 19, 2307), at(2, 19, 2307), at(3, 18, 7006), at(4, 7, 2322)];
  const typos = [
    { diagnostic: second, kind: "path" as const, specifier: "./b.js", meant: "./bb.js" },
    { diagnostic: first, kind: "path" as const, specifier: "./a.js", meant: "./aa.js" },
  ];
  const display = () => "notebooks/x.ipynb";

  it("counts them under the last corrected import, naming the imports in the notebook's order", () => {
    let checked = "";
    const kept = withoutImportConsequences([first, second, use, own], typos, [notebook], display, (corrected) => {
      checked = corrected[0]?.cells[0]?.source ?? "";
      return [at(4, 7, 2322)];
    });
    expect(checked.split("\n").slice(0, 2)).toEqual(['import { a } from "./aa.js";', 'import { b } from "./bb.js";']);
    expect(kept).toEqual([
      { ...first, following: { errors: 0, imports: ["./a.js", "./b.js"], names: [] } },
      { ...second, following: { errors: 1, imports: ["./a.js", "./b.js"], names: [] } },
      own,
    ]);
  });

  it("keeps every error when the second check cannot be made, or the path is not written where TS2307 says", () => {
    const failing = () => {
      throw new Error("no compiler");
    };
    expect(withoutImportConsequences([first, second, use, own], typos, [notebook], display, failing)).toEqual([first, second, use, own]);
    const elsewhere = [{ diagnostic: at(3, 1, 2307), kind: "path" as const, specifier: "./a.js", meant: "./aa.js" }];
    expect(withoutImportConsequences([first, use], elsewhere, [notebook], display, () => [])).toEqual([first, use]);
  });
});

describe("a misspelt imported name", () => {
  it("is the one error check prints: the uses of the name meant (each 'did you mean' the typo) and what follows from them are counted under it", () => {
    const root = tempProject();
    try {
      const cell = appendCell(
        root.root,
        "01-price.ipynb",
        'import { histogramBns } from "../dist/model.js";\nconst bins = histogramBins([1, 2, 3], 2);\nconst ends = histogramBins([1], 1).map((b) => b.x0);\nconst own: number = "x";',
      );
      const found = checkNotebooks([join(root.root, "notebooks", "01-price.ipynb")], { root: root.root, includeSrc: false });
      expect(found.map(({ cell, line, column, code, following }) => ({ cell, line, column, code, ...(following && { following }) }))).toEqual([
        { cell, line: 1, column: 10, code: 2724, following: { errors: 3, imports: [], names: ["histogramBns"] } },
        { cell, line: 4, column: 7, code: 2322 },
      ]);
      expect(found[0]?.message).toContain("Did you mean 'histogramBins'?");
      const checked = spawnSync(process.execPath, [CLI, "check", "notebooks/01-price.ipynb"], { cwd: root.root, encoding: "utf8" });
      expect(checked.status).toBe(1);
      expect(checked.stderr).toContain('  (and 3 errors that follow from "histogramBns", left out: they go once it is corrected)');
      expect(checked.stderr).not.toContain("Did you mean 'histogramBns'");
      // run names the same error first; what follows from it is counted under it as check counts it (the third,
      // the callback's `b` untyped once histogramBins is, was missed when run told them apart by their messages).
      const ran = spawnSync(process.execPath, [CLI, "run", "notebooks/01-price.ipynb"], { cwd: root.root, encoding: "utf8" });
      expect(ran.status).toBe(1);
      expect(ran.stderr).toContain(`notebooks/01-price.ipynb: cell ${cell}, line 1, column 10: TS2724:`);
      expect(ran.stderr).toContain('  (and 3 errors that follow from "histogramBns", left out: they go once it is corrected)');
      expect(ran.stderr).not.toContain("Did you mean 'histogramBns'");
    } finally {
      root.remove();
    }
  }, 60_000);

  it("is corrected only where its error locates the whole name", () => {
    const source = 'import { runModl, runModlX } from "./m.js";\nrunModel(1);';
    const notebook = { file: "/p/notebooks/x.ipynb", cells: [{ cell: 1, source }] };
    const at = (line: number, column: number, code: number): CheckDiagnostic => ({ file: "notebooks/x.ipynb", cell: 1, line, column, code, message: "" });
    const [typo, use] = [at(1, 10, 2724), at(2, 1, 2552)];
    let checked = "";
    const kept = withoutImportConsequences([typo, use], [{ diagnostic: typo, kind: "name", specifier: "runModl", meant: "runModel" }], [notebook], () => "notebooks/x.ipynb", (corrected) => {
      checked = corrected[0]?.cells[0]?.source ?? "";
      return [];
    });
    expect(checked.split("\n")[0]).toBe('import { runModel, runModlX } from "./m.js";');
    expect(kept).toEqual([{ ...typo, following: { errors: 1, imports: [], names: ["runModl"] } }]);
    // Located at the start of a longer name, nothing is corrected, and every error is kept.
    const longer = { ...typo, column: 19 };
    expect(withoutImportConsequences([longer, use], [{ diagnostic: longer, kind: "name", specifier: "runModl", meant: "runModel" }], [notebook], () => "notebooks/x.ipynb", () => [])).toEqual([longer, use]);
  });
});
