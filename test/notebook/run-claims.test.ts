/**
 * Claims on model runs being computed (src/notebook/run-claims.ts), with real threads: a thread
 * that misses a run another thread is computing waits for it and is told to read it; a thread that
 * holds a claim, or is told not to wait, is not kept waiting; a stopped thread's claims are ended by
 * `releaseThread`; a table with no room claims nothing; a run kept by another thread between a miss and
 * its claim is read, not computed again.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { ModelRunFiles } from "../../src/notebook/model-runs";
import { newClaimTable, releaseThread, RunClaims, type Claim } from "../../src/notebook/run-claims";

const require = createRequire(import.meta.url);
const HOLDER = join(import.meta.dirname, "claims-holder.ts");
const file = (hex: string): string => `/cache/model-runs/${hex.padEnd(64, "0")}.bin`;

/** A thread holding the claim on `run` (`claims-holder.ts`); resolves once it holds it. */
async function holder(buffer: SharedArrayBuffer, run: string, holdMs: number, release: boolean): Promise<{ worker: Worker }> {
  const worker = new Worker(`require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(HOLDER)});`, { eval: true, workerData: { buffer, file: run, holdMs, release } });
  await new Promise<void>((resolve, reject) => {
    worker.on("error", reject);
    worker.once("message", (message) => (message === "mine" ? resolve() : reject(new Error(`the holder did not get the claim: ${String(message)}`))));
  });
  return { worker };
}

describe("claims on runs being computed", () => {
  it("makes a thread that misses a run another thread computes wait for it, then read it", async () => {
    const buffer = newClaimTable();
    const run = file("1a2b3c4d");
    const { worker } = await holder(buffer, run, 400, true);
    const claims = new RunClaims(buffer);
    const started = performance.now();
    expect(claims.claim(run, true)).toBe("finished");
    expect(performance.now() - started).toBeGreaterThan(250);
    // Finished and not read again: claimable by the next thread that misses it.
    expect(claims.claim(run, false)).toBe("mine");
    await worker.terminate();
  }, 20_000);

  it("never keeps a thread waiting that may not wait (it holds a claim of its own)", async () => {
    const buffer = newClaimTable();
    const run = file("22222222");
    const { worker } = await holder(buffer, run, 5000, true);
    const started = performance.now();
    expect(new RunClaims(buffer).claim(run, false)).toBe("unclaimed");
    expect(performance.now() - started).toBeLessThan(1000);
    await worker.terminate();
  }, 20_000);

  it("ends the claims of a thread that was stopped, so none waits for a run nobody computes", async () => {
    const buffer = newClaimTable();
    const run = file("33333333");
    const { worker } = await holder(buffer, run, 0, false);
    const claims = new RunClaims(buffer);
    expect(claims.claim(run, false)).toBe("unclaimed"); // still held
    const thread = worker.threadId;
    await worker.terminate();
    expect(claims.claim(run, false)).toBe("unclaimed"); // a stopped thread's claim outlives it …
    releaseThread(buffer, thread); // … until the main thread ends it
    expect(claims.claim(run, false)).toBe("mine");
  }, 20_000);

  it("claims nothing when the runs that share a slot fill its reach, and a claim is a thread's own", () => {
    const buffer = newClaimTable();
    const mine = new RunClaims(buffer, 7);
    const other = new RunClaims(buffer, 8);
    // Tags 1 + k·4096 all start at slot 1: sixteen fit (their slot and the fifteen after it), the seventeenth does not.
    const crowded = Array.from({ length: 17 }, (_, k) => file((1 + k * 4096).toString(16).padStart(8, "0")));
    expect(crowded.slice(0, 16).map((run) => mine.claim(run, false))).toEqual(Array(16).fill("mine"));
    expect(mine.claim(crowded[16] as string, false)).toBe("unclaimed");
    expect(other.claim(crowded[0] as string, false)).toBe("unclaimed");
    other.release(crowded[0] as string); // not its claim: nothing happens
    expect(other.claim(crowded[0] as string, false)).toBe("unclaimed");
    mine.release(crowded[0] as string);
    expect(other.claim(crowded[0] as string, false)).toBe("mine");
  });

  it("reads a run another thread kept between this one's miss and its claim, and ends the claim it took", () => {
    const dir = mkdtempSync(join(tmpdir(), "fragtax-claims-"));
    try {
      const buffer = newClaimTable();
      const module = { MODEL: { ids: { gpus: "essay_training_gpu_count" }, evaluate: () => ({}) } };
      const run = { inputs: { gpus: new Float64Array([1, 2]) }, outputs: {} };
      const allocate = (length: number): Float64Array => new Float64Array(length);
      const other = new ModelRunFiles(dir, "bundle-1", () => "", new RunClaims(buffer, 8));
      other.register("m", module);
      /** This thread's claims, where the other thread computes and keeps the run just before each claim lands. */
      class Late extends RunClaims {
        override claim(file: string, mayWait: boolean): Claim {
          expect(other.read(module.MODEL, "k", allocate)).toBeUndefined(); // it misses too, claims it, computes …
          other.write(module.MODEL, "k", run); // … keeps it and ends its claim: the slot says DONE
          return super.claim(file, mayWait);
        }
      }
      const files = new ModelRunFiles(dir, "bundle-1", () => "", new Late(buffer, 7));
      files.register("m", module);
      const kept = files.read(module.MODEL, "k", allocate);
      expect(kept?.column("input", "gpus")).toEqual(new Float64Array([1, 2]));
      expect(files.counts()).toEqual({ kept: 1, computed: 0 });
      // The claim it took was ended: a third thread that misses the run is not kept waiting for it.
      const [name] = readdirSync(dir);
      expect(new RunClaims(buffer, 9).claim(join(dir, name as string), false)).toBe("mine");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
