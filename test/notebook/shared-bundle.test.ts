/**
 * Notebooks of one folder that import the same modules share one import bundle while it is being made
 * (execute.ts `bundlesInFlight`): a cold build of the report's nine chapters made the same bundle
 * nine times at once. A failed bundle is not shared: each notebook's error names its own first use.
 * The bundle is started from the specifiers the sources name, before the cells compile
 * (`likelySpecifiers`), and used only when the compiled cells import exactly those.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { executeNotebooks } from "../../src/notebook/execute-many";
import { executeNotebook } from "../../src/notebook/execute";
import { compileCell } from "../../src/notebook/transpile";
import * as imports from "../../src/notebook/imports";
import { endAllWorkers } from "../../src/notebook/pool";
import { TempDir } from "./helpers";

vi.mock("../../src/notebook/imports", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/notebook/imports")>();
  return { ...actual, bundleImports: vi.fn(actual.bundleImports), bundleSpecifiers: vi.fn(actual.bundleSpecifiers) };
});

const temp = new TempDir();
afterAll(() => temp.cleanup());
afterEach(() => endAllWorkers());
beforeEach(() => {
  vi.mocked(imports.bundleImports).mockClear();
  vi.mocked(imports.bundleSpecifiers).mockClear();
});

const stdout = (result: Awaited<ReturnType<typeof executeNotebooks>>[number]): string =>
  result.executed.cells.flatMap((cell) => (cell.cell_type === "code" ? cell.outputs : [])).map((o) => (o.output_type === "stream" ? o.text : "")).join("");

describe("one import bundle for notebooks that import the same modules", () => {
  it("is made once for three notebooks run together, and each runs with it", async () => {
    temp.write("same/package.json", "{}");
    temp.write("same/lib.ts", "export const twice = (x: number): number => 2 * x;\n");
    const files = ["a", "b", "c"].map((name, i) => temp.notebook(`same/${name}.ipynb`, { cells: [`import { twice } from "./lib";`, `console.log("${name}", twice(${i + 1}));`] }));
    const results = await executeNotebooks(files, {});
    expect(results.map((r) => r.status)).toEqual(["ok", "ok", "ok"]);
    expect(results.map(stdout)).toEqual(["a 2\n", "b 4\n", "c 6\n"]);
    // Made once, before the cells compiled, from the specifiers their sources name; not again after.
    expect(imports.bundleSpecifiers).toHaveBeenCalledTimes(1);
    expect(imports.bundleImports).not.toHaveBeenCalled();
    expect(readdirSync(join(temp.path, "same", "out", ".cache", "engine")).filter((name) => name.startsWith("bundle-"))).toHaveLength(1);
  });

  it("is made for each notebook when it fails, so each error is located in that notebook", async () => {
    temp.write("missing/package.json", "{}");
    const first = temp.notebook("missing/first.ipynb", { cells: [`import { x } from "./nope";`, "console.log(x);"] });
    const second = temp.notebook("missing/second.ipynb", { cells: ["const y = 1;", `import { x } from "./nope";`, "console.log(x, y);"] });
    const results = await executeNotebooks([first, second], {});
    expect(results.map((r) => r.status)).toEqual(["failed", "failed"]);
    expect(results.map((r) => r.error?.cell)).toEqual([1, 2]);
    expect(results.map((r) => r.error?.evalue)).toEqual([expect.stringContaining("./nope"), expect.stringContaining("./nope")]);
    expect(imports.bundleImports).toHaveBeenCalledTimes(2);
  });
});

describe("the bundle started before the cells compile", () => {
  it("is not used when the compiled cells import otherwise than the sources seemed to", async () => {
    temp.write("guess/package.json", "{}");
    temp.write("guess/lib.ts", "export const twice = (x: number): number => 2 * x;\n");
    // A line in a template string reads like an import of a module that does not exist.
    const file = temp.notebook("guess/nb.ipynb", { cells: ['const text = `\nimport nothing from "./not-a-module"\n`;', `import { twice } from "./lib";`, "console.log(twice(21), text.length > 0);"] });
    const result = await executeNotebook(file, {});
    expect(result.status).toBe("ok");
    expect(stdout(result)).toBe("42 true\n");
    expect(vi.mocked(imports.bundleSpecifiers).mock.calls[0]?.[0]).toEqual(["./not-a-module", "./lib"]);
    expect(imports.bundleImports).toHaveBeenCalledTimes(1);
    expect(vi.mocked(imports.bundleImports).mock.calls[0]?.[0].flatMap((cell) => cell.imports.map((found) => found.specifier))).toEqual(["./lib"]);
  });

  it("names what the compiled cells import, in their order, for the ways a cell imports", async () => {
    const sources = [
      `import { a } from "./one";\nimport type { T } from "./types-only";\nconst later = await import("./dynamic");`,
      `import * as ns from "two";\nimport "./side-effect";\nimport {\n  b,\n  type C,\n} from "./multi-line";`,
      `import { a } from "./one";\nimport def, { named } from "three";\nimport tslab from "tslab";`,
      `/** @module mylib */\nimport { x } from "./inside-module";\nexport const y = x;`,
      `import { y } from "./mylib";\nconst m = await import('./single-quoted', { with: { type: "json" } });`,
      `/** @browser */\nimport { z } from "./browser-only";`,
      `// import { nothing } from "./commented-out";\nconst loader = { import: (name: string) => name };\nloader.import("./a-method");`,
    ];
    const compiled = await Promise.all(sources.map((source, index) => compileCell(source, index + 1)));
    const cells = compiled.map((cell) => {
      if (!("filename" in cell)) throw new Error(`cell ${cell.cell}: ${cell.message}`);
      return cell;
    });
    expect(imports.likelySpecifiers(sources)).toEqual([...imports.firstUses(cells).keys()]);
    expect(imports.likelySpecifiers(sources)).toEqual(["./dynamic", "./one", "two", "./side-effect", "./multi-line", "three", "./inside-module", "./single-quoted"]);
  });
});
