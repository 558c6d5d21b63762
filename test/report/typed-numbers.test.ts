/**
 * A number typed into prose (src/report/typed-numbers.ts): "$2.5M" or "4.1%" written as words in a
 * markdown cell or in an nb.md template's text passed check, run and build --strict, and stayed as typed
 * when the model's number moved. It is a located warning now; a quotation, code and an interval's name
 * are not read.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import { typedNumbersInChart, typedNumbersInReportYaml, typedNumberWarnings } from "../../src/report/typed-numbers";
import type { Notebook } from "../../src/notebook/nbformat";
import { appendCell, appendMarkdown, tempProject } from "../project";

const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.cjs");
const notebook = (cells: Notebook["cells"]): Notebook => ({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }) as Notebook;
const markdown = (source: string) => ({ id: `m${source.length}`, cell_type: "markdown", metadata: {}, source });
const code = (source: string) => ({ id: `c${source.length}`, cell_type: "code", metadata: {}, execution_count: null, outputs: [], source });

describe("numbers typed into prose", () => {
  it("finds amounts, shares and multiples in a markdown cell and in nb.md's text, each at its line and column", async () => {
    const nb = notebook([
      markdown("# Energy\n\nElectricity for one run costs about $2.5M, roughly 4% of the rental, and 3× the essay's."),
      code('const share = 0.041;\nnb.md`The bill is ${nb.fmt(share, "percent")} of rent, which is 4.1% of it and $12 billion a year.`;'),
    ] as Notebook["cells"]);
    const warnings = await typedNumberWarnings(nb, "notebooks/09-energy.ipynb");
    expect(warnings.map((w) => /^([^:]+: cell \d+, line \d+, column \d+): "([^"]+)" is typed into the prose/.exec(w)?.slice(1, 3))).toEqual([
      ["notebooks/09-energy.ipynb: cell 1, line 3, column 37", "$2.5M"],
      ["notebooks/09-energy.ipynb: cell 1, line 3, column 52", "4%"],
      ["notebooks/09-energy.ipynb: cell 1, line 3, column 74", "3×"],
      ["notebooks/09-energy.ipynb: cell 2, line 2, column 65", "4.1%"],
      ["notebooks/09-energy.ipynb: cell 2, line 2, column 80", "$12 billion"],
    ]);
    expect(warnings[3]).toContain("(the text of an nb.md template)");
    expect(warnings[0]).toContain("write it from the model, e.g. nb.md`The run costs ${nb.fmt(cost, \"usd\")}.`");
  });

  it("passes over what is not the model's: a quotation, code, an interval's name, years, counts, ids and what a template interpolates", async () => {
    const nb = notebook([
      markdown('The essay says the rate stays "above 4%", and calls it “a 100× multiple”. Intervals are 90% intervals.'),
      markdown("Between the 5th and 95th percentile (the middle 90%). In 2026, 10,000 H100s ran GPT-4.5 for chapter 8 in 2 Ws and 3 Whales, the 5 W's, 1200 W Madison St, 2W and 3W fleets, at 74.0 W."),
      markdown("Code shows it as written: `cost > $2.5M`, and\n\n```\nshare = 4%\n```"),
      code('const x = 0.3;\nnb.md`The cost rises ${nb.fmt(x, "percent")}, ${x * 100}% by hand is the interpolation\'s, not the text\'s.`;\nconst label = "4% in a string that is no prose";'),
    ] as Notebook["cells"]);
    expect(await typedNumberWarnings(nb, "n.ipynb")).toEqual([]);
  });

  it("reads the chapter's title, nb.mdFragment, ranges and more ways of writing a share, and says them in cell order", async () => {
    const nb = notebook([
      markdown("# Runs cost 40% more than in 2024\n\nFell -4% last year; 10-20% or 3x, 50 bps, 5 percent, $5bn, 40 GWh at 1.2 kW, 9 Wh."),
      code('nb.mdFragment`alone 6%`;\nnb.md `spaced 11%`;'),
    ] as Notebook["cells"]);
    expect((await typedNumberWarnings(nb, "n.ipynb")).map((w) => /: "([^"]+)" is typed/.exec(w)?.[1])).toEqual(["40%", "4%", "20%", "3x", "50 bps", "5 percent", "$5bn", "40 GWh", "1.2 kW", "9 Wh", "6%", "11%"]);
  });

  it("passes over HTML, comments, a blockquote, a quotation across an emphasis, a code span in a template, other intervals and a URL's query", async () => {
    const nb = notebook([
      markdown('<table style="width:100%"><tr><td width=50%>a</td></tr></table>\n\n<!-- hidden 23% -->\n\n> The essay said costs rise 16%.\n\nThe essay said "above **4%**", a 95% confidence interval, a 90%-interval, https://example.com/?q=8%.'),
      code("nb.md`use \\`4%\\` as written`;"),
    ] as Notebook["cells"]);
    expect(await typedNumberWarnings(nb, "n.ipynb")).toEqual([]);
  });

  it("locates a typed number past the same text in a code span, and a template's text past a string that holds the same words", async () => {
    const nb = notebook([markdown("The value is `4%` but we use 4%."), code('const label = "costs 14%";\nnb.md`costs 14%`;')] as Notebook["cells"]);
    expect((await typedNumberWarnings(nb, "n.ipynb")).map((w) => /cell (\d+), line (\d+), column (\d+)/.exec(w)?.slice(1).join(":"))).toEqual(["1:1:30", "2:2:13"]);
  });

  it("names the first 20 of a notebook and counts the rest, and reads a long run of numbers in linear time", async () => {
    const many = await typedNumberWarnings(notebook([markdown("cost 1% ".repeat(400))] as Notebook["cells"]), "n.ipynb");
    expect(many).toHaveLength(21);
    expect(many.at(-1)).toBe("n.ipynb: 380 more numbers are typed into the prose; fix the ones above and check again to see them located");
    // A long run of comma-separated numbers was quadratic (a 60,000-element array took seconds): within the test's time now.
    expect(await typedNumberWarnings(notebook([code(`const xs = [${"1,".repeat(100_000)}1];\nnb.md\`none\`;`)] as Notebook["cells"]), "n.ipynb")).toEqual([]);
  });

  it("is warned about by check and by the build; --strict refuses it", () => {
    const project = tempProject();
    try {
      const cell = appendMarkdown(project.root, "01-price.ipynb", "## Power\n\nPower adds about $1.2M a run.");
      appendCell(project.root, "01-price.ipynb", 'nb.md`Rent is 80% of the bill.`;');
      const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: project.root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      const check = cli("check", "notebooks/01-price.ipynb");
      expect(check.stderr).toContain(`warning: notebooks/01-price.ipynb: cell ${cell}, line 3, column 18: "$1.2M" is typed into the prose`);
      expect(check.stderr).toContain('"80%" is typed into the prose (the text of an nb.md template)');
      const strict = cli("build", "--no-pdf", "--strict");
      expect(strict.status).toBe(1);
      expect(strict.stderr).toContain(`cell ${cell}, line 3, column 18: "$1.2M" is typed into the prose`);
    } finally {
      project.remove();
    }
  }, 90_000);

  it("reads report.yaml's title and subtitle, located where report.yaml writes each number; a quotation is not read", () => {
    const text = 'title: "Compute at 3× the price"\nauthor: x\nsubtitle: >-\n  Why the tax is "above 4%",\n  and $30B a year, or 12%\n';
    const warnings = typedNumbersInReportYaml({ title: "Compute at 3× the price", subtitle: 'Why the tax is "above 4%", and $30B a year, or 12%' }, text, "notebooks/report.yaml");
    expect(warnings.map((w) => /^([^ ]+): "([^"]+)" is typed into the report's (\w+)/.exec(w)?.slice(1, 4))).toEqual([
      ["notebooks/report.yaml:1:20", "3×", "title"],
      ["notebooks/report.yaml:5:7", "$30B", "subtitle"],
      ["notebooks/report.yaml:5:23", "12%", "subtitle"],
    ]);
    expect(warnings[0]).toContain("say it in a chapter, where nb.md writes it from the model");
    expect(typedNumbersInReportYaml({ title: "The Fragmentation Tax", subtitle: "Who pays, 2026: an essay's 90% intervals" }, "title: x\n", "r.yaml")).toEqual([]);
  });

  it("is warned about in report.yaml's subtitle by check (of the report, not of one notebook) and by the build; --strict refuses it", () => {
    const project = tempProject();
    try {
      const file = join(project.root, "notebooks", "report.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace(/^subtitle:.*$/m, "").replace(/^(title:.*)$/m, "$1\nsubtitle: A tax of $30B a year"));
      const line = readFileSync(file, "utf8").split("\n").findIndex((l) => l.startsWith("subtitle:")) + 1;
      const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: project.root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      const expected = `warning: notebooks/report.yaml:${line}:20: "$30B" is typed into the report's subtitle`;
      const check = cli("check");
      expect(check.stderr).toContain(expected);
      expect(cli("check", "notebooks/01-price.ipynb").stderr).not.toContain("typed into the report's");
      const strict = cli("build", "--no-pdf", "--strict");
      expect(strict.status).toBe(1);
      expect(strict.stderr).toContain(expected);
      expect(JSON.parse(readFileSync(join(project.root, "out", "build", "build-log.json"), "utf8")).warnings).toContainEqual(expect.stringContaining("\"$30B\" is typed into the report's subtitle"));
    } finally {
      project.remove();
    }
  }, 90_000);

  it("reads a chart's titles, axis and legend titles and description where its cell types the number, not where the model wrote it", () => {
    const source = [
      "// the 2% here is a comment",
      "const tax = 31e9;",
      "nb.chart({",
      '  title: { text: `The tax, ${nb.fmt(tax, "usd")} a year`, subtitle: "Rising 3× by 2030 (90% intervals)" },',
      '  description: "The essay\'s \\"above 4%\\" beside ours",',
      '  layer: [{ mark: "bar", encoding: { x: { field: "a", axis: { title: "Share above 2%" } }, color: { field: "b", legend: { title: "$5M runs" } } } }],',
      "});",
    ].join("\n");
    const spec = {
      title: { text: "The tax, $31B a year", subtitle: "Rising 3× by 2030 (90% intervals)" },
      description: 'The essay\'s "above 4%" beside ours',
      layer: [{ mark: "bar", encoding: { x: { field: "a", axis: { title: "Share above 2%" } }, color: { field: "b", legend: { title: "$5M runs" } } } }],
    };
    const warnings = typedNumbersInChart(spec, source, { file: "notebooks/09-x.ipynb", cell: 4 });
    expect(warnings.map((w) => /^(.+?): "([^"]+)" is typed into a chart's words/.exec(w)?.slice(1, 3))).toEqual([
      ["notebooks/09-x.ipynb: cell 4, line 4, column 77", "3×"],
      ["notebooks/09-x.ipynb: cell 4, line 6, column 83", "2%"],
      ["notebooks/09-x.ipynb: cell 4, line 6, column 131", "$5M"],
    ]);
    expect(warnings[0]).toContain("build the text from the model");
  });

  it("warns of a number typed into a chart's title in run and in the build; --strict refuses it", () => {
    const project = tempProject();
    try {
      const cell = appendCell(project.root, "01-price.ipynb", 'nb.chart({ title: "Runs cost $9M", data: { values: [{ a: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "quantitative" } } });');
      const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: project.root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      const expected = `warning: notebooks/01-price.ipynb: cell ${cell}, line 1, column 30: "$9M" is typed into a chart's words`;
      expect(cli("run", "notebooks/01-price.ipynb").stderr).toContain(expected);
      const strict = cli("build", "--no-pdf", "--strict");
      expect(strict.status).toBe(1);
      expect(strict.stderr).toContain(expected);
    } finally {
      project.remove();
    }
  }, 90_000);
});
