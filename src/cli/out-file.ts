/**
 * The one rule for a file a command writes where the user says (`run --out`, `diff --html`): it has
 * the kind's extension (a typo must not replace assumptions.yaml or a module), is not a folder, and
 * is not inside `out/reports/`, where published versions are kept unchanged, nor in `out/build/` outside
 * `executed/`, which the next build replaces whole (deleting it). A command that reads a source file
 * (`run` its notebook) may not replace it, nor a file report.yaml names (a chapter, the assumptions,
 * the errata): a mistyped `--out notebooks/00-summary.ipynb` replaced the summary chapter with
 * another chapter's executed copy. `diff --html` replaces only a diff page it wrote. A read-only file is
 * not replaced: the command writes by rename, which the file's own mode does not stop (and root's
 * writes are never refused). Checked before anything runs; each command words its own refusals (exit 2).
 */
import { existsSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { outPaths } from "../config/paths";
import { findProjectRoot, findReportYaml } from "../config/root";
import { InputError } from "../util/errors";
import { isInside, realPathSoFar } from "../util/paths";

export interface OutFileRule {
  /** Lower case, with its dot: ".ipynb", ".html". */
  readonly extension: string;
  readonly wrongExtension: (out: string) => string;
  readonly folder: (out: string) => string;
  readonly inPublished: (out: string) => string;
  /** Inside out/build/ but not out/build/executed/: the next build would delete it. */
  readonly inBuild: (out: string) => string;
  /** An existing file without write permission: someone marked it to be kept, and a rename would replace it all the same. */
  readonly readOnly: (out: string) => string;
  /**
   * What an existing file must hold to be replaced (`diff --html`: a diff page it wrote earlier), and
   * the refusal of any other: `--html templates/report.html` replaced the report's template.
   */
  readonly replaces?: { readonly marker: string; readonly refusal: (out: string) => string };
  /** The source the command reads, and the refusal of an `out` that is it or another existing source file. */
  readonly source?: { readonly file: string; readonly refusal: (out: string) => string };
}

export async function checkOutFile(out: string, rule: OutFileRule): Promise<void> {
  if (!out.toLowerCase().endsWith(rule.extension)) throw new InputError(rule.wrongExtension(out));
  if (existsSync(out) && statSync(out).isDirectory()) throw new InputError(rule.folder(out));
  // Compared as the file system resolves them: a symlink into out/reports/ leads inside it too, from
  // within the project or from anywhere else (the project is then the one the real path is in).
  const path = realPathSoFar(resolve(out));
  for (const from of [dirname(resolve(out)), dirname(path)]) {
    const paths = outPaths(findProjectRoot(from));
    if (isInside(realPathSoFar(paths.reports), path)) throw new InputError(rule.inPublished(out));
    if (isInside(realPathSoFar(paths.build), path) && !isInside(realPathSoFar(paths.executed), path)) throw new InputError(rule.inBuild(out));
  }
  if (existsSync(path) && (statSync(path).mode & 0o222) === 0) throw new InputError(rule.readOnly(out));
  if (rule.replaces !== undefined && existsSync(path) && !(await startsWithin(path, rule.replaces.marker))) throw new InputError(rule.replaces.refusal(out));
  if (rule.source !== undefined) {
    if (path === realPathSoFar(resolve(rule.source.file))) throw new InputError(rule.source.refusal(out));
    const config = findReportYaml(dirname(path));
    if (config !== undefined && existsSync(path) && (await namedByReportYaml(config)).has(path)) throw new InputError(rule.source.refusal(out));
  }
}

/** Whether `file` is an HTML page (`<!doctype html>` first) with `marker` in its first 256 KB (its head and the start of its body). */
async function startsWithin(file: string, marker: string): Promise<boolean> {
  // A named pipe or a device is no page it wrote, and opening a pipe to look would wait for a writer.
  if (!statSync(file).isFile()) return false;
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(256 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const start = buffer.subarray(0, bytesRead).toString("utf8");
    return start.toLowerCase().startsWith("<!doctype html>") && start.includes(marker);
  } finally {
    await handle.close();
  }
}

/**
 * The files report.yaml names (itself, its chapters, assumptions and errata), as real paths: an
 * executed copy written beside them earlier may be replaced, these may not. Read only when `--out`
 * names an existing file (the YAML parser is not loaded otherwise); a report.yaml that cannot be read
 * names no file, and a build says what is wrong with it.
 */
async function namedByReportYaml(config: string): Promise<Set<string>> {
  try {
    const { loadConfig } = await import("../config/parse");
    const named = loadConfig(config);
    return new Set([config, ...named.chapters.map((chapter) => chapter.file), named.assumptions, ...(named.errata === undefined ? [] : [named.errata])].map((file) => realPathSoFar(file)));
  } catch {
    return new Set([realPathSoFar(config)]);
  }
}
