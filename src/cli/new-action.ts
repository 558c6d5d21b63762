/**
 * `fragtax new <name>`: writes notebooks/NN-<name>.ipynb (see src/scaffold/chapter.ts) and lists it last in
 * report.yaml (src/scaffold/report-yaml.ts).
 */
import { readdirSync } from "node:fs";
import { readdir, readFile, realpath, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { quote } from "shell-quote";
import { loadAssumptionsFile } from "../assumptions";
import * as messages from "../messages/scaffold";
import { InputError } from "../util/errors";
import { writeFileAtomic } from "../util/atomic";
import { configPathForRoot } from "../config";
import { projectPaths } from "./project";
import { CHAPTER_NAME, CHAPTER_NAME_MAX, chapterFileName, chapterNamed, chapterNameLike, chapterNotebook, nextChapterNumber } from "../scaffold/chapter";
import { withChapterAdded } from "../scaffold/report-yaml";
import { outPaths } from "../config/paths";
import { acquireLock } from "../util/lock";
import { locatingFileSystemErrors } from "../util/fs-errors";
import type { Assumption } from "../assumptions/types";
import type { KernelKind } from "../notebook/nbformat";
import { makeFolder } from "../util/folders";
import { shellPath } from "../util/paths";


/** Writes the chapter; returns the line to print. */
export async function newChapter(name: string, root: string | undefined, kernel: KernelKind = "tslab"): Promise<string> {
  if (!CHAPTER_NAME.test(name)) {
    const meant = chapterNameLike(name);
    throw new InputError(messages.badChapterName(name, meant, meant === undefined ? undefined : chapterTaken(meant, root)));
  }
  if (name.length > CHAPTER_NAME_MAX) throw new InputError(messages.chapterNameTooLong(name.length, CHAPTER_NAME_MAX));
  const paths = projectPaths(root, process.cwd(), { noChaptersYet: true }); // it may add the first
  const configFile = configPathForRoot(paths.root);
  // A bad assumptions file is an AssumptionError: input, exit 2, every problem located.
  const assumptions = await loadAssumptionsFile(join(paths.root, paths.assumptionsFile));
  const all = assumptions.all();
  const assumption = all.find((candidate) => candidate.range !== undefined) ?? all[0];
  if (assumption === undefined) throw new InputError(messages.noAssumptionToRead(paths.assumptionsFile));

  // Two `fragtax new` at once would each add its chapter to the report.yaml it read, and the later
  // write would drop the other's: they take turns, from reading report.yaml to writing it.
  const out = dirname(outPaths(paths.root).build);
  const release = await locatingFileSystemErrors(messages.newLockWhat(), out, async () => {
    await makeFolder(out);
    return acquireLock(join(out, ".new.lock"), { timeoutMs: 60_000, pollMs: 20 });
  });
  try {
    return await addChapter(name, paths.root, configFile, assumption, kernel);
  } finally {
    await release();
  }
}

/** The notebook (project-relative) of an existing chapter named `name`, if the project can be found and has one. */
function chapterTaken(name: string, root: string | undefined): string | undefined {
  try {
    const paths = projectPaths(root, process.cwd(), { noChaptersYet: true });
    const notebooksDir = dirname(configPathForRoot(paths.root));
    const taken = chapterNamed(readdirSync(notebooksDir), name);
    return taken === undefined ? undefined : relative(paths.root, join(notebooksDir, taken)).split("\\").join("/");
  } catch {
    return undefined; // no project here: the suggestion stands, and the next try says what is missing
  }
}

async function addChapter(name: string, root: string, configFile: string, assumption: Assumption, kernel: KernelKind): Promise<string> {
  const notebooksDir = dirname(configFile);
  const rel = (path: string): string => relative(root, path).split("\\").join("/");
  const configText = await readFile(configFile, "utf8");
  const existing = (await readdir(notebooksDir)).filter((file) => file.endsWith(".ipynb"));
  const taken = chapterNamed(existing, name);
  if (taken !== undefined) throw new InputError(messages.chapterNameTaken(name, rel(join(notebooksDir, taken))));
  const file = chapterFileName(nextChapterNumber(existing.map((entry) => basename(entry))), name);
  const notebookText = chapterNotebook({ number: Number(file.slice(0, file.indexOf("-"))), name, assumption, kernel });
  const newConfig = withChapterAdded(configText, rel(configFile), file);

  const notebookPath = join(notebooksDir, file);
  try {
    await writeFile(notebookPath, notebookText, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new InputError(messages.chapterExists(rel(notebookPath)));
    throw error;
  }
  try {
    // Through a link to report.yaml, to its target: replacing the link itself left the target without the chapter.
    const target = await realpath(configFile);
    await writeFileAtomic(target, newConfig, { mode: (await stat(target)).mode & 0o7777 }); // its permissions kept
  } catch (error) {
    await rm(notebookPath, { force: true });
    throw error;
  }
  // Through npx (npm sets npm_command to "exec"), `fragtax` alone is not on the user's PATH: the next commands are said as typed.
  return messages.chapterCreated(rel(notebookPath), rel(configFile), quote([shellPath(notebookPath, process.cwd(), root)]), process.env.npm_command === "exec" ? "npx fragtax" : "fragtax");
}
