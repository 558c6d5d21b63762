/**
 * `out/build` made read-only by its owner (`chmod a-w out/build`): the build sets the old build aside
 * and must still remove it. It used to leave `out/.build-old-…` behind with exit 0, and every later
 * build then failed on a file in it (exit 2) and left its lock behind, so the next said the one before
 * had been killed; with `executed/` in it (`fragtax run`'s), the build could not move that folder out.
 * Real files and real permissions: the CLI runs as root without its capabilities (setpriv), so the
 * files' modes bind it as they bind any owner.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempProject, type TempProject } from "../project";

const cli = join(import.meta.dirname, "../../dist/cli.cjs");

let project: TempProject | undefined;
afterEach(() => project?.remove());

const withoutCapabilities = (root: string) =>
  spawnSync("setpriv", ["--bounding-set=-all", "--inh-caps=-all", process.execPath, cli, "build", "--no-pdf", "--root", root], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });

describe("a read-only out/build, its owner's own", () => {
  it("is replaced and removed, executed/ kept: no old build or lock left behind, and the next build runs", () => {
    project = tempProject();
    const { root } = project;
    // The modes bind: a folder made read-only refuses a new file to its owner without the capabilities.
    mkdirSync(join(root, "read-only"), { mode: 0o555 });
    const probe = spawnSync("setpriv", ["--bounding-set=-all", "--inh-caps=-all", process.execPath, "-e", "require('fs').writeFileSync(process.argv[1], '')", join(root, "read-only", "x")], { encoding: "utf8" });
    expect(probe.stderr).toContain("EACCES");
    const first = withoutCapabilities(root);
    expect(first.status, first.stderr).toBe(0);
    mkdirSync(join(root, "out", "build", "executed"));
    writeFileSync(join(root, "out", "build", "executed", "01-price.ipynb"), "{}");
    chmodSync(join(root, "out", "build"), 0o555);
    for (const attempt of [1, 2]) {
      const build = withoutCapabilities(root);
      expect(build.status, `build ${attempt}: ${build.stderr}`).toBe(0);
      expect(build.stderr).not.toMatch(/could not be removed|cannot be removed|interrupted|killed|stopped by/);
      expect(readdirSync(join(root, "out")).filter((name) => name.startsWith("."))).toEqual([".cache"]);
      expect(existsSync(join(root, "out", ".build.lock"))).toBe(false);
      expect(readFileSync(join(root, "out", "build", "report.html"), "utf8")).toContain("</html>");
      expect(readFileSync(join(root, "out", "build", "executed", "01-price.ipynb"), "utf8")).toBe("{}");
      chmodSync(join(root, "out", "build"), 0o555);
    }
  }, 180_000);
});
