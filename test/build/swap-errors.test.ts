/**
 * A rename of the swap that the file system refuses (a folder flagged immutable, a mount point) is
 * reported naming the folder that could not be moved, and leaves the previous build whole. The refusal
 * is injected into `rename` for one path: as root, permissions do not stop a rename, and `chattr +i`
 * is not on every file system a test runs on.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";

const refused = vi.hoisted(() => ({ path: "" }));
vi.mock("node:fs/promises", async (original) => {
  const fs = await original<typeof import("node:fs/promises")>();
  const rename = async (from: string, to: string): Promise<void> => {
    if (from === refused.path) throw Object.assign(new Error(`EPERM: operation not permitted, rename '${from}' -> '${to}'`), { code: "EPERM" });
    return fs.rename(from, to);
  };
  return { ...fs, rename, default: { ...fs, rename } };
});

const { replaceBuildOutputs } = await import("../../src/build/outputs");

let out = "";
afterEach(() => {
  refused.path = "";
  rmSync(out, { recursive: true, force: true });
});

describe("a swap the file system refuses", () => {
  it.each([
    ["a kept folder (executed/)", "build/executed"],
    ["out/build itself", "build"],
  ])("names %s, the folder it could not move, and keeps the previous build whole", async (_what, refusedFolder) => {
    out = mkdtempSync(join(tmpdir(), "fragtax-swap-"));
    const build = join(out, "build");
    mkdirSync(join(build, "executed"), { recursive: true });
    writeFileSync(join(build, "report.html"), "old");
    writeFileSync(join(build, "executed", "a.ipynb"), "kept");
    refused.path = join(out, refusedFolder);
    const failure = await replaceBuildOutputs(build, new Map([["report.html", "new"]])).then(
      () => undefined,
      (error: unknown) => error as Error & { path?: string },
    );
    expect(failure?.message).toContain(`cannot use ${refused.path} (EPERM)`);
    expect(failure?.message).not.toContain(".build-");
    expect(readFileSync(join(build, "report.html"), "utf8")).toBe("old");
    expect(readFileSync(join(build, "executed", "a.ipynb"), "utf8")).toBe("kept");
    expect(readdirSync(out).filter((name) => name.startsWith(".build-"))).toEqual([]);
  });
});
