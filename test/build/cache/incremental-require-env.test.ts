/**
 * What a cell loads with `require` and what it reads of `process.env` are inputs of its notebook, as a
 * file it reads through fs is: real builds (build() with the real engine) of the incremental fixture,
 * where a stale reuse would show as an old value on the page. Builds run in this process, so a later
 * build's notebook may run in a thread an earlier one left idle, as in `fragtax dev`.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
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
afterEach(() => {
  for (const name of Object.keys(process.env).filter((name) => name.startsWith("FRAGTAX_TEST_ENV_"))) delete process.env[name];
});

describe("require and the environment are inputs of a notebook", () => {
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

  it("an environment variable a cell reads re-runs the notebook when its value changes, or it is set or unset", async () => {
    process.env.FRAGTAX_TEST_ENV_REGION = "eu";
    appendCell(builds.project.root, "03-mix.ipynb", 'nb.md`Region: ${process.env.FRAGTAX_TEST_ENV_REGION ?? "unset"}.`;');
    await builds.rebuild();
    expect(builds.page()).toContain("Region: eu.");
    expect((await builds.rebuild()).executed).toEqual([]);
    process.env.FRAGTAX_TEST_ENV_REGION = "us";
    expect(await reason()).toBe("re-ran: environment variable FRAGTAX_TEST_ENV_REGION changed");
    expect(builds.page()).toContain("Region: us.");
    delete process.env.FRAGTAX_TEST_ENV_REGION;
    expect(await reason()).toBe("re-ran: environment variable FRAGTAX_TEST_ENV_REGION was unset");
    expect(builds.page()).toContain("Region: unset.");
    process.env.FRAGTAX_TEST_ENV_REGION = "eu";
    expect(await reason()).toBe("re-ran: environment variable FRAGTAX_TEST_ENV_REGION was set");
    expect(builds.page()).toContain("Region: eu.");
    expect((await builds.rebuild()).executed).toEqual([]);
  });

  it("a cell that lists the variables re-runs when one is added; one the notebook set itself is no input", async () => {
    process.env.FRAGTAX_TEST_ENV_A = "1";
    appendCell(
      builds.project.root,
      "03-mix.ipynb",
      'import process from "node:process";\nprocess.env.FRAGTAX_TEST_ENV_OWN = "mine";\nconst own = process.env.FRAGTAX_TEST_ENV_OWN;\nnb.md`Listed: ${Object.keys(process.env).filter((name) => name.startsWith("FRAGTAX_TEST_ENV_")).sort().join(", ")} (${own}).`;',
    );
    await builds.rebuild();
    expect(builds.page()).toContain("Listed: FRAGTAX_TEST_ENV_A, FRAGTAX_TEST_ENV_OWN (mine).");
    expect((await builds.rebuild()).executed).toEqual([]);
    process.env.FRAGTAX_TEST_ENV_B = "2";
    expect(await reason()).toBe("re-ran: the list of environment variables changed (added FRAGTAX_TEST_ENV_B)");
    expect(builds.page()).toContain("Listed: FRAGTAX_TEST_ENV_A, FRAGTAX_TEST_ENV_B, FRAGTAX_TEST_ENV_OWN (mine).");
    expect((await builds.rebuild()).executed).toEqual([]);
    // Listing reads names, not values: another value of a listed variable (OLDPWD after a `cd`) re-runs nothing.
    process.env.FRAGTAX_TEST_ENV_A = "changed";
    expect((await builds.rebuild()).executed).toEqual([]);
  });
});
