/**
 * Making a folder and the folders above it (`mkdir -p`), with the real reason when it cannot be made.
 * Node 20's recursive mkdir answers ENOENT for a folder it could not make on a read-only file system
 * (EROFS): a build with an out/.cache mounted read-only said the cache "does not exist: check the
 * path". Where it says ENOENT, the first missing folder is made on its own, which says why.
 */
import { existsSync, mkdirSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, resolve } from "node:path";

const isEnoent = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";

/** The first folder of `path` that is not there (its parent is). */
function firstMissing(path: string): string {
  let missing = resolve(path);
  while (dirname(missing) !== missing && !existsSync(dirname(missing))) missing = dirname(missing);
  return missing;
}

export async function makeFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    if (!isEnoent(error)) throw error;
    // Throws the real reason (EROFS, EACCES); made after all (another process removed a folder between), once more.
    await mkdir(firstMissing(path));
    await mkdir(path, { recursive: true });
  }
}

export function makeFolderSync(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    if (!isEnoent(error)) throw error;
    mkdirSync(firstMissing(path));
    mkdirSync(path, { recursive: true });
  }
}
