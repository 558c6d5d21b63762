/**
 * Claims on the model runs being computed, shared by a process's notebook threads, so that two
 * chapters of one build that need the same run compute it once: the report's summary re-runs every
 * chapter's model while the chapters run beside it, and after a change both it and the chapter it
 * touched computed the same runs at the same moment (a cold build computed 17 runs, ~4 of them twice).
 *
 * A thread that misses a kept run claims it (model-runs.ts) and computes it; another thread that
 * misses the same run meanwhile waits until the claim ends, then reads the file the first one kept.
 * A claim ends when its run is written (or not kept), when the computing fails, when the notebook
 * ends, and, for a thread that was stopped (a cell's time limit, a crash), when the main thread sees
 * it go (`releaseThread`). A thread holding a claim never waits, so no two threads wait for each other;
 * waiting is also bounded. Only the claim is shared: the run itself goes through the file, as between
 * builds. A process that is killed takes its claims with it: they live in its memory only.
 *
 * The table: SLOTS pairs of 32-bit words in one SharedArrayBuffer — the run's tag (31 bits of its
 * file name, a sha256, never 0) and its state: FREE, the id of the thread computing it, or DONE. A
 * slot keeps its tag for the process's life; a full table (a very long `fragtax dev`) only claims
 * nothing, and the runs are computed as without it.
 */
import { threadId as ownThreadId } from "node:worker_threads";

const SLOTS = 4096;
/** Slots tried after a run's own before it is left unclaimed. */
const PROBES = 16;
const FREE = 0;
const DONE = -1;
/** A last resort: a claim is ended by its thread or by the main thread when that thread goes. */
const MAX_WAIT_MS = 10 * 60_000;

/** The process's table, made by the main thread and sent with each notebook's program. */
let table: SharedArrayBuffer | undefined;
export function claimTable(): SharedArrayBuffer {
  return (table ??= newClaimTable());
}

/** An empty table (the process has one, `claimTable`; a test makes its own). */
export function newClaimTable(): SharedArrayBuffer {
  return new SharedArrayBuffer(SLOTS * 2 * Int32Array.BYTES_PER_ELEMENT);
}

/** What `claim` found: this thread computes the run; another thread finished it (read it again); or nothing to claim (compute it). */
export type Claim = "mine" | "finished" | "unclaimed";

export class RunClaims {
  readonly #words: Int32Array;
  /** The state that says this thread computes a run (`ownerOf`). */
  readonly #owner: number;

  constructor(buffer: SharedArrayBuffer, thread: number = ownThreadId) {
    this.#words = new Int32Array(buffer);
    this.#owner = ownerOf(thread);
  }

  /**
   * Claims the run kept in `file` (a sha256-named file: its name is the tag). While another thread
   * computes it, waits for it (unless `mayWait` is false: the caller holds a claim of its own).
   */
  claim(file: string, mayWait: boolean): Claim {
    const slot = this.#slotOf(tagOf(file));
    if (slot === undefined) return "unclaimed";
    const state = 2 * slot + 1;
    for (const started = Date.now(); ; ) {
      const now = Atomics.load(this.#words, state);
      if (now === FREE || now === DONE || now === this.#owner) {
        if (Atomics.compareExchange(this.#words, state, now, this.#owner) === now) return "mine";
        continue; // another thread took it meanwhile
      }
      if (!mayWait) return "unclaimed";
      const left = MAX_WAIT_MS - (Date.now() - started);
      if (left <= 0) return "unclaimed";
      if (Atomics.wait(this.#words, state, now, Math.min(left, 1000)) !== "timed-out" && Atomics.load(this.#words, state) !== now) return "finished";
    }
  }

  /** Ends this thread's claim on `file`: a thread waiting for it reads the file (or, if it was not kept, claims it). */
  release(file: string): void {
    const slot = this.#slotOf(tagOf(file), false);
    if (slot === undefined) return;
    const state = 2 * slot + 1;
    if (Atomics.compareExchange(this.#words, state, this.#owner, DONE) === this.#owner) Atomics.notify(this.#words, state);
  }

  /** The slot of `tag`: found, or taken if `take` and one is free within reach; undefined otherwise. */
  #slotOf(tag: number, take = true): number | undefined {
    const home = tag % SLOTS;
    for (let probe = 0; probe < PROBES; probe++) {
      const slot = (home + probe) % SLOTS;
      const held = Atomics.load(this.#words, 2 * slot);
      if (held === tag) return slot;
      if (held !== FREE) continue;
      if (!take) return undefined;
      const was = Atomics.compareExchange(this.#words, 2 * slot, FREE, tag);
      if (was === FREE || was === tag) return slot;
    }
    return undefined;
  }
}

/** Ends every claim of a thread that was stopped or crashed (called by the main thread as it goes). */
export function releaseThread(buffer: SharedArrayBuffer, thread: number): void {
  const words = new Int32Array(buffer);
  const owner = ownerOf(thread);
  for (let slot = 0; slot < SLOTS; slot++) {
    const state = 2 * slot + 1;
    if (Atomics.compareExchange(words, state, owner, DONE) === owner) Atomics.notify(words, state);
  }
}

/** A thread's mark in a slot: its id + 1 (the main thread's id is 0, which marks a free slot). */
const ownerOf = (thread: number): number => thread + 1;

/** 31 bits of the file's sha256 name (never 0, which marks a free slot). */
function tagOf(file: string): number {
  const name = /([0-9a-f]{8})[0-9a-f]*\.bin$/.exec(file)?.[1];
  const bits = name === undefined ? hashText(file) : Number.parseInt(name, 16) & 0x7fffffff;
  return bits === 0 ? 1 : bits;
}

function hashText(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) & 0x7fffffff;
  return hash;
}
