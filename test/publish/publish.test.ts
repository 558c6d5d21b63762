import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fragtax, makeProject, spawnFragtax, useBuild } from "../published-project";

let root: string;
beforeEach(async () => {
  root = await makeProject();
});
afterEach(async () => rm(root, { recursive: true, force: true }));

const reports = () => join(root, "out/reports");
const versions = async () => (await readdir(reports())).filter((name) => !name.startsWith(".") && name !== "index.html").sort();
/** Waits, at most ~10 s, until `done()` holds (a paused publish's marker, a line of output). */
const until = async (done: () => boolean): Promise<void> => {
  for (let tries = 0; !done() && tries < 400; tries++) await new Promise((r) => setTimeout(r, 25));
};

/** 2026-05-01 published from build v1, then a publish of build v2 as 2026-05-02, paused once staged (until its marker is removed). */
async function secondPublishPaused(): Promise<{ marker: string; child: ReturnType<typeof spawnFragtax>; exited: Promise<number | null> }> {
  await useBuild(root, "v1");
  expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
  await useBuild(root, "v2");
  const marker = join(root, "staged.marker");
  const child = spawnFragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: { FRAGTAX_TEST_PAUSE_PUBLISH: marker } });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  await until(() => existsSync(marker));
  return { marker, child, exited };
}

describe("fragtax publish", () => {
  it("writes a complete, hashed, dated version and lists it in the index", async () => {
    await useBuild(root, "v1");
    const result = await fragtax(["publish", "--date", "2026-05-01", "--note", "First <b>cut</b>"], { cwd: root });
    expect(result.stderr).toContain("published 2026-05-01");
    expect(result.code).toBe(0);
    const dir = join(reports(), "2026-05-01");
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
    expect(Object.keys(manifest.files).sort()).toEqual(["assumptions.yaml", "claims.json", "figures.json", "report.html", "report.pdf"]);
    for (const [name, hash] of Object.entries(manifest.files)) {
      expect(createHash("sha256").update(await readFile(join(dir, name))).digest("hex")).toBe(hash);
    }
    expect(manifest).toMatchObject({ id: "2026-05-01", previous: null, note: "First <b>cut</b>", git: { commit: null, dirty: null } });
    expect(manifest.tools.fragtax).toMatch(/^\d+\.\d+\.\d+/);
    expect(await readFile(join(dir, "assumptions.yaml"), "utf8")).toBe(await readFile(join(root, "notebooks/assumptions.yaml"), "utf8"));
    const index = await readFile(join(reports(), "index.html"), "utf8");
    expect(index).toContain('href="2026-05-01/report.html"');
    expect(index).toContain("First &lt;b&gt;cut&lt;/b&gt;");
    expect(index).toContain("$28.8M");
  });

  it("never overwrites: a second publish the same day gets -2 and a 'What changed since' section", async () => {
    await useBuild(root, "v1");
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
    const first = await readFile(join(reports(), "2026-05-01/report.html"), "utf8");
    await useBuild(root, "v2");
    expect((await fragtax(["publish", "--date", "2026-05-01", "--note", "new prices"], { cwd: root })).code).toBe(0);
    expect(await versions()).toEqual(["2026-05-01", "2026-05-01-2"]);
    expect(await readFile(join(reports(), "2026-05-01/report.html"), "utf8")).toBe(first);
    const second = await readFile(join(reports(), "2026-05-01-2/report.html"), "utf8");
    expect(second).toContain("What changed since 2026-05-01");
    // …and the table of contents links to it.
    expect(second).toContain('<ol class="toc-appendices"><li><a href="#what-changed">What changed since 2026-05-01</a></li></ol>');
    // The id wraps after its underscores only (breakableId).
    expect(second).toContain("<code>h100_<wbr>usd_<wbr>per_<wbr>gpu_<wbr>hour</code>");
    expect(second).not.toContain("<script>alert(1)</script>");
    expect(second.indexOf("What changed")).toBeLessThan(second.indexOf("</body>"));
    // The published PDF is re-printed from the published HTML, so it carries the section too.
    const pdfText = execFileSync("pdftotext", [join(reports(), "2026-05-01-2/report.pdf"), "-"], { encoding: "utf8" });
    expect(pdfText).toContain("What changed since 2026-05-01");
    // Every page's footer names the edition, not only its day: two versions of one day printed the same footer.
    const footers = pdfText.match(/^.*page \d+ of \d+$/gm) ?? [];
    expect(footers.length, pdfText).toBeGreaterThanOrEqual(1);
    for (const footer of footers) expect(footer).toMatch(/^Version 2026-05-01-2 of 2026-05-01 · page \d+ of \d+$/);
    // An id may wrap after an underscore in the printed column: read across the break.
    expect(pdfText.replace(/_\n+/g, "_")).toContain("h100_usd_per_gpu_hour");
    // …and the report's metadata.
    const pdfInfo = execFileSync("pdfinfo", [join(reports(), "2026-05-01-2/report.pdf")], { encoding: "utf8" });
    expect(pdfInfo).toMatch(/^Author:\s+fragtax tests$/m);
    expect(pdfInfo).toMatch(/^Title:\s+Fixture Report$/m);
    const manifest = JSON.parse(await readFile(join(reports(), "2026-05-01-2/manifest.json"), "utf8"));
    expect(manifest.previous).toBe("2026-05-01");
    const index = await readFile(join(reports(), "index.html"), "utf8");
    expect(index.indexOf("2026-05-01-2/report.html")).toBeLessThan(index.indexOf('"2026-05-01/report.html"'));
  });

  it("records the commit the build was made from, which its page names, not the one it finds when it runs", async () => {
    // Made at a commit (its page's Provenance says so); publish runs where git finds none, as after a later commit.
    const commit = "0123456789abcdef0123456789abcdef01234567";
    await useBuild(root, "v1", { git: { commit, dirty: false } });
    const result = await fragtax(["publish", "--date", "2026-05-01"], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const manifest = JSON.parse(await readFile(join(reports(), "2026-05-01", "manifest.json"), "utf8"));
    expect(manifest.git).toEqual({ commit, dirty: false });
  });

  it("refuses a what-if build and a build with a failed cell, writing nothing", async () => {
    await useBuild(root, "v1", { whatIf: { overrides: [{ id: "h100_usd_per_gpu_hour", value: 9 }], sources: ["--set"] } });
    const whatIf = await fragtax(["publish"], { cwd: root });
    expect(whatIf.code).toBe(1);
    expect(whatIf.stderr).toContain("refusing to publish a what-if build (overrides: h100_usd_per_gpu_hour = 9)");
    await useBuild(root, "v1", { notebooks: [{ notebook: "notebooks/a.ipynb", status: "executed", failedCells: [3] }] });
    const failed = await fragtax(["publish"], { cwd: root });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("a cell failed in notebooks/a.ipynb");
    expect(existsSync(reports()) ? await versions() : []).toEqual([]);
  });

  it("refuses a build whose PDF print failed, though the previous build's report.pdf is still there", async () => {
    await useBuild(root, "v1", { pdfStatus: "failed" });
    expect(existsSync(join(root, "out/build/report.pdf"))).toBe(true);
    const result = await fragtax(["publish", "--date", "2026-05-01"], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("it printed no report.pdf (printing it failed; the report.pdf beside it is an earlier build's)");
    expect(existsSync(reports()) ? await versions() : []).toEqual([]);
  });

  it("refuses a --date before the build's data cut-off or before the newest version, writing nothing", async () => {
    await useBuild(root, "v1", { asOf: "2026-05-10" });
    const early = await fragtax(["publish", "--date", "2026-05-01"], { cwd: root });
    expect(early.code).toBe(2);
    expect(early.stderr).toContain("--date 2026-05-01 is before this build's data cut-off (as of 2026-05-10)");
    // Bad input whatever else is wrong: a build with warnings (exit 1 without --accept-warnings) does not hide it.
    await useBuild(root, "v1", { asOf: "2026-05-10", warnings: ["notebooks/a.ipynb: cell 2: a chart's field is missing"] });
    const warned = await fragtax(["publish", "--date", "2026-05-01"], { cwd: root });
    expect(warned.code).toBe(2);
    expect(warned.stderr).toContain("--date 2026-05-01 is before this build's data cut-off (as of 2026-05-10)");
    await useBuild(root, "v1", { asOf: "2026-05-10" });
    expect(existsSync(reports()) ? await versions() : []).toEqual([]);

    expect((await fragtax(["publish", "--date", "2026-05-20"], { cwd: root })).code).toBe(0);
    await useBuild(root, "v2", { asOf: "2026-05-10" });
    const backwards = await fragtax(["publish", "--date", "2026-05-15"], { cwd: root });
    expect(backwards.code).toBe(2);
    expect(backwards.stderr).toContain("--date 2026-05-15 is before the newest published version, 2026-05-20 (dated 2026-05-20)");
    // Without --date the version is dated today; a build whose data are dated later is refused, saying so.
    const later = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    await useBuild(root, "v2", { asOf: later });
    const today = await fragtax(["publish"], { cwd: root });
    expect(today.code).toBe(2);
    expect(today.stderr).toMatch(new RegExp(`this build's data cut-off \\(as of ${later}\\) is after today \\(\\d{4}-\\d{2}-\\d{2} on this machine\\).*correct asOf in report\\.yaml`));
    await useBuild(root, "v2", { asOf: "2026-05-10" });
    expect(await versions()).toEqual(["2026-05-20"]);
    expect((await fragtax(["publish", "--date", "2026-05-20"], { cwd: root })).code).toBe(0); // the same day is in order
    expect(await versions()).toEqual(["2026-05-20", "2026-05-20-2"]);
  });

  it("without a build says to run `fragtax build` first, exits 1 and writes nothing under out/reports/", async () => {
    const result = await fragtax(["publish"], { cwd: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("nothing to publish:");
    expect(result.stderr).toContain("run `fragtax build` first");
    expect(existsSync(reports())).toBe(false);
  });

  it("refuses when the assumptions file changed since the build, and a bad --date", async () => {
    await useBuild(root, "v1");
    await writeFile(join(root, "notebooks/assumptions.yaml"), "assumptions: []\n");
    expect((await fragtax(["publish"], { cwd: root })).stderr).toContain("changed since the last build");
    await useBuild(root, "v1");
    const bad = await fragtax(["publish", "--date", "2026-02-30"], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--date 2026-02-30");
  });

  it("kill -9 after staging leaves no partial version and an unchanged index", async () => {
    await useBuild(root, "v1");
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
    const indexBefore = await readFile(join(reports(), "index.html"), "utf8");
    await useBuild(root, "v2");
    const marker = join(root, "staged.marker");
    const child = spawnFragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: { FRAGTAX_TEST_PAUSE_PUBLISH: marker } });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await until(() => existsSync(marker));
    const staging = await readFile(marker, "utf8");
    expect(existsSync(join(staging, "manifest.json"))).toBe(true); // it really was midway, fully staged
    child.kill("SIGKILL");
    await exited;
    expect(await versions()).toEqual(["2026-05-01"]);
    // What the dead publisher left (its staging folder, its lock) is ignored by git, so committing
    // out/reports/ before the next publish cleans up commits nothing partial.
    const leftovers = (await readdir(reports())).filter((name) => name.startsWith("."));
    expect(leftovers.some((name) => name.startsWith(".staging-"))).toBe(true);
    const repo = join(import.meta.dirname, "..", "..");
    for (const name of leftovers) {
      for (const path of [`out/reports/${name}`, `out/reports/${name}/report.html`]) {
        expect(() => execFileSync("git", ["-C", repo, "check-ignore", "-q", "--no-index", path]), path).not.toThrow();
      }
    }
    expect(await readFile(join(reports(), "index.html"), "utf8")).toBe(indexBefore);
    // verify says the staging folder is there and what it is, and passes: no version was touched.
    const verified = await fragtax(["verify"], { cwd: root });
    expect(verified.code).toBe(0);
    const stagingName = leftovers.find((name) => name.startsWith(".staging-")) ?? "";
    expect(verified.stdout).toContain(`note: out/reports/${stagingName} holds what a publish that was stopped midway (pid ${child.pid}) staged; it is no version, and the next publish removes it`);
    // A staging folder whose pid runs but holds no publish lock (pid 1 again, after a container restarted) is as abandoned.
    await mkdir(join(reports(), ".staging-1-abcd"));
    await writeFile(join(reports(), ".staging-1-abcd/page.html"), "<script>alert(1)</script>");
    expect((await fragtax(["verify"], { cwd: root })).stdout).toContain("note: out/reports/.staging-1-abcd holds what a publish that was stopped midway (pid 1) staged");
    // Killed later, while writing the index, it leaves that write's temporary file, named by its pid.
    // One of a live process (this one) is another writer's, and stays.
    const deadWrite = `.index.html.${child.pid}.deadbeef.tmp`;
    const liveWrite = `.index.html.${process.pid}.cafebabe.tmp`;
    for (const name of [deadWrite, liveWrite]) await writeFile(join(reports(), name), "<html>half");
    // The dead publisher's lock and staging folder do not block the next one, which cleans up after it.
    const next = await fragtax(["publish", "--date", "2026-05-02"], { cwd: root });
    expect(next.code).toBe(0);
    expect(await versions()).toEqual(["2026-05-01", "2026-05-02"]);
    expect((await readdir(reports())).filter((name) => name.startsWith("."))).toEqual([liveWrite]);
  });

  it.each([["SIGINT", "Ctrl-C", 130], ["SIGTERM", "SIGTERM", 143]] as const)("%s after staging says nothing was published, ends by the signal, and leaves the index", async (signal, said, code) => {
    await useBuild(root, "v1");
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root })).code).toBe(0);
    const indexBefore = await readFile(join(reports(), "index.html"), "utf8");
    await useBuild(root, "v2");
    const marker = join(root, "staged.marker");
    const child = spawnFragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: { FRAGTAX_TEST_PAUSE_PUBLISH: marker, NO_COLOR: "1" } });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (exitCode, bySignal) => resolve(bySignal === signal ? code : exitCode)));
    await until(() => existsSync(marker));
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(stderr).toContain(`fragtax publish: stopped by ${said}; nothing was published (what it had staged is removed by the next publish)`);
    expect(await versions()).toEqual(["2026-05-01"]);
    expect(await readFile(join(reports(), "index.html"), "utf8")).toBe(indexBefore);
  });

  it("verify during a publish waits for it, saying so, instead of calling the index behind as after a killed publish", async () => {
    const { child, exited } = await secondPublishPaused();
    const verifying = fragtax(["verify"], { cwd: root });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill("SIGKILL"); // the publish ends (here, killed while paused): verify goes on
    await exited;
    const verified = await verifying;
    expect(verified.stderr).toContain(`a publish is under way (pid ${child.pid}): verify waits for it to finish`);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain("2026-05-01");
  });

  it("verify during a publish that then finishes checks the new version too, not only the index that lists it", async () => {
    const { marker, child, exited } = await secondPublishPaused();
    // verify, started while the publish is paused: once it says it waits, the publish goes on.
    const verify = spawnFragtax(["verify"], { cwd: root });
    let [stdout, stderr] = ["", ""];
    verify.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    verify.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const verified = new Promise<number | null>((resolve) => verify.once("exit", resolve));
    await until(() => stderr.includes("a publish is under way"));
    expect(stderr).toContain(`a publish is under way (pid ${child.pid}): verify waits for it to finish`);
    await rm(marker); // the publish places 2026-05-02 and lists it while verify waits
    expect(await exited).toBe(0);
    expect(await verified, stderr).toBe(0);
    expect(stdout).toMatch(/^ok 2026-05-02\b/m);
    expect(stdout).toMatch(/^ok 2026-05-01\b/m);
  });

  it("Ctrl-C once the index lists the new version says nothing is left to do, and the version verifies", async () => {
    await useBuild(root, "v1");
    const marker = join(root, "listed.marker");
    const child = spawnFragtax(["publish", "--date", "2026-05-01"], { cwd: root, env: { FRAGTAX_TEST_PAUSE_PUBLISH: marker, FRAGTAX_TEST_PAUSE_PUBLISH_AT: "listed", NO_COLOR: "1" } });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (exitCode, bySignal) => resolve(bySignal === "SIGINT" ? 130 : exitCode)));
    await until(() => existsSync(marker));
    expect(await readFile(marker, "utf8")).toBe("2026-05-01");
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toContain("fragtax publish: stopped by Ctrl-C after version 2026-05-01 was published and listed in out/reports/index.html: nothing is left to do");
    expect(await versions()).toEqual(["2026-05-01"]);
    expect((await fragtax(["verify"], { cwd: root })).code).toBe(0);
  });

  it("two publishes of one build at once publish it once: the second waits, then is refused naming the version", async () => {
    await useBuild(root, "v1");
    const [a, b] = await Promise.all([
      fragtax(["publish", "--date", "2026-05-01", "--note", "a"], { cwd: root }),
      fragtax(["publish", "--date", "2026-05-01", "--note", "b"], { cwd: root }),
    ]);
    expect([a.code, b.code].sort()).toEqual([0, 1]);
    expect([a, b].find((result) => result.code === 1)?.stderr).toContain("is already published as 2026-05-01");
    expect(await versions()).toEqual(["2026-05-01"]);
    const note = JSON.parse(await readFile(join(reports(), "2026-05-01/manifest.json"), "utf8")).note;
    expect(note).toBe(a.code === 0 ? "a" : "b");
    const index = await readFile(join(reports(), "index.html"), "utf8");
    expect(index).toContain('"2026-05-01/report.html"');
    expect(index).not.toContain("2026-05-01-2");
  });
});
