/**
 * out/build/ holds exactly one complete build, and publish takes nothing else: real `fragtax build`
 * processes killed with SIGKILL at several points, two builds at once, incomplete, failed and
 * altered builds. Each case ends with what publish does with the result.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { appendCell, tempProject, type TempProject } from "../project";
import { CLI, fragtax } from "../published-project";

let project: TempProject | undefined;
afterEach(() => project?.remove());

const buildDir = (root: string): string => join(root, "out", "build");
const sha = (bytes: Buffer): string => createHash("sha256").update(bytes).digest("hex");

interface Log {
  readonly whatIf: unknown;
  readonly builtAt: string;
  readonly outputs: Record<string, string>;
}

/** Every file out/build/'s log lists is the file that build wrote, and nothing else sits beside them. */
function assertOneBuild(root: string): Log {
  const log = JSON.parse(readFileSync(join(buildDir(root), "build-log.json"), "utf8")) as Log;
  for (const [name, hash] of Object.entries(log.outputs)) expect(sha(readFileSync(join(buildDir(root), name))), name).toBe(hash);
  const files = readdirSync(buildDir(root), { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
  expect(files.sort()).toEqual([...Object.keys(log.outputs), "build-log.json"].sort());
  const page = log.outputs["report.html"] ? readFileSync(join(buildDir(root), "report.html"), "utf8") : "";
  if (page) expect(page.includes('data-fragtax="what-if"')).toBe(log.whatIf !== null);
  return log;
}

/** A build in its own process group, so SIGKILL reaches its Chromium too (as Ctrl-C in a terminal does). */
function startBuild(root: string, args: readonly string[] = []): { child: ChildProcess; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, [CLI, "build", "--root", root, ...args], { cwd: root, detached: true, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stderr: () => stderr, exit };
}

async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function killGroup(child: ChildProcess): void {
  if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
}

describe("kill -9 during a build", () => {
  it.each([
    ["while printing the PDF", "render:"],
    ["while executing the chapters", "assumptions:"],
  ])("of a what-if build %s: out/build keeps the previous build whole, and publish refuses until a build finishes", async (_when, line) => {
    project = tempProject();
    const root = project.root;
    const plain = await fragtax(["build", "--root", root], { cwd: root });
    expect(plain.code).toBe(0);
    const before = assertOneBuild(root);

    const whatIf = startBuild(root, ["--set", "h100_usd_per_gpu_hour=4..6"]);
    await until(() => whatIf.stderr().includes(line), `"${line}" from the build`);
    killGroup(whatIf.child);
    await whatIf.exit;

    const after = assertOneBuild(root);
    expect(after).toEqual(before);
    expect(after.whatIf).toBeNull();
    const refused = await fragtax(["publish", "--root", root], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/the last build \(pid \d+\) was interrupted before it finished/);
    expect(existsSync(join(root, "out", "reports")) ? readdirSync(join(root, "out", "reports")).filter((name) => /^\d/.test(name)) : []).toEqual([]);

    // The next build takes the dead build's lock over, clears its stage, and is publishable.
    expect((await fragtax(["build", "--root", root], { cwd: root })).code).toBe(0);
    expect(readdirSync(join(root, "out")).filter((name) => name.startsWith(".build-"))).toEqual([]);
    expect(existsSync(join(root, "out", ".build.lock"))).toBe(false);
    // Dated today (the default): not before the build's data cut-off, its build date here.
    const published = await fragtax(["publish", "--root", root], { cwd: root });
    const id = /published (\d{4}-\d{2}-\d{2}(?:-\d+)?) /.exec(published.stderr)?.[1];
    expect(id, published.stderr).toBeDefined();
    expect(readFileSync(join(root, "out", "reports", id ?? "", "report.html"), "utf8")).not.toContain('data-fragtax="what-if"');
  }, 120_000);
});

describe("two builds at once", () => {
  it("run one after the other: the second waits and says so, out/build is wholly the last one, and publish judges that one", async () => {
    project = tempProject();
    const root = project.root;
    const plain = startBuild(root, ["--no-pdf"]);
    await until(() => plain.stderr().includes("config:"), "the first build to start");
    const whatIf = startBuild(root, ["--no-pdf", "--set", "h100_usd_per_gpu_hour=4..6"]);
    const [a, b] = await Promise.all([plain.exit, whatIf.exit]);
    expect([a, b]).toEqual([0, 0]);
    const waited = [plain.stderr(), whatIf.stderr()].filter((text) => /waiting for the build running as pid \d+/.test(text));
    expect(waited).toHaveLength(1);
    const log = assertOneBuild(root);
    // The build that waited finished last: its files, all of them, are out/build.
    expect(log.whatIf !== null).toBe(waited[0] === whatIf.stderr());
    const publish = await fragtax(["publish", "--root", root], { cwd: root });
    expect(publish.code).toBe(1);
    expect(publish.stderr).toMatch(log.whatIf === null ? /printed no report\.pdf/ : /what-if build/);
  }, 120_000);

  it("publish during a build refuses, naming the running build", async () => {
    project = tempProject();
    const root = project.root;
    expect((await fragtax(["build", "--root", root], { cwd: root })).code).toBe(0);
    appendCell(root, "02-claims.ipynb", "await new Promise((resolve) => setTimeout(resolve, 5000));");
    const running = startBuild(root, ["--no-pdf"]);
    await until(() => running.stderr().includes("assumptions:"), "the build to hold its lock");
    const publish = await fragtax(["publish", "--root", root], { cwd: root });
    await running.exit;
    expect(publish.code).toBe(1);
    expect(publish.stderr).toMatch(/refusing to publish while a build is running \(pid \d+/);
  }, 120_000);
});

describe("publish refuses incomplete, failed and altered builds, naming why", () => {
  it("--no-pdf keeps a PDF of the same page (publishable), and removes, saying so, one of an earlier page (refused)", async () => {
    project = tempProject();
    const root = project.root;
    expect((await fragtax(["build", "--root", root], { cwd: root })).code).toBe(0);
    const printed = readFileSync(join(buildDir(root), "report.pdf"));
    // The same page: the PDF printed of it stays, said (it was deleted without a word).
    const same = await fragtax(["build", "--root", root, "--no-pdf"], { cwd: root });
    expect(same.code).toBe(0);
    expect(same.stderr).toContain("pdf: kept report.pdf: the page is unchanged (--no-pdf prints nothing; `fragtax build` prints a changed page)");
    assertOneBuild(root);
    expect(readFileSync(join(buildDir(root), "report.pdf")).equals(printed)).toBe(true);
    // The same page, but a PDF edited since it was printed: it goes, and the reason is the edit, not "an earlier page".
    const altered = Buffer.from(printed);
    altered[altered.length >> 1] = (altered[altered.length >> 1] ?? 0) ^ 0xff;
    writeFileSync(join(buildDir(root), "report.pdf"), altered);
    const edited = await fragtax(["build", "--root", root, "--no-pdf"], { cwd: root });
    expect(edited.code).toBe(0);
    expect(edited.stderr).toContain("pdf: report.pdf is not kept with this build: it is not the file the last build printed of this page (its sha256 differs from the one build-log.json records: edited or damaged since) (--no-pdf prints nothing)");
    expect(existsSync(join(buildDir(root), "report.pdf"))).toBe(false);
    expect((await fragtax(["build", "--root", root], { cwd: root })).code).toBe(0);
    // A changed page: the PDF of the earlier one cannot stay beside it.
    const assumptions = join(root, "notebooks/assumptions.yaml");
    writeFileSync(assumptions, readFileSync(assumptions, "utf8").replace("range: { low: 2, high: 3 }", "range: { low: 2, high: 3.5 }"));
    const changed = await fragtax(["build", "--root", root, "--no-pdf"], { cwd: root });
    expect(changed.code).toBe(0);
    expect(changed.stderr).toContain("pdf: report.pdf is not kept with this build: it was printed from an earlier page (--no-pdf prints nothing); `fragtax build` prints this one");
    assertOneBuild(root);
    expect(existsSync(join(buildDir(root), "report.pdf"))).toBe(false);
    const publish = await fragtax(["publish", "--root", root], { cwd: root });
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain("it printed no report.pdf (it was built with --no-pdf");
  }, 120_000);

  it("a PDF of the same page printed on another paper is not kept by --no-pdf, nor reused by build (paper: A4 after Letter)", async () => {
    project = tempProject();
    const root = project.root;
    const pageSize = (): string => /Page size:\s+(.*)/.exec(execFileSync("pdfinfo", [join(buildDir(root), "report.pdf")], { encoding: "utf8" }))?.[1] ?? "";
    expect((await fragtax(["build", "--root", root], { cwd: root })).code).toBe(0);
    expect(pageSize()).toContain("612 x 792 pts (letter)");
    // report.html does not say the paper: the page is the same, but the print is not.
    const config = join(root, "notebooks", "report.yaml");
    writeFileSync(config, readFileSync(config, "utf8").replace("paper: Letter", "paper: A4"));
    const noPdf = await fragtax(["build", "--root", root, "--no-pdf"], { cwd: root });
    expect(noPdf.code).toBe(0);
    expect(noPdf.stderr).toContain("pdf: report.pdf is not kept with this build: it was printed from this page but with other print settings: paper Letter, now A4 (--no-pdf prints nothing); `fragtax build` prints this one");
    assertOneBuild(root);
    expect(existsSync(join(buildDir(root), "report.pdf"))).toBe(false);
    // Back to Letter, printed; then A4 with a full build: printed again, on A4, not reused.
    writeFileSync(config, readFileSync(config, "utf8").replace("paper: A4", "paper: Letter"));
    expect((await fragtax(["build", "--root", root], { cwd: root })).code).toBe(0);
    writeFileSync(config, readFileSync(config, "utf8").replace("paper: Letter", "paper: A4"));
    const full = await fragtax(["build", "--root", root], { cwd: root });
    expect(full.code).toBe(0);
    expect(full.stderr).toMatch(/^pdf: A4, \d+ pages/m);
    expect(pageSize()).toContain("(A4)");
    // Its own print settings: kept.
    const kept = await fragtax(["build", "--root", root, "--no-pdf"], { cwd: root });
    expect(kept.stderr).toContain("pdf: kept report.pdf: the page is unchanged");
    expect(pageSize()).toContain("(A4)");
  }, 120_000);

  it("outputs { html: false, pdf: false }: only JSON in out/build, refused", async () => {
    project = tempProject();
    const root = project.root;
    expect((await fragtax(["build", "--root", root, "--no-pdf"], { cwd: root })).code).toBe(0);
    const config = join(root, "notebooks", "report.yaml");
    writeFileSync(config, readFileSync(config, "utf8").split("outputs: { html: true, pdf: true }").join("outputs: { html: false, pdf: false }"));
    expect((await fragtax(["build", "--root", root], { cwd: root })).code).toBe(0);
    assertOneBuild(root);
    expect(existsSync(join(buildDir(root), "report.html"))).toBe(false);
    const publish = await fragtax(["publish", "--root", root], { cwd: root });
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain("it wrote no report.html");
  }, 120_000);

  it("a failed cell: refused, naming the notebook", async () => {
    project = tempProject();
    const root = project.root;
    appendCell(root, "02-claims.ipynb", 'throw new Error("broken");');
    expect((await fragtax(["build", "--root", root], { cwd: root })).code).toBe(1);
    assertOneBuild(root);
    const publish = await fragtax(["publish", "--root", root], { cwd: root });
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain("a cell failed in notebooks/02-claims.ipynb");
  }, 120_000);

  it("a built file edited afterwards: refused, naming the file", async () => {
    project = tempProject();
    const root = project.root;
    expect((await fragtax(["build", "--root", root], { cwd: root })).code).toBe(0);
    const figures = join(buildDir(root), "figures.json");
    writeFileSync(figures, readFileSync(figures, "utf8").replace("25000000", "1"));
    const publish = await fragtax(["publish", "--root", root], { cwd: root });
    expect(publish.code).toBe(1);
    expect(publish.stderr).toContain(`${figures} is not the file the build wrote`);
  }, 120_000);
});
