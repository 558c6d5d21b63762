/**
 * Template text left in a markdown cell (`${cost}`, `{{cost}}`) is shown to readers as written: found
 * outside code, located at its cell, line and column, and warned about by check, run and build (whose
 * --strict refuses it). It was published silently.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { placeholdersIn, placeholderWarnings } from "../../src/report/markdown-placeholders";
import { appendMarkdown, tempProject } from "../project";

const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.cjs");

describe("placeholders in markdown", () => {
  it("finds ${…} and {{…}} in prose, each at its line and column, and none in code spans or blocks", async () => {
    const source = [
      "The run costs ${budgetCosts} ({{ gpu_budget_run_cost }}).",
      "",
      "In a code cell write ``nb.md`${x}` `` or `${y}`:",
      "",
      "```ts",
      "nb.md`${cost}`;",
      "```",
      "",
      "    ${indented} is code too",
      "",
      "- twice: ${a} and ${a}",
      "<span>${inHtml}</span>",
    ].join("\n");
    expect(await placeholdersIn(source)).toEqual([
      { text: "${budgetCosts}", line: 1, column: 15 },
      { text: "{{ gpu_budget_run_cost }}", line: 1, column: 31 },
      { text: "${a}", line: 11, column: 10 },
      { text: "${a}", line: 11, column: 19 },
      { text: "${inHtml}", line: 12, column: 7 },
    ]);
    expect(await placeholdersIn("Costs $5 {or} {x} and $ {y}: no template here.")).toEqual([]);
  });

  // Before: nb.md`Doubling gives {{twice}}.` passed check, run and build --strict, and readers saw "{{twice}}".
  it("finds them in an nb.md template's own text too: {{…}} and an escaped \\${…}, not a real ${…} or one in a code span", async () => {
    const notebook = { cells: [{ cell_type: "code", metadata: {}, outputs: [], execution_count: null, source: ["const twice = 2;\n", "nb.md`Doubling gives {{twice}}, \\${thrice} and ${twice}; \\`{{code}}\\` is code.`;"] }] };
    const warnings = await placeholderWarnings(notebook as never, "notebooks/x.ipynb");
    expect(warnings).toEqual([
      'notebooks/x.ipynb: cell 1, line 2, column 22: "{{twice}}" in a prose template\'s text (nb.md) is shown as written, not filled in: a value goes in as ${twice} (or ${nb.fmt(twice, "number")}), or put the text in `backticks` to show it as code',
      'notebooks/x.ipynb: cell 1, line 2, column 33: "${thrice}" in a prose template\'s text (nb.md) is shown as written, not filled in: a value goes in as ${thrice} (or ${nb.fmt(thrice, "number")}), or put the text in `backticks` to show it as code',
    ]);
    // Located at the copy that is left, not at the same words in a code span before it.
    const spanned = { cells: [{ cell_type: "code", metadata: {}, outputs: [], execution_count: null, source: ["nb.md`Write \\`{{x}}\\` for a slot; here {{x}} is left.`;"] }] };
    expect(await placeholderWarnings(spanned as never, "notebooks/x.ipynb")).toEqual([expect.stringContaining("notebooks/x.ipynb: cell 1, line 1, column 40: \"{{x}}\"")]);
  });

  // Before: the title's placeholders were passed over, and showed as written in the page, its contents and the PDF's outline.
  it("finds them in the chapter's title too, located on its line, as in the rest of the cell", async () => {
    const notebook = { cells: [{ cell_type: "markdown", metadata: {}, source: ["# 9. The cost {{cost}} ${cost}\n", "\n", "Intro {{cost}}."] }] };
    const warnings = await placeholderWarnings(notebook as never, "notebooks/09-edge.ipynb");
    expect(warnings.map((warning) => /^([^"]+): "([^"]+)"/.exec(warning)?.slice(1, 3))).toEqual([
      ["notebooks/09-edge.ipynb: cell 1, line 1, column 15", "{{cost}}"],
      ["notebooks/09-edge.ipynb: cell 1, line 1, column 24", "${cost}"],
      ["notebooks/09-edge.ipynb: cell 1, line 3, column 7", "{{cost}}"],
    ]);
  });

  it("is warned about by check, run and build at the cell, line and column; --strict refuses the build", () => {
    const project = tempProject();
    try {
      const cell = appendMarkdown(project.root, "01-price.ipynb", "## Cost\n\nThe run costs ${runCost} <script>x</script>.");
      const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: project.root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      const warning = `warning: notebooks/01-price.ipynb: cell ${cell}, line 3, column 15: "\${runCost}" in a markdown cell is shown as written, not filled in (a markdown cell is not a template)`;
      const check = cli("check");
      expect(check.status, check.stderr).toBe(0);
      expect(check.stderr).toContain(warning);
      const run = cli("run", "notebooks/01-price.ipynb", "--out", "-");
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toContain(warning);
      const build = cli("build", "--no-pdf");
      expect(build.status, build.stderr).toBe(0);
      expect(build.stderr).toContain(warning);
      const log = JSON.parse(readFileSync(join(project.root, "out", "build", "build-log.json"), "utf8")) as { warnings: string[] };
      expect(log.warnings).toEqual([expect.stringContaining('"${runCost}" in a markdown cell')]);
      const strict = cli("build", "--no-pdf", "--strict");
      expect(strict.status).toBe(1);
      expect(strict.stderr).toContain(warning);
    } finally {
      project.remove();
    }
  }, 60_000);
});
