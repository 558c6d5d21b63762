/**
 * Numbers and dates users type are checked against their real limits: Node's 32-bit timer, the
 * calendar. Through the bundled CLI, as a user meets them.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseAssumptions } from "../../src/assumptions";
import { parseOverridesFile } from "../../src/build/whatif/overrides-file";
import { MAX_ASSUMPTIONS_FILE_MB, MAX_INPUT_FILE_MB, MAX_TIMEOUT_SECONDS, isCalendarDate, parseTimeoutSeconds } from "../../src/util/limits";
import { codeNotebookJson } from "../project";
import { CLI, fragtax, makeProject, useBuild } from "../published-project";

const dir = mkdtempSync(join(tmpdir(), "fragtax-limits-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function notebook(cells: readonly string[]): string {
  const file = join(dir, `nb-${cells.length}-${Math.random().toString(36).slice(2)}.ipynb`);
  writeFileSync(file, codeNotebookJson(cells));
  return file;
}

describe("--timeout against Node's timer limit", () => {
  it("run --timeout 99999999 exits 2 and names the largest allowed value", async () => {
    const result = await fragtax(["run", notebook(["1 + 1"]), "--timeout", "99999999", "--out", "-"], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`up to ${MAX_TIMEOUT_SECONDS}`);
  });

  it("build --timeout 99999999 exits 2 before reading anything", async () => {
    const result = await fragtax(["build", "--timeout", "99999999", "--root", dir], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`up to ${MAX_TIMEOUT_SECONDS}`);
  });

  it("the largest allowed timeout lets a trivial cell finish", async () => {
    const result = await fragtax(["run", notebook(["await new Promise((r) => setTimeout(r, 50)); 1 + 1"]), "--timeout", String(MAX_TIMEOUT_SECONDS), "--out", "-"], { cwd: dir });
    expect(result.stderr).not.toContain("did not finish");
    expect(result.code).toBe(0);
  });

  it("a cell blocked in a child process (execSync) is stopped at the limit, its child ended, and fragtax exits (it lived on as long as the child)", { timeout: 60_000 }, () => {
    const marker = `${(Date.now() % 1000) + 300}.25`; // a sleep only this test starts
    const file = notebook(['import { execSync } from "node:child_process";', `execSync("sleep ${marker}");`]);
    const run = spawnSync(process.execPath, [CLI, "run", file, "--timeout", "2", "--out", "-"], { cwd: dir, encoding: "utf8", timeout: 45_000 });
    expect(run.signal, "fragtax was still running 45 s later").toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("cell 2: TimeoutError: the cell did not finish within 2 s");
    expect(spawnSync("pgrep", ["-f", `sleep ${marker}`]).status, "the cell's child is left running").toBe(1);
  });

  it("a cell that fills the notebook's heap fails as that cell, with what fills a heap and how to raise the limit (it read as fragtax's own crash: 'WorkerError: the notebook's worker stopped unexpectedly')", { timeout: 60_000 }, () => {
    const file = notebook(["const before = 6 * 7;\nbefore", "const kept: number[][] = [];\nwhile (true) kept.push(new Array(1_000_000).fill(1.5));"]);
    const out = join(dir, "out-of-memory.ipynb");
    // A small limit, set as the message says to set it (the default, ~4 GB, takes ~20 s to fill).
    const env = { ...process.env, NODE_OPTIONS: "--max-old-space-size=200" };
    const run = spawnSync(process.execPath, [CLI, "run", file, "--out", out], { cwd: dir, env, encoding: "utf8", timeout: 45_000 });
    expect(run.signal, "fragtax was still running 45 s later").toBeNull();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("cell 2: OutOfMemoryError: the cell ran out of memory: the notebook's JavaScript heap reached its limit (200 MB, as --max-old-space-size sets it)");
    expect(run.stderr).toContain("NODE_OPTIONS=--max-old-space-size=MB");
    expect(run.stderr).not.toContain("WorkerError");
    // The cells before it kept their outputs, and the error is in place in the executed notebook.
    const executed = JSON.parse(readFileSync(out, "utf8")) as { cells: Array<{ outputs: Array<{ output_type: string; ename?: string; data?: Record<string, string> }> }> };
    expect(executed.cells[0]?.outputs[0]?.data?.["text/plain"]).toBe("42");
    expect(executed.cells[1]?.outputs.find((o) => o.output_type === "error")?.ename).toBe("OutOfMemoryError");
  });

  it("parses seconds to milliseconds within the limit", () => {
    expect(parseTimeoutSeconds("60")).toBe(60_000);
    expect(parseTimeoutSeconds(String(MAX_TIMEOUT_SECONDS + 1))).toBeUndefined();
    expect(parseTimeoutSeconds("0")).toBeUndefined();
    expect(parseTimeoutSeconds("")).toBeUndefined();
    // Seconds as written: not hexadecimal (it took 0x10 as 16 s), not below a millisecond (1e-9 was said as "0.001 s").
    expect(parseTimeoutSeconds("2.5")).toBe(2500);
    expect(parseTimeoutSeconds("0.001")).toBe(1);
    for (const text of ["0x10", "1e-9", "1e3", "0.0004", "-1", "Infinity", "NaN", "5s"]) expect(parseTimeoutSeconds(text), text).toBeUndefined();
  });
});

describe("dates against the calendar", () => {
  it("knows which days exist", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("0000-01-01")).toBe(false);
  });

  it("a source dated 2026-02-30 is an error located at its line", () => {
    const yaml = `assumptions:
  - id: price_usd
    label: Price
    unit: USD
    value: 1
    source: { title: "A", date: 2026-02-30 }
`;
    expect(() => parseAssumptions(yaml, "assumptions.yaml")).toThrow(/assumptions\.yaml:6:\d+: .*calendar date/);
  });

  it("publish --date 0000-01-01 exits 2 and writes nothing", async () => {
    const root = await makeProject();
    try {
      await useBuild(root, "v1");
      const result = await fragtax(["publish", "--date", "0000-01-01"], { cwd: root });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("--date 0000-01-01: expected a calendar date");
      const again = await fragtax(["publish", "--date", "2026-02-30"], { cwd: root });
      expect(again.code).toBe(2);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("an assumptions file too large to be one", () => {
  // About 1.5 s and 90 MB of memory per MB of YAML: a 50 MB file ran for minutes, then Node died out of memory.
  const huge = (): string => `assumptions:\n${"  - id: a\n    label: x\n    unit: USD\n    value: 1\n".repeat(Math.ceil((MAX_ASSUMPTIONS_FILE_MB * 1024 * 1024) / 48) + 10)}`;

  it("is refused before it is parsed, at its first line (exit 2)", () => {
    const started = Date.now();
    expect(() => parseAssumptions(huge(), "big.yaml")).toThrow(new RegExp(`^big\\.yaml:1:1: the file is 8\\.\\d MB; an assumptions file may be at most ${MAX_ASSUMPTIONS_FILE_MB} MB`));
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("as a what-if overrides file (--assumptions FILE) too", () => {
    expect(() => parseOverridesFile(huge(), "big.yaml", ["a"])).toThrow(new RegExp(`^big\\.yaml:1:1: the file is 8\\.\\d MB; an assumptions file may be at most ${MAX_ASSUMPTIONS_FILE_MB} MB`));
  });

  it("diff against one says so in a sentence, quickly, not Node's out-of-memory crash", async () => {
    const root = await makeProject();
    try {
      await useBuild(root, "v1");
      expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
      writeFileSync(join(root, "big.yaml"), huge());
      const result = await fragtax(["diff", "2026-05-01", "big.yaml"], { cwd: root });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`big\\.yaml:1:1: the file is 8\\.\\d MB; an assumptions file may be at most ${MAX_ASSUMPTIONS_FILE_MB} MB`));
      // The same file committed: a git ref's copy is refused before git sends it whole.
      writeFileSync(join(root, "notebooks/assumptions.yaml"), huge());
      for (const args of [["init", "-q", "-b", "main"], ["add", "notebooks/assumptions.yaml"], ["-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "big"]]) execFileSync("git", ["-C", root, ...args]);
      const atRef = await fragtax(["diff", "2026-05-01", "main"], { cwd: root });
      expect(atRef.code).toBe(2);
      expect(atRef.stderr).toMatch(new RegExp(`^main:notebooks/assumptions\\.yaml:1:1: the file is 8\\.\\d MB; an assumptions file may be at most ${MAX_ASSUMPTIONS_FILE_MB} MB`));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("a chapter or report.yaml too large to be read as text", () => {
  // Sparse: their size counts, no disk is spent. Past ~512 MB the read failed with Node's bare
  // "Cannot create a string longer than 0x1fffffe8 characters"; well before, the JSON took gigabytes.
  const sparse = (path: string): string => {
    writeFileSync(path, "");
    truncateSync(path, (MAX_INPUT_FILE_MB + 1) * 1024 * 1024);
    return path;
  };

  it("run and check refuse such a notebook by name, saying what to do (exit 2), and write nothing", async () => {
    const file = sparse(join(dir, "huge.ipynb"));
    const out = join(dir, "huge-out.ipynb");
    for (const args of [["run", file, "--out", out], ["check", file]]) {
      const result = await fragtax(args, { cwd: dir });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`huge.ipynb: the file is ${MAX_INPUT_FILE_MB + 1} MB, more than the ${MAX_INPUT_FILE_MB} MB fragtax reads of a project file`);
      expect(result.stderr).toContain("Clear Outputs of All Cells");
      expect(result.stderr).not.toMatch(/Cannot create a string|heap out of memory/);
    }
    expect(existsSync(out)).toBe(false);
  });

  it("build refuses such a report.yaml by name (exit 2)", async () => {
    const root = await makeProject();
    try {
      sparse(join(root, "notebooks", "report.yaml"));
      const result = await fragtax(["build", "--no-pdf"], { cwd: root });
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`report.yaml: the file is ${MAX_INPUT_FILE_MB + 1} MB`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
