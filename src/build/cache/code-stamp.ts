/**
 * The stamp of the tool's own code, for caches of what that code derives from the project's files
 * (the rendered page, the parsed assumptions): a changed fragtax (an edit under src/ in this
 * repository, a new install) never reuses what the old one made.
 */
import { readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256 } from "../../util/hash";
import { toolRoot } from "../../report/template";

/**
 * Size and mtime of every file of the code this process runs (dist/ when bundled, else src/), of
 * templates/ and of the lockfile. Recomputed each time (a few hundred
 * stats, a few ms), as `fragtax dev` builds again after an edit to src/ or templates/.
 */
export function codeStamp(): string {
  const tool = toolRoot();
  const here = dirname(fileURLToPath(import.meta.url));
  const code = relative(tool, here).split(/[\\/]/)[0] ?? "src";
  const files = [...listFiles(join(tool, code)), ...listFiles(join(tool, "templates")), join(tool, "package-lock.json")];
  return sha256(files.map((file) => `${relative(tool, file)}:${statStamp(file)}`).join("\n"));
}

function listFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && !entry.name.endsWith(".map"))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}

function statStamp(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return "-";
  }
}

