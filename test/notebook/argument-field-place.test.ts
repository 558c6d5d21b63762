/**
 * An error the notebook API throws about one field of the object it was given (`nb.figure({ id: "run
 * cost", … })`, a summary's p5 that is NaN, a claim's driver share) is located at that field's value in
 * the cell, not at the method's name the stack points to: the API marks the error with the field
 * (vocabulary/api-error-marks.ts), the engine finds its value in the call's object literal
 * (notebook/value-place.ts `argumentFieldAt`). The same in a Deno notebook, run in the real Deno runtime.
 */
import { afterAll, describe, expect, it } from "vitest";
import { argumentFieldAt } from "../../src/notebook/value-place";
import { tempProject } from "../project";
import { cellFailure } from "./cell-failure";

const project = tempProject();
afterAll(() => project.remove());

const failure = (cell: string, kernel: "tslab" | "deno" = "tslab") => cellFailure(project.root, "fields", cell, kernel);

const SUMMARY = "{ mean: 2, p5: 1, p25: 1.5, p50: 2, p75: 2.5, p95: 3 }";

describe("a field of nb.figure's or nb.claim's object the API refuses", () => {
  // Before: the caret was under `figure` (column 4), the same for every field of the call.
  it("is located at that field's value, with the code frame's caret under it", async () => {
    const error = await failure(`nb.figure({ id: "run cost", label: "Cost", unit: "USD", format: "usd", summary: ${SUMMARY} });`);
    expect(error).toMatchObject({ kind: "runtime", cell: 2, line: 1, column: 17 });
    expect(error?.evalue).toContain('"id" is "run cost"');
    expect(error?.frame).toContain('> 1 | nb.figure({ id: "run cost", label: "Cost", unit: "USD", format: "usd", summary:');
    expect(error?.frame).toMatch(/\n {4}\| {17}\^/);
  });

  it("inside a nested object on a later line, and at a variable where the object is not written out", async () => {
    const nested = await failure(`nb.figure({\n  id: "cost",\n  label: "Cost",\n  unit: "USD",\n  format: "usd",\n  summary: { mean: 2, p5: 0 / 0, p25: 1.5, p50: 2, p75: 2.5, p95: 3 },\n});`);
    expect(nested).toMatchObject({ cell: 2, line: 6, column: 27 });
    expect(nested?.evalue).toContain('"summary.p5" is NaN');
    const variable = await failure(`const s = { mean: 2, p5: 0 / 0, p25: 1.5, p50: 2, p75: 2.5, p95: 3 };\nnb.figure({ id: "cost", label: "Cost", unit: "USD", format: "usd", summary: s });`);
    expect(variable).toMatchObject({ cell: 2, line: 2, column: 77 });
  });

  it("a claim's driver share in a list, and a missing field stays at the call", async () => {
    const driver = await failure(`nb.claim({ id: "c", claim: "Costs $1", stated: { low: 1, high: 1 }, computed: { low: 1, high: 2 }, unit: "USD", format: "usd", verdict: "consistent", factor: 1,\n  drivers: ["a", { id: "b", share: JSON.parse('"half"') }] });`);
    expect(driver?.evalue).toContain("drivers[1].share");
    expect(driver).toMatchObject({ cell: 2, line: 2, column: 36 });
    const missing = await failure(`nb.figure({ id: "cost", unit: "USD", format: "usd", summary: ${SUMMARY} } as any);`);
    expect(missing).toMatchObject({ cell: 2, line: 1, column: 4 });
    expect(missing?.evalue).toContain('"label"');
    const typed = await failure(`nb.figure(({ id: "cost", label: 7, unit: "USD", format: "usd", summary: ${SUMMARY} }) as any);`);
    expect(typed?.evalue).toContain('"label"');
    expect(typed).toMatchObject({ cell: 2, line: 1, column: 33 });
  });
});

describe("a field the API refuses in a Deno notebook", () => {
  it("is located at its value too, as in a tslab notebook", async () => {
    const error = await failure(`nb.figure({ id: "run cost", label: "Cost", unit: "USD", format: "usd", summary: ${SUMMARY} });`, "deno");
    expect(error).toMatchObject({ kind: "runtime", cell: 2, line: 1, column: 17 });
    expect(error?.evalue).toContain('"id" is "run cost"');
  });
});

describe("argumentFieldAt", () => {
  const source = 'const x = 1;\nnb.figure({ id: "a b", summary: { p5: x, p95: [1, { z: 2 }] }, ...rest });\nfigure({ id: 3 });';
  it("follows the field's path through object and array literals from the call at the place", () => {
    expect(argumentFieldAt(source, { line: 2, column: 4 }, "id")).toEqual({ line: 2, column: 17 });
    expect(argumentFieldAt(source, { line: 2, column: 4 }, "summary.p5")).toEqual({ line: 2, column: 39 });
    expect(argumentFieldAt(source, { line: 2, column: 4 }, "summary.p95[1].z")).toEqual({ line: 2, column: 56 });
    expect(argumentFieldAt(source, { line: 3, column: 1 }, "id")).toEqual({ line: 3, column: 14 });
  });

  it("gives nothing for a field not written, one that is no path, or a place that is no call", () => {
    expect(argumentFieldAt(source, { line: 2, column: 4 }, "label")).toBeUndefined();
    expect(argumentFieldAt(source, { line: 2, column: 4 }, "value #2")).toBeUndefined();
    expect(argumentFieldAt(source, { line: 1, column: 1 }, "id")).toBeUndefined();
  });
});
