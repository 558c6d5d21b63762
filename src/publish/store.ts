/**
 * The published versions under `out/reports/`: `<YYYY-MM-DD>[-N]/` folders, each complete and
 * immutable, with a manifest. Dot-folders (staging) and anything else are not versions.
 */
import { readdir } from "node:fs/promises";
import { realpathSync } from "node:fs";
import { nestedPast } from "../util/records";
import { liveLockOwner } from "../util/lock";
import { basename, dirname, join, resolve } from "node:path";
import { displayPath } from "../util/paths";
import type { FigureValues } from "../report/figures-file";
import { parseSections, type ProseSnapshot } from "../diff/prose-guard";
import type { BuiltFrom } from "../diff/built-from";
import type { WhatIf } from "../build/whatif/overrides";
import type { Erratum } from "../errata/types";
import { compareVersionIds, VERSION_ID } from "../vocabulary/version-ids";
import { versionFolders } from "../util/version-folders";
import * as messages from "../messages/versions";
import { InputError } from "../util/errors";
import { malformedField } from "./manifest";
import { readPlainText } from "../util/plain-file";

export { compareVersionIds, VERSION_ID } from "../vocabulary/version-ids";
export { versionFolders } from "../util/version-folders";

export interface Manifest {
  readonly id: string;
  readonly date: string;
  readonly note: string | null;
  readonly publishedAt: string;
  readonly builtAt: string | null;
  readonly previous: string | null;
  readonly git: { readonly commit: string | null; readonly dirty: boolean | null };
  readonly tools: Readonly<Record<string, string>>;
  readonly assumptions: { readonly file: string; readonly sha256: string };
  /** The report's first figures, for the index. */
  readonly headline: readonly FigureValues[];
  /** Every other file of the version → sha256. */
  readonly files: Readonly<Record<string, string>>;
  readonly whatIf?: WhatIf | null;
  /** The data cut-off (absent in versions published before it was recorded). */
  readonly asOf?: string;
  /** What the stale-prose guard found against the previous version, and which sections were reviewed. */
  readonly prose?: {
    readonly guard: "checked" | "unavailable";
    readonly reviewed: readonly { readonly section: string; readonly heading: string; readonly movements: readonly string[] }[];
  };
  /** The build's warnings it was published with (`--accept-warnings`); absent in versions before they were recorded. */
  readonly warnings?: readonly string[];
  /** Corrections of earlier versions first published with this one (absent before errata existed). */
  readonly errata?: readonly Erratum[];
  /** The sha256 of every other field (publish/manifest.ts); absent in versions published before it. */
  readonly manifestSha256?: string;
  /**
   * The previous version's manifest digest when this one was published (publish/manifest.ts): the seals
   * form a chain, so a later version shows an earlier manifest edited, or its seal removed.
   */
  readonly previousManifestSha256?: string;
  /** Each version published before manifests were sealed, by id: its manifest's digest when this one was published (verify.ts). */
  readonly unsealedManifestSha256?: Readonly<Record<string, string>>;
  /** sha256 of the build log of the build it was published from (build-record.ts); absent before it was recorded. */
  readonly buildSha256?: string;
  /** sha256 of what that build was made from (build-record.ts); absent for a build that did not record it. */
  readonly sourcesSha256?: string;
}

/** What a version records of where it came from, as a diff compares it. */
export function builtFrom(manifest: Pick<Manifest, "git" | "tools">): BuiltFrom {
  return { commit: manifest.git.commit, dirty: manifest.git.dirty, tools: manifest.tools };
}

/**
 * A file of the published versions as messages name it: from the project root (out/reports/… always
 * sits in <root>/out/reports, config/paths.ts), as the build names its inputs and git names them.
 */
export function reportsPath(reportsDir: string, ...parts: string[]): string {
  return displayPath(join(reportsDir, ...parts), dirname(dirname(reportsDir)));
}

/**
 * A version named by its folder, as a shell completes it ("2026-12-07/", "out/reports/2026-12-07"): its
 * id, when the path is a folder of the published versions; anything else as given (an id, a git ref).
 */
export function versionIdOfPath(given: string, reportsDir: string): string {
  const trimmed = given.replace(/[\\/]+$/, "");
  if (VERSION_ID.test(trimmed)) return trimmed;
  // Compared as the file system has them: through a link ($PWD under a linked folder, macOS's /tmp) the two spell one folder two ways.
  const real = (path: string): string => {
    try {
      return realpathSync(path);
    } catch {
      return path;
    }
  };
  const path = real(resolve(trimmed));
  return dirname(path) === real(resolve(reportsDir)) && VERSION_ID.test(basename(path)) ? basename(path) : given;
}

/** Every erratum published up to and including `id` (all versions when absent), in publication order. */
export function publishedErrata(oldestFirst: readonly Manifest[], id?: string): Erratum[] {
  const upTo = id === undefined ? oldestFirst : oldestFirst.filter((m) => compareVersionIds(m.id, id) <= 0);
  return upTo.flatMap((m) => m.errata ?? []);
}


/** `date`, or `date-2`, `date-3`, … — the first id not taken. */
export function nextVersionId(date: string, existing: readonly string[]): string {
  const taken = new Set(existing);
  if (!taken.has(date)) return date;
  for (let n = 2; ; n++) if (!taken.has(`${date}-${n}`)) return `${date}-${n}`;
}

/** A version date: a real calendar day (util/limits.ts). */
export { isCalendarDate as isValidDate } from "../util/limits";


export async function readManifest(reportsDir: string, id: string): Promise<Manifest | undefined> {
  try {
    return parseManifest(await readPlainText(join(reportsDir, id, "manifest.json")));
  } catch {
    return undefined;
  }
}

/** How deep a manifest's values may nest: publish writes a handful of levels; its hash and reading recurse per level. */
const MAX_MANIFEST_DEPTH = 64;

/**
 * A manifest's text as its JSON, or undefined when it nests past MAX_MANIFEST_DEPTH: a field of
 * 200,000 nested lists parsed, and then its sha256 (over the sorted keys) overflowed the stack, so
 * `verify` and `diff` ended with Node's "Maximum call stack size exceeded" instead of naming the
 * version. Such a manifest was not written by publish: the version is damaged. Throws on text that is not JSON.
 */
export function parseManifest(text: string): Manifest | undefined {
  const value: unknown = JSON.parse(text);
  return nestedPast(value, MAX_MANIFEST_DEPTH) ? undefined : (value as Manifest);
}

/** The lock a publish holds on `out/reports/` (util/lock.ts: O_EXCL + pid). */
export const PUBLISH_LOCK = ".publish.lock";

/** A publish's staging folder: `.staging-<pid>-<random>`, the pid telling whether its owner still runs. */
const STAGING = /^\.staging-(\d+)-/;

/** The name of a staging folder for this process (`random`: a few hex characters, so two never meet). */
export function stagingName(random: string): string {
  return `.staging-${process.pid}-${random}`;
}

/** True for a name publish may leave in `out/reports/` besides versions: the lock, a staging folder. */
export function isPublishWorkName(name: string): boolean {
  return name === PUBLISH_LOCK || STAGING.test(name);
}

/**
 * The staging folders of publishes that died before placing their version (`kill -9`, a power cut).
 * A publish stages only while it holds the publish lock, so a folder is live only while the lock's live
 * owner is its pid: a pid that merely runs may be another process's now (a container's pid 1 again,
 * after a restart), and its folder then lay there for good. Not versions; the next publish removes
 * them (publish.ts), and `verify` says they are there.
 */
export async function abandonedStaging(reportsDir: string): Promise<Array<{ readonly name: string; readonly pid: number }>> {
  const names = await readdir(reportsDir).catch(() => [] as string[]);
  const owner = await liveLockOwner(join(reportsDir, PUBLISH_LOCK));
  return names.flatMap((name) => {
    const pid = Number(STAGING.exec(name)?.[1]);
    return Number.isInteger(pid) && pid !== owner ? [{ name, pid }] : [];
  });
}

/**
 * Complete versions (with a readable manifest), oldest first. A manifest with a malformed field (one
 * edited by hand) stops the command naming the file and field (exit 2): the index, "What changed" and
 * diff would otherwise render or compare what publish never wrote.
 */
export async function listVersions(reportsDir: string): Promise<Manifest[]> {
  const ids = await versionFolders(reportsDir);
  const manifests = await Promise.all(ids.map((id) => readManifest(reportsDir, id)));
  ids.forEach((id, i) => {
    const manifest = manifests[i];
    const field = manifest === undefined ? undefined : malformedField(manifest as unknown as Record<string, unknown>);
    if (field !== undefined) throw new InputError(messages.manifestMalformed(reportsPath(reportsDir, id, "manifest.json"), field, id));
  });
  return manifests.filter((m): m is Manifest => m !== undefined);
}

/** A published version's figures, claims and section prose (sections.json is absent in versions before the guard). */
export async function readVersionProse(versionDir: string): Promise<ProseSnapshot & { figures: unknown }> {
  const json = async (name: string): Promise<unknown> => JSON.parse(await readPlainText(join(versionDir, name)));
  const sections = await readPlainText(join(versionDir, "sections.json")).catch(() => undefined);
  return { figures: await json("figures.json"), claims: await json("claims.json").catch(() => []), sections: parseSections(sections) };
}
