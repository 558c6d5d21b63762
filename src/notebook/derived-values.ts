/**
 * What is kept beside a kept model run (vocabulary/kept-runs.ts `DerivedValues`): values computed from
 * its columns alone, each in a file of its own next to the run's, named by the run's file and the
 * value's name. The report's summary and chapter 8 both rank the same run's ~20 columns for its rank
 * correlations; kept, a warm run of either reads a few hundred bytes where it ranked 10,000 draws
 * per column.
 *
 * A value is served only for the run it was computed from: its file holds the value's name and the
 * run's content (the sha256 of the run's column digests: a run computed again under the same file
 * name, when its model no longer gave the kept draws, is another run), and its text is checked
 * against its sha256. Whether the caller's columns are still the kept ones is `intact`'s to say (a cell may
 * have written to a column it was handed). A value that cannot be read is computed again; one that
 * cannot be written is the store's refusal to say, as a run's is.
 */
import { readFileSync } from "node:fs";
import { types } from "node:util";
import type { DerivedValues, HeldColumn } from "../vocabulary/kept-runs";
import { writeFileAtomicSync } from "../util/atomic";
import { sha256 } from "../util/hash";
import { touchSync } from "../util/prune";
import { bytesOf, columnId } from "./model-run-file";

/** The format of a derived value's file, part of its contents. */
const FORMAT = "derived-2";

interface DerivedFile {
  readonly format: string;
  /** The sha256 of the run's column digests, in order: the run's content, whatever its file is named. */
  readonly run: string;
  readonly name: string;
  readonly sha256: string;
  readonly value: string;
}

/**
 * The values kept beside the run in `runFile`, whose columns are `inputs` and `outputs` with the
 * sha256 of each in `digests` (by `columnId`). `refused` hears of a write the folder refused.
 */
export function derivedValues(
  runFile: string,
  run: { readonly inputs: readonly string[]; readonly outputs: readonly string[]; readonly digests: ReadonlyMap<string, string> },
  refused: (error: unknown) => void,
): DerivedValues {
  const runName = sha256([...run.digests].map(([id, digest]) => `${id}\0${digest}`).join("\n"));
  const fileOf = (name: string): string => `${runFile.replace(/\.bin$/, "")}.${sha256(name).slice(0, 16)}.json`;
  return {
    intact(inputs, outputs, held) {
      return sameList(inputs, run.inputs) && sameList(outputs, run.outputs) && held.every((column) => isKept(column, run.digests));
    },
    read(name) {
      const file = fileOf(name);
      let kept: Partial<DerivedFile>;
      try {
        kept = JSON.parse(readFileSync(file, "utf8")) as Partial<DerivedFile>;
      } catch {
        return undefined; // none yet, or damaged: computed again
      }
      if (kept.format !== FORMAT || kept.run !== runName || kept.name !== name || typeof kept.value !== "string" || kept.sha256 !== sha256(kept.value)) return undefined;
      touchSync(file); // used now: pruning removes what was used longest ago
      return kept.value;
    },
    write(name, json) {
      const kept: DerivedFile = { format: FORMAT, run: runName, name, sha256: sha256(json), value: json };
      try {
        writeFileAtomicSync(fileOf(name), JSON.stringify(kept));
      } catch (error) {
        refused(error);
      }
    },
  };
}

function isKept(column: HeldColumn, digests: ReadonlyMap<string, string>): boolean {
  const digest = digests.get(columnId(column.kind, column.name));
  return digest !== undefined && types.isFloat64Array(column.values) /* an array of the notebook's realm */ && sha256(bytesOf(column.values)) === digest;
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item, i) => item === b[i]);
