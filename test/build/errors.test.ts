// Bad input and failing cells through the bundled CLI (`npm test` bundles dist/cli.cjs first).
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { appendCell, tempProject, type TempProject } from "../project";

let project: TempProject | undefined;
afterEach(() => project?.remove());

function fragtaxBuild(root: string, args: readonly string[] = [], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync("node", ["dist/cli.cjs", "build", "--root", root, ...args], { encoding: "utf8", env: { ...process.env, ...env } });
  return { code: run.status, stderr: run.stderr };
}


const outBuild = (root: string): string => join(root, "out", "build");
const snapshot = (root: string): Record<string, string> =>
  Object.fromEntries(readdirSync(outBuild(root)).sort().map((name) => [name, readFileSync(join(outBuild(root), name), "base64")]));

describe("fragtax build with bad input", () => {
  it("exits 2 on a malformed assumptions.yaml, naming file:line:column, and leaves the previous build byte-identical", () => {
    project = tempProject();
    expect(fragtaxBuild(project.root, ["--no-pdf"]).code).toBe(0);
    const before = snapshot(project.root);
    const yaml = join(project.root, "notebooks", "assumptions.yaml");
    writeFileSync(yaml, `${readFileSync(yaml, "utf8")}  - id: broken\n    label: [unclosed\n`);
    const run = fragtaxBuild(project.root, ["--no-pdf"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/notebooks\/assumptions\.yaml:\d+:\d+: malformed YAML \(in or just after assumption "broken"\)/);
    expect(snapshot(project.root)).toEqual(before);
    expect(Buffer.from(before["report.html"] ?? "", "base64").toString()).not.toContain('class="build-failed"');
  });

  it("names the notebook, cell and line of a cell that throws and of an unknown assumption id (with the nearest ids); exit 1", () => {
    project = tempProject();
    const throwing = appendCell(project.root, "01-price.ipynb", 'const y = 2;\nthrow new RangeError("too far");');
    const unknown = appendCell(project.root, "02-claims.ipynb", 'const x = 1;\nnb.assumptions.get("h100_usd_per_gpu_hr");');
    const run = fragtaxBuild(project.root, ["--no-pdf"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`notebooks/01-price.ipynb: cell ${throwing}, line 2, column 7: RangeError: too far`);
    expect(run.stderr).toContain('> 2 | throw new RangeError("too far");');
    // Located at the misspelled string, not at the call that read it.
    expect(run.stderr).toMatch(new RegExp(`notebooks/02-claims\\.ipynb: cell ${unknown}, line 2, column 20: UnknownAssumptionError: unknown assumption "h100_usd_per_gpu_hr" .*did you mean "h100_usd_per_gpu_hour"\\?`));
    expect(run.stderr).toContain(`2 cells failed (first: notebooks/01-price.ipynb: cell ${throwing})`);
    const page = readFileSync(join(outBuild(project.root), "report.html"), "utf8");
    // Each box is titled where and what, as the terminal's first line: the message said once.
    expect(page).toContain(`<p class="output-error-title">notebooks/01-price.ipynb: cell ${throwing}, line 2, column 7: RangeError: too far</p>`);
    expect(page).toMatch(new RegExp(`<p class="output-error-title">notebooks/02-claims\\.ipynb: cell ${unknown}, line 2, column 20: UnknownAssumptionError: unknown assumption &quot;h100_usd_per_gpu_hr&quot;`));
    // The title page says the build failed, before any headline card, and links each error in place.
    const banner = /<section class="build-failed"[^]*?<\/section>/.exec(page)?.[0] ?? "";
    expect(banner).toContain("This build failed: 2 cells failed");
    expect(banner).toContain("What a failed cell would show, and any cell after it that did not run, is missing from this page");
    expect(page.indexOf('class="build-failed"')).toBeLessThan(page.indexOf('<nav class="toc"'));
    const links = [...banner.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(links).toEqual([`cell-c1-${throwing}`, `cell-c2-${unknown}`]);
    for (const id of links) expect(page).toContain(`id="${id}"`);
    // With the line and column the terminal gives (the banner said only "cell N: RangeError: too far").
    expect(banner).toContain(`notebooks/01-price.ipynb: cell ${throwing}</a>, line 2, column 7: RangeError: too far`);
    expect(banner).toContain(`notebooks/02-claims.ipynb: cell ${unknown}</a>, line 2, column 20: UnknownAssumptionError: unknown assumption`);
  });

  it("lists a message of several lines whole on the title page, after its line and column", () => {
    project = tempProject();
    const throwing = appendCell(project.root, "01-price.ipynb", 'throw new Error("first line\\nsecond line of the message");');
    expect(fragtaxBuild(project.root, ["--no-pdf"]).code).toBe(1);
    const page = readFileSync(join(outBuild(project.root), "report.html"), "utf8");
    const banner = /<section class="build-failed"[^]*?<\/section>/.exec(page)?.[0] ?? "";
    expect(banner).toContain(`notebooks/01-price.ipynb: cell ${throwing}</a>, line 1, column 7: Error: first line<br>second line of the message</li>`);
  });

  it("prints no PDF of a failed build's page (it took ~2 s of every try at a fix), and keeps the last good build's page and PDF in out/last-good/, saying so", () => {
    project = tempProject();
    const good = fragtaxBuild(project.root);
    expect(good.code, good.stderr).toBe(0);
    const goodPdf = readFileSync(join(outBuild(project.root), "report.pdf"));
    const goodPage = readFileSync(join(outBuild(project.root), "report.html"), "utf8");
    appendCell(project.root, "01-price.ipynb", 'throw new Error("broken");');
    const failed = fragtaxBuild(project.root);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("pdf: not printed: the page shows a failed build, whose errors report.html shows in place (report.pdf of an earlier page is not kept beside it); fix them and build again to print");
    expect(failed.stderr).toContain("the last normal build that did not fail is kept in out/last-good/ (report.html, report.pdf, its records) until a build succeeds");
    expect(failed.stderr).not.toMatch(/pdf: wrote|pages/);
    expect(existsSync(join(outBuild(project.root), "report.pdf"))).toBe(false);
    expect(readFileSync(join(project.root, "out", "last-good", "report.pdf")).equals(goodPdf)).toBe(true);
    expect(readFileSync(join(project.root, "out", "last-good", "report.html"), "utf8")).toBe(goodPage);
    // The same failure with --no-pdf is not sent to a `fragtax build` that would not print it either.
    const quick = fragtaxBuild(project.root, ["--no-pdf"]);
    expect(quick.code).toBe(1);
    expect(quick.stderr).not.toContain("prints this one");
    expect(readFileSync(join(project.root, "out", "last-good", "report.pdf")).equals(goodPdf)).toBe(true);
    const log = JSON.parse(readFileSync(join(outBuild(project.root), "build-log.json"), "utf8")) as { pdf: { status: string } };
    expect(log.pdf.status).toBe("skipped");
  }, 120_000);

  it("marks the page failed when two figures share an id: the title page lists the id and the cells that declared it (exit 1)", () => {
    // It exited 1 and publish refused it, but the page looked like any report.
    project = tempProject();
    const cell = appendCell(project.root, "02-claims.ipynb", 'nb.figure({ id: "run_cost_usd", label: "<b>Again</b>", unit: "USD", format: "usd", value: 1 });');
    const run = fragtaxBuild(project.root, ["--no-pdf"]);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain("figure or claim ids declared more than once: run_cost_usd (");
    const page = readFileSync(join(outBuild(project.root), "report.html"), "utf8");
    const banner = /<section class="build-failed"[^]*?<\/section>/.exec(page)?.[0] ?? "";
    expect(banner).toContain("This build failed: 1 id declared more than once");
    expect(banner).toContain("give each its own id in its nb.figure or nb.claim call and build again");
    expect(banner).toMatch(new RegExp(`<li>id declared more than once: run_cost_usd \\(notebooks/01-price\\.ipynb: cell \\d+, line \\d+, column \\d+, notebooks/02-claims\\.ipynb: cell ${cell}, line 1, column 17\\)</li>`));
    expect(page.indexOf('class="build-failed"')).toBeLessThan(page.indexOf('<nav class="toc"'));
  });

  it("notes the notebooks beside report.yaml that it does not list (a chapter written by hand was left out without a word); exit 0, no warning", () => {
    project = tempProject();
    const notebooks = join(project.root, "notebooks");
    copyFileSync(join(notebooks, "01-price.ipynb"), join(notebooks, "03-draft.ipynb"));
    mkdirSync(join(notebooks, ".ipynb_checkpoints"));
    copyFileSync(join(notebooks, "01-price.ipynb"), join(notebooks, ".ipynb_checkpoints", "01-price-checkpoint.ipynb"));
    // Not chapters either: JupyterLab's save in progress, and a folder with a notebook's name.
    copyFileSync(join(notebooks, "01-price.ipynb"), join(notebooks, ".~01-price.ipynb"));
    mkdirSync(join(notebooks, "drafts.ipynb"));
    // A name with an escape and markup in it is named, its control character visible.
    copyFileSync(join(notebooks, "01-price.ipynb"), join(notebooks, "04-\u001b[31m<script>.ipynb"));
    // What `jupyter nbconvert --execute` leaves beside a chapter: named as such, not as a chapter left out.
    copyFileSync(join(notebooks, "01-price.ipynb"), join(notebooks, "01-price.nbconvert.ipynb"));
    const run = fragtaxBuild(project.root, ["--no-pdf"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'note: 2 notebooks beside notebooks/report.yaml are not in the report, as it does not list them: 03-draft.ipynb, 04-\\x1b[31m<script>.ipynb; add them under "chapters:" in notebooks/report.yaml to include them',
    );
    expect(run.stderr).toContain(
      "note: 01-price.nbconvert.ipynb is the copy of 01-price.ipynb that `jupyter nbconvert --execute` wrote in notebooks, not a chapter: delete it, and give nbconvert `--output-dir out/jupyter` (or `--inplace`) next time",
    );
    expect(run.stderr.match(/^note: /gm)).toHaveLength(2);
    expect(run.stderr).not.toContain("\u001b");
    expect(run.stderr).not.toMatch(/checkpoint|\.~01-price|drafts\.ipynb/);
    const log = JSON.parse(readFileSync(join(outBuild(project.root), "build-log.json"), "utf8")) as { warnings: string[] };
    expect(log.warnings).toEqual([]);
    // A note, not a warning: --strict does not fail on it.
    const strict = fragtaxBuild(project.root, ["--no-pdf", "--strict"]);
    expect(strict.code, strict.stderr).toBe(0);
    expect(strict.stderr).toContain("note: 2 notebooks beside notebooks/report.yaml are not in the report");
  });

  it("with PUPPETEER_EXECUTABLE_PATH naming no file writes the HTML, names the variable, says how to get a Chromium and exits 2", () => {
    project = tempProject();
    const run = fragtaxBuild(project.root, [], { PUPPETEER_EXECUTABLE_PATH: "/nonexistent" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("PUPPETEER_EXECUTABLE_PATH is set to /nonexistent, which does not exist or is not executable");
    expect(run.stderr).toContain("apt-get install chromium");
    expect(run.stderr).toContain("The HTML report was still built");
    expect(existsSync(join(outBuild(project.root), "report.html"))).toBe(true);
    expect(existsSync(join(outBuild(project.root), "report.pdf"))).toBe(false);
    const log = JSON.parse(readFileSync(join(outBuild(project.root), "build-log.json"), "utf8")) as { pdf: { status: string } };
    expect(log.pdf.status).toBe("bad-chromium-path");
  });
});
