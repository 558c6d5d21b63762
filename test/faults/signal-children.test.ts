/**
 * SIGTERM or SIGINT sent to fragtax alone (`kill`, a process manager, `docker stop`; a terminal's Ctrl-C
 * signals the whole process group) ends the processes a running cell started, as a time limit does:
 * `run` and `build` left a cell's `execSync("sleep …")` running, re-parented, after they ended.
 */
import { spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appendCell, codeNotebookJson, tempProject } from "../project";

const CLI = join(import.meta.dirname, "..", "..", "dist", "cli.cjs");

/** A sleep no other test starts: its seconds are unique to this call. */
const marker = (): string => `${(Date.now() % 1000) + 400}.${Math.floor(Math.random() * 90) + 10}`;
const running = (sleep: string): boolean => spawnSync("pgrep", ["-f", `sleep ${sleep}`]).status === 0;

/** Starts fragtax with `args` in `cwd`, signals it once the cell's sleep runs, and resolves to how it ended. */
async function signalled(args: readonly string[], cwd: string, sleep: string, signal: NodeJS.Signals): Promise<{ signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, how) => resolve(how)));
  for (let waited = 0; !running(sleep); waited += 100) {
    if (waited > 40_000) throw new Error(`the cell's sleep never started: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill(signal); // fragtax alone, not its process group
  return { signal: await ended, stderr };
}

describe("a signal to fragtax alone", () => {
  it("run: SIGTERM ends the process a cell is waiting on, and fragtax by the signal", { timeout: 60_000 }, async () => {
    const project = tempProject();
    try {
      const sleep = marker();
      writeFileSync(join(project.root, "notebooks", "waits.ipynb"), codeNotebookJson(['import { execSync } from "node:child_process";', `execSync("sleep ${sleep}");`]));
      const ended = await signalled(["run", "notebooks/waits.ipynb", "--out", "-"], project.root, sleep, "SIGTERM");
      expect(ended.signal, ended.stderr).toBe("SIGTERM");
      expect(running(sleep), "the cell's child is left running").toBe(false);
    } finally {
      project.remove();
    }
  });

  it("build: SIGINT ends the process a chapter's cell is waiting on, and says the build was stopped", { timeout: 60_000 }, async () => {
    const project = tempProject();
    try {
      const sleep = marker();
      appendCell(project.root, "01-price.ipynb", `import { execSync } from "node:child_process";\nexecSync("sleep ${sleep}");`);
      const ended = await signalled(["build", "--no-pdf"], project.root, sleep, "SIGINT");
      expect(ended.signal, ended.stderr).toBe("SIGINT");
      expect(ended.stderr).toContain("stopped by Ctrl-C");
      expect(running(sleep), "the cell's child is left running").toBe(false);
    } finally {
      project.remove();
    }
  });
});
