/**
 * Where a project's outputs go (out/build, out/reports, out/.cache/…). Its own module, without
 * report.yaml's parser: commands that only need a path (`fragtax run`'s default --out) load no YAML
 * or schema library at start-up.
 */
import { join, resolve } from "node:path";

export interface OutPaths {
  /** The latest build: report.html, report.pdf, figures.json, claims.json, build-log.json. */
  readonly build: string;
  /** `fragtax run`'s executed notebooks. */
  readonly executed: string;
  /** Published versions, immutable. */
  readonly reports: string;
  /** Caches: notebook results, rendered charts and the engine's compiled cells and import bundles. */
  readonly cache: string;
  readonly notebookCache: string;
  readonly chartCache: string;
  readonly engineCache: string;
}

/** Everything fragtax writes under a project root: the one list of `out/…` folders. */
export function outPaths(root: string): OutPaths {
  const out = join(resolve(root), "out");
  const cache = join(out, ".cache");
  return {
    build: join(out, "build"),
    executed: join(out, "build", "executed"),
    reports: join(out, "reports"),
    cache,
    notebookCache: join(cache, "notebooks"),
    chartCache: join(cache, "charts"),
    engineCache: join(cache, "engine"),
  };
}
