/**
 * An error the notebook API throws about one value of a template (`nb.md\`… ${value} …\``: undefined,
 * NaN, an object) is located at that value's `${…}` in the cell, not at the tag the stack points to:
 * the API marks the error with the value's index (vocabulary/api-error-marks.ts), the engine finds that
 * `${…}` in the cell's syntax tree (notebook/string-literals.ts `placeholderAt`). The same in a Deno
 * notebook, run in the real Deno runtime.
 */
import { afterAll, describe, expect, it } from "vitest";
import { placeholderAt } from "../../src/notebook/string-literals";
import { tempProject } from "../project";
import { cellFailure } from "./cell-failure";

const project = tempProject();
afterAll(() => project.remove());

const failure = (cell: string, kernel: "tslab" | "deno" = "tslab") => cellFailure(project.root, "placeholders", cell, kernel);

describe("an nb.md value the API refuses", () => {
  it("is located at its ${…}, with the code frame's caret under it", async () => {
    const error = await failure("const stats = { mean: 3 } as { mean: number; p95?: number };\nnb.md`The mean is ${stats.mean} and the high end is ${stats.p95}.`;");
    expect(error).toMatchObject({ kind: "runtime", cell: 2, line: 2, column: 55 });
    expect(error?.evalue).toContain("nb.md: value #2 is undefined");
    expect(error?.frame).toContain("> 2 | nb.md`The mean is ${stats.mean} and the high end is ${stats.p95}.`;\n    |                                                       ^");
  });

  it("in a template over several lines, and a NaN (refused by another check) too", async () => {
    const error = await failure("const share = 0 / 0;\nnb.md`First line ${1},\nsecond line ${share}.`;");
    expect(error).toMatchObject({ cell: 2, line: 3, column: 15 });
    expect(error?.evalue).toContain('nb.md: "value #2" is NaN');
  });
});

describe("an nb.md value the API refuses in a Deno notebook", () => {
  // Before: located at the template's tag (column 4), as the stack has it: Deno's runner dropped the value's index.
  it("is located at its ${…} too, as in a tslab notebook", async () => {
    const error = await failure("const stats = { mean: 3 } as { mean: number; p95?: number };\nnb.md`The mean is ${stats.mean} and the high end is ${stats.p95}.`;", "deno");
    expect(error).toMatchObject({ kind: "runtime", cell: 2, line: 2, column: 55 });
    expect(error?.evalue).toContain("nb.md: value #2 is undefined");
    expect(error?.frame).toContain("> 2 | nb.md`The mean is ${stats.mean} and the high end is ${stats.p95}.`;\n    |                                                       ^");
  });
});

describe("placeholderAt", () => {
  const source = "const a = 1;\nnb.md`x ${a} y ${nb.mdFragment`inner ${a}`} z ${b}`;";
  it("takes the template whose tag the call points at, the outer one around a nested template", () => {
    expect(placeholderAt(source, 2, { line: 2, column: 4 })).toEqual({ line: 2, column: 49 });
    expect(placeholderAt(source, 0, { line: 2, column: 4 })).toEqual({ line: 2, column: 11 });
  });

  it("gives nothing for a value the template does not have, or a place outside any template", () => {
    expect(placeholderAt(source, 5, { line: 2, column: 4 })).toBeUndefined();
    expect(placeholderAt(source, 0, { line: 1, column: 1 })).toBeUndefined();
  });
});
