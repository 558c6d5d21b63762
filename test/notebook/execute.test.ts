import { mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { transitiveModules } from "../../src/build/cache/dependencies";
import { executeNotebook } from "../../src/notebook/execute";
import { sha256 } from "../../src/util/hash";
import { executeNotebooks } from "../../src/notebook/execute-many";
import type { CodeCell, Output } from "../../src/notebook/nbformat";
import { appendCell, tempProject } from "../project";
import { FIXTURES, TempDir } from "./helpers";

const temp = new TempDir();
afterAll(() => temp.cleanup());

function codeCells(cells: readonly { cell_type: string }[]): CodeCell[] {
  return cells.filter((cell): cell is CodeCell => cell.cell_type === "code");
}
const stdout = (outputs: readonly Output[]): string =>
  outputs.map((o) => (o.output_type === "stream" && o.name === "stdout" ? o.text : "")).join("");
const resultText = (outputs: readonly Output[]): string | undefined => {
  const result = outputs.find((o) => o.output_type === "execute_result");
  return result?.output_type === "execute_result" ? String(result.data["text/plain"]) : undefined;
};

describe("executeNotebook: tslab semantics", async () => {
  const run = await executeNotebook(join(FIXTURES, "semantics.ipynb"));
  const cells = codeCells(run.executed.cells);

  it("runs every cell and numbers executions 1..n", () => {
    expect(run.status).toBe("ok");
    expect(cells.map((cell) => cell.execution_count)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
  it("makes const, let, function, class, enum, interface and type visible in later cells", () => {
    expect(stdout(cells[1]?.outputs ?? [])).toBe("21 3 abc 1 5\n");
  });
  it("keeps assignments to an earlier let, and shows a trailing expression as execute_result", () => {
    expect(resultText(cells[2]?.outputs ?? [])).toBe("22");
    expect(cells[2]?.outputs[0]).toMatchObject({ output_type: "execute_result", execution_count: 3 });
  });
  it("allows redeclaring a name in a later cell, with destructuring", () => {
    expect(stdout(cells[3]?.outputs ?? [])).toBe("redeclared 1 2 22\n");
  });
  it("supports top-level await", () => {
    expect(stdout(cells[4]?.outputs ?? [])).toBe("waited 5\n");
  });
  it("inspects object results like util.inspect", () => {
    expect(resultText(cells[5]?.outputs ?? [])).toBe("{ waitedMs: 5, nested: { list: [ 1, 2, 3 ] }, label: 'x' }");
  });
  it("sends console.error to stderr and console.log to stdout", () => {
    expect(cells[6]?.outputs).toEqual([
      { output_type: "stream", name: "stderr", text: "to stderr\n" },
      { output_type: "stream", name: "stdout", text: "to stdout\n" },
    ]);
  });
  it("keeps markdown cells as they are", () => {
    expect(run.executed.cells[0]).toMatchObject({ cell_type: "markdown" });
  });
});

describe("executeNotebook: imports", async () => {
  const run = await executeNotebook(join(FIXTURES, "imports.ipynb"));
  const cells = codeCells(run.executed.cells);

  it("imports project modules (default and named), npm packages and Node built-ins", () => {
    expect(run.status).toBe("ok");
    expect(stdout(cells[1]?.outputs ?? [])).toBe("hello, notebook 42\n");
    expect(stdout(cells[2]?.outputs ?? [])).toBe("a: 1 a/b\n");
  });
  it("evaluates each module once per notebook, so cells share its state", () => {
    expect(resultText(cells[3]?.outputs ?? [])).toBe("2");
    expect(resultText(cells[4]?.outputs ?? [])).toBe("2");
  });
  it("reads a relative path beside the notebook wherever it was started, and reports the read", () => {
    // The test runs from the repository root; the file is in the notebook's folder, as Jupyter reads it.
    expect(stdout(cells[5]?.outputs ?? [])).toBe("hello from a file notebooks lib\n");
    expect(run.filesRead.map((read) => read.path)).toEqual([join(FIXTURES, "lib", "greeting.txt")]);
    expect(run.filesRead[0]?.sha256).toBe(sha256(readFileSync(join(FIXTURES, "lib", "greeting.txt"))));
  });
  it("lists the project modules it loaded, transitively, relative to the root", async () => {
    expect(run.modules).toEqual(["test/fixtures/notebooks/lib/helper.ts", "test/fixtures/notebooks/lib/state.ts"]);
    expect(await transitiveModules(join(FIXTURES, "../../.."), run.modules)).toEqual(run.modules);
  });
});

describe("executeNotebook: a file that is not there", () => {
  it("names it as the project does, with the nearest name beside it and what to do", async () => {
    const project = tempProject();
    try {
      mkdirSync(join(project.root, "notebooks", "data"));
      writeFileSync(join(project.root, "notebooks", "data", "prices.csv"), "a\n1\n");
      const cell = appendCell(project.root, "01-price.ipynb", 'import { readFileSync } from "node:fs";\nreadFileSync("data/price.csv", "utf8");');
      const run = await executeNotebook(join(project.root, "notebooks", "01-price.ipynb"), { root: project.root, cache: false });
      expect(run.error).toMatchObject({ cell, ename: "Error" });
      expect(run.error?.frame).toContain("no file notebooks/data/price.csv; did you mean data/prices.csv? (a relative path is read from the notebook's folder, notebooks, as in Jupyter): create the file or correct the path.");
    } finally {
      project.remove();
    }
  });

  it("says the same under Deno, whose error names the path as the cell gave it (it said only 'NotFound: … readfile'), for Deno's own reads and node:fs", async () => {
    const project = tempProject();
    try {
      mkdirSync(join(project.root, "notebooks", "data"));
      writeFileSync(join(project.root, "notebooks", "data", "prices.csv"), "a\n1\n");
      const file = join(project.root, "notebooks", "01-price.ipynb");
      // The chapter for Deno's kernel: its kernelspec, and the API given Deno.jupyter rather than tslab.
      const notebook = JSON.parse(readFileSync(file, "utf8")) as { metadata: Record<string, unknown>; cells: { source: string }[] };
      notebook.metadata.kernelspec = { name: "deno", display_name: "Deno", language: "typescript" };
      for (const cell of notebook.cells) cell.source = cell.source.replace('import * as tslab from "tslab";\n', "").replace("notebook(tslab)", "notebook(Deno.jupyter)");
      expect(JSON.stringify(notebook)).not.toContain("tslab");
      writeFileSync(file, JSON.stringify(notebook));
      for (const read of ['Deno.readTextFileSync("data/price.csv");', 'import { readFileSync } from "node:fs";\nreadFileSync("data/price.csv", "utf8");']) {
        const cell = appendCell(project.root, "01-price.ipynb", read);
        const run = await executeNotebook(file, { root: project.root, cache: false });
        expect(run.error, JSON.stringify(run.error)).toMatchObject({ cell });
        expect(run.error?.frame).toContain("no file notebooks/data/price.csv; did you mean data/prices.csv? (a relative path is read from the notebook's folder, notebooks, as in Jupyter): create the file or correct the path.");
        const written = JSON.parse(readFileSync(file, "utf8")) as { cells: unknown[] };
        written.cells.pop();
        writeFileSync(file, JSON.stringify(written));
      }
    } finally {
      project.remove();
    }
  }, 120_000);
});

describe("executeNotebook: the public entries", () => {
  it("runs `../dist/model.js` from src/model/index.ts, so builds track the real sources", async () => {
    const run = await executeNotebook(join(FIXTURES, "model-entry.ipynb"));
    expect(run.status).toBe("ok");
    expect(stdout(codeCells(run.executed.cells)[0]?.outputs ?? [])).toBe("3 3 1.645\n");
    expect(run.modules).toContain("src/model/index.ts");
    expect(run.modules.some((module) => module.startsWith("dist/"))).toBe(false);
  });

  it("runs every public entry from src/, `../dist/fragmentation-tax.js` too, in a project without dist/", async () => {
    const project = tempProject();
    try {
      appendCell(project.root, "01-price.ipynb", 'import { CHIPS } from "../dist/fragmentation-tax.js";\nconsole.log(typeof CHIPS);');
      const run = await executeNotebook(join(project.root, "notebooks", "01-price.ipynb"), { root: project.root, cache: false });
      expect(run.error?.message).toBeUndefined();
      expect(run.modules).toContain("src/fragmentation-tax/index.ts");
      // The list is the whole closure: esbuild's pass over it finds nothing more, which is why a build
      // skips that pass when it fingerprints the run (build/cache/incremental.ts, `modulesClosed`).
      // (The project links src/, so the two lists may name a file by different paths: compared as real files.)
      const real = (paths: readonly string[]): string[] => [...new Set(paths.map((path) => realpathSync(join(project.root, path))))].sort();
      expect(real(await transitiveModules(project.root, run.modules))).toEqual(real(run.modules));
    } finally {
      project.remove();
    }
  });
});

describe("executeNotebook: display API", async () => {
  const run = await executeNotebook(join(FIXTURES, "display.ipynb"));
  const cells = codeCells(run.executed.cells);
  const data = (outputs: readonly Output[]) => outputs.flatMap((o) => (o.output_type === "display_data" ? [o.data] : []));

  it("emits one mime per display call, bytes as base64", () => {
    expect(data(cells[1]?.outputs ?? [])).toEqual([
      { "text/html": "<b>bold</b>" },
      { "text/markdown": "# Title" },
      { "text/plain": "plain text" },
      { "image/svg+xml": '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"></svg>' },
      { "image/png": Buffer.from([137, 80, 78, 71]).toString("base64") },
      { "text/latex": "$x^2$" },
    ]);
  });
  it("keeps a Vega-Lite spec as JSON data under its mime", () => {
    const [bundle] = data(cells[2]?.outputs ?? []);
    expect(bundle?.["application/vnd.vegalite.v5+json"]).toMatchObject({ mark: "bar", data: { values: [{ a: "A", b: 28 }, { a: "B", b: 55 }] } });
  });
  it("replaces a newDisplay's output in place on update", () => {
    expect(cells[3]?.outputs).toEqual([
      { output_type: "display_data", data: { "text/markdown": "**done**" }, metadata: {} },
      { output_type: "stream", name: "stdout", text: "between\n" },
    ]);
  });
  it("updates a display made in an earlier cell, in that cell", () => {
    expect(data(cells[4]?.outputs ?? [])).toEqual([{ "text/html": "<i>updated from a later cell</i>" }]);
    expect(cells[5]?.outputs).toEqual([{ output_type: "stream", name: "stdout", text: "after update\n" }]);
  });
});

describe("where tslab is weak", () => {
  it("resolves a shorthand property naming an earlier cell's variable (tslab: ReferenceError)", async () => {
    const file = temp.notebook("shorthand.ipynb", { cells: ["const waited = 5;", "({ waited })"] });
    const run = await executeNotebook(file);
    expect(resultText(codeCells(run.executed.cells)[1]?.outputs ?? [])).toBe("{ waited: 5 }");
  });
});

describe("realms and parallel runs", () => {
  it("runs notebooks in parallel without anything leaking between them", async () => {
    const polluter = temp.notebook("polluter.ipynb", {
      cells: [
        'import { bump } from "./lib/helper";\n(globalThis as any).leaked = 1;\n(Array.prototype as any).leakyMethod = () => 1;\nconst shared = "from polluter";\nbump();\nbump()',
      ],
    });
    const probe = temp.notebook("probe.ipynb", {
      cells: [
        'import { bump } from "./lib/helper";\nconsole.log(typeof (globalThis as any).leaked, typeof ([] as any).leakyMethod, typeof (globalThis as any).shared);\nbump()',
      ],
    });
    temp.write("lib/helper.ts", 'const counter = { value: 0 };\nexport function bump(): number {\n  return ++counter.value;\n}\n');
    const runs = await executeNotebooks([polluter, probe, polluter, probe], { concurrency: 2 });
    expect(runs.map((run) => run.status)).toEqual(["ok", "ok", "ok", "ok"]);
    const [first, second, third, fourth] = runs.map((run) => codeCells(run.executed.cells)[0]?.outputs ?? []);
    expect(resultText(first ?? [])).toBe("2");
    expect(resultText(third ?? [])).toBe("2");
    expect(stdout(second ?? [])).toBe("undefined undefined undefined\n");
    expect(resultText(second ?? [])).toBe("1");
    expect(stdout(fourth ?? [])).toBe("undefined undefined undefined\n");
  });
  it("runs the next notebook in a fresh thread when one leaves a timer running or changes process.env", async () => {
    const polluter = temp.notebook("timer.ipynb", {
      cells: ['process.env.FRAGTAX_LEAK = "1";\nsetInterval(() => console.log("tick from the polluter"), 1);\n"started"'],
    });
    const probe = temp.notebook("env-probe.ipynb", {
      cells: ["await new Promise((resolve) => setTimeout(resolve, 30));\nconsole.log(String(process.env.FRAGTAX_LEAK));"],
    });
    // One lane: the probe runs right after the polluter, on a thread the polluter could not leave anything in.
    const runs = await executeNotebooks([polluter, probe, probe], { concurrency: 1 });
    expect(runs.map((run) => run.status)).toEqual(["ok", "ok", "ok"]);
    for (const run of runs.slice(1)) expect(stdout(codeCells(run.executed.cells)[0]?.outputs ?? [])).toBe("undefined\n");
  });
});
