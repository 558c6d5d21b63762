/**
 * A cell ending in `nb.figure({ … })` or `nb.claim({ … })` showed, as its trailing value, the record
 * as an object literal (six lines for a point value, a dozen for a summary), in Jupyter and in the
 * report under the figure's own display. The value now reads as one line in real tslab and in
 * fragtax alike, and the report leaves it out (it is the figure said twice).
 */
import { execFile } from "node:child_process";
import { readFileSync, symlinkSync } from "node:fs";
import { delimiter, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { cellText, type Notebook, type Output } from "../../src/notebook/nbformat";
import { appendCell, tempProject } from "../project";
import { fragtax } from "../published-project";

const root = join(import.meta.dirname, "..", "..");
const project = tempProject();
afterAll(() => project.remove());
symlinkSync(join(root, "dist"), join(project.root, "dist"), "dir");
const figureCell = appendCell(project.root, "01-price.ipynb", 'nb.figure({ id: "trailing_cost", label: "Trailing <b>cost</b>", unit: "USD", format: "usd", value: 5e6 })');
// The fixture's claim cell already ends in nb.claim(…).
const CLAIM_NOTEBOOK = "02-claims.ipynb";

/** Each cell's trailing value as text: an execute_result's text/plain, or what tslab printed of it. */
function values(notebook: Notebook): string[] {
  return notebook.cells.map((cell) =>
    cell.cell_type !== "code"
      ? ""
      : cell.outputs
          .map((o: Output) => (o.output_type === "execute_result" ? cellText(o.data["text/plain"] as string) : o.output_type === "stream" && o.name === "stdout" ? cellText(o.text) : ""))
          .join("")
          .trim(),
  );
}

describe("a trailing nb.figure or nb.claim", () => {
  it("shows one line under fragtax run, marked for the report to leave out", async () => {
    const result = await fragtax(["run", join(project.root, "notebooks", "01-price.ipynb"), "--out", "-"], { cwd: project.root });
    expect(result.code, result.stderr).toBe(0);
    const executed = JSON.parse(result.stdout) as Notebook;
    expect(values(executed)[figureCell - 1]).toBe("figure trailing_cost: $5M");
    const cell = executed.cells[figureCell - 1];
    const outputs = cell?.cell_type === "code" ? cell.outputs : [];
    expect(outputs.map((o) => o.output_type)).toEqual(["display_data", "execute_result"]);
    expect(outputs[1]).toMatchObject({ metadata: { "fragtax-shown": true } });
    const claims = JSON.parse((await fragtax(["run", join(project.root, "notebooks", CLAIM_NOTEBOOK), "--out", "-"], { cwd: project.root })).stdout) as Notebook;
    expect(values(claims)).toContain("claim claim_run_cost: overstated");
  });

  it("shows the same line under real Jupyter with tslab", async () => {
    const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}` };
    const out = join(project.root, "jupyter");
    for (const name of ["01-price.ipynb", CLAIM_NOTEBOOK]) {
      await promisify(execFile)("/usr/bin/jupyter", ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=tslab", "--output-dir", out, name], { cwd: join(project.root, "notebooks"), env, timeout: 240_000 });
    }
    const theirs = JSON.parse(readFileSync(join(out, "01-price.ipynb"), "utf8")) as Notebook;
    expect(values(theirs)[figureCell - 1]).toBe("figure trailing_cost: $5M");
    expect(values(JSON.parse(readFileSync(join(out, CLAIM_NOTEBOOK), "utf8")) as Notebook)).toContain("claim claim_run_cost: overstated");
  }, 300_000);

  it("is left out of the report, where the figure shows once", async () => {
    const result = await fragtax(["build", "--no-pdf"], { cwd: project.root });
    expect(result.code, result.stderr).toBe(0);
    const page = readFileSync(join(project.root, "out", "build", "report.html"), "utf8");
    expect(page).toContain('data-figure-id="trailing_cost"');
    expect(page).toContain("Trailing &lt;b&gt;cost&lt;/b&gt;");
    expect(page).not.toContain("figure trailing_cost:");
    expect(page).not.toContain("claim claim_run_cost:");
    expect(page).not.toContain("id: &#39;trailing_cost&#39;");
  });
});
