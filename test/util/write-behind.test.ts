/**
 * Cache writes a build does not wait for as it makes them (util/atomic.ts `writeBehind`): it waits
 * for all of them before it replaces its outputs (`writesBehindSettled`), so each is on disk by then,
 * and one that failed stops the build there with its error, once.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeBehind, writeFileAtomic, writesBehindSettled } from "../../src/util/atomic";

const dir = mkdtempSync(join(tmpdir(), "fragtax-write-behind-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("writes behind", () => {
  it("start at once and are all on disk once settled, a write started by another included", async () => {
    const first = join(dir, "a", "first.json");
    const second = join(dir, "b", "second.json");
    let started = false;
    writeBehind(async () => {
      started = true;
      await writeFileAtomic(first, "one");
      // Started while the build waits for the first: waited for too.
      writeBehind(() => writeFileAtomic(second, "two"));
    });
    expect(started).toBe(true);
    await writesBehindSettled();
    expect(readFileSync(first, "utf8")).toBe("one");
    expect(readFileSync(second, "utf8")).toBe("two");
  });

  it("a write that fails is thrown when the build waits, once, after the others landed", async () => {
    writeFileSync(join(dir, "file"), "in the way");
    const landed = join(dir, "landed.json");
    writeBehind(() => writeFileAtomic(join(dir, "file", "entry.json"), "x"));
    writeBehind(() => writeFileAtomic(landed, "yes"));
    await expect(writesBehindSettled()).rejects.toMatchObject({ code: "ENOTDIR" });
    expect(existsSync(landed)).toBe(true);
    await expect(writesBehindSettled()).resolves.toBeUndefined();
  });
});
