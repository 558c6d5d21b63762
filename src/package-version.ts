/**
 * An installed package's version from its package.json, without importing the package (vega and
 * vega-lite take ~1 s to load, esbuild's JS API ~0.15 s; a build that needs none of them should not
 * pay for that just to name their versions).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const known = new Map<string, string>();

export function packageVersion(name: string): string {
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  const require = createRequire(import.meta.url);
  let version = "unknown";
  for (let dir = dirname(require.resolve(name)); dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const data = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
    if (data.name === name && typeof data.version === "string") {
      version = data.version;
      break;
    }
  }
  known.set(name, version);
  return version;
}
