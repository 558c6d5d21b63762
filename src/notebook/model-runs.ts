/**
 * The engine's store of model runs (src/model/run-memo.ts says what is kept and why a kept run is
 * the run computing it again would give). One file per run in `out/.cache/engine/model-runs/`,
 * shared by the notebooks of a build, its threads and later builds:
 *
 *   name    sha256 of the format, the byte order, the hash of the notebook's import bundle (all the
 *           code a bundled model can run), the model's name, the run key and the files and
 *           environment variables the notebook has read (`outside`)
 *   model   only models a bundled module exports (`register`), named `<specifier>#<export>` (or
 *           `#<export>[i]`, `#<export>[i].model` in an exported list); a model made in a cell closes
 *           over cell state the key cannot see, so it is never kept, and neither is an exported
 *           model while a cell has changed anything the modules export (the model's fields,
 *           another model it may call, a table it reads), as far as JSON shows it (not a Map's
 *           entries: there, as for a module's unexported state, only run-memo.ts's check of a
 *           few draws stands)
 *   file    model-run-file.ts: a header (name, key, column names, each block's sha256), the
 *           summaries and each column's values at the checked draws, then the columns, each read
 *           (when the notebook asks for it) straight into an array of the notebook's own
 *   beside  values computed from the run's columns (its rank correlations), a file each
 *           (derived-values.ts), tied to the run's content, not to its file's name
 *
 * Reads check the header's name and key, the file's length and each block's digest as it is read (a
 * flipped bit would otherwise be served as a number); anything else is a miss, and a column that
 * fails later has its run computed instead (run-memo.ts), counted computed. Writes are atomic (a reader
 * never sees half a file) and may fail: the cell goes on with the run it computed, and the engine
 * then ends the notebook with the refusal, located (exit 2), as every cache does (`refused`). A read touches the file, so `pruneModelRuns` removes the runs used
 * longest ago when the folder outgrows its budget; it also removes a write's temporary file a
 * `kill -9` left behind, once it is a minute old.
 */
import { endianness } from "node:os";
import { join } from "node:path";
import type { DerivedValues, KeptRun, ModelRunCounts, ModelRunStore, RefusedWrite, RunColumns } from "../vocabulary/kept-runs";
import { derivedValues } from "./derived-values";
import { encode, FORMAT, openRunFile, type OpenedRun } from "./model-run-file";
import type { RunClaims } from "./run-claims";
import { writeFileAtomicSync } from "../util/atomic";
import { pruneDue, pruneFolderSync, touchSync } from "../util/prune";
import { sha256 } from "../util/hash";
import { makeFolderSync } from "../util/folders";

/** Past this many bytes, a build's end removes the runs used longest ago (down to half of it). */
export const MODEL_RUNS_BUDGET = 256 * 1024 * 1024;

/** A module's exports as it made them: their fields as JSON, the functions among them by identity. */
interface State {
  readonly data: string;
  readonly functions: readonly unknown[];
}

export class ModelRunFiles implements ModelRunStore {
  /** Each exported model's name; whether it is still as exported is `#exported`'s to say. */
  readonly #models = new WeakMap<object, string>();
  /**
   * Every imported module's exports as they were loaded, models and data alike: a model may read an
   * exported table (`RATES.factor`) or call another exported model, which the key cannot see, so
   * while a cell has changed any of them nothing is served. Undefined: one could not be compared.
   */
  #exported: { readonly namespace: object; readonly state: State }[] | undefined = [];
  /** What `outside` said when each key was read: a run whose computing read more is not kept. */
  readonly #readWith = new Map<string, string>();
  #made = false;
  #asked = 0;
  /** Each run a read found: kept, unless its reader did not take it after all (`spoiled`). */
  readonly #found: { spoiled: boolean }[] = [];
  /** The run the last read found: written next, it was not taken (run-memo.ts checks a kept run first). */
  #lastFound: { spoiled: boolean } | undefined;
  /** The runs this notebook is computing under a claim (run-claims.ts), by key: each file ends its claim when written. */
  readonly #claimed = new Map<string, string>();
  /** The first write the folder refused, for the engine to say (execute.ts); later ones add nothing. */
  #refused: RefusedWrite | undefined;

  /**
   * `outside`: the files and environment variables the notebook has read so far, as text. A module
   * may read them as it loads (a table, a rate) and its model close over them, and the bundle's hash
   * cannot see them: they are part of the key.
   */
  constructor(
    private readonly dir: string,
    private readonly bundleHash: string,
    private readonly outside: () => string = () => "",
    /** The process's claims on runs being computed (run-claims.ts): absent, every miss is computed here. */
    private readonly claims?: RunClaims,
  ) {}

  /** The models `namespace` exports: directly, or in an exported list (`[i]`, `[i].model`). */
  register(specifier: string, namespace: unknown): void {
    if (typeof namespace !== "object" || namespace === null) return;
    const state = stateOf(namespace);
    if (state === undefined) this.#exported = undefined;
    else this.#exported?.push({ namespace, state });
    for (const [name, value] of Object.entries(namespace)) {
      this.#add(value, `${specifier}#${name}`);
      if (!Array.isArray(value)) continue;
      value.forEach((item: unknown, i) => {
        this.#add(item, `${specifier}#${name}[${i}]`);
        if (typeof item === "object" && item !== null) this.#add((item as { model?: unknown }).model, `${specifier}#${name}[${i}].model`);
      });
    }
  }

  /**
   * Why a run could not be kept, when the folder refused a write (no permission, an immutable folder,
   * a full disk): the build goes on computing every run again, so the engine ends it with the path,
   * as every other cache does. Undefined while every write landed.
   */
  refused(): RefusedWrite | undefined {
    return this.#refused;
  }

  /** The runs asked for so far: kept ones read, the others computed (for the build's "model runs" note). */
  counts(): ModelRunCounts {
    const kept = this.#found.filter((found) => !found.spoiled).length;
    return { kept, computed: this.#asked - kept };
  }

  read(model: object, key: string, allocate: (length: number) => Float64Array): KeptRun | undefined {
    this.#asked += 1;
    this.#lastFound = undefined;
    const name = this.#nameOf(model);
    if (name === undefined) return undefined;
    const outside = this.outside();
    this.#readWith.set(key, outside);
    const file = this.#file(name, key, outside);
    let run = this.#open(file, name, `${key}\n${outside}`, allocate);
    if (run === "missing" && this.claims !== undefined) {
      // Not kept yet: computed here, or, while another thread computes it, read once that one has kept it.
      const claim = this.claims.claim(file, this.#claimed.size === 0);
      if (claim !== "unclaimed") run = this.#open(file, name, `${key}\n${outside}`, allocate);
      // Mine, yet kept after all: another thread finished it between the miss and the claim (or while
      // this one, woken by its wait's time slice, had not yet looked again), so it is read, not computed.
      if (claim === "mine" && typeof run === "object") this.claims.release(file);
      else if (claim === "mine") this.#claimed.set(key, file);
    }
    if (run === undefined || run === "missing") return undefined;
    const found = { spoiled: false };
    this.#found.push(found);
    this.#lastFound = found;
    touchSync(file); // used now: pruning removes the runs used longest ago
    const { digests: _digests, ...kept } = run;
    return { ...kept, spoil: () => void (found.spoiled = true), derived: derivedValues(file, run, (error) => this.#refuse(error)) };
  }

  write(model: object, key: string, run: RunColumns): DerivedValues | undefined {
    try {
      return this.#keep(model, key, run);
    } finally {
      this.abandon(model, key); // kept or not, a thread waiting for it may go on
    }
  }

  /** The run of `model` under `key` is not being computed here any more (its computing failed): its claim ends. */
  abandon(_model: object, key: string): void {
    const file = this.#claimed.get(key);
    if (file === undefined) return;
    this.#claimed.delete(key);
    this.claims?.release(file);
  }

  /** Ends every claim this notebook still holds (its end, whatever happened). */
  releaseClaims(): void {
    for (const file of this.#claimed.values()) this.claims?.release(file);
    this.#claimed.clear();
  }

  #keep(model: object, key: string, run: RunColumns): DerivedValues | undefined {
    // A write right after a read that found the run: the run was not taken (run-memo.ts checks it first),
    // whether or not this one is kept (evaluating the model may have changed what the modules export).
    if (this.#lastFound !== undefined) this.#lastFound.spoiled = true;
    this.#lastFound = undefined;
    const name = this.#nameOf(model);
    if (name === undefined) return undefined;
    // Computing it read a file or a variable it had not before (a model that loads a table when first
    // evaluated): the next notebook's key cannot name that read before it computes, so it is not kept.
    const outside = this.outside();
    if (this.#readWith.get(key) !== outside) return undefined;
    const file = this.#file(name, key, outside);
    try {
      if (!this.#made) makeFolderSync(this.dir);
      this.#made = true;
      const { chunks, digests } = encode(run, name, `${key}\n${outside}`);
      writeFileAtomicSync(file, chunks);
      return derivedValues(file, { inputs: Object.keys(run.inputs), outputs: Object.keys(run.outputs), digests }, (error) => this.#refuse(error));
    } catch (error) {
      // Not kept; the cell goes on with the run it computed, and the engine says why once the cells end.
      this.#refuse(error);
      return undefined;
    }
  }

  /** Notes the first write the folder refused. A rename names the file in `dest`; `path` is then the temporary file, which no user ever saw. */
  #refuse(error: unknown): void {
    const { code, path, dest } = error as NodeJS.ErrnoException & { dest?: string };
    this.#refused ??= { code: code ?? "EIO", path: dest ?? path ?? this.dir };
  }

  /** The kept run in `file`; undefined when the file holds another run or is damaged; "missing" when there is no file. */
  #open(file: string, name: string, key: string, allocate: (length: number) => Float64Array): OpenedRun | undefined | "missing" {
    try {
      return openRunFile(file, name, key, allocate);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "ENOENT" ? "missing" : undefined; // unreadable: computed
    }
  }

  #add(value: unknown, name: string): void {
    if (isModel(value) && !this.#models.has(value)) this.#models.set(value, name);
  }

  /**
   * The registered name, while everything the modules export is as they made it (`#exported`): the
   * model itself in every field (an object literal's `evaluate` may read `MODEL.params.rate`, which a
   * cell can set), the models it may call, the tables it may read.
   */
  #nameOf(model: object): string | undefined {
    const name = this.#models.get(model);
    if (name === undefined) return undefined;
    return this.#exported?.every(({ namespace, state }) => unchanged(namespace, state)) === true ? name : undefined;
  }

  #file(name: string, key: string, outside: string): string {
    return join(this.dir, `${sha256([FORMAT, endianness(), this.bundleHash, name, key, outside].join("\n"))}.bin`);
  }
}

function unchanged(value: object, was: State): boolean {
  const now = stateOf(value);
  return now !== undefined && now.data === was.data && now.functions.length === was.functions.length && now.functions.every((fn, i) => fn === was.functions[i]);
}

/** `value`'s fields, deeply: data as JSON, functions by identity (a cell may replace one). */
function stateOf(value: object): State | undefined {
  const functions: unknown[] = [];
  try {
    const data = JSON.stringify(value, (_key, field: unknown) => (typeof field === "function" ? `ƒ${functions.push(field)}` : field));
    return { data, functions };
  } catch {
    return undefined; // a cycle or a BigInt: a state this cannot compare, so nothing is kept
  }
}

function isModel(value: unknown): value is { readonly ids: Readonly<Record<string, unknown>>; readonly evaluate: unknown } {
  if (typeof value !== "object" || value === null) return false;
  const { ids, evaluate } = value as { ids?: unknown; evaluate?: unknown };
  return typeof evaluate === "function" && typeof ids === "object" && ids !== null && Object.values(ids).every((id) => typeof id === "string");
}

/** `pruneModelRuns`, when the folder is due one (util/prune.ts `pruneDue`: a build's notebooks each end with it; so does `dev`'s every rebuild). */
export function pruneModelRunsNow(dir: string): void {
  if (pruneDue(dir)) pruneModelRuns(dir);
}

/**
 * Removes what a write killed midway left (its temporary file, once stale), then the runs used
 * longest ago while the folder holds more than `budget` bytes (to half of it): util/prune.ts.
 */
export function pruneModelRuns(dir: string, budget = MODEL_RUNS_BUDGET, now = Date.now()): void {
  pruneFolderSync(dir, budget, now);
}
