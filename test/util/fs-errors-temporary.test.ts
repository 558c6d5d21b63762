// A cache folder this user cannot write: the first thing that fails is the atomic write's temporary
// file (`.report.json.3128.9f3bddff.tmp`), which Node's error names. The user was told to fix that
// file, which never existed; the message names the folder it was to be made in.
import { describe, expect, it } from "vitest";
import { temporarySibling } from "../../src/util/atomic";
import { FileSystemError, locateFileSystemError } from "../../src/util/fs-errors";
import { fileSystemProblem } from "../../src/messages/fs";

describe("a failed atomic write", () => {
  it.each(["EACCES", "ENOSPC", "EROFS"])("%s names the folder, not the temporary file", (code) => {
    const temporary = temporarySibling("/p/out/.cache/inputs/report.json");
    const raw = Object.assign(new Error(`${code}: open '${temporary}'`), { code, path: temporary });
    const located = locateFileSystemError(raw, "the parsed-input cache (out/.cache/inputs)", "/p/out/.cache/inputs");
    expect(located).toBeInstanceOf(FileSystemError);
    expect((located as FileSystemError).message).toBe(fileSystemProblem("the parsed-input cache (out/.cache/inputs)", "/p/out/.cache/inputs", code));
  });

  it("a file whose own name only looks alike is named itself", () => {
    const raw = Object.assign(new Error("EACCES: open"), { code: "EACCES", path: "/p/notebooks/data.tmp" });
    expect((locateFileSystemError(raw, "fragtax build", "/p") as FileSystemError).path).toBe("/p/notebooks/data.tmp");
  });
});

describe("a path with a line break or escapes", () => {
  it("stays on the message's one line, its controls visible: it cannot print a line fragtax did not write", () => {
    const path = "/tmp/project\nfake: line \u001b]0;pwn\u0007/out/.cache/notebooks";
    const raw = Object.assign(new Error("ENOTDIR: mkdir"), { code: "ENOTDIR", path });
    const message = (locateFileSystemError(raw, "the notebook cache (out/.cache/notebooks)", path) as FileSystemError).message;
    expect(message.split("\n")).toHaveLength(1);
    expect(message).toContain("cannot use /tmp/project\\x0afake: line \\x1b]0;pwn\\x07/out/.cache/notebooks (ENOTDIR)");
  });
});
