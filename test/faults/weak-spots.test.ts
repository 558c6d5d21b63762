/**
 * The smaller failures of the fault pass: each bad input gets a located message and exit 2, a
 * duplicate id names its cells and blocks publishing, and `dev` says what it is doing with the network.
 */
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { afterEach, describe, expect, it, onTestFinished } from "vitest";
import { appendCell, tempProject, type TempProject } from "../project";
import { CLI, fragtax } from "../published-project";

let project: TempProject | undefined;
afterEach(() => project?.remove());

function editConfig(root: string, edit: (yaml: string) => string): void {
  const file = join(root, "notebooks", "report.yaml");
  writeFileSync(file, edit(readFileSync(file, "utf8")));
}

describe("bad input: located, exit 2", () => {
  it("a wrong-typed report.yaml value is reported as the wrong type, not as missing", async () => {
    project = tempProject();
    editConfig(project.root, (yaml) => yaml.replace(/^title: .*$/m, "title: 123"));
    const result = await fragtax(["build", "--no-pdf", "--root", project.root], { cwd: project.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('report.yaml:1:8: "title" in report.yaml is a number, where a text goes; write it as title: The text, on one line');
    expect(result.stderr).not.toContain('needs "title"');
  });

  it("a chapter outside the project is named at its line", async () => {
    project = tempProject();
    const outside = join(project.root, "..", `outside-${process.pid}.ipynb`);
    copyFileSync(join(project.root, "notebooks", "01-price.ipynb"), outside);
    onTestFinished(() => rmSync(outside, { force: true }));
    editConfig(project.root, (yaml) => yaml.replace("  - 01-price.ipynb", `  - ../../outside-${process.pid}.ipynb`));
    const result = await fragtax(["build", "--no-pdf", "--root", project.root], { cwd: project.root });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`report\\.yaml:6:5: chapter \\.\\./\\.\\./outside-${process.pid}\\.ipynb is outside the project`));
    expect(result.stderr).not.toContain("returned no result");
  });

  it("--root /nonexistent and diff with a folder: a sentence, exit 2, no raw ENOENT/EISDIR", async () => {
    project = tempProject();
    const build = await fragtax(["build", "--root", "/nonexistent-fragtax-root"], { cwd: project.root });
    expect(build.code).toBe(2);
    expect(build.stderr).toContain("--root /nonexistent-fragtax-root: there is no such folder; pass the report's project folder, the one that holds notebooks/report.yaml");
    const check = await fragtax(["check", "--root", "/nonexistent-fragtax-root"], { cwd: project.root });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain("--root /nonexistent-fragtax-root: there is no such folder");
    // From anywhere, check --root checks that project's chapters.
    const checked = await fragtax(["check", "--root", project.root], { cwd: tmpdir() });
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stderr).toContain("check passed: 2 notebooks and src/ (types, assumption ids, markdown images)");
    // --root searches nowhere else: the notebooks/ folder itself, or a folder without a report, is said to be that.
    const notebooksFolder = await fragtax(["build", "--no-pdf", "--root", "notebooks"], { cwd: project.root });
    expect(notebooksFolder.code).toBe(2);
    expect(notebooksFolder.stderr).toContain("--root notebooks: this is the notebooks/ folder; --root names the project folder above it (--root .)");
    const elsewhere = join(project.root, "elsewhere");
    mkdirSync(elsewhere);
    const noReport = await fragtax(["publish", "--root", elsewhere], { cwd: project.root });
    expect(noReport.code).toBe(2);
    expect(noReport.stderr).toContain(`--root ${elsewhere}: no notebooks/report.yaml in it; --root names the report's project folder`);
    const diff = await fragtax(["diff", "..", "notebooks/assumptions.yaml", "--root", project.root], { cwd: project.root });
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain("diff: .. is a folder");
    const empty = await fragtax(["diff", "", "notebooks/assumptions.yaml", "--root", project.root], { cwd: project.root });
    expect([empty.code, empty.stderr.trim()]).toEqual([2, "diff: one side is empty; give a published version id (out/reports/<id>), an assumptions file or a git ref"]);
    // A file as --root: said to be a file, never "remove or rename that file" (it may be package.json).
    const asFile: string[] = [];
    writeFileSync(join(project.root, "package.json"), '{ "name": "fixture", "private": true }\n');
    for (const command of [["diff", "2026-05-01", "2026-05-20"], ["verify"], ["new", "energy"], ["publish"], ["build", "--no-pdf"]]) {
      const result = await fragtax([...command, "--root", "./package.json"], { cwd: project.root });
      expect(result.code, command.join(" ")).toBe(2);
      expect(result.stderr).toContain("--root ./package.json: that is a file, not a folder; --root names the report's project folder, the one that holds notebooks/report.yaml (did you mean --root .?)");
      asFile.push(result.stderr);
    }
    expect(existsSync(join(project.root, "package.json"))).toBe(true);
    // The folder meant is the project's, not the file's own (notebooks/, which --root refuses).
    const config = await fragtax(["verify", "--root", "notebooks/report.yaml"], { cwd: project.root });
    expect(config.stderr).toContain("--root notebooks/report.yaml: that is a file, not a folder; --root names the report's project folder, the one that holds notebooks/report.yaml (did you mean --root .?)");
    for (const text of [build.stderr, notebooksFolder.stderr, noReport.stderr, diff.stderr, ...asFile]) expect(text).not.toMatch(/\b(ENOENT|EISDIR|ENOTDIR)\b/);
  });

  it("a report.yaml that is a symbolic link to nothing is said to be one, by every command, not as no project at all", async () => {
    project = tempProject();
    const config = join(project.root, "notebooks", "report.yaml");
    renameSync(config, join(project.root, "notebooks", "kept.yaml"));
    symlinkSync("../moved/report.yaml", config);
    const said = `${config} is a symbolic link to ../moved/report.yaml, which does not exist; restore the file it points to, or put report.yaml itself in its place`;
    for (const [command, cwd] of [[["build", "--no-pdf"], project.root], [["build", "--no-pdf", "--root", project.root], tmpdir()], [["check"], join(project.root, "notebooks")], [["check", "--root", project.root], tmpdir()], [["publish"], project.root], [["verify"], project.root]] as const) {
      const result = await fragtax([...command], { cwd });
      expect([result.code, result.stderr.trim()], command.join(" ")).toEqual([2, said]);
    }
    // Put back, the project builds again: the message pointed at the right file.
    rmSync(config);
    renameSync(join(project.root, "notebooks", "kept.yaml"), config);
    expect((await fragtax(["check"], { cwd: project.root })).code).toBe(0);
  });

  it("a report.yaml or an assumptions file that is a link in a loop is said to loop, not to be missing", async () => {
    project = tempProject();
    const notebooks = join(project.root, "notebooks");
    const config = join(notebooks, "report.yaml");
    renameSync(config, join(notebooks, "kept.yaml"));
    symlinkSync("loop.yaml", config);
    symlinkSync("report.yaml", join(notebooks, "loop.yaml"));
    const looped = await fragtax(["build", "--no-pdf"], { cwd: project.root });
    expect([looped.code, looped.stderr.trim()]).toEqual([2, `${config} is a symbolic link to loop.yaml, which leads back to it (the links loop); restore the file it points to, or put report.yaml itself in its place`]);
    rmSync(config);
    rmSync(join(notebooks, "loop.yaml"));
    renameSync(join(notebooks, "kept.yaml"), config);
    const assumptions = join(notebooks, "assumptions.yaml");
    rmSync(assumptions);
    symlinkSync("assumptions.yaml", assumptions);
    const selfLink = await fragtax(["build", "--no-pdf"], { cwd: project.root });
    expect(selfLink.code).toBe(2);
    expect(selfLink.stderr).toMatch(/notebooks\/report\.yaml:\d+:\d+: assumptions file "assumptions\.yaml" named in report\.yaml is a symbolic link that leads nowhere \(or loops\); point it at the assumptions file, or name that file itself/);
  });

  it("a device as an assumptions file (diff) or an overrides file (build --assumptions): a sentence, exit 2, not read until memory runs out", async () => {
    project = tempProject();
    const diff = await fragtax(["diff", "/dev/zero", "notebooks/assumptions.yaml", "--root", project.root], { cwd: project.root });
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain("diff: /dev/zero is a device, not a file");
    const build = await fragtax(["build", "--no-pdf", "--assumptions", "/dev/zero", "--root", project.root], { cwd: project.root });
    expect(build.code).toBe(2);
    expect(build.stderr).toContain("/dev/zero: cannot read overrides: it is a device or a folder, not a file; give a YAML file");
    const missing = await fragtax(["build", "--no-pdf", "--assumptions", "nope.yaml", "--root", project.root], { cwd: project.root });
    expect([missing.code, missing.stderr.trim().split("\n").at(-1)]).toEqual([2, "nope.yaml: cannot read overrides: it does not exist: check the path (ENOENT)"]);
    for (const text of [build.stderr, diff.stderr]) expect(text).not.toContain("Invalid string length");
    // A pipe is ordinary input (bash's <(…), /dev/stdin).
    const file = join(project.root, "notebooks", "assumptions.yaml");
    const piped = spawnSync("bash", ["-c", `node ${JSON.stringify(CLI)} diff <(cat ${JSON.stringify(file)}) ${JSON.stringify(file)} --root ${JSON.stringify(project.root)}`], { encoding: "utf8" });
    expect(piped.stderr).not.toContain("device");
    expect(piped.status).toBe(0);
  });
});

describe("duplicate figure ids", () => {
  it("name both cells, fail the build and block publishing", async () => {
    project = tempProject();
    appendCell(project.root, "02-claims.ipynb", 'nb.figure({ id: "run_cost_usd", label: "Again", unit: "USD", format: "usd", value: 1 });');
    const build = await fragtax(["build", "--root", project.root], { cwd: project.root });
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/run_cost_usd \(notebooks\/01-price\.ipynb: cell 3, line \d+, column \d+, notebooks\/02-claims\.ipynb: cell 3, line 1, column 17\)/);
    const publish = await fragtax(["publish", "--root", project.root], { cwd: project.root });
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain("refusing to publish: the build declared some ids twice (run_cost_usd (notebooks/01-price.ipynb: cell 3");
  }, 120_000);
});

describe("fragtax dev and the network", () => {
  it("a busy port fails at once, before any rebuild, exit 2", async () => {
    project = tempProject();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await fragtax(["dev", "--port", String(port), "--root", project.root], { cwd: project.root });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${port}: the port is in use`);
      expect(result.stderr).not.toContain("config:");
    } finally {
      blocker.close();
    }
  });

  it("--host 0.0.0.0 warns that the preview is reachable from other machines; 127.0.0.2, a loopback address too, does not", async () => {
    project = tempProject();
    const started = async (host: string): Promise<string> => {
      const child = spawn(process.execPath, [CLI, "dev", "--port", "0", "--host", host, "--root", project?.root ?? ""], { cwd: project?.root, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const deadline = Date.now() + 60_000;
      while (!stderr.includes("serving") && Date.now() < deadline && child.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 50));
      child.kill("SIGINT");
      await new Promise((resolve) => child.once("exit", resolve));
      return stderr;
    };
    expect(await started("0.0.0.0")).toContain("warning: --host 0.0.0.0 serves the preview to other machines on the network");
    const loopback = await started("127.0.0.2");
    expect(loopback).toContain("serving");
    expect(loopback).not.toContain("warning: --host");
  }, 90_000);

  it("SIGTERM during a rebuild stops dev as Ctrl-C does: the rebuild is abandoned, the last build stays, no build lock is left", async () => {
    project = tempProject();
    const child = spawn(process.execPath, [CLI, "dev", "--port", "0", "--root", project.root], { cwd: project.root, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    const waitFor = async (text: string): Promise<void> => {
      for (const end = Date.now() + 60_000; !stderr.includes(text) && Date.now() < end && child.exitCode === null; ) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(stderr).toContain(text);
    };
    await waitFor("built in");
    const page = readFileSync(join(project.root, "out", "build", "report.html"), "utf8");
    const file = join(project.root, "notebooks", "assumptions.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("range: { low: 2, high: 3 }", "range: { low: 2, high: 3.5 }"));
    await waitFor("changed: ");
    // The lock is taken once the rebuild starts: stop it then.
    for (const end = Date.now() + 30_000; !existsSync(join(project.root, "out", ".build.lock")) && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 10));
    child.kill("SIGTERM");
    // Ended by the signal, as `fragtax build` is (a shell reports 143).
    expect(await exited).toBe("SIGTERM");
    expect(existsSync(join(project.root, "out", ".build.lock"))).toBe(false);
    expect(readFileSync(join(project.root, "out", "build", "report.html"), "utf8")).toBe(page);
  }, 120_000);

  it("SIGTERM stops a build after Chromium has started: it does not go on and swap in a page beside the old PDF", async () => {
    project = tempProject();
    const { root } = project;
    expect((await fragtax(["build", "--root", root], { cwd: root })).code).toBe(0);
    const page = readFileSync(join(root, "out", "build", "report.html"), "utf8");
    const file = join(root, "notebooks", "assumptions.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("range: { low: 2, high: 3 }", "range: { low: 2, high: 3.5 }"));
    const child = spawn(process.execPath, [CLI, "build", "--root", root], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    // Chromium is a child of the build (puppeteer's pipe); it starts early, beside the notebooks.
    const chromiumStarted = (): boolean => {
      try {
        return readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).some((pid) => /chrom/i.test(readFileSync(`/proc/${pid}/cmdline`, "utf8")));
      } catch {
        return false;
      }
    };
    for (const end = Date.now() + 60_000; !chromiumStarted() && Date.now() < end && child.exitCode === null; ) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(chromiumStarted()).toBe(true);
    child.kill("SIGTERM");
    expect(await exited).toBe("SIGTERM");
    // The previous build is untouched: the killed build swapped in nothing.
    expect(readFileSync(join(root, "out", "build", "report.html"), "utf8")).toBe(page);
    expect(stderr).toContain("fragtax build: stopped by SIGTERM; out/build/ still holds the last build that finished");
  }, 180_000);

  it("Ctrl-C during a cell says what is left and ends the build by the signal, at once", async () => {
    project = tempProject();
    const { root } = project;
    appendCell(root, "01-price.ipynb", "await new Promise((resolve) => setTimeout(resolve, 60_000));");
    const child = spawn(process.execPath, [CLI, "build", "--no-pdf", "--root", root], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    // The lock is taken once the notebooks start.
    for (const end = Date.now() + 60_000; !existsSync(join(root, "out", ".build.lock")) && Date.now() < end; ) await new Promise((resolve) => setTimeout(resolve, 10));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const stopped = Date.now();
    child.kill("SIGINT");
    // Ended by SIGINT itself (a shell reports 130 and a script running it stops too), not by the cell's timeout.
    expect(await exited).toBe("SIGINT");
    expect(Date.now() - stopped).toBeLessThan(10_000);
    expect(stderr).toContain("fragtax build: stopped by Ctrl-C; no build has finished in out/build/ yet; run `fragtax build` again for this one");
    expect(existsSync(join(root, "out", "build", "report.html"))).toBe(false);
  }, 120_000);
});
