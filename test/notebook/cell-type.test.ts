/**
 * A notebook edited by hand with a cell type Jupyter does not have ("Markdown"): refused with the
 * cell's number, the type it meant and the three there are (it said only `unknown cell_type "Markdown"`).
 */
import { describe, expect, it } from "vitest";
import { NotebookFormatError, parseNotebook } from "../../src/notebook/nbformat";

const notebook = (type: unknown): string => JSON.stringify({ cells: [{ cell_type: "code", metadata: {}, source: "1", outputs: [], execution_count: null }, { cell_type: type, metadata: {}, source: "# Title" }], metadata: {}, nbformat: 4, nbformat_minor: 5 });

function refusal(type: unknown): string {
  try {
    parseNotebook(notebook(type), "notebooks/x.ipynb");
  } catch (error) {
    expect(error).toBeInstanceOf(NotebookFormatError);
    return (error as Error).message;
  }
  throw new Error("accepted");
}

describe("an unknown cell type", () => {
  it("is refused at its cell with the type meant: another case, or a typo", () => {
    expect(refusal("Markdown")).toBe('notebooks/x.ipynb: cell 2: unknown cell_type "Markdown"; did you mean "markdown"? A cell\'s type is "code", "markdown" or "raw"');
    expect(refusal("makdown")).toContain('; did you mean "markdown"?');
    expect(refusal("picture")).toBe('notebooks/x.ipynb: cell 2: unknown cell_type "picture": a cell\'s type is "code", "markdown" or "raw"');
    expect(refusal(7)).toBe('notebooks/x.ipynb: cell 2: unknown cell_type 7: a cell\'s type is "code", "markdown" or "raw"');
  });
});
