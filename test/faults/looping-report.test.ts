/**
 * A report.yaml that is a symbolic link leading back to itself, and a --root that does: every command
 * names the looping link and exits 2, as build and check did; verify, diff, publish, dev and new said
 * Node's "ELOOP: too many symbolic links encountered, open '…'" and exited 1.
 */
import { execFile } from "node:child_process";
import { rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolders } from "../project";
import { CLI } from "../published-project";

const folders = tempFolders();

/** Every command that reads report.yaml; dev on any free port (a regression would serve, and is ended by the timeout). */
const COMMANDS: readonly (readonly string[])[] = [["build", "--no-pdf"], ["check"], ["verify"], ["diff", "a", "b"], ["publish", "--date", "2026-05-01"], ["publish", "--index-only"], ["dev", "--port", "0"], ["new", "x"]];

/** fragtax ARGS, killed after 20 s (a dev that started would otherwise serve for ever). */
function fragtaxWithin(args: readonly string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" }, timeout: 20_000, killSignal: "SIGKILL" }, (error, _stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, stderr });
    });
  });
}

describe("a report.yaml link that loops", () => {
  it("every command names the link and exits 2, from the project or with --root", { timeout: 240_000 }, async () => {
    const { root } = folders.project();
    const config = join(root, "notebooks", "report.yaml");
    rmSync(config);
    symlinkSync("report.yaml", config);
    const expected = `${config} is a symbolic link to report.yaml, which leads back to it (the links loop); restore the file it points to, or put report.yaml itself in its place`;
    for (const args of COMMANDS) {
      for (const where of [[], ["--root", root]]) {
        const result = await fragtaxWithin([...args, ...where], root);
        expect([args.join(" "), where.length, result.code, result.stderr.trim().split("\n").at(-1)]).toEqual([args.join(" "), where.length, 2, expected]);
        expect(result.stderr).not.toContain("ELOOP:");
      }
    }
  });

  it("a --root that is a looping link is said to be one (exit 2) by every command", { timeout: 240_000 }, async () => {
    const scratch = folders.scratch("fragtax-loop-");
    symlinkSync("two", join(scratch, "one"));
    symlinkSync("one", join(scratch, "two"));
    for (const args of COMMANDS) {
      const result = await fragtaxWithin([...args, "--root", join(scratch, "one")], scratch);
      expect([args.join(" "), result.code]).toEqual([args.join(" "), 2]);
      expect(result.stderr).toContain(`${join(scratch, "one")}: it is, or goes through, a symbolic link that leads back to itself (the links loop)`);
      expect(result.stderr).not.toContain("ELOOP:");
    }
  });
});
