/**
 * `fragtax check` and `fragtax run` and the images a notebook's markdown shows (dist/cli.cjs in a temp
 * project): each reports an image a build would refuse (missing, outside the project, not an image,
 * remote) with the build's own located message and a code frame, and exits 1. check judges the
 * markdown cells (it runs nothing); run also the markdown its cells displayed, and still writes the
 * executed notebook. A cell left out of the report (`remove-cell`) is left out here too.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendCell, appendMarkdown, tempProject } from "../project";

const cli = join(import.meta.dirname, "..", "..", "dist", "cli.cjs");
const FOX = join(import.meta.dirname, "..", "fixtures", "charts-data", "ffox.png");
const NOTEBOOK = "01-price.ipynb";
const project = tempProject();
const outside = `${project.root}-outside.png`;
const fragtax = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: "utf8", cwd: project.root, timeout: 120_000 });

let original = "";
beforeAll(() => {
  copyFileSync(FOX, join(project.root, "notebooks", "pic.png"));
  copyFileSync(FOX, outside);
  writeFileSync(join(project.root, "notebooks", "notes.png"), "not an image");
  original = readFileSync(join(project.root, "notebooks", NOTEBOOK), "utf8");
});
afterAll(() => {
  project.remove();
  rmSync(outside, { force: true });
});

describe("images a build would refuse", () => {
  let cell = 0;
  let code = 0;
  /** The build's messages about images, one per image (its cell error lines). */
  let built: string[] = [];

  beforeAll(() => {
    const away = `../../${outside.split("/").pop() ?? ""}`;
    cell = appendMarkdown(project.root, NOTEBOOK, `Fine: ![fox](pic.png)\n\n![gone](missing.png)\nand ![out](${away})\n![text](notes.png)\n<img src="https://example.com/a.png" alt="remote"> ![by reference][old]\n\n[old]: img/old.png`);
    appendMarkdown(project.root, NOTEBOOK, "Left out of the report: ![hidden](hidden.png)", ["remove-cell"]);
    code = appendCell(project.root, NOTEBOOK, "nb.md`Shown by code: ![gone too](gone.png)`;");
    const build = fragtax("build", "--no-pdf", "--root", project.root);
    expect(build.status, build.stderr).toBe(1);
    built = build.stderr.split("\n").filter((line) => line.startsWith(`notebooks/${NOTEBOOK}: cell `) && /image/.test(line));
    expect(built).toHaveLength(6);
  }, 120_000);

  it("fragtax check reports those of the markdown cells in the build's words, each with a code frame (exit 1)", () => {
    const check = fragtax("check");
    expect(check.status, check.stderr).toBe(1);
    const inCell = built.filter((line) => line.startsWith(`notebooks/${NOTEBOOK}: cell ${cell}, `));
    expect(inCell).toHaveLength(5);
    for (const line of inCell) expect(check.stderr).toContain(line);
    expect(check.stderr).toContain(`notebooks/${NOTEBOOK}: cell ${cell}, line 3, column 9: the image "missing.png" was not found (notebooks/missing.png)`);
    expect(check.stderr).toContain(`notebooks/${NOTEBOOK}: cell ${cell}, line 8, column 8: the image "img/old.png" was not found`);
    expect(check.stderr).toContain(["> 3 | ![gone](missing.png)", "    |         ^"].join("\n"));
    // The markdown a cell displays is known only by running it; a removed cell is not in the report.
    expect(check.stderr).not.toMatch(/gone\.png|hidden\.png/);
    expect(check.stderr).toContain("check failed: 5 images in markdown that the report cannot inline");
  }, 120_000);

  it("fragtax run reports them all, the displayed markdown's too, and still writes the executed notebook (exit 1)", () => {
    const out = join(project.root, "out", "run.ipynb");
    const run = fragtax("run", join(project.root, "notebooks", NOTEBOOK), "--out", out);
    expect(run.status, run.stderr).toBe(1);
    for (const line of built) expect(run.stderr).toContain(line);
    expect(run.stderr).toContain(`notebooks/${NOTEBOOK}: cell ${code}, line 1, column 34: the image "gone.png" was not found`);
    expect(run.stderr).not.toContain("hidden.png");
    expect(run.stderr.trimEnd().split("\n").at(-2)).toBe("6 images in its markdown (above) cannot be inlined into the report: `fragtax build` fails at them");
    expect(run.stderr.trimEnd().split("\n").at(-1)).toMatch(/^wrote /); // what it wrote is said last
    expect(existsSync(out)).toBe(true);
  }, 120_000);

  it("both pass a notebook whose images can all be inlined (exit 0)", () => {
    writeFileSync(join(project.root, "notebooks", NOTEBOOK), original);
    appendMarkdown(project.root, NOTEBOOK, "![fox](pic.png) ![again][fox]\n\n[fox]: <pic.png>");
    appendCell(project.root, NOTEBOOK, "nb.md`![fox](pic.png)`;");
    const check = fragtax("check");
    expect(check.status, check.stderr).toBe(0);
    expect(check.stderr).toContain("check passed: ");
    const run = fragtax("run", join(project.root, "notebooks", NOTEBOOK), "--out", join(project.root, "out", "run.ipynb"));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).not.toContain("image");
  }, 120_000);
});
