/**
 * The git state of a project checkout, recorded in a build's provenance and a published manifest.
 * Shared by build and publish, so it lives below both.
 */
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Whether git could find a repository for `root`: a `.git` (folder, or file of a worktree) in it or a
 * folder above, or GIT_DIR set. Without one every git command fails, so none is started: starting a
 * process costs ~10–25 ms of the main thread here, a good part of a no-op rebuild outside git.
 */
function mayBeInGit(root: string): boolean {
  if (process.env.GIT_DIR !== undefined) return true;
  for (let folder = resolve(root); ; folder = dirname(folder)) {
    if (existsSync(join(folder, ".git"))) return true;
    if (dirname(folder) === folder) return false;
  }
}

/** Commit and dirty flag of the project's git checkout; nulls outside git and before its first commit. */
export async function gitState(root: string): Promise<{ commit: string | null; dirty: boolean | null }> {
  if (!mayBeInGit(root)) return { commit: null, dirty: null };
  try {
    // One process for both (each start is ~10 ms of the main thread here, in a no-op rebuild's budget):
    // "# branch.oid <commit>" heads the lines, and every other line is a changed tracked file.
    const { stdout } = await run("git", ["-C", root, "status", "--porcelain=v2", "--branch", "--untracked-files=no"]);
    const lines = stdout.split("\n").filter((line) => line.length > 0);
    const commit = /^# branch\.oid ([0-9a-f]{7,64})$/m.exec(stdout)?.[1];
    if (commit === undefined) return { commit: null, dirty: null }; // "(initial)": nothing committed yet
    return { commit, dirty: lines.some((line) => !line.startsWith("#")) };
  } catch {
    return { commit: null, dirty: null };
  }
}

/**
 * The text of `path` (relative to `root`) at `commit`, or undefined when git, the commit or the file
 * is not there.
 */
export async function fileAtCommit(root: string, commit: string, path: string): Promise<string | undefined> {
  if (!/^[0-9a-f]{7,64}$/i.test(commit)) return undefined; // a manifest value, never an option
  try {
    const { stdout: prefix } = await run("git", ["-C", root, "rev-parse", "--show-prefix"]);
    const { stdout } = await run("git", ["-C", root, "show", `${commit}:${prefix.trim()}${path}`], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch {
    return undefined;
  }
}

/**
 * Whether `text` (a file as a build read it, at `path` relative to `root`) is what the commit `HEAD`
 * holds: git's own blob id of the text (through the same filters `git add` applies) against HEAD's.
 * `git status` answers about the file as it is when asked, which a quick edit and undo during a build
 * can make look clean; this answers about the bytes the build used. Undefined when git cannot say.
 */
export async function sameAsHead(root: string, path: string, text: string): Promise<boolean | undefined> {
  try {
    const committed = (await run("git", ["-C", root, "rev-parse", `HEAD:./${path}`])).stdout.trim();
    // The bytes themselves are HEAD's blob: the same, without asking git to filter them (a process fewer).
    // Otherwise git's filters (line endings, a clean filter) may still make them HEAD's: git says.
    if (committed === blobId(text)) return true;
    return committed === (await hashObject(root, path, text));
  } catch {
    return undefined;
  }
}

/** git's id of a blob holding `text` as it is (sha1 of "blob <bytes>\0" and the bytes; a SHA-256 repository never matches it). */
function blobId(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

function hashObject(root: string, path: string, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("git", ["-C", root, "hash-object", "--stdin", `--path=${path}`], { stdio: ["pipe", "pipe", "ignore"] });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`git hash-object exited ${code ?? "by a signal"}`))));
    child.stdin.on("error", reject).end(text);
  });
}
