/**
 * The notebook thread `fragtax run`'s bin starts before the CLI loads (src/notebook/thread-start.ts,
 * src/cli/boot.ts): the pool takes it, once, as its first thread; one that ended before it was taken
 * is not given a notebook (the pool starts another), and its failure does not end the process.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Worker } from "node:worker_threads";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { endAllWorkers, keptThreads, startWorkerEarly } from "../../src/notebook/pool";
import { startThreadForLater, takeThreadStartedEarly } from "../../src/notebook/thread-start";

const dir = mkdtempSync(join(tmpdir(), "fragtax-thread-start-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  takeThreadStartedEarly()?.terminate();
  endAllWorkers();
});

const doubler = join(dir, "doubler.cjs");
writeFileSync(doubler, 'const { parentPort } = require("node:worker_threads"); parentPort.on("message", (n) => parentPort.postMessage(n * 2));\n');
const failing = join(dir, "failing.cjs");
writeFileSync(failing, 'throw new Error("this thread fails as it starts");\n');

const ask = (worker: Worker, n: number): Promise<unknown> =>
  new Promise((resolve) => {
    worker.once("message", resolve);
    worker.postMessage(n);
  });

describe("a notebook thread started before the CLI loads", () => {
  it("is handed over once, running", async () => {
    startThreadForLater(doubler);
    const worker = takeThreadStartedEarly();
    expect(worker).toBeDefined();
    expect(takeThreadStartedEarly()).toBeUndefined();
    expect(await ask(worker as Worker, 21)).toBe(42);
    await worker?.terminate();
  });

  it("is not handed over once it has ended, and its error does not end the process", async () => {
    startThreadForLater(failing);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(takeThreadStartedEarly()).toBeUndefined();
  });

  it("is the pool's first thread: the pool starts none of its own for it", () => {
    startThreadForLater(doubler);
    startWorkerEarly(1);
    expect(keptThreads().idle).toBe(1);
    expect(takeThreadStartedEarly()).toBeUndefined();
  });
});
