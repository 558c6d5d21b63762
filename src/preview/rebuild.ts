/**
 * The rebuild `fragtax dev` runs: `build()` in this process (no CLI subprocess, so the engine's
 * worker bundle, templates and modules stay warm), incremental through the cache, without printing
 * (a report.pdf printed of the same page is kept).
 *
 * A rebuild whose cells fail, or that cannot read its input, must not replace the last good report:
 * its writes are held in memory and reach out/build/ only when the build succeeded. Otherwise it
 * throws, and the dev server shows the error over the report still on disk.
 *
 * Because of that a rebuild can also be abandoned midway (Ctrl-C): out/build/ is still the last
 * finished build, so the build lock it holds is released rather than left to tell publish that a
 * build was interrupted, and the process can end without waiting for a cell that never returns.
 */
import type { LastGood } from "../build/outputs";
import { build, FileBuildEffects } from "../build/pipeline";
import { configPathForRoot } from "../config";
import { loadConfig } from "../config/parse";
import * as devMessages from "../messages/dev";
import * as reportMessages from "../messages/report";

/** FileBuildEffects whose outputs wait in memory until `commit()`. */
export class HeldBuildEffects extends FileBuildEffects {
  private held: { readonly outDir: string; readonly files: ReadonlyMap<string, string | Uint8Array> } | undefined;
  /**
   * What the build says once its outputs are "written" ("wrote out/build/…", its failed cells, "the
   * HTML shows the error in place") is true only once they are: it waits here for `commit()`. A
   * failed rebuild's error is said by dev instead, over the last good page.
   */
  private readonly gate: { afterWrite: string[] | undefined };
  private readonly say: (line: string) => void;

  constructor(log: (line: string) => void = (line) => void process.stderr.write(`${line}\n`)) {
    const gate: { afterWrite: string[] | undefined } = { afterWrite: undefined };
    super((line) => (gate.afterWrite === undefined ? log(line) : void gate.afterWrite.push(line)));
    this.gate = gate;
    this.say = log;
  }
  /** The release of every build lock this rebuild took (the build's own, then its commit's), each run once. */
  private readonly releases: Array<() => Promise<void>> = [];
  /**
   * Locks being taken: the lock file is on disk before `lockOutputs` has its release (it then looks for
   * an interrupted swap), and a signal in between found nothing to release, so dev ended and left the
   * lock behind for publish to refuse. Abandoning waits for them.
   */
  private readonly taking = new Set<Promise<unknown>>();
  private abandoned = false;
  /** The swap of a commit under way: abandoning waits for it (renames, milliseconds), so out/build/ is whole. */
  private swapping: Promise<unknown> | undefined;

  override async lockOutputs(outDir: string, tookOver?: () => void, cacheDir?: string): Promise<() => Promise<void>> {
    const taking = super.lockOutputs(outDir, tookOver, cacheDir);
    this.taking.add(taking);
    let release: () => Promise<void>;
    try {
      release = await taking;
    } finally {
      this.taking.delete(taking);
    }
    // Once only: after an abandon() released it, the build's own `finally` must not remove the lock
    // of whichever process took it next (a second call gets the first call's promise).
    let released: Promise<void> | undefined;
    const releaseOnce = (): Promise<void> => (released ??= release());
    this.releases.push(releaseOnce);
    if (this.abandoned) {
      await releaseOnce();
      throw new Error(devMessages.devRebuildAbandoned());
    }
    return releaseOnce;
  }

  // Held, not written: dev commits only a rebuild that did not fail, so it keeps no last-good folder.
  override async replaceOutputs(outDir: string, files: ReadonlyMap<string, string | Uint8Array>): Promise<LastGood | undefined> {
    this.held = { outDir, files };
    this.gate.afterWrite = [];
    return undefined;
  }

  async commit(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    if (!held || this.abandoned) return;
    // Under the build lock again: a `fragtax build` in another terminal may be writing out/build.
    const release = await this.lockOutputs(held.outDir);
    try {
      if (this.abandoned) return;
      this.swapping = super.replaceOutputs(held.outDir, held.files);
      await this.swapping;
    } finally {
      await release();
    }
    const said = this.gate.afterWrite ?? [];
    this.gate.afterWrite = undefined;
    for (const line of said) this.say(line);
  }

  /**
   * Nothing of this rebuild reaches out/build/ after this resolves, and it holds no build lock: a
   * swap under way is finished first. The build itself may still be running; the caller ends the
   * process, and with it the build's threads. True when nothing of it reached out/build/ (no swap began).
   */
  async abandon(): Promise<boolean> {
    const dropped = this.swapping === undefined;
    this.abandoned = true;
    this.held = undefined;
    await this.swapping?.catch(() => undefined);
    await Promise.all([...this.taking].map((taking) => taking.catch(() => undefined)));
    await Promise.all(this.releases.map((release) => release()));
    return dropped;
  }
}

export interface InProcessRebuild {
  rebuild(): Promise<void>;
  /** The files and folders the last build that ran read (`BuildResult.read`: data, modules, images), for dev to watch. */
  files(): readonly string[];
  /** Those of `files()` the last build did not find (`BuildResult.missing`). */
  missing(): readonly string[];
  /** Abandons the rebuild under way, if any (`HeldBuildEffects.abandon`): true when nothing of it reached out/build/. */
  abandon(): Promise<boolean>;
}

/**
 * What report.yaml names, as it says now: itself, the chapters, the assumptions and errata files
 * (absolute; missing ones too). A build that stopped early read none of them, and one that moved the
 * assumptions (`assumptions: ../config/a.yaml`) must have the new file watched, else editing it
 * rebuilds nothing. None while report.yaml cannot be read or parsed (it is in notebooks/, watched).
 */
function namedByConfig(root: string): string[] {
  try {
    const config = loadConfig(configPathForRoot(root), { root, exists: () => true });
    return [config.file, config.assumptions, ...config.chapters.map((chapter) => chapter.file), ...(config.errata === undefined ? [] : [config.errata])];
  } catch {
    return [];
  }
}

export function inProcessRebuild(root: string, log: (line: string) => void, timeoutMs?: number): InProcessRebuild {
  let current: HeldBuildEffects | undefined;
  // Kept from a build whose cells failed too: adding the missing file or image it names is what mends it.
  let read: readonly string[] = [];
  let missing: readonly string[] = [];
  return {
    rebuild: async () => {
      const effects = new HeldBuildEffects(log);
      current = effects;
      // No print (seconds per rebuild), but a PDF of the same page is kept: dev leaves a full build publishable.
      const result = await build({ root, rootFrom: "project", pdf: "keep", ...(timeoutMs !== undefined && { timeoutMs }) }, effects);
      read = result.read;
      missing = result.missing;
      if (result.failedCells.length > 0) throw new Error(devMessages.devCellsFailed(result.cellErrors));
      // An id two figures share fails the build as a cell does (build exits 1): the last good report stays, under the error.
      if (result.duplicateIds.length > 0) throw new Error(reportMessages.buildDuplicateIds(result.duplicateIds));
      await effects.commit();
    },
    files: () => [...new Set([...read, ...namedByConfig(root)])],
    missing: () => missing,
    abandon: async () => (await current?.abandon()) ?? false,
  };
}
