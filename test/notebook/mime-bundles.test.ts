/**
 * A display whose bundle nbformat's schema refuses: `Deno.jupyter.display({ "text/plain": 5 }, { raw:
 * true })` or `tslab.display.raw("text/plain", 5)` was written as given (`"text/plain": 5`), as both
 * kernels do, and JupyterLab and the report then showed nothing for it. A text mime now holds text.
 */
import { afterAll, describe, expect, it } from "vitest";
import { executeNotebooks } from "../../src/notebook/execute-many";
import { validMimeBundle, type Output } from "../../src/notebook/nbformat";
import { TempDir } from "./helpers";

const temp = new TempDir();
afterAll(() => temp.cleanup());

describe("a display's mime bundle", () => {
  it("holds text under a text mime, JSON data under a JSON mime", () => {
    const spec = { mark: "bar", data: { values: [{ a: 1 }] } };
    expect(validMimeBundle({ "text/plain": 5, "text/html": ["<b>", "x</b>"], "text/markdown": { a: 1 }, "application/vnd.vegalite.v5+json": spec, "application/json": [1, 2] })).toEqual({
      "text/plain": "5",
      "text/html": "<b>x</b>",
      "text/markdown": '{"a":1}',
      "application/vnd.vegalite.v5+json": spec,
      "application/json": [1, 2],
    });
    // No bundle at all: its text.
    expect(validMimeBundle(5)).toEqual({ "text/plain": "5" });
    expect(validMimeBundle(null)).toEqual({ "text/plain": "null" });
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(validMimeBundle({ "text/plain": cycle })).toEqual({ "text/plain": "[object Object]" });
  });

  it("is written as text when a tslab cell and a Deno cell display a number raw", async () => {
    const tslab = temp.notebook("raw-tslab.ipynb", { cells: ['import * as tslab from "tslab";\ntslab.display.raw("text/plain", 5 as unknown as string);'] });
    const deno = temp.notebook("raw-deno.ipynb", { kernel: { name: "deno", language: "typescript" }, cells: ['await Deno.jupyter.display({ "text/plain": 5 }, { raw: true });\nawait Deno.jupyter.display(7, { raw: true });'] });
    const runs = await executeNotebooks([tslab, deno]);
    const data = (i: number): unknown[] => {
      const cell = runs[i]?.executed.cells[0];
      const outputs: readonly Output[] = cell?.cell_type === "code" ? cell.outputs : [];
      return outputs.flatMap((o) => (o.output_type === "display_data" ? [o.data] : []));
    };
    expect(runs.map((r) => r?.error)).toEqual([undefined, undefined]);
    expect(data(0)).toEqual([{ "text/plain": "5" }]);
    expect(data(1)).toEqual([{ "text/plain": "5" }, { "text/plain": "7" }]);
  });
});
