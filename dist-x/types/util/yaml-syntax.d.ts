/**
 * A YAML syntax error as the project's input files report it: where to act and what went wrong. The
 * `yaml` package finds an unclosed `{`, `[` or quote where it gives up (the next key, or the end of
 * the file), which is lines away from the mistake: the opener that is never closed is the place to
 * fix, found in the parser's token tree. Every YAML input (report.yaml, the assumptions file, the
 * errata file, a what-if overrides file) reads its syntax errors here.
 */
import { type Document, type DocumentOptions, type ParseOptions, type SchemaOptions, type YAMLError } from "yaml";
import { type LineColumn } from "./text-position";
/**
 * How deep lists and mappings written inline (`[[[…]]]`, `{a: {b: …}}`) may nest in a YAML input. The
 * parser and every reader after it recurse per level: 1,500 levels came back as "Maximum call stack
 * size exceeded", 20,000 ended the process in the parser's own error formatting (V8 out of memory).
 * These files need a handful of levels; the limit leaves room.
 */
export declare const MAX_YAML_DEPTH = 100;
/**
 * Whether a YAML input's text is no text to parse: nothing but white space (an empty document, which
 * each file then found lacking its first key), or bytes of a binary file (NUL, or a share of the
 * replacement characters invalid UTF-8 decodes to).
 */
export declare function notYamlText(text: string): "empty" | "binary" | undefined;
/**
 * `parseDocument`, for every YAML input of the project, after a linear scan for inline nesting past
 * MAX_YAML_DEPTH: such a text gets an empty document whose one error, located at the opener that went
 * too deep, its caller reports as it reports a syntax error (yamlSyntaxProblem).
 */
export declare function parseYamlDocument(text: string, options?: ParseOptions & DocumentOptions & SchemaOptions): Document.Parsed;
export interface YamlSyntaxProblem extends LineColumn {
    /** The problem in words, on one line (without the parser's own "at line …" suffix). */
    readonly detail: string;
}
export declare function yamlSyntaxProblem(text: string, error: YAMLError): YamlSyntaxProblem;
/**
 * How far a file's aliases may expand, in values. `yaml`'s own default (100) counts each use of an
 * alias times the size of what it names, so a plain file that shares one source among 101 entries was
 * refused with the parser's raw "Excessive alias count" (exit 1, no file). Ten thousand lets any such
 * file through and still stops a "billion laughs", whose expansion multiplies with each level.
 */
export declare const MAX_ALIAS_VALUES = 10000;
/**
 * The document's plain value, every alias resolved; or, when its aliases expand past the limit, the
 * problem, located at the first alias (the parser does not say which one crossed it); or, for an
 * alias whose anchor is not set before it, that alias.
 */
export declare function plainYaml(document: Document, text: string): {
    readonly value: unknown;
} | {
    readonly problem: YamlSyntaxProblem;
};
