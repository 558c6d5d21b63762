/**
 * Where things are in a project, for the versions commands: read from the normalized report.yaml
 * (src/config.ts), so publish, diff and dev agree with build on the root and the assumptions file.
 */
import { join, relative } from "node:path";
import { type Paper, ConfigError, ConfigNotFoundError, configPathForRoot, findConfigFile, loadConfig } from "../config";

export interface ProjectPaths {
  readonly root: string;
  readonly buildDir: string;
  readonly reportsDir: string;
  readonly cacheDir: string;
  /** Relative to root, `/`-separated. */
  readonly assumptionsFile: string;
  readonly title: string;
  readonly paper: Paper;
}

/**
 * `--root DIR` (its notebooks/report.yaml), else report.yaml found upwards from `start`. A missing or
 * invalid report.yaml is a usage error (exit 2) naming the file, key and line.
 */
export function projectPaths(explicitRoot: string | undefined, start: string = process.cwd()): ProjectPaths {
  let config;
  try {
    config = explicitRoot === undefined ? loadConfig(findConfigFile(start)) : loadConfig(configPathForRoot(explicitRoot), { root: explicitRoot });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof ConfigNotFoundError) throw Object.assign(error, { exitCode: 2 });
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw Object.assign(new ConfigNotFoundError(explicitRoot ?? start), { exitCode: 2 });
    throw error;
  }
  return {
    root: config.root,
    buildDir: config.outDir,
    reportsDir: join(config.root, "out", "reports"),
    cacheDir: join(config.root, "out", ".cache"),
    assumptionsFile: relative(config.root, config.assumptions).split("\\").join("/"),
    title: config.title,
    paper: config.paper,
  };
}
