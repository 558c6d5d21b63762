/**
 * What a cell loads with `require` is an input of its notebook, as a file it reads through fs is: real builds (build() with the real engine) of the incremental fixture,
 * where a stale reuse would show as an old value on the page. Builds run in this process, so a later
 * build's notebook may run in a thread an earlier one left idle, as in `fragtax dev`.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appendCell } from "../../project";
import { FixtureBuilds } from "./fixture-builds";

let builds: FixtureBuilds;
const MIX = "notebooks/03-mix.ipynb";
let original = "";
const write = (path: string, text: string): void => writeFileSync(builds.file(path), text);
const reason = async (): Promise<string | undefined> => (await builds.rebuild()).log.find((entry) => entry.notebook === MIX && entry.status === "executed")?.reason;

beforeAll(async () => {
  builds = new FixtureBuilds("incremental");
  original = readFileSync(builds.file(MIX), "utf8");
  await builds.rebuild();
}, 60_000);
afterAll(() => builds.project.remove());
beforeEach(async () => {
  rmSync(builds.file("notebooks/data"), { recursive: true, force: true });
  rmSync(builds.file("notebooks/lib/k.cjs"), { force: true });
  rmSync(builds.file("notebooks/lib/j.json"), { force: true });
  mkdirSync(builds.file("notebooks/data"));
  write(MIX, original);
  await builds.rebuild();
});

describe("what a cell requires is an input of its notebook", () => {
  it("a JSON file or a .cjs module loaded with require re-runs the notebook when it changes, as does what that module requires", async () => {
    write("notebooks/data/table.json", '{ "v": 1 }\n');
    write("notebooks/lib/k.cjs", 'module.exports = { k: 1, j: require("./j.json").j };\n');
    write("notebooks/lib/j.json", '{ "j": 1 }\n');
    appendCell(builds.project.root, "03-mix.ipynb", 'const { k, j } = require("./lib/k.cjs");\nnb.md`Required: ${require("./data/table.json").v}, ${k}, ${j}.`;');
    await builds.rebuild();
    expect(builds.page()).toContain("Required: 1, 1, 1.");
    expect((await builds.rebuild()).executed).toEqual([]);

    write("notebooks/data/table.json", '{ "v": 2 }\n');
    expect(await reason()).toBe("re-ran: data file notebooks/data/table.json changed");
    expect(builds.page()).toContain("Required: 2, 1, 1.");
    // Node's module cache outlives a notebook's run: the module is loaded anew, not served from there.
    write("notebooks/lib/k.cjs", 'module.exports = { k: 2, j: require("./j.json").j };\n');
    expect(await reason()).toBe("re-ran: data file notebooks/lib/k.cjs changed");
    expect(builds.page()).toContain("Required: 2, 2, 1.");
    write("notebooks/lib/j.json", '{ "j": 2 }\n');
    expect(await reason()).toBe("re-ran: data file notebooks/lib/j.json changed");
    expect(builds.page()).toContain("Required: 2, 2, 2.");
    expect((await builds.rebuild()).executed).toEqual([]);
  });

  it("a require made by createRequire is tracked too, and an optional file it did not find re-runs the notebook when it appears", async () => {
    write("notebooks/data/table.json", '{ "v": 1 }\n');
    appendCell(
      builds.project.root,
      "03-mix.ipynb",
      'import { createRequire } from "node:module";\nimport { resolve } from "node:path";\nconst load = createRequire(resolve("data/index.js"));\nlet extra = "none";\ntry { extra = load("./extra.json").e; } catch { /* optional */ }\nnb.md`Loaded: ${load("./table.json").v}, ${extra}.`;',
    );
    await builds.rebuild();
    expect(builds.page()).toContain("Loaded: 1, none.");
    expect((await builds.rebuild()).executed).toEqual([]); // still missing: no change
    write("notebooks/data/table.json", '{ "v": 3 }\n');
    expect(await reason()).toBe("re-ran: data file notebooks/data/table.json changed");
    expect(builds.page()).toContain("Loaded: 3, none.");
    write("notebooks/data/extra.json", '{ "e": "here" }\n');
    expect(await reason()).toMatch(/^re-ran: data file notebooks\/data\/extra\.json changed/);
    expect(builds.page()).toContain("Loaded: 3, here.");
  });
});
