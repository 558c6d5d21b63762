/**
 * A Deno notebook's process goes with fragtax: `fragtax run` killed with kill -9 (or SIGTERM) while a
 * cell spins in a loop that never yields must not leave `deno` running on at full CPU. Real
 * processes: the CLI, its Deno child (found in /proc), real signals.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TempDir } from "../notebook/helpers";

const temp = new TempDir();
const cli = join(import.meta.dirname, "..", "..", "dist", "cli.cjs");
/** Processes a failed test could leave running, each with how to tell it is still that process. */
const live: Array<{ readonly pid: number; readonly mine: (pid: number) => boolean }> = [];
const runsIn = (folder: string) => (pid: number): boolean => readlinkSync(`/proc/${pid}/cwd`) === folder;
const holds = (text: string) => (pid: number): boolean => readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(text);
afterAll(() => {
  for (const { pid, mine } of live) {
    // Only the very process: pids are reused (pid_max can be 32768), and a pid that ended may now
    // belong to another test's process.
    try {
      if (mine(pid)) process.kill(pid, "SIGKILL");
    } catch {
      // gone, as it should be
    }
  }
  temp.cleanup();
});

/** The pids of the live processes whose parent is `parent`. */
function childrenOf(parent: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return Number(readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ")[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const alive = (pid: number): boolean => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
const until = async (what: () => boolean, ms: number): Promise<boolean> => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 50))) if (what()) return true;
  return what();
};

describe.each(["SIGKILL", "SIGTERM"] as const)("fragtax run of a Deno notebook, ended with %s mid-cell", (signal) => {
  it("leaves no deno process behind", async () => {
    const file = temp.notebook(`spin-${signal}.ipynb`, { kernel: { name: "deno", language: "typescript" }, cells: ['console.log("spinning");\nwhile (Date.now() > 0) {}'] });
    const run = spawn(process.execPath, [cli, "run", file, "--timeout", "600", "--out", "-"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    run.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise((resolve) => run.once("exit", resolve));
    const pid = run.pid as number;
    live.push({ pid, mine: holds(file) });
    // The process that runs the cells (`deno run`), not the type check before it (`deno check`).
    const runsCells = (child: number): boolean => {
      const args = readFileSync(`/proc/${child}/cmdline`, "utf8").split("\0");
      return args.some((arg) => arg.endsWith("deno")) && args.includes("run") && args.includes("--allow-all");
    };
    let deno: number | undefined;
    expect(await until(() => (deno = childrenOf(pid).find((child) => { try { return runsCells(child); } catch { return false; } })) !== undefined, 60_000), "deno started").toBe(true);
    live.push({ pid: deno as number, mine: runsIn(temp.path) }); // the cells' deno runs in the notebook's folder
    // In the loop now: the cell's first line has run (its output is on the way) and deno burns CPU.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(alive(deno as number)).toBe(true);
    run.kill(signal);
    await exited;
    expect(await until(() => !alive(deno as number), 10_000), `deno (pid ${deno}) still running after fragtax got ${signal}`).toBe(true);
    expect(stdout).toBe(""); // killed before writing: nothing half-written on stdout
  }, 90_000);
});

describe("a Deno cell that starts a process of its own", () => {
  it("has it stopped with its Deno when the cell times out", async () => {
    const marker = `${300 + Math.random()}`; // a sleep this test alone starts
    const file = temp.notebook("grandchild.ipynb", { kernel: { name: "deno", language: "typescript" }, cells: [`new Deno.Command("sleep", { args: ["${marker}"] }).spawn();\nwhile (Date.now() > 0) {}`] });
    const sleeping = (): number[] =>
      readdirSync("/proc")
        .filter((name) => /^\d+$/.test(name))
        .filter((pid) => {
          try {
            return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(marker) && alive(Number(pid));
          } catch {
            return false;
          }
        })
        .map(Number);
    const run = spawn(process.execPath, [cli, "run", file, "--timeout", "4", "--out", "-"], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    run.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await until(() => sleeping().length > 0, 60_000), "the cell's sleep started").toBe(true);
    live.push(...sleeping().map((pid) => ({ pid, mine: holds(marker) })));
    const code = await new Promise((resolve) => run.once("exit", resolve));
    expect(code).toBe(1);
    expect(stderr).toContain("did not finish within 4 s");
    expect(await until(() => sleeping().length === 0, 10_000), "the cell's sleep outlived its Deno").toBe(true);
  }, 90_000);
});
