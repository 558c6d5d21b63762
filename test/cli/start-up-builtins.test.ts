/**
 * child_process takes a thread ~4 ms to load, and every `fragtax run` loaded it twice at start: the
 * CLI's bundle (commander, and the modules that run Deno, git and tsgo, scripts/bundle-cli.mjs) and
 * the notebook thread (the realm's own child_process, notebook-files.ts). Now each loads it when it
 * is first used. Node lists the built-ins a thread has loaded in `process.moduleLoadList`.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { codeNotebookJson, tempFolders } from "../project";

const repo = resolve(import.meta.dirname, "../..");
const LOADED = `(process as unknown as { moduleLoadList: string[] }).moduleLoadList.includes("NativeModule child_process")`;

describe("child_process at start", () => {
  const folders = tempFolders();

  it("a warm run loads it in neither thread until a cell asks for it, and the realm's still starts in the notebook's folder", () => {
    const folder = folders.scratch("fragtax-builtins-");
    writeFileSync(join(folder, "package.json"), JSON.stringify({ name: "programs", private: true })); // a project: its runs are cached
    const notebook = join(folder, "programs.ipynb");
    writeFileSync(notebook, codeNotebookJson([`console.log("before", ${LOADED});`, `import { execSync } from "child_process";\nconsole.log("cwd", execSync("pwd").toString().trim());`, `console.log("after", ${LOADED});`]));
    // The main thread reports at its exit (a preloaded script; a notebook thread is ended before it could).
    const preload = join(folder, "report-main.cjs");
    writeFileSync(preload, `process.on("exit", () => process._rawDebug("main loaded it: " + process.moduleLoadList.includes("NativeModule child_process")));`);
    const run = () => spawnSync("node", ["--require", preload, join(repo, "dist", "cli.cjs"), "run", notebook, "--out", join(folder, "out.ipynb")], { encoding: "utf8", cwd: folder });
    expect(run().status).toBe(0); // cold: the cells are compiled (esbuild's API starts its program: main loads it)
    const warm = run();
    expect(warm.status).toBe(0);
    expect(warm.stderr).toContain("main loaded it: false");
    const outputs = (JSON.parse(readFileSync(join(folder, "out.ipynb"), "utf8")) as { cells: { outputs: { text?: string }[] }[] }).cells.map((cell) =>
      cell.outputs.map((output) => output.text ?? "").join(""),
    );
    expect(outputs).toEqual(["before false\n", `cwd ${realpathSync(folder)}\n`, "after true\n"]);
  });

  it("commander's own use of it still works (an unknown command's suggestion, help)", () => {
    const unknown = spawnSync("node", [join(repo, "dist", "cli.cjs"), "buidl"], { encoding: "utf8" });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("build");
  });
});
