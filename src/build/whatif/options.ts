/**
 * The what-if flags of `fragtax build` (and `dev`): `--set id=value|low..high` (repeatable) and
 * `--assumptions FILE`. The build command calls `addWhatIfOptions(command)` and, once it has loaded
 * the registry, `whatIfFromOptions(options, ids)`; overrides then go to `registry.withOverrides(…)`
 * and the returned `WhatIf` into the build result (banner + publish refusal).
 */
import { stat } from "node:fs/promises";
import { InputFileNotUtf8Error, InputPastLimitError, inputText, readNamedInput } from "../../util/plain-file";
import { MAX_ASSUMPTIONS_FILE_MB } from "../../util/limits";
import { assumptionsFileTooLarge } from "../../messages/assumptions";
import { AssumptionError } from "../../assumptions/errors";
import { assumptionContent } from "../../assumptions/content";
import { canonicalJson } from "../../util/hash";
import type { Assumption } from "../../assumptions/types";
import type { AssumptionRegistry } from "../../assumptions/registry";
import type { AssumptionOverride, WhatIf } from "./overrides";
import { WhatIfError, checkSetFlagsOnce, collectProblems, describeOverride, mergeOverrides, overridePlaces, parseSetFlag } from "./overrides";
import * as messages from "../../messages/whatif";
import { readFailure } from "../../messages/fs";
import { at, located } from "../../messages/location";

export { addWhatIfOptions, type WhatIfOptions } from "./flags";
import type { WhatIfOptions } from "./flags";
import type { OriginalAssumptions } from "./overrides-file";


/**
 * The options with the overrides file read. A build reads it before it locks its outputs: a pipe
 * (`--assumptions <(…)`) waits for its writer, and a named pipe nothing writes to held out/.build.lock
 * while it waited, so every other build waited too.
 */
export async function withOverridesFileRead(options: WhatIfOptions): Promise<WhatIfOptions> {
  if (!options.assumptions || options.assumptionsText !== undefined) return options;
  return { ...options, assumptionsText: await readOverridesText(options.assumptions) };
}

async function readOverridesText(file: string): Promise<string> {
  try {
    // A device (/dev/zero) would be read until memory ran out: "Invalid string length". A pipe
    // (`<(…)`, /dev/stdin) is ordinary input, read no further than an assumptions file may be long.
    const info = await stat(file);
    if (info.isCharacterDevice() || info.isBlockDevice() || info.isDirectory()) throw new WhatIfError(messages.unreadableOverridesFile(file, messages.notAPlainFile()));
    return inputText(file, await readNamedInput(file, MAX_ASSUMPTIONS_FILE_MB * 1024 * 1024));
  } catch (error) {
    if (error instanceof WhatIfError) throw error;
    if (error instanceof InputFileNotUtf8Error) throw new WhatIfError(error.message);
    // Said as the overrides file's parser says it of a file of that size (overrides-file.ts).
    if (error instanceof InputPastLimitError) throw new WhatIfError(located({ file, line: 1, column: 1 }, assumptionsFileTooLarge(error.bytes / (1024 * 1024), MAX_ASSUMPTIONS_FILE_MB, error.whole)));
    throw new WhatIfError(messages.unreadableOverridesFile(file, readFailure(error)));
  }
}

/** Null when no override was asked for; throws WhatIfError (exit 2) on unknown ids or bad values. */
export async function whatIfFromOptions(options: WhatIfOptions, knownIds: readonly string[], original?: OriginalAssumptions): Promise<WhatIf | null> {
  const { whatIf, problems } = await readWhatIf(options, knownIds, original);
  if (problems.length > 0) throw new WhatIfError(problems.join("\n"));
  return whatIf;
}

/**
 * The overrides that could be read, and the problems of those that could not, each a located line;
 * `flagged`: the ids --set gives; `fileGave`: whether the overrides file gave any override.
 */
async function readWhatIf(options: WhatIfOptions, knownIds: readonly string[], original?: OriginalAssumptions): Promise<{ whatIf: WhatIf | null; problems: string[]; notes: string[]; flagged: ReadonlySet<string>; fileGave: boolean }> {
  const sources: string[] = [];
  const problems: string[] = [];
  const file = options.assumptions;
  let fromFile: readonly AssumptionOverride[] = [];
  if (file) {
    const text = options.assumptionsText ?? (await readOverridesText(file));
    const { readOverridesFile } = await import("./overrides-file");
    // Its entries' problems are added as they are read; one of the whole file (its syntax) is caught here.
    fromFile = collectProblems(problems, () => readOverridesFile(text, file, knownIds, problems, original));
    sources.push(file);
  }
  const flags = options.set ?? [];
  let fromFlags: readonly AssumptionOverride[] = [];
  if (flags.length > 0) {
    // Every flag's problem, with the file's: one build attempt says all of them.
    fromFlags = flags.flatMap((flag) => collectProblems(problems, () => [parseSetFlag(flag, knownIds)]));
    collectProblems(problems, () => {
      checkSetFlagsOnce(flags);
      return [];
    });
    sources.push("--set");
  }
  const overrides = mergeOverrides([fromFile, fromFlags]);
  // A --set given for an id the file sets too wins (README), and is said to: the file's value is not used.
  const flagged = new Set(fromFlags.map((override) => override.id));
  const notes = file ? fromFile.filter((override) => flagged.has(override.id)).map((override) => messages.setOverridesFile(describeOverride(override), file)) : [];
  return { whatIf: overrides.length > 0 ? { overrides, sources } : null, problems, notes, flagged, fileGave: fromFile.length > 0 };
}

/**
 * The registry a what-if build runs on, and its `WhatIf` (null for a normal build). Values the
 * registry rejects (e.g. a non-positive range for a lognormal) become usage errors (exit 2).
 * `original`: the assumptions file the registry was read from, which a what-if file's copy of it is compared with.
 */
export async function applyWhatIf(
  registry: AssumptionRegistry,
  options: WhatIfOptions,
  original?: OriginalAssumptions,
): Promise<{ registry: AssumptionRegistry; whatIf: WhatIf | null; notes: readonly string[]; fileOverridesNothing: boolean }> {
  const { whatIf, problems, notes, flagged, fileGave } = await readWhatIf(options, registry.all().map((assumption) => assumption.id), original);
  // An overrides file none of whose values or ranges differ from the assumptions file's (an unedited copy).
  const fileOverridesNothing = options.assumptions !== undefined && !fileGave;
  // The overrides that could be read are tried even when others could not: what the assumptions refuse
  // of them (a share of 40, a negative price) is said in the same attempt, after the reading's problems.
  let applied = registry;
  const rejected: string[] = [];
  if (whatIf) {
    try {
      applied = registry.withOverrides(whatIf.overrides);
    } catch (error) {
      if (!(error instanceof AssumptionError)) throw error;
      // Named by where the override was given (the flag, or the overrides file), with where the assumption is defined.
      const givenAt = (id: string | undefined): string => {
        const flag = (options.set ?? []).filter((candidate) => candidate.slice(0, candidate.indexOf("=")).trim() === id).at(-1);
        const override = whatIf.overrides.find((candidate) => candidate.id === id);
        return flag !== undefined ? `--set ${flag}` : ((override && overridePlaces.get(override)) ?? options.assumptions ?? "--set");
      };
      rejected.push(...error.problems.map((p) => (p.reason === undefined ? located(p, p.text) : messages.overrideRejected(givenAt(p.id), p.reason, at(p), p.place ?? "assumption"))));
    }
  }
  if (problems.length + rejected.length > 0) throw new WhatIfError([...problems, ...rejected].join("\n"));
  if (whatIf === null) return { registry: applied, whatIf, notes, fileOverridesNothing };
  // An override that leaves its assumption as the file has it (`--set` of the file's own value or range)
  // changes nothing: said, and not a what-if, as an unedited `--assumptions` copy is not (README).
  // Compared without the source, whose title an override always marks as the what-if's.
  const numbers = (assumption: Assumption): string => {
    const { source: _source, ...content } = assumptionContent(assumption);
    return canonicalJson(content);
  };
  const same = (id: string): boolean => numbers(registry.get(id)) === numbers(applied.get(id));
  const inert = whatIf.overrides.filter((override) => same(override.id));
  if (inert.length === 0) return { registry: applied, whatIf, notes, fileOverridesNothing };
  const said = [...notes, ...inert.map((override) => messages.overrideChangesNothing(describeOverride(override), original?.name ?? registry.fileName))];
  const kept = whatIf.overrides.filter((override) => !inert.includes(override));
  if (kept.length === 0) return { registry, whatIf: null, notes: said, fileOverridesNothing };
  // The sources are those the kept overrides came from: a --set that overrode nothing is not one.
  const [fromFile, fromFlags] = [kept.some((override) => !flagged.has(override.id)), kept.some((override) => flagged.has(override.id))];
  const sources = [...(fromFile && options.assumptions !== undefined ? [options.assumptions] : []), ...(fromFlags ? ["--set"] : [])];
  return { registry: registry.withOverrides(kept), whatIf: { overrides: kept, sources }, notes: said, fileOverridesNothing };
}
