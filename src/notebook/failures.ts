/**
 * Where a notebook's run failed, as the analyst can act on it: a timeout, a stalled or crashed
 * thread, or a thrown error located at the failing cell's line (through its source map), with the
 * place in an imported project file after it and a hint for a file that is not there.
 */
import { existsSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";
import * as messages from "../messages/notebook";
import { at } from "../messages/location";
import { displayPath, isInside } from "../util/paths";
import { isCellFileName, type CompiledCell } from "./cells";
import { codeFrame } from "../util/code-frame";
import { cellError, firstFrame, mapThrough, missingFileHint, readSource, thrownInImport, type CellError } from "./errors";
import { BUNDLE_WRAPPER_PREFIX, ENGINE_ENTRIES, ENTRY_NAME, type ImportBundle } from "./imports";
import type { ThrownValue } from "./outputs";
import type { WorkerOutcome } from "./pool";
import type { PausedFrame } from "./paused-at";
import { placeholderAt, stringLiteralAt } from "./string-literals";
import { oxcParser, parseCell } from "./oxc";
import { argumentFieldAt } from "./value-place";
import { lineIndex } from "../util/text-position";

/** What a runtime error is located with: the cells' source maps and the import bundle's. */
export interface RunPlaces {
  readonly cells: readonly CompiledCell[];
  readonly notebook: string;
  readonly root: string;
  readonly bundle: ImportBundle;
  /** A Deno run: its stack names local files Deno loaded itself. */
  readonly deno: boolean;
}

export function locateFailure(outcome: WorkerOutcome, ended: Map<number, ThrownValue | null>, places: RunPlaces, timeoutMs: number): CellError | undefined {
  const { notebook } = places;
  if (outcome.kind === "timeout") {
    const evalue = outcome.cell < 1 ? messages.startTimedOut(timeoutMs / 1000) : messages.cellTimedOut(timeoutMs / 1000);
    if (outcome.frames === undefined) return cellError({ kind: "timeout", notebook, cell: outcome.cell, ename: "TimeoutError", evalue });
    // Where the thread was when it was stopped, located as a throw there would be: the cell's line, and
    // the place in an imported project file when the loop is in one.
    return locatedInCell({ ename: "TimeoutError", evalue, stack: asStack(outcome.frames) }, outcome.cell, places, { kind: "timeout", running: true });
  }
  if (outcome.kind === "stalled") return cellError({ kind: "stalled", notebook, cell: outcome.cell, ename: "StalledError", evalue: messages.cellStalled() });
  if (outcome.kind === "crashed") return cellError({ kind: "crash", notebook, cell: outcome.cell, ename: outcome.ename ?? "WorkerError", evalue: outcome.message });
  for (const [cell, thrown] of ended) {
    if (thrown) return locatedInCell(thrown, cell, places, { kind: "runtime", running: false });
  }
  return undefined;
}

/** Paused call frames as a V8 stack trace's frame lines, for the same reading as a thrown error's stack. */
function asStack(frames: readonly PausedFrame[]): string {
  return frames.map((frame) => `    at ${frame.name || "<anonymous>"} (${frame.file}:${frame.line}:${frame.column})`).join("\n");
}

/**
 * The notebook API's sources, the assumptions registry it serves and the model library (`monteCarlo`,
 * `runModel`): never the place an analyst acts on. Their errors say what the call did wrong (a model
 * output that is not a finite number), and "thrown in src/model/montecarlo.ts" with fragtax's own
 * `throw` under it was noise after the cell's line.
 */
const API_SOURCES = [dirname(ENGINE_ENTRIES["dist/api.js"] ?? "src/api/engine.ts"), "src/assumptions", dirname(ENGINE_ENTRIES["dist/model.js"] ?? "src/model/index.ts")];

/** Whether `file` is one of the project's API_SOURCES, as named or through a symlink (Deno reports real paths). */
function isApiSource(file: string, root: string): boolean {
  return API_SOURCES.some((folder) => {
    const named = join(root, folder);
    return isInside(named, file) || (existsSync(named) && isInside(realpathSync(named), file));
  });
}

/**
 * The failing cell's first stack frame, mapped back to its TypeScript: the line the analyst can act
 * on in that cell (a function from an earlier cell that throws is located at its call site here).
 * `running`: the stack is where a stopped thread was running, not where something was thrown.
 */
function locatedInCell(thrown: ThrownValue, cell: number, { cells, notebook, root, bundle, deno }: RunPlaces, how: { readonly kind: "runtime" | "timeout"; readonly running: boolean }): CellError {
  const frame = firstFrame(thrown.stack, (file) => isCellFileName(file) === cell);
  const compiled = cells.find((c) => c.cell === cell);
  const mapped = frame && compiled ? mapThrough(compiled.maps, frame) : undefined;
  // A value that is no Error has no stack: the cell's one throw statement is where it came from, if it has one.
  const thrownAt = thrown.notAnError === true && compiled !== undefined ? onlyThrow(compiled.source) : undefined;
  const atStatement = thrownAt && { line: thrownAt.line, column: thrownAt.column };
  const position =
    thrown.about !== undefined && compiled !== undefined
      ? (stringLiteralAt(compiled.source, thrown.about, mapped) ?? mapped)
      : thrown.placeholder !== undefined && compiled !== undefined && mapped !== undefined
        ? (placeholderAt(compiled.source, thrown.placeholder, mapped) ?? mapped)
        : thrown.field !== undefined && compiled !== undefined && mapped !== undefined
          ? (argumentFieldAt(compiled.source, mapped, thrown.field) ?? mapped)
          : (mapped ?? atStatement);
  const located = cellError({ kind: how.kind, notebook, cell, ...(position ?? {}), ename: thrown.ename, evalue: thrown.evalue }, compiled?.source);
  const found = thrown.notAnError === true ? { ...located, frame: [located.frame, messages.thrownNotAnError(thrown.evalue, position === undefined ? undefined : position === atStatement ? thrownAt?.how : "stack")].filter((part) => part !== undefined).join("\n") } : located;
  // A file that is not there: Node names it by its absolute path only; say it as the project does, with the nearest name.
  const missing = missingFileHint(thrown.evalue, root, dirname(join(root, notebook)));
  const error = missing === undefined ? found : { ...found, frame: [found.frame, missing].filter((part) => part !== undefined).join("\n") };
  // Thrown inside an imported project file: that place too, with its code frame, after the cell's.
  const origin = thrownInImport(thrown.stack, { file: ENTRY_NAME, map: bundle.map, prefix: BUNDLE_WRAPPER_PREFIX }, root, { fileUrls: deno });
  // The notebook API's and the model library's own checks (`nb.figure` without a label, an unknown
  // assumption id, a model output that is not finite) already say what the call did wrong; under Deno
  // the registry behind `nb.assumptions` is bundled with it.
  if (origin === undefined || isApiSource(origin.file, root)) return error;
  const where = at({ file: displayPath(origin.file, root), line: origin.line, column: origin.column });
  const source = readSource(origin.file);
  const parts = [error.frame, how.running ? messages.runningInImport(where) : messages.thrownInImport(where), source === undefined ? undefined : codeFrame(source, origin.line, origin.column)];
  return { ...error, frame: parts.filter((part) => part !== undefined).join("\n") };
}

/** The place of a cell's throw statement when it has exactly one (read from its syntax tree; none when oxc cannot read it). */
function onlyThrow(source: string): { line: number; column: number; how: "throw" | "await" } | undefined {
  const program = parseCell(source);
  const parser = oxcParser();
  if (program === undefined || parser === null) return undefined;
  const throws: number[] = [];
  const awaits: number[] = [];
  new parser.Visitor({ ThrowStatement: (node) => void throws.push(node.start), AwaitExpression: (node) => void awaits.push(node.start) }).visit(program);
  // Without a throw statement, such a value came out of a promise the cell awaited (`await Promise.reject()`): its one await, if it has one.
  const [start, how] = throws.length === 1 ? [throws[0], "throw" as const] : throws.length === 0 && awaits.length === 1 ? [awaits[0], "await" as const] : [undefined, undefined];
  return start === undefined || how === undefined ? undefined : { ...lineIndex(source)(start), how };
}
