/**
 * A cell, or a module it imports, that writes to process.stdout/stderr directly (a progress line, a
 * library's warning): as in tslab, the text is the cell's stream output — and `fragtax run` ends.
 * It used to lose the text and never exit (the worker thread's unread stdio held the process open).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { TempDir } from "./helpers";

const temp = new TempDir();
afterAll(() => temp.cleanup());
const cli = join(import.meta.dirname, "..", "..", "dist", "cli.cjs");

describe("process.stdout and process.stderr in a notebook", () => {
  it("are the cell's stream outputs, in order, and the run exits", () => {
    temp.write("noisy.ts", 'export function noisy(): number {\n  process.stderr.write("warning from a module\\n");\n  return 7;\n}\n');
    const file = temp.notebook("stdio.ipynb", {
      cells: ['process.stdout.write("progress 1/2\\n");\nprocess.stdout.write(Buffer.from("progress 2/2\\n"));', 'import { noisy } from "./noisy.ts";\nnoisy()'],
    });
    const out = join(temp.path, "executed.ipynb");
    const run = spawnSync("node", [cli, "run", file, "--out", out], { encoding: "utf8", timeout: 60_000 });
    expect(run.error).toBeUndefined(); // a hang ends in a timeout error
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain("progress");
    const cells = (JSON.parse(readFileSync(out, "utf8")) as { cells: Array<{ outputs: Array<{ name?: string; text?: string | string[]; data?: Record<string, string> }> }> }).cells;
    const text = (o: { text?: string | string[] }): string => (Array.isArray(o.text) ? o.text.join("") : o.text ?? "");
    expect(cells[0]!.outputs.filter((o) => o.name === "stdout").map(text).join("")).toBe("progress 1/2\nprogress 2/2\n");
    expect(cells[1]!.outputs.map((o) => o.name ?? o.data?.["text/plain"])).toEqual(["stderr", "7"]);
    expect(text(cells[1]!.outputs[0]!)).toBe("warning from a module\n");
  });

  it("a cell's error quoting control characters reaches the terminal as visible escapes, never as raw ESC or BEL", () => {
    const file = temp.notebook("escapes.ipynb", { cells: ['throw new Error("<b>\\u001b[31mRED\\u001b[0m \\u001b]0;TITLE\\u0007")'] });
    const run = spawnSync("node", [cli, "run", file, "--out", join(temp.path, "escapes.out.ipynb")], { encoding: "utf8", timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("<b>\\x1b[31mRED\\x1b[0m \\x1b]0;TITLE\\x07");
    // eslint-disable-next-line no-control-regex -- the point: no control character but newlines
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });
});
