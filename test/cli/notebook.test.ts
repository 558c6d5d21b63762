// `fragtax run` / `fragtax check` through the bundled CLI (npm test bundles it first).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURES, TempDir } from "../notebook/helpers";
import { appendCell, tempProject } from "../project";

const repoRoot = join(import.meta.dirname, "..", "..");

const temp = new TempDir();
afterAll(() => temp.cleanup());

function fragtax(...args: string[]) {
  const result = spawnSync("node", ["dist/cli.cjs", ...args], { encoding: "utf8" });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("fragtax run", () => {
  it("exits 0 and writes the executed notebook when every cell ran", () => {
    const out = join(temp.path, "executed.ipynb");
    const result = fragtax("run", join(FIXTURES, "semantics.ipynb"), "--out", out);
    expect(result.code).toBe(0);
    const executed = JSON.parse(readFileSync(out, "utf8")) as { nbformat: number; cells: Array<{ execution_count?: number | null }> };
    expect(executed.nbformat).toBe(4);
    expect(executed.cells.filter((cell) => cell.execution_count !== undefined).map((cell) => cell.execution_count)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // A path outside the current folder is named in full; one inside it, relative to it.
    expect(result.stderr).toContain(`wrote ${out}\n`);
    const inside = fragtax("run", join(FIXTURES, "semantics.ipynb"), "--out", "test/.tmp/run-inside.ipynb");
    expect(inside.stderr).toContain("wrote test/.tmp/run-inside.ipynb\n");
    expect(existsSync("test/.tmp/run-inside.ipynb")).toBe(true);
  });

  it("names the written notebook as a shell in the notebook's folder would: ../out/build/executed/…", () => {
    const project = tempProject("project");
    try {
      const result = spawnSync(process.execPath, [join(repoRoot, "dist", "cli.cjs"), "run", "01-price.ipynb"], { cwd: join(project.root, "notebooks"), encoding: "utf8" });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toContain("wrote ../out/build/executed/01-price.ipynb\n");
      expect(existsSync(join(project.root, "out", "build", "executed", "01-price.ipynb"))).toBe(true);
    } finally {
      project.remove();
    }
  });

  it("exits 1 when a cell fails, prints the located error with a code frame and still writes outputs up to it", () => {
    const file = temp.notebook("fails.ipynb", { cells: ['console.log("kept")', 'const a = 1;\nthrow new RangeError("too far");', "2"] });
    const out = join(temp.path, "fails.out.ipynb");
    const result = fragtax("run", file, "--out", out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/fails\.ipynb: cell 2, line 2, column 7: RangeError: too far/);
    expect(result.stderr).toContain('> 2 | throw new RangeError("too far");');
    expect(readFileSync(out, "utf8")).toContain("kept");
  });

  it("exits 1 on a timeout given with --timeout", () => {
    const file = temp.notebook("spin.ipynb", { cells: ["while (true) {}"] });
    const result = fragtax("run", file, "--timeout", "0.5", "--out", "-");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/spin\.ipynb: cell 1, line 1, column 1: TimeoutError: the cell did not finish within 0\.5 s/);
    expect(result.stderr).toContain("> 1 | while (true) {}");
  });

  it("exits 2 on a file that is not JSON, on nbformat 3, on a non-TypeScript kernel and on a missing file", () => {
    const bad = [
      temp.write("bad.ipynb", "{ nope"),
      temp.notebook("v3.ipynb", { cells: [], nbformat: 3 }),
      temp.notebook("py.ipynb", { cells: [], kernel: { name: "python3", language: "python" } }),
      join(temp.path, "absent.ipynb"),
    ];
    const results = bad.map((file) => fragtax("run", file, "--out", join(temp.path, "never.ipynb")));
    expect(results.map((result) => result.code)).toEqual([2, 2, 2, 2]);
    expect(results[0]?.stderr).toMatch(/bad\.ipynb:1:3: not a notebook/);
    // A missing file is said in words, with what to do: no bare "ENOENT".
    expect(results[3]?.stderr).toContain("absent.ipynb: there is no such notebook; check its path");
    expect(results[3]?.stderr).not.toContain("ENOENT");
    expect(existsSync(join(temp.path, "never.ipynb"))).toBe(false);
    // Outside any project, a path is said as given: "nonexistent.ipynb" read as a file in the current folder.
    const atRoot = fragtax("run", "/nonexistent-fragtax.ipynb");
    expect(atRoot.code).toBe(2);
    expect(atRoot.stderr).toContain("/nonexistent-fragtax.ipynb: there is no such notebook; check its path");
  });

  it("says a notebook whose file name is not UTF-8 is there but cannot be named, and how to rename it (exit 2)", () => {
    // The name's bytes (0xE9, Latin-1 "é") reach the process as U+FFFD: only a shell can pass them. The
    // folder's name holds what a shell would split or expand, so the rename it suggests must quote it.
    const folder = join(temp.path, "latin1 $HOME");
    rmSync(folder, { recursive: true, force: true });
    spawnSync("mkdir", ["-p", folder]);
    writeFileSync(Buffer.concat([Buffer.from(`${folder}/my caf`), Buffer.from([0xe9]), Buffer.from(".ipynb")]), readFileSync(join(FIXTURES, "semantics.ipynb")));
    const result = spawnSync("bash", ["-c", `node dist/cli.cjs run $'${folder.replace(/'/g, "\\'")}/my caf\\xe9.ipynb' --out -`], { encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("my caf\uFFFD.ipynb: the notebook's file name is not valid UTF-8");
    expect(result.stderr).not.toContain("there is no such notebook");
    // The command it gives, run from the folder the name is shown from, renames the file.
    const command = /rename the file, e\.g\. `([^`]+)`/.exec(result.stderr)?.[1] ?? "";
    expect(command).toMatch(/^mv /);
    const shownFrom = result.stderr.startsWith("my caf") ? folder : dirname(folder);
    const renamed = spawnSync("bash", ["-c", command], { cwd: shownFrom, encoding: "utf8" });
    expect(renamed.status, renamed.stderr).toBe(0);
    expect(existsSync(join(folder, "my caf_.ipynb"))).toBe(true);
  });

  it("says what to do with a notebook cut off by a save that did not finish, or left empty (exit 2)", () => {
    const whole = readFileSync(join(FIXTURES, "semantics.ipynb"), "utf8");
    const cut = temp.write("cut.ipynb", whole.slice(0, Math.floor(whole.length / 2)));
    const empty = temp.write("empty.ipynb", "");
    for (const command of ["run", "check"]) {
      const truncated = fragtax(command, cut, ...(command === "run" ? ["--out", join(temp.path, "never.ipynb")] : []));
      expect(truncated.code).toBe(2);
      expect(truncated.stderr).toMatch(/cut\.ipynb:\d+:\d+: not a notebook: the file ends before its JSON does \(.*\): it was cut off, as by a save that did not finish; restore it from git, or from JupyterLab's checkpoint in \.ipynb_checkpoints\//);
      const nothing = fragtax(command, empty, ...(command === "run" ? ["--out", join(temp.path, "never.ipynb")] : []));
      expect(nothing.code).toBe(2);
      expect(nothing.stderr).toContain("empty.ipynb:1:1: not a notebook: the file is empty; restore it from git, or from JupyterLab's checkpoint in .ipynb_checkpoints/");
    }
  });

  it("exits 2 on bad usage", () => {
    expect(fragtax("run", join(FIXTURES, "semantics.ipynb"), "--timeout", "soon").code).toBe(2);
    expect(fragtax("run").code).toBe(2);
    expect(fragtax("run", "x.ipynb", "--no-such-option").code).toBe(2);
  });
});

describe("fragtax check outside any project", () => {
  it("exits 2 saying no report.yaml was found (it said 'type check passed: 0 notebooks' and exited 0)", () => {
    const folder = temp.write("no-project/readme.txt", "x\n").replace(/\/readme\.txt$/, "");
    const result = spawnSync(process.execPath, [join(repoRoot, "dist", "cli.cjs"), "check"], { cwd: folder, encoding: "utf8" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`no report.yaml found in ${folder} or any folder above it`);
    expect(result.stderr).not.toContain("check passed");
  });
});

describe("a chapter renamed or deleted after report.yaml listed it", () => {
  it("is located at its report.yaml line by check, as build locates it, with the notebook it may now be and what to do (exit 2)", () => {
    const project = tempProject("project");
    try {
      const notebooks = join(project.root, "notebooks");
      renameSync(join(notebooks, "02-claims.ipynb"), join(notebooks, "02-claim-check.ipynb"));
      const cli = (...args: string[]) => spawnSync("node", [join(repoRoot, "dist", "cli.cjs"), ...args], { cwd: project.root, encoding: "utf8" });
      const wanted = 'notebooks/report.yaml:7:5: chapter "02-claims.ipynb" listed in report.yaml does not exist (looked for notebooks/02-claims.ipynb); did you mean "02-claim-check.ipynb"? List the notebook under its new name in report.yaml, or restore the file';
      for (const args of [["check"], ["build", "--no-pdf"]]) {
        const result = cli(...args);
        expect(result.status, args.join(" ")).toBe(2);
        expect(result.stderr, args.join(" ")).toContain(wanted);
      }
      // Named explicitly: report.yaml, which a run of it reads, is checked first and says the same.
      const named = cli("check", "notebooks/02-claims.ipynb");
      expect(named.status).toBe(2);
      expect(named.stderr).toContain(wanted);
      // A notebook report.yaml does not list, missing: the nearest one in its folder, written as the path was (so it can be typed as said).
      writeFileSync(join(notebooks, "report.yaml"), readFileSync(join(notebooks, "report.yaml"), "utf8").replace("02-claims.ipynb", "02-claim-check.ipynb"));
      const unlistedNow = cli("check", "notebooks/02-claimz.ipynb");
      expect(unlistedNow.status).toBe(2);
      expect(unlistedNow.stderr).toContain('notebooks/02-claimz.ipynb: there is no such notebook; did you mean "notebooks/02-claim-check.ipynb"? check its path');
      // Named from the project's folder without notebooks/: the one in notebooks/.
      const fromRoot = cli("run", "01-price.ipynb", "--out", "-");
      expect(fromRoot.status).toBe(2);
      expect(fromRoot.stderr).toContain('01-price.ipynb: there is no such notebook; did you mean "notebooks/01-price.ipynb"? check its path');
      writeFileSync(join(notebooks, "report.yaml"), readFileSync(join(notebooks, "report.yaml"), "utf8").replace("02-claim-check.ipynb", "02-claims.ipynb"));
      // Deleted, with nothing like it left: what to do, without a suggestion.
      rmSync(join(notebooks, "02-claim-check.ipynb"));
      const deleted = cli("check");
      expect(deleted.status).toBe(2);
      expect(deleted.stderr).toContain('notebooks/report.yaml:7:5: chapter "02-claims.ipynb" listed in report.yaml does not exist (looked for notebooks/02-claims.ipynb); restore the file, or take its line out of report.yaml');
    } finally {
      project.remove();
    }
  }, 60_000);
});

describe("a report.yaml or assumptions file that would stop a build", () => {
  it("stops check too, located as build locates it (exit 2), before any chapter is checked", () => {
    const project = tempProject("project");
    try {
      const file = join(project.root, "notebooks", "report.yaml");
      const good = readFileSync(file, "utf8");
      const cli = (...args: string[]) => spawnSync("node", [join(repoRoot, "dist", "cli.cjs"), ...args], { cwd: project.root, encoding: "utf8" });
      const broken: Array<[string, string]> = [
        [`${good}bogus: 1\n`, `notebooks/report.yaml:${good.split("\n").length}:1: unknown key "bogus" in report.yaml`],
        ["title: x\n  chapters: [\n", "notebooks/report.yaml:1:8: report.yaml is not valid YAML"],
        [good.replace(/^paper: .*$/m, "paper: A5"), "notebooks/report.yaml:"],
        [good.replace(/^assumptions: .*$/m, "assumptions: assumptions.yml"), 'assumptions file "assumptions.yml" named in report.yaml does not exist'],
      ];
      const assumptions = join(project.root, "notebooks", "assumptions.yaml");
      const sound = readFileSync(assumptions, "utf8");
      const brokenAssumptions: Array<[string, string]> = [
        [sound.replace("range: { low: 2, high: 3 }", "range: { low: 2, high: 3"), "notebooks/assumptions.yaml:6:12: malformed YAML (in or just after assumption \"h100_usd_per_gpu_hour\"): this \"{\" is never closed"],
        [sound.replace("id: run_gpu_hours", "id: h100_usd_per_gpu_hour"), 'notebooks/assumptions.yaml:10:9: assumption "h100_usd_per_gpu_hour": duplicate id'],
        [sound.replace("date: 2026-04-28 }", "date: 2099-01-01 }"), "source dated 2099-01-01 is after"],
      ];
      const cases = [...broken.map(([text, wanted]) => ({ file, text, wanted })), ...brokenAssumptions.map(([text, wanted]) => ({ file: assumptions, text, wanted }))];
      for (const { file: edited, text, wanted } of cases) {
        writeFileSync(file, good);
        writeFileSync(assumptions, sound);
        expect(text).not.toBe(edited === file ? good : sound);
        writeFileSync(edited, text);
        // A check of named notebooks too: their runs read both files, and "passed" would promise a build.
        for (const args of [["check"], ["check", "notebooks/01-price.ipynb"], ["build", "--no-pdf"]]) {
          const result = cli(...args);
          expect(result.status, `${args.join(" ")} with ${wanted}`).toBe(2);
          expect(result.stderr).toContain(wanted);
          expect(result.stderr).not.toContain("type check");
        }
      }
    } finally {
      project.remove();
    }
  }, 60_000);
});

describe("fragtax run with a broken assumptions file", () => {
  it("exits 2, naming the file's line as build does, not the notebook's first cell (exit 1 before)", () => {
    const project = tempProject("project");
    try {
      const file = join(project.root, "notebooks", "assumptions.yaml");
      writeFileSync(file, readFileSync(file, "utf8").replace("label: H100 rental price", "lable: H100 rental price"));
      const cli = (...args: string[]) => spawnSync("node", [join(repoRoot, "dist", "cli.cjs"), ...args], { cwd: project.root, encoding: "utf8" });
      const wanted = 'notebooks/assumptions.yaml:4:5: assumption "h100_usd_per_gpu_hour": unknown field "lable"; did you mean "label"?';
      const build = cli("build", "--no-pdf");
      expect(build.status).toBe(2);
      expect(build.stderr).toContain(wanted);
      const run = cli("run", "notebooks/01-price.ipynb", "--out", join(project.root, "run.ipynb"));
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(wanted);
      expect(run.stderr).not.toMatch(/cell \d|AssumptionError|\/notebooks\/assumptions/);
    } finally {
      project.remove();
    }
  }, 60_000);
});

describe("fragtax check and assumption ids", () => {
  it("names a misspelt assumption id a cell reads by its literal, as the run would fail on it (exit 1; check passed it before), and none in a comment or a string", () => {
    const project = tempProject("project");
    try {
      const cli = (...args: string[]) => spawnSync("node", [join(repoRoot, "dist", "cli.cjs"), ...args], { cwd: project.root, encoding: "utf8" });
      const cell = appendCell(project.root, "01-price.ipynb", [
        'import { inputsFrom } from "../dist/model.js";',
        'const misspelt = nb.assumptions.get("run_gpu_hour");',
        "const both = inputsFrom(nb.assumptions, { p: \"h100_usd_per_gpu_hour\", h: 'h100_usd_per_gpu_hr' });",
        'const computed = nb.assumptions.get(["run", "gpu", "hours"].join("_"));',
        // No call: a commented-out line, a comment block, a string (the run reads none of these ids).
        '// const old = nb.assumptions.get("retired_gpu_hours");',
        '/* inputsFrom(nb.assumptions, { q: "retired_price" }) */',
        "const text = 'nb.assumptions.get(\"quoted_id\")';",
      ].join("\n"));
      const check = cli("check");
      expect(check.stderr).toContain(`notebooks/01-price.ipynb: cell ${cell}, line 2, column 37: UnknownAssumptionError: unknown assumption "run_gpu_hour" (not in notebooks/assumptions.yaml); did you mean "run_gpu_hours"?`);
      expect(check.stderr).toContain(`notebooks/01-price.ipynb: cell ${cell}, line 3, column 74: UnknownAssumptionError: unknown assumption "h100_usd_per_gpu_hr" (not in notebooks/assumptions.yaml); did you mean "h100_usd_per_gpu_hour"?`);
      expect(check.stderr).not.toContain('"h100_usd_per_gpu_hour" (not in');
      expect(check.stderr).not.toMatch(/unknown assumption "(retired_gpu_hours|retired_price|quoted_id)"/);
      // Each with the code frame a run shows: the cell's line, and a caret under the id.
      const frame = check.stderr.split("\n").slice(check.stderr.split("\n").findIndex((line) => line.includes('"run_gpu_hour" (not in')) + 1);
      const at = frame.findIndex((line) => line.includes('const misspelt = nb.assumptions.get("run_gpu_hour");'));
      expect(at, check.stderr).toBeGreaterThanOrEqual(0);
      expect(at).toBeLessThan(4);
      expect(frame[at + 1]?.indexOf("^")).toBe((frame[at] ?? "").indexOf('"run_gpu_hour"'));
      expect(check.status).toBe(1);
      expect(check.stderr).toContain("check failed: 2 unknown assumption ids");
      // The run fails on the first of them with the same line, word for word.
      const run = cli("run", "notebooks/01-price.ipynb", "--out", join(project.root, "out.ipynb"));
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(check.stderr.split("\n").find((line) => line.includes('"run_gpu_hour" (not in')));
    } finally {
      project.remove();
    }
  }, 60_000);
});

describe("fragtax check's last line", () => {
  it("calls a syntax error a syntax error, and a type error a type error ('1 type error' for a missing operand before)", () => {
    const project = tempProject("project");
    try {
      const cli = (...args: string[]) => spawnSync("node", [join(repoRoot, "dist", "cli.cjs"), ...args], { cwd: project.root, encoding: "utf8" });
      appendCell(project.root, "01-price.ipynb", 'const wrong: number = "text";');
      const typed = cli("check", "notebooks/01-price.ipynb");
      expect(typed.stderr.trim().split("\n").at(-1)).toBe("check failed: 1 type error");
      expect(typed.status).toBe(1);
      const broken = appendCell(project.root, "01-price.ipynb", "const unfinished = ;");
      const syntax = cli("check", "notebooks/01-price.ipynb");
      expect(syntax.stderr).toContain(`notebooks/01-price.ipynb: cell ${broken}, line 1, column 20: TS1109: Expression expected.`);
      // TypeScript checks types once the code parses, as tsc does: the syntax error alone is reported.
      expect(syntax.stderr.trim().split("\n").at(-1)).toBe("check failed: 1 syntax error");
      expect(syntax.status).toBe(1);
    } finally {
      project.remove();
    }
  }, 60_000);

  // Deno's check words the parser's message without its period ("Expression expected"): it was counted as a type error.
  it("calls a syntax error in a Deno notebook a syntax error too", () => {
    const project = tempProject("project-deno");
    try {
      const broken = appendCell(project.root, "01-price.ipynb", "const unfinished = ;");
      const syntax = spawnSync("node", [join(repoRoot, "dist", "cli.cjs"), "check", "notebooks/01-price.ipynb"], { cwd: project.root, encoding: "utf8" });
      expect(syntax.stderr).toContain(`notebooks/01-price.ipynb: cell ${broken}, line 1, column 20: TS1109: Expression expected`);
      expect(syntax.stderr.trim().split("\n").at(-1)).toBe("check failed: 1 syntax error");
      expect(syntax.status).toBe(1);
    } finally {
      project.remove();
    }
  }, 60_000);
});

describe("an error the model library throws about the call", () => {
  it("is located at the cell's call, without 'thrown in' fragtax's own code under it", () => {
    const project = tempProject("project");
    try {
      const cli = (...args: string[]) => spawnSync("node", [join(repoRoot, "dist", "cli.cjs"), ...args], { cwd: project.root, encoding: "utf8" });
      const cell = appendCell(project.root, "01-price.ipynb", 'import { monteCarlo } from "../dist/model.js";\nconst r = monteCarlo(() => ({ y: 0 / 0 }), {}, { samples: 10, seed: 1 });');
      const run = cli("run", "notebooks/01-price.ipynb", "--out", join(project.root, "out.ipynb"));
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`notebooks/01-price.ipynb: cell ${cell}, line 2, column 11: RangeError: model output "y" is not a finite number`);
      expect(run.stderr).not.toMatch(/thrown in src\/|montecarlo\.ts/);
    } finally {
      project.remove();
    }
  }, 60_000);
});

