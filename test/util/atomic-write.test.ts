/**
 * writeFileAtomic makes the destination's folder only when it is missing (it tries the write first):
 * a first write into a folder that is not there yet, a folder removed between two writes (a user
 * clearing out/.cache while `fragtax dev` runs), and a folder that cannot be made (a file is in the
 * way) must each behave as before: written, written, refused with the system's error and no
 * temporary file left behind.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeAbandonedTemporaries, temporarySibling, writeFileAtomic, writeFileAtomicSync, writeUserFileAtomic } from "../../src/util/atomic";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const fresh = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "fragtax-atomic-"));
  made.push(dir);
  return dir;
};

describe("writeFileAtomic", () => {
  it("makes missing folders, replaces what was there, and makes a removed folder again", async () => {
    const dir = fresh();
    const file = join(dir, "a", "b", "entry.json");
    await writeFileAtomic(file, "one", { durable: false });
    await writeFileAtomic(file, "two", { durable: false });
    expect(readFileSync(file, "utf8")).toBe("two");
    rmSync(join(dir, "a"), { recursive: true });
    await writeFileAtomic(file, new TextEncoder().encode("three"));
    expect(readFileSync(file, "utf8")).toBe("three");
    expect(readdirSync(join(dir, "a", "b"))).toEqual(["entry.json"]);
  });

  it("refuses a folder that cannot be made, leaving nothing behind", async () => {
    const dir = fresh();
    writeFileSync(join(dir, "file"), "not a folder");
    await expect(writeFileAtomic(join(dir, "file", "entry.json"), "x")).rejects.toMatchObject({ code: "ENOTDIR" });
    await expect(writeFileAtomic(join(dir, "file", "deeper", "entry.json"), "x")).rejects.toMatchObject({ code: "ENOTDIR" });
    expect(readdirSync(dir)).toEqual(["file"]);
  });

  it("writes a file whose name has 247 bytes (a notebook a build accepts), its temporary sibling within the 255 a name may have", async () => {
    const dir = fresh();
    const name = `long-${"é".repeat(118)}.ipynb`;
    expect(Buffer.byteLength(name)).toBe(247);
    expect(Buffer.byteLength(basename(temporarySibling(join(dir, name))))).toBeLessThanOrEqual(255);
    await writeFileAtomic(join(dir, name), "{}");
    expect(readdirSync(dir)).toEqual([name]);
    // A sibling such a write left when killed is still found as that file's.
    const left = temporarySibling(join(dir, name));
    writeFileSync(left, "half");
    const old = (Date.now() - 120_000) / 1000;
    utimesSync(left, old, old);
    await removeAbandonedTemporaries(dir, Date.now(), name);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it("synchronously, writes a file's chunks one after another, views into larger buffers included", () => {
    const dir = fresh();
    const file = join(dir, "runs", "run.bin");
    const numbers = new Float64Array([1.5, -2, Number.NaN, 4]);
    // A view of the middle two numbers: only their bytes are written, not the whole buffer's.
    const middle = new Uint8Array(numbers.buffer, 8, 16);
    writeFileAtomicSync(file, [new Uint8Array([1, 2, 3]), new Uint8Array(0), middle]);
    const written = readFileSync(file);
    expect([...written.subarray(0, 3)]).toEqual([1, 2, 3]);
    expect(written.length).toBe(3 + 16);
    expect(new Float64Array(written.buffer.slice(written.byteOffset + 3, written.byteOffset + 19))[0]).toBe(-2);
    expect(readdirSync(join(dir, "runs"))).toEqual(["run.bin"]);
  });
});

describe("writeUserFileAtomic", () => {
  it("removes what a killed write of the same file left in the user's folder, and nothing else", async () => {
    const dir = fresh();
    const target = join(dir, "keep.ipynb");
    const stale = join(dir, ".keep.ipynb.999999.2bf2e344.tmp");
    const inProgress = join(dir, ".keep.ipynb.999998.0a0b0c0d.tmp");
    const another = join(dir, ".other.ipynb.999999.2bf2e344.tmp");
    const theirs = join(dir, ".keep.ipynb.notes");
    for (const file of [stale, inProgress, another, theirs]) writeFileSync(file, "x");
    // Two minutes old: a write takes milliseconds, so this one's process was killed.
    const old = new Date(Date.now() - 120_000);
    for (const file of [stale, another, theirs]) utimesSync(file, old, old);
    await writeUserFileAtomic(target, "{}");
    expect(readFileSync(target, "utf8")).toBe("{}");
    expect(readdirSync(dir).sort()).toEqual([".keep.ipynb.999998.0a0b0c0d.tmp", ".keep.ipynb.notes", ".other.ipynb.999999.2bf2e344.tmp", "keep.ipynb"]);
  });
});
