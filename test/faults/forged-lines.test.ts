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
});
