/**
 * A report whose chapters are Deno notebooks (test/fixtures/project-deno: the two chapters of
 * test/fixtures/project rewritten for Deno: `notebook(Deno.jupyter)` instead of `notebook(tslab)`)
 * builds exactly like the tslab one: the same figures.json and claims.json, the same HTML apart from
 * the code and the kernel's own way of printing a value; the same caching (a no-op rebuild reuses
 * every chapter; an assumption change re-runs only the chapter that read it, saying why), what-if
 * overrides, environment variables and files a cell reads (a fetch of a file: URL too), and a located type error
 * that fails the build with the page written.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import { appendCell, tempProject, type TempProject } from "../project";

const projects: TempProject[] = [];
afterEach(() => {
  for (const project of projects.splice(0)) project.remove();
});
const project = (fixture: string): TempProject => {
  const made = tempProject(fixture);
  projects.push(made);
  return made;
};
const read = (root: string, name: string): string => readFileSync(join(root, "out", "build", name), "utf8");
const fragtax = (args: readonly string[], cwd: string) => spawnSync(process.execPath, [join(import.meta.dirname, "../../dist/cli.cjs"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

/**
 * The page without what differs by kernel on purpose: the cells' code, the build time, and the quotes
 * of a printed value (Node's util.inspect writes 'x', Deno.inspect "x").
 */
function comparablePage(page: string): string {
  return page
    .replace(/<details class="cell-source">[\s\S]*?<\/details>/g, "")
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z/g, "TIME")
    .replace(/<pre class="output output-text">[\s\S]*?<\/pre>/g, (block) => block.replaceAll("&quot;", "&#39;"));
}

describe("a report of Deno chapters (real Deno runtime, real build)", () => {
  it("writes the same figures.json, claims.json and chapters as the same report in tslab", async () => {
    const tslab = project("project");
    const deno = project("project-deno");
    const lines: string[] = [];
    expect((await build({ root: tslab.root, pdf: false }, new FileBuildEffects(() => undefined))).exitCode).toBe(0);
    expect((await build({ root: deno.root, pdf: false }, new FileBuildEffects((line) => lines.push(line)))).exitCode).toBe(0);
    expect(lines.filter((line) => line.startsWith("execute:"))).toHaveLength(2);
    expect(JSON.parse(read(deno.root, "figures.json"))).toEqual(JSON.parse(read(tslab.root, "figures.json")));
    expect(JSON.parse(read(deno.root, "claims.json"))).toEqual(JSON.parse(read(tslab.root, "claims.json")));
    expect(read(deno.root, "figures.json")).toContain('"run_cost_usd"');
    const page = read(deno.root, "report.html");
    expect(page).toContain("notebook(Deno.jupyter)");
    expect(page).toMatch(/<figure class="output chart[^"]*"[^>]*>(<div class="chart-wide">)?<svg/);
    expect(comparablePage(page)).toBe(comparablePage(read(tslab.root, "report.html")));
  }, 240_000);

  it("caches like tslab: a no-op rebuild reuses both chapters; an assumption change re-runs only the chapter that read it", async () => {
    const { root } = project("project-deno");
    expect((await build({ root, pdf: false }, new FileBuildEffects(() => undefined))).exitCode).toBe(0);
    const again: string[] = [];
    expect((await build({ root, pdf: false }, new FileBuildEffects((line) => again.push(line)))).exitCode).toBe(0);
    expect(again.filter((line) => line.startsWith("execute:")).map((line) => line.includes(" reused "))).toEqual([true, true]);
    const assumptions = join(root, "notebooks", "assumptions.yaml");
    writeFileSync(assumptions, readFileSync(assumptions, "utf8").replace("range: { low: 2, high: 3 }", "range: { low: 3, high: 4 }"));
    expect((await build({ root, pdf: false }, new FileBuildEffects(() => undefined))).exitCode).toBe(0);
    const log = JSON.parse(read(root, "build-log.json")) as { notebooks: Array<{ notebook: string; status: string; reason: string }> };
    expect(log.notebooks.map((entry) => [entry.notebook, entry.status])).toEqual([["notebooks/01-price.ipynb", "executed"], ["notebooks/02-claims.ipynb", "reused"]]);
    expect(log.notebooks[0]?.reason).toBe("re-ran: h100_usd_per_gpu_hour changed $2–$3/GPU-hour → $3–$4/GPU-hour");
    expect((JSON.parse(read(root, "figures.json")) as Array<{ p50: number }>)[0]?.p50).toBe(35e6);
  }, 240_000);

  it("environment variables: a value a cell reads (Deno.env, process.env) re-runs the chapter when it changes; a listing only when a name is added", async () => {
    const { root } = project("project-deno");
    const env = { REGION: "FRAGTAX_TEST_DENO_REGION", LISTED: "FRAGTAX_TEST_DENO_LISTED_A", ADDED: "FRAGTAX_TEST_DENO_LISTED_B" };
    const saved = Object.values(env).map((name) => [name, process.env[name]] as const);
    onTestFinished(() => {
      for (const [name, value] of saved) void (value === undefined ? delete process.env[name] : (process.env[name] = value));
    });
    process.env[env.REGION] = "eu";
    process.env[env.LISTED] = "1";
    delete process.env[env.ADDED];
    appendCell(
      root,
      "01-price.ipynb",
      `import process from "node:process";\nconst listed = Object.keys(process.env).filter((name) => name.startsWith("FRAGTAX_TEST_DENO_LISTED_")).sort().join(", ");\nnb.md\`Region: \${Deno.env.get("${env.REGION}") ?? "unset"} (\${process.env.${env.REGION}}); listed: \${listed}.\`;`,
    );
    const rebuild = async (): Promise<{ status: string; reason: string }> => {
      expect((await build({ root, pdf: false }, new FileBuildEffects(() => undefined))).exitCode).toBe(0);
      const log = JSON.parse(read(root, "build-log.json")) as { notebooks: Array<{ status: string; reason: string }> };
      const { status, reason } = log.notebooks[0] as { status: string; reason: string };
      return { status, reason };
    };
    await rebuild();
    expect(read(root, "report.html")).toContain("Region: eu (eu); listed: FRAGTAX_TEST_DENO_LISTED_A.");
    expect((await rebuild()).status).toBe("reused");
    process.env[env.REGION] = "us";
    expect(await rebuild()).toEqual({ status: "executed", reason: `re-ran: environment variable ${env.REGION} changed` });
    expect(read(root, "report.html")).toContain("Region: us (us);");
    // Listing reads names, not values (Deno's process.env asks Deno.env for each value to list them).
    process.env[env.LISTED] = "2";
    expect((await rebuild()).status).toBe("reused");
    process.env[env.ADDED] = "3";
    expect(await rebuild()).toEqual({ status: "executed", reason: `re-ran: the list of environment variables changed (added ${env.ADDED})` });
    expect(read(root, "report.html")).toContain("listed: FRAGTAX_TEST_DENO_LISTED_A, FRAGTAX_TEST_DENO_LISTED_B.");
  }, 240_000);

  // Before: "reused: nothing it depends on changed", and the page kept the file's old text.
  it("a file a cell fetches by its file: URL re-runs the chapter when it changes, as one read through Deno does", async () => {
    const { root } = project("project-deno");
    const data = join(root, "notebooks", "data", "d.txt");
    mkdirSync(join(root, "notebooks", "data"));
    writeFileSync(data, "first text\n");
    appendCell(root, "01-price.ipynb", `const fetched = (await (await fetch("${pathToFileURL(data).href}")).text()).trim();\nnb.md\`Fetched: \${fetched}.\`;`);
    const rebuild = async (): Promise<string> => {
      expect((await build({ root, pdf: false }, new FileBuildEffects(() => undefined))).exitCode).toBe(0);
      return (JSON.parse(read(root, "build-log.json")) as { notebooks: Array<{ reason: string }> }).notebooks[0]?.reason ?? "";
    };
    await rebuild();
    expect(read(root, "report.html")).toContain("Fetched: first text.");
    writeFileSync(data, "second text\n");
    expect(await rebuild()).toBe("re-ran: data file notebooks/data/d.txt changed");
    expect(read(root, "report.html")).toContain("Fetched: second text.");
  }, 240_000);

  it("what-if: --set reaches a Deno chapter's figures, and the log says why it re-ran", () => {
    const { root } = project("project-deno");
    const first = fragtax(["build", "--no-pdf", "--root", root], root);
    expect(first.status, first.stderr).toBe(0);
    const whatIf = fragtax(["build", "--no-pdf", "--root", root, "--set", "h100_usd_per_gpu_hour=4..6"], root);
    expect(whatIf.stderr).toContain("what-if: h100_usd_per_gpu_hour = 4..6");
    expect(whatIf.status).toBe(0);
    expect((JSON.parse(read(root, "figures.json")) as Array<{ p50: number }>)[0]?.p50).toBe(50e6);
    const log = JSON.parse(read(root, "build-log.json")) as { notebooks: Array<{ reason: string }> };
    expect(log.notebooks[0]?.reason).toBe("re-ran: h100_usd_per_gpu_hour changed $2–$3/GPU-hour → $4–$6/GPU-hour (a what-if)");
  }, 240_000);

  it('a type error (format: "dollars"): exit 1 with the location, the HTML written with the error in place', async () => {
    const { root } = project("project-deno");
    const file = join(root, "notebooks", "01-price.ipynb");
    writeFileSync(file, readFileSync(file, "utf8").replace('format: \\"usd\\"', 'format: \\"dollars\\"'));
    const lines: string[] = [];
    const result = await build({ root, pdf: false }, new FileBuildEffects((line) => lines.push(line)));
    expect(result.exitCode).toBe(1);
    expect(result.failedCells.map((cell) => [cell.chapter, cell.cell])).toEqual([[1, 3]]);
    expect(lines.join("\n")).toMatch(/notebooks\/01-price\.ipynb: cell 3, line 4, column 94: TS2322: Type '"dollars"' is not assignable to type /);
    expect(read(root, "report.html")).toMatch(/<p class="output-error-title">notebooks\/[^:]+: cell \d+, line \d+, column \d+: TS2322: Type &#39;&quot;dollars&quot;&#39; is not assignable/);
  }, 240_000);

  it("an unknown assumption id: located at the cell with the nearest id, not in fragtax's own registry code", () => {
    const { root } = project("project-deno");
    const file = join(root, "notebooks", "01-price.ipynb");
    writeFileSync(file, readFileSync(file, "utf8").replace('assumptions.get(\\"h100_usd_per_gpu_hour\\")', 'assumptions.get(\\"h100_usd_per_gpu_huor\\")'));
    const run = fragtax(["run", file, "--out", "-"], root);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/01-price\.ipynb: cell \d+, line \d+, column \d+: UnknownAssumptionError: unknown assumption "h100_usd_per_gpu_huor".*did you mean "h100_usd_per_gpu_hour"\?/);
    // The API's own check says what the call did wrong (as under tslab): no "thrown in" the registry.
    expect(run.stderr).not.toContain("thrown in");
  }, 240_000);
});
