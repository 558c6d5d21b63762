/**
 * A project module reached through a symlinked folder (notebooks/lib → a folder elsewhere), built by
 * the CLI as a user builds: a fresh process each time, so nothing resolved before the link is kept.
 * The bundler names the file it read by its real path and the type check by the link's; the reason a
 * notebook re-ran named the one file twice ("../x-lib/factor.ts changed; notebooks/lib/factor.ts changed").
 */
import { spawnSync } from "node:child_process";
import { readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { tempProject } from "../../project";

const CLI = join(import.meta.dirname, "..", "..", "..", "dist", "cli.cjs");

it("names a changed module once, by the path the notebook imports it through", () => {
  const project = tempProject("incremental");
  const elsewhere = `${project.root}-lib`;
  try {
    renameSync(join(project.root, "notebooks", "lib"), elsewhere);
    symlinkSync(elsewhere, join(project.root, "notebooks", "lib"));
    const build = () => spawnSync(process.execPath, [CLI, "build", "--no-pdf"], { cwd: project.root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const cold = build();
    expect(cold.status, cold.stderr).toBe(0);
    const factor = join(elsewhere, "factor.ts");
    writeFileSync(factor, readFileSync(factor, "utf8").replace("FACTOR = 10", "FACTOR = 100"));
    const rebuilt = build();
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stderr).toMatch(/^execute: notebooks\/02-beta\.ipynb executed in [\d.]+ s \(re-ran: notebooks\/lib\/factor\.ts changed\)$/m);
    expect(rebuilt.stderr).toMatch(/^execute: notebooks\/01-alpha\.ipynb reused/m);
  } finally {
    project.remove();
    rmSync(elsewhere, { recursive: true, force: true });
  }
}, 60_000);
