/**
 * "Did you mean …?": the one rule for suggesting a known name in place of an unknown one (an
 * assumption id, a report.yaml key, an assumption field, a chart key, value or data field). The
 * message catalogue words it (messages/suggestion.ts); this finds the names.
 *
 * A name is plausible when it is within a third of the word's length of edits (at least 2, and fewer
 * than the word has letters), contains the word or is contained in it, or has every word of a
 * several-word name (`scenario_probability` → `scenario_merchant_era_probability`). Swapped letters count as
 * one edit ("titel" → "title", not "time"), as typists make them; case does not count.
 */
import damerauLevenshtein from "damerau-levenshtein";

/** Up to `count` plausible names closest to `name`, ties by name; with `orClosest`, the single closest when none is plausible. */
export function nearestNames(name: string, known: readonly string[], options: { readonly count?: number; readonly orClosest?: boolean } = {}): string[] {
  const { count = 3, orClosest = true } = options;
  const word = name.toLowerCase();
  const limit = Math.max(2, Math.ceil(name.length / 3));
  const contains = (candidate: string): boolean => name.length >= 3 && (candidate.toLowerCase().includes(word) || word.includes(candidate.toLowerCase()));
  const parts = wordsOf(word);
  // Every word of the name is a word of the candidate: "scenario_probability" → "scenario_merchant_era_probability".
  const sharesWords = (candidate: string): boolean => parts.length > 1 && parts.every((part) => wordsOf(candidate.toLowerCase()).includes(part));
  const ranked = known
    .filter((candidate) => candidate !== name)
    // Only plausible names wanted: one that cannot be within the edit limit, by a bound far cheaper than
    // the distance itself, is not measured (a page's thousands of long ids against each broken link).
    .filter((candidate) => orClosest || editsAtLeast(word, candidate.toLowerCase()) <= limit || contains(candidate) || sharesWords(candidate))
    .map((candidate) => ({ candidate, score: typoDistance(word, candidate.toLowerCase()) }))
    .sort((a, b) => a.score - b.score || (a.candidate < b.candidate ? -1 : 1));
  const plausible = ranked.filter(({ candidate, score }) => (score <= limit && score < name.length) || contains(candidate) || sharesWords(candidate)).map(({ candidate }) => candidate);
  if (plausible.length > 0) return plausible.slice(0, count);
  return orClosest && ranked[0] !== undefined ? [ranked[0].candidate] : [];
}

/** The one closest plausible name, or undefined (charts: no suggestion rather than a wild one). */
export function plausibleName(name: string, known: readonly string[]): string | undefined {
  return nearestNames(name, known, { count: 1, orClosest: false })[0];
}

/**
 * The file among `files` (names in one folder) that a missing file `name` has likely become: a
 * plausible name, or else the one file with the same leading number, as a renamed chapter keeps its
 * number more often than its words ("02-claims.ipynb" → "02-claim-check.ipynb").
 */
export function renamedFileLike(name: string, files: readonly string[]): string | undefined {
  const number = /^\d+-/.exec(name)?.[0];
  const sameNumber = number === undefined ? [] : files.filter((file) => file.startsWith(number) && file !== name);
  // Compared without the extension they share: ".ipynb" made "nope.ipynb" close enough to "10-x.ipynb".
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 ? name.slice(dot) : "";
  const stem = (file: string): string => (extension !== "" && file.endsWith(extension) ? file.slice(0, -extension.length) : file);
  const found = plausibleName(stem(name), files.map(stem));
  return (found === undefined ? undefined : files.find((file) => stem(file) === found)) ?? (sameNumber.length === 1 ? sameNumber[0] : undefined);
}

/** The one closest name, plausible or not ("" when there is none). */
export function nearestName(name: string, known: readonly string[]): string {
  return nearestNames(name, known, { count: 1 })[0] ?? "";
}

/** The words of an identifier: split at `_`, `-`, `.` and spaces. */
function wordsOf(name: string): string[] {
  return name.split(/[_\-.\s]+/).filter((part) => part !== "");
}

/** Edits between two words, an adjacent swap counting as one (Damerau–Levenshtein, from npm). */
export function typoDistance(a: string, b: string): number {
  return damerauLevenshtein(a, b).steps;
}

/**
 * A lower bound on the edits between two words: each edit changes the count of at most two letters by
 * one (a swap changes none), so half the difference of their letter counts, and their length difference.
 */
function editsAtLeast(a: string, b: string): number {
  const counts = new Map<string, number>();
  for (const letter of a) counts.set(letter, (counts.get(letter) ?? 0) + 1);
  for (const letter of b) counts.set(letter, (counts.get(letter) ?? 0) - 1);
  let difference = 0;
  for (const n of counts.values()) difference += Math.abs(n);
  return Math.max(Math.abs(a.length - b.length), Math.ceil(difference / 2));
}
