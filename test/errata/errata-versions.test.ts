/**
 * Errata through the real CLI and the real build: a build validates the errata file against what it
 * built; publish lists the corrections in "What changed", the manifest and the index, once; diff shows
 * them. Hostile text in a correction stays text everywhere.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import { ErrataError } from "../../src/errata/errors";
import { fragtax, makeProject, sealBuild, useBuild } from "../published-project";
import { tempProject, type TempProject } from "../project";

const HOSTILE = "<script>alert(1)</script> $` \u001b[31mred";

describe("errata in published versions", () => {
  let root: string;
  beforeEach(async () => {
    root = await makeProject();
  });
  afterEach(async () => rm(root, { recursive: true, force: true }));

  async function buildWithErrata(version: "v1" | "v2", errata: unknown[], builtAt?: string): Promise<void> {
    await useBuild(root, version, builtAt === undefined ? {} : { builtAt });
    await writeFile(join(root, "out/build/errata.json"), JSON.stringify(errata));
    await sealBuild(root);
  }

  /** The errata file the build read, as its log records it (its sha256 with the build's other inputs). */
  async function recordErrataFile(text: string): Promise<void> {
    await writeFile(join(root, "notebooks/errata.yaml"), text);
    const logFile = join(root, "out/build/build-log.json");
    await writeFile(logFile, JSON.stringify({ ...JSON.parse(await readFile(logFile, "utf8")), errataFile: "notebooks/errata.yaml" }));
  }

  const erratum = {
    id: "training_bill",
    version: "2026-05-01",
    section: "a#the-bill",
    figures: ["training_run_cost_usd"],
    was: `The bill was given as the essay's own ${HOSTILE}`,
    now: "The bill is recomputed from the essay's inputs and shown beside its readings.",
  };

  it("lists new corrections in What changed, the manifest and the index; diff shows them; a later version does not list them again", async () => {
    await useBuild(root, "v1");
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
    await buildWithErrata("v2", [erratum]);
    const published = await fragtax(["publish", "--date", "2026-05-20"], { cwd: root });
    expect(published.code).toBe(0);
    expect(published.stderr).toContain('errata: 1 correction listed in "What changed" and the manifest');

    const page = await readFile(join(root, "out/reports/2026-05-20/report.html"), "utf8");
    const changes = page.slice(page.indexOf('id="what-changed"'));
    expect(changes).toContain("Errata: 1 correction to earlier versions");
    expect(changes).toContain("<strong>2026-05-01, a#the-bill</strong>");
    expect(changes).toContain("&lt;script&gt;alert(1)&lt;/script&gt; $` \\x1b[31mred"); // the ESC shown, not passed raw
    expect(page).not.toContain("<script>alert(1)");
    // The figure it concerns, with its value in this version.
    expect(changes).toContain("training_run_cost_usd = $35.5M ($25M–$49M)");
    // Errata come first in the section, before the assumption and figure changes.
    expect(changes.indexOf("Errata:")).toBeLessThan(changes.indexOf("Assumptions"));

    const manifest = JSON.parse(await readFile(join(root, "out/reports/2026-05-20/manifest.json"), "utf8"));
    expect(manifest.errata).toEqual([erratum]);
    const index = await readFile(join(root, "out/reports/index.html"), "utf8");
    expect(index).toContain("Errata: 1 correction to 2026-05-01");
    expect(index).toContain("The bill is recomputed from the essay&#39;s inputs");

    const diff = await fragtax(["diff", "2026-05-01", "2026-05-20"], { cwd: root });
    expect(diff.code).toBe(0);
    expect(diff.stdout).toContain("Errata: 1 correction to earlier versions\n  1. 2026-05-01, a#the-bill  [training_bill]");
    expect(diff.stdout).toContain("$` \\x1b[31mred"); // the terminal escape is shown, never obeyed
    expect(diff.stdout).not.toContain("\u001b");
    const json = JSON.parse((await fragtax(["diff", "2026-05-01", "2026-05-20", "--json"], { cwd: root })).stdout);
    expect(json.errata).toEqual([erratum]);

    // The next version (a later build) carries the same errata file: nothing is listed twice.
    await buildWithErrata("v2", [erratum], "2026-05-21T10:00:00.000Z");
    const again = await fragtax(["publish", "--date", "2026-05-21"], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain("errata: all 1 were published with earlier versions; none listed again");
    const third = await readFile(join(root, "out/reports/2026-05-21/report.html"), "utf8");
    expect(third).not.toContain("Errata:");
    expect(JSON.parse(await readFile(join(root, "out/reports/2026-05-21/manifest.json"), "utf8")).errata).toEqual([]);
    expect((await fragtax(["diff", "2026-05-20", "2026-05-21"], { cwd: root })).stdout).not.toContain("Errata:");
    expect((await fragtax(["diff", "2026-05-01", "2026-05-21"], { cwd: root })).stdout).toContain("[training_bill]");
  });

  it("refuses (exit 2, nothing written) a published correction rewritten or removed since; its section and figures may follow the report", async () => {
    await useBuild(root, "v1");
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
    await buildWithErrata("v2", [erratum]);
    expect((await fragtax(["publish", "--date", "2026-05-20"], { cwd: root })).code).toBe(0);
    // Matched by id alone, a new "now" was listed nowhere: 2026-05-20's manifest keeps the old one.
    await buildWithErrata("v2", [{ ...erratum, now: "The bill is recomputed, CORRECTED AGAIN." }], "2026-05-21T10:00:00.000Z");
    const rewritten = await fragtax(["publish", "--date", "2026-05-21"], { cwd: root });
    expect(rewritten.code).toBe(2);
    expect(rewritten.stderr).toContain('erratum "training_bill" changes its "now" from what version 2026-05-20 published: a published correction is not rewritten. Restore it as published, and declare a further correction as a new erratum with an id of its own');
    expect(existsSync(join(root, "out/reports/2026-05-21"))).toBe(false);
    // Removed from the errata file the build read (its log names it), or with no errata file read at all.
    await buildWithErrata("v2", [], "2026-05-21T10:00:00.000Z");
    const unread = await fragtax(["publish", "--date", "2026-05-21"], { cwd: root });
    expect(unread.code).toBe(2);
    expect(unread.stderr).toContain('version 2026-05-20 published the correction "training_bill", and this build read no errata file: published corrections stay declared. Restore report.yaml\'s "errata:" key and its file, and build again');
    await recordErrataFile("errata: []\n");
    const removed = await fragtax(["publish", "--date", "2026-05-21"], { cwd: root });
    expect(removed.code).toBe(2);
    expect(removed.stderr).toContain('notebooks/errata.yaml:1:1: erratum "training_bill", which version 2026-05-20 published, is no longer declared');
    expect(existsSync(join(root, "out/reports/2026-05-21"))).toBe(false);
    // Re-folded in the file (its line breaks moved), it is the same correction as the page shows it.
    await buildWithErrata("v2", [{ ...erratum, now: erratum.now.replace(" and shown", "\n  and shown") }], "2026-05-21T10:00:00.000Z");
    expect((await fragtax(["publish", "--date", "2026-05-21", "--note", "refolded"], { cwd: root })).code).toBe(0);
    // A heading renamed since: the correction now stands in another section, and says so.
    await buildWithErrata("v2", [{ ...erratum, section: "a#the-bill-again", figures: [] }], "2026-05-22T10:00:00.000Z");
    const moved = await fragtax(["publish", "--date", "2026-05-22"], { cwd: root });
    expect(moved.code).toBe(0);
    expect(moved.stderr).toContain("errata: all 1 were published with earlier versions; none listed again");
  });

  it("refuses (exit 2, nothing written) an erratum of a version that was never published, at its line in the errata file, with the nearest version", async () => {
    await useBuild(root, "v1");
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
    await buildWithErrata("v2", [{ ...erratum, version: "2026-04-30" }]);
    await recordErrataFile(`errata:\n  - id: training_bill\n    version: 2026-04-30\n    section: a#the-bill\n    figures: [training_run_cost_usd]\n    was: "${erratum.was.replaceAll("\u001b", "\\e")}"\n    now: ${erratum.now}\n`);
    const refused = await fragtax(["publish", "--date", "2026-05-20"], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('notebooks/errata.yaml:3:14: erratum "training_bill" corrects version "2026-04-30", which is not a version published before 2026-05-20 (published before it: 2026-05-01); an erratum corrects a version readers have seen. Did you mean "2026-05-01"?');
    expect(existsSync(join(root, "out/reports/2026-05-20"))).toBe(false);
    // A build whose log names no errata file (from before it was recorded): located in errata.json.
    await buildWithErrata("v2", [{ ...erratum, version: "2026-04-30" }]);
    expect((await fragtax(["publish", "--date", "2026-05-20"], { cwd: root })).stderr).toContain('out/build/errata.json:1:1: erratum "training_bill" corrects version "2026-04-30"');
  });

  it("refuses a build whose errata.json was edited after the build (it is verified like every output)", async () => {
    await useBuild(root, "v1");
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
    await buildWithErrata("v2", [erratum]);
    await writeFile(join(root, "out/build/errata.json"), JSON.stringify([{ ...erratum, now: "quietly rewritten" }]));
    const refused = await fragtax(["publish", "--date", "2026-05-20"], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("errata.json");
    expect(existsSync(join(root, "out/reports/2026-05-20"))).toBe(false);
  });
});

describe("errata in a build (real engine)", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  function withErrata(section: string, figures: string, version = "2026-05-01"): string {
    project = tempProject();
    const config = join(project.root, "notebooks/report.yaml");
    writeFileSync(config, `${readFileSync(config, "utf8").trimEnd()}\nerrata: errata.yaml\n`);
    const file = join(project.root, "notebooks/errata.yaml");
    writeFileSync(file, `errata:\n  - id: run_cost\n    version: ${version}\n    section: ${section}\n    figures: [${figures}]\n    was: The run cost was quoted without its interval.\n    now: The run cost is quoted with its 90% interval.\n`);
    return project.root;
  }


  it("writes errata.json when every erratum points at this build's section and figures", async () => {
    const root = withErrata("01-price#the-price-of-a-training-run", "run_cost_usd");
    const lines: string[] = [];
    const result = await build({ root, pdf: false }, new FileBuildEffects((line) => lines.push(line)));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(root, "out/build/errata.json"), "utf8"))).toEqual([
      { id: "run_cost", version: "2026-05-01", section: "01-price#the-price-of-a-training-run", figures: ["run_cost_usd"], was: "The run cost was quoted without its interval.", now: "The run cost is quoted with its 90% interval." },
    ]);
    expect(lines).toContain("errata: 1 from notebooks/errata.yaml");
  });

  it("points at a section of a chapter whose file name has a space, as sections.json names it", async () => {
    const root = withErrata("01 price#the-price-of-a-training-run", "run_cost_usd");
    renameSync(join(root, "notebooks/01-price.ipynb"), join(root, "notebooks/01 price.ipynb"));
    const config = join(root, "notebooks/report.yaml");
    writeFileSync(config, readFileSync(config, "utf8").replace("  - 01-price.ipynb", '  - "01 price.ipynb"'));
    const result = await build({ root, pdf: false }, new FileBuildEffects(() => undefined));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(readFileSync(join(root, "out/build/errata.json"), "utf8"))).toMatchObject([{ section: "01 price#the-price-of-a-training-run" }]);
    const sections = JSON.parse(readFileSync(join(root, "out/build/sections.json"), "utf8")) as { id: string }[];
    expect(sections.map((section) => section.id)).toContain("01 price#the-price-of-a-training-run");
  });

  it("is still checked when only a markdown cell or a chart failed (an image it cannot show, a chart it cannot draw: no figure is missing), not when a code cell threw", async () => {
    const root = withErrata("01-price#the-price-of-a-training-run", "run_cost_usd");
    const notebook = join(root, "notebooks/02-claims.ipynb");
    const original = readFileSync(notebook, "utf8");
    const cells = JSON.parse(original) as { cells: unknown[] };
    cells.cells.push({ cell_type: "markdown", metadata: {}, source: "![gone](gone.png)" });
    writeFileSync(notebook, JSON.stringify(cells));
    const lines: string[] = [];
    expect((await build({ root, pdf: false }, new FileBuildEffects((line) => lines.push(line)))).exitCode).toBe(1);
    expect(lines).toContain("errata: 1 from notebooks/errata.yaml");
    // A chart that cannot be drawn (a field its data lacks) fails its cell as drawn, not as run: no figure is missing either.
    cells.cells.push({ cell_type: "code", metadata: {}, execution_count: null, outputs: [], source: 'nb.chart({ data: { values: [{ a: "x", n: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" }, y: { field: "nn", type: "quantitative" } } });' });
    writeFileSync(notebook, JSON.stringify(cells));
    lines.length = 0;
    expect((await build({ root, pdf: false }, new FileBuildEffects((line) => lines.push(line)))).exitCode).toBe(1);
    expect(lines).toContain("errata: 1 from notebooks/errata.yaml");
    cells.cells.push({ cell_type: "code", metadata: {}, execution_count: null, outputs: [], source: 'throw new Error("no");' });
    writeFileSync(notebook, JSON.stringify(cells));
    lines.length = 0;
    expect((await build({ root, pdf: false }, new FileBuildEffects((line) => lines.push(line)))).exitCode).toBe(1);
    expect(lines).toContain("errata: 1 from notebooks/errata.yaml, not checked against this build: a cell failed, so some figures are missing");
  });

  it("stops with a located error (exit 2) naming an unknown section or figure; the previous build is untouched", async () => {
    const root = withErrata("01-price#the-price-of-a-run", "run_cost");
    const failure = await build({ root, pdf: false }, new FileBuildEffects(() => undefined)).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ErrataError);
    const message = (failure as Error).message;
    expect(message).toContain('notebooks/errata.yaml:4:14: erratum "run_cost": section "01-price#the-price-of-a-run" is not a section of this report');
    expect(message).toContain('Did you mean "01-price#the-price-of-a-training-run"?');
    expect(message).toContain('notebooks/errata.yaml:5:14: erratum "run_cost": figure "run_cost" is not a figure of this report (see out/build/figures.json). Did you mean "run_cost_usd"?');
    expect(existsSync(join(root, "out/build/report.html"))).toBe(false);

    const cli = await fragtax(["build", "--no-pdf", "--root", root], { cwd: root });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain("notebooks/errata.yaml:4:14:");
    expect(cli.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("stops (exit 2) at an erratum's version that is not in out/reports/, with the nearest one, before running a chapter", async () => {
    const root = withErrata("01-price#the-price-of-a-training-run", "run_cost_usd", "2026-05-02");
    for (const id of ["2026-04-28", "2026-05-01", "2026-05-20"]) mkdirSync(join(root, "out/reports", id), { recursive: true });
    const cli = await fragtax(["build", "--no-pdf", "--root", root], { cwd: root });
    expect(cli.code).toBe(2);
    const said = 'notebooks/errata.yaml:3:14: erratum "run_cost" corrects version "2026-05-02", which is not a published version (out/reports/ holds 2026-04-28, 2026-05-01, 2026-05-20); an erratum corrects a version readers have seen. Did you mean "2026-05-01"?';
    expect(cli.stderr).toContain(said);
    expect(cli.stderr).not.toContain("execute:");
    // `fragtax check` finds it before a build, in the same words.
    const check = await fragtax(["check"], { cwd: root });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain(said);
    expect(existsSync(join(root, "out/build/report.html"))).toBe(false);
    // A version far off is refused too; one that is there builds.
    writeFileSync(join(root, "notebooks/errata.yaml"), readFileSync(join(root, "notebooks/errata.yaml"), "utf8").replace("2026-05-02", "2099-01-01"));
    expect((await fragtax(["build", "--no-pdf", "--root", root], { cwd: root })).stderr).toContain('corrects version "2099-01-01", which is not a published version');
    writeFileSync(join(root, "notebooks/errata.yaml"), readFileSync(join(root, "notebooks/errata.yaml"), "utf8").replace("2099-01-01", "2026-05-20"));
    expect((await fragtax(["build", "--no-pdf", "--root", root], { cwd: root })).code).toBe(0);
  });

  it("names report.yaml's errata key when the file is missing", async () => {
    const root = withErrata("01-price#the-price-of-a-training-run", "run_cost_usd");
    await rm(join(root, "notebooks/errata.yaml"));
    const cli = await fragtax(["build", "--no-pdf", "--root", root], { cwd: root });
    expect(cli.code).toBe(2);
    expect(cli.stderr).toMatch(/notebooks\/report\.yaml:\d+:\d+: errata file "errata.yaml" not found \(looked for notebooks\/errata\.yaml\)/);
  });

  it("is read by fragtax check as a build reads it (fields, YAML): located, exit 2, before anything runs", async () => {
    const root = withErrata("01-price#the-price-of-a-training-run", "run_cost_usd", "2026-02-30");
    const check = await fragtax(["check"], { cwd: root });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('notebooks/errata.yaml:3:14: erratum "run_cost" field "version" is not a calendar date (check the month and day)');
    writeFileSync(join(root, "notebooks/errata.yaml"), "errata:\n  - id: run_cost\n    version: [2026\n");
    const broken = await fragtax(["check"], { cwd: root });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^notebooks\/errata\.yaml:\d+:\d+: /);
    // Sections and figures exist once chapters ran: check leaves them to the build, and passes.
    writeFileSync(join(root, "notebooks/errata.yaml"), readFileSync(join(root, "notebooks/errata.yaml"), "utf8").replace(/^errata:[\s\S]*$/, "errata:\n  - id: run_cost\n    version: 2026-05-01\n    section: 01-price#nowhere\n    was: a\n    now: b\n"));
    expect((await fragtax(["check"], { cwd: root })).code).toBe(0);
  });
});
