/**
 * tslab conformance: every case of test/fixtures/conformance/cases.ts (derived from tslab's own
 * specs) run by fragtax and compared, cell by cell, with real tslab's recording under nbconvert
 * (test/fixtures/conformance/golden/, re-recorded by `npm run conformance:record`):
 *  - where the notebook stopped (tslab aborts the cells after a failing one; fragtax marks them not run),
 *  - stdout (tslab prints a trailing value to stdout; fragtax makes it an execute_result), stderr
 *    and display bundles of every cell that ran,
 *  - the failing cell's error: its message (and for a type error its line:column) as tslab printed it.
 * A case in DIFFERENCES is a deliberate difference, listed in the README; its test asserts
 * fragtax's own behaviour, so the list cannot go stale silently.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { NotebookRunResult } from "../../src/notebook/execute";
import { executeNotebooks } from "../../src/notebook/execute-many";
import type { Cell, Output } from "../../src/notebook/nbformat";
import { CASES } from "../fixtures/conformance/cases";

const folder = join(import.meta.dirname, "..", "fixtures", "conformance");
const names = Object.keys(CASES);

/** Deliberate differences from tslab (README, "Differences from tslab"), each with what fragtax does instead. */
const DIFFERENCES: Readonly<Record<string, { readonly why: string; readonly check: (run: NotebookRunResult) => void }>> = {
  "jsx-pragma": {
    why: "fragtax type-checks with the project's tsconfig.json (strict here), tslab with its own lenient options: code tslab accepts can be refused",
    check: (run) => expect(run.error).toMatchObject({ kind: "type", cell: 1, ename: "TS7026" }),
  },
  "require-is-an-ordinary-name": {
    why: "a cell may declare `require` (tslab's CommonJS wrapper fails: Identifier 'require' has already been declared)",
    check: (run) => {
      expect(run.status).toBe("ok");
      const cell = run.executed.cells[0];
      expect(cell?.cell_type === "code" ? cell.outputs : []).toMatchObject([{ output_type: "execute_result", data: { "text/plain": "123" } }]);
    },
  },
  "top-level-for-await": {
    why: "a cell may use a top-level `for await` loop (tslab fails it: SyntaxError: Unexpected reserved word)",
    check: (run) => {
      expect(run.status).toBe("ok");
      const cell = run.executed.cells[0];
      expect(cell?.cell_type === "code" ? cell.outputs : []).toMatchObject([{ output_type: "stream", name: "stdout", text: "1\n2\n" }]);
    },
  },
  "unhandled-rejection": {
    why: "a promise rejected with nothing to handle it fails the cell running when Node reports it",
    // The cell that made the promise: Node reports the rejection once its microtasks are done, and the next cell waits for that.
    check: (run) => expect(run.error).toMatchObject({ kind: "runtime", cell: 1, ename: "Error", evalue: "nobody awaits this (a promise that nothing awaited was rejected: await it, or handle it with .catch)" }),
  },
  "long-output": {
    why: "a long output is kept whole",
    check: (run) => {
      const cell = run.executed.cells[0];
      const text = cell?.cell_type === "code" ? cell.outputs.map((o) => (o.output_type === "stream" ? joined(o.text) : "")).join("") : "";
      expect(text.split("\n")).toHaveLength(2001);
      expect(text.endsWith("line 1999\n")).toBe(true);
    },
  },
  "declarations-are-globals": {
    why: "a cell's top-level declarations are properties of `globalThis`",
    check: (run) => {
      const cell = run.executed.cells[0];
      expect(cell?.cell_type === "code" ? cell.outputs : []).toMatchObject([{ output_type: "execute_result", data: { "text/plain": "5" } }]);
    },
  },
  "trailing-arrow-function-name": {
    why: "a trailing anonymous function is shown as `[Function (anonymous)]`",
    check: (run) => {
      const cell = run.executed.cells[0];
      expect(cell?.cell_type === "code" ? cell.outputs : []).toMatchObject([{ output_type: "execute_result", data: { "text/plain": "[Function (anonymous)]" } }]);
    },
  },
  "syntax-error-in-later-cell": {
    why: "fragtax compiles every cell before running any: a syntax error in a later cell is reported before the first cell runs",
    check: (run) => {
      expect(run.error).toMatchObject({ kind: "syntax", cell: 2 });
      expect(run.cellsRun).toBe(0);
    },
  },
};

const joined = (value: unknown): string => (Array.isArray(value) ? value.join("") : String(value ?? ""));

interface CellView {
  readonly stdout: string;
  readonly stderr: string;
  readonly displays: unknown[];
  readonly silent: boolean;
}

function view(outputs: readonly Output[]): CellView {
  const stream = (name: string): string => outputs.map((o) => (o.output_type === "stream" && o.name === name ? joined(o.text) : "")).join("");
  const results = outputs.map((o) => (o.output_type === "execute_result" ? `${joined(o.data["text/plain"])}\n` : "")).join("");
  const displays = outputs.flatMap((o) => (o.output_type === "display_data" ? [Object.fromEntries(Object.entries(o.data).map(([mime, data]) => [mime, typeof data === "object" && !Array.isArray(data) ? data : joined(data)]))] : []));
  return { stdout: stream("stdout") + results, stderr: stream("stderr"), displays, silent: outputs.length === 0 };
}

/**
 * tslab's recording: the 1-based cell that failed — the first that wrote to stderr (tslab prints a
 * cell's type or runtime error there; no case writes to stderr otherwise). Whether tslab then runs
 * the next cells depends on timing (it drops requests that arrive within 200 ms of an error), so
 * cells after a failure are not compared.
 */
/** A message without the machine's own path to the cases (a rootDir error names the files absolutely, as recorded there). */
function machineFree(text: string): string {
  return text.replace(/'[^'\n]*?[\\/]test[\\/]fixtures[\\/]conformance[\\/]/g, "'<conformance>/");
}

function tslabFailure(cells: readonly CellView[]): number | undefined {
  const index = cells.findIndex((cell) => cell.stderr !== "");
  return index === -1 ? undefined : index + 1;
}

describe("tslab conformance (golden recordings of real tslab under nbconvert)", () => {
  let runs: NotebookRunResult[] = [];
  beforeAll(async () => {
    runs = await executeNotebooks(names.map((name) => join(folder, "notebooks", `${name}.ipynb`)), { timeoutMs: 20_000 });
  }, 600_000);

  it("has a golden recording for every case", () => {
    for (const name of names) expect(() => readFileSync(join(folder, "golden", `${name}.ipynb`)), name).not.toThrow();
  });

  it.each(names.map((name, index) => [name, index] as const))("%s", (name, index) => {
    const run = runs[index] as NotebookRunResult;
    const difference = DIFFERENCES[name];
    if (difference) return difference.check(run);
    const golden = JSON.parse(readFileSync(join(folder, "golden", `${name}.ipynb`), "utf8")) as { cells: Cell[] };
    const theirs = golden.cells.map((cell) => view(cell.cell_type === "code" ? cell.outputs : []));
    const ours = run.executed.cells.map((cell) => (cell.cell_type === "code" ? cell : undefined));
    const failed = tslabFailure(theirs);
    expect(run.error?.cell, `${name}: the cell that fails (tslab: ${failed ?? "none"}); fragtax: ${run.error?.message ?? "none"}`).toBe(failed);
    theirs.forEach((expected, position) => {
      const cell = ours[position];
      const label = `${name}, cell ${position + 1}`;
      if (failed !== undefined && position + 1 > failed) {
        expect(cell?.metadata.fragtax, `${label}: not run after the failure`).toEqual({ status: "not-run" });
        return;
      }
      if (position + 1 === failed) {
        const error = run.error;
        expect(error, label).toBeDefined();
        // A TypeScript error (ename TSnnnn): tslab prints "line:column - message" (first line of a chain).
        const typescript = /^TS\d+$/.test(error?.ename ?? "");
        const message = machineFree((typescript && error?.line === undefined ? (error?.evalue ?? "").replace(/^.*?:\d+:\d+: /, "") : (error?.evalue ?? "")).split("\n")[0] ?? "");
        const printed = machineFree(expected.stderr);
        expect(printed, `${label}: tslab printed the same error`).toContain(message);
        if (typescript && error?.line !== undefined) expect(printed, label).toContain(`${error.line}:${error.column} - ${message}`);
        return;
      }
      const actual = view(cell?.outputs ?? []);
      expect({ stdout: actual.stdout, stderr: actual.stderr, displays: actual.displays }, label).toEqual({ stdout: expected.stdout, stderr: expected.stderr, displays: expected.displays });
    });
  });

  it("lists each documented difference once, for a case that exists", () => {
    for (const name of Object.keys(DIFFERENCES)) expect(names).toContain(name);
    const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
    for (const { why } of Object.values(DIFFERENCES)) expect(readme.replace(/\s+/g, " ")).toContain(why.split(":")[0] as string);
  });
});
