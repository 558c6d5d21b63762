/**
 * The one rule for where a project is, with no dependency beyond node:fs and node:path, so the
 * notebook runtime (which must not load YAML or zod per notebook) shares it with the CLI.
 *
 * Walking up from a folder, the first folder that holds `report.yaml` or `notebooks/report.yaml`
 * names the report; the project root is the folder above the report.yaml's folder (with the README's
 * layout, the folder holding `notebooks/`), which is also what `normalizeConfig` defaults `root` to.
 * Where there is no report.yaml (a lone notebook under `fragtax run`, `fragtax check` in a bare
 * folder), the root is the nearest folder holding a package.json, else the given fallback.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

type Exists = (path: string) => boolean;

/** The report.yaml that governs `from` (see above), or undefined. */
export function findReportYaml(from: string, exists: Exists = existsSync): string | undefined {
  let dir = resolve(from);
  for (;;) {
    for (const candidate of [join(dir, "report.yaml"), join(dir, "notebooks", "report.yaml")]) {
      if (exists(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The project root of `from` (see above); `fallback` outside any project. */
export function findProjectRoot(from: string, fallback: string = from, exists: Exists = existsSync): string {
  const report = findReportYaml(from, exists);
  if (report !== undefined) return dirname(dirname(report));
  let dir = resolve(from);
  for (;;) {
    if (exists(join(dir, "package.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(fallback);
    dir = parent;
  }
}
