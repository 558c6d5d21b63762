/**
 * The chart cache's prune through real builds (test/fixtures/charts): a build that runs its chapters
 * (and so draws their charts) holds `out/.cache/charts` to its budget, the entries used longest ago
 * going first and its own drawings staying; a rebuild that runs no chapter (its page reused) lists
 * nothing. An entry past the whole budget is planted as a sparse file (its size counts, no disk is spent).
 */
import { existsSync, mkdirSync, readdirSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import { CHART_CACHE_BUDGET } from "../../src/charts/cache";
import { tempProject } from "../project";
import { prunedStamp } from "../../src/util/prune";

const project = tempProject("charts");
const charts = join(project.root, "out", ".cache", "charts");
afterAll(() => project.remove());

/** A build long after the last prune (every ten minutes at most, by any process: its stamp's time). */
async function rebuild(): Promise<string[]> {
  const stamp = prunedStamp(charts);
  if (existsSync(stamp)) utimesSync(stamp, Date.now() / 1000 - 3600, Date.now() / 1000 - 3600);
  const lines: string[] = [];
  const result = await build({ root: project.root, pdf: false }, new FileBuildEffects((line) => lines.push(line)));
  expect(result.exitCode, lines.join("\n")).toBe(0);
  return lines;
}

/** An entry a day old, larger than the whole budget. */
function plantStale(name: string): string {
  mkdirSync(charts, { recursive: true });
  const path = join(charts, name);
  writeFileSync(path, "");
  truncateSync(path, CHART_CACHE_BUDGET + 1);
  const dayAgo = Date.now() / 1000 - 86_400;
  utimesSync(path, dayAgo, dayAgo);
  return path;
}

const drawings = (): string[] => readdirSync(charts).filter((name) => /^[0-9a-f]{32}\.json$/.test(name)).sort();

describe("the chart cache through builds", () => {
  it("a build that runs its chapters prunes the cache past its budget, keeping what it drew", async () => {
    const stale = plantStale("0123456789abcdef0123456789abcdef.json");
    await rebuild();
    expect(existsSync(stale)).toBe(false);
    expect(drawings().length).toBeGreaterThan(0);
    expect(readdirSync(join(charts, "compiled")).length).toBeGreaterThan(0);
  });

  it("a rebuild that runs no chapter (its page reused) lists nothing", async () => {
    const kept = drawings();
    const stale = plantStale("fedcba9876543210fedcba9876543210.json");
    const lines = await rebuild();
    expect(lines.join("\n")).toMatch(/render: .*reused/);
    expect(existsSync(stale)).toBe(true);
    expect(drawings()).toEqual([...kept, "fedcba9876543210fedcba9876543210.json"].sort());
  });
});
