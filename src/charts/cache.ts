/**
 * On-disk cache of rendered charts: the markup of a themed Vega-Lite spec (local data already
 * inlined), keyed by the spec's JSON and the vega, vega-lite and fragtax versions. Rendering is
 * deterministic (seeded random numbers), so a rebuild whose charts did not change neither renders
 * them again nor loads vega at all. The markup is stored before its ids are scoped to a place in the
 * report (render.ts step 4), so a cached chart can be placed anywhere. Off until a build names the
 * folder (`useChartCache`; the real build's effects use `out/.cache/charts/`); an unreadable entry
 * is a miss, entries are written atomically.
 *
 * Bounded: every chart whose spec or data changed adds a drawing (and maybe a compile), and none is
 * replaced, so a long `fragtax dev` or months of builds would fill the disk. What this build did not
 * use is no guide (an edit undone must still hit), so a read marks its entry used (its mtime, touched
 * behind the build) and a build that runs a chapter prunes the folder, its compiles and its
 * valid-spec markers to `CHART_CACHE_BUDGET` (every ten minutes at most), those used longest ago first
 * (util/prune.ts).
 */
import { access, readdir } from "node:fs/promises";
import { join } from "node:path";
import { codeVersion, packageVersion } from "../package-version";
import type { AnimationFrame } from "./animation";
import type { DataTable } from "./data-table";
import { locatingFileSystemErrors } from "../util/fs-errors";
import { TOOL_VERSION } from "../version";
import { sha256 } from "../util/hash";
import { CACHE_WRITE, writeBehind, writeFileAtomic } from "../util/atomic";
import { pruneBehind, pruneDue, touchBehind } from "../util/prune";
import { readPlainText } from "../util/plain-file";
import { schemaNumbers } from "./schema";
import { validityText } from "./valid-key";
import { sealedJson, unsealedJson } from "../util/sealed";
import { cacheWhat } from "../messages/caches";

export interface CachedChart {
  readonly markup: string;
  readonly width: number;
  readonly height: number;
  /** How it was drawn, when not plainly (rasterised, scaled), for the build's warnings. */
  readonly notes: readonly string[];
  /** For an animation, the frame drawn (animation.ts). */
  readonly frame?: AnimationFrame;
  /** The data its marks draw (data-table.ts); the phone drawing has none (the page's carries them). */
  readonly tables?: readonly DataTable[];
}

let folder: string | undefined;

/**
 * The drawings this build made, by key: its render step reads what its chapters' drawing made while
 * the write to the disk may still be under way (writes behind: util/atomic.ts). Emptied when a build
 * names the cache, so a long `fragtax dev` keeps only the last build's.
 */
const drawnNow = new Map<string, CachedChart>();

/**
 * Past this many bytes, the drawings, compiles and markers together, a build prunes them to half of
 * it. This repository's report keeps ~1.7 MB here (~40 drawings of ~12 KB for the page and phones,
 * 30 compiles of ~38 KB), and a one-assumption rebuild adds ~0.16 MB of drawings (compiles are kept
 * by shape, so numbers alone add none): 64 MB holds dozens of whole states of a report and hundreds
 * of edits, far more than an undo reaches for, while a full folder (~3,000 files) still lists in
 * ~40 ms. An entry lost costs only its drawing or compile again (ms each), not a model run (whose
 * store has 256 MB).
 */
export const CHART_CACHE_BUDGET = 64 * 1024 * 1024;

/** Where charts' compiled specs are kept (compiled.ts), when the cache is on. */
export function compiledChartsDir(): string | undefined {
  return folder === undefined ? undefined : join(folder, "compiled");
}

/** Turns the cache on for this process, in `dir` (or off, with undefined). */
export function useChartCache(dir: string | undefined): void {
  folder = dir;
  drawnNow.clear();
}

declare global {
  /**
   * In the bundled CLI, replaced at bundle time by a hash of the code that draws charts (every source
   * file of src/charts/render.ts's module graph, scripts/bundle-cli.mjs); run from sources, unset.
   */
  var __FRAGTAX_DRAWING_CODE__: string | undefined;
}

/**
 * The code that draws, in the key: the same spec and versions drawn by other code (text measured
 * otherwise, a data table added, marks' words rewritten) give other markup, so a drawing cached by
 * older code is not reused. Bundled, it is the hash of that code, which changes by itself with it (a
 * revision number raised by hand was forgotten once too often to trust); run from sources (the tests,
 * each in a fresh cache), "source".
 */
export function drawingCode(): string {
  return globalThis.__FRAGTAX_DRAWING_CODE__ ?? "source";
}

/**
 * The cache key of a themed spec, from its JSON text (which the renderer also seeds with, so it is
 * written once), and of the drawing made of it: for the page (reflowed if too wide) or for phones.
 */
export function chartKey(themedSpecJson: string, kind: "page" | "phone" = "page"): string {
  const versions = [TOOL_VERSION, codeVersion("vega"), codeVersion("vega-lite"), drawingCode()].join("\0");
  return sha256(`${versions}\0${kind}\0${themedSpecJson}`).slice(0, 32);
}

export async function readChart(key: string): Promise<CachedChart | undefined> {
  if (folder === undefined) return undefined;
  const drawn = drawnNow.get(key);
  if (drawn !== undefined) return drawn;
  const file = join(folder, `${key}.json`);
  try {
    const entry = unsealedJson(await readPlainText(file), file) as Partial<CachedChart>;
    const frame = entry.frame as Partial<AnimationFrame> | undefined;
    const validFrame = frame === undefined || (typeof frame.field === "string" && typeof frame.value === "string");
    const validTables = entry.tables === undefined || Array.isArray(entry.tables);
    const valid = typeof entry.markup === "string" && typeof entry.width === "number" && typeof entry.height === "number" && Array.isArray(entry.notes) && validFrame && validTables;
    if (!valid) return undefined;
    touchBehind(file); // used now: the prune removes the drawings used longest ago
    return entry as CachedChart;
  } catch {
    return undefined; // missing, unreadable or changed since it was written (sealed.ts): render again
  }
}

/**
 * Keeps a drawing: in memory for this build at once, on disk behind (the build waits for the write
 * before it replaces its outputs: util/atomic.ts `writeBehind`).
 */
export function writeChart(key: string, chart: CachedChart): void {
  const dir = folder;
  if (dir === undefined) return;
  drawnNow.set(key, chart);
  const file = join(dir, `${key}.json`);
  const entry = sealedJson({ markup: chart.markup, width: chart.width, height: chart.height, notes: chart.notes, frame: chart.frame, tables: chart.tables }, file);
  // An unwritable cache is said once with its path (exit 2), like the other caches, not hidden.
  writeBehind(() => locatingFileSystemErrors(cacheWhat("charts"), dir, () => writeFileAtomic(file, entry, CACHE_WRITE)));
}

/**
 * Specs the Vega-Lite schema accepted, remembered by key (an empty marker file next to the charts):
 * a rebuild validates only specs the schema could judge otherwise, and loads the 4 MB compiled
 * validator only for them. A spec with a problem is not remembered, so its warning is given again on
 * every build. The key is of what the schema can tell apart (valid-key.ts): inline rows by their kinds,
 * other numbers by their class against the schema's constants (once this install knows them), so a
 * rebuild whose charts changed only their numbers, as when one assumption moved, validates nothing.
 */
export function validSpecKey(spec: unknown): string {
  const compared = schemaNumbers();
  const form = compared === null ? "rows-by-kind" : `rows-by-kind, numbers by class of ${compared.join(" ")}`;
  return sha256(`${TOOL_VERSION}\0${packageVersion("vega-lite")}\0${form}\0${validityText(spec, compared)}`).slice(0, 32);
}

/** Whether the cache remembers no valid spec at all (none yet, or no cache): every spec drawn will be validated. */
export async function noSpecRemembered(): Promise<boolean> {
  if (folder === undefined) return true;
  const names = await readdir(folder).catch(() => [] as string[]);
  return !names.some((name) => name.startsWith("valid-"));
}

export async function knownValid(key: string): Promise<boolean> {
  if (folder === undefined) return false;
  const file = join(folder, `valid-${key}`);
  return access(file).then(
    () => {
      // Pruned with the drawings, used longest ago first: a marker lost costs one validation (every chart
      // a render draws or takes from the cache reads its marker: spec-check.ts; the report's stay).
      touchBehind(file);
      return true;
    },
    () => false,
  );
}

export async function rememberValid(key: string): Promise<void> {
  const dir = folder;
  if (dir === undefined) return;
  await locatingFileSystemErrors(cacheWhat("charts"), dir, () => writeFileAtomic(join(dir, `valid-${key}`), "", CACHE_WRITE));
}

/**
 * Prunes the chart cache to `CHART_CACHE_BUDGET` behind the build (util/atomic.ts `writeBehind`: the
 * build waits for it before it replaces its outputs, under its lock, so no other build writes there
 * meanwhile), unless one ran in the last ten minutes, in this process or another (util/prune.ts
 * `pruneDue`): `fragtax dev` rebuilds on every edit, each `fragtax build` is a process, and a prune
 * lists the folder and stats every entry (~40 ms for the ~3,000 of a full cache). The build
 * calls it once its chapters are running (build/effects.ts): their charts are drawn next, the main
 * thread mostly waits for the notebook threads meanwhile, and a rebuild that runs no chapter (a
 * no-op rebuild, a template edit) draws no new chart and lists nothing. So the order it removes in is the one earlier builds' reads left,
 * which is what an undo reaches for. Returns whether a prune was started. `budget`: for tests.
 */
export function pruneChartCacheBehind(budget = CHART_CACHE_BUDGET): boolean {
  const dir = folder;
  if (dir === undefined || !pruneDue(dir)) return false;
  pruneBehind([dir, join(dir, "compiled")], budget);
  return true;
}
