/**
 * Which of a check's errors are syntax errors: those TypeScript's parser reports for the cell or file
 * alone (`transpileModule`, which parses without a program). Both checkers (the API's and the native
 * one) report them with the type errors, with no kind, and "1 type error" for a missing `)` sent the
 * reader looking for a type.
 */
import { typescript } from "./typescript-api";

export interface CodedDiagnostic {
  readonly code: number;
  readonly message: string;
}

/** The diagnostics that the parser alone reports in `source` (matched by code and message). */
export function syntaxErrorsIn<D extends CodedDiagnostic>(diagnostics: readonly D[], source: string | undefined): D[] {
  if (source === undefined || diagnostics.length === 0) return [];
  const ts = typescript();
  const parsed = ts.transpileModule(source, { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).diagnostics ?? [];
  // Deno's check words TypeScript's messages without their final period ("Expression expected"): compared without it.
  const key = (code: number, message: string): string => `${code}\u0000${message.replace(/\.$/, "")}`;
  const found = new Set(parsed.map((d) => key(d.code, ts.flattenDiagnosticMessageText(d.messageText, "\n"))));
  return diagnostics.filter((d) => found.has(key(d.code, d.message)));
}
