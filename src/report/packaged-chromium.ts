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
 */
import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress } from "node:zlib";
import { chromiumUnpackIncomplete } from "../messages/report";
import { makeFolder } from "../util/folders";

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

/** Where version `version` is (or will be) unpacked. FRAGTAX_CHROMIUM_DIR moves it (tests use a scratch folder). */
export function unpackFolder(version: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  return join(env.FRAGTAX_CHROMIUM_DIR ?? tmpdir(), `fragtax-packaged-chromium-${version}`);
}

/** The unpacked browser when the unpack is complete and its binary has the size it was unpacked with. */
export function intactUnpack(folder: string, version: string): PackagedChromium | undefined {
  const executablePath = join(folder, "chromium");
  try {
    const stamp = JSON.parse(readFileSync(join(folder, "stamp.json"), "utf8")) as Stamp;
    if (statSync(executablePath).size !== stamp.size) return undefined;
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
  if (options.fresh === true) await rm(folder, { recursive: true, force: true });
  const intact = intactUnpack(folder, version);
  if (intact !== undefined) return intact;
  await rm(folder, { recursive: true, force: true });
  const staging = `${folder}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await makeFolder(join(staging, "lib"));
    const binary = join(staging, "chromium");
    await pipeline(createReadStream(join(packageDir, "bin", "chromium.br")), createBrotliDecompress(), createWriteStream(binary, { mode: 0o755 }));
    await untar(join(packageDir, "bin", "al2023.tar.br"), staging);
    await writeFile(join(staging, "stamp.json"), JSON.stringify({ size: statSync(binary).size } satisfies Stamp));
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
      .then(() => pipeline(stream, createWriteStream(target, { mode: header.mode ?? 0o644 })))
      .then(() => next(), next);
  });
  await pipeline(createReadStream(archive), createBrotliDecompress(), entries);
}
