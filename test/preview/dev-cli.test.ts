/**
 * `fragtax dev` as a user runs it (dist/cli.cjs in a temp project): a symbolic link that loops under
 * notebooks/, or leads to a folder outside the project, is skipped with a warning, not a crash; Ctrl-C stops a rebuild whose cell never returns
 * at once, leaving the last build and no lock; a --host it cannot listen on is bad usage (exit 2);
 * an image a markdown cell names outside notebooks/ (../assets/pic.png) is watched: adding a missing
 * one or replacing one rebuilds; so is a data file a cell reads there (../data/rate.txt).
 */
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { appendCell, appendMarkdown, codeNotebookJson, tempFolders } from "../project";
import { CLI, fragtax } from "../published-project";

const folders = tempFolders();

/** `fragtax dev --port 0` in `root`, its stderr collected; killed after the test if still running. */
function startDev(root: string, ...more: string[]) {
  const child = spawn(process.execPath, [CLI, "dev", "--port", "0", "--root", root, ...more], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  onTestFinished(() => void (child.exitCode === null && child.signalCode === null && child.kill("SIGKILL")));
  return {
    child,
    exited,
    stderr: () => stderr,
    /** Waits until stderr holds `text` `times` times (or dev ended). */
    async waitFor(text: string, times = 1): Promise<void> {
      const count = (): number => stderr.split(text).length - 1;
      for (const end = Date.now() + 60_000; count() < times && Date.now() < end && child.exitCode === null; ) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(count(), `${text} in:\n${stderr}`).toBeGreaterThanOrEqual(times);
    },
    /**
     * Waits until out/build/report.html holds `text` (or dev ended), and returns the page. A file's
     * creation may be seen as more than one change (made, then written), each rebuilding: counting
     * "built in" lines would read the page of a rebuild that came before the edit.
     */
    async waitForPage(text: string): Promise<string> {
      const page = (): string => {
        try {
          return readFileSync(join(root, "out", "build", "report.html"), "utf8");
        } catch {
          return ""; // out/build/ is swapped whole: between the two renames there is no page to read
        }
      };
      for (const end = Date.now() + 60_000; !page().includes(text) && Date.now() < end && child.exitCode === null; ) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(page(), `the page with ${text}; dev said:\n${stderr}`).toContain(text);
      return page();
    },
  };
}

/** What out/ holds besides the build and the caches: a lock or a stage left behind. */
const leftovers = (root: string): string[] => readdirSync(join(root, "out")).filter((name) => name !== "build" && name !== ".cache");

describe("fragtax dev and a symbolic link to a folder outside the project", () => {
  it("leaves it unwatched with one warning: dev walked the whole target (a link to /usr: ~150,000 changes and a gigabyte)", async () => {
    const { root } = folders.project();
    const outside = folders.scratch("fragtax-dev-outside-");
    for (let i = 0; i < 20; i++) mkdirSync(join(outside, `d${i}`), { recursive: true });
    for (let i = 0; i < 20; i++) writeFileSync(join(outside, `d${i}`, "f.txt"), "x");
    symlinkSync(outside, join(root, "notebooks", "ext"));
    const dev = startDev(root);
    await dev.waitFor("built in");
    writeFileSync(join(outside, "d0", "g.txt"), "y"); // an edit there: not watched, so no rebuild
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const file = join(root, "notebooks", "assumptions.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("range: { low: 2, high: 3 }", "range: { low: 2, high: 3.5 }"));
    await dev.waitFor("built in", 2);
    dev.child.kill("SIGINT");
    await dev.exited;
    expect(dev.stderr().trimEnd().split("\n").at(-1)).toBe("stopped by SIGINT; out/build/ holds the last build that finished");
    expect(dev.stderr().split("warning: not watching notebooks/ext: it is a symbolic link to a folder outside the project")).toHaveLength(2);
    expect(dev.stderr()).not.toContain("notebooks/ext/");
    expect(dev.stderr().split("built in")).toHaveLength(3); // the first build and the assumption's edit, nothing for the edit outside
    // The first build is said as built, the rebuild after the edit as rebuilt.
    expect(dev.stderr().split("\n").filter((line) => / in \d+\.\d+ s$/.test(line)).map((line) => line.split(" in ")[0])).toEqual(["built", "rebuilt"]);
  }, 120_000);
});

describe("fragtax dev and symbolic links that loop", () => {
  it("skips them with one warning each and goes on serving and rebuilding", async () => {
    const { root } = folders.project();
    symlinkSync("a", join(root, "notebooks", "b"));
    symlinkSync("b", join(root, "notebooks", "a"));
    mkdirSync(join(root, "notebooks", "data"));
    symlinkSync("..", join(root, "notebooks", "data", "up"));
    const dev = startDev(root);
    await dev.waitFor("built in");
    const url = /serving out\/build\/ at (\S+)/.exec(dev.stderr())?.[1] ?? "";
    expect((await fetch(url)).status).toBe(200);
    const file = join(root, "notebooks", "assumptions.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("range: { low: 2, high: 3 }", "range: { low: 2, high: 3.5 }"));
    await dev.waitFor("built in", 2);
    dev.child.kill("SIGINT");
    await dev.exited;
    for (const path of ["notebooks/a", "notebooks/b", "notebooks/data/up"]) {
      expect(dev.stderr().split(`warning: not watching ${path}: it is a symbolic link that loops`)).toHaveLength(2);
    }
    expect(dev.stderr()).not.toMatch(/ELOOP|\n\s+at /);
    expect(leftovers(root)).toEqual([]);
  }, 120_000);
});

describe("fragtax dev and Ctrl-C", () => {
  it("during a rebuild whose cell never returns: ends at once by SIGINT, the last build whole, no lock", async () => {
    const { root } = folders.project();
    const dev = startDev(root);
    await dev.waitFor("built in");
    const page = readFileSync(join(root, "out", "build", "report.html"), "utf8");
    appendCell(root, "01-price.ipynb", "while (true) {}");
    await dev.waitFor("changed: notebooks/01-price.ipynb");
    // The rebuild's chapters are compiled and running a moment after its assumptions are read.
    await dev.waitFor("assumptions: ", 2);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(existsSync(join(root, "out", ".build.lock"))).toBe(true);
    const stopped = Date.now();
    dev.child.kill("SIGINT");
    const ended = await Promise.race([dev.exited, new Promise<"still running">((resolve) => setTimeout(() => resolve("still running"), 10_000))]);
    expect(ended).toEqual({ code: null, signal: "SIGINT" });
    expect(Date.now() - stopped).toBeLessThan(5_000);
    expect(readFileSync(join(root, "out", "build", "report.html"), "utf8")).toBe(page);
    expect(leftovers(root)).toEqual([]);
    expect(dev.stderr()).not.toContain("build failed");
    // Its last line says what stayed (it ended without a word).
    expect(dev.stderr().trimEnd().split("\n").at(-1)).toBe("stopped by SIGINT: the rebuild under way was abandoned; out/build/ holds the last build that finished");
  }, 120_000);
});

describe("fragtax dev --timeout", () => {
  // The timeout's message says "raise the limit with --timeout SECONDS": dev refused the option.
  it("stops a rebuild's cell after the limit it is given, and refuses a limit that is not one (exit 2)", async () => {
    const { root } = folders.project();
    appendCell(root, "01-price.ipynb", "while (true) {}");
    const dev = startDev(root, "--timeout", "1");
    await dev.waitFor("build failed");
    expect(dev.stderr()).toContain("the cell did not finish within 1 s and was stopped");
    dev.child.kill("SIGINT");
    await dev.exited;
    const bad = await fragtax(["dev", "--port", "0", "--root", root, "--timeout", "soon"], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--timeout must be a number of seconds (e.g. 30 or 2.5) from 0.001 up to");
  }, 120_000);
});

describe("fragtax dev and images a markdown cell names outside notebooks/", () => {
  it("rebuilds when a missing one is added and when one is replaced, and the page shows the new image", async () => {
    const { root } = folders.project();
    const fox = readFileSync(join(import.meta.dirname, "..", "fixtures", "charts-data", "ffox.png"));
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "assets", "pic.png"), fox);
    appendMarkdown(root, "01-price.ipynb", "![fox](../assets/pic.png)\n\n![later][later]\n\n[later]: ../assets/later.png");
    const dev = startDev(root);
    await dev.waitFor("build failed");
    expect(dev.stderr()).toContain('the image "../assets/later.png" was not found (assets/later.png)');
    /** Writes `bytes` to `path` until dev says it changed: the watch on a file is set up as the rebuild that named it ends. */
    const replace = async (path: string, bytes: Buffer): Promise<void> => {
      for (let tries = 0; tries < 20 && !dev.stderr().includes(`changed: ${path}`); tries++) {
        writeFileSync(join(root, path), bytes);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await dev.waitFor(`changed: ${path}`);
    };
    await replace("assets/later.png", fox);
    await dev.waitFor("built in");
    const other = Buffer.concat([fox, Buffer.from("another image")]);
    await replace("assets/pic.png", other);
    await dev.waitForPage(`src="data:image/png;base64,${other.toString("base64")}"`);
    dev.child.kill("SIGINT");
    await dev.exited;
  }, 120_000);
});

describe("fragtax dev and data files a cell reads outside notebooks/", () => {
  it("rebuilds when a missing one is added and when one is edited, and the page shows the new value", async () => {
    const { root } = folders.project();
    appendCell(root, "01-price.ipynb", 'import { readFileSync } from "node:fs";\nconsole.log(`rate is ${readFileSync("../data/rate.txt", "utf8").trim()}`);');
    const dev = startDev(root);
    await dev.waitFor("build failed");
    expect(dev.stderr()).toContain("rate.txt");
    /** Writes `text` to `path` until dev says it changed once more: the watch on a file is set up as the rebuild that read it ends. */
    const edit = async (path: string, text: string): Promise<void> => {
      const times = dev.stderr().split(`changed: ${path}`).length;
      mkdirSync(join(root, "data"), { recursive: true });
      for (let tries = 0; tries < 20 && dev.stderr().split(`changed: ${path}`).length - 1 < times; tries++) {
        writeFileSync(join(root, path), text);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      await dev.waitFor(`changed: ${path}`, times);
    };
    await edit("data/rate.txt", "seven-point-one");
    await dev.waitForPage("rate is seven-point-one");
    await edit("data/rate.txt", "eight-point-two");
    const page = await dev.waitForPage("rate is eight-point-two");
    expect(page).not.toContain("seven-point-one");
    dev.child.kill("SIGINT");
    await dev.exited;
  }, 120_000);
});

describe("fragtax dev and an assumptions file report.yaml moves outside notebooks/", () => {
  it("rebuilds when the file report.yaml now names is edited, missing at first or not", async () => {
    const { root } = folders.project();
    const dev = startDev(root);
    await dev.waitFor("built in");
    const yaml = readFileSync(join(root, "notebooks", "assumptions.yaml"), "utf8");
    const reportYaml = join(root, "notebooks", "report.yaml");
    // Named before it exists: the rebuild fails, and creating the file is what mends it.
    writeFileSync(reportYaml, readFileSync(reportYaml, "utf8").replace("assumptions: assumptions.yaml", "assumptions: ../config/a.yaml"));
    await dev.waitFor("build failed");
    mkdirSync(join(root, "config"));
    writeFileSync(join(root, "config", "a.yaml"), yaml);
    await dev.waitFor("changed: config/a.yaml");
    await dev.waitFor("built in", 2);
    const seen = dev.stderr().split("changed: config/a.yaml").length - 1;
    writeFileSync(join(root, "config", "a.yaml"), yaml.replace("value: 10000000", "value: 40000000"));
    await dev.waitFor("changed: config/a.yaml", seen + 1);
    await dev.waitForPage('fragtax-figure-value">$100M');
    dev.child.kill("SIGINT");
    await dev.exited;
  }, 120_000);
});

describe("fragtax dev started with a chapter report.yaml lists but nobody has written yet", () => {
  it("starts, shows the build failing on it, and builds once the file appears", async () => {
    const { root } = folders.project();
    const reportYaml = join(root, "notebooks", "report.yaml");
    writeFileSync(reportYaml, readFileSync(reportYaml, "utf8").replace("  - 02-claims.ipynb\n", "  - 02-claims.ipynb\n  - 03-new.ipynb\n"));
    const dev = startDev(root);
    await dev.waitFor("build failed");
    expect(dev.stderr()).toContain('chapter "03-new.ipynb" listed in report.yaml does not exist');
    expect(dev.stderr()).toContain("serving out/build/");
    // A chapter of its own (a copy of another would declare its figures' ids twice, which fails a rebuild as it fails a build).
    writeFileSync(join(root, "notebooks", "03-new.ipynb"), codeNotebookJson(['console.log("new");'], "new"));
    await dev.waitFor("built in");
    dev.child.kill("SIGINT");
    await dev.exited;
  }, 120_000);
});

describe("fragtax dev --host it cannot listen on: exit 2, no raw error", () => {
  it.each([
    ["nonexistent.invalid", "dev: cannot listen on nonexistent.invalid: it is not an IP address, and looking it up as a host name failed"],
    ["999.1.1.1", "dev: cannot listen on 999.1.1.1: it is not an IP address"],
    ["[::1]", "write an IPv6 address without brackets (--host ::1)"],
    ["", "--host is empty: give the address to listen on"],
    [" ", "--host is empty"],
  ])("--host '%s'", async (host, message) => {
    const { root } = folders.project();
    const result = await fragtax(["dev", "--host", host, "--port", "0", "--root", root], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/getaddrinfo|serves the preview to other machines|serving out\/build/);
  });
});

describe("fragtax dev --host that is an address of another machine", () => {
  it("says to give an address of this machine, not to pick another port (exit 2)", async () => {
    const { root } = folders.project();
    // TEST-NET-3 (RFC 5737): never an address of this machine.
    const result = await fragtax(["dev", "--host", "203.0.113.9", "--port", "0", "--root", root], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("dev: cannot listen on 203.0.113.9:0: that address is not on this machine; give --host an address of this machine (127.0.0.1 by default)");
    expect(result.stderr).not.toContain("--port");
  });
});

describe("fragtax dev --port that is not a port number: exit 2, before listening anywhere", () => {
  // Number() would read "" (an unset $PORT in quotes) as 0, any free port, and "0x50" as port 80.
  it.each(["", " ", "0x0", "47e3", "-0", "47001.0"])("--port '%s'", async (port) => {
    const { root } = folders.project();
    // Killed after 15 s: a dev that took the port would serve until stopped.
    const result = await new Promise<{ code: unknown; stderr: string }>((resolve) =>
      execFile(process.execPath, [CLI, "dev", "--port", port, "--root", root], { cwd: root, timeout: 15_000, killSignal: "SIGKILL" }, (error, _stdout, stderr) =>
        resolve({ code: error === null ? 0 : (error.code ?? error.signal), stderr }),
      ),
    );
    expect(result.stderr).toContain(`--port ${port}: expected a port number 0–65535`);
    expect(result.stderr).not.toContain("serving out/build");
    expect(result.code).toBe(2);
  });
});

describe("npm run dev stopped by a process manager", () => {
  // npm passes a SIGTERM on to the shell running the script; a shell that had not `exec`ed the command
  // ended alone, and dev went on serving under init (the next `npm run dev` found its port taken).
  it("ends dev when npm is sent SIGTERM: the script execs the command, so the signal reaches it", async () => {
    const { root } = folders.project();
    const repo = resolve(import.meta.dirname, "..", "..");
    const script = (JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.dev ?? "";
    // The script as written, its bundling step a no-op (other tests run dist/ meanwhile), with the repository's CLI.
    const command = script.replace("node scripts/bundle-cli.mjs && ", "true && ").replace("dist/cli.cjs", join(repo, "dist", "cli.cjs"));
    expect(command).not.toBe(script);
    const runner = folders.scratch("fragtax-npm-dev-");
    writeFileSync(join(runner, "package.json"), JSON.stringify({ name: "runner", private: true, scripts: { dev: command } }));
    const npm = spawn("npm", ["run", "dev", "--", "--port", "0", "--root", root], { cwd: runner, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    npm.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    onTestFinished(() => void (npm.exitCode === null && npm.kill("SIGKILL")));
    for (const end = Date.now() + 60_000; !stderr.includes("built in") && Date.now() < end; ) await new Promise((wait) => setTimeout(wait, 50));
    expect(stderr).toContain("built in");
    // dev: npm's child (the shell, which became node by exec), or the shell's child.
    // /proc of a process that ends meanwhile is gone: read as nothing.
    const proc = (path: string): string => {
      try {
        return readFileSync(path, "utf8");
      } catch {
        return "";
      }
    };
    const children = (pid: number): number[] => proc(`/proc/${pid}/task/${pid}/children`).trim().split(/\s+/).filter(Boolean).map(Number);
    const dev = [...children(npm.pid ?? 0), ...children(npm.pid ?? 0).flatMap(children)].find((pid) => proc(`/proc/${pid}/cmdline`).includes("cli.cjs\0dev"));
    expect(dev).toBeDefined();
    npm.kill("SIGTERM");
    const alive = (): boolean => !/^$|\) Z /.test(proc(`/proc/${dev}/stat`));
    for (const end = Date.now() + 10_000; alive() && Date.now() < end; ) await new Promise((wait) => setTimeout(wait, 50));
    const left = alive();
    if (left) process.kill(dev ?? 0, "SIGKILL");
    expect(left, `dev (pid ${dev}) still running after npm was sent SIGTERM`).toBe(false);
  }, 90_000);
});
