import { describe, expect, it } from "vitest";
import { headlineFigures, pretty } from "../../src/report/records";

describe("headlineFigures", () => {
  const figures = [
    { id: "a_later_chapter", notebook: "notebooks/01.ipynb", cell: 1 },
    { id: "summary_second", notebook: "notebooks/00.ipynb", cell: 7 },
    { id: "summary_first", notebook: "notebooks/00.ipynb", cell: 3 },
    { id: "summary_third", notebook: "notebooks/00.ipynb", cell: 9 },
  ];

  it("takes the first chapter's figures in the order its cells declared them, not by id", () => {
    expect(headlineFigures(figures, "notebooks/00.ipynb", 2).map((f) => f.id)).toEqual(["summary_first", "summary_second"]);
  });

  it("falls back to all figures when the first chapter declared none", () => {
    expect(headlineFigures(figures, "notebooks/99.ipynb", 1).map((f) => f.id)).toEqual(["a_later_chapter"]);
  });
});

describe("the build's JSON files", () => {
  it("write DEL, C1 controls and line separators as \\u escapes: the same value, and nothing a terminal runs when the file is shown", () => {
    const label = "cost \u009b31m red \u007f \u0085 \u2028 <script>";
    const text = pretty({ label });
    expect(text).toBe('{\n  "label": "cost \\u009b31m red \\u007f \\u0085 \\u2028 <script>"\n}\n');
    expect(/[\u007f-\u009f\u2028\u2029]/.test(text)).toBe(false);
    expect((JSON.parse(text) as { label: string }).label).toBe(label);
  });
});
