/**
 * A failed build still replaces out/build (its page shows the errors in place, and publish refuses it),
 * but the build it replaces, when that one did not fail, is kept in out/last-good/: one typo had cost
 * the last good report.html and its PDF. A build that succeeds removes it again.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../src/build/pipeline";
import { lockBuild, replaceBuildOutputs } from "../../src/build/outputs";
import { appendCell, tempProject, type TempProject } from "../project";

let out = "";
let project: TempProject | undefined;
afterEach(() => {
  if (out !== "") rmSync(out, { recursive: true, force: true });
  project?.remove();
  project = undefined;
});

const log = (failed: boolean): string => JSON.stringify({ notebooks: [{ failedCells: failed ? [3] : [] }], duplicateIds: [] });
const files = (page: string, failed: boolean): Map<string, string> => new Map([["report.html", page], ["build-log.json", log(failed)]]);
const read = (dir: string, name: string): string => readFileSync(join(dir, name), "utf8");

describe("the last good build, kept when a build fails", () => {
  it("is moved to out/last-good/ by a failed build, kept through a second failure, and removed by a success", async () => {
    out = mkdtempSync(join(tmpdir(), "fragtax-last-good-"));
    const buildDir = join(out, "build");
    const lastGood = join(out, "last-good");
    expect(await replaceBuildOutputs(buildDir, files("good", false))).toBeUndefined();
    writeFileSync(join(buildDir, "report.pdf"), "%PDF of the good page");
    mkdirSync(join(buildDir, "executed"));
    writeFileSync(join(buildDir, "executed", "a.ipynb"), "kept with out/build");

    expect(await replaceBuildOutputs(buildDir, files("failed once", true), () => undefined, "failed")).toEqual({ folder: lastGood, files: ["report.html", "report.pdf"], keptNow: true });
    expect(read(buildDir, "report.html")).toBe("failed once");
    expect(existsSync(join(buildDir, "report.pdf"))).toBe(false);
    expect(read(lastGood, "report.html")).toBe("good");
    expect(read(lastGood, "report.pdf")).toBe("%PDF of the good page");
    // `fragtax run`'s folder stays with out/build, as it does on every swap.
    expect(read(buildDir, "executed/a.ipynb")).toBe("kept with out/build");

    // A failure replacing a failure: the failed page goes, the good one stays where it is, and is said to.
    expect(await replaceBuildOutputs(buildDir, files("failed twice", true), () => undefined, "failed")).toEqual({ folder: lastGood, files: ["report.html", "report.pdf"], keptNow: false });
    expect(read(buildDir, "report.html")).toBe("failed twice");
    expect(read(lastGood, "report.html")).toBe("good");
    // A what-if, or a page --strict refuses, replacing a failed page keeps nothing and removes no last good one.
    await replaceBuildOutputs(buildDir, files("what-if", false), () => undefined, "neutral");
    expect(read(lastGood, "report.html")).toBe("good");

    // A good build replacing a failure that followed a good one: the kept one is replaced.
    await replaceBuildOutputs(buildDir, files("good again", false));
    // A build that printed no PDF: the last good one is said to hold what it holds.
    expect(await replaceBuildOutputs(buildDir, files("failed after", true), () => undefined, "failed")).toEqual({ folder: lastGood, files: ["report.html"], keptNow: true });
    expect(read(lastGood, "report.html")).toBe("good again");

    // A good build that printed no PDF removes the last good one, whose PDF was the only one: said.
    writeFileSync(join(lastGood, "report.pdf"), "%PDF of good again");
    const said: string[] = [];
    await replaceBuildOutputs(buildDir, files("good at last", false), (line) => said.push(line));
    expect(existsSync(lastGood)).toBe(false);
    expect(said).toEqual([expect.stringMatching(/last-good is removed, as this build is the last good one now, and the report\.pdf it held went with it, as this build printed none: `fragtax build` without --no-pdf prints this page's$/)]);
    expect(readdirSync(out).sort()).toEqual(["build"]);
  });

  // Before: a normal build, a what-if, then a failed build kept the what-if's page as the last good one, and the normal report was gone.
  it("keeps the normal build a what-if replaces, and never keeps a what-if's page as the last good one", async () => {
    out = mkdtempSync(join(tmpdir(), "fragtax-last-good-"));
    const buildDir = join(out, "build");
    const lastGood = join(out, "last-good");
    const whatIf = new Map([["report.html", "what-if"], ["build-log.json", JSON.stringify({ notebooks: [{ failedCells: [] }], duplicateIds: [], whatIf: { overrides: [{ id: "x", value: 1 }] } })]]);
    await replaceBuildOutputs(buildDir, files("normal", false));
    // Said, as the build's last lines say it (it moved the report silently).
    expect(await replaceBuildOutputs(buildDir, whatIf, () => undefined, "neutral")).toEqual({ folder: lastGood, files: ["report.html"], keptNow: true });
    expect(read(buildDir, "report.html")).toBe("what-if");
    expect(read(lastGood, "report.html")).toBe("normal");
    // A failure after the what-if: the what-if's page is not kept; the normal one stays.
    expect(await replaceBuildOutputs(buildDir, files("failed", true), () => undefined, "failed")).toEqual({ folder: lastGood, files: ["report.html"], keptNow: false });
    expect(read(lastGood, "report.html")).toBe("normal");
    // A what-if replacing a what-if keeps nothing of it either.
    expect(await replaceBuildOutputs(buildDir, whatIf, () => undefined, "neutral")).toBeUndefined();
    expect(await replaceBuildOutputs(buildDir, whatIf, () => undefined, "neutral")).toBeUndefined();
    expect(read(lastGood, "report.html")).toBe("normal");
    await replaceBuildOutputs(buildDir, files("normal again", false));
    expect(existsSync(lastGood)).toBe(false);
  });

  it("keeps the good build a failed one set aside and was killed before keeping, at the next build's recovery", async () => {
    out = mkdtempSync(join(tmpdir(), "fragtax-last-good-"));
    const buildDir = join(out, "build");
    // What a kill -9 between the swap and the keep leaves: the failed page in place, the good build set aside.
    mkdirSync(buildDir);
    for (const [name, text] of files("failed page", true)) writeFileSync(join(buildDir, name), text);
    const setAside = join(out, `.build-old-${2 ** 22 + 12_345}-ab12cd34`);
    mkdirSync(setAside);
    for (const [name, text] of files("good page", false)) writeFileSync(join(setAside, name), text);
    writeFileSync(join(setAside, "report.pdf"), "%PDF");
    await (await lockBuild(buildDir, () => undefined))();
    expect(read(join(out, "last-good"), "report.html")).toBe("good page");
    expect(read(join(out, "last-good"), "report.pdf")).toBe("%PDF");
    expect(readdirSync(out).sort()).toEqual(["build", "last-good"]);
  });

  it("replaces whatever is at out/last-good (a file, a broken link) rather than losing the good build to it", async () => {
    out = mkdtempSync(join(tmpdir(), "fragtax-last-good-"));
    const buildDir = join(out, "build");
    await replaceBuildOutputs(buildDir, files("good", false));
    symlinkSync("/nonexistent-fragtax-target", join(out, "last-good"));
    expect((await replaceBuildOutputs(buildDir, files("failed", true), () => undefined, "failed"))?.keptNow).toBe(true);
    expect(read(join(out, "last-good"), "report.html")).toBe("good");
    expect(readdirSync(out).sort()).toEqual(["build", "last-good"]);
  });

  it("keeps nothing when there was no build before, or the one before has no build log to say it did not fail", async () => {
    out = mkdtempSync(join(tmpdir(), "fragtax-last-good-"));
    const buildDir = join(out, "build");
    expect(await replaceBuildOutputs(buildDir, files("failed first", true), () => undefined, "failed")).toBeUndefined();
    await replaceBuildOutputs(buildDir, new Map([["report.html", "no log"]]));
    expect(await replaceBuildOutputs(buildDir, files("failed", true), () => undefined, "failed")).toBeUndefined();
    expect(readdirSync(out).sort()).toEqual(["build"]);
  });

  it("end to end: a chapter's type error keeps the last good page and says where", async () => {
    project = tempProject();
    const page = (dir: string): string => read(join(project?.root ?? "", "out", dir), "report.html");
    expect((await build({ root: project.root, pdf: false }, new FileBuildEffects(() => undefined))).exitCode).toBe(0);
    const good = page("build");
    appendCell(project.root, "02-claims.ipynb", "const broken: number = (null as unknown as { x: number }).x;");
    const lines: string[] = [];
    const result = await build({ root: project.root, pdf: false }, new FileBuildEffects((line) => lines.push(line)));
    expect(result.exitCode).toBe(1);
    expect(page("build")).toContain("This build failed");
    expect(page("last-good")).toBe(good);
    // That build printed no PDF (--no-pdf): the line says what the folder holds.
    expect(lines).toContain("the last normal build that did not fail is kept in out/last-good/ (report.html, its records) until a build succeeds");
  });
});
