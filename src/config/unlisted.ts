/**
 * The files beside report.yaml that it does not name, and the one a missing name likely means.
 *
 * The notebooks beside report.yaml that it does not list. One list for its readers: the build's note
 * that they are not part of the report (a chapter written by hand, not with `fragtax new`, silently
 * was not), and report.yaml's errors for a missing chapter or one without .ipynb, which suggest the
 * notebook meant.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { renamedFileLike } from "../util/suggest";

/**
 * The names of the `.ipynb` files in `folder` that are not among `listed` (absolute paths), sorted.
 * Only that folder: a subfolder holds data, local modules or checkpoints (.ipynb_checkpoints), not
 * chapters. Nor a hidden file, which no one writes as a chapter: JupyterLab's save in progress
 * (.~x.ipynb) or an editor's lock (.#x.ipynb). Nor a folder named `x.ipynb`; a link to a notebook
 * counts (statSync follows it). An unreadable folder lists nothing.
 */
export function unlistedNotebooks(folder: string, listed: readonly string[]): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const chapters = new Set(listed);
  const isFile = (path: string): boolean => {
    try {
      return statSync(path).isFile();
    } catch {
      return false;
    }
  };
  return names.filter((name) => name.endsWith(".ipynb") && !name.startsWith(".") && !chapters.has(join(folder, name)) && isFile(join(folder, name))).sort();
}

/**
 * The unlisted notebooks that are `jupyter nbconvert --execute`'s copies of a listed one (it writes
 * `x.nbconvert.ipynb` beside `x.ipynb` unless told where), as [copy, chapter]; the rest are `others`.
 */
export function nbconvertCopies(unlisted: readonly string[], folder: string, listed: readonly string[]): { readonly copies: readonly (readonly [string, string])[]; readonly others: readonly string[] } {
  const chapters = new Set(listed);
  const copies: [string, string][] = [];
  const others: string[] = [];
  for (const name of unlisted) {
    const original = name.endsWith(".nbconvert.ipynb") ? `${name.slice(0, -".nbconvert.ipynb".length)}.ipynb` : undefined;
    if (original !== undefined && chapters.has(join(folder, original))) copies.push([name, original]);
    else others.push(name);
  }
  return { copies, others };
}

/** The YAML file beside a missing one that its name likely means (`asumptions.yaml` → "assumptions.yaml"), if any. */
export function yamlFileLike(path: string, written: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dirname(path)).filter((name) => /\.ya?ml$/i.test(name) && name !== "report.yaml");
  } catch {
    return undefined;
  }
  const meant = renamedFileLike(basename(path), names);
  // As report.yaml names it: in the folder written, if any.
  return meant === undefined ? undefined : written.includes("/") ? `${written.slice(0, written.lastIndexOf("/") + 1)}${meant}` : meant;
}

/** The notebook beside a missing chapter that report.yaml does not list and that it was likely renamed to, if any. */
export function unlistedNotebookLike(chapterFile: string, listed: readonly string[]): string | undefined {
  return renamedFileLike(basename(chapterFile), unlistedNotebooks(dirname(chapterFile), listed));
}
