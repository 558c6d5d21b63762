// out/build as a mount point (a Docker volume): the renames that replace it whole fail with EXDEV or
// EBUSY, which reached the user as Node's raw error. They are now a located sentence with the remedy.
import { describe, expect, it } from "vitest";
import { FileSystemError, locateFileSystemError } from "../../src/util/fs-errors";

const errno = (code: string, dest: string): NodeJS.ErrnoException & { dest: string } => Object.assign(new Error(`${code}: rename`), { code, path: "/p/out/build/executed", dest });

describe("a rename across file systems or of a busy folder", () => {
  it.each(["EXDEV", "EBUSY"])("%s names the path and says to mount out/ instead of out/build", (code) => {
    const located = locateFileSystemError(errno(code, "/p/out/build"), "the build's output folder (out/)", "/p/out");
    expect(located).toBeInstanceOf(FileSystemError);
    expect((located as FileSystemError).message).toMatch(new RegExp(`^the build's output folder \\(out/\\): cannot use /p/out/build \\(${code}\\): .*mount out/ instead of out/build`));
  });
});
