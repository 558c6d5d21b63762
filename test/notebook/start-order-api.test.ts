/**
 * Where the native compiler cannot check (no binary for the platform: here its module is mocked to
 * say so), a build checks through the TypeScript API in a thread of its own (pool.ts). That thread
 * starts before anything is read, so loading the compiler overlaps with compiling; it is ended
 * unused when the check's cache answered every notebook, kept when it checked, and not started at
 * all when only inputs changed.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { executeNotebooks } from "../../src/notebook/execute-many";
import { endAllWorkers, keptThreads } from "../../src/notebook/pool";
import { TempDir } from "./helpers";

vi.mock("../../src/notebook/typecheck-tsgo", async (original) => ({
  ...(await original<typeof import("../../src/notebook/typecheck-tsgo")>()),
  tsgoBinary: () => undefined,
  checkWithTsgo: () => undefined,
  checkWithTsgoAsync: async () => undefined,
}));

const temp = new TempDir();
afterAll(() => temp.cleanup());
afterEach(() => endAllWorkers());

describe("the type check's thread, where only the TypeScript API can check", () => {
  it("is started early, ended when the check's cache answered every notebook, and kept when it checked", async () => {
    const root = join(temp.path, "cached");
    const a = temp.notebook("cached/a.ipynb", { cells: ["const a: number = 1;\nconsole.log(a);"] });
    const b = temp.notebook("cached/b.ipynb", { cells: ["const b: string = 'b';\nconsole.log(b);"] });
    writeFileSync(join(root, "package.json"), '{ "name": "cached", "private": true }');
    await executeNotebooks([a, b], { root });
    expect(keptThreads().typeCheck).toBe("used"); // a cold cache: the thread checked them
    endAllWorkers();
    const running = executeNotebooks([a, b], { root, typesLikelyCached: false });
    expect(keptThreads()).toEqual({ idle: 2, typeCheck: "unused" }); // started before anything is read
    const again = await running;
    expect(again.map((r) => r.status)).toEqual(["ok", "ok"]);
    expect(keptThreads().typeCheck).toBe("none"); // then ended unused: the cache answered
    endAllWorkers();
    const inputsOnly = executeNotebooks([a, b], { root, typesLikelyCached: true });
    expect(keptThreads().typeCheck).toBe("none"); // only inputs changed: not started at all
    await inputsOnly;
    expect(keptThreads().typeCheck).toBe("none");
  });
});
