// `fragtax new <name>`: the chapter it writes works the first time (check, build), report.yaml keeps
// every byte it had, and bad input is refused with exit 2 and nothing written.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { chapterTitle, nextChapterNumber } from "../../src/scaffold/chapter";
import { withChapterAdded } from "../../src/scaffold/report-yaml";
import { tempProject, type TempProject } from "../project";

// As a user's shell runs it (not as npx, which sets npm_command=exec: see "through npx" below).
const fragtax = (args: readonly string[], cwd = process.cwd(), env: NodeJS.ProcessEnv = { ...process.env, npm_command: undefined }) =>
  spawnSync("node", [join(import.meta.dirname, "../../dist/cli.cjs"), ...args], { cwd, encoding: "utf8", env });

describe("report.yaml edits", () => {
  it("adds the chapter after the last entry, in the list's own style, keeping comments and everything else", () => {
    const block = "title: X  # the title\nchapters:\n    - 01-a.ipynb\n    - 02-b.ipynb   # last\n    # trailing comment\noutputs: { html: true }\n";
    expect(withChapterAdded(block, "report.yaml", "03-c.ipynb")).toBe("title: X  # the title\nchapters:\n    - 01-a.ipynb\n    - 02-b.ipynb   # last\n    - 03-c.ipynb\n    # trailing comment\noutputs: { html: true }\n");
    expect(withChapterAdded("chapters: [01-a.ipynb, 02-b.ipynb] # flow\n", "r", "03-c.ipynb")).toBe("chapters: [01-a.ipynb, 02-b.ipynb, 03-c.ipynb] # flow\n");
    expect(withChapterAdded("chapters: []\n", "r", "01-a.ipynb")).toBe("chapters: [01-a.ipynb]\n");
    // `chapters:` with nothing after it, or `~`: a one-item list in its place, a comment kept.
    expect(withChapterAdded("title: T\nchapters:\noutputs: {}\n", "r", "01-a.ipynb")).toBe("title: T\nchapters: [01-a.ipynb]\noutputs: {}\n");
    expect(withChapterAdded("chapters: ~ # none yet\n", "r", "01-a.ipynb")).toBe("chapters: [01-a.ipynb] # none yet\n");
    // Windows line ends: the new line has one too.
    expect(withChapterAdded("title: X\r\nchapters:\r\n  - 01-a.ipynb\r\noutputs: { html: true }\r\n", "r", "02-b.ipynb")).toBe("title: X\r\nchapters:\r\n  - 01-a.ipynb\r\n  - 02-b.ipynb\r\noutputs: { html: true }\r\n");
    expect(() => withChapterAdded("title: X\n", "notebooks/report.yaml", "01-a.ipynb")).toThrow('notebooks/report.yaml has no "chapters" list');
  });

  it("titles a chapter from its name, abbreviations in capitals", () => {
    expect(chapterTitle("gpu-budget")).toBe("GPU budget");
    expect(chapterTitle("who-pays-for-ai")).toBe("Who pays for AI");
    expect(chapterTitle("usable-capacity")).toBe("Usable capacity");
    expect(chapterTitle("what-it-costs-us")).toBe("What it costs us");
  });

  it("numbers after the highest NN- prefix", () => {
    expect(nextChapterNumber(["00-summary.ipynb", "08-what-matters.ipynb", "notes.ipynb"])).toBe(9);
    expect(nextChapterNumber([])).toBe(1);
  });
});

describe("fragtax new", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it("writes a chapter with cell ids and a worked example that passes check and builds, and lists it in report.yaml", () => {
    project = tempProject();
    const { root } = project;
    const yamlFile = join(root, "notebooks/report.yaml");
    const before = readFileSync(yamlFile, "utf8");
    const made = fragtax(["new", "energy-use", "--root", root]);
    expect(made.stderr).toContain("wrote notebooks/03-energy-use.ipynb and added it to notebooks/report.yaml");
    // The next commands, with the notebook as the shell that ran `new` names it (here, outside the project: its absolute path).
    expect(made.stderr).toContain(`check and run it alone (\`fragtax check ${join(root, "notebooks/03-energy-use.ipynb")}\`, \`fragtax run ${join(root, "notebooks/03-energy-use.ipynb")}\`)`);
    expect(made.status).toBe(0);
    // Through npx, where `fragtax` alone is not on the PATH, the next commands are said as the user typed them.
    const viaNpx = fragtax(["new", "water-use", "--root", root], process.cwd(), { ...process.env, npm_command: "exec" });
    expect(viaNpx.stderr).toContain(`(\`npx fragtax check ${join(root, "notebooks/04-water-use.ipynb")}\`, \`npx fragtax run ${join(root, "notebooks/04-water-use.ipynb")}\`), and \`npx fragtax build\``);
    rmSync(join(root, "notebooks/04-water-use.ipynb"));
    writeFileSync(yamlFile, readFileSync(yamlFile, "utf8").replace(/\n\s*- 04-water-use\.ipynb/, ""));
    // As suggested, from the same folder: check finds the notebook's project from its path, as run does
    // (it looked for the chapter's ../dist/api.js beside the shell's folder, and failed).
    const checked = fragtax(["check", join(root, "notebooks/03-energy-use.ipynb")]);
    expect(checked.stderr).toContain("check passed: 1 notebook");
    expect(checked.status).toBe(0);
    expect(readFileSync(yamlFile, "utf8")).toBe(before.replace("  - 02-claims.ipynb\n", "  - 02-claims.ipynb\n  - 03-energy-use.ipynb\n"));

    const notebook = JSON.parse(readFileSync(join(root, "notebooks/03-energy-use.ipynb"), "utf8")) as { nbformat_minor: number; cells: Array<{ id?: string; cell_type: string; source: string[] }> };
    expect(notebook.nbformat_minor).toBe(5);
    const ids = notebook.cells.map((cell) => cell.id);
    expect(ids.every((id) => typeof id === "string" && /^[a-zA-Z0-9-_]{1,64}$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const code = notebook.cells.filter((cell) => cell.cell_type === "code").map((cell) => cell.source.join("")).join("\n");
    for (const part of ['import { notebook } from "../dist/api.js"', "nb.assumptions.get(", "monteCarlo(", "nb.figure(", "nb.md`", "nb.chart("]) expect(code).toContain(part);

    const check = fragtax(["check", "notebooks/03-energy-use.ipynb"], root);
    expect(check.stdout + check.stderr).toContain("check passed: ");
    expect(check.status).toBe(0);

    // The example introduction is warned about until it is replaced (an untouched chapter was published without a word).
    const intro = "warning: notebooks/03-energy-use.ipynb: cell 1, line 3, column 60: the introduction `fragtax new` wrote as an example is still here";
    expect(check.stderr).toContain(intro);
    const warned = fragtax(["build", "--no-pdf", "--root", root]);
    expect(warned.status, warned.stderr).toBe(0);
    expect(warned.stderr).toContain(intro);
    const file = join(root, "notebooks/03-energy-use.ipynb");
    writeFileSync(file, readFileSync(file, "utf8").replace(/One or two sentences on the question[^"]*/, "What the chapter asks."));
    const build = fragtax(["build", "--no-pdf", "--root", root]);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stderr).not.toContain("warning");
    const figures = JSON.parse(readFileSync(join(root, "out/build/figures.json"), "utf8")) as Array<{ id: string; p50: number }>;
    // The example doubles the first uncertain assumption (H100 price, uniform $2–$3): median $5.
    expect(figures.find((figure) => figure.id === "energy_use_example")?.p50).toBeCloseTo(5, 1);
    const page = readFileSync(join(root, "out/build/report.html"), "utf8");
    expect(page).toMatch(/Doubling the input gives \$[45]\.\d+\/GPU-hour \(90% interval \$4\.\d+–\$5\.\d+\/GPU-hour\)/);
    expect(page).toContain("Twice the input (H100 rental price)");
    expect(page).toContain("How the doubled input is spread");
    // A histogram: bars standing on the axis, as tall as their counts, not dashes of one height.
    const chart = /<figure class="output chart[^"]*"[\s\S]*?<\/figure>/.exec(page.slice(page.indexOf("How the doubled input is spread")))?.[0] ?? "";
    const heights = [...chart.matchAll(/aria-roledescription="bar"[^>]*? d="M[\d.-]+,[\d.-]+h[\d.-]+v([\d.-]+)/g)].map((match) => Number(match[1]));
    expect(heights.length).toBeGreaterThan(5);
    expect(Math.max(...heights)).toBeGreaterThan(50);
    expect(new Set(heights.map(Math.round)).size).toBeGreaterThan(3);
  }, 120_000);

  it("writes the chapter for Deno's kernel with --kernel deno: Deno's kernelspec, the API on Deno.jupyter, and it runs", () => {
    project = tempProject();
    const { root } = project;
    // As in a real project: Deno resolves the sources' npm imports through its package.json.
    symlinkSync(join(import.meta.dirname, "../../package.json"), join(root, "package.json"));
    const made = fragtax(["new", "energy", "--kernel", "deno", "--root", root]);
    expect(made.status, made.stderr).toBe(0);
    const file = join(root, "notebooks/03-energy.ipynb");
    const notebook = JSON.parse(readFileSync(file, "utf8")) as { metadata: { kernelspec: { name: string }; language_info: { mimetype: string } }; cells: Array<{ cell_type: string; source: string[] }> };
    expect(notebook.metadata.kernelspec.name).toBe("deno");
    expect(notebook.metadata.language_info.mimetype).toBe("text/x.typescript");
    const code = notebook.cells.filter((cell) => cell.cell_type === "code").map((cell) => cell.source.join("")).join("\n");
    expect(code).toContain("const nb = notebook(Deno.jupyter);");
    expect(code).not.toContain("tslab");
    const check = fragtax(["check", "notebooks/03-energy.ipynb"], root);
    expect(check.status, check.stderr).toBe(0);
    const run = fragtax(["run", "notebooks/03-energy.ipynb", "--out", "-"], root);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("Doubling the input gives");
    // Another kernel is refused by name (exit 2), writing nothing.
    const other = fragtax(["new", "power", "--kernel", "python3", "--root", root]);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain("argument 'python3' is invalid. Allowed choices are tslab, deno.");
    expect(readFileSync(join(root, "notebooks/report.yaml"), "utf8")).not.toContain("power");
  }, 120_000);

  it("refuses a bad name, an existing chapter and a project without report.yaml with exit 2, writing nothing", () => {
    project = tempProject();
    const { root } = project;
    const listing = () => readdirSync(join(root, "notebooks")).sort();
    const yaml = () => readFileSync(join(root, "notebooks/report.yaml"), "utf8");
    const [files, text] = [listing(), yaml()];
    // Each with the name it likely means: lowercase, a dash for the rest, a number and .ipynb dropped.
    const meant: Record<string, string> = { Energy: "energy", "09-energy": "energy", "energy.ipynb": "energy", "../escape": "escape", "a--b": "a-b", "my chapter": "my-chapter" };
    for (const name of [...Object.keys(meant), "42"]) {
      const run = fragtax(["new", name, "--root", root]);
      expect(run.status, name).toBe(2);
      expect(run.stderr).toContain(`"${name}" is not a chapter name${name in meant ? `; did you mean "${meant[name] ?? ""}"?` : ": use lowercase letters"}`);
    }
    // Too long for the file system once numbered and made a temporary name (255 bytes): refused, not a raw ENAMETOOLONG.
    for (const name of ["a".repeat(101), "a".repeat(245), "a".repeat(300)]) {
      const run = fragtax(["new", name, "--root", root]);
      expect(run.status, `${name.length} characters`).toBe(2);
      expect(run.stderr).toContain(`the chapter name has ${name.length} characters; use at most 100`);
    }
    const again = fragtax(["new", "price", "--root", root]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('a chapter named "price" already exists (notebooks/01-price.ipynb); pick another name');
    // The name a bad one is like is not suggested when it is taken: the message says so at once.
    const like = fragtax(["new", "Price", "--root", root]);
    expect(like.status).toBe(2);
    expect(like.stderr).toContain('"Price" is not a chapter name, and "price", the one it is like, is taken: a chapter named "price" already exists (notebooks/01-price.ipynb)');
    expect(like.stderr).not.toContain("did you mean");
    expect([listing(), yaml()]).toEqual([files, text]);
    expect(fragtax(["new", "x", "--root", join(root, "nowhere")]).status).toBe(2);
    expect(existsSync(join(root, "nowhere"))).toBe(false);
  });

  it("adds the first chapter to a report.yaml that lists none (every other command refuses it, located), and writes through a link to report.yaml, keeping its permissions", () => {
    project = tempProject();
    const { root } = project;
    const config = join(root, "notebooks/report.yaml");
    const kept = join(root, "config.yaml");
    writeFileSync(kept, readFileSync(config, "utf8").replace(/chapters:\n(?: {2}- .*\n)+/, "chapters: []\n"));
    rmSync(config);
    symlinkSync("../config.yaml", config);
    const build = fragtax(["build", "--no-pdf", "--root", root]);
    expect(build.status).toBe(2);
    expect(build.stderr).toMatch(/notebooks\/report\.yaml:\d+:\d+: report\.yaml lists no chapters: list the chapter notebooks under "chapters" \(`fragtax new <name>` makes one and lists it\)/);
    chmodSync(kept, 0o640);
    const made = fragtax(["new", "energy", "--root", root]);
    expect(made.status, made.stderr).toBe(0);
    expect(lstatSync(config).isSymbolicLink()).toBe(true); // still the link, its target changed
    expect(statSync(kept).mode & 0o777).toBe(0o640); // and the target keeps its permissions
    expect(readFileSync(kept, "utf8")).toContain("chapters: [03-energy.ipynb]");
  });

  it("started several at once, lists every chapter it wrote in report.yaml (each used to drop the others' it had not read)", async () => {
    project = tempProject();
    const { root } = project;
    const names = ["north", "south", "east", "west"];
    const cli = join(import.meta.dirname, "../../dist/cli.cjs");
    const codes = await Promise.all(names.map((name) => new Promise<number | null>((done) => spawn("node", [cli, "new", name, "--root", root], { stdio: "ignore" }).on("exit", done))));
    expect(codes).toEqual([0, 0, 0, 0]);
    const written = readdirSync(join(root, "notebooks")).filter((file) => names.some((name) => file.endsWith(`-${name}.ipynb`)));
    expect(written).toHaveLength(4);
    const listed = readFileSync(join(root, "notebooks/report.yaml"), "utf8");
    for (const file of written) expect(listed).toContain(`- ${file}`);
    expect(existsSync(join(root, "out/.new.lock"))).toBe(false);
  }, 60_000);

  it("has --help with an example", () => {
    const help = fragtax(["new", "--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Usage: fragtax new [options] <name>");
    expect(help.stdout).toContain("$ fragtax new energy");
  });
});

describe("notebooks without cell ids", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it("build with a warning naming the notebook", () => {
    project = tempProject();
    const file = join(project.root, "notebooks/02-claims.ipynb");
    const notebook = JSON.parse(readFileSync(file, "utf8")) as { cells: Array<Record<string, unknown>> };
    for (const cell of notebook.cells) delete cell.id;
    writeFileSync(file, JSON.stringify(notebook));
    const build = fragtax(["build", "--no-pdf", "--root", project.root]);
    expect(build.status).toBe(0);
    expect(build.stderr).toContain(`warning: notebooks/02-claims.ipynb: ${notebook.cells.length} cells have no id`);
    expect(build.stderr).not.toContain("01-price.ipynb: ");
  }, 60_000);
});
