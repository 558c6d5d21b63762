/**
 * A build's notebook threads run below the main thread's priority (worker.ts `yieldToMain`): the main
 * thread coordinates them, and at the same priority it waited for a core. Linux keeps a nice value per
 * thread; a cell reads its own thread's with `os.getPriority()`. A single run keeps the main thread's.
 */
import { getPriority } from "node:os";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { executeNotebook } from "../../src/notebook/execute";
import { executeNotebooks } from "../../src/notebook/execute-many";
import { endAllWorkers } from "../../src/notebook/pool";
import { TempDir } from "./helpers";

const temp = new TempDir();
afterAll(() => temp.cleanup());
// A thread that lowered its priority cannot raise it again: every test starts fresh threads.
afterEach(() => endAllWorkers());

const READ_NICE = 'import { getPriority } from "node:os";\nconsole.log(`nice ${getPriority()}`);';

const printed = (result: Awaited<ReturnType<typeof executeNotebook>>): string =>
  result.executed.cells.flatMap((cell) => (cell.cell_type === "code" ? cell.outputs : [])).map((o) => (o.output_type === "stream" ? o.text : "")).join("");

describe.runIf(process.platform === "linux")("the priority of notebook threads", () => {
  it("is the main thread's for a single notebook", async () => {
    const file = temp.notebook("single/one.ipynb", { cells: [READ_NICE] });
    const result = await executeNotebook(file, { cache: false });
    expect(result.status).toBe("ok");
    expect(printed(result)).toBe(`nice ${getPriority()}\n`);
  });

  it("is five below the main thread's for notebooks run together, and the main thread's stays", async () => {
    const main = getPriority();
    const files = ["a", "b"].map((name) => temp.notebook(`together/${name}.ipynb`, { cells: [READ_NICE] }));
    const results = await executeNotebooks(files, { cache: false });
    expect(results.map((result) => result.status)).toEqual(["ok", "ok"]);
    expect(results.map(printed)).toEqual([`nice ${Math.min(main + 5, 19)}\n`, `nice ${Math.min(main + 5, 19)}\n`]);
    expect(getPriority()).toBe(main);
  });
});
