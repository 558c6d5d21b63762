/**
 * Reading a file the tool itself wrote (a cache entry, a build's output) that may since have been
 * replaced by a FIFO: a plain read of a FIFO waits for a writer for ever. Opened without blocking and
 * read only when it is a plain file; anything else throws, as a missing file does, so each caller's
 * "missing or damaged" path takes it.
 */
import { constants } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";

export async function readPlainFile(path: string): Promise<Buffer> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!(await handle.stat()).isFile()) throw Object.assign(new Error(`${path} is not a plain file`), { code: "EFTYPE", path });
    return await handle.readFile();
  } finally {
    await handle?.close();
  }
}

export async function readPlainText(path: string): Promise<string> {
  return (await readPlainFile(path)).toString("utf8");
}
