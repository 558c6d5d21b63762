/**
 * The vocabulary of published versions: their ids (`YYYY-MM-DD`, then `-2`, `-3`, … for later
 * versions of the same day) and order, and what can be wrong with a published folder. Publishing
 * names versions with it, errata check against it, messages name its problems; it lives below all
 * three so none imports another for it.
 */
import { typoDistance } from "../util/suggest";

export const VERSION_ID = /^(\d{4}-\d{2}-\d{2})(?:-(\d+))?$/;

/** Oldest first: by date, then by the same day's number (no suffix is 1). */
export function compareVersionIds(a: string, b: string): number {
  const [ma, mb] = [VERSION_ID.exec(a), VERSION_ID.exec(b)];
  const key = (m: RegExpExecArray | null, id: string): [string, number] => (m ? [m[1] ?? "", Number(m[2] ?? 1)] : [id, 0]);
  const [[da, na], [db, nb]] = [key(ma, a), key(mb, b)];
  return da < db ? -1 : da > db ? 1 : na - nb;
}

/**
 * The published version a mistyped one most likely meant: the fewest edits away (a digit typed wrong:
 * `2026-11-92` → 2026-11-29), and among as few edits, the nearest in time, the later on a tie
 * (`2026-11-28` among 2026-11-26 and 2026-11-29, one edit from each: the 29th, where the first
 * listed, the older, was named). "" when there is none.
 */
export function nearestVersion(id: string, versions: readonly string[]): string {
  const day = (v: string): number => {
    const match = VERSION_ID.exec(v);
    return match?.[1] === undefined ? Number.NaN : Date.parse(`${match[1]}T00:00:00Z`) / 86_400_000 + Number(match[2] ?? 1) / 1000;
  };
  const fewest = Math.min(...versions.map((v) => typoDistance(id, v)));
  const closest = versions.filter((v) => typoDistance(id, v) === fewest);
  const target = day(id);
  if (Number.isNaN(target)) return closest[0] ?? "";
  const distance = (v: string): number => Math.abs(day(v) - target) || 0;
  return closest.reduce<string>((best, v) => (best === "" || distance(v) < distance(best) || (distance(v) === distance(best) && compareVersionIds(v, best) > 0) ? v : best), "");
}

/** What can be wrong with a published version's folder (publish/verify.ts finds them). */
export type VersionProblemKind =
  | "missing"
  | "differs"
  | "unreadable manifest"
  | "not in the manifest"
  | "unlisted"
  | "names another version"
  | "previous version missing"
  | "not a regular file"
  | "outside the folder"
  | "malformed field"
  | "manifest edited"
  | "seal removed"
  | "previous manifest edited"
  | "contradicted";
