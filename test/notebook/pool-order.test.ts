import { describe, expect, it } from "vitest";
import { allInOrder, limiter, mapConcurrent } from "../../src/notebook/pool";

/** Resolves or rejects after `ms`, so the later item in input order can finish first. */
const after = <T>(ms: number, outcome: () => T): Promise<T> => new Promise((resolve, reject) => setTimeout(() => {
  try {
    resolve(outcome());
  } catch (error) {
    reject(error instanceof Error ? error : new Error(String(error)));
  }
}, ms));

describe("several notebooks failing at once report the first in input order", () => {
  it("allInOrder: the earlier item's error, though the later one failed first", async () => {
    const promises = [after(40, () => { throw new Error("first notebook"); }), after(1, () => { throw new Error("second notebook"); })];
    await expect(allInOrder(promises)).rejects.toThrow("first notebook");
  });

  it("allInOrder: results keep the input order", async () => {
    await expect(allInOrder([after(30, () => "a"), after(1, () => "b")])).resolves.toEqual(["a", "b"]);
  });

  it("mapConcurrent: the earlier item's error, and nothing new starts after a failure", async () => {
    const started: number[] = [];
    const run = mapConcurrent([40, 1, 1, 1], 2, (ms, index) => {
      started.push(index);
      return after(ms, () => { throw new Error(`item ${index}`); });
    });
    await expect(run).rejects.toThrow("item 0");
    expect(started).toEqual([0, 1]);
  });

  it("mapConcurrent: results keep the input order", async () => {
    await expect(mapConcurrent([30, 1, 5], 2, (ms) => after(ms, () => ms))).resolves.toEqual([30, 1, 5]);
  });
});

describe("limiter: at most N at once, in call order", () => {
  it("limiter(1) runs one function at a time (a build draws its charts so: one random generator at a time)", async () => {
    const one = limiter(1);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (n: number, ms: number) => one(async () => {
      running++;
      most = Math.max(most, running);
      await after(ms, () => undefined);
      order.push(n);
      running--;
    });
    await Promise.all([job(1, 30), job(2, 1), job(3, 10)]);
    expect(most).toBe(1);
    expect(order).toEqual([1, 2, 3]);
  });

  it("limiter(2) lets two run together, and a rejection frees its place", async () => {
    const two = limiter(2);
    let running = 0;
    let most = 0;
    const job = (fail: boolean) => two(async () => {
      running++;
      most = Math.max(most, running);
      await after(10, () => undefined);
      running--;
      if (fail) throw new Error("failed");
    });
    const results = await Promise.allSettled([job(true), job(false), job(false), job(false)]);
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled", "fulfilled"]);
  });
});
