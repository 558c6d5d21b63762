/**
 * The native compiler (tsgo) and the TypeScript API check the same cell modules: they must agree on
 * every error, its location and the files a cell depends on, and the native one must step aside
 * (undefined → the API checker) when it cannot answer the same.
 */
import { mkdirSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkAll } from "../../src/notebook/typecheck";
import { checkWithApi } from "../../src/notebook/typecheck-program";
import { checkEnvironment, checkWithTsgo, tsgoBinary } from "../../src/notebook/typecheck-tsgo";
import type { NotebookCells } from "../../src/notebook/typecheck-rules";
import { tempProject } from "../project";

const project = tempProject();
afterAll(() => project.remove());
const root = project.root;
mkdirSync(join(root, "notebooks", "lib"), { recursive: true });
writeFileSync(join(root, "notebooks", "lib", "bad.ts"), "export const f = (x: number): string => x;\n");
writeFileSync(join(root, "notebooks", "lib", "good.ts"), 'import { f } from "./bad.ts";\nexport const g = (x: number): string => f(x) + "!";\n');

const typed: NotebookCells = {
  file: join(root, "notebooks", "typed.ipynb"),
  cells: [
    { cell: 1, source: 'let n = 1;\nconst c = "s";\ninterface P { x: number }' },
    { cell: 3, source: "n = 2;\nconst p: P = { x: 1 };" },
    { cell: 4, source: 'const q: number = c;\nn = "str";' },
    { cell: 5, source: "const c = 5;\nconst z: string = c;\nc = 6;" },
    { cell: 6, source: 'import * as tslab from "tslab";\ntslab.display.html(42);' },
    { cell: 7, source: 'import { g } from "./lib/good.ts";\nconst o: { a: { b: string } } = { a: { b: 1 } };' },
    { cell: 8, source: 'import { runModel } from "../dist/model.js";\n// wide characters before the error\nconst wide = "🙂日本"; runModel(1);' },
  ],
};

describe("type check on the native compiler", () => {
  it("is installed with fragtax (the platform package ships the binary)", () => {
    expect(tsgoBinary()).toMatch(/tsgo(\.exe)?$/);
  });

  it("finds the same errors at the same places as the TypeScript API, in the same order", () => {
    const native = checkWithTsgo([typed], { root });
    expect(native).toBeDefined();
    const api = checkWithApi([typed], { root });
    const nativeErrors = native!.all();
    expect(nativeErrors.map((d) => [d.cell, d.line, d.column, d.code])).toEqual([
      [4, 1, 7, 2322], [4, 2, 1, 2322], [5, 2, 7, 2322], [5, 3, 1, 2588], [6, 2, 20, 2345], [7, 2, 40, 2322], [8, 3, 22, 2554], // UTF-16 columns, as the API's
      [undefined, 1, 41, 2322],
    ]);
    // The API lists errors in program order (imported files first); the native checker in notebook order.
    const sorted = (errors: readonly object[]): string[] => errors.map((e) => JSON.stringify(e)).sort();
    expect(sorted(nativeErrors)).toEqual(sorted(api.all()));
    for (const cell of [7, 8]) {
      const path = `${typed.file}.cell${cell}.ts`;
      expect(native!.errorsIn(path)).toEqual(api.errorsIn(path));
      for (const throughEntries of [true, false]) expect(native!.projectClosure(path, throughEntries).sort()).toEqual(api.projectClosure(path, throughEntries).sort());
    }
    expect(native!.projectClosure(`${typed.file}.cell7.ts`, false).sort()).toEqual([join(root, "notebooks", "lib", "bad.ts"), join(root, "notebooks", "lib", "good.ts")]);
    expect(native!.projectClosure(`${typed.file}.cell8.ts`, true)).toContain(join(root, "src", "model", "montecarlo.ts"));
  });

  it("checks a notebook of the API without report.yaml's parser: the session names no Jupyter-only module", () => {
    // A type import still brings a module into the program: one from session.ts to the Jupyter loader
    // pulled config/parse.ts in, and with it zod and yaml, ~135 declaration files of ~570.
    const api: NotebookCells = { file: join(root, "notebooks", "api.ipynb"), cells: [{ cell: 1, source: 'import * as tslab from "tslab";\nimport { notebook } from "../dist/api.js";\nconst nb = notebook(tslab);\nnb.md`x`;' }] };
    const native = checkWithTsgo([api], { root });
    expect(native?.all()).toEqual([]);
    const closure = native!.projectClosure(`${api.file}.cell1.ts`, true);
    expect(closure).toContain(join(root, "src", "api", "session.ts"));
    expect(closure).not.toContain(join(root, "src", "api", "jupyter.ts"));
    expect(closure).not.toContain(join(root, "src", "config", "parse.ts"));
  });

  it("runs the compiler without Go's garbage collector, under a memory limit, unless the user set either", () => {
    const gib = 2 ** 30;
    expect(checkEnvironment({ PATH: "/bin" }, 16 * gib)).toEqual({ PATH: "/bin", GOGC: "off", GOMEMLIMIT: String(gib) });
    expect(checkEnvironment({}, 2 * gib)).toEqual({ GOGC: "off", GOMEMLIMIT: String(gib / 2) });
    expect(checkEnvironment({ GOGC: "200" }, 16 * gib)).toEqual({ GOGC: "200" });
    expect(checkEnvironment({ GOMEMLIMIT: "512MiB" }, 16 * gib)).toEqual({ GOMEMLIMIT: "512MiB" });
  });

  it("extends the project's tsconfig.json (noUnusedLocals: TS6133 as the API reports it); an option TypeScript 7 dropped goes to the API", () => {
    const unused: NotebookCells = { file: join(root, "notebooks", "unused.ipynb"), cells: [{ cell: 1, source: "export {};\nfunction f(): number {\n  const y = 2;\n  return 1;\n}\nf();" }] };
    const tsconfig = (extra: object): string => JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", lib: ["ES2023"], types: ["node"], noUnusedLocals: true, ...extra } });
    writeFileSync(join(root, "tsconfig.json"), tsconfig({}));
    try {
      const native = checkWithTsgo([unused], { root });
      expect(native?.all().map((d) => [d.cell, d.line, d.column, d.code])).toEqual([[1, 3, 9, 6133]]);
      expect(native?.all()).toEqual(checkWithApi([unused], { root }).all());
      writeFileSync(join(root, "tsconfig.json"), tsconfig({ baseUrl: "." }));
      expect(checkWithTsgo([unused], { root })).toBeUndefined();
      expect(checkAll([unused], { root }).map((d) => d.code)).toEqual([6133]);
    } finally {
      rmSync(join(root, "tsconfig.json"));
    }
  });

  it("removes a check folder abandoned by a killed process, and leaves nothing of its own", () => {
    const base = join(root, "out", ".cache", "tsgo-check");
    const abandoned = join(base, "check-killed");
    mkdirSync(abandoned, { recursive: true });
    writeFileSync(join(abandoned, "cell.ts"), "");
    const hourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(abandoned, hourAgo, hourAgo);
    const recent = join(base, "check-running");
    mkdirSync(recent, { recursive: true });
    expect(checkWithTsgo([typed], { root })).toBeDefined();
    expect(readdirSync(base).sort()).toEqual(["check-running"]);
    rmSync(recent, { recursive: true });
  });

  it("leaves notebooks with @module cells, and a project whose cache cannot be written, to the TypeScript API", () => {
    const modules: NotebookCells = { file: join(root, "notebooks", "modules.ipynb"), cells: [{ cell: 1, source: "/** @module mylib */\nexport const x: number = 1;" }, { cell: 2, source: 'import { x } from "./mylib";\nconst y: string = x;' }] };
    expect(checkWithTsgo([modules], { root })).toBeUndefined();
    expect(checkAll([modules], { root }).map((d) => [d.cell, d.code])).toEqual([[2, 2322]]);

    rmSync(join(root, "out", ".cache", "tsgo-check"), { recursive: true, force: true });
    mkdirSync(join(root, "out", ".cache"), { recursive: true });
    writeFileSync(join(root, "out", ".cache", "tsgo-check"), "a file where the check folder should be");
    try {
      expect(checkWithTsgo([typed], { root })).toBeUndefined();
      expect(checkAll([typed], { root })).toHaveLength(8);
    } finally {
      rmSync(join(root, "out", ".cache", "tsgo-check"));
    }
  });
});
