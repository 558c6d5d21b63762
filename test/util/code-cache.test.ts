/**
 * requireWithCodeCache loads a CommonJS file as `require` would, with V8's code cache kept in a
 * folder: used by the next load, never serving bytecode of an older text (even of the same length),
 * and never needed for the load to work (a cache that cannot be written, or is damaged). Loads that
 * use the cache run in fresh processes, as a build does: within one process V8 reuses what it
 * compiled and never reads the cache.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { requireWithCodeCache, type CachedModule, type CodeCacheOptions } from "../../src/util/code-cache";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), "fragtax-code-cache-"));
  made.push(dir);
  return dir;
}

/** The load in a process of its own (and `then`, code run after it), with V8 `flags` set first as the bin sets them (cli/boot.ts). */
function loadFresh(file: string, cacheDir: string, options: CodeCacheOptions = {}, then = "", flags = ""): CachedModule {
  const setFlags = flags === "" ? "" : `(await import("node:v8")).setFlagsFromString(${JSON.stringify(flags)});`;
  const script = `${setFlags} const { requireWithCodeCache } = await import("./src/util/code-cache.ts"); const loaded = requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cacheDir)}, ${JSON.stringify(options)}); ${then}; process.stdout.write(JSON.stringify(loaded));`;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: join(import.meta.dirname, "..", ".."), encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as CachedModule;
}

describe("requireWithCodeCache", () => {
  it("gives what require gives, with require, module, this, __filename and __dirname as CommonJS has them", () => {
    const dir = folder();
    writeFileSync(join(dir, "part.js"), "module.exports = { answer: 42 };\n");
    const file = join(dir, "main.js");
    writeFileSync(file, "exports.self = this === module.exports;\nexports.part = require('./part').answer;\nexports.where = [__filename, __dirname];\nexports.path = require('node:path').sep;\n");
    const loaded = requireWithCodeCache(file, join(dir, "cache")).exports;
    expect(loaded).toEqual(createRequire(import.meta.url)(file));
    expect(loaded).toEqual({ self: true, part: 42, where: [file, dir], path: "/" });
  });

  it("writes the cache on the first load and uses it on the next", () => {
    const dir = folder();
    const file = join(dir, "big.js");
    writeFileSync(file, `module.exports = [${Array.from({ length: 2000 }, (_, i) => `function f${i}(x) { return x * ${i}; }`).join(", ")}].map((f) => f(2)).reduce((a, b) => a + b, 0);\n`);
    const expected = Array.from({ length: 2000 }, (_, i) => 2 * i).reduce((a, b) => a + b, 0);
    expect(loadFresh(file, join(dir, "cache"))).toEqual({ exports: expected, cache: "written" });
    expect(readdirSync(join(dir, "cache"))).toHaveLength(1);
    expect(loadFresh(file, join(dir, "cache"))).toEqual({ exports: expected, cache: "used" });
  });

  it("keeps a cache per set of V8 flags: a build (which raises the interrupt budget) and a run never reject each other's", () => {
    const dir = folder();
    const file = join(dir, "shared.js");
    writeFileSync(file, `module.exports = [${Array.from({ length: 500 }, (_, i) => `function f${i}(x) { return x + ${i}; }`).join(", ")}].length;\n`);
    const cache = join(dir, "cache");
    const build = "--interrupt-budget=270336";
    expect(loadFresh(file, cache)).toEqual({ exports: 500, cache: "written" });
    expect(loadFresh(file, cache, {}, "", build)).toEqual({ exports: 500, cache: "written" });
    expect(readdirSync(cache)).toHaveLength(2);
    // Alternating, each finds its own.
    expect(loadFresh(file, cache)).toEqual({ exports: 500, cache: "used" });
    expect(loadFresh(file, cache, {}, "", build)).toEqual({ exports: 500, cache: "used" });
    // A new text replaces its own flags' cache only.
    writeFileSync(file, "module.exports = 1;\n");
    expect(loadFresh(file, cache, {}, "", build)).toEqual({ exports: 1, cache: "written" });
    expect(readdirSync(cache)).toHaveLength(2);
  });

  it("drops a cache named before caches were kept per flags", () => {
    const dir = folder();
    const file = join(dir, "old.js");
    writeFileSync(file, "module.exports = 3;\n");
    const cache = join(dir, "cache");
    mkdirSync(cache);
    // The name is the file's, with its path's hash: `old.js-<8 hex>`, then the content's key.
    const name = `old.js-${createHash("sha256").update(file).digest("hex").slice(0, 8)}`;
    writeFileSync(join(cache, `${name}-${"0".repeat(24)}.bin`), "stale");
    writeFileSync(join(cache, `older.js-12345678-${"0".repeat(24)}.bin`), "another file's");
    expect(loadFresh(file, cache)).toEqual({ exports: 3, cache: "written" });
    const names = readdirSync(cache);
    expect(names).toHaveLength(2);
    expect(names).not.toContain(`${name}-${"0".repeat(24)}.bin`);
    expect(names).toContain(`older.js-12345678-${"0".repeat(24)}.bin`);
  });

  it("never runs the bytecode of an older text, even one of the same length, and drops the older cache", () => {
    const dir = folder();
    const file = join(dir, "value.js");
    writeFileSync(file, "module.exports = 1;\n");
    expect(loadFresh(file, join(dir, "cache"))).toEqual({ exports: 1, cache: "written" });
    writeFileSync(file, "module.exports = 2;\n");
    expect(loadFresh(file, join(dir, "cache"))).toEqual({ exports: 2, cache: "written" });
    expect(loadFresh(file, join(dir, "cache"))).toEqual({ exports: 2, cache: "used" });
    expect(readdirSync(join(dir, "cache"))).toHaveLength(1);
  });

  it("loads when the cache cannot be written (a file where its folder should be), and when the cache is damaged", () => {
    const dir = folder();
    const file = join(dir, "value.js");
    writeFileSync(file, "module.exports = 'loaded';\n");
    writeFileSync(join(dir, "blocked"), "a file, not a folder");
    expect(requireWithCodeCache(file, join(dir, "blocked"))).toEqual({ exports: "loaded", cache: "not written" });

    const cache = join(dir, "cache");
    loadFresh(file, cache);
    const [entry] = readdirSync(cache);
    writeFileSync(join(cache, entry ?? ""), "not V8's code cache at all");
    expect(loadFresh(file, cache)).toEqual({ exports: "loaded", cache: "written" });
    expect(loadFresh(file, cache)).toEqual({ exports: "loaded", cache: "used" });
  });

  it("never gives V8 a cache whose bytes changed (V8 checks only its header: one flipped bit crashed every later command), nor one without its digest", () => {
    const dir = folder();
    const file = join(dir, "big.js");
    writeFileSync(file, `module.exports = [${Array.from({ length: 2000 }, (_, i) => `function f${i}(x) { return x * ${i}; }`).join(", ")}].map((f) => f(3)).reduce((a, b) => a + b, 0);\n`);
    const expected = Array.from({ length: 2000 }, (_, i) => 3 * i).reduce((a, b) => a + b, 0);
    const cache = join(dir, "cache");
    loadFresh(file, cache);
    const entry = join(cache, readdirSync(cache)[0] ?? "");
    const whole = readFileSync(entry);
    for (const at of [whole.length >> 1, whole.length - 1, 40, 8]) {
      const damaged = Buffer.from(whole);
      damaged[at] = (damaged[at] ?? 0) ^ 0x10;
      writeFileSync(entry, damaged);
      expect(loadFresh(file, cache)).toEqual({ exports: expected, cache: "written" }); // compiled, and made again
      expect(readFileSync(entry).subarray(0, 4).toString()).toBe("ftc2");
    }
    // Made before the digest was kept ("ftc1": the CPU time, then V8's data): not used either.
    const { length } = whole;
    writeFileSync(entry, Buffer.concat([Buffer.from("ftc1"), whole.subarray(4, 8), whole.subarray(40, length)]));
    expect(loadFresh(file, cache)).toEqual({ exports: expected, cache: "written" });
    expect(loadFresh(file, cache)).toEqual({ exports: expected, cache: "used" });
  });

  it("keeps the file's own lines and columns in a stack trace", () => {
    const dir = folder();
    const file = join(dir, "throws.js");
    writeFileSync(file, "const a = 1;\nconst b = 2;\nthrow new Error('here' + a + b);\n");
    expect(() => requireWithCodeCache(file, join(dir, "cache"))).toThrow(expect.objectContaining({ stack: expect.stringContaining(`${file}:3:7`) }) as Error);
  });

  it("kept at exit (the CLI's bundle), holds what the process compiled after the load, one cache per variant", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = join(dir, "commands.js");
    // Functions only a command calls, after the load: the at-exit cache holds their bytecode too.
    writeFileSync(file, `exports.command = () => [${Array.from({ length: 2000 }, (_, i) => `function f${i}(x) { return x * ${i}; }`).join(", ")}].map((f) => f(2)).length;\n`);
    const present = (): string[] => (existsSync(cache) ? readdirSync(cache).sort() : []);
    // The command runs, then checks that nothing was written yet: the cache is made as the process exits.
    const run = (variant: string): CachedModule =>
      loadFresh(file, cache, { keep: "at-exit", variant }, `loaded.exports.command(); if (loaded.cache !== "used" && (await import("node:fs")).existsSync(${JSON.stringify(cache)})) { const names = (await import("node:fs")).readdirSync(${JSON.stringify(cache)}); if (names.some((name) => name.includes(".${variant}-"))) throw new Error("written before exit"); }`);
    expect(run("build")).toEqual({ exports: {}, cache: "written at exit" });
    const [built] = present();
    expect(built).toMatch(/^commands\.js\.build-/);
    expect(run("build")).toEqual({ exports: {}, cache: "used" });
    expect(run("run")).toEqual({ exports: {}, cache: "written at exit" });
    expect(present()).toHaveLength(2);
    expect(run("run")).toEqual({ exports: {}, cache: "used" });
    // Made after the command ran, the cache is larger than one made right after the load.
    loadFresh(file, join(dir, "after-load"));
    const size = (folder: string): number => readdirSync(folder).reduce((sum, name) => sum + statSync(join(folder, name)).size, 0);
    expect(statSync(join(cache, built ?? "")).size).toBeGreaterThan(size(join(dir, "after-load")) * 2);
  });

  it("kept at exit, is made again by a process that did far more than the one that made it, and only then", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = join(dir, "commands.js");
    // A command whose functions only some processes call: as a no-op build never draws a chart.
    writeFileSync(file, `exports.command = () => [${Array.from({ length: 5000 }, (_, i) => `function f${i}(x) { let s = 0; for (let j = 0; j < x; j++) s += j * ${i} + Math.sqrt(j); return s; }`).join(", ")}].map((f) => f(2)).length;\n`);
    const entry = (): { name: string; size: number; modified: number } => {
      const [name = ""] = readdirSync(cache);
      const stat = statSync(join(cache, name));
      return { name, size: stat.size, modified: stat.mtimeMs };
    };
    const options = { keep: "at-exit" as const, variant: "build" };
    // The work of a cold build: the command, and CPU time up to 2.5 s (a process that only loads takes ~0.5 s here).
    const work = "loaded.exports.command(); while ((({ user, system }) => user + system)(process.cpuUsage()) < 2_500_000) Math.sqrt(Math.random());";
    // First a process that loads and calls nothing: the cache holds little.
    expect(loadFresh(file, cache, options)).toEqual({ exports: {}, cache: "written at exit" });
    const small = entry();
    // One that does far more uses that cache, and makes it again, holding the command's functions too.
    expect(loadFresh(file, cache, options, work)).toEqual({ exports: {}, cache: "used" });
    const full = entry();
    expect(full.name).toBe(small.name);
    expect(full.size).toBeGreaterThan(small.size * 2);
    // The same work again, or less, leaves it as it is: no process pays for making it each time.
    loadFresh(file, cache, options, work);
    loadFresh(file, cache, options);
    expect(entry()).toEqual(full);
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it("drops, as it writes a cache, those of any file that nothing made for 30 days (a file no longer loaded) and the temporary files of writes killed midway, and keeps the rest", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    mkdirSync(cache);
    const day = 24 * 60 * 60;
    const now = Date.now() / 1000;
    const aged = (name: string, days: number): string => {
      writeFileSync(join(cache, name), "bytecode of another file");
      utimesSync(join(cache, name), now - days * day, now - days * day);
      return name;
    };
    const gone = aged(`moved.js-12345678-1abc-${"0".repeat(24)}.bin`, 40);
    const recent = aged(`other.js-87654321-1abc-${"1".repeat(24)}.bin`, 20);
    const notACache = aged("notes.txt", 400);
    // A write's temporary file (util/atomic.ts), left by a process killed mid-write an hour ago; and one
    // a write in progress holds now, which must stay.
    const killed = aged(`.other.js-87654321-1abc-${"2".repeat(24)}.bin.4242.0badc0de.tmp`, 1 / 24);
    const writing = aged(`.other.js-87654321-1abc-${"3".repeat(24)}.bin.4343.0badc0de.tmp`, 0);
    const file = join(dir, "value.js");
    writeFileSync(file, "module.exports = 5;\n");
    expect(loadFresh(file, cache)).toEqual({ exports: 5, cache: "written" });
    const names = readdirSync(cache);
    expect(names).not.toContain(gone);
    expect(names).not.toContain(killed);
    expect(names).toEqual(expect.arrayContaining([recent, notACache, writing, expect.stringMatching(/^value\.js-/)]));
    expect(names).toHaveLength(4);
  });

  it("an older cache it cannot remove (a folder in its place) costs nothing: the load and the process's exit go on", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = join(dir, "value.js");
    writeFileSync(file, "module.exports = 'loaded';\n");
    for (const options of [{}, { keep: "at-exit", variant: "run" }] as const) {
      // Named as a cache of an earlier text of this file would be: <file>[.<variant>]-<its path's hash>-….
      const older = join(cache, `value.js${"variant" in options ? ".run" : ""}-${createHash("sha256").update(file).digest("hex").slice(0, 8)}-older.bin`);
      mkdirSync(join(older, "inside"), { recursive: true });
      // loadFresh throws when the process fails, at exit too.
      expect(loadFresh(file, cache, options).exports).toBe("loaded");
      expect(existsSync(older)).toBe(true);
    }
  });

  it("kept at exit, is kept too when a command ends by a signal it caught (`fragtax dev` on Ctrl-C: no 'exit' event)", () => {
    const dir = folder();
    const cache = join(dir, "cache");
    const file = join(dir, "value.js");
    writeFileSync(file, "module.exports = 'loaded';\n");
    // As dev-action.ts ends: util/signals.ts's endBySignal kills the process by the signal it caught.
    const script = `import { requireWithCodeCache } from "./src/util/code-cache.ts"; import { endBySignal } from "./src/util/signals.ts"; requireWithCodeCache(${JSON.stringify(file)}, ${JSON.stringify(cache)}, { keep: "at-exit", variant: "dev" }); endBySignal("SIGTERM");`;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: join(import.meta.dirname, "..", ".."), encoding: "utf8" });
    expect(result.signal).toBe("SIGTERM");
    expect(existsSync(cache) ? readdirSync(cache) : []).toEqual([expect.stringMatching(/^value\.js\.dev-.*\.bin$/)]);
  });
});
