/**
 * The chart cache's key names the code that draws (src/charts/cache.ts `drawingCode`): the bundle
 * holds a hash of the renderer's sources (scripts/drawing-code.mjs), which changes with any file the
 * renderer's module graph holds and with no other (a model change draws the same charts), so a drawing cached by older code is never reused.
 */
import { appendFileSync, cpSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { chartKey, drawingCode } from "../../src/charts/cache";
// @ts-expect-error -- a plain ES module of the build scripts, without declarations
import { drawingCodeHash } from "../../scripts/drawing-code.mjs";
import { tempFolders } from "../project";

const repo = resolve(import.meta.dirname, "../..");
const temp = tempFolders();
const hashOf = drawingCodeHash as (root?: string) => Promise<string>;

/** The hash the bundled CLI keys its charts with, as esbuild substituted it into dist/main.cjs. */
function bundledHash(): string | undefined {
  return /function drawingCode\(\) \{\s*return "([0-9a-f]{32})";/.exec(readFileSync(join(repo, "dist", "main.cjs"), "utf8"))?.[1];
}

describe("the code that draws, in the chart cache's key", () => {
  afterEach(() => {
    globalThis.__FRAGTAX_DRAWING_CODE__ = undefined;
  });

  it("the bundle keys its charts by the hash of the renderer's sources as they are", async () => {
    expect(bundledHash()).toBe(await hashOf(repo));
  }, 60_000);

  it("changes with any file of the renderer's module graph, a shared utility too, and with no other", { timeout: 60_000 }, async () => {
    const copy = temp.scratch("fragtax-drawing-code-");
    for (const folder of ["src", "scripts"]) cpSync(join(repo, folder), join(copy, folder), { recursive: true });
    const before = await hashOf(copy);
    appendFileSync(join(copy, "src", "model", "summary.ts"), "\n// a model change draws no chart otherwise\n");
    expect(await hashOf(copy)).toBe(before);
    appendFileSync(join(copy, "src", "charts", "mark-text.ts"), "\n// the marks' words\n");
    const afterMarkText = await hashOf(copy);
    expect(afterMarkText).not.toBe(before);
    appendFileSync(join(copy, "src", "format", "control.ts"), "\n// how control characters in a chart's text are shown\n");
    expect(await hashOf(copy)).not.toBe(afterMarkText);
  });

  it("a chart drawn by other code has another key", () => {
    const spec = JSON.stringify({ mark: "bar" });
    expect(drawingCode()).toBe("source");
    const fromSources = chartKey(spec);
    globalThis.__FRAGTAX_DRAWING_CODE__ = "a".repeat(32);
    const older = chartKey(spec);
    globalThis.__FRAGTAX_DRAWING_CODE__ = "b".repeat(32);
    expect(new Set([fromSources, older, chartKey(spec)]).size).toBe(3);
  });
});
