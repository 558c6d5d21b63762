/**
 * `fragtax diff` through the CLI, on what it reads and writes: `--html` never writes into a published
 * version or over an input, and a damaged version folder is said to be damaged, never read as a git
 * ref or a file of the same name.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, copyFile, mkdir, readFile, rename, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, fragtax, git, makeProject, projectWithVersions } from "../published-project";
import { rm } from "node:fs/promises";

let root: string;

beforeAll(async () => {
  root = await projectWithVersions(["--date", "2026-05-01"], ["--date", "2026-05-20"]);
}, 60_000);
afterAll(async () => rm(root, { recursive: true, force: true }));

describe("fragtax diff --html", () => {
  it("refuses a page inside out/reports/ (directly or through a link) or not ending in .html, writing nothing", async () => {
    const published = join(root, "out/reports/2026-05-01/report.html");
    const before = await readFile(published, "utf8");
    const inside = await fragtax(["diff", "2026-05-01", "2026-05-20", "--html", "out/reports/2026-05-01/report.html"], { cwd: root });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toContain("--html out/reports/2026-05-01/report.html: that is inside out/reports/, where published versions are kept unchanged");
    expect(inside.stdout).toBe("");
    expect(await readFile(published, "utf8")).toBe(before);

    await symlink(join(root, "out/reports"), join(root, "published"));
    const linked = await fragtax(["diff", "2026-05-01", "2026-05-20", "--html", "published/new.html"], { cwd: root });
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain("that is inside out/reports/");
    expect(existsSync(join(root, "out/reports/new.html"))).toBe(false);

    const input = join(root, "notebooks/assumptions.yaml");
    const yaml = await readFile(input, "utf8");
    const notHtml = await fragtax(["diff", "2026-05-01", "2026-05-20", "--html", "notebooks/assumptions.yaml"], { cwd: root });
    expect(notHtml.code).toBe(2);
    expect(notHtml.stderr).toContain("--html notebooks/assumptions.yaml: the diff page is written as an .html file; give a path ending in .html");
    expect(await readFile(input, "utf8")).toBe(yaml);

    const ok = await fragtax(["diff", "2026-05-01", "2026-05-20", "--html", "out/diff.html"], { cwd: root });
    expect(ok.code).toBe(0);
    expect(await readFile(join(root, "out/diff.html"), "utf8")).toContain("Changes from 2026-05-01 to 2026-05-20");
    // A diff page it wrote is replaced: the same command again, or the other way round.
    const again = await fragtax(["diff", "2026-05-20", "2026-05-01", "--html", "out/diff.html"], { cwd: root });
    expect(again.code).toBe(0);
    expect(await readFile(join(root, "out/diff.html"), "utf8")).toContain("Changes from 2026-05-20 to 2026-05-01");
    // Unless it was made read-only: kept, as its mode asks (a rename would replace it, even as root).
    await chmod(join(root, "out/diff.html"), 0o444);
    const kept = await readFile(join(root, "out/diff.html"), "utf8");
    const readOnly = await fragtax(["diff", "2026-05-01", "2026-05-20", "--html", "out/diff.html"], { cwd: root });
    expect([readOnly.code, readOnly.stderr.trim()]).toEqual([2, "--html out/diff.html: that file is read-only, so it is kept; make it writable to replace it (chmod u+w), or write the diff page elsewhere"]);
    expect(await readFile(join(root, "out/diff.html"), "utf8")).toBe(kept);
    expect((await stat(join(root, "out/diff.html"))).mode & 0o777).toBe(0o444);
  });

  it("replaces no other existing .html file (the report's template, a page of the user's), writing nothing", async () => {
    await mkdir(join(root, "pages"), { recursive: true });
    const page = join(root, "pages/notes.html");
    const mine = "<!doctype html><title>My notes</title><body><p>Mine: {{not a placeholder}}</p></body>\n";
    await writeFile(page, mine);
    const refused = await fragtax(["diff", "2026-05-01", "2026-05-20", "--html", "pages/notes.html"], { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("--html pages/notes.html: that file exists and is not a diff page fragtax wrote (a template or a page of your own would be lost); give a new file name, or remove it first");
    expect(await readFile(page, "utf8")).toBe(mine);
    // Nor one that mentions a diff page's body in a comment.
    const commented = '<!doctype html><html><body><!-- <body class="fragtax-diff"> --><p>mine</p></body></html>\n';
    await writeFile(page, commented);
    expect((await fragtax(["diff", "2026-05-01", "2026-05-20", "--html", "pages/notes.html"], { cwd: root })).code).toBe(2);
    expect(await readFile(page, "utf8")).toBe(commented);
    // Nor a named pipe: looking inside it waited for a writer, for ever.
    execFileSync("mkfifo", [join(root, "pages/pipe.html")]);
    const started = Date.now();
    const pipe = spawnSync(process.execPath, [CLI, "diff", "2026-05-01", "2026-05-20", "--html", "pages/pipe.html"], { cwd: root, encoding: "utf8", timeout: 20_000, killSignal: "SIGKILL" });
    expect(pipe.status, `${Date.now() - started} ms`).toBe(2);
    expect(pipe.stderr).toContain("--html pages/pipe.html: that file exists and is not a diff page fragtax wrote");
  });
});

describe("fragtax diff of a damaged version", () => {
  it("says the version is damaged (exit 2), even when a git tag or a file has its name", async () => {
    const manifest = join(root, "out/reports/2026-05-01/manifest.json");
    await rename(manifest, join(root, "manifest-away.json"));
    try {
      const damaged = await fragtax(["diff", "2026-05-01", "2026-05-20"], { cwd: root });
      expect(damaged.code).toBe(2);
      expect(damaged.stderr).toContain("published version 2026-05-01 is damaged: out/reports/2026-05-01/manifest.json is missing or cannot be read");
      expect(damaged.stderr).toContain("run `fragtax verify 2026-05-01`");
      expect(damaged.stdout).toBe("");

      // A tag of that name is not read in its place.
      await git("git", ["-C", root, "init", "-q", "-b", "main"]);
      await git("git", ["-C", root, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "x"]);
      await git("git", ["-C", root, "tag", "2026-05-01"]);
      expect((await fragtax(["diff", "2026-05-01", "2026-05-20"], { cwd: root })).stderr).toContain("published version 2026-05-01 is damaged");
      // Nor a file of that name in the current folder.
      await mkdir(join(root, "elsewhere"), { recursive: true });
      await writeFile(join(root, "elsewhere/2026-05-01"), await readFile(join(root, "notebooks/assumptions.yaml")));
      expect((await fragtax(["diff", "2026-05-01", "2026-05-20", "--root", root], { cwd: join(root, "elsewhere") })).stderr).toContain("published version 2026-05-01 is damaged");

      await writeFile(manifest, "{ not json");
      const unreadable = await fragtax(["diff", "2026-05-20", "2026-05-01"], { cwd: root });
      expect(unreadable.code).toBe(2);
      expect(unreadable.stderr).toContain("published version 2026-05-01 is damaged");
    } finally {
      await rename(join(root, "manifest-away.json"), manifest);
    }
  });
});

describe("fragtax diff with a git ref", () => {
  it("a commit without the assumptions file is said in a sentence (exit 2), not as git's failed command", async () => {
    const project = await makeProject();
    try {
      await git("git", ["-C", project, "init", "-q", "-b", "main"]);
      await git("git", ["-C", project, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "before the assumptions"]);
      await git("git", ["-C", project, "tag", "bare"]);
      const result = await fragtax(["diff", "bare", "notebooks/assumptions.yaml"], { cwd: project });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('git ref "bare" has no notebooks/assumptions.yaml');
      expect(result.stderr).not.toContain("Command failed");
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});

describe("fragtax diff of sides that carry no figures, or are not assumptions files", () => {
  it("says a file that is not YAML (README.md) is not an assumptions file (exit 2), and why figures were not compared", async () => {
    const project = await makeProject();
    try {
      await writeFile(join(project, "README.md"), "# Notes\n\nSome text: with a colon\nand another line\n");
      const readme = await fragtax(["diff", "README.md", "notebooks/assumptions.yaml"], { cwd: project });
      expect(readme.code).toBe(2);
      // It was read as YAML: "README.md:3:1: malformed YAML".
      expect(readme.stderr).toContain("diff: README.md is not an assumptions file (those are YAML: .yaml or .yml)");
      expect(readme.stderr).not.toContain("malformed YAML");
      // Two assumptions files: neither side has figures, and the line no longer says "one side".
      const files = await fragtax(["diff", "notebooks/assumptions.yaml", "notebooks/assumptions.yaml"], { cwd: project });
      expect(files.code, files.stderr).toBe(0);
      expect(files.stdout).toContain("Figures: not compared (a published version carries its figures; an assumptions file has none, and a git ref has them only with --figures, which builds them).");
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});

describe("fragtax diff of files whose names hold a line break", () => {
  // Every argument is checked before a command reads it (cli/main.ts): such a name is refused on one
  // line, escaped, rather than quoted by each message that names it.
  it("refuses them on one line, so a name cannot start a line of its own", async () => {
    const project = await makeProject();
    try {
      const forged = "a\nAssumptions: 0 added, 0 removed, 0 changed.yaml";
      await copyFile(join(project, "notebooks/assumptions.yaml"), join(project, forged));
      const result = await fragtax(["diff", "notebooks/assumptions.yaml", forged], { cwd: project });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr.trimEnd().split("\n")).toEqual([expect.stringContaining('the argument "a\\x0aAssumptions: 0 added, 0 removed, 0 changed.yaml" holds a line break')]);
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});
