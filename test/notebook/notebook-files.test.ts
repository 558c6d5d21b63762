import type * as ChildProcess from "node:child_process";
import { existsSync, mkdtempSync, readlinkSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import * as Fs from "node:fs";
import type * as Module from "node:module";
import type * as Path from "node:path";
import { promisify } from "node:util";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { notebookFiles } from "../../src/notebook/notebook-files";
import { sha256, sha256OfListing } from "../../src/util/hash";
import type { FileRead } from "../../src/vocabulary/file-reads";

const folder = mkdtempSync(join(tmpdir(), "fragtax-nbfiles-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
writeFileSync(join(folder, "rows.csv"), "a\n1\n");

function setUp(): { fs: typeof Fs; path: typeof Path; reads: string[]; cwd: () => string } {
  const reads: string[] = [];
  const files = notebookFiles(folder, (read) => reads.push(read.path));
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

  it("reports every read, a failed one too, by absolute path; writes are not reads", async () => {
    const { fs, reads } = setUp();
    fs.readFileSync("rows.csv");
    await fs.promises.readFile(pathToFileURL(join(folder, "rows.csv")));
    expect(() => fs.readFileSync("missing.csv")).toThrow(/ENOENT/);
    await new Promise<void>((resolve, reject) => fs.createReadStream("rows.csv").on("close", resolve).on("error", reject).resume());
    fs.closeSync(fs.openSync("rows.csv", "r"));
    fs.closeSync(fs.openSync("out.txt", "w"));
    fs.closeSync(fs.openSync("out.txt", fs.constants.O_WRONLY));
    fs.writeFileSync("out.txt", "y");
    fs.statSync("rows.csv");
    const csv = join(folder, "rows.csv");
    // Once per file, the first time: a later read of the same file adds nothing.
    expect(reads).toEqual([csv, join(folder, "missing.csv")]);
  });

  it("counts looking for a file, a blob, a copy's source and a read-append open as reads, with the hash before the read", async () => {
    const reads: FileRead[] = [];
    const files = notebookFiles(folder, (read) => reads.push(read));
    const fs = files.modules.get("fs") as typeof Fs;
    writeFileSync(join(folder, "blob.txt"), "blob");
    writeFileSync(join(folder, "append.txt"), "a");
    expect(fs.existsSync("optional.txt")).toBe(false);
    expect(await (await fs.openAsBlob("blob.txt")).text()).toBe("blob");
    fs.copyFileSync("rows.csv", "copy.csv");
    await (await fs.promises.open("append.txt", "a+")).close();
    expect(reads).toEqual([
      { path: join(folder, "optional.txt"), sha256: "" },
      { path: join(folder, "blob.txt"), sha256: sha256("blob") },
      { path: join(folder, "rows.csv"), sha256: sha256("a\n1\n") },
      { path: join(folder, "append.txt"), sha256: sha256("a") },
    ]);
  });

  it("counts resolving a link as a read of the link, with what it points to: a cell then reads the file under its resolved name", async () => {
    const reads: FileRead[] = [];
    const files = notebookFiles(folder, (read) => reads.push(read));
    const fs = files.modules.get("fs") as typeof Fs;
    writeFileSync(join(folder, "2026-10.csv"), "100");
    Fs.symlinkSync("2026-10.csv", join(folder, "current.csv"));
    const listing = { path: folder, sha256: sha256OfListing(folder, false), listing: "folder" };
    expect(fs.readFileSync(fs.realpathSync("current.csv"), "utf8")).toBe("100");
    Fs.symlinkSync("2026-10.csv", join(folder, "latest.csv"));
    expect(await fs.promises.readlink("latest.csv")).toBe("2026-10.csv");
    // Without the link among the reads, pointing it at 2026-11.csv left the run reused with the old number;
    // its folder's listing names where each link points, so one re-pointed to a folder, or to a file of the
    // same content, changes a read too.
    expect(reads).toEqual([{ path: join(folder, "current.csv"), sha256: sha256("100") }, listing, { path: realpathSync(join(folder, "2026-10.csv")), sha256: sha256("100") }, { path: join(folder, "latest.csv"), sha256: sha256("100") }]);
    Fs.mkdirSync(join(folder, "2026-10"));
    Fs.mkdirSync(join(folder, "2026-11"));
    Fs.symlinkSync("2026-10", join(folder, "month"));
    const before = sha256OfListing(folder, false);
    const native: FileRead[] = [];
    const fsNative = notebookFiles(folder, (read) => native.push(read)).modules.get("fs") as typeof Fs;
    expect(fsNative.realpathSync.native("month")).toBe(realpathSync(join(folder, "2026-10")));
    expect(native).toContainEqual({ path: folder, sha256: before, listing: "folder" });
    Fs.unlinkSync(join(folder, "month"));
    Fs.symlinkSync("2026-11", join(folder, "month"));
    expect(sha256OfListing(folder, false)).not.toBe(before);
  });

  it("reports a folder a cell lists, through every door, with the hash of its listing (recursive when asked)", async () => {
    const box = mkdtempSync(join(folder, "box-"));
    writeFileSync(join(box, "one.csv"), "1");
    Fs.mkdirSync(join(box, "sub"));
    writeFileSync(join(box, "sub", "two.csv"), "2");
    const reads: FileRead[] = [];
    const files = notebookFiles(folder, (read) => reads.push(read));
    const fs = files.modules.get("fs") as typeof Fs;
    const name = box.slice(folder.length + 1);
    expect(fs.readdirSync(name).sort()).toEqual(["one.csv", "sub"]);
    await fs.promises.readdir(name, { recursive: true });
    await new Promise<void>((resolve) => fs.readdir(Buffer.from(name), () => resolve())); // the same folder: once
    await (await fs.promises.opendir(join(name, "sub"))).close();
    expect(() => fs.readdirSync("no-such-folder")).toThrow(/ENOENT/);
    expect(reads).toEqual([
      { path: box, sha256: sha256OfListing(box, false), listing: "folder" },
      { path: box, sha256: sha256OfListing(box, true), listing: "tree" },
      { path: join(box, "sub"), sha256: sha256OfListing(join(box, "sub"), false), listing: "folder" },
      { path: join(folder, "no-such-folder"), sha256: "", listing: "folder" },
    ]);
    // What the listing's hash sees: names and kinds at its depth, not contents.
    const [flat, tree] = [sha256OfListing(box, false), sha256OfListing(box, true)];
    expect(flat).not.toBe(tree);
    writeFileSync(join(box, "one.csv"), "changed");
    writeFileSync(join(box, "sub", "three.csv"), "3");
    expect(sha256OfListing(box, false)).toBe(flat);
    expect(sha256OfListing(box, true)).not.toBe(tree);
    Fs.renameSync(join(box, "one.csv"), join(box, "uno.csv"));
    expect(sha256OfListing(box, false)).not.toBe(flat);
    expect(sha256OfListing(join(box, "uno.csv"), false)).toBeUndefined(); // a file is no folder
  });

  it("hashes a tree into symlinked folders once each: loops of links end, and a file added behind a link or a link re-pointed counts", () => {
    const box = mkdtempSync(join(folder, "links-"));
    Fs.mkdirSync(join(box, "data", "sub"), { recursive: true });
    Fs.mkdirSync(join(box, "shared"));
    Fs.mkdirSync(join(box, "other"));
    writeFileSync(join(box, "data", "sub", "x.csv"), "1");
    Fs.symlinkSync(".", join(box, "data", "sub", "self"));
    Fs.symlinkSync("..", join(box, "data", "sub", "up"));
    Fs.symlinkSync("../shared", join(box, "data", "shared"));
    const data = join(box, "data");
    const before = sha256OfListing(data, true); // returns at once: each real folder is listed once
    writeFileSync(join(box, "shared", "new.csv"), "2");
    const added = sha256OfListing(data, true);
    expect(added).not.toBe(before);
    Fs.unlinkSync(join(data, "shared"));
    Fs.symlinkSync("../other", join(data, "shared"));
    expect(sha256OfListing(data, true)).not.toBe(added);
    expect(sha256OfListing(data, false)).not.toBe(sha256OfListing(data, true));
  });

  it("takes any truthy recursive as a recursive listing, and one folder spelt two ways as one read (the first)", async () => {
    const box = mkdtempSync(join(folder, "spelt-"));
    const reads: FileRead[] = [];
    const files = notebookFiles(folder, (read) => reads.push(read));
    const fs = files.modules.get("fs") as typeof Fs;
    const name = box.slice(folder.length + 1);
    await fs.promises.readdir(name, { recursive: 1 as unknown as boolean });
    fs.readdirSync(name);
    writeFileSync(join(box, "later.txt"), "x"); // written by the cell between two listings
    fs.readdirSync(`./${name}/`);
    fs.readdirSync(`${box}/`);
    expect(reads.map(({ path, listing }) => [path, listing])).toEqual([
      [box, "tree"],
      [box, "folder"],
    ]);
    // A folder looked for (existsSync, stat) is recorded as one: its appearing is a change.
    fs.existsSync(name);
    expect(reads.at(-1)).toEqual({ path: box, sha256: "folder" });
  });

  it("does not report what it reads after making it anew; an append, a failed call, a copy or a rename is still a read of what was there", async () => {
    const box = mkdtempSync(join(folder, "made-"));
    const name = box.slice(folder.length + 1);
    writeFileSync(join(box, "kept.txt"), "before");
    writeFileSync(join(box, "input.txt"), "input");
    Fs.mkdirSync(join(box, "full"));
    writeFileSync(join(box, "full", "a.txt"), "a");
    const reads: string[] = [];
    const files = notebookFiles(folder, (read) => reads.push(read.path));
    const fs = files.modules.get("fs") as typeof Fs;
    fs.rmSync(`${name}/scratch`, { recursive: true, force: true });
    expect(fs.existsSync(`${name}/scratch`)).toBe(false); // the notebook's own removal
    fs.mkdirSync(`${name}/scratch`);
    fs.writeFileSync(`${name}/scratch/a.csv`, "x");
    fs.readdirSync(`${name}/scratch`);
    await fs.promises.writeFile(`${name}/whole.txt`, "w");
    fs.readFileSync(`${name}/whole.txt`);
    const temporary = fs.mkdtempSync(`${name}/tmp-`);
    fs.readdirSync(temporary);
    fs.appendFileSync(`${name}/kept.txt`, "+"); // an update: what was there still matters
    fs.readFileSync(`${name}/kept.txt`);
    expect(() => fs.writeFileSync(`${name}/input.txt`, "mine", { flag: "wx" })).toThrow(/EEXIST/); // made nothing
    fs.readFileSync(`${name}/input.txt`);
    expect(() => fs.rmSync(`${name}/full`)).toThrow(); // a folder, without recursive: made nothing
    fs.readFileSync(`${name}/full/a.txt`);
    fs.copyFileSync(`${name}/whole.txt`, `${name}/copy.txt`); // a copy carries its source's content
    fs.readFileSync(`${name}/copy.txt`);
    fs.mkdirSync(name, { recursive: true }); // already there: not made anew
    fs.readdirSync(name);
    expect(reads).toEqual([join(box, "kept.txt"), join(box, "input.txt"), join(box, "full", "a.txt"), join(box, "copy.txt"), box]);
  });

  it("reads a folder copied whole as its tree and every file in it", () => {
    const box = mkdtempSync(join(folder, "copied-"));
    Fs.mkdirSync(join(box, "data", "deep"), { recursive: true });
    writeFileSync(join(box, "data", "a.csv"), "1");
    writeFileSync(join(box, "data", "deep", "b.csv"), "2");
    const reads: FileRead[] = [];
    const files = notebookFiles(folder, (read) => reads.push(read));
    const fs = files.modules.get("fs") as typeof Fs;
    fs.cpSync(`${box.slice(folder.length + 1)}/data`, `${box.slice(folder.length + 1)}/work`, { recursive: true });
    expect(reads.map(({ path, listing }) => [path.slice(box.length), listing ?? "file"])).toEqual([
      ["/data", "file"],
      ["/data", "tree"],
      ["/data/a.csv", "file"],
      ["/data/deep/b.csv", "file"],
    ]);
    expect(reads[2]?.sha256).toBe(sha256("1"));
  });


  it("gives the same folder through every door: process, module.createRequire, streams, promisify(exists)", async () => {
    const { fs, reads } = setUp();
    const files = notebookFiles(folder, () => undefined);
    expect((files.modules.get("node:process") as NodeJS.Process).cwd()).toBe(folder);
    const { createRequire } = files.modules.get("node:module") as typeof Module;
    const required = createRequire(join(folder, "x.js"))("node:fs") as typeof Fs;
    expect(required.readFileSync("rows.csv", "utf8")).toBe("a\n1\n");
    // (Node takes a path here, though its types do not say so.)
    const stream = new (fs.ReadStream as unknown as new (path: string) => Fs.ReadStream)("rows.csv");
    expect(stream).toBeInstanceOf(Fs.ReadStream);
    await new Promise<void>((resolve, reject) => stream.on("close", resolve).on("error", reject).resume());
    expect(await promisify(fs.exists)("rows.csv")).toBe(true);
    expect(reads).toEqual([join(folder, "rows.csv")]);
  });

  it("starts a child process in the notebook's folder unless the call says otherwise", async () => {
    const children = notebookFiles(folder, () => undefined).modules.get("node:child_process") as typeof ChildProcess;
    expect(children.execSync("pwd", { encoding: "utf8" }).trim()).toBe(realpathSync(folder));
    expect(children.execFileSync("pwd", [], { encoding: "utf8" }).trim()).toBe(realpathSync(folder));
    expect(children.spawnSync("pwd", { encoding: "utf8" }).stdout.trim()).toBe(realpathSync(folder));
    expect(children.execSync("pwd", { encoding: "utf8", cwd: tmpdir() }).trim()).toBe(realpathSync(tmpdir()));
    expect((await promisify(children.exec)("pwd")).stdout.trim()).toBe(realpathSync(folder));
    const viaCallback = await new Promise<string>((resolve, reject) => children.exec("pwd", (error, stdout) => (error ? reject(error) : resolve(stdout))));
    expect(viaCallback.trim()).toBe(realpathSync(folder));
  });
});
