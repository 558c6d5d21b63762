/**
 * `fragtax dev`: watch → rebuild → reload. Edits are debounced into one rebuild at a time (a change
 * during a rebuild queues exactly one more); a failed rebuild keeps the last good report on screen
 * with the error over it. Besides its folders, dev watches the files and folders the last rebuild read
 * that lie elsewhere in the project (a data file in ../data/, a markdown image in ../assets/), so
 * editing one rebuilds too.
 */
import { existsSync, statSync } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { InputError } from "../util/errors";
import { isInside } from "../util/paths";
import type { FSWatcher } from "chokidar";
import * as devMessages from "../messages/dev";
import { PreviewServer } from "./serve";
import type { PreviewState } from "./serve";
import { shownPath, watchProject } from "./watch";


/** The changes named one by one before a rebuild; past them, how many more is said as it starts. */
const CHANGES_SAID = 20;

export interface DevOptions {
  readonly root: string;
  readonly buildDir: string;
  readonly port: number;
  readonly host: string;
  /** Paths (relative to root) to watch. */
  readonly watch: readonly string[];
  readonly debounceMs: number;
}

export interface DevEffects {
  /** One incremental build; throws (with a readable message) when it fails. */
  rebuild(): Promise<void>;
  /**
   * Abandons the rebuild under way: after it resolves, nothing of it reaches out/build/ and it holds
   * no lock. True when nothing of it had (a swap under way is finished first).
   */
  abandon?(): Promise<boolean>;
  /** Files and folders the last rebuild read (data, modules, its markdown's images; absolute): those outside the watched folders are watched as well. */
  files?(): readonly string[];
  /** Those of `files()` the last rebuild did not find: one there by the time it is watched has appeared since. */
  missing?(): readonly string[];
  progress(message: string): void;
}

export interface DevSession {
  readonly url: string;
  readonly server: PreviewServer;
  readonly state: PreviewState;
  /** Resolves after any pending rebuild finished (for tests). */
  idle(): Promise<void>;
  /** Stops watching and serving after the rebuild under way finished. */
  close(): Promise<void>;
  /**
   * Ctrl-C: no rebuild starts any more and the one under way is abandoned (`DevEffects.abandon`), so
   * the caller can end the process at once, however long a cell of that rebuild would still run.
   */
  interrupt(): Promise<{ readonly abandoned: boolean; readonly built: boolean }>;
}

export const DEFAULT_WATCH = ["notebooks", "src", "templates"];

/** The nearest folder at or above `folder` that exists inside `root` (undefined when none does). */
function nearestFolder(folder: string, root: string): string | undefined {
  for (let above = folder; isInside(root, above); above = dirname(above)) if (existsSync(above)) return above;
  return undefined;
}

/**
 * File timestamps come from a coarser clock than Date.now() (Linux stamps the last timer tick, some
 * milliseconds behind): an edit just after a rebuild began may carry a time just before it.
 */
const CLOCK_SLACK_MS = 50;

/** Whether `path` was written (or removed) since `since` (ms since the epoch). */
function changedSince(path: string, since: number): boolean {
  try {
    return statSync(path).mtimeMs >= since - CLOCK_SLACK_MS;
  } catch {
    return true;
  }
}

export async function startDev(options: DevOptions, effects: DevEffects): Promise<DevSession> {
  const state: PreviewState = { error: null };
  // Set by close() and interrupt(): a rebuild they stopped (abandoned, or its Deno got the same
  // Ctrl-C) is not reported as a failed build, and no queued one starts.
  let closing = false;
  const server = new PreviewServer(options.buildDir, state);
  let running: Promise<void> = Promise.resolve();
  let queued = false;
  let timer: NodeJS.Timeout | undefined;
  // Set once the first rebuild has started (it is watched from then on); a rebuild's end reads it.
  const watching: { watcher?: FSWatcher } = {};
  // The files and folders watched because a rebuild read them; one no longer read is let go.
  let named = new Set<string>();
  // Each of them that is there is watched itself, by the watcher opened for the rebuild that first
  // read it there. One that is missing is watched through its nearest existing folder instead, by a
  // watcher of that folder whose events count only for the paths read and not watched themselves:
  // chokidar watches a missing file only in a folder that exists, and a folder added to a watcher
  // stayed unwatched beside a missing watched folder such as templates/. Once that watcher is ready,
  // a path that appeared meanwhile (between the build's read and now) counts as changed: its
  // creation came before anything watched it. A path that appears gets a watcher of its own, and a
  // folder's watcher no missing path needs is closed (it may watch the whole project), once the
  // new watcher is in place.
  const direct = new Map<string, FSWatcher>();
  const helpers = new Map<string, FSWatcher>();
  let missing: readonly string[] = [];
  const root = resolve(options.root);
  const inWatchedFolder = (file: string): boolean => options.watch.some((path) => isInside(resolve(root, path), file));
  // Changes seen so far: a rebuild that began after a change shows it; one that began before does not.
  let changes = 0;
  // The changes said before a rebuild, and those left unsaid: a folder copied in (a dataset, a link
  // followed) is thousands of changes, which printed a line each, and named each to every open page.
  let saidSince = 0;
  let unsaid = 0;
  // Each path once until the rebuild starts: one save is often two events (a new file is added, then
  // written), and a path named twice reads as two changes.
  const said = new Set<string>();
  const changed = (path: string): void => {
    changes++;
    if (said.has(path)) {
      schedule();
      return;
    }
    said.add(path);
    if (saidSince < CHANGES_SAID) {
      saidSince++;
      server.changing(path);
      effects.progress(devMessages.devChanged(path));
    } else unsaid++;
    schedule();
  };
  /** Closes the folders' watchers no missing path needs any more. */
  const closeUnneededHelpers = (): void => {
    const needed = new Set(missing.map((file) => nearestFolder(dirname(file), root)));
    for (const [folder, helper] of helpers) {
      if (needed.has(folder)) continue;
      helpers.delete(folder);
      void helper.close();
    }
  };
  /** `since`: when the rebuild that read `effects.files()` began. */
  const watchNamed = (since: number): void => {
    if (watching.watcher === undefined || effects.files === undefined || closing) return;
    // One inside a watched folder is watched already (and unwatching it there would stop that).
    const elsewhere = (file: string): boolean => isInside(root, file) && !inWatchedFolder(file);
    const now = new Set(effects.files().filter(elsewhere));
    const notFound = new Set(effects.missing?.() ?? []);
    missing = [...now].filter((file) => notFound.has(file) || !existsSync(file));
    // A missing one only through its folder's watcher (below): one event per change, not one from each.
    const present = [...now].filter((file) => !direct.has(file) && !missing.includes(file));
    for (const file of [...direct.keys()].filter((each) => !now.has(each) || missing.includes(each))) {
      const watcher = direct.get(file);
      direct.delete(file);
      if (watcher !== undefined && ![...direct.values()].includes(watcher)) void watcher.close();
    }
    named = now;
    if (present.length > 0) {
      // A folder read (one a cell listed) is among them: a change inside it counts as much as one to it.
      const watcher = watchProject(root, present.map((file) => relative(root, file)), (path, absolute) => {
        if ([...direct].some(([read, by]) => by === watcher && isInside(read, resolve(absolute)))) changed(path);
      }, effects.progress);
      for (const file of present) direct.set(file, watcher);
      // An edit between the rebuild's read and this watcher's start (a data file saved while a slow
      // chapter ran, or just as it ended) reached no watcher: the report would go on showing what was
      // read before it, as current. Until then, too, the folder's watcher that saw it appear stays.
      watcher.once("ready", () => {
        if (closing) return;
        for (const file of present) if (direct.get(file) === watcher && changedSince(file, since)) changed(shownPath(file, root));
        closeUnneededHelpers();
      });
    } else closeUnneededHelpers();
    for (const folder of new Set(missing.map((file) => nearestFolder(dirname(file), root)))) {
      if (folder === undefined || helpers.has(folder)) continue;
      const onChange = (path: string, absolute: string): void => {
        if ([...named].some((read) => !direct.has(read) && isInside(read, resolve(absolute)))) changed(path);
      };
      const helper = watchProject(root, [relative(root, folder) || "."], onChange, effects.progress);
      const waiting = missing;
      helper.once("ready", () => {
        for (const file of waiting) if (isInside(folder, file) && named.has(file) && !direct.has(file) && existsSync(file)) changed(shownPath(file, root));
      });
      helpers.set(folder, helper);
    }
  };

  // Whether a build has ended well yet: the first is said as built, the later ones as rebuilt.
  let built = false;
  // A rebuild under way, which an interrupt abandons.
  let rebuilding = false;
  const rebuildOnce = async (): Promise<void> => {
    if (unsaid > 0) effects.progress(devMessages.devChangedMore(unsaid));
    saidSince = 0;
    unsaid = 0;
    said.clear();
    const started = performance.now();
    const startedAt = Date.now();
    const seen = changes;
    rebuilding = true;
    try {
      await effects.rebuild();
      state.error = null;
      effects.progress(devMessages.devBuilt(performance.now() - started, !built));
      built = true;
    } catch (error) {
      state.error = error instanceof Error ? error.message : String(error);
      if (!closing) effects.progress(devMessages.devRebuildFailed(state.error));
    } finally {
      rebuilding = false;
    }
    watchNamed(startedAt);
    server.notify(changes === seen);
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (queued) return;
      queued = true;
      running = running.then(() => {
        queued = false;
        return closing ? undefined : rebuildOnce();
      });
    }, options.debounceMs);
  };

  // Listen first: a busy port fails at once, before a rebuild the user would then wait for in vain.
  const address = await server.listen(options.port, options.host).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE" || error.code === "EACCES" || error.code === "EADDRNOTAVAIL") {
      throw new InputError(devMessages.devCannotListen(options.host, options.port, error.code));
    }
    // listen() looks up any host that is not an IP address (999.1.1.1 and [::1] included) as a name.
    if (error.code === "ENOTFOUND" || error.code === "EAI_AGAIN" || error.code === "EAI_FAIL") throw new InputError(devMessages.devUnknownHost(options.host, error.code));
    throw error;
  });
  running = rebuildOnce();
  const watcher: FSWatcher = watchProject(
    options.root,
    options.watch,
    changed,
    effects.progress,
  );
  watching.watcher = watcher;
  const url = `http://${address.host.includes(":") ? `[${address.host}]` : address.host}:${address.port}/`;
  return {
    url,
    server,
    state,
    idle: async () => {
      await new Promise((resolve) => setTimeout(resolve, options.debounceMs + 10));
      await running;
    },
    interrupt: async () => {
      closing = true;
      clearTimeout(timer);
      const underWay = rebuilding;
      const dropped = (await effects.abandon?.()) ?? true;
      return { abandoned: underWay && dropped, built };
    },
    close: async () => {
      closing = true;
      clearTimeout(timer);
      await Promise.all([watcher, ...helpers.values(), ...new Set(direct.values())].map((each) => each.close()));
      await running;
      await server.close();
    },
  };
}
