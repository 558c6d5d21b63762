/**
 * `fragtax dev` and the PDF a full build printed: dev's rebuilds print nothing, and out/build/ is
 * replaced whole, so merely starting dev after `fragtax build` dropped report.pdf, and publish then
 * refused the build as one "built with --no-pdf". A rebuild of the same page keeps that PDF; one whose
 * page changed has none (it was not printed), and publish says dev made it.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { tempFolders } from "../project";
import { CLI, fragtax } from "../published-project";

const folders = tempFolders();

/** Runs `fragtax dev` in `root` until its first rebuild (and, after `change`, its second), then stops it with Ctrl-C; its stderr. */
async function devUntilRebuilt(root: string, change?: () => void): Promise<string> {
  const child = spawn(process.execPath, [CLI, "dev", "--port", "0", "--root", root], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  onTestFinished(() => void (child.exitCode === null && child.signalCode === null && child.kill("SIGKILL")));
  let said = "";
  child.stderr.on("data", (chunk: Buffer) => (said += chunk.toString()));
  const rebuilt = async (times: number): Promise<void> => {
    for (const end = Date.now() + 30_000; said.split("built in").length - 1 < times && Date.now() < end && child.exitCode === null; ) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(said.split("built in").length - 1, said).toBe(times);
  };
  await rebuilt(1);
  if (change !== undefined) {
    await new Promise((resolve) => setTimeout(resolve, 300)); // the watcher's first look
    change();
    await rebuilt(2);
  }
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGINT");
  await exited;
  return said;
}

describe("fragtax dev after a full build", () => {
  it("keeps the build's report.pdf while the page is the one it was printed from, so the build can still be published", async () => {
    const { root } = folders.project();
    const built = await fragtax(["build"], { cwd: root });
    expect(built.code, built.stderr).toBe(0);
    const pdf = readFileSync(join(root, "out/build/report.pdf"));

    const said = await devUntilRebuilt(root);
    expect(said).toContain("pdf: kept report.pdf: the page is unchanged");
    expect(readFileSync(join(root, "out/build/report.pdf")).equals(pdf)).toBe(true);
    const published = await fragtax(["publish"], { cwd: root });
    expect(published.code, published.stderr).toBe(0);
    const versions = readdirSync(join(root, "out/reports")).filter((name) => /^\d{4}-/.test(name));
    expect(versions).toHaveLength(1);
    const verified = await fragtax(["verify"], { cwd: root });
    expect(verified.code, verified.stderr).toBe(0);
  }, 60_000);

  it("has no PDF after a rebuild that changed the page, and publish says dev made that build", async () => {
    const { root } = folders.project();
    expect((await fragtax(["build"], { cwd: root })).code).toBe(0);
    const assumptions = join(root, "notebooks/assumptions.yaml");
    await devUntilRebuilt(root, () => writeFileSync(assumptions, readFileSync(assumptions, "utf8").replace("range: { low: 2, high: 3 }", "range: { low: 2, high: 3.5 }")));
    expect(existsSync(join(root, "out/build/report.pdf"))).toBe(false);
    const published = await fragtax(["publish"], { cwd: root });
    expect(published.code).toBe(1);
    expect(published.stderr).toContain("or by `fragtax dev` after the page changed (dev does not print)");
  }, 60_000);
});
