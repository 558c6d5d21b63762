/**
 * Template text left in a markdown cell (`${cost}`, `{{cost}}`) is shown to readers as written: found
 * outside code, located at its cell, line and column, and warned about by check, run and build (whose
 * --strict refuses it). It was published silently.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { placeholdersIn } from "../../src/report/markdown-placeholders";
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
