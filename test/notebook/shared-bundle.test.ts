/**
 * Notebooks of one folder that import the same modules share one import bundle while it is being made
 * (execute.ts `bundlesInFlight`): a cold build of the report's nine chapters made the same bundle
 * nine times at once. A failed bundle is not shared: each notebook's error names its own first use.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { executeNotebooks } from "../../src/notebook/execute-many";
import * as imports from "../../src/notebook/imports";
import { endAllWorkers } from "../../src/notebook/pool";
import { TempDir } from "./helpers";

vi.mock("../../src/notebook/imports", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/notebook/imports")>();
  return { ...actual, bundleImports: vi.fn(actual.bundleImports) };
});

const temp = new TempDir();
afterAll(() => temp.cleanup());
afterEach(() => endAllWorkers());
beforeEach(() => {
  vi.mocked(imports.bundleImports).mockClear();
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
    expect(imports.bundleImports).toHaveBeenCalledTimes(1);
    expect(readdirSync(join(temp.path, "same", "out", ".cache", "engine")).filter((name) => name.startsWith("bundle-"))).toHaveLength(1);
  });

  it("is made for each notebook when it fails, so each error is located in that notebook", async () => {
    temp.write("missing/package.json", "{}");
    const first = temp.notebook("missing/first.ipynb", { cells: [`import { x } from "./nope";`, "console.log(x);"] });
    const second = temp.notebook("missing/second.ipynb", { cells: ["const y = 1;", `import { x } from "./nope";`, "console.log(x, y);"] });
    const results = await executeNotebooks([first, second], {});
    expect(results.map((r) => r.status)).toEqual(["failed", "failed"]);
    expect(results.map((r) => r.error?.cell)).toEqual([1, 2]);
    expect(imports.bundleImports).toHaveBeenCalledTimes(2);
  });
});
