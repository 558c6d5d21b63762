/**
 * `run` and `build` refuse a notebook at its first type error (the cells from it on do not run) and
 * show that one in full; the type errors of later cells are counted under it, with the command that
 * lists them all, so a newcomer fixing one is not surprised by the next.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { appendCell, tempProject, type TempProject } from "../project";

const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.cjs");
let project: TempProject | undefined;
afterEach(() => project?.remove());

describe("type errors after the first", () => {
  it("are counted under the first, with `fragtax check` to list them", () => {
    project = tempProject();
    const { root } = project;
    const first = appendCell(root, "01-price.ipynb", 'const price: number = "two";');
    appendCell(root, "01-price.ipynb", 'const count: string = 3;\nconst more: boolean = "yes";');
    appendCell(root, "01-price.ipynb", "const fine = 1 + 1;");
    appendCell(root, "01-price.ipynb", "const last: number = null as unknown as string;");
    const run = spawnSync(process.execPath, [CLI, "run", "notebooks/01-price.ipynb", "--out", "-"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`notebooks/01-price.ipynb: cell ${first}, line 1, column 7: TS2322: Type 'string' is not assignable to type 'number'.`);
    expect(run.stderr).toContain("(and 3 more type errors in 2 later cells: `fragtax check notebooks/01-price.ipynb` lists them)");
    // check lists each of them, as said.
    const check = spawnSync(process.execPath, [CLI, "check", "notebooks/01-price.ipynb"], { cwd: root, encoding: "utf8" });
    expect(check.status).toBe(1);
    expect(check.stderr.match(/TS2322/g)).toHaveLength(4);
    // From the notebooks' folder, the command names the notebook as that shell does, and runs there.
    const inside = spawnSync(process.execPath, [CLI, "run", "01-price.ipynb", "--out", "-"], { cwd: join(root, "notebooks"), encoding: "utf8" });
    expect(inside.stderr).toContain("`fragtax check 01-price.ipynb` lists them");
    expect(spawnSync(process.execPath, [CLI, "check", "01-price.ipynb"], { cwd: join(root, "notebooks"), encoding: "utf8" }).stderr.match(/TS2322/g)).toHaveLength(4);
  }, 60_000);

  it("say nothing more when the first is the only one", () => {
    project = tempProject();
    const { root } = project;
    appendCell(root, "01-price.ipynb", 'const price: number = "two";');
    const run = spawnSync(process.execPath, [CLI, "run", "notebooks/01-price.ipynb", "--out", "-"], { cwd: root, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("TS2322");
    expect(run.stderr).not.toContain("later cell");
  }, 60_000);
});
