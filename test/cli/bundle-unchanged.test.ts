/**
 * `npm run report` bundles the CLI before every build. The caches of what the code derives (the page,
 * the parsed inputs: src/build/cache/code-stamp.ts) are keyed by the size and mtime of dist/'s files,
 * so a bundle that rewrote identical files made each such build render the page again. A file bundled
 * to the same bytes keeps its file; one whose source changed is written anew. And a bundle of sources
 * that did not change at all is not made again (scripts/bundle-stamp.mjs: ~5–10 s before every build),
 * unless a file it wrote was edited or removed since.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolders } from "../project";

const repo = resolve(import.meta.dirname, "../..");
const temp = tempFolders();

function files(dir: string): Map<string, { mtimeMs: number; bytes: string }> {
  const found = new Map<string, { mtimeMs: number; bytes: string }>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.set(relative(dir, path), { mtimeMs: statSync(path).mtimeMs, bytes: readFileSync(path, "latin1") });
    }
  };
  walk(dir);
  return found;
}

describe("bundling the CLI again", () => {
  it("keeps each file bundled to the same bytes (its mtime too), writes the changed ones anew, and leaves nothing behind", () => {
    const root = temp.scratch("fragtax-bundle-");
    // The sources copied (one is edited below); the rest as the repository has it.
    cpSync(join(repo, "src"), join(root, "src"), { recursive: true });
    for (const link of ["scripts", "node_modules", "package.json", "package-lock.json", "tsconfig.json", "templates"]) symlinkSync(join(repo, link), join(root, link));
    const bundle = (): string => {
      const result = spawnSync(process.execPath, ["scripts/bundle-cli.mjs"], { cwd: root, encoding: "utf8" });
      expect(result.status, result.stderr).toBe(0);
      return result.stderr;
    };
    expect(bundle()).toContain("bundle: bundling src/ into dist/");
    const first = files(join(root, "dist"));
    expect(first.size).toBeGreaterThan(20);
    // Nothing changed: not bundled again.
    expect(bundle()).toContain("bundle: dist/ is up to date with src/");
    // A file of dist/ gone: bundled again, the files bundled to the same bytes kept as they were.
    rmSync(join(root, "dist", "api.js"));
    expect(bundle()).toContain("bundle: bundling src/ into dist/");
    const second = files(join(root, "dist"));
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [name, file] of second) if (name !== "api.js" && name !== ".bundle-stamp.json") expect(file.mtimeMs, name).toBe(first.get(name)?.mtimeMs);
    expect(second.get("api.js")?.bytes).toBe(first.get("api.js")?.bytes);
    expect((statSync(join(root, "dist", "cli.cjs")).mode & 0o111) !== 0).toBe(true); // the bin stays executable

    // A change to the model's sources reaches the files bundled from it, and only those change.
    appendFileSync(join(root, "src", "model", "index.ts"), '\nexport const bundleProbe = "changed";\n');
    bundle();
    const third = files(join(root, "dist"));
    expect(third.get("model.js")?.bytes).toContain("changed");
    expect(third.get("model.js")?.mtimeMs).not.toBe(second.get("model.js")?.mtimeMs);
    expect(third.get("vega.cjs")?.mtimeMs).toBe(second.get("vega.cjs")?.mtimeMs);
    expect(readdirSync(root).filter((name) => name.startsWith(".dist-previous-"))).toEqual([]);
    expect(existsSync(join(root, "dist", "main.cjs"))).toBe(true);
  }, 120_000);
});
