/**
 * Math.random in a notebook is seeded from the notebook's name, in the tslab realm and in Deno: a model
 * that drew from it moved its median between two builds of the same inputs (the report was not
 * reproducible). Two notebooks of different names draw differently; a notebook run twice, the same.
 */
import { afterAll, describe, expect, it } from "vitest";
import { executeNotebooks } from "../../src/notebook/execute-many";
import type { Notebook } from "../../src/notebook/nbformat";
import { TempDir } from "./helpers";

const temp = new TempDir();
afterAll(() => temp.cleanup());

const DRAWS = "Array.from({ length: 3 }, () => Math.random().toFixed(6)).join(\" \")";

/** The text of the first cell's value. */
const shown = (notebook: Notebook | undefined): string => {
  const cell = notebook?.cells[0];
  const output = cell?.cell_type === "code" ? cell.outputs.find((o) => o.output_type === "execute_result") : undefined;
  const text = output?.output_type === "execute_result" ? output.data["text/plain"] : undefined;
  return Array.isArray(text) ? text.join("") : String(text);
};

describe("Math.random in a notebook", () => {
  for (const kernel of [undefined, { name: "deno", language: "typescript" }]) {
    it(`gives the same draws on every run of a notebook, others in another notebook (${kernel?.name ?? "tslab"})`, async () => {
      const suffix = kernel?.name ?? "tslab";
      const a = temp.notebook(`draws-a-${suffix}.ipynb`, { ...(kernel !== undefined && { kernel }), cells: [DRAWS] });
      const b = temp.notebook(`draws-b-${suffix}.ipynb`, { ...(kernel !== undefined && { kernel }), cells: [DRAWS] });
      const [first, other] = await executeNotebooks([a, b]);
      const [again] = await executeNotebooks([a]);
      expect(shown(first?.executed)).toMatch(/^['"]?0\.\d{6} 0\.\d{6} 0\.\d{6}['"]?$/);
      expect(shown(again?.executed)).toBe(shown(first?.executed));
      expect(shown(other?.executed)).not.toBe(shown(first?.executed));
    }, 60_000);
  }
});
