// `fragtax check` over the report's own notebooks (the chapters of notebooks/report.yaml, else
// notebooks/*.ipynb) is part of `npm test`: a type error in a chapter fails the suite with its
// notebook / cell / line. Before the content lands the list is empty and this checks nothing more.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkNotebooks, formatDiagnostic, reportNotebooks } from "../../src/notebook/check";

const root = join(import.meta.dirname, "..", "..");

describe("the report's notebooks", () => {
  it("type-check with tslab's rules", () => {
    const notebooks = reportNotebooks(root);
    expect(checkNotebooks(notebooks, { root, includeSrc: false }).map(formatDiagnostic)).toEqual([]);
  });
});
