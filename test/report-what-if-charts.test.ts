/**
 * The report's charts stay readable when an input moves far: a what-if is the analyst's question,
 * and a chart whose axis was fixed to the essay's band drew the moved distribution's bars past its
 * plot, a drawing 4959 px wide that the page then scaled to 13% of its size (the build warned, the
 * reader got a smudge). Built by the real CLI from the report's own notebooks in a temp root.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COLUMN_PX } from "../src/charts/render";
import { reportProject, type TempProject } from "./project";

const repo = resolve(import.meta.dirname, "..");

let project: TempProject;
let log: { warnings: string[] };
let html = "";

beforeAll(() => {
  project = reportProject();
  // The essay's cluster of 10,000–15,000 GPUs read as 10,000–278,000: the bill runs far past the band.
  execFileSync("node", [join(repo, "dist", "cli.cjs"), "build", "--no-pdf", "--root", project.root, "--set", "essay_training_gpu_count=10000..278000"], { stdio: "pipe" });
  log = JSON.parse(readFileSync(join(project.root, "out", "build", "build-log.json"), "utf8")) as { warnings: string[] };
  html = readFileSync(join(project.root, "out", "build", "report.html"), "utf8");
}, 180_000);

afterAll(() => project.remove());

describe("a what-if far past the essay's band", () => {
  it("draws every chart within the column, with no chart scaled down", () => {
    expect(log.warnings.filter((warning) => /wider than the \d+ px column/.test(warning))).toEqual([]);
    const widths = [...html.matchAll(/<svg[^>]* width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths.length).toBeGreaterThan(15);
    expect(Math.max(...widths)).toBeLessThanOrEqual(COLUMN_PX);
  });

  it("shows the whole distribution on chapter 1's histogram: its axis reaches past the essay's band", () => {
    const { assumptions } = parse(readFileSync(join(project.root, "notebooks", "assumptions.yaml"), "utf8")) as { assumptions: Array<{ id: string; range?: { high: number } }> };
    const bandTop = (assumptions.find((entry) => entry.id === "essay_training_run_cost_usd")?.range?.high ?? Number.NaN) / 1e6;
    const axis = /aria-label="X-axis titled 'Cost of one training run \(USD millions\)' for a linear scale with values from 0 to ([\d,.]+)"/.exec(html);
    expect(axis).not.toBeNull();
    expect(Number((axis?.[1] ?? "0").replace(/,/g, ""))).toBeGreaterThan(bandTop);
  });
});
