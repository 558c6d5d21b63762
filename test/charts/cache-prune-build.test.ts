/**
 * The chart cache's prune through real builds (test/fixtures/charts): a build that runs its chapters
 * (and so draws their charts) holds `out/.cache/charts` to its budget, the entries used longest ago
 * going first and its own drawings staying; a rebuild that runs no chapter (its page reused) lists
 * nothing. An entry past the whole budget is planted as a sparse file (its size counts, no disk is spent).
 */
import { existsSync, mkdirSync, readdirSync, truncateSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import { CHART_CACHE_BUDGET } from "../../src/charts/cache";
import { tempProject } from "../project";

const project = tempProject("charts");
const charts = join(project.root, "out", ".cache", "charts");
afterAll(() => {
  vi.restoreAllMocks();
  project.remove();
});

// A prune runs at most once a minute in a process: each build here starts a few minutes after the last.
let minutes = 0;
const realNow = performance.now.bind(performance);
vi.spyOn(performance, "now").mockImplementation(() => realNow() + minutes * 60_000);

async function rebuild(): Promise<string[]> {
  minutes += 2;
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
