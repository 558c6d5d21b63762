/**
 * A name from the project's files or a chart's spec put into a one-line message keeps to its line: a
 * line break in it is shown as \x0a, so it cannot print a line of its own ("warning: …", "ok …")
 * that fragtax never wrote. (A cell's own error message may span lines; it is the cell's text.)
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendCell, tempFolders } from "../project";
import { fragtax } from "../published-project";

const temp = tempFolders();
const FORGED = "x\nwarning: forged.csv";
const lines = (output: string): string[] => output.split("\n");

describe("a line break in a name the build prints", () => {
  it("a data file whose name holds one is named on the execute line, the break shown as \\x0a", async () => {
    const { root } = temp.project();
    writeFileSync(join(root, "notebooks", FORGED), "a,b\n1,2\n");
    appendCell(root, "01-price.ipynb", `import { readFileSync } from "node:fs";\nnb.md\`Rows: \${readFileSync(${JSON.stringify(FORGED)}, "utf8").length}.\`;`);
    expect((await fragtax(["build", "--no-pdf"], { cwd: root })).code).toBe(0);
    writeFileSync(join(root, "notebooks", FORGED), "a,b\n1,3\n4,5\n");
    const rebuilt = await fragtax(["build", "--no-pdf"], { cwd: root });
    expect(rebuilt.code).toBe(0);
    const output = `${rebuilt.stdout}${rebuilt.stderr}`;
    expect(output).toContain("re-ran: data file notebooks/x\\x0awarning: forged.csv changed)");
    expect(lines(output).filter((line) => line.startsWith("warning:"))).toEqual([]);
  }, 120_000);

  it("a chart field named with one and missing from the data fails run and build on one line each", async () => {
    const { root } = temp.project();
    const field = "cost\nwarning: forged";
    appendCell(root, "01-price.ipynb", `nb.chart({ data: { values: [{ day: "a", cost: 1 }] }, mark: "bar", encoding: { x: { field: "day", type: "nominal" }, y: { field: ${JSON.stringify(field)}, type: "quantitative" } } });`);
    const ran = await fragtax(["run", "notebooks/01-price.ipynb"], { cwd: root });
    expect(ran.code).toBe(1);
    const error = 'chart field "cost\\x0awarning: forged" (at encoding.y.field) is not in the chart\'s data; did you mean "cost"?';
    expect(ran.stderr).toContain(error);
    const built = await fragtax(["build", "--no-pdf"], { cwd: root });
    expect(built.code).toBe(1);
    expect(built.stderr).toContain(error);
    for (const { stdout, stderr } of [ran, built]) expect(lines(`${stdout}${stderr}`).filter((line) => line.startsWith("warning: forged"))).toEqual([]);
  }, 120_000);

  it("a chart field named with one that the data has: Vega-Lite cannot compile it into its tooltip, and that failure is one line", async () => {
    const { root } = temp.project();
    const field = "cost\nwarning: forged";
    appendCell(root, "01-price.ipynb", `nb.chart({ data: { values: [{ day: "a", ${JSON.stringify(field)}: 1 }] }, mark: "bar", encoding: { x: { field: "day", type: "nominal" }, y: { field: ${JSON.stringify(field)}, type: "quantitative" } } });`);
    const built = await fragtax(["build", "--no-pdf"], { cwd: root });
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/cell \d+: the Vega-Lite chart could not be rendered: .*cost\\x0awarning: forged/);
    expect(lines(`${built.stdout}${built.stderr}`).filter((line) => line.startsWith("warning: forged"))).toEqual([]);
  }, 120_000);
});
