/**
 * Caches bounded by size (src/util/prune.ts), on real files: a folder past its budget loses the
 * files used longest ago (oldest mtime) down to half the budget, one within it loses nothing, and
 * what a killed write left (a temporary sibling a minute old) goes whatever the size, while a write
 * under way (a fresh one) is left alone. A touch makes a file the most recently used, and a prune
 * behind the build follows the touches and writes behind it.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { temporarySibling, writeBehind, writesBehindSettled } from "../../src/util/atomic";
import { filesToPrune, pruneBehind, pruneDue, PRUNE_EVERY_MS, prunedStamp, pruneFolders, pruneFolderSync, touchBehind, touchSync } from "../../src/util/prune";

const root = mkdtempSync(join(tmpdir(), "fragtax-prune-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let made = 0;
const folder = (): string => {
  const dir = join(root, String(made++));
  mkdirSync(dir);
  return dir;
};

const NOW = Date.now();
/** A file of `size` bytes last used `agoMs` before NOW. */
function file(dir: string, name: string, size: number, agoMs: number): string {
  const path = join(dir, name);
  writeFileSync(path, Buffer.alloc(size));
  utimesSync(path, (NOW - agoMs) / 1000, (NOW - agoMs) / 1000);
  return path;
}

const names = (dir: string): string[] => readdirSync(dir).sort();

/** Six files of 100 bytes, "0" used longest ago, "5" last. */
function sixFiles(dir: string): void {
  for (let i = 0; i < 6; i++) file(dir, String(i), 100, 10_000 - i * 1000);
}

// The same cases for both ways of pruning: the model runs' (synchronous) and the chart cache's.
const prunes = {
  sync: async (dir: string, budget: number) => pruneFolderSync(dir, budget, NOW),
  async: (dir: string, budget: number) => pruneFolders([dir], budget, NOW),
};

describe.each(Object.entries(prunes))("pruning a folder (%s)", (_how, prune) => {
  it("past its budget, removes the files used longest ago, down to half of it", async () => {
    const dir = folder();
    sixFiles(dir);
    await prune(dir, 500); // 600 bytes: over; kept within 250
    expect(names(dir)).toEqual(["4", "5"]);
  });

  it("within its budget, removes nothing, however old", async () => {
    const dir = folder();
    sixFiles(dir);
    await prune(dir, 600);
    expect(names(dir)).toEqual(["0", "1", "2", "3", "4", "5"]);
  });

  it("removes a killed write's temporary file once a minute old, and leaves one under way", async () => {
    const dir = folder();
    const stale = basename(temporarySibling(join(dir, "a")));
    const fresh = basename(temporarySibling(join(dir, "b")));
    file(dir, stale, 10, 120_000);
    file(dir, fresh, 10, 1000);
    file(dir, "old", 10, 120_000); // an old entry within the budget: kept
    await prune(dir, 1000);
    expect(names(dir)).toEqual(["old", fresh].sort());
  });

  it("a touched file is the most recently used", async () => {
    const dir = folder();
    sixFiles(dir);
    touchSync(join(dir, "0"));
    expect(statSync(join(dir, "0")).mtimeMs).toBeGreaterThan(NOW - 1000);
    await prune(dir, 500);
    expect(names(dir)).toEqual(["0", "5"]);
  });

  it("leaves a folder inside alone, and is silent when there is no folder", async () => {
    const dir = folder();
    sixFiles(dir);
    mkdirSync(join(dir, "inner"));
    file(join(dir, "inner"), "x", 1000, 100_000);
    await prune(dir, 500);
    expect(names(dir)).toEqual(["4", "5", "inner"]);
    expect(names(join(dir, "inner"))).toEqual(["x"]);
    await expect(prune(join(dir, "missing"), 0)).resolves.toBeUndefined();
  });
});

describe("pruneFolders", () => {
  it("holds several folders to one budget, the least recently used of all going first", async () => {
    const [a, b] = [folder(), folder()];
    for (let i = 0; i < 4; i++) {
      file(a, `a${i}`, 100, 10_000 - 2 * i * 1000); // a0 at 10 s ago, a1 at 8 s …
      file(b, `b${i}`, 100, 9000 - 2 * i * 1000); // b0 at 9 s ago, b1 at 7 s …
    }
    await pruneFolders([a, b], 700, NOW); // 800 bytes: kept within 350, the three used last
    expect([...names(a), ...names(b)]).toEqual(["a3", "b2", "b3"]);
  });
});

describe("pruneBehind", () => {
  it("starts once the touches and writes already behind have landed, which the build waits for", async () => {
    const dir = folder();
    sixFiles(dir);
    // A read's touch of "0", used longest ago, lands late (a slow disk): the prune still sees it used.
    writeBehind(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await utimes(join(dir, "0"), new Date(), new Date());
    });
    touchBehind(join(dir, "1"));
    pruneBehind([dir], 500);
    expect(names(dir)).toHaveLength(6); // not yet: behind
    await writesBehindSettled();
    expect(names(dir)).toEqual(["0", "1"]);
  });
});

describe("filesToPrune", () => {
  it("counts what a file holds against the budget, not how many files there are", () => {
    const files = [
      { path: "/c/big", size: 900, used: 1 },
      { path: "/c/small-1", size: 10, used: 0 },
      { path: "/c/small-2", size: 10, used: 2 },
    ];
    expect(filesToPrune(files, 600, NOW)).toEqual(["/c/small-1", "/c/big"]);
    expect(filesToPrune(files, 920, NOW)).toEqual([]);
  });
});

describe("pruneDue", () => {
  it("says yes to a folder never pruned and stamps it, then no until ten minutes have passed, whichever process asks", () => {
    const dir = mkdtempSync(join(tmpdir(), "fragtax-prune-due-"));
    try {
      const folder = join(dir, "runs");
      const stamp = prunedStamp(folder);
      const now = Date.now();
      expect(pruneDue(folder, PRUNE_EVERY_MS, now)).toBe(true);
      expect(existsSync(stamp)).toBe(true);
      expect(pruneDue(folder, PRUNE_EVERY_MS, now + PRUNE_EVERY_MS - 1000)).toBe(false);
      expect(pruneDue(folder, PRUNE_EVERY_MS, now + PRUNE_EVERY_MS + 1000)).toBe(true);
      // A stamp from the future (a clock set back) does not stop pruning for good.
      utimesSync(stamp, now / 1000 + 86_400, now / 1000 + 86_400);
      expect(pruneDue(folder, PRUNE_EVERY_MS, now)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says no where no stamp can be written (no cache yet), and makes nothing", () => {
    const missing = join(tmpdir(), `fragtax-prune-missing-${process.pid}`, "runs");
    expect(pruneDue(missing)).toBe(false);
    expect(existsSync(prunedStamp(missing))).toBe(false);
  });
});
