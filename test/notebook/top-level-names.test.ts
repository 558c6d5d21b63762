/**
 * The names a cell declares are read with oxc's parser, TypeScript's where oxc cannot answer
 * (src/notebook/top-level-names.ts). The two readings must agree: the cell modules the checker
 * builds from them (their headers and exports) are what tslab's rules come down to.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPOSITORY, repositoryCodeCells } from "./helpers";
import { topLevelNames, topLevelNamesWithOxc, topLevelNamesWithTypeScript } from "../../src/notebook/top-level-names";

const repo = REPOSITORY;

const entries = (names: Map<string, string> | undefined): Array<[string, string]> | undefined => (names === undefined ? undefined : [...names]);

describe("a cell's top-level names", () => {
  it("are the same from oxc as from TypeScript, in the same order, for every code cell of every notebook in the repository", () => {
    let read = 0;
    let cells = 0;
    for (const { where, source } of repositoryCodeCells()) {
      cells += 1;
      const oxc = topLevelNamesWithOxc(source);
      if (oxc === undefined) continue;
      read += 1;
      expect([...oxc], where).toEqual([...topLevelNamesWithTypeScript(source)]);
    }
    expect(cells).toBeGreaterThan(500);
    // Only cells with a syntax error (the conformance suite has a few) are left to TypeScript.
    expect(read / cells).toBeGreaterThan(0.97);
  });

  it("cover every declaration kind, export form and binding pattern as TypeScript reads them", () => {
    const cases = [
      'import d, { a as b, type T0 } from "m";\nimport * as ns from "n";\nimport type Td from "t";\nimport "side-effect";\nimport req = require("r");',
      "let x = 1, { y, z: renamed = 2, ...rest } = o;\nconst [first, , third = 3, [nested], ...others] = w;\nvar v;",
      "export const e1 = 1;\nexport let e2: number;\nexport function ef() {}\nexport class EC {}\nexport default function df() {}",
      "export default class DC {}\nexport { x as y };\nexport * from \"m\";\nexport * as all from \"m\";",
      "export default function () {}",
      "export default 42;",
      "export interface EI { a: number }\nexport type ET = string;\nexport enum EE { A }\nexport declare const dc: number;\nexport = dc;",
      "function over(a: string): void;\nfunction over(a: number): void;\nfunction over(a: unknown) {}\ndeclare function df2(): void;",
      "abstract class Abs {}\n@decorate class Dec {}\nconst enum CE { A, B }\nenum E { A }\ninterface I<T> { t: T }\ntype Alias<T> = T[];",
      "namespace A.B.C { export const x = 1; }\nnamespace N { }\nmodule M { }\ndeclare module \"quoted\" { }\ndeclare global { interface Window { x: 1 } }",
      "declare const dc1: number, dc2: string;\ndeclare let dl: number;\ndeclare class DCl {}\ndeclare enum DE { A }",
      "for (let i = 0; i < 1; i++) {}\nif (true) { var inner = 1; }\nlabel: { const hidden = 1; }\n({ a } = b);",
      "const t = await fetch(url);\nconst { data }: { data: number } = await t.json();\nlet u = <number>v, w = x as number, s = y satisfies number;",
      "using res = open();\nawait using ares = openAsync();",
      "class Dup {}\nlet dup = 1;\nfunction dup2() {}\nlet dup2 = 2;",
      "",
      "// only a comment\n/* and another */",
    ];
    for (const source of cases) {
      const oxc = topLevelNamesWithOxc(source);
      expect(oxc, source).toBeDefined();
      expect(entries(oxc), source).toEqual(entries(topLevelNamesWithTypeScript(source)));
    }
    expect([...topLevelNames(cases[1] ?? "")]).toEqual([["x", "mutable"], ["y", "mutable"], ["renamed", "mutable"], ["rest", "mutable"], ["first", "const"], ["third", "const"], ["nested", "const"], ["others", "const"], ["v", "mutable"]]);
    expect([...topLevelNames(cases[9] ?? "")]).toEqual([["A", "other"], ["N", "other"], ["M", "other"], ["global", "other"]]);
    expect([...topLevelNames(cases[13] ?? "")]).toEqual([["res", "mutable"], ["ares", "const"]]);
  });

  it("of a cell with a syntax error are TypeScript's reading of it, as its recovery gives them", () => {
    const broken = "const ok = 1;\nlet half = ;\nfunction f( {\nclass K {}";
    expect(topLevelNamesWithOxc(broken)).toBeUndefined();
    expect([...topLevelNames(broken)]).toEqual([...topLevelNamesWithTypeScript(broken)]);
    expect(topLevelNames(broken).get("ok")).toBe("const");
  });
});

it("a type check on the native compiler does not load the TypeScript API (a fresh process)", () => {
  // TypeScript is loaded through V8's code cache (util/code-cache.ts), which says what it has loaded.
  const script = `
import { checkForRun } from ${JSON.stringify(join(repo, "src", "notebook", "typecheck.ts"))};
import { loadedWithCodeCache } from ${JSON.stringify(join(repo, "src", "util", "code-cache.ts"))};
const loaded = () => loadedWithCodeCache().some((path) => /[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/.test(path));
const file = ${JSON.stringify(join(repo, "notebooks", "01-training-run.ipynb"))};
const { readCells } = await import(${JSON.stringify(join(repo, "src", "notebook", "check.ts"))});
const types = checkForRun([readCells(file, ${JSON.stringify(repo)})], { root: ${JSON.stringify(repo)} }).get(file);
console.log(JSON.stringify({ loaded: loaded(), errors: types.errors.length, files: types.files.length }));
`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: repo, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
  const answer = JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as { loaded: boolean; errors: number; files: number };
  // Checked (the chapter imports the model's sources, so the check depended on them), without TypeScript.
  expect(answer).toMatchObject({ loaded: false, errors: 0 });
  expect(answer.files).toBeGreaterThan(10);
}, 60_000);

it("without oxc (no binary for the platform) every cell is read by TypeScript's parser, with the same names and ids (a fresh process)", () => {
  const temp = mkdtempSync(join(tmpdir(), "fragtax-no-oxc-"));
  try {
    // As on a platform oxc ships no binary for: requiring the package fails.
    const preload = join(temp, "no-oxc.cjs");
    writeFileSync(preload, [
      'const Module = require("node:module");',
      "const resolve = Module._resolveFilename;",
      'Module._resolveFilename = function (request, ...rest) { if (request === "oxc-parser") throw Object.assign(new Error("no oxc here"), { code: "MODULE_NOT_FOUND" }); return resolve.call(this, request, ...rest); };',
    ].join("\n"));
    const script = `
import { topLevelNames, topLevelNamesWithOxc, topLevelNamesWithTypeScript } from ${JSON.stringify(join(repo, "src", "notebook", "top-level-names.ts"))};
import { assumptionRefs, assumptionRefsWithOxc, assumptionRefsWithTypeScript } from ${JSON.stringify(join(repo, "src", "notebook", "assumption-refs.ts"))};
const source = 'export const a = nb.assumptions.get("gpu_hours"), [b, ...c] = d;\\ninterface I {}\\nimport * as ns from "m";';
const cell = { cell: 2, source };
console.log(JSON.stringify({
  oxc: topLevelNamesWithOxc(source) === undefined && assumptionRefsWithOxc(cell) === undefined,
  names: [...topLevelNames(source)], reference: [...topLevelNamesWithTypeScript(source)],
  refs: assumptionRefs([cell]), referenceRefs: assumptionRefsWithTypeScript(cell),
}));
`;
    const result = spawnSync(process.execPath, ["--require", preload, "--import", "tsx", "--input-type=module", "-e", script], { cwd: repo, encoding: "utf8" });
    expect(result.status, result.stderr).toBe(0);
    const answer = JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}") as { oxc: boolean; names: unknown; reference: unknown; refs: unknown; referenceRefs: unknown };
    expect(answer.oxc).toBe(true); // oxc gave no answer: it did not load
    expect(answer.names).toEqual([["a", "const"], ["b", "const"], ["c", "const"], ["I", "other"], ["ns", "other"]]);
    expect(answer.names).toEqual(answer.reference);
    expect(answer.refs).toEqual([{ id: "gpu_hours", cell: 2, line: 1, column: 37 }]);
    expect(answer.refs).toEqual(answer.referenceRefs);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}, 60_000);
