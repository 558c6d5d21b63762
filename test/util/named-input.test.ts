/**
 * A file named on the command line may be a pipe on purpose (`<(git show …)`); opening a named pipe
 * nothing writes to waited for ever, without a word (`diff v1 /tmp/fifo`, `build --assumptions
 * /tmp/fifo`). The wait is said after a moment, and the pipe read when its writer comes.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { readNamedInput } from "../../src/util/plain-file";

const dir = mkdtempSync(join(tmpdir(), "fragtax-pipe-"));
afterEach(() => vi.restoreAllMocks());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a named input that is a named pipe", () => {
  it("says it waits for the pipe's writer, then reads what it writes", async () => {
    const fifo = join(dir, "inputs.yaml");
    execFileSync("mkfifo", [fifo]);
    const said: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (said.push(String(chunk)), true));
    // The writer comes after the note: a child process, as a shell's `cat > fifo` would.
    const writer = setTimeout(() => execFileSync("sh", ["-c", `printf 'a: 1\\n' > "${fifo}"`]), 1500);
    const read = await readNamedInput(fifo, 1024);
    clearTimeout(writer);
    expect(read.toString("utf8")).toBe("a: 1\n");
    expect(said.join("")).toMatch(/^note: .*inputs\.yaml is a named pipe \(FIFO\): waiting for something to write to it \(Ctrl-C stops\)\n$/);
  });

  it("says nothing of a plain file", async () => {
    const file = join(dir, "plain.yaml");
    writeFileSync(file, "b: 2\n");
    const said: string[] = [];
    vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => (said.push(String(chunk)), true));
    expect((await readNamedInput(file, 1024)).toString("utf8")).toBe("b: 2\n");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(said).toEqual([]);
  });
});
