/**
 * A package's version without importing the package (vega and vega-lite take ~1 s to load, esbuild's
 * JS API ~0.15 s; a build that needs none of them should not pay for that just to name their
 * versions): the installed one, from its package.json, or the one bundled into the CLI.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { packageNotInstalled } from "./messages/fs";

const known = new Map<string, string>();

export function packageVersion(name: string): string {
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  const found = findPackage(name);
  const version = found !== undefined && typeof found.data.version === "string" ? found.data.version : "unknown";
  known.set(name, version);
  return version;
}

declare global {
  /**
   * In the bundled CLI, replaced at bundle time by a JSON string literal of the bundled packages'
   * versions (scripts/bundle-cli.mjs); run from sources, an unset global.
   */
  var __FRAGTAX_BUNDLED_VERSIONS__: string | undefined;
}

let bundled: Readonly<Record<string, string>> | undefined;

/**
 * The version of the package code this process runs: the one bundled into the CLI when it is bundled
 * there (Vega, Vega-Lite, yaml, zod), else the installed one. Differs from `packageVersion` only when
 * node_modules changed after `dist/` was bundled; what a chart was drawn with is named by this one.
 */
export function codeVersion(name: string): string {
  const json = globalThis.__FRAGTAX_BUNDLED_VERSIONS__;
  if (json !== undefined) bundled ??= JSON.parse(json) as Record<string, string>;
  return bundled?.[name] ?? packageVersion(name);
}

/** The folder an installed package lives in (for files its `exports` do not expose, e.g. a JSON schema). */
export function packageDir(name: string): string {
  const found = findPackage(name);
  if (found === undefined) throw new Error(packageNotInstalled(name));
  return found.dir;
}

function findPackage(name: string): { dir: string; data: { name?: unknown; version?: unknown } } | undefined {
  const require = createRequire(import.meta.url);
  for (let dir = dirname(require.resolve(name)); dirname(dir) !== dir; dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const data = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
    // An alias (package.json: "canvas": "npm:@napi-rs/canvas@…") is installed under the name asked
    // for, with its own name inside: the folder's name says it is the one.
    if (data.name === name || dir.endsWith(join("node_modules", name))) return { dir, data };
  }
  return undefined;
}
