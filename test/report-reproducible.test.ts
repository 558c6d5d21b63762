/**
 * The report's own promise: the same inputs give byte-identical figures.json and claims.json, even
 * from cold (no cache), because every Monte Carlo draw is seeded from report.yaml.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const repo = resolve(import.meta.dirname, "..");
const root = mkdtempSync(join(tmpdir(), "fragtax-report-"));
cpSync(join(repo, "notebooks"), join(root, "notebooks"), { recursive: true });
symlinkSync(join(repo, "src"), join(root, "src"), "dir");
symlinkSync(join(repo, "node_modules"), join(root, "node_modules"), "dir");
afterAll(() => rmSync(root, { recursive: true, force: true }));

function coldBuild(): { figures: string; claims: string } {
  rmSync(join(root, "out"), { recursive: true, force: true });
  execFileSync("node", [join(repo, "dist", "cli.js"), "build", "--no-pdf", "--root", root], { stdio: "pipe" });
  const read = (name: string) => readFileSync(join(root, "out", "build", name), "utf8");
  return { figures: read("figures.json"), claims: read("claims.json") };
}

// Two cold builds of all nine chapters: a limit against a hang, not a speed check. The summary re-runs
// every chapter model to build the whole claims ledger, so on a busy shared 2-core machine the pair
// can take over a minute (each chapter is type-checked from scratch: no cache).
const TWO_COLD_BUILDS_MS = 240_000;

describe("the Fragmentation Tax report", () => {
  it("gives byte-identical figures.json and claims.json from two cold builds", { timeout: TWO_COLD_BUILDS_MS }, () => {
    const first = coldBuild();
    const second = coldBuild();
    expect((JSON.parse(first.figures) as unknown[]).length).toBeGreaterThan(10);
    expect(second.figures).toBe(first.figures);
    expect(second.claims).toBe(first.claims);
  });
});
