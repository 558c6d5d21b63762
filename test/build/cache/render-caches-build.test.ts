/**
 * The render's caches across real builds: after a build, the chapter cache holds the chapters of the
 * page it rendered and no others (its prune runs behind the build, which waits for it before it
 * replaces its outputs), and the page cache its one page, which a build of the same inputs reuses.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../../src/build/pipeline";
import { tempProject, type TempProject } from "../../project";

let project: TempProject | undefined;
afterEach(() => project?.remove());

const kept = (root: string, folder: string): string[] => readdirSync(join(root, "out", ".cache", folder)).filter((name) => name.endsWith(".json")).sort();

describe("the chapter and page caches over builds", () => {
  it("keeps only the current chapters and page once a build has ended, and reuses the page for the same inputs", async () => {
    project = tempProject();
    const { root } = project;
    const lines: string[] = [];
    const effects = new FileBuildEffects((line) => lines.push(line));
    expect((await build({ root, pdf: false }, effects)).exitCode).toBe(0);
    const first = kept(root, "chapters");
    expect(first).toHaveLength(2);
    expect(kept(root, "page")).toHaveLength(1);

    // The price moves: the chapter that reads it is rendered anew, the old rendering of it goes.
    const assumptions = join(root, "notebooks", "assumptions.yaml");
    writeFileSync(assumptions, readFileSync(assumptions, "utf8").replace("range: { low: 2, high: 3 }", "range: { low: 3, high: 4 }"));
    expect((await build({ root, pdf: false }, effects)).exitCode).toBe(0);
    const second = kept(root, "chapters");
    expect(second).toHaveLength(2);
    expect(second.filter((name) => first.includes(name)).length).toBeLessThan(2);
    expect(kept(root, "page")).toHaveLength(1);

    // Nothing changed: the page is the last build's, taken whole.
    lines.length = 0;
    expect((await build({ root, pdf: false }, effects)).exitCode).toBe(0);
    expect(lines.some((line) => line.includes("reused the last build's page"))).toBe(true);
    expect(kept(root, "chapters")).toEqual(second);
  }, 120_000);
});
