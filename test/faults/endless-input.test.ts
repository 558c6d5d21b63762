/**
 * A file named on the command line may be a pipe (`--assumptions <(…)`, a side of `diff`), and a pipe
 * may have no end: read whole and checked after, `<(yes …)` was read until memory ran out (18 GB and
 * still reading). It is read no further than an assumptions file may be long, and refused as a plain
 * file that long is. Each run is capped at 4 GB of address space, so a regression fails quickly
 * rather than taking the machine's memory.
 */
import { execFileSync, spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_ASSUMPTIONS_FILE_MB } from "../../src/util/limits";
import { CLI, makeProject } from "../published-project";

const groups: number[] = [];
const roots: string[] = [];
afterEach(() => {
  // Each run and its writers are a process group of their own: ended whole, whatever the test saw.
  for (const pid of groups.splice(0)) killGroup(pid);
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // Already ended.
  }
}

/**
 * `fragtax ARGS` as bash runs it (`<(…)` and `|` are real pipes: Node's own stdio pipes are sockets),
 * under a 4 GB address-space cap, killed (and failing) after `limitMs`. `args` is bash text: "$0" is
 * node, "$1" the CLI.
 */
function limitedFragtax(args: string, cwd: string, limitMs = 30_000): Promise<{ code: number | null; stderr: string; ms: number }> {
  const begun = Date.now();
  const child = spawn("bash", ["-c", `ulimit -v 4000000; "$0" "$1" ${args}`, process.execPath, CLI], { cwd, env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "ignore", "pipe"], detached: true });
  if (child.pid !== undefined) groups.push(child.pid);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.pid !== undefined && killGroup(child.pid), limitMs);
  return new Promise((resolve) => {
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, ms: Date.now() - begun });
    });
  });
}

/** A project, removed after the test, with a second assumptions file to compare with (`other.yaml`). */
async function project(): Promise<string> {
  const root = await makeProject();
  roots.push(root);
  writeFileSync(join(root, "other.yaml"), "assumptions: []\n");
  return root;
}

const refusal = (file: string): RegExp =>
  new RegExp(`^${file.replace(/[/.]/g, "\\$&")}:1:1: the file is more than ${MAX_ASSUMPTIONS_FILE_MB} MB \\(it was read no further\\); an assumptions file may be at most ${MAX_ASSUMPTIONS_FILE_MB} MB`, "m");

describe("an assumptions file from a pipe with no end", () => {
  it("diff reads a FIFO side no further than the limit and refuses it (exit 2), in seconds", { timeout: 60_000 }, async () => {
    const root = await project();
    execFileSync("mkfifo", [join(root, "endless.yaml")]);
    // The writer opens the FIFO once fragtax does; it ends on SIGPIPE when fragtax closes it.
    const result = await limitedFragtax("diff endless.yaml other.yaml & yes 'a: 1' > endless.yaml; wait %1", root);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(refusal("endless.yaml"));
    expect(result.ms).toBeLessThan(20_000);
  });

  it("build --assumptions <(yes …) is read no further than the limit (exit 2), in seconds", { timeout: 60_000 }, async () => {
    const root = await project();
    const result = await limitedFragtax("build --no-pdf --assumptions <(yes 'h100_usd_per_gpu_hour: 3')", root);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(refusal("/dev/fd/63"));
    expect(result.stderr).not.toMatch(/heap out of memory|Invalid string length|ERR_/);
    expect(result.ms).toBeLessThan(20_000);
  });

  it("diff /dev/stdin from an endless pipe too (exit 2)", { timeout: 60_000 }, async () => {
    const root = await project();
    const result = await limitedFragtax("diff /dev/stdin other.yaml < <(yes 'a: 1')", root);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(refusal("/dev/stdin"));
    expect(result.ms).toBeLessThan(20_000);
  });

  it("a short pipe is still read whole", { timeout: 60_000 }, async () => {
    const root = await project();
    const result = await limitedFragtax("diff other.yaml <(printf 'assumptions: []\\n')", root);
    expect(result.code, result.stderr).toBe(0);
  });
});
