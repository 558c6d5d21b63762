/**
 * What a compiled cell is, and the names the compiled code uses, apart from the compiler itself
 * (`transpile.ts`, with acorn and magic-string): a run whose cells all come from the cache, and the
 * notebook thread that only installs the runtime object, never load the compiler.
 */
import type { SourceMapPayload } from "node:module";
import type { CellPragmas } from "./pragmas";

/**
 * Name of the helper object the rewritten cells call (`transpile.ts` writes the calls; `realm.ts`
 * installs it, and Deno's runner script in `deno.ts` its own).
 */
export const RUNTIME_GLOBAL = "__fragtax";

export interface CellImport {
  readonly specifier: string;
  /** 1-based line/column of the import in the cell's TypeScript source. */
  readonly line: number;
  readonly column: number;
  /** The `with { type }` attribute of a static import: Deno loads a JSON file only with `type: "json"`. */
  readonly type?: string;
}

export interface CompiledCell {
  /** 1-based position of the cell in the notebook. */
  readonly cell: number;
  readonly source: string;
  /** File name of the cell script in stack traces. */
  readonly filename: string;
  readonly code: string;
  /** [rewrite map, esbuild map]: generated script → cell JavaScript → cell TypeScript. */
  readonly maps: readonly SourceMapPayload[];
  readonly imports: readonly CellImport[];
  /** tslab's pragmas of the cell (`@module`, `@jsx`, `@browser`: see `pragmas.ts`). */
  readonly pragmas: CellPragmas;
}

export interface CellSyntaxError {
  readonly cell: number;
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export function cellFileName(cell: number): string {
  return `fragtax-cell-${cell}.js`;
}

export function isCellFileName(file: string): number | undefined {
  const found = /fragtax-cell-(\d+)\.js$/.exec(file);
  return found ? Number(found[1]) : undefined;
}

export function isSyntaxError(value: CompiledCell | CellSyntaxError): value is CellSyntaxError {
  return "message" in value;
}
