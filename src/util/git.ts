/**
 * The git state of a project checkout, recorded in a build's provenance and a published manifest.
 * Shared by build and publish, so it lives below both.
 */
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Commit and dirty flag of the project's git checkout; nulls outside git. */
export async function gitState(root: string): Promise<{ commit: string | null; dirty: boolean | null }> {
  try {
    // Both at once: each is a process start, part of a no-op rebuild's budget.
    const [{ stdout: commit }, { stdout: status }] = await Promise.all([run("git", ["-C", root, "rev-parse", "HEAD"]), run("git", ["-C", root, "status", "--porcelain", "--untracked-files=no"])]);
    return { commit: commit.trim(), dirty: status.trim().length > 0 };
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
    const [{ stdout: committed }, written] = await Promise.all([run("git", ["-C", root, "rev-parse", `HEAD:./${path}`]), hashObject(root, path, text)]);
    return committed.trim() === written;
  } catch {
    return undefined;
  }
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
