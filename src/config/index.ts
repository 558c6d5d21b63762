/**
 * What a report's configuration is (`ReportConfig`, resolved once: absolute paths, defaults filled)
 * and where report.yaml is found. Reading report.yaml is parse.ts's (the YAML parser and zod, loaded
 * only by what parses: a build whose report.yaml is unchanged takes its config from the cache,
 * build/cache/parsed-inputs.ts, and loads neither).
 */
import { dirname, join, resolve } from "node:path";
import { existsSync, lstatSync, readlinkSync, statSync } from "node:fs";
import * as messages from "../messages/report";
import { InputError } from "../util/errors";
import { findReportYaml } from "./root";
import { outPaths, type OutPaths } from "./paths";

export type Paper = "A4" | "Letter";

export interface ChapterConfig {
  /** 1-based chapter number. */
  readonly number: number;
  readonly file: string;
  /** Path relative to the project root, as build logs and figure records name it. */
  readonly relativePath: string;
}

export interface ReportConfig {
  /** Absolute path of report.yaml. */
  readonly file: string;
  /** Project root: the folder with package.json above notebooks/. */
  readonly root: string;
  readonly title: string;
  readonly subtitle?: string;
  readonly author?: string;
  /** ISO date of this version, if fixed in report.yaml; otherwise the build date is used. */
  readonly date?: string;
  /**
   * The data cut-off: no source may be dated after it (the build stops naming the assumption). If
   * report.yaml gives none, the version date is the cut-off.
   */
  readonly asOf?: string;
  readonly chapters: readonly ChapterConfig[];
  readonly assumptions: string;
  /** Absolute path of the errata file (corrections of published versions), when report.yaml names one. */
  readonly errata?: string;
  readonly outputs: { readonly html: boolean; readonly pdf: boolean };
  readonly paper: Paper;
  readonly montecarlo: { readonly samples: number; readonly seed: number };
  /** Absolute output folder, `<root>/out/build` (= `paths.build`). */
  readonly outDir: string;
  readonly paths: OutPaths;
}

export { outPaths, type OutPaths };
export { findProjectRoot, findReportYaml } from "./root";

export class ConfigNotFoundError extends InputError {
  /** `explicitRoot`: the folder came from `--root`, where nothing is searched upward (the message says what --root wants). */
  constructor(
    readonly startDir: string,
    explicitRoot = false,
  ) {
    const dangling = danglingReportLink(startDir, explicitRoot);
    super(
      dangling !== undefined
        ? messages.reportYamlDanglingLink(dangling.link, dangling.target, dangling.loops)
        : explicitRoot
          ? messages.rootWithoutReport(startDir, rootState(startDir), projectAbove(startDir))
          : messages.reportYamlNotFound(startDir),
    );
  }
}

/**
 * A report.yaml that is a symbolic link to nothing (its target moved or not checked out): the search
 * passes it by as missing, and "no report.yaml found" would send the user looking for a file that is
 * there. The first such link where the search looked (only `<root>/notebooks/report.yaml` for --root).
 */
export function danglingReportLink(startDir: string, explicitRoot: boolean): { link: string; target: string; loops: boolean } | undefined {
  const candidates = (dir: string): string[] => (explicitRoot ? [join(dir, "notebooks", "report.yaml")] : [join(dir, "report.yaml"), join(dir, "notebooks", "report.yaml")]);
  for (let dir = resolve(startDir); ; dir = dirname(dir)) {
    for (const candidate of candidates(dir)) {
      try {
        if (lstatSync(candidate).isSymbolicLink() && !existsSync(candidate)) return { link: candidate, target: readlinkSync(candidate), loops: linkLoops(candidate) };
      } catch {
        // not there, or not readable: not a link to report on
      }
    }
    if (explicitRoot || dirname(dir) === dir) return undefined;
  }
}

/** Whether the link never resolves because it leads back to itself (`a → b → a`: ELOOP), not to a missing file. */
function linkLoops(path: string): boolean {
  try {
    statSync(path);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ELOOP";
  }
}

/** The nearest folder above `path` that holds notebooks/report.yaml, as `path` was written (`notebooks/report.yaml` → `.`); else the folder `path` is in. */
function projectAbove(path: string): string {
  for (let at = dirname(path); ; at = dirname(at)) {
    if (existsSync(join(at, "notebooks", "report.yaml"))) return at;
    if (dirname(at) === at) return dirname(path); // "/", or "." for a relative path
  }
}

function rootState(dir: string): messages.RootState {
  // A link on the way that leads back to itself: "no such folder" would send the user looking for a typo.
  if (!existsSync(dir)) return linkLoops(dir) ? "loops" : "missing";
  if (!statSync(dir).isDirectory()) return "file";
  return existsSync(join(dir, "report.yaml")) ? "notebooks-folder" : "no-report";
}

/** A problem in report.yaml, located (exit 2). Here, not in parse.ts, so a build that takes its config from the cache can raise one without loading the parser. */
export class ConfigError extends InputError {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/**
 * Where a top-level key's value starts in report.yaml's text (1-based), for a check made after
 * parsing (the parsed form, possibly from the cache, keeps no positions); 1:1 when not found.
 */
export function topLevelKeyPosition(text: string, key: string): { line: number; column: number } {
  const lines = text.split(/\r?\n/);
  const index = lines.findIndex((line) => line.startsWith(`${key}:`));
  if (index < 0) return { line: 1, column: 1 };
  const value = /^[^:]+:\s*/.exec(lines[index] ?? "")?.[0].length ?? 0;
  return { line: index + 1, column: value + 1 };
}

/**
 * The version's date (report.yaml's `date`, else today) and its data cut-off: `asOf` after the date
 * is refused, located at the key (exit 2). One rule for the build and `fragtax check`.
 */
export function checkAsOf(config: Pick<ReportConfig, "asOf" | "date" | "file">, configText: string, displayFile: string, today: string): string {
  const versionDate = config.date ?? today;
  if (config.asOf !== undefined && config.asOf > versionDate) {
    const where = { file: displayFile, ...topLevelKeyPosition(configText, "asOf") };
    throw new ConfigError(messages.configAsOfAfterVersion(where, config.asOf, versionDate, config.date !== undefined), config.file, where.line, where.column);
  }
  return versionDate;
}

/** `<root>/notebooks/report.yaml`, the conventional place. */
export function configPathForRoot(root: string): string {
  // `--root ""` (an unset shell variable) would quietly mean the current folder.
  if (root.trim() === "") throw new InputError(messages.rootEmpty());
  return join(resolve(root), "notebooks", "report.yaml");
}

/** The report.yaml that governs `startDir` (root.ts's rule); none is a usage error (exit 2). */
export function findConfigFile(startDir: string, exists: (path: string) => boolean = existsSync): string {
  const found = findReportYaml(startDir, exists);
  if (found === undefined) throw new ConfigNotFoundError(resolve(startDir));
  return found;
}

/** The project root of report.yaml `file`: the given root, else the folder above report.yaml's folder. */
export function configRoot(file: string, root?: string): string {
  return resolve(root ?? dirname(dirname(resolve(file))));
}
