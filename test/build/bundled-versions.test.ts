/**
 * The bundled CLI draws charts with the Vega and Vega-Lite bundled into it, so the versions it records
 * (the chart cache's keys, the report's provenance table) are the bundled ones, even when node_modules
 * holds another version: an install updated without re-bundling `dist/` (npm's scripts skipped).
 * Otherwise a chart drawn by the old bundled Vega would be cached under the new version's key, and
 * reused once `dist/` is bundled again.
 *
 * The install here is real apart from one file: `dist/` copied next to a node_modules whose packages
 * are links to this checkout's, except `vega`: a copy whose package.json claims a version nobody bundled.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { packageVersion } from "../../src/package-version";
import { tempFolders } from "../project";

const repo = resolve(import.meta.dirname, "../..");
const temp = tempFolders();
const STALE = "0.0.0-not-bundled";

/** A copy of the bundled tool whose node_modules/vega/package.json says `STALE`. */
function staleInstall(dir: string): string {
  cpSync(join(repo, "dist"), join(dir, "dist"), { recursive: true });
  for (const file of ["templates", "package-lock.json"]) symlinkSync(join(repo, file), join(dir, file));
  cpSync(join(repo, "package.json"), join(dir, "package.json"));
  const modules = join(dir, "node_modules");
  mkdirSync(modules);
  for (const name of readdirSync(join(repo, "node_modules"))) {
    if (name !== "vega" && name !== ".cache") symlinkSync(join(repo, "node_modules", name), join(modules, name));
  }
  // A copy, not links: Node resolves a package through links to its real path, and would find the real package.json.
  const vega = join(modules, "vega");
  cpSync(join(repo, "node_modules", "vega"), vega, { recursive: true, dereference: true });
  const manifest = JSON.parse(readFileSync(join(repo, "node_modules", "vega", "package.json"), "utf8")) as { version: string };
  writeFileSync(join(vega, "package.json"), JSON.stringify({ ...manifest, version: STALE }));
  return join(dir, "dist", "cli.cjs");
}

describe("versions of the bundled chart libraries", () => {
  it("a build names the Vega bundled into the CLI, not the one node_modules claims", { timeout: 180_000 }, () => {
    const bundled = (JSON.parse(readFileSync(join(repo, "node_modules", "vega", "package.json"), "utf8")) as { version: string }).version;
    const cli = staleInstall(temp.scratch("fragtax-stale-install-"));
    const project = temp.project();
    const run = spawnSync("node", [cli, "build", "--root", project.root, "--no-pdf"], { encoding: "utf8" });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    const html = readFileSync(join(project.root, "out", "build", "report.html"), "utf8");
    // The provenance appendix's tools table: one row per tool, its version in <code>.
    expect(html).toContain(`<tr><td>vega</td><td><code>${bundled}</code></td></tr>`);
    expect(html).not.toContain(STALE);
  });

  // Run from sources the global is unset; the bundle substitutes it. Here it is set as the bundle would.
  describe("in process", () => {
    afterEach(() => {
      globalThis.__FRAGTAX_BUNDLED_VERSIONS__ = undefined;
    });

    it("a chart's cache key follows the bundled Vega and Vega-Lite, not the installed ones", async () => {
      const spec = JSON.stringify({ mark: "point", data: { values: [{ x: 1 }] }, encoding: { x: { field: "x", type: "quantitative" } } });
      // A fresh module each time: codeVersion reads the substituted JSON once per process.
      const keyWith = async (versions: Record<string, string> | undefined): Promise<{ key: string; vega: string; lite: string }> => {
        globalThis.__FRAGTAX_BUNDLED_VERSIONS__ = versions === undefined ? undefined : JSON.stringify(versions);
        vi.resetModules();
        const cache = await import("../../src/charts/cache");
        const version = await import("../../src/package-version");
        return { key: cache.chartKey(spec), vega: version.codeVersion("vega"), lite: version.codeVersion("vega-lite") };
      };
      const installed = await keyWith(undefined);
      expect(installed).toMatchObject({ vega: packageVersion("vega"), lite: packageVersion("vega-lite") });
      const sameAsInstalled = await keyWith({ vega: packageVersion("vega"), "vega-lite": packageVersion("vega-lite") });
      expect(sameAsInstalled.key).toBe(installed.key);
      const otherVega = await keyWith({ vega: "9.9.9", "vega-lite": packageVersion("vega-lite") });
      expect(otherVega.vega).toBe("9.9.9");
      expect(otherVega.key).not.toBe(installed.key);
      const otherLite = await keyWith({ vega: packageVersion("vega"), "vega-lite": "9.9.9" });
      expect(otherLite.key).not.toBe(installed.key);
      expect(otherLite.key).not.toBe(otherVega.key);
    });
  });
});
