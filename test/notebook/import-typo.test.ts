/**
 * A typo in an import path: `check` said TS2307 and nothing near it, then an error at every use of
 * the names it imports; `run` located it at the statement's first column, not at the specifier where
 * check locates it, and printed "wrote …" first. Now both name the nearest existing module at the
 * same place, check says the other errors may follow from it, and run says what it wrote last.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nearestModule } from "../../src/notebook/module-suggest";
import { appendCell, tempProject, type TempProject } from "../project";
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
  it("check and run name the module meant, at the specifier; check says the other errors may follow from it", () => {
    project = tempProject();
    const cell = appendCell(project.root, "01-price.ipynb", 'import { monteCarlo as mc } from "../dist/models.js";\nconst doubled = mc((x) => x * 2, {}, nb.montecarlo);');
    const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: project?.root, encoding: "utf8", timeout: 120_000 });
    const checked = cli("check", "notebooks/01-price.ipynb");
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain(`notebooks/01-price.ipynb: cell ${cell}, line 1, column 34: TS2307: Cannot find module '../dist/models.js' or its corresponding type declarations. Did you mean '../dist/model.js'?`);
    // `mc` has no type without its module: the callback's parameter is implicitly any, a consequence.
    expect(checked.stderr).toMatch(/TS7006: Parameter 'x' implicitly has an 'any' type/);
    expect(checked.stderr).toContain("an import does not resolve: fix it first, as the names it brings in have no types without it, and the other error may follow from that");
    const ran = cli("run", "notebooks/01-price.ipynb");
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain(`notebooks/01-price.ipynb: cell ${cell}, line 1, column 34: ModuleNotFoundError: cannot find module "../dist/models.js"; did you mean "../dist/model.js"?`);
    // What it wrote is said last, after the error: "wrote …" first read as success.
    expect(ran.stderr.trimEnd().split("\n").at(-1)).toBe("wrote out/build/executed/01-price.ipynb");
    // The build's line for the chapter says it failed, and where.
    const built = cli("build", "--no-pdf");
    expect(built.status).toBe(1);
    expect(built.stderr).toMatch(new RegExp(`^execute: notebooks/01-price\\.ipynb failed at cell ${cell} after [\\d.]+ s \\(`, "m"));
    expect(built.stderr).toMatch(/^execute: notebooks\/02-claims\.ipynb executed in [\d.]+ s/m);
  }, 180_000);
});
