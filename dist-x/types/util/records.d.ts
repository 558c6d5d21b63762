/**
 * The one test for "a JSON object": not null, not an array. Parsed notebooks, assumption files,
 * cache entries and chart specs all arrive as `unknown` and are read field by field after it.
 */
export declare function isRecord(value: unknown): value is Record<string, unknown>;
/**
 * Whether a JSON value nests deeper than `limit` (walked without recursion): a file nested thousands
 * of levels deep parses, and then overflows the stack of whatever walks it recursively (a hash over
 * sorted keys, a structured clone), as Node's bare "Maximum call stack size exceeded".
 */
export declare function nestedPast(value: unknown, limit: number): boolean;
