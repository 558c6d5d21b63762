/** The build's caches under out/.cache that a message may name. */
export type BuildCache = "chapters" | "inputs" | "notebooks" | "page" | "charts";

const NAMES: Readonly<Record<BuildCache, string>> = {
  chapters: "the chapter cache (out/.cache/chapters)",
  inputs: "the parsed-input cache (out/.cache/inputs)",
  notebooks: "the notebook cache (out/.cache/notebooks)",
  page: "the page cache (out/.cache/page)",
  charts: "the chart cache (out/.cache/charts)",
};

/** A build cache as every message about it names it (util/fs-errors.ts's `what`). */
export const cacheWhat = (cache: BuildCache): string => NAMES[cache];
