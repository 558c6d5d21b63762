/**
 * The one test for "a JSON object": not null, not an array. Parsed notebooks, assumption files,
 * cache entries and chart specs all arrive as `unknown` and are read field by field after it.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
