/**
 * The authoring docs cannot go stale: README's "Writing notebooks" code and every code block of
 * docs/authoring.md run as written (as the cells of a notebook in a copy of the report's notebooks/,
 * through `fragtax check` and `fragtax run`), and the guide names exactly what dist/api.js,
 * dist/model.js and dist/fragmentation-tax.js export.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import MarkdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { codeNotebookJson, reportProject } from "../project";

const repo = resolve(import.meta.dirname, "../..");
const readme = readFileSync(join(repo, "README.md"), "utf8");
const guide = readFileSync(join(repo, "docs/authoring.md"), "utf8");

/** The ```ts blocks of `markdown`, only those under `section` (a "## " heading) when given. */
function tsBlocks(markdown: string, section?: string): string[] {
  let text = markdown;
  if (section !== undefined) {
    const start = markdown.indexOf(`\n## ${section}\n`);
    expect(start, `README section "${section}"`).toBeGreaterThanOrEqual(0);
    const end = markdown.indexOf("\n## ", start + 4);
    text = markdown.slice(start, end < 0 ? undefined : end);
  }
  return new MarkdownIt().parse(text, {}).filter((token) => token.type === "fence" && token.info.trim() === "ts").map((token) => token.content);
}


const project = reportProject();
const { root } = project;
symlinkSync(join(repo, "dist"), join(root, "dist"), "dir"); // as `npm install` leaves it for ../dist/*.js
afterAll(() => project.remove());
const fragtax = (args: readonly string[]) => spawnSync(process.execPath, [join(repo, "dist/cli.cjs"), ...args], { cwd: root, encoding: "utf8" });

const documents = [
  { name: "README.md, Writing notebooks", file: "notebooks/readme-writing-notebooks.ipynb", blocks: tsBlocks(readme, "Writing notebooks") },
  { name: "docs/authoring.md", file: "notebooks/authoring-guide.ipynb", blocks: tsBlocks(guide) },
];

describe("the authoring docs run as written", () => {
  it("type-check like a chapter (fragtax check)", () => {
    for (const document of documents) {
      expect(document.blocks.length, document.name).toBeGreaterThan(0);
      writeFileSync(join(root, document.file), codeNotebookJson(document.blocks, "block"));
    }
    const check = fragtax(["check", ...documents.map((document) => document.file)]);
    expect(check.status, check.stdout + check.stderr).toBe(0);
  }, 120_000);

  it.each(documents.map((document) => [document.name, document] as const))("%s: every block runs without an error and shows its figures", (_name, document) => {
    writeFileSync(join(root, document.file), codeNotebookJson(document.blocks, "block"));
    const run = fragtax(["run", document.file, "--out", "-"]);
    expect(run.status, run.stderr).toBe(0);
    const executed = JSON.parse(run.stdout) as { cells: Array<{ outputs: Array<{ output_type: string; data?: Record<string, unknown> }> }> };
    const outputs = executed.cells.flatMap((cell) => cell.outputs);
    expect(outputs.filter((output) => output.output_type === "error")).toEqual([]);
    const shown = JSON.stringify(outputs);
    expect(shown).toContain("fragtax-figure");
    expect(shown).not.toMatch(/undefined|NaN|\[object Object\]/);
  }, 120_000);
});

describe("the guide names exactly the real exports", () => {
  // A name counts as documented where a code span starts with it: `monteCarlo` or `monteCarlo(model, …)`.
  const named = new Set([...guide.matchAll(/`([A-Za-z_$][\w$]*)[^`\n]*`/g)].map((match) => match[1] as string));
  /** The names in the guide's export tables (rows whose cells are `name` lists). */
  const tabled = [...guide.matchAll(/^\|[^|\n]*\|([^|\n]*)\|\s*$/gm)].flatMap((row) => (row[0].startsWith("| `") ? [row[0]] : [row[1] ?? ""]))
    .flatMap((cell) => [...cell.matchAll(/`([A-Za-z_$][\w$]*)`/g)].map((match) => match[1] as string));

  const entries = ["api", "model", "fragmentation-tax"];
  it.each(entries)("every export of dist/%s.js is in the guide, and every name in its tables exists", async (entry) => {
    const exports = Object.keys((await import(join(repo, "dist", `${entry}.js`))) as Record<string, unknown>);
    expect(exports.length).toBeGreaterThan(5);
    expect(exports.filter((name) => !named.has(name))).toEqual([]);
    const everything = new Set<string>();
    for (const other of entries) for (const name of Object.keys((await import(join(repo, "dist", `${other}.js`))) as Record<string, unknown>)) everything.add(name);
    expect(tabled.filter((name) => !everything.has(name))).toEqual([]);
  });

  it("documents every method of the notebook session", () => {
    for (const member of ["assumptions.get", "assumptions.all", "montecarlo", "figure", "md", "fmt", "claim", "chart"]) expect(guide).toContain(`\`nb.${member}`);
  });
});
