import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import { ChromiumNotFoundError, ChromiumPathError, findChromium } from "../../src/report/chromium";
import { visibleText } from "../report/fixture";
import { appendCell, tempProject, type TempProject } from "../project";
import { endAllWorkers, keptThreads } from "../../src/notebook/pool";
import { configRead } from "../../src/messages/report";

let project: TempProject | undefined;
afterEach(() => project?.remove());

function quietEffects(lines: string[] = []): FileBuildEffects {
  return new FileBuildEffects((line) => lines.push(line));
}

const read = (root: string, name: string): string => readFileSync(join(root, "out", "build", name), "utf8");


describe("fragtax build, end to end (real engine, real Chromium)", () => {
  it("writes report.html, report.pdf, figures.json, claims.json and build-log.json", async () => {
    project = tempProject();
    const lines: string[] = [];
    const result = await build({ root: project.root }, quietEffects(lines));
    expect(result.exitCode).toBe(0);
    expect(result.pdf).toBe("written");
    expect(result.files).toEqual(["out/build/report.html", "out/build/figures.json", "out/build/claims.json", "out/build/sections.json", "out/build/report.pdf", "out/build/build-log.json"]);

    const page = read(project.root, "report.html");
    expect(page).toContain("<h1>The price of a training run</h1>");
    expect(page).toContain("<h1>Checking a claim</h1>");
    expect(page.match(/<figure class="output chart[^"]*"[^>]*>(<div class="chart-wide">)?<svg/g)).toHaveLength(1);
    expect(visibleText(page)).toContain("At rental prices, one run costs $25M (90% interval $20.5M–$29.5M).");
    expect(page).toContain("Prices vary &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; by region");
    expect(visibleText(page)).not.toMatch(/\bNaN\b|\bundefined\b|\[object Object\]/);

    const figures = JSON.parse(read(project.root, "figures.json")) as Array<Record<string, unknown>>;
    expect(figures).toEqual([
      { id: "run_cost_usd", label: "Cost of one training run", unit: "USD", format: "usd", mean: 25e6, p5: 20.5e6, p50: 25e6, p95: 29.5e6, notebook: "notebooks/01-price.ipynb", cell: 3, section: "01-price#the-price-of-a-training-run" },
    ]);
    const claims = JSON.parse(read(project.root, "claims.json")) as Array<Record<string, unknown>>;
    expect(claims.map((claim) => [claim.id, claim.verdict, claim.notebook])).toEqual([["claim_run_cost", "overstated", "notebooks/02-claims.ipynb"]]);
    const log = JSON.parse(read(project.root, "build-log.json")) as { notebooks: Array<{ notebook: string; status: string; reason: string }>; pdf: { status: string }; assumptions: { sha256: string } };
    expect(log.notebooks.map((entry) => [entry.notebook, entry.status])).toEqual([["notebooks/01-price.ipynb", "executed"], ["notebooks/02-claims.ipynb", "executed"]]);
    expect(log.pdf.status).toBe("written");
    // The provenance appendix shows the file's hash exactly as sha256sum (and the build log, and so the manifest) give it.
    const fileHash = execFileSync("sha256sum", [join(project.root, "notebooks", "assumptions.yaml")], { encoding: "utf8" }).split(" ")[0];
    expect(log.assumptions.sha256).toBe(fileHash);
    expect(page).toContain(`SHA-256 of the file (as <code>sha256sum</code> prints it) <code class="hash">${fileHash}</code>`);
    expect(page).toMatch(/Assumptions content<\/dt><dd>canonical SHA-256 [^<]*<code class="hash">[0-9a-f]{64}<\/code>/);

    const pdf = join(project.root, "out", "build", "report.pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
    expect(info).toContain("(letter)");
    const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("A Small Report");
    expect(text).toContain("$25M");
    expect(lines.some((line) => line.startsWith("render: 2 chapters, 1 chart"))).toBe(true);
  });

  it("still writes the HTML when a cell fails, shows the error and exits 1", async () => {
    project = tempProject();
    appendCell(project.root, "02-claims.ipynb", "const broken: number = (null as unknown as { x: number }).x;");
    const result = await build({ root: project.root, pdf: false }, quietEffects());
    expect(result.exitCode).toBe(1);
    expect(result.pdf).toBe("skipped");
    expect(result.failedCells.map((cell) => [cell.chapter, cell.cell])).toEqual([[2, 3]]);
    const page = read(project.root, "report.html");
    expect(page).toMatch(/<div class="output output-error" role="alert"><p class="output-error-title">notebooks\/02-claims\.ipynb: cell 3, line 1, column \d+: TypeError: /);
    expect(existsSync(join(project.root, "out", "build", "report.pdf"))).toBe(false);
  });

  it("without any Chromium builds the HTML and says how to get one", async () => {
    project = tempProject();
    const lines: string[] = [];
    const effects = quietEffects(lines);
    effects.printPdf = async () => {
      findChromium({ env: {}, isExecutable: () => false, hasPackaged: () => false });
      throw new Error("unreachable: no Chromium was found above");
    };
    const result = await build({ root: project.root }, effects);
    expect(result.pdf).toBe("no-chromium");
    expect(result.exitCode).toBe(1);
    expect(existsSync(join(project.root, "out", "build", "report.html"))).toBe(true);
    expect(lines.join("\n")).toContain("apt-get install chromium");
    expect(lines.join("\n")).toContain("PUPPETEER_EXECUTABLE_PATH");
    expect(lines.join("\n")).toContain("run `npm install` (it installs @sparticuz/chromium)");
  });

  it("finds PUPPETEER_EXECUTABLE_PATH first, then the packaged Chromium where it runs, then a system one", () => {
    const lookup = (env: Record<string, string>, executables: readonly string[], hasPackaged = true) => ({ env, isExecutable: (path: string) => executables.includes(path), hasPackaged: () => hasPackaged });
    expect(findChromium(lookup({ PUPPETEER_EXECUTABLE_PATH: "/opt/chrome" }, ["/opt/chrome", "/usr/bin/chromium"]))).toEqual({ source: "env", executablePath: "/opt/chrome" });
    expect(() => findChromium(lookup({ PUPPETEER_EXECUTABLE_PATH: "/nope/chrome" }, ["/usr/bin/chromium"]))).toThrow(ChromiumPathError);
    expect(() => findChromium(lookup({ PUPPETEER_EXECUTABLE_PATH: "/nope/chrome" }, []))).toThrow(/PUPPETEER_EXECUTABLE_PATH is set to \/nope\/chrome/);
    expect(findChromium(lookup({}, ["/usr/bin/chromium"]))).toEqual({ source: "packaged" });
    expect(findChromium(lookup({}, []))).toEqual({ source: "packaged" });
    expect(findChromium(lookup({}, ["/usr/bin/chromium"], false))).toEqual({ source: "system", executablePath: "/usr/bin/chromium" });
    expect(findChromium(lookup({ FRAGTAX_NO_SYSTEM_CHROMIUM: "1" }, ["/usr/bin/chromium"]))).toEqual({ source: "packaged" });
    expect(() => findChromium(lookup({ FRAGTAX_NO_SYSTEM_CHROMIUM: "1" }, ["/usr/bin/chromium"], false))).toThrow(ChromiumNotFoundError);
    expect(() => findChromium(lookup({}, [], false))).toThrow(ChromiumNotFoundError);
  });
});

describe("the notebook threads of a build", () => {
  afterEach(() => endAllWorkers());

  it("are kept for the next rebuild by default (fragtax dev), and ended once the chapters ran when the process builds once", async () => {
    project = tempProject();
    const kept = await build({ root: project.root, pdf: false }, quietEffects());
    expect(kept.exitCode).toBe(0);
    expect(keptThreads().idle).toBeGreaterThan(0);
    // The native compiler checked the chapters as a process of its own: no thread was started to wait for it.
    expect(keptThreads().typeCheck).toBe("none");
    endAllWorkers();

    // A chapter must run again (a new cell), so the build has threads to end.
    appendCell(project.root, "02-claims.ipynb", 'console.log("again");');
    const lines: string[] = [];
    const ended = await build({ root: project.root, pdf: false }, new FileBuildEffects((line) => lines.push(line), { threads: "end" }));
    expect(ended.exitCode).toBe(0);
    expect(lines.some((line) => /execute: notebooks\/02-claims\.ipynb executed/.test(line))).toBe(true);
    expect(keptThreads()).toEqual({ idle: 0, typeCheck: "none" });
    expect(read(project.root, "report.html")).toContain("again");
  });
});

describe("the PDF step of a rebuild", () => {
  it("reuses report.pdf when the page changed only by its build time, and prints again when it changed", async () => {
    project = tempProject();
    const lines: string[] = [];
    const pdfStatus = () => (JSON.parse(read(project?.root ?? "", "build-log.json")) as { pdf: { status: string } }).pdf.status;
    const pdf = join(project.root, "out", "build", "report.pdf");
    await build({ root: project.root }, quietEffects(lines));
    expect(pdfStatus()).toBe("written");
    const printed = readFileSync(pdf);
    const again = await build({ root: project.root }, quietEffects(lines));
    expect([again.pdf, pdfStatus(), again.exitCode]).toEqual(["reused", "reused", 0]);
    expect(readFileSync(pdf).equals(printed)).toBe(true);
    expect(lines).toContain("pdf: reused: the page is unchanged");

    const assumptions = join(project.root, "notebooks", "assumptions.yaml");
    writeFileSync(assumptions, readFileSync(assumptions, "utf8").replace("range: { low: 2, high: 3 }", "range: { low: 2, high: 4 }"));
    expect((await build({ root: project.root }, quietEffects())).pdf).toBe("written");
    expect(execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" })).toContain("$30M");
  });
});

describe("fragtax build on the command line", () => {
  it("builds with --no-pdf --root and reports progress", () => {
    project = tempProject();
    const run = spawnSync("node", ["dist/cli.cjs", "build", "--no-pdf", "--root", project.root], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("config: notebooks/report.yaml, 2 chapters");
    expect(configRead("notebooks/report.yaml", 1)).toBe("notebooks/report.yaml, 1 chapter"); // not "1 chapters"
    expect(run.stderr).toContain("wrote out/build/report.html");
    expect(existsSync(join(project.root, "out", "build", "report.pdf"))).toBe(false);
  });

  it("stops a cell that never ends after --timeout seconds: exit 1, the notebook and cell named, the HTML written with the error", () => {
    project = tempProject();
    appendCell(project.root, "02-claims.ipynb", "while (true) {}");
    const run = spawnSync("node", ["dist/cli.cjs", "build", "--no-pdf", "--timeout", "1", "--root", project.root], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("notebooks/02-claims.ipynb: cell 3, line 1, column 1: TimeoutError: the cell did not finish within 1 s");
    expect(run.stderr).toContain("1 cell failed (first: notebooks/02-claims.ipynb: cell 3)");
    const page = read(project.root, "report.html");
    expect(page).toMatch(/<p class="output-error-title">notebooks\/[^:]+: cell \d+, line \d+, column \d+: TimeoutError: the cell did not finish within 1 s/);
    expect(visibleText(page)).toContain("At rental prices, one run costs $25M");
    // Nothing half-written: only the finished files, each complete, no temporary siblings left behind.
    expect(readdirSync(join(project.root, "out", "build")).sort()).toEqual(["build-log.json", "claims.json", "figures.json", "report.html", "sections.json"]);
    const log = JSON.parse(read(project.root, "build-log.json")) as { notebooks: Array<{ notebook: string; failedCells: number[] }> };
    expect(log.notebooks.map((entry) => [entry.notebook, entry.failedCells])).toEqual([["notebooks/01-price.ipynb", []], ["notebooks/02-claims.ipynb", [3]]]);
    expect(page.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("names a chart field its data lacks with the cell's code frame under it, as the engine's own errors have (exit 1)", () => {
    project = tempProject();
    appendCell(project.root, "02-claims.ipynb", 'nb.chart({\n  data: { values: [{ k: "a", count: 1 }] },\n  mark: "bar",\n  encoding: { x: { field: "k", type: "nominal" }, y: { field: "cout", type: "quantitative" } },\n});');
    const run = spawnSync("node", ["dist/cli.cjs", "build", "--no-pdf", "--root", project.root], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('notebooks/02-claims.ipynb: cell 3, line 4, column 63: chart field "cout" (at encoding.y.field) is not in the chart\'s data; did you mean "count"?');
    expect(run.stderr).toContain('> 4 |   encoding: { x: { field: "k", type: "nominal" }, y: { field: "cout", type: "quantitative" } },\n    |                                                               ^');
    // The cell ran (its chapter's line says so), but the page cannot take its chart: the render line says where, before the error.
    expect(run.stderr).toContain("execute: notebooks/02-claims.ipynb executed in");
    expect(run.stderr).toContain("render: 2 chapters, 1 chart; what a cell shows cannot go on the page (notebooks/02-claims.ipynb: cell 3): said below");
  });

  it("exits 2 on a --timeout that is not a positive number, before building anything", () => {
    project = tempProject();
    const run = spawnSync("node", ["dist/cli.cjs", "build", "--no-pdf", "--timeout", "soon", "--root", project.root], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--timeout must be a number of seconds \(e\.g\. 30 or 2\.5\) from 0\.001 up to \d+ .*, got "soon"/);
    expect(existsSync(join(project.root, "out"))).toBe(false);
  });

  it("exits 2 naming the key and line for a bad report.yaml", () => {
    project = tempProject();
    const yaml = join(project.root, "notebooks", "report.yaml");
    writeFileSync(yaml, readFileSync(yaml, "utf8").replace("paper: Letter", "papr: Letter"));
    const run = spawnSync("node", ["dist/cli.cjs", "build", "--root", project.root], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`notebooks/report.yaml:9:1: unknown key "papr" in report.yaml; did you mean "paper"?`);
  });

  it("exits 2 naming the input file that is a folder (Node's EISDIR names no path)", () => {
    project = tempProject();
    const file = join(project.root, "notebooks", "assumptions.yaml");
    rmSync(file);
    mkdirSync(file);
    const run = spawnSync("node", ["dist/cli.cjs", "build", "--no-pdf", "--root", project.root], { encoding: "utf8" });
    expect(run.status).toBe(2);
    // Located at report.yaml's key, with the folder named (Node's EISDIR names no path).
    expect(run.stderr).toContain('notebooks/report.yaml:4:14: assumptions "assumptions.yaml" in report.yaml names a folder (notebooks/assumptions.yaml), not a file; name the assumptions file there, or put that file where the folder is');
  });
});
