/**
 * The vocabulary of "why did this notebook re-run": one change the build cache found between a
 * notebook's recorded fingerprint and the current state. The cache (src/build/cache/) produces
 * changes; the messages (src/messages/versions.ts) put them into words. It lives here, below both,
 * so the message catalogue never imports the build.
 */

/** What a change shows of an assumption: its value or range and unit (the rest is compared as data). */
export interface AssumptionShown {
  readonly value?: number;
  readonly range?: { readonly low: number; readonly high: number };
  readonly unit: string;
}

/**
 * Which cells of a notebook differ (type or source) from those of its recorded run, numbered as Jupyter
 * lists them (1-based): some changed in place, some added or removed, or none (its outputs or
 * metadata changed).
 */
export type CellChange =
  | { readonly kind: "changed"; readonly cells: readonly number[] }
  | { readonly kind: "added" | "removed" | "replaced"; readonly first: number; readonly last: number }
  | { readonly kind: "none" };

/** Whether a changed assumption's recorded value (`before`) and its value now (`after`) came from a what-if. */
export interface WhatIfSides {
  readonly before: boolean;
  readonly after: boolean;
}

export type Change =
  | { readonly kind: "first-run" }
  | { readonly kind: "unreadable"; readonly detail: string }
  /** The notebook file changed; `cells` says which of its cells, when the recorded run knew them. */
  | { readonly kind: "source"; readonly cells?: CellChange }
  | { readonly kind: "module"; readonly path: string; readonly removed: boolean }
  | { readonly kind: "data"; readonly path: string; readonly removed: boolean }
  /**
   * A folder a cell listed has other entries now (`tree`: the listing was recursive), or a folder it
   * listed or looked for appeared or went (or can no longer be listed).
   */
  | { readonly kind: "folder"; readonly path: string; readonly tree: boolean; readonly state: "changed" | "appeared" | "removed" }
  /**
   * `whatIf`: which side's value a what-if gave (`--set`, `--assumptions`), when either did: the file
   * may not have changed at all.
   */
  | { readonly kind: "assumption"; readonly id: string; readonly before: AssumptionShown | null; readonly after: AssumptionShown | undefined; readonly whatIf?: WhatIfSides }
  /** The notebook read the list of every assumption, and ids were added, removed or reordered since. */
  | { readonly kind: "assumption-list"; readonly added: readonly string[]; readonly removed: readonly string[] }
  /** An environment variable a cell read has another value now, or was set or unset since. */
  | { readonly kind: "env"; readonly name: string; readonly state: "changed" | "set" | "unset" }
  /** A cell listed the environment variables, and some were added or removed since. */
  | { readonly kind: "env-list"; readonly added: readonly string[]; readonly removed: readonly string[] }
  | { readonly kind: "lockfile" }
  | { readonly kind: "tool"; readonly before: string; readonly after: string }
  | { readonly kind: "setting"; readonly key: string; readonly before: unknown; readonly after: unknown };
