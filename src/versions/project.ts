/**
 * Where things are in a project, for the versions commands. INTERIM for the title and assumptions
 * path until src/config.ts (the normalized report.yaml) is on main; then this reads that config.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parse } from "yaml";

export interface ProjectPaths {
  readonly root: string;
  readonly buildDir: string;
  readonly reportsDir: string;
  readonly cacheDir: string;
  /** Relative to root, `/`-separated. */
  readonly assumptionsFile: string;
  readonly title: string;
}

/** The project root: `--root`, else the nearest folder upwards holding package.json or notebooks/report.yaml. */
export function findRoot(start: string, explicit?: string): string {
  if (explicit) return resolve(explicit);
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "notebooks", "report.yaml")) || existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return resolve(start);
  }
}

export function projectPaths(root: string): ProjectPaths {
  const reportYaml = join(root, "notebooks", "report.yaml");
  let config: { title?: unknown; assumptions?: unknown } = {};
  try {
    config = (parse(readFileSync(reportYaml, "utf8")) ?? {}) as typeof config;
  } catch {
    // no report.yaml: defaults below
  }
  const assumptions = typeof config.assumptions === "string" ? config.assumptions : "assumptions.yaml";
  return {
    root,
    buildDir: join(root, "out", "build"),
    reportsDir: join(root, "out", "reports"),
    cacheDir: join(root, "out", ".cache"),
    assumptionsFile: relative(root, join(root, "notebooks", assumptions)).split("\\").join("/"),
    title: typeof config.title === "string" ? config.title : "fragtax report",
  };
}
