/**
 * The notebooks beside report.yaml that it does not list. One list for its readers: the build's note
 * that they are not part of the report (a chapter written by hand, not with `fragtax new`, silently
 * was not), and report.yaml's errors for a missing chapter or one without .ipynb, which suggest the
 * notebook meant.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

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
