/**
 * `out/build` made read-only by its owner (`chmod a-w out/build`), as a user who is not root: the
 * build sets the old build aside and must still remove it. It used to leave `out/.build-old-…` behind
 * with exit 0, and every later build then failed on a file in it (exit 2) and left its lock behind,
 * so the next said the one before had been killed. Real files and real permissions: the CLI runs as
 * the unprivileged user `nobody` (setpriv), since root's writes ignore them.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempProject, type TempProject } from "../project";

const NOBODY = 65534;
const cli = join(import.meta.dirname, "../../dist/cli.cjs");

let project: TempProject | undefined;
afterEach(() => project?.remove());

function chownTree(path: string): void {
  chownSync(path, NOBODY, NOBODY);
  if (lstatSync(path).isDirectory()) for (const name of readdirSync(path)) if (!lstatSync(join(path, name)).isSymbolicLink()) chownTree(join(path, name));
}

const asNobody = (root: string) =>
  spawnSync("setpriv", [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, "--clear-groups", process.execPath, cli, "build", "--no-pdf", "--root", root], { cwd: root, encoding: "utf8", env: { ...process.env, HOME: root, NO_COLOR: "1" } });

describe("a read-only out/build, as a user who is not root", () => {
  it("is replaced and removed: no old build or lock left behind, and the next build runs", () => {
    project = tempProject();
    const { root } = project;
    chownTree(root);
    const first = asNobody(root);
    expect(first.status, first.stderr).toBe(0);
    chmodSync(join(root, "out", "build"), 0o555);
    for (const attempt of [1, 2]) {
      const build = asNobody(root);
      expect(build.status, `build ${attempt}: ${build.stderr}`).toBe(0);
      expect(build.stderr).not.toMatch(/could not be removed|interrupted|killed|stopped by/);
      expect(readdirSync(join(root, "out")).filter((name) => name.startsWith("."))).toEqual([".cache"]);
      expect(existsSync(join(root, "out", ".build.lock"))).toBe(false);
      expect(readFileSync(join(root, "out", "build", "report.html"), "utf8")).toContain("</html>");
    }
  }, 180_000);
});
