/**
 * oxc's parser (`oxc-parser`: a native addon from its platform package, so `npm install` gets it) for
 * what the engine reads from a cell's syntax tree without type-checking it: the names it declares
 * (top-level-names.ts) and the assumption ids it names (assumption-refs.ts). TypeScript's parser did
 * both, and loading the TypeScript API, ~9 MB of JavaScript, took a type check's thread ~0.4 s before
 * the native compiler could start. Each caller keeps TypeScript's reading for a cell oxc cannot read.
 */
import { createRequire } from "node:module";
import type { Program } from "oxc-parser";

type Oxc = typeof import("oxc-parser");

let oxc: Oxc | null | undefined;

/** The parser, or null where it cannot load (no binary for this platform, a Node without `require` of ES modules). */
export function oxcParser(): Oxc | null {
  if (oxc !== undefined) return oxc;
  try {
    oxc = createRequire(import.meta.url)("oxc-parser") as Oxc;
  } catch {
    oxc = null;
  }
  return oxc;
}

/**
 * A cell's program as oxc reads it (TypeScript, a module; node offsets in UTF-16 code units, as
 * JavaScript strings count), or undefined when oxc cannot load or finds a syntax error: such a cell is
 * the caller's to read with TypeScript's parser, whose recovery is what the checker sees.
 */
export function parseCell(source: string): Program | undefined {
  const parser = oxcParser();
  if (parser === null) return undefined;
  const parsed = parser.parseSync("cell.ts", source, { lang: "ts", sourceType: "module" });
  return parsed.errors.length > 0 ? undefined : parsed.program;
}
