/** The two-chapter executed-notebook fixture under test/fixtures/report, rendered as the build would. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ClaimRecord, FigureRecord } from "../../src/api/types";
import type { Assumption } from "../../src/assumptions/types";
import { loadConfig } from "../../src/config/parse";
import type { Provenance } from "../../src/report/appendices";
import type { Notebook } from "../../src/notebook/nbformat";
import { renderReport, type ReportInput } from "../../src/report/render";

export const FIXTURE_ROOT = join(import.meta.dirname, "..", "fixtures", "report");

export const SCRIPT_NOTE = "Spot and reserved prices differ <script>alert('x')</script> & vary by region";

export const fixtureAssumptions: readonly Assumption[] = [
  {
    id: "h100_usd_per_gpu_hour",
    label: "H100 rental price",
    unit: "USD/GPU-hour",
    range: { low: 2, high: 3 },
    distribution: "lognormal",
    source: { title: "Analyst essay", url: "https://example.com/essay", date: "2026-04-28" },
    note: SCRIPT_NOTE,
    position: { file: "notebooks/assumptions.yaml", line: 2, column: 5 },
  },
  {
    id: "cluster_gpus",
    label: "GPUs in a frontier cluster",
    unit: "GPUs",
    value: 12000,
    distribution: "fixed",
    source: { title: "Vendor <b>disclosures</b>", url: "javascript:alert(1)", date: "2026-03-01" },
    position: { file: "notebooks/assumptions.yaml", line: 9, column: 5 },
  },
];

export const provenance: Provenance = {
  builtAt: "2026-04-28T12:00:00.000Z",
  git: { commit: "0123456789abcdef0123456789abcdef01234567", dirty: true },
  tools: { fragtax: "0.1.0", node: process.version, vega: "6", "vega-lite": "6.4" },
  assumptionsSha256: "ab".repeat(32),
  assumptionsContentSha256: "cd".repeat(32),
};

export function fixtureInput(): ReportInput {
  const config = loadConfig(join(FIXTURE_ROOT, "notebooks", "report.yaml"));
  const records = JSON.parse(readFileSync(join(FIXTURE_ROOT, "records.json"), "utf8")) as { figures: FigureRecord[]; claims: ClaimRecord[] };
  return {
    config,
    chapters: config.chapters.map((chapter) => ({
      number: chapter.number,
      relativePath: chapter.relativePath,
      notebook: JSON.parse(readFileSync(chapter.file, "utf8")) as Notebook,
    })),
    assumptions: fixtureAssumptions,
    assumptionsFile: "notebooks/assumptions.yaml",
    figures: records.figures,
    claims: records.claims,
    provenance,
    versionDate: "2026-04-28",
  };
}

export const renderFixture = () => renderReport(fixtureInput());

/** The text a reader sees: tags, scripts, styles and comments removed, entities decoded. */
export function visibleText(page: string): string {
  return page
    .replace(/<script[\s\S]*?<\/script>/gi, " ")
    .replace(/<style[\s\S]*?<\/style>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}
