/**
 * A thread that holds a claim (run-claims.ts), for run-claims.test.ts: it claims `file`, says so,
 * holds it `holdMs`, then releases it, or, with `release: false`, keeps it until it is stopped.
 */
import { parentPort, workerData } from "node:worker_threads";
import { RunClaims } from "../../src/notebook/run-claims";

const { buffer, file, holdMs, release } = workerData as { buffer: SharedArrayBuffer; file: string; holdMs: number; release: boolean };
const claims = new RunClaims(buffer);
parentPort?.postMessage(claims.claim(file, false));
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs);
if (release) claims.release(file);
parentPort?.postMessage("released");
if (!release) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); // until stopped
