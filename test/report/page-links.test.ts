/**
 * Links within the page that go nowhere (src/report/page-links.ts): a mistyped figure or heading id is
 * valid markdown and valid HTML, so it shipped silently and the reader's click did nothing. The build
 * warns at the cell that wrote it (its markdown line, or the code cell whose output holds it), with the
 * nearest id the page has; --strict refuses it.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { brokenLinkWarnings, duplicateIdWarnings, MAX_NAMED } from "../../src/report/page-links";
import type { Notebook } from "../../src/notebook/nbformat";
import { appendCell, appendMarkdown, tempProject } from "../project";

const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.cjs");

const notebook = (cells: Notebook["cells"]): Notebook => ({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }) as Notebook;

describe("links within the page", () => {
  it("finds each target no id has, located in the cell that wrote it, with the nearest id", () => {
    const page = [
      '<h2 id="costs">Costs</h2><figure id="figure-run_cost_usd"></figure><h2 id="caf\u00e9">Café</h2>',
      '<a href="#figure-run_cst">x</a> <a href="#costs">ok</a> <a href="#caf%C3%A9">ok</a> <a href="#">top</a> <a href="#figure-run_cst">again</a>',
      '<a href="#from-code">y</a>',
    ].join("\n");
    const chapter = {
      relativePath: "notebooks/01-x.ipynb",
      notebook: notebook([
        { id: "a", cell_type: "markdown", metadata: {}, source: "# Title\n\nSee [the cost](#figure-run_cst)." },
        { id: "b", cell_type: "code", metadata: {}, execution_count: 1, source: "const where = \"from-code\";\nnb.md`[y](#${where})`;", outputs: [{ output_type: "display_data", metadata: {}, data: { "text/markdown": "[y](#from-code)" } }] },
      ] as Notebook["cells"]),
    };
    expect(brokenLinkWarnings(page, [chapter])).toEqual([
      expect.stringMatching(/^notebooks\/01-x\.ipynb: cell 1, line 3, column 16: the link to "#figure-run_cst" goes nowhere: nothing in the report has that id; did you mean "#figure-run_cost_usd"\?/),
      // Built in code: the code cell, whose source does not spell the target out.
      expect.stringMatching(/^notebooks\/01-x\.ipynb: cell 2: the link to "#from-code" goes nowhere/),
    ]);
    expect(brokenLinkWarnings(page.replace(/#figure-run_cst|#from-code/g, "#costs"), [chapter])).toEqual([]);
  });

  it("reads ids and links in the page's tags only: a code span that shows `<div id=…>` is text", () => {
    // The markdown `<div id="figure-run_cost_usd">` in backticks, as the page holds it: escaped "<", quotes as they are.
    const page = '<figure id="figure-run_cost_usd"></figure><p>Don\'t write <code>&lt;div id="figure-run_cost_usd"&gt;</code> or <code>&lt;span id="ghost-target"&gt;</code>; <a href="#ghost-target">the ghost</a></p>';
    const chapter = { relativePath: "n.ipynb", notebook: notebook([{ id: "a", cell_type: "markdown", metadata: {}, source: "Don't write `<div id=\"figure-run_cost_usd\">` or `<span id=\"ghost-target\">`; [the ghost](#ghost-target)" }] as Notebook["cells"]) };
    expect(duplicateIdWarnings(page, [chapter])).toEqual([]);
    expect(brokenLinkWarnings(page, [chapter])).toEqual([expect.stringMatching(/^n\.ipynb: cell 1, line 1, column \d+: the link to "#ghost-target" goes nowhere/)]);
  });

  it("says the broken links in the order a reader meets them, not by target", () => {
    // Sorted by target, "#zeta" (column 5) came after "#alpha" (column 20) on the same line.
    const page = '<a href="#zeta">z</a><a href="#alpha">a</a><h2 id="real"></h2>';
    const chapter = { relativePath: "n.ipynb", notebook: notebook([{ id: "a", cell_type: "markdown", metadata: {}, source: "See [z](#zeta) and [a](#alpha)." }] as Notebook["cells"]) };
    expect(brokenLinkWarnings(page, [chapter]).map((w) => /column (\d+)/.exec(w)?.[1])).toEqual(["9", "24"]);
  });

  it("takes a named anchor and the ids publish adds as targets, and locates an escape however it is spelled", () => {
    const page = '<a name="named-anchor"></a><a href="#named-anchor">n</a><a href="#what-changed">w</a><a href="#errata">e</a><a href="#erratum-x">x</a><a href="#caf%C3%A9">c</a>';
    const chapter = { relativePath: "n.ipynb", notebook: notebook([{ id: "a", cell_type: "markdown", metadata: {}, source: "See [it](#caf%c3%a9)." }] as Notebook["cells"]) };
    expect(brokenLinkWarnings(page, [chapter])).toEqual([expect.stringMatching(/^n\.ipynb: cell 1, line 1, column 10: the link to "#café" goes nowhere/)]);
  });

  it("names the first broken links one by one and counts the rest in one line", () => {
    const count = MAX_NAMED + 2980;
    const lines = Array.from({ length: count }, (_, i) => `[l${i}](#target-${i}-${"x".repeat(150)}) <span id="have-${i}-${"y".repeat(150)}"></span>`);
    const chapter = { relativePath: "n.ipynb", notebook: notebook([{ id: "a", cell_type: "markdown", metadata: {}, source: lines.join("\n") }] as Notebook["cells"]) };
    const page = lines.map((line, i) => line.replace(/\[l\d+\]\((#[^)]*)\)/, `<a href="$1">l${i}</a>`)).join("\n");
    const warnings = brokenLinkWarnings(page, [chapter]);
    expect(warnings).toHaveLength(MAX_NAMED + 1);
    expect(warnings.slice(0, MAX_NAMED).every((w) => /^n\.ipynb: cell 1, line \d+, column \d+: the link to "#target-/.test(w))).toBe(true);
    expect(warnings.at(-1)).toBe(`${count - MAX_NAMED} more links within the page go nowhere; fix the ones above and build again to see them located`);
  });

  it("finds an id given twice, located where a notebook writes it; one publish adds too; one only the report makes is fragtax's own", () => {
    const page = [
      '<section id="appendix-assumptions"><h1>Appendix A</h1></section>',
      '<div id="appendix-assumptions">taken</div> <p id=\'unique\'>x</p> <div id="what-changed"></div>',
      '<h2 id="twice-by-us"></h2><h2 id="twice-by-us"></h2>',
    ].join("\n");
    const chapter = {
      relativePath: "notebooks/01-x.ipynb",
      notebook: notebook([
        { id: "a", cell_type: "markdown", metadata: {}, source: "# Title\n\n<div id=\"appendix-assumptions\">taken</div>" },
        { id: "b", cell_type: "code", metadata: {}, execution_count: 1, source: "tslab.display.html(`<div id='what-changed'></div>`);", outputs: [{ output_type: "display_data", metadata: {}, data: { "text/html": "<div id='what-changed'></div>" } }] },
      ] as Notebook["cells"]),
    };
    expect(duplicateIdWarnings(page, [chapter])).toEqual([
      expect.stringMatching(/^notebooks\/01-x\.ipynb: cell 1, line 3, column 6: the id "appendix-assumptions" is given to more than one element of the report .*; give this element an id of its own$/),
      expect.stringMatching(/^notebooks\/01-x\.ipynb: cell 2, line 1, column 26: the id "what-changed" is given to more than one element/),
      'report.html gives the id "twice-by-us" to more than one element, and no notebook writes it: this is fragtax\'s own; please report it',
    ]);
    expect(duplicateIdWarnings(page.replace(/<div id="appendix-assumptions">taken<\/div>|<div id="what-changed"><\/div>|<h2 id="twice-by-us"><\/h2>/g, ""), [chapter])).toEqual([]);
  });

  it("is warned about by the build at the cell, line and column; --strict refuses it", () => {
    const project = tempProject();
    try {
      const cell = appendMarkdown(project.root, "01-price.ipynb", "## See also\n\nThe [run's cost](#figure-run_cost_ud) above.");
      const code = appendCell(project.root, "01-price.ipynb", 'nb.md`Back to [the cost](#figure-run_cost_usd) and [prices](#cost-by-prise).`;');
      // An id the report's own appendix has: the table of contents' link would reach this element instead.
      const taken = appendMarkdown(project.root, "02-claims.ipynb", 'Our own list:\n\n<div id="appendix-assumptions">mine</div>');
      const cli = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: project.root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
      const build = cli("build", "--no-pdf");
      expect(build.status, build.stderr).toBe(0);
      expect(build.stderr).toContain(`warning: notebooks/01-price.ipynb: cell ${cell}, line 3, column 18: the link to "#figure-run_cost_ud" goes nowhere: nothing in the report has that id; did you mean "#figure-run_cost_usd"?`);
      expect(build.stderr).toContain(`warning: notebooks/01-price.ipynb: cell ${code}, line 1, column 61: the link to "#cost-by-prise" goes nowhere: nothing in the report has that id; did you mean "#cost-by-price"?`);
      expect(build.stderr).toContain(`warning: notebooks/02-claims.ipynb: cell ${taken}, line 3, column 6: the id "appendix-assumptions" is given to more than one element of the report`);
      // The link that works is not named.
      expect(build.stderr).not.toContain('"#figure-run_cost_usd" goes nowhere');
      const log = JSON.parse(readFileSync(join(project.root, "out", "build", "build-log.json"), "utf8")) as { warnings: string[] };
      expect(log.warnings.filter((w) => w.includes("goes nowhere"))).toHaveLength(2);
      const strict = cli("build", "--no-pdf", "--strict");
      expect(strict.status).toBe(1);
      expect(strict.stderr).toContain('"#cost-by-prise" goes nowhere');
    } finally {
      project.remove();
    }
  }, 90_000);
});
