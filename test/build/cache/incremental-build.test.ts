/**
 * Dependency-aware rebuilds with the REAL engine and build() on a three-notebook fixture project
 * (test/fixtures/incremental): 01-alpha reads alpha; 02-beta reads beta and imports lib/scale.ts
 * (which imports lib/factor.ts); 03-mix reads alpha and gamma. Figures come from really executing the
 * notebooks, so a stale reuse would show as a wrong number, not just a wrong log line.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { build, FileBuildEffects } from "../../../src/build/pipeline";
import { entryPath } from "../../../src/build/cache/notebook-cache";
import { appendCell, type TempProject } from "../../project";
import { FixtureBuilds, type LogEntry } from "./fixture-builds";

let builds: FixtureBuilds;
let project: TempProject;
let lines: string[];
const file = (path: string): string => builds.file(path);
const page = (): string => builds.page();
const edit = (path: string, from: string, to: string): void => builds.edit(path, from, to);
const rebuild = async (): ReturnType<FixtureBuilds["rebuild"]> => {
  const rebuilt = await builds.rebuild();
  lines = builds.lines;
  return rebuilt;
};

const originals = new Map<string, string>();
const EDITABLE = ["notebooks/assumptions.yaml", "notebooks/lib/scale.ts", "notebooks/lib/factor.ts", "notebooks/03-mix.ipynb"];

beforeAll(async () => {
  builds = new FixtureBuilds("incremental");
  project = builds.project;
  for (const path of EDITABLE) originals.set(path, readFileSync(file(path), "utf8"));
  const cold = await rebuild();
  expect(cold.executed).toEqual(["01-alpha.ipynb", "02-beta.ipynb", "03-mix.ipynb"]);
  expect(cold.figures).toEqual({ alpha_twice: 2, beta_scaled: 20, alpha_plus_gamma: 4 });
}, 60_000);
afterAll(() => project.remove());
// Every test starts from the original sources with a warm cache (restoring them re-validates the entries),
// and without the data files a test made.
beforeEach(async () => {
  for (const path of ["notebooks/note.txt", "notebooks/optional.txt", "notebooks/inbox", "notebooks/scratch"]) rmSync(file(path), { force: true, recursive: true });
  for (const [path, text] of originals) writeFileSync(file(path), text);
  await rebuild();
});

describe("incremental builds with the real engine", () => {
  it("a no-op rebuild executes no notebook and reproduces the same figures", async () => {
    const before = readFileSync(file("out/build/figures.json"), "utf8");
    const noop = await rebuild();
    expect(noop.executed).toEqual([]);
    expect(noop.log.map((entry) => entry.reason)).toEqual(Array(3).fill("reused: nothing it depends on changed"));
    expect(readFileSync(file("out/build/figures.json"), "utf8")).toBe(before);
    // The page is reused too, and the console says so rather than claim a render.
    expect(lines).toContain("render: reused the last build's page, 3 chapters, 0 charts");
  });

  it("changing one assumption re-executes exactly the notebooks that read it, and says why", async () => {
    edit("notebooks/assumptions.yaml", "value: 2\n", "value: 7\n"); // beta
    const beta = await rebuild();
    // The page is rendered again (its appendix lists beta), but only the chapter that ran: the two others are as the last build rendered them.
    expect(lines.filter((line) => line.startsWith("render: "))).toEqual(["render: 3 chapters, 0 charts (2 unchanged chapters as the last build rendered them)"]);
    expect(beta.executed).toEqual(["02-beta.ipynb"]);
    expect(beta.log[1]?.reason).toBe("re-ran: beta changed 2× → 7×");
    expect(lines.some((line) => /^execute: notebooks\/02-beta\.ipynb executed in [\d.]+ s \(re-ran: beta changed 2× → 7×\)$/.test(line))).toBe(true);
    expect(beta.figures).toEqual({ alpha_twice: 2, beta_scaled: 70, alpha_plus_gamma: 4 });

    edit("notebooks/assumptions.yaml", "range: { low: 3, high: 4 }", "range: { low: 5, high: 6 }"); // gamma
    const gamma = await rebuild();
    expect(gamma.executed).toEqual(["03-mix.ipynb"]);
    expect(gamma.log[2]?.reason).toBe("re-ran: gamma changed 3–4× → 5–6×");
    expect(gamma.figures.alpha_plus_gamma).toBe(6);

    edit("notebooks/assumptions.yaml", "value: 1\n", "value: 3\n"); // alpha: read by two notebooks
    expect((await rebuild()).executed).toEqual(["01-alpha.ipynb", "03-mix.ipynb"]);

    edit("notebooks/assumptions.yaml", "value: 5\n", "value: 50\n"); // read by nobody
    expect((await rebuild()).executed).toEqual([]);
  });

  it("a correlation is treated like an assumption: declaring or changing one re-runs the notebooks that read its inputs", async () => {
    const delta = "  - id: delta\n    kind: judgement\n    label: Delta\n    unit: x\n    range: { low: 1, high: 2 }\n    distribution: uniform\n    source: { title: Fixture, date: 2026-04-28 }\n    note: read by no notebook\n";
    writeFileSync(file("notebooks/assumptions.yaml"), `${originals.get("notebooks/assumptions.yaml") ?? ""}${delta}`);
    expect((await rebuild()).executed).toEqual([]);
    const correlation = "correlations:\n  - between: [gamma, delta]\n    rho: 0.5\n    kind: judgement\n    source: { title: Fixture, date: 2026-04-28 }\n    note: test\n";
    writeFileSync(file("notebooks/assumptions.yaml"), `${originals.get("notebooks/assumptions.yaml") ?? ""}${delta}${correlation}`);
    const declared = await rebuild();
    expect(declared.executed).toEqual(["03-mix.ipynb"]);
    expect(declared.log[2]?.reason).toBe("re-ran: gamma correlations changed");
    edit("notebooks/assumptions.yaml", "rho: 0.5", "rho: -0.3");
    expect((await rebuild()).executed).toEqual(["03-mix.ipynb"]);
    expect((await rebuild()).executed).toEqual([]);
  });

  it("a notebook that read the list of assumptions re-runs when one is added, removed or moved, and says which", async () => {
    appendCell(project.root, "03-mix.ipynb", 'nb.md`The file has ${nb.fmt(nb.assumptions.all().length, "count")} inputs.`;');
    const counted = await rebuild();
    expect(counted.executed).toEqual(["03-mix.ipynb"]);
    expect(readFileSync(file("out/build/report.html"), "utf8")).toContain("The file has 4 inputs.");
    const delta = "  - id: delta\n    kind: source\n    label: Delta\n    unit: x\n    value: 9\n    source: { title: Fixture, date: 2026-04-28 }\n";
    writeFileSync(file("notebooks/assumptions.yaml"), `${originals.get("notebooks/assumptions.yaml") ?? ""}${delta}`);
    const added = await rebuild();
    expect(added.executed).toEqual(["03-mix.ipynb"]); // the others read only their own ids
    expect(added.log[2]?.reason).toBe("re-ran: the list of assumptions changed (added delta)");
    expect(readFileSync(file("out/build/report.html"), "utf8")).toContain("The file has 5 inputs.");
    // The list hands out whole assumptions: a value read through it is tracked like a get.
    edit("notebooks/assumptions.yaml", "value: 9\n", "value: 10\n");
    expect((await rebuild()).log[2]?.reason).toBe("re-ran: delta changed 9× → 10×");
    writeFileSync(file("notebooks/assumptions.yaml"), originals.get("notebooks/assumptions.yaml") ?? "");
    const removed = await rebuild();
    expect(removed.log[2]?.reason).toBe("re-ran: the list of assumptions changed (removed delta); delta was removed");
    expect(readFileSync(file("out/build/report.html"), "utf8")).toContain("The file has 4 inputs.");
    expect((await rebuild()).executed).toEqual([]);
  });

  it("a notebook that read the catalogue re-runs for a new input or a new label, not for a new value", async () => {
    appendCell(project.root, "01-alpha.ipynb", 'nb.md`Inputs: ${nb.assumptions.catalog().map((a) => a.label).join(", ")}.`;');
    expect((await rebuild()).executed).toEqual(["01-alpha.ipynb"]);
    expect(readFileSync(file("out/build/report.html"), "utf8")).toContain("Inputs: Alpha, Beta, Gamma, Read by no notebook.");
    edit("notebooks/assumptions.yaml", "range: { low: 3, high: 4 }", "range: { low: 5, high: 6 }"); // gamma's numbers
    expect((await rebuild()).executed).toEqual(["03-mix.ipynb"]); // 01-alpha read gamma's label only
    edit("notebooks/assumptions.yaml", "label: Gamma", "label: Gamma ray");
    const relabelled = await rebuild();
    expect(relabelled.executed).toEqual(["01-alpha.ipynb", "03-mix.ipynb"]);
    expect(relabelled.log[0]?.reason).toBe("re-ran: gamma label changed");
    expect(readFileSync(file("out/build/report.html"), "utf8")).toContain("Inputs: Alpha, Beta, Gamma ray, Read by no notebook.");
  });

  it("a file a cell reads through fs is tracked like a chart's data: editing it re-runs that notebook", async () => {
    writeFileSync(file("notebooks/note.txt"), "seven\n");
    // Relative to the notebook's folder, as in Jupyter, though the build runs from elsewhere.
    appendCell(project.root, "03-mix.ipynb", 'import { readFileSync } from "node:fs";\nnb.md`The note says ${readFileSync("note.txt", "utf8").trim()}.`;');
    expect((await rebuild()).executed).toEqual(["03-mix.ipynb"]);
    expect(page()).toContain("The note says seven.");
    writeFileSync(file("notebooks/note.txt"), "eight\n");
    const edited = await rebuild();
    expect(edited.executed).toEqual(["03-mix.ipynb"]);
    expect(edited.log[2]?.reason).toBe("re-ran: data file notebooks/note.txt changed");
    expect(page()).toContain("The note says eight.");
    expect((await rebuild()).executed).toEqual([]);
  });

  it("records a file as the cell read it: one edited while the notebook ran re-runs it next time", async () => {
    writeFileSync(file("notebooks/note.txt"), "before\n");
    // The cell reads the file, then it changes before the run ends (here the cell does it; an editor could).
    appendCell(project.root, "03-mix.ipynb", 'import { readFileSync, writeFileSync } from "node:fs";\nconst seen = readFileSync("note.txt", "utf8").trim();\nwriteFileSync("note.txt", "after\\n");\nnb.md`The cell saw ${seen}.`;');
    await rebuild();
    expect(page()).toContain("The cell saw before.");
    const next = await rebuild();
    expect(next.log[2]?.reason).toBe("re-ran: data file notebooks/note.txt changed");
    expect(page()).toContain("The cell saw after.");
    expect((await rebuild()).executed).toEqual([]);
  });

  it("a cell that looks for an optional file re-runs when it appears", async () => {
    appendCell(project.root, "03-mix.ipynb", 'import { existsSync, readFileSync } from "node:fs";\nnb.md`Optional: ${existsSync("optional.txt") ? readFileSync("optional.txt", "utf8").trim() : "none"}.`;');
    await rebuild();
    expect(page()).toContain("Optional: none.");
    expect((await rebuild()).executed).toEqual([]); // still missing: no change
    writeFileSync(file("notebooks/optional.txt"), "here\n");
    expect((await rebuild()).executed).toEqual(["03-mix.ipynb"]);
    expect(page()).toContain("Optional: here.");
  });

  it("a folder a cell lists is tracked: a file added, renamed or removed there re-runs that notebook", async () => {
    mkdirSync(file("notebooks/inbox/deep"), { recursive: true });
    writeFileSync(file("notebooks/inbox/a.csv"), "x\n1\n");
    appendCell(project.root, "03-mix.ipynb", 'import { readdirSync } from "node:fs";\nnb.md`Inbox: ${readdirSync("inbox").sort().join(", ")}.`;');
    expect((await rebuild()).executed).toEqual(["03-mix.ipynb"]);
    expect(page()).toContain("Inbox: a.csv, deep.");
    writeFileSync(file("notebooks/inbox/a.csv"), "x\n2\n"); // content the cell never read: no change
    writeFileSync(file("notebooks/inbox/deep/below.csv"), "x\n"); // below the folder listed: no change
    expect((await rebuild()).executed).toEqual([]);
    writeFileSync(file("notebooks/inbox/b.csv"), "x\n3\n");
    const added = await rebuild();
    expect(added.executed).toEqual(["03-mix.ipynb"]);
    expect(added.log[2]?.reason).toBe("re-ran: the files in folder notebooks/inbox changed");
    expect(page()).toContain("Inbox: a.csv, b.csv, deep.");
    renameSync(file("notebooks/inbox/b.csv"), file("notebooks/inbox/c.csv"));
    expect((await rebuild()).executed).toEqual(["03-mix.ipynb"]);
    expect(page()).toContain("Inbox: a.csv, c.csv, deep.");
    rmSync(file("notebooks/inbox"), { recursive: true });
    const removed = await build({ root: project.root, pdf: false }, new FileBuildEffects(() => undefined));
    expect(removed.exitCode).toBe(1); // the cell's readdirSync now fails: ENOENT
    const log = (JSON.parse(readFileSync(file("out/build/build-log.json"), "utf8")) as { notebooks: LogEntry[] }).notebooks;
    expect(log[2]?.reason).toBe("re-ran: folder notebooks/inbox was removed or cannot be listed");
  });

  it("a folder a cell only looks for re-runs it when it appears, as when it is listed", async () => {
    appendCell(project.root, "03-mix.ipynb", 'import { existsSync, readdirSync } from "node:fs";\nnb.md`Inbox: ${existsSync("inbox") ? readdirSync("inbox").length : 0} files.`;');
    await rebuild();
    expect(page()).toContain("Inbox: 0 files.");
    mkdirSync(file("notebooks/inbox"));
    writeFileSync(file("notebooks/inbox/a.csv"), "x\n");
    const appeared = await rebuild();
    expect(appeared.log[2]?.reason).toBe("re-ran: folder notebooks/inbox appeared");
    expect(page()).toContain("Inbox: 1 files.");
    expect((await rebuild()).executed).toEqual([]);
  });

  it("what a cell reads after making it anew (removed, created, written whole) is no input: a scratch folder does not re-run it every build", async () => {
    appendCell(project.root, "03-mix.ipynb", 'import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";\nrmSync("scratch", { recursive: true, force: true });\nif (!existsSync("scratch")) mkdirSync("scratch");\nwriteFileSync("scratch/table.csv", "a,b\\n");\nnb.md`Scratch: ${readdirSync("scratch").join(", ")}.`;');
    expect((await rebuild()).executed).toEqual(["03-mix.ipynb"]);
    expect(page()).toContain("Scratch: table.csv.");
    expect((await rebuild()).executed).toEqual([]);
    expect((await rebuild()).executed).toEqual([]);
    rmSync(file("notebooks/scratch"), { recursive: true, force: true });
  });

  it("a write that failed made nothing: the file read after it is still an input", async () => {
    writeFileSync(file("notebooks/note.txt"), "v1\n");
    appendCell(project.root, "03-mix.ipynb", 'import { readFileSync, writeFileSync } from "node:fs";\ntry { writeFileSync("note.txt", "mine", { flag: "wx" }); } catch {}\nnb.md`Note: ${readFileSync("note.txt", "utf8").trim()}.`;');
    await rebuild();
    expect(page()).toContain("Note: v1.");
    writeFileSync(file("notebooks/note.txt"), "v2\n");
    const edited = await rebuild();
    expect(edited.log[2]?.reason).toBe("re-ran: data file notebooks/note.txt changed");
    expect(page()).toContain("Note: v2.");
  });

  it("a notebook saved while it ran is recorded as it was read before the run: the next build names the cell that changed", async () => {
    // The cell edits its own notebook (as a save in Jupyter during a long run would): cell 4's source.
    const editor = appendCell(project.root, "03-mix.ipynb", 'import { readFileSync, writeFileSync } from "node:fs";\nconst self = JSON.parse(readFileSync("03-mix.ipynb", "utf8"));\nself.cells[3].source = "nb.md`Edited during the run.`;";\nwriteFileSync("03-mix.ipynb", JSON.stringify(self));');
    const edited = appendCell(project.root, "03-mix.ipynb", "nb.md`As written before the run.`;");
    expect([editor, edited]).toEqual([3, 4]);
    await rebuild();
    expect(page()).toContain("As written before the run.");
    const next = await rebuild();
    // (The cell read its notebook through fs, so that file is its data too.)
    expect(next.log[2]?.reason).toBe("re-ran: notebook changed (cell 4); data file notebooks/03-mix.ipynb changed");
    expect(page()).toContain("Edited during the run.");
    expect((await rebuild()).executed).toEqual([]);
  });

  it("a recursive listing by name follows a symlinked folder, and so does its record: a file added there re-runs the notebook", async () => {
    mkdirSync(file("shared"));
    writeFileSync(file("shared/a.csv"), "x\n");
    mkdirSync(file("notebooks/inbox"));
    symlinkSync("../../shared", file("notebooks/inbox/shared"));
    appendCell(project.root, "03-mix.ipynb", 'import { readdirSync } from "node:fs";\nnb.md`Tree: ${(readdirSync("inbox", { recursive: true }) as string[]).sort().join(", ")}.`;');
    await rebuild();
    expect(page()).toContain("Tree: shared, shared/a.csv.");
    writeFileSync(file("shared/b.csv"), "x\n");
    const added = await rebuild();
    expect(added.log[2]?.reason).toBe("re-ran: the files in folder notebooks/inbox or below it changed");
    expect(page()).toContain("Tree: shared, shared/a.csv, shared/b.csv.");
    rmSync(file("shared"), { recursive: true });
  });

  it("a recursive listing is tracked below the folder too", async () => {
    mkdirSync(file("notebooks/inbox/deep"), { recursive: true });
    appendCell(project.root, "03-mix.ipynb", 'import { readdir } from "node:fs/promises";\nnb.md`Tree: ${(await readdir("inbox", { recursive: true })).sort().join(", ")}.`;');
    await rebuild();
    expect(page()).toContain("Tree: deep.");
    writeFileSync(file("notebooks/inbox/deep/below.csv"), "x\n");
    const below = await rebuild();
    expect(below.executed).toEqual(["03-mix.ipynb"]);
    expect(below.log[2]?.reason).toBe("re-ran: the files in folder notebooks/inbox or below it changed");
    expect(page()).toContain("Tree: deep, deep/below.csv.");
    expect((await rebuild()).executed).toEqual([]);
  });

  it("a notebook whose last run failed says so when nothing changed since, and what changed when something did", async () => {
    const cell = appendCell(project.root, "03-mix.ipynb", 'throw new Error("boom");');
    const failing = async (): Promise<LogEntry | undefined> => {
      const result = await build({ root: project.root, pdf: false }, new FileBuildEffects(() => undefined));
      expect(result.exitCode).toBe(1);
      return (JSON.parse(readFileSync(file("out/build/build-log.json"), "utf8")) as { notebooks: LogEntry[] }).notebooks[2];
    };
    expect((await failing())?.reason).toBe(`re-ran: notebook changed (cell ${cell} added)`);
    expect((await failing())?.reason).toBe(`re-ran: its last run failed (cell ${cell}) and nothing it depends on changed since`);
    edit("notebooks/assumptions.yaml", "range: { low: 3, high: 4 }", "range: { low: 5, high: 6 }"); // gamma, which it reads
    expect((await failing())?.reason).toBe("re-ran: gamma changed 3–4× → 5–6×");
    // Back to the notebook of the last good run: that run is reused.
    writeFileSync(file("notebooks/03-mix.ipynb"), originals.get("notebooks/03-mix.ipynb") ?? "");
    edit("notebooks/assumptions.yaml", "range: { low: 5, high: 6 }", "range: { low: 3, high: 4 }");
    expect((await rebuild()).executed).toEqual([]);
  });

  it("changing a project module re-executes exactly its (transitive) importers", async () => {
    edit("notebooks/lib/factor.ts", "FACTOR = 10", "FACTOR = 100");
    const module = await rebuild();
    expect(module.executed).toEqual(["02-beta.ipynb"]);
    expect(module.log[1]?.reason).toMatch(/^re-ran: .*notebooks\/lib\/factor\.ts changed$/);
    expect(module.figures.beta_scaled).toBe(200);

    edit("notebooks/03-mix.ipynb", "Alpha plus gamma is", "Alpha + gamma is"); // its own source, in cell 2
    const source = await rebuild();
    expect(source.executed).toEqual(["03-mix.ipynb"]);
    expect(source.log[2]?.reason).toBe("re-ran: notebook changed (cell 2)");
  });

  it("says which cells of a changed notebook changed: edited, added or removed, or none (only outputs or metadata)", async () => {
    const path = file("notebooks/03-mix.ipynb");
    const reason = async (): Promise<string | undefined> => (await rebuild()).log[2]?.reason;
    const notebook = (): { cells: Array<Record<string, unknown>>; metadata: Record<string, unknown> } => JSON.parse(readFileSync(path, "utf8")) as never;
    const save = (data: unknown): void => writeFileSync(path, JSON.stringify(data));
    appendCell(project.root, "03-mix.ipynb", "const a = 1;");
    appendCell(project.root, "03-mix.ipynb", "const b = 2;");
    expect(await reason()).toBe("re-ran: notebook changed (cells 3–4 added)");
    const both = notebook();
    both.cells[0] = { ...both.cells[0], source: "# Alpha and gamma, retitled" };
    both.cells[3] = { ...both.cells[3], source: "const b = 3;" };
    save(both);
    expect(await reason()).toBe("re-ran: notebook changed (cells 1, 4)");
    const fewer = notebook();
    fewer.cells.splice(2, 1);
    save(fewer);
    expect(await reason()).toBe("re-ran: notebook changed (cell 3 removed)");
    save({ ...notebook(), metadata: { ...notebook().metadata, note: "saved by another tool" } });
    expect(await reason()).toBe("re-ran: notebook changed (its outputs or metadata, no cell)");
  });

  it("a corrupt or partial cache entry is ignored with a warning and rebuilt, never reused", async () => {
    const entry = entryPath(file("out/.cache/notebooks"), "notebooks/03-mix.ipynb");
    // A plausible tampering: the stored figure edited, the checksum left as it was.
    writeFileSync(entry, readFileSync(entry, "utf8").replace('"value": 4', '"value": 999'));
    const tampered = await rebuild();
    expect(tampered.executed).toEqual(["03-mix.ipynb"]);
    expect(lines.join("\n")).toContain("ignoring the cache entry of notebooks/03-mix.ipynb");
    expect(tampered.figures.alpha_plus_gamma).toBe(4);

    const text = readFileSync(entry, "utf8");
    writeFileSync(entry, text.slice(0, text.length / 2)); // a write cut short
    const partial = await rebuild();
    expect(partial.executed).toEqual(["03-mix.ipynb"]);
    expect(partial.figures.alpha_plus_gamma).toBe(4);
    expect((await rebuild()).executed).toEqual([]);

    // Garbage whose parser message quotes it, a line break and all: the warning stays one line.
    writeFileSync(entry, "X\nwrote out/build/FAKE.html");
    expect((await rebuild()).executed).toEqual(["03-mix.ipynb"]);
    const warning = lines.find((line) => line.includes("ignoring the cache entry of notebooks/03-mix.ipynb"));
    expect(warning).toBeDefined();
    expect(warning).not.toContain("\n");
    expect(lines.some((line) => line.startsWith("wrote out/build/FAKE.html"))).toBe(false);
  });
});
