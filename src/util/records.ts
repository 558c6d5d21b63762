/**
 * The one test for "a JSON object": not null, not an array. Parsed notebooks, assumption files,
 * cache entries and chart specs all arrive as `unknown` and are read field by field after it.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether a JSON value nests deeper than `limit` (walked without recursion): a file nested thousands
 * of levels deep parses, and then overflows the stack of whatever walks it recursively (a hash over
 * sorted keys, a structured clone), as Node's bare "Maximum call stack size exceeded".
 */
export function nestedPast(value: unknown, limit: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value === null || typeof next.value !== "object") continue;
    if (next.depth >= limit) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}
