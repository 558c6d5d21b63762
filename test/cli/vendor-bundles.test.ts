/**
 * The packages the CLI bundles but most commands never run (the YAML parsers, zod, sanitize-html,
 * markdown-it and its plugins) are files of their own, dist/vendor/<name>.cjs, loaded through V8's
 * code cache when a module that imports one first runs (scripts/bundle-cli.mjs). In dist/main.cjs
 * they were two thirds of the file every command reads, hashes and decodes at start.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sha256 } from "../../src/util/hash";
import { tempFolders } from "../project";

const repo = resolve(import.meta.dirname, "../..");
const VENDOR = ["yaml", "js-yaml", "zod", "sanitize-html", "markdown-it", "markdown-it-anchor", "markdown-it-footnote"];

describe("the CLI's vendor files", () => {
  it("keep these packages out of dist/main.cjs, and export what the packages export", () => {
    const main = readFileSync(join(repo, "dist", "main.cjs"), "utf8");
    const require = createRequire(import.meta.url);
    for (const name of VENDOR) {
      // esbuild marks each bundled module with its path: none of these packages' files is in the CLI's file.
      expect(main, name).not.toContain(`// node_modules/${name}/`);
      const vendored = require(join(repo, "dist", "vendor", `${name}.cjs`)) as Record<string, unknown>;
      // As Node imports the package (the bundler lists its names so), not as this test runner would.
      const script = `const m = await import(${JSON.stringify(name)}); console.log(JSON.stringify(Object.entries(m).map(([k, v]) => [k, typeof v])))`;
      const own = JSON.parse(spawnSync("node", ["--input-type=module", "-e", script], { encoding: "utf8", cwd: repo }).stdout) as [string, string][];
      expect(own.length, name).toBeGreaterThan(0);
      for (const [exported, type] of own) expect(typeof vendored[exported], `${name}: ${exported}`).toBe(type);
    }
  });
});

describe("a command that needs none of them", () => {
  const folders = tempFolders();
  const installs: string[] = [];
  afterAll(() => {
    for (const install of installs) rmSync(install, { recursive: true, force: true });
  });
  // Whole seconds, which a file's times keep exactly when set again after the files are spoiled below.
  const STAMPED = new Date("2026-01-01T00:00:00Z");
  /**
   * An install of its own (dist/, templates/, package.json; node_modules' packages linked), so its
   * code caches land in its own node_modules/.cache and its vendor files can be spoiled safely.
   */
  const newInstall = (): { install: string; fragtax: (...args: string[]) => SpawnSyncReturns<string> } => {
    const install = mkdtempSync(join(tmpdir(), "fragtax-vendor-install-"));
    installs.push(install);
    cpSync(join(repo, "dist"), join(install, "dist"), { recursive: true });
    cpSync(join(repo, "templates"), join(install, "templates"), { recursive: true });
    cpSync(join(repo, "package.json"), join(install, "package.json"));
    mkdirSync(join(install, "node_modules"));
    for (const entry of readdirSync(join(repo, "node_modules"))) {
      if (entry !== ".cache") symlinkSync(join(repo, "node_modules", entry), join(install, "node_modules", entry));
    }
    for (const name of VENDOR) utimesSync(join(install, "dist", "vendor", `${name}.cjs`), STAMPED, STAMPED);
    return { install, fragtax: (...args) => spawnSync("node", [join(install, "dist", "cli.cjs"), ...args], { encoding: "utf8" }) };
  };

  it("reads no vendor file: a no-op build and a warm run work with every vendor file spoiled; a build that parses loads them", () => {
    const { install, fragtax } = newInstall();
    const { root } = folders.project();
    const cold = fragtax("build", "--no-pdf", "--root", root);
    expect(cold.stderr + cold.stdout).not.toContain("Error");
    expect(cold.status).toBe(0);
    // The cold build parsed YAML, validated with zod and rendered markdown: each file through the code cache.
    const caches = readdirSync(join(install, "node_modules", ".cache", "fragtax", "v8"));
    for (const name of VENDOR) {
      const file = join(install, "dist", "vendor", `${name}.cjs`);
      expect(caches.filter((cache) => cache.startsWith(`${name}.cjs-${sha256(file).slice(0, 8)}-`)), name).toHaveLength(1);
    }
    const notebook = join(root, "notebooks", "01-price.ipynb");
    expect(fragtax("run", notebook, "--out", join(root, "warm.ipynb")).status).toBe(0);

    // Each vendor file now throws when run, with its size and times kept (the code's stamp, code-stamp.ts, is unchanged).
    for (const name of VENDOR) {
      const file = join(install, "dist", "vendor", `${name}.cjs`);
      const poison = `throw new Error("vendor file ${name} was loaded");`;
      writeFileSync(file, poison.padEnd(statSync(file).size, " "));
      utimesSync(file, STAMPED, STAMPED);
    }
    const noop = fragtax("build", "--no-pdf", "--root", root);
    expect(noop.stderr).not.toContain("was loaded");
    expect(noop.status).toBe(0);
    expect(noop.stderr).toContain("render: reused the last build's page");
    const warm = fragtax("run", notebook, "--out", join(root, "warm.ipynb"));
    expect(warm.stderr).not.toContain("was loaded");
    expect(warm.status).toBe(0);

    // The declarations beside the bundles are no code a process runs: a new one leaves the caches valid.
    const declaration = readdirSync(join(install, "dist", "types"), { recursive: true }).map(String).find((name) => name.endsWith(".d.ts"));
    expect(declaration).toBeDefined();
    utimesSync(join(install, "dist", "types", declaration as string), new Date(), new Date());
    expect(fragtax("build", "--no-pdf", "--root", root).stderr).toContain("render: reused the last build's page");

    // The spoiled files are really in the way of a build that must parse: the test above is not vacuous.
    const assumptions = join(root, "notebooks", "assumptions.yaml");
    writeFileSync(assumptions, `${readFileSync(assumptions, "utf8")}\n# edited\n`);
    const parsing = fragtax("build", "--no-pdf", "--root", root);
    expect(parsing.status).not.toBe(0);
    expect(parsing.stderr).toContain("was loaded");
    expect(existsSync(join(root, "out", "build", "report.html"))).toBe(true);
  });

  it("a vendor file that changed is new code: what the old one parsed is not reused", () => {
    const { install, fragtax } = newInstall();
    const { root } = folders.project();
    expect(fragtax("build", "--no-pdf", "--root", root).status).toBe(0);
    // Same content, a new time: the stamp of the code (code-stamp.ts) names every file a process may run.
    const yaml = join(install, "dist", "vendor", "yaml.cjs");
    utimesSync(yaml, new Date(), new Date());
    const rebuilt = fragtax("build", "--no-pdf", "--root", root);
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stderr).not.toContain("render: reused the last build's page");
    expect(rebuilt.stderr).toMatch(/^render: 2 chapters/m);
  });
});
