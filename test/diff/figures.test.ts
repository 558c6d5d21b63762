/**
 * `fragtax diff A B --figures` between two git refs: the figures at each ref are built (real engine)
 * in a temporary `git worktree` of a temporary repository holding the fixture project.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempProject, type TempProject } from "../project";

let project: TempProject | undefined;
afterEach(() => project?.remove());

const CLI = join(import.meta.dirname, "../../dist/cli.cjs");

/** The fixture project in a git repository of two commits: beta 2 (HEAD~1), then 7 (HEAD). */
function repository(): { root: string; git: (...args: string[]) => string } {
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
  return { root, git };
}

/** Starts `diff HEAD~1 HEAD --figures`, sends `signal` once it builds in its first worktree; the worktree's path, and how it ended. */
function interrupted(root: string, signal: NodeJS.Signals): Promise<{ worktree: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, "diff", "HEAD~1", "HEAD", "--figures"], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    let sent = false;
    child.stderr.on("data", () => {
      if (sent) return;
      const worktree = execFileSync("git", ["-C", root, "worktree", "list", "--porcelain"], { encoding: "utf8" }).match(/^worktree (.*fragtax-diff-\d+-[^/]+\/tree)$/m)?.[1];
      if (worktree === undefined) return;
      sent = true;
      child.kill(signal);
      child.on("exit", (_code, ended) => resolve({ worktree, signal: ended }));
    });
  });
}

describe("fragtax diff --figures between git refs", () => {
  it("builds each ref in a temporary worktree and shows the figure that moved", () => {
    const { root, git } = repository();

    const run = spawnSync(process.execPath, [CLI, "diff", "HEAD~1", "HEAD", "--figures", "--json"], { cwd: root, encoding: "utf8" });
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

  it("a ref whose build had a notebook throw: that notebook's figures are not built there (exit 1), a healthy notebook's still added or removed; against an assumptions file nothing is built", () => {
    const { root, git } = repository();
    // A third commit: the first notebook throws before declaring its figure; the second renames its own.
    const notebook = join(root, "notebooks/01-alpha.ipynb");
    const data = JSON.parse(readFileSync(notebook, "utf8")) as { cells: Array<{ cell_type: string; source: string | string[] }> };
    const first = data.cells.find((cell) => cell.cell_type === "code");
    if (first === undefined) throw new Error("no code cell");
    first.source = `throw new Error("broken on purpose");\n${Array.isArray(first.source) ? first.source.join("") : first.source}`;
    writeFileSync(notebook, JSON.stringify(data));
    const beta = join(root, "notebooks/02-beta.ipynb");
    writeFileSync(beta, readFileSync(beta, "utf8").replace("beta_scaled", "beta_renamed"));
    git("commit", "-qam", "alpha breaks, beta renames its figure");

    const run = spawnSync(process.execPath, [CLI, "diff", "HEAD~1", "HEAD", "--figures", "--json"], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toContain("warning: at HEAD, 1 cell failed; figures from those notebooks are missing");
    expect(run.status).toBe(1);
    type Json = { figures: Array<{ id: string; status: string; missingAt?: string }>; figuresNotBuilt?: unknown };
    const diff = JSON.parse(run.stdout) as Json;
    const status = (id: string) => diff.figures.find((figure) => figure.id === id);
    expect(status("alpha_twice")).toMatchObject({ status: "missing", missingAt: "HEAD" });
    expect(status("beta_scaled")?.status).toBe("removed"); // its notebook ran: a real change
    expect(status("beta_renamed")?.status).toBe("added");
    expect(diff.figuresNotBuilt).toEqual([{ side: "HEAD", notebooks: ["notebooks/01-alpha.ipynb"] }]);
    const text = spawnSync(process.execPath, [CLI, "diff", "HEAD~1", "HEAD", "--figures"], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(text.stdout).toContain("incomplete at HEAD: a code cell threw in notebooks/01-alpha.ipynb, so the figures it declares from there on were not built");
    expect(text.stdout).toMatch(/alpha_twice .* → – {2}not built at HEAD \(a cell failed there\)/);

    // Broken on both sides: the figure is on neither, and the comparison is still said incomplete (exit 1).
    const assumptions = join(root, "notebooks/assumptions.yaml");
    writeFileSync(assumptions, readFileSync(assumptions, "utf8").replace("value: 7\n", "value: 8\n"));
    git("commit", "-qam", "beta 7 → 8");
    const both = spawnSync(process.execPath, [CLI, "diff", "HEAD~1", "HEAD", "--figures", "--json"], { cwd: root, encoding: "utf8" });
    expect(both.status).toBe(1);
    const bothDiff = JSON.parse(both.stdout) as Json;
    expect(bothDiff.figuresNotBuilt).toEqual([{ side: "HEAD~1", notebooks: ["notebooks/01-alpha.ipynb"] }, { side: "HEAD", notebooks: ["notebooks/01-alpha.ipynb"] }]);
    expect(bothDiff.figures.map((figure) => figure.id)).not.toContain("alpha_twice");

    const againstFile = spawnSync(process.execPath, [CLI, "diff", "HEAD~1", "notebooks/assumptions.yaml", "--figures"], { cwd: root, encoding: "utf8" });
    expect(againstFile.status).toBe(0);
    expect(againstFile.stderr).toContain("--figures: no figures are built, as notebooks/assumptions.yaml is an assumptions file and has none to compare them with");
    expect(againstFile.stderr).not.toContain("building figures");
    // A folder is no assumptions file: refused as before, with no note about figures.
    const folder = spawnSync(process.execPath, [CLI, "diff", "HEAD", "notebooks", "--figures"], { cwd: root, encoding: "utf8" });
    expect(folder.status).toBe(2);
    expect(folder.stderr).not.toContain("--figures: no figures are built");
  }, 120_000);

  it("an interrupted diff leaves no worktree: Ctrl-C and SIGHUP remove it at once; after kill -9 the next diff removes it and says so", async () => {
    const { root, git } = repository();
    for (const signal of ["SIGINT", "SIGHUP"] as const) {
      const stopped = await interrupted(root, signal); // Ctrl-C; the terminal closing
      expect(stopped.signal).toBe(signal); // ended as the signal says (a shell shows 130, 129)
      expect(git("worktree", "list").trim().split("\n")).toHaveLength(1);
      expect(existsSync(join(stopped.worktree, ".."))).toBe(false);
    }

    const killed = await interrupted(root, "SIGKILL");
    expect(git("worktree", "list").trim().split("\n")).toHaveLength(2); // what kill -9 leaves
    const next = spawnSync(process.execPath, [CLI, "diff", "HEAD~1", "HEAD", "--figures", "--json"], { cwd: root, encoding: "utf8" });
    expect(next.status).toBe(0);
    expect(next.stderr).toMatch(new RegExp(`removed ${killed.worktree.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}, the worktree of an earlier diff --figures that ended without removing it \\(pid \\d+\\)`));
    expect(git("worktree", "list").trim().split("\n")).toHaveLength(1);
    expect(existsSync(join(killed.worktree, ".."))).toBe(false);
  }, 120_000);
});
