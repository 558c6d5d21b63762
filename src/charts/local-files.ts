/**
 * Which local files a chart may read, and reading them. The notebook names a chart's data file, but
 * the rows in that file may come from anywhere: an image mark takes its URLs from a data column, so
 * a downloaded data file could name /etc/passwd or ../../.ssh/id_rsa (and the build would copy it
 * into the page) or a FIFO or /dev/zero (and the build would wait forever). So a chart reads a file
 * only when its real path (symlinks resolved) is inside the project, it is a regular file, and it is
 * at most MAX_CHART_FILE_MB. The same rule decides which files the rebuild cache hashes, so it never
 * opens what the chart would not.
 */
import { constants, realpathSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { resolve } from "node:path";
import { isInside } from "../util/paths";

/** The page inlines what a chart reads: more than this would make a page no browser or printer opens. */
export const MAX_CHART_FILE_MB = 32;
const MAX_BYTES = MAX_CHART_FILE_MB * 1024 * 1024;

/** Why a chart may not read a file. `real` is the path with symlinks resolved. */
export type Refusal =
  | { readonly kind: "outside"; readonly real: string }
  | { readonly kind: "not-a-file"; readonly real: string }
  | { readonly kind: "too-large"; readonly real: string; readonly bytes: number };

/**
 * Why a chart may not read `path` (absolute), or undefined when it may. A path that does not resolve
 * (a missing file) is judged by its text; reading it then reports the error (ENOENT) as before.
 */
export function chartFileRefusal(path: string, root: string): Refusal | undefined {
  const real = realPath(path);
  if (real === undefined) return isInside(resolve(root), resolve(path)) ? undefined : { kind: "outside", real: resolve(path) };
  if (!isInside(realPath(root) ?? resolve(root), real)) return { kind: "outside", real };
  const info = statSync(real, { throwIfNoEntry: false });
  if (info === undefined) return undefined;
  if (!info.isFile()) return { kind: "not-a-file", real };
  return info.size > MAX_BYTES ? { kind: "too-large", real, bytes: info.size } : undefined;
}

/**
 * The bytes of `path`, or why a chart may not read it. What is opened is the real path that was
 * checked, and the file is checked again once open: one swapped after the check (for a FIFO, or for
 * a link out of the project) is opened without waiting for a writer (O_NONBLOCK), found to be another
 * file than the one checked, and refused; no more than it measured then is read.
 */
export async function readChartFile(path: string, root: string): Promise<{ bytes: Buffer } | { refused: Refusal }> {
  const refused = chartFileRefusal(path, root);
  if (refused !== undefined) return { refused };
  const real = realPath(path) ?? path;
  const checked = statSync(real, { throwIfNoEntry: false });
  // O_NONBLOCK is POSIX only (Windows has no FIFOs to wait on); O_NOFOLLOW: the checked path, not a link put there since.
  const handle = await open(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { refused: { kind: "not-a-file", real } };
    if (checked !== undefined && (info.dev !== checked.dev || info.ino !== checked.ino)) return { refused: { kind: "outside", real } };
    if (info.size > MAX_BYTES) return { refused: { kind: "too-large", real, bytes: info.size } };
    const bytes = Buffer.alloc(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled) };
  } finally {
    await handle.close();
  }
}

function realPath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
