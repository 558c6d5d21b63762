/**
 * "Did you mean …?": the one rule for suggesting a known name (an assumption id, a report.yaml key, an
 * assumption field) in place of an unknown one.
 */
import { closest, distance } from "fastest-levenshtein";

/**
 * Up to `count` known names closest to `name` by edit distance, only plausible ones (within half the
 * name's length, or one containing the other), ties by name; the single closest when none is plausible.
 */
export function nearestNames(name: string, known: readonly string[], count = 3): string[] {
  if (known.length === 0) return [];
  const limit = Math.max(3, Math.ceil(name.length / 2));
  const ranked = known
    .map((candidate) => ({ candidate, score: distance(name, candidate) }))
    .filter(({ candidate, score }) => score <= limit || candidate.includes(name) || name.includes(candidate))
    .sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : 1))
    .map(({ candidate }) => candidate);
  return ranked.length > 0 ? ranked.slice(0, count) : [closest(name, [...known])];
}

/** The one closest known name ("" when there is none). */
export function nearestName(name: string, known: readonly string[]): string {
  return nearestNames(name, known, 1)[0] ?? "";
}
