/**
 * `fragtax diff A B --figures` between two git refs: the figures at each ref are built (real engine)
 * in a temporary `git worktree` of a temporary repository holding the fixture project.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempProject, type TempProject } from "../project";

let project: TempProject | undefined;
afterEach(() => project?.remove());

describe("fragtax diff --figures between git refs", () => {
  it("builds each ref in a temporary worktree and shows the figure that moved", () => {
    project = tempProject("incremental");
    const { root } = project;
    const git = (...args: string[]) => execFileSync("git", ["-C", root, ...args], { encoding: "utf8" });
    writeFileSync(join(root, ".gitignore"), "node_modules\nout\n");
    git("init", "-q", "-b", "main");
    git("config", "user.email", "t@example.com");
    git("config", "user.name", "t");
    git("add", ".");
    git("commit", "-qm", "before");
    const assumptions = join(root, "notebooks/assumptions.yaml");
    writeFileSync(assumptions, readFileSync(assumptions, "utf8").replace("value: 2\n", "value: 7\n")); // beta
    git("commit", "-qam", "beta 2 → 7");

    const run = spawnSync(process.execPath, [join(import.meta.dirname, "../../dist/cli.cjs"), "diff", "HEAD~1", "HEAD", "--figures", "--json"], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toContain("building figures at HEAD~1 in a temporary worktree");
    expect(run.status).toBe(0);
    const diff = JSON.parse(run.stdout) as {
      assumptions: { changed: Array<{ id: string }> };
      figures: Array<{ id: string; status: string; before: { p50: number } | null; after: { p50: number } | null; relative: number | null }>;
    };
    expect(diff.assumptions.changed.map((change) => change.id)).toEqual(["beta"]);
    expect(diff.figures[0]).toMatchObject({ id: "beta_scaled", before: { p50: 20 }, after: { p50: 70 }, relative: 2.5 });
    expect(diff.figures.slice(1).map((figure) => [figure.id, figure.status])).toEqual([["alpha_plus_gamma", "unchanged"], ["alpha_twice", "unchanged"]]);
    expect(git("worktree", "list").trim().split("\n")).toHaveLength(1); // the temporary worktrees are gone
  }, 60_000);
});
