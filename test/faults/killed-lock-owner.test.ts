/**
 * `kill -9` of the process holding a lock, as a user (or the OOM killer) does it: `fragtax dev` in the
 * middle of a rebuild whose cell never returns, `fragtax publish` holding its lock. The next command
 * takes the lock over at once, and says so, naming the dead pid: it does not wait, and the user who
 * killed the process sees that what it left was taken care of. A publish killed in the moment between
 * placing its version and writing the index is named as such by verify, with the command that mends it.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { appendCell, tempFolders } from "../project";
import { CLI, NO_CHROMIUM, fragtax, makeProject, projectWithVersions, spawnFragtax, useBuild } from "../published-project";

const folders = tempFolders();

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Kills `child` with SIGKILL and waits for it to be gone. */
async function killHard(child: ReturnType<typeof spawn>): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}

/** `fragtax dev --port 0` in `root`, its stderr collected; killed after the test if still running. */
function startDev(root: string) {
  const child = spawn(process.execPath, [CLI, "dev", "--port", "0", "--root", root], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  onTestFinished(() => void (child.exitCode === null && child.signalCode === null && child.kill("SIGKILL")));
  let said = "";
  child.stderr.on("data", (chunk: Buffer) => (said += chunk.toString()));
  return {
    child,
    said: () => said,
    async waitFor(text: string): Promise<void> {
      for (const end = Date.now() + 30_000; !said.includes(text) && Date.now() < end && child.exitCode === null; ) await settle(25);
      expect(said, `waiting for ${text}`).toContain(text);
    },
  };
}

describe("a lock left by a process killed with kill -9", () => {
  it("fragtax dev killed mid-rebuild: the next dev takes out/.build.lock over, naming the dead dev's pid, and builds", async () => {
    const { root } = folders.project();
    const file = join(root, "notebooks", "01-price.ipynb");
    const notebook = readFileSync(file, "utf8");
    appendCell(root, "01-price.ipynb", "while (true) {}");
    const first = startDev(root);
    // Its first rebuild runs the cell that never returns, holding the build lock.
    await first.waitFor("assumptions: ");
    await settle(500);
    const lock = join(root, "out", ".build.lock");
    expect(readFileSync(lock, "utf8").split("\n")[0]).toBe(String(first.child.pid));
    await killHard(first.child);
    expect(existsSync(lock)).toBe(true);

    await writeFile(file, notebook);
    const next = startDev(root);
    await next.waitFor("built in");
    expect(next.said()).toContain(`out/.build.lock was left by pid ${first.child.pid}, which is no longer running (stopped by Ctrl-C or a signal, or it crashed): taking it over`);
    expect(next.said()).not.toContain("waiting for");
    await killHard(next.child);
    expect(existsSync(lock)).toBe(false);
    const built = await fragtax(["build", "--no-pdf"], { cwd: root });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).not.toContain("taking it over");
  }, 60_000);

  it("fragtax publish killed holding its lock: the next publish takes it over, naming the pid, and every version verifies", async () => {
    const root = await makeProject();
    onTestFinished(async () => (await import("node:fs/promises")).rm(root, { recursive: true, force: true }));
    await useBuild(root, "v1");
    expect((await fragtax(["publish", "--date", "2026-05-01"], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
    await useBuild(root, "v2");
    const reports = join(root, "out", "reports");
    const lock = join(reports, ".publish.lock");
    const publish = spawnFragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: NO_CHROMIUM });
    onTestFinished(() => void (publish.exitCode === null && publish.signalCode === null && publish.kill("SIGKILL")));
    // Killed the moment its lock is there (it is written whole, pid first, before anything is staged).
    for (const end = Date.now() + 20_000; !(existsSync(lock) && (await readFile(lock, "utf8")).endsWith("\n")) && Date.now() < end && publish.exitCode === null; ) await settle(1);
    await killHard(publish);
    expect((await readFile(lock, "utf8")).split("\n")[0]).toBe(String(publish.pid));
    expect(readdirSync(reports).filter((name) => /^\d{4}-/.test(name))).toEqual(["2026-05-01"]);

    const next = await fragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: NO_CHROMIUM });
    expect(next.stderr).toContain(`out/reports/.publish.lock was left by pid ${publish.pid}, which is no longer running (stopped by Ctrl-C or a signal, or it crashed): taking it over`);
    expect(next.code, next.stderr).toBe(0);
    expect(readdirSync(reports).filter((name) => name.startsWith("."))).toEqual([]);
    const verified = await fragtax(["verify"], { cwd: root });
    expect(verified.code, verified.stderr).toBe(0);
  }, 60_000);

  it("fragtax publish killed after placing its version, before writing the index: verify and publish name that version and the command that lists it", async () => {
    const root = await projectWithVersions(["--date", "2026-05-01"]);
    onTestFinished(async () => (await import("node:fs/promises")).rm(root, { recursive: true, force: true }));
    const index = join(root, "out", "reports", "index.html");
    const before = await readFile(index, "utf8");
    await useBuild(root, "v2");
    expect((await fragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: NO_CHROMIUM })).code).toBe(0);
    // What a publish killed in that moment leaves: its version renamed into place, the index untouched.
    await writeFile(index, before);
    const verified = await fragtax(["verify"], { cwd: root });
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain("index.html does not list 2026-05-02 yet, the newest version: the publish that placed it was stopped before it wrote the index");
    expect(verified.stderr).toContain("`fragtax publish --index-only`");
    expect(verified.stderr).not.toContain("edited");
    // Publishing the same build again is refused, and says what is left to do (it said "already published" alone).
    const again = await fragtax(["publish", "--date", "2026-05-02"], { cwd: root, env: NO_CHROMIUM });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("is already published as 2026-05-02");
    expect(again.stderr).toContain("out/reports/index.html does not list 2026-05-02 yet: the publish that placed it was stopped before it wrote the index; list it with `fragtax publish --index-only`");
    expect((await fragtax(["publish", "--index-only"], { cwd: root })).code).toBe(0);
    expect((await fragtax(["verify"], { cwd: root })).code).toBe(0);
  }, 60_000);
});
