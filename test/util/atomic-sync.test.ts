/**
 * syncPath flushes a file's content or a folder's names to the disk (publish and the build's swap call
 * it on what they place). What a power cut would lose cannot be shown by a test; that it flushes real
 * files and folders, and names a path that is not there, can.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { syncPath } from "../../src/util/atomic";

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("syncPath", () => {
  it("flushes a file and a folder, and rejects a path that is not there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "fragtax-sync-"));
    made.push(dir);
    writeFileSync(join(dir, "a.txt"), "a");
    await expect(syncPath(join(dir, "a.txt"))).resolves.toBeUndefined();
    await expect(syncPath(dir)).resolves.toBeUndefined();
    await expect(syncPath(join(dir, "missing"))).rejects.toMatchObject({ code: "ENOENT" });
  });
});
