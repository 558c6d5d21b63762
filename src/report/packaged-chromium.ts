/**
 * The Chromium shipped inside the `@sparticuz/chromium` npm package, for machines with no system
 * browser. The package holds a brotli-compressed chrome-headless-shell (bin/chromium.br) and the
 * few shared libraries it links against (bin/al2023.tar.br: NSS, NSPR, expat), so it runs on a
 * Debian with nothing but Node. We unpack it ourselves rather than through the package's
 * `executablePath()`: that one writes straight to /tmp/chromium, where a killed first run leaves a
 * truncated binary that every later run trusts, and where two builds unpacking at once race.
 *
 * Here each version is unpacked into a staging folder and renamed into place as a whole, with a
 * stamp recording the binary's size; a binary whose size no longer matches is unpacked again.
 *
 * The folder is this install's own cache (node_modules/.cache/fragtax), or the user's (~/.cache/fragtax)
 * when the install is read-only: never a fixed name in the shared temp folder, where another user could
 * create it first, with a "chromium" and libraries of their own that every build would then run. And
 * an unpack is trusted only while it is the user's own and writable by no one else: one owned by
 * another user is refused, one of ours that others could write to is unpacked afresh.
 */
import { randomBytes } from "node:crypto";
import { accessSync, constants, createReadStream, createWriteStream, existsSync, lstatSync, readdirSync, readFileSync, statSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress } from "node:zlib";
import { chromiumUnpackIncomplete, chromiumUnpackNotOwn } from "../messages/report";
import { makeFolder } from "../util/folders";
import { toolCacheDir } from "../util/tool-cache";

export const PACKAGED_CHROMIUM = "@sparticuz/chromium";

export interface PackagedChromium {
  readonly executablePath: string;
  /** Folder with the bundled shared libraries, for LD_LIBRARY_PATH. */
  readonly libraryPath: string;
  readonly version: string;
}

interface Stamp {
  readonly size: number;
}

/** The package's folder and version, or undefined when it is not installed. */
export function packagedChromiumPackage(): { readonly dir: string; readonly version: string } | undefined {
  try {
    const entry = createRequire(import.meta.url).resolve(PACKAGED_CHROMIUM);
    let dir = dirname(entry);
    while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "bin"))) {
      const parent = dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
    const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
    return { dir, version };
  } catch {
    return undefined;
  }
}

/**
 * Where version `version` is (or will be) unpacked: this install's cache, or the user's cache when the
 * install cannot be written. FRAGTAX_CHROMIUM_DIR moves it (tests use a scratch folder).
 */
export function unpackFolder(version: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const name = `packaged-chromium-${version}`;
  if (env.FRAGTAX_CHROMIUM_DIR !== undefined) return join(env.FRAGTAX_CHROMIUM_DIR, name);
  const install = toolCacheDir();
  if (writableOrCreatable(install)) return join(install, name);
  const home = env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== "" ? env.XDG_CACHE_HOME : join(env.HOME ?? homedir(), ".cache");
  return join(home, "fragtax", name);
}

/** Whether `folder`, or the nearest folder above it that exists, can be written by this process. */
function writableOrCreatable(folder: string): boolean {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(dir)) {
      try {
        accessSync(dir, constants.W_OK);
        return true;
      } catch {
        return false;
      }
    }
    if (dirname(dir) === dir) return false;
  }
}

/**
 * Who may have written `path`: "own" when it is this user's and no one else can write it, "open" when
 * it is this user's but group or others can write it, "foreign" when it is another user's (or a
 * symbolic link, which could point anywhere). Without uids (Windows), "own".
 */
function ownership(path: string): "own" | "open" | "foreign" {
  const uid = process.getuid?.();
  if (uid === undefined) return "own";
  const stat = lstatSync(path);
  if (stat.isSymbolicLink() || stat.uid !== uid) return "foreign";
  return (stat.mode & 0o022) === 0 ? "own" : "open";
}

/** An unpack folder that is another user's, or a symbolic link: refused, as unpacking again would not help. */
export class ForeignUnpackError extends Error {
  constructor(readonly folder: string) {
    super(chromiumUnpackNotOwn(folder));
  }
}

export function isForeign(folder: string): boolean {
  try {
    return ownership(folder) === "foreign";
  } catch {
    return false; // not there yet: it is unpacked, as this user's
  }
}

/** The unpack's folders and files that a browser start reads: all must be this user's own. */
function unpackOwnership(folder: string): "own" | "open" | "foreign" {
  const lib = join(folder, "lib");
  const paths = [folder, lib, join(folder, "chromium"), join(folder, "stamp.json"), ...readdirSync(lib).map((name) => join(lib, name))];
  const found = paths.map(ownership);
  return found.includes("foreign") ? "foreign" : found.includes("open") ? "open" : "own";
}

/**
 * The unpacked browser when the unpack is complete, its binary has the size it was unpacked with, and
 * it is this user's own, writable by no one else.
 */
export function intactUnpack(folder: string, version: string): PackagedChromium | undefined {
  const executablePath = join(folder, "chromium");
  try {
    const stamp = JSON.parse(readFileSync(join(folder, "stamp.json"), "utf8")) as Stamp;
    if (statSync(executablePath).size !== stamp.size) return undefined;
    if (unpackOwnership(folder) !== "own") return undefined;
  } catch {
    return undefined;
  }
  return { executablePath, libraryPath: join(folder, "lib"), version };
}

/**
 * The unpacked browser, unpacking it first when missing or damaged. `fresh` discards what is there
 * (used after the unpacked browser failed to start).
 */
export async function unpackChromium(packageDir: string, version: string, options: { readonly fresh?: boolean; readonly folder?: string } = {}): Promise<PackagedChromium> {
  const folder = options.folder ?? unpackFolder(version);
  // Another user's folder is neither run nor removed and replaced (a shared folder's sticky bit forbids it anyway): said.
  if (isForeign(folder)) throw new ForeignUnpackError(folder);
  if (options.fresh === true) await rm(folder, { recursive: true, force: true });
  const intact = intactUnpack(folder, version);
  if (intact !== undefined) return intact;
  await rm(folder, { recursive: true, force: true });
  const staging = `${folder}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await makeFolder(dirname(staging));
    // Only this user may write into the unpack, from its first file on.
    // Explicit modes, with no group or other write whatever the umask: an unpack that others could write is not trusted.
    await mkdir(staging, { mode: 0o700 });
    await mkdir(join(staging, "lib"), { mode: 0o755 });
    const binary = join(staging, "chromium");
    await pipeline(createReadStream(join(packageDir, "bin", "chromium.br")), createBrotliDecompress(), createWriteStream(binary, { mode: 0o755 }));
    await untar(join(packageDir, "bin", "al2023.tar.br"), staging);
    await writeFile(join(staging, "stamp.json"), JSON.stringify({ size: statSync(binary).size } satisfies Stamp), { mode: 0o644 });
    await rename(staging, folder);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another build finished the same unpack first: use that one.
    const theirs = intactUnpack(folder, version);
    if (theirs !== undefined) return theirs;
    throw error;
  }
  const unpacked = intactUnpack(folder, version);
  if (unpacked === undefined) throw new Error(chromiumUnpackIncomplete(folder));
  return unpacked;
}

/** Regular files of a brotli-compressed tar into `into` (the library archive has nothing else). */
async function untar(archive: string, into: string): Promise<void> {
  // Loaded only to unpack: the build imports this module for its errors, not to extract a tarball.
  const { extract } = await import("tar-stream");
  const entries = extract();
  entries.on("entry", (header, stream, next) => {
    const target = join(into, header.name);
    if (header.type !== "file" || !target.startsWith(`${into}/`)) {
      stream.resume();
      stream.on("end", next);
      return;
    }
    makeFolder(dirname(target))
      .then(() => pipeline(stream, createWriteStream(target, { mode: (header.mode ?? 0o644) & 0o755 })))
      .then(() => next(), next);
  });
  await pipeline(createReadStream(archive), createBrotliDecompress(), entries);
}
