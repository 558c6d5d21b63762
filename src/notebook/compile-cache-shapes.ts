/**
 * What the engine's cache entries (compile-cache.ts) must hold to be used: a compiled cell, a bundle
 * with the stamps of its files, a type check with the stamps of its. The seal (util/sealed.ts) catches
 * an entry whose bytes changed; an entry sealed again after an edit by hand, or one an older fragtax
 * wrote in another shape under the same name, passed it and broke the run with a bare
 * "Cannot read properties of undefined (reading 'module')". Such an entry is a miss: compiled again.
 * Hand-written, not zod: a warm `fragtax run` reads these and loads no schema library.
 */
import type { SourceMapPayload } from "node:module";
import type { CellImport, CompiledCell } from "./cells";
import type { ImportBundle } from "./imports";
import type { CellPragmas } from "./pragmas";
import type { NotebookTypes } from "./typecheck";
import { isRecord } from "../util/records";

/** A file a cached entry depends on, as it was when the entry was written. */
export interface FileStamp {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

const isString = (value: unknown): value is string => typeof value === "string";
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
const isOptional = <T>(value: unknown, is: (value: unknown) => value is T): boolean => value === undefined || is(value);
const isListOf = <T>(value: unknown, is: (item: unknown) => item is T): value is T[] => Array.isArray(value) && value.every(is);

function isSourceMap(value: unknown): value is SourceMapPayload {
  return isRecord(value) && isString(value.mappings) && isListOf(value.sources, isString) && isListOf(value.names, isString);
}

function isCellImport(value: unknown): value is CellImport {
  return isRecord(value) && isString(value.specifier) && isNumber(value.line) && isNumber(value.column) && isOptional(value.type, isString);
}

function isPragmas(value: unknown): value is CellPragmas {
  return isRecord(value) && typeof value.jsx === "boolean" && typeof value.browser === "boolean" && isOptional(value.module, isString);
}

export function isCompiledCell(value: unknown): value is CompiledCell {
  return (
    isRecord(value) &&
    isNumber(value.cell) &&
    isString(value.source) &&
    isString(value.filename) &&
    isString(value.code) &&
    isListOf(value.maps, isSourceMap) &&
    isListOf(value.imports, isCellImport) &&
    isPragmas(value.pragmas)
  );
}

export function isFileStamp(value: unknown): value is FileStamp {
  return isRecord(value) && isString(value.path) && isNumber(value.size) && isNumber(value.mtimeMs);
}

export function isBundleEntry(value: unknown): value is { bundle: ImportBundle; stamps: FileStamp[] } {
  if (!isRecord(value) || !isListOf(value.stamps, isFileStamp)) return false;
  const bundle = value.bundle;
  return (
    isRecord(bundle) &&
    isString(bundle.code) &&
    isListOf(bundle.specifiers, isString) &&
    isListOf(bundle.projectModules, isString) &&
    isListOf(bundle.inputs, isString) &&
    isOptional(bundle.map, isString)
  );
}

function isTypeError(value: unknown): value is NotebookTypes["errors"][number] {
  if (!isRecord(value) || !isNumber(value.cell)) return false;
  const diagnostic = value.diagnostic;
  return (
    isRecord(diagnostic) &&
    isString(diagnostic.file) &&
    isOptional(diagnostic.cell, isNumber) &&
    isNumber(diagnostic.line) &&
    isNumber(diagnostic.column) &&
    isNumber(diagnostic.code) &&
    isString(diagnostic.message)
  );
}

export function isTypesEntry(value: unknown): value is { types: NotebookTypes; stamps: FileStamp[]; root: string } {
  if (!isRecord(value) || !isString(value.root) || !isListOf(value.stamps, isFileStamp)) return false;
  const types = value.types;
  return isRecord(types) && isListOf(types.errors, isTypeError) && isListOf(types.files, isString);
}
