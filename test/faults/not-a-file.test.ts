/**
 * A project file that is not a plain file: a named pipe (FIFO) where a chapter, report.yaml or the
 * assumptions file should be made build, check and run wait for a writer for ever, with no message;
 * a chapter linked to /dev/zero was read until the string outgrew memory. Each is now refused at
 * once, by its name, exit 2 (real processes, real FIFOs; each command is given 20 s, so a hang fails
 * the test instead of stalling the suite).
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempProject, type TempProject } from "../project";
import { CLI } from "../published-project";

let project: TempProject | undefined;
afterEach(() => project?.remove());

const TIMEOUT_MS = 20_000;

/** A command killed if it still runs after 20 s (a wait on the FIFO): code -1 then. */
function within(args: readonly string[], cwd: string): { code: number; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", timeout: TIMEOUT_MS, killSignal: "SIGKILL", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status ?? -1, stderr: result.stderr };
}

function withFifo(root: string, relative: string): void {
  const path = join(root, relative);
  if (existsSync(path)) renameSync(path, `${path}.kept`);
  execFileSync("mkfifo", [path]);
}

function listChapter(root: string, chapter: string): void {
  const file = join(root, "notebooks", "report.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("  - 02-claims.ipynb\n", `  - 02-claims.ipynb\n  - ${chapter}\n`));
}

describe("a project file that is not a plain file", () => {
  it("a FIFO as a chapter: build, check and run refuse it by name (exit 2) instead of waiting", () => {
    project = tempProject();
    withFifo(project.root, "notebooks/03-pipe.ipynb");
    listChapter(project.root, "03-pipe.ipynb");
    for (const args of [["build", "--no-pdf"], ["check"], ["run", "notebooks/03-pipe.ipynb"]]) {
      const result = within(args, project.root);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toContain("notebooks/03-pipe.ipynb: is a named pipe (FIFO), not a file");
      expect(result.stderr).toContain("replace it with the file itself");
    }
  }, 90_000);

  it("a chapter linked to /dev/zero is refused as a device, not read until memory runs out", () => {
    project = tempProject();
    symlinkSync("/dev/zero", join(project.root, "notebooks", "03-zero.ipynb"));
    listChapter(project.root, "03-zero.ipynb");
    const result = within(["build", "--no-pdf"], project.root);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain("notebooks/03-zero.ipynb: is a device, not a file");
    expect(result.stderr).not.toContain("Invalid string length");
  }, 60_000);

  it("a FIFO as report.yaml or as the assumptions file: every command says so (exit 2)", () => {
    for (const file of ["notebooks/report.yaml", "notebooks/assumptions.yaml"]) {
      project?.remove();
      project = tempProject();
      withFifo(project.root, file);
      for (const args of [["build", "--no-pdf"], ["check"], ["run", "notebooks/01-price.ipynb"]]) {
        const result = within(args, project.root);
        expect(result.code, `${file}, ${args.join(" ")}: ${result.stderr}`).toBe(2);
        // As a path, or (where the run reads the assumptions) as the file at its first line.
        expect(result.stderr).toMatch(new RegExp(`${file.replace(".", "\\.")}(:|:1:1: the assumptions file) is a named pipe \\(FIFO\\), not a file`));
        // Named once, where the line begins.
        expect(result.stderr.split("\n").find((line) => line.includes("named pipe"))?.split(file).length).toBe(2);
      }
    }
  }, 180_000);

  it("a named pipe as --assumptions is read as input, before the outputs are locked: another build goes on while it waits for its writer", async () => {
    project = tempProject();
    const root = project.root;
    const pipe = join(root, "overrides.yaml");
    execFileSync("mkfifo", [pipe]);
    const waiting = spawn(process.execPath, [CLI, "build", "--no-pdf", "--root", root, "--assumptions", pipe], { cwd: root, env: { ...process.env, NO_COLOR: "1" } });
    let stderr = "";
    waiting.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const ended = new Promise<number | null>((resolve) => waiting.once("exit", resolve));
    try {
      await new Promise((resolve) => setTimeout(resolve, 1500)); // started, and waiting on the pipe
      // It held out/.build.lock while it waited, and this build waited behind it (up to 30 minutes).
      const other = within(["build", "--no-pdf", "--root", root], root);
      expect(other.stderr).not.toContain("waiting for");
      expect(other.code).toBe(0);
      writeFileSync(pipe, "h100_usd_per_gpu_hour: 3\n"); // the writer comes: the what-if build goes on
      expect(await ended).toBe(0);
      expect(stderr).toMatch(/what-if: .*h100_usd_per_gpu_hour/);
    } finally {
      waiting.kill("SIGKILL");
    }
  }, 60_000);

  it("a folder where a chapter should be is named as a folder, with the notebooks in it to name instead", () => {
    project = tempProject();
    // `fragtax run notebooks`: the folder's notebooks, a few, to name one (it said only "(EISDIR)").
    for (const command of ["run", "check"]) {
      const folder = within([command, "notebooks"], project.root);
      expect(folder.code, folder.stderr).toBe(2);
      expect(folder.stderr).toContain("notebooks: a folder, not a notebook: name one notebook file, e.g. notebooks/01-price.ipynb");
      expect(folder.stderr).not.toContain("EISDIR");
    }
    mkdirSync(join(project.root, "notebooks", "03-folder.ipynb"));
    listChapter(project.root, "03-folder.ipynb");
    const result = within(["run", "notebooks/03-folder.ipynb"], project.root);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain("notebooks/03-folder.ipynb: a folder, not a notebook: name one notebook file (this folder has no .ipynb file)");
    expect(result.stderr).not.toContain("FIFO");
  }, 60_000);
});
