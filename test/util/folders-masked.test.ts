/**
 * The rule of util/folders.ts without a read-only mount (folders.test.ts has the real one, where the
 * machine lets a test mount): Node 20's recursive mkdir answers ENOENT for a folder it cannot make on
 * a read-only file system, and a plain mkdir of the first missing folder says EROFS. The two calls are
 * replaced here by ones that answer as Node does on such a file system, under one folder.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";

const readOnly = vi.hoisted(() => ({ under: "\0" }));
const answer = (path: unknown, options: unknown): Error | undefined => {
  if (!String(path).startsWith(readOnly.under)) return undefined;
  const recursive = typeof options === "object" && options !== null && (options as { recursive?: boolean }).recursive === true;
  return Object.assign(new Error(recursive ? "ENOENT: no such file or directory" : "EROFS: read-only file system"), { code: recursive ? "ENOENT" : "EROFS" });
};
vi.mock("node:fs/promises", async (original) => {
  const fs = await original<typeof import("node:fs/promises")>();
  return { ...fs, mkdir: (path: string, options?: unknown) => (answer(path, options) === undefined ? fs.mkdir(path, options as never) : Promise.reject(answer(path, options))) };
});
vi.mock("node:fs", async (original) => {
  const fs = await original<typeof import("node:fs")>();
  return {
    ...fs,
    mkdirSync: (path: string, options?: unknown) => {
      const error = answer(path, options);
      if (error !== undefined) throw error;
      return fs.mkdirSync(path, options as never);
    },
  };
});

const { makeFolder, makeFolderSync } = await import("../../src/util/folders");

const dir = mkdtempSync(join(tmpdir(), "fragtax-folders-masked-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("making a folder where Node's recursive mkdir hides the reason", () => {
  it("says the reason a plain mkdir of the first missing folder gives", async () => {
    readOnly.under = join(dir, "ro");
    await expect(makeFolder(join(dir, "ro", "a", "b"))).rejects.toMatchObject({ code: "EROFS" });
    expect(() => makeFolderSync(join(dir, "ro", "a", "b"))).toThrow(expect.objectContaining({ code: "EROFS" }) as Error);
    await makeFolder(join(dir, "rw", "a", "b"));
    makeFolderSync(join(dir, "rw", "a", "c"));
  });
});
