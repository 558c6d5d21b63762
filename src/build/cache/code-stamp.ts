/**
 * The stamp of the tool's own code, for caches of what that code derives from the project's files
 * (the rendered page, the parsed input files): a changed fragtax (an edit under src/ in this
 * repository, a new bundle, a new install) never reuses what the old one made.
 */
import { readdirSync, statSync, type Dirent } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { sha256 } from "../../util/hash";
import { toolRoot } from "../../util/paths";

/**
 * Size and mtime of every file of the code this process runs (dist/ when bundled, else src/) and of
 * the lockfile, as they were when the process first asked: a long-running `fragtax dev` keeps
 * running the modules it loaded, so a result it makes after src/ was edited or dist/ bundled again
 * must carry the stamp of the code that made it, not of the files now on disk. Templates are read
 * at every render, so theirs is taken each time (a few dozen stats).
 */
export function codeStamp(): string {
  const tool = toolRoot();
  const code = relative(tool, dirname(fileURLToPath(import.meta.url))).split(/[\\/]/)[0] ?? "src";
  loaded ??= stampOf(tool, [...listFiles(join(tool, code), join(tool, "dist", "types")), join(tool, "package-lock.json")]);
  return sha256(`${loaded}\n${stampOf(tool, listFiles(join(tool, "templates")))}`);
}

let loaded: string | undefined;

function stampOf(tool: string, files: readonly string[]): string {
  return files.map((file) => `${relative(tool, file)}:${statStamp(file)}`).join("\n");
}

/**
 * The files under `folder`, but not source maps, declarations or the folder `skip`: dist/types/ holds
 * ~90 declaration files that no process runs (the bundles beside it are made from the same sources),
 * and statting them was most of this stamp's ~10 ms at the start of every command.
 */
function listFiles(folder: string, skip?: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== skip) walk(path);
      } else if (entry.isFile() && !/\.(map|d\.ts)$/.test(entry.name)) files.push(path);
    }
  };
  walk(folder);
  return files.sort();
}

function statStamp(file: string): string {
  try {
    const stat = statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return "-";
  }
}

