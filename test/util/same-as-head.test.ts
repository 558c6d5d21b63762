// The build's "from commit X" must be about the bytes it used: `git status` answers about the file as
// it is when asked, and an edit undone while the build ran looked clean (a page built from other
// assumptions than commit X's, without "uncommitted").
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FileBuildEffects } from "../../src/build/effects";
import { gitState, sameAsHead } from "../../src/util/git";

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function repo(): string {
  dir = mkdtempSync(join(tmpdir(), "fragtax-git-"));
  const git = (...args: string[]) => execFileSync("git", ["-C", dir, ...args], { stdio: "pipe" });
  git("init", "-q");
  mkdirSync(join(dir, "notebooks"));
  writeFileSync(join(dir, "notebooks", "assumptions.yaml"), "a: 1\n");
  git("add", ".");
  git("-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "A");
  return dir;
}

describe("a file as the build read it, against HEAD", () => {
  it("matches the committed text and not another, and cannot tell outside git", async () => {
    const root = repo();
    expect(await sameAsHead(root, "notebooks/assumptions.yaml", "a: 1\n")).toBe(true);
    expect(await sameAsHead(root, "notebooks/assumptions.yaml", "a: 2\n")).toBe(false);
    const outside = mkdtempSync(join(tmpdir(), "fragtax-nogit-"));
    try {
      expect(await sameAsHead(outside, "x.yaml", "a")).toBeUndefined();
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("makes a clean checkout count as uncommitted when the build used other text than HEAD's", async () => {
    const root = repo();
    const effects = new FileBuildEffects(() => undefined);
    expect(await effects.gitState(root, [{ path: "notebooks/assumptions.yaml", text: "a: 1\n" }])).toMatchObject({ dirty: false });
    // The file on disk is the committed one again; the build had read "a: 2".
    expect(await effects.gitState(root, [{ path: "notebooks/assumptions.yaml", text: "a: 2\n" }])).toMatchObject({ dirty: true });
  });
});

describe("the checkout's commit and dirty flag (one git process)", () => {
  it("names HEAD, is dirty only for a changed tracked file, and says nothing outside git or before a first commit", async () => {
    const root = repo();
    const head = execFileSync("git", ["-C", root, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    expect(await gitState(root)).toEqual({ commit: head, dirty: false });
    writeFileSync(join(root, "untracked.txt"), "new\n"); // untracked files are not the build's
    expect(await gitState(root)).toEqual({ commit: head, dirty: false });
    writeFileSync(join(root, "notebooks", "assumptions.yaml"), "a: 3\n");
    expect(await gitState(root)).toEqual({ commit: head, dirty: true });
    const fresh = mkdtempSync(join(tmpdir(), "fragtax-git-fresh-"));
    try {
      expect(await gitState(fresh)).toEqual({ commit: null, dirty: null });
      execFileSync("git", ["-C", fresh, "init", "-q"]);
      expect(await gitState(fresh)).toEqual({ commit: null, dirty: null });
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

describe("the git processes a build starts", () => {
  // A `git` first on PATH that writes its arguments to a log, then runs the real one.
  let logged = "";
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());
  const logGit = (): (() => string[]) => {
    const bin = mkdtempSync(join(tmpdir(), "fragtax-gitlog-"));
    logged = join(bin, "calls.log");
    const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
    writeFileSync(join(bin, "git"), `#!/bin/sh\necho "$*" >> '${logged}'\nexec '${real}' "$@"\n`);
    chmodSync(join(bin, "git"), 0o755);
    const path = process.env.PATH;
    process.env.PATH = `${bin}:${path ?? ""}`;
    restore = () => {
      process.env.PATH = path;
      rmSync(bin, { recursive: true, force: true });
    };
    return () => (existsSync(logged) ? readFileSync(logged, "utf8").trim().split("\n") : []).map((line) => line.split(" ").filter((word) => !word.startsWith("/"))[1] ?? "");
  };

  it("none outside any repository", async () => {
    const calls = logGit();
    const outside = mkdtempSync(join(tmpdir(), "fragtax-nogit-"));
    try {
      expect(await gitState(outside)).toEqual({ commit: null, dirty: null });
      expect(calls()).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("no hash-object when the text is HEAD's bytes; hash-object when it is not (and git's filters decide)", async () => {
    const root = repo();
    const calls = logGit();
    expect(await sameAsHead(root, "notebooks/assumptions.yaml", "a: 1\n")).toBe(true);
    expect(calls()).toEqual(["rev-parse"]);
    expect(await sameAsHead(root, "notebooks/assumptions.yaml", "a: 2\n")).toBe(false);
    expect(calls()).toEqual(["rev-parse", "rev-parse", "hash-object"]);
  });

  it("the same file with CRLF line endings is HEAD's when git's text filter makes it so", async () => {
    const root = repo();
    writeFileSync(join(root, ".gitattributes"), "*.yaml text eol=crlf\n");
    expect(await sameAsHead(root, "notebooks/assumptions.yaml", "a: 1\r\n")).toBe(true);
    expect(await sameAsHead(root, "notebooks/assumptions.yaml", "a: 2\r\n")).toBe(false);
  });
});
