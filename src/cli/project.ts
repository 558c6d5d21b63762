/**
 * Where things are in a project, for the versions commands: read from the normalized report.yaml
 * (src/config/), so publish, diff and dev agree with build on the root and the assumptions file.
 */
import { relative } from "node:path";
import { type Paper, ConfigNotFoundError, configPathForRoot, findConfigFile } from "../config";
import { loadConfig } from "../config/parse";

export interface ProjectPaths {
  readonly root: string;
  readonly buildDir: string;
  readonly reportsDir: string;
  readonly cacheDir: string;
  /** Relative to root, `/`-separated. */
  readonly assumptionsFile: string;
  readonly title: string;
  readonly paper: Paper;
  /** For the published PDF's metadata. */
  readonly author?: string;
  readonly subtitle?: string;
}

/**
 * `--root DIR` (its notebooks/report.yaml), else report.yaml found upwards from `start`. A missing or
 * invalid report.yaml is a usage error (exit 2) naming the file, key and line. `filesMayBeMissing`:
 * a chapter or assumptions file report.yaml names need not exist yet (dev, whose failed build says
 * so and whose watcher sees the file arrive).
 */
export function projectPaths(explicitRoot: string | undefined, start: string = process.cwd(), options: { readonly filesMayBeMissing?: boolean; readonly noChaptersYet?: boolean } = {}): ProjectPaths {
  let config;
  const exists = { ...(options.filesMayBeMissing === true && { exists: () => true }), ...(options.noChaptersYet === true && { noChaptersYet: true }) };
  try {
    config = explicitRoot === undefined ? loadConfig(findConfigFile(start), exists) : loadConfig(configPathForRoot(explicitRoot), { root: explicitRoot, ...exists });
  } catch (error) {
    // ENOTDIR: --root names a file (report.yaml is looked for below it), which is no project either.
    // ELOOP: report.yaml, or --root itself, is a link that leads back to itself; ConfigNotFoundError
    // names the looping link, as build and check do (Node's "ELOOP: too many symbolic links…", exit 1).
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "ELOOP") throw explicitRoot === undefined ? new ConfigNotFoundError(start) : new ConfigNotFoundError(explicitRoot, true);
    throw error;
  }
  return {
    root: config.root,
    buildDir: config.outDir,
    reportsDir: config.paths.reports,
    cacheDir: config.paths.cache,
    assumptionsFile: relative(config.root, config.assumptions).split("\\").join("/"),
    title: config.title,
    paper: config.paper,
    ...(config.author !== undefined && { author: config.author }),
    ...(config.subtitle !== undefined && { subtitle: config.subtitle }),
  };
}
