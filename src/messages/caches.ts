/** The build's caches under out/.cache, as every message about one names it (util/fs-errors.ts's `what`). */
export const CACHE_WHAT = {
  chapters: "the chapter cache (out/.cache/chapters)",
  inputs: "the parsed-input cache (out/.cache/inputs)",
  notebooks: "the notebook cache (out/.cache/notebooks)",
  page: "the page cache (out/.cache/page)",
  charts: "the chart cache (out/.cache/charts)",
} as const;
