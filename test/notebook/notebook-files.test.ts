import { existsSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from "node:fs";
import type * as Fs from "node:fs";
import type * as Path from "node:path";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { notebookFiles } from "../../src/notebook/notebook-files";

const folder = mkdtempSync(join(tmpdir(), "fragtax-nbfiles-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
writeFileSync(join(folder, "rows.csv"), "a\n1\n");

function setUp(): { fs: typeof Fs; path: typeof Path; reads: string[]; cwd: () => string } {
  const reads: string[] = [];
  const files = notebookFiles(folder, (file) => reads.push(file));
  return { fs: files.modules.get("node:fs") as typeof Fs, path: files.modules.get("path") as typeof Path, reads, cwd: () => files.process.cwd() };
}

describe("the file system a notebook's cells see", () => {
  it("resolves relative paths against the notebook's folder, not the process's", async () => {
    const { fs, path, cwd } = setUp();
    expect(process.cwd()).not.toBe(folder);
    expect(fs.readFileSync("rows.csv", "utf8")).toBe("a\n1\n");
    expect(await fs.promises.readFile("rows.csv", "utf8")).toBe("a\n1\n");
    expect(fs.existsSync("rows.csv")).toBe(true);
    fs.writeFileSync("written.txt", "x");
    expect(existsSync(join(folder, "written.txt"))).toBe(true);
    fs.renameSync("written.txt", "moved.txt");
    expect(existsSync(join(folder, "moved.txt"))).toBe(true);
    fs.symlinkSync("rows.csv", "link.csv"); // the target stays as written: relative to the link
    expect(readlinkSync(join(folder, "link.csv"))).toBe("rows.csv");
    expect(cwd()).toBe(folder);
    expect(path.resolve("a", "b")).toBe(join(folder, "a", "b"));
    expect(path.relative("sub", "rows.csv")).toBe(join("..", "rows.csv"));
    expect(path.posix.resolve("x")).toBe(join(folder, "x"));
    expect(path.join("a", "b")).toBe(join("a", "b"));
  });

  it("reports every read, a failed one too, by absolute path; writes and listings are not reads", async () => {
    const { fs, reads } = setUp();
    fs.readFileSync("rows.csv");
    await fs.promises.readFile(pathToFileURL(join(folder, "rows.csv")));
    expect(() => fs.readFileSync("missing.csv")).toThrow(/ENOENT/);
    await new Promise<void>((resolve, reject) => fs.createReadStream("rows.csv").on("close", resolve).on("error", reject).resume());
    fs.closeSync(fs.openSync("rows.csv", "r"));
    fs.closeSync(fs.openSync("out.txt", "w"));
    fs.closeSync(fs.openSync("out.txt", fs.constants.O_WRONLY));
    fs.writeFileSync("out.txt", "y");
    fs.readdirSync(".");
    fs.statSync("rows.csv");
    const csv = join(folder, "rows.csv");
    expect(reads).toEqual([csv, csv, join(folder, "missing.csv"), csv, csv]);
  });
});
