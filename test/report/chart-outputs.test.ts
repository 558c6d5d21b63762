/** Where a chart warning points in the cell: the one place a field's name is written (chart-outputs.ts). */
import { describe, expect, it } from "vitest";
import { literalLocator } from "../../src/report/chart-outputs";

describe("literalLocator (a chart warning's place in the cell)", () => {
  it("finds a literal that occurs once, in any quotes; none when it occurs twice or not at all", () => {
    const locate = literalLocator("notebooks/x.ipynb", 3, 'const a = 1;\nnb.chart({ encoding: { y: { field: "cuont" }, x: { field: `when` } } });\nconst t = \'twice\' + "twice";');
    expect(locate("cuont")).toBe("notebooks/x.ipynb: cell 3, line 2, column 36");
    expect(locate("when")).toBe("notebooks/x.ipynb: cell 3, line 2, column 59");
    expect(locate("twice")).toBeUndefined();
    expect(locate("absent")).toBeUndefined();
  });
});
