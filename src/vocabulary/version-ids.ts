/**
 * The vocabulary of published versions: their ids (`YYYY-MM-DD`, then `-2`, `-3`, … for later
 * versions of the same day) and order, and what can be wrong with a published folder. Publishing
 * names versions with it, errata check against it, messages name its problems; it lives below all
 * three so none imports another for it.
 */
export const VERSION_ID = /^(\d{4}-\d{2}-\d{2})(?:-(\d+))?$/;

/** Oldest first: by date, then by the same day's number (no suffix is 1). */
export function compareVersionIds(a: string, b: string): number {
  const [ma, mb] = [VERSION_ID.exec(a), VERSION_ID.exec(b)];
  const key = (m: RegExpExecArray | null, id: string): [string, number] => (m ? [m[1] ?? "", Number(m[2] ?? 1)] : [id, 0]);
  const [[da, na], [db, nb]] = [key(ma, a), key(mb, b)];
  return da < db ? -1 : da > db ? 1 : na - nb;
}

/** What can be wrong with a published version's folder (publish/verify.ts finds them). */
export type VersionProblemKind =
  | "missing"
  | "differs"
  | "unreadable manifest"
  | "key given twice"
  | "not in the manifest"
  | "not a published file"
  | "unlisted"
  | "names another version"
  | "previous version missing"
  | "not a regular file"
  | "not its own folder"
  | "outside the folder"
  | "malformed field"
  | "unsealed after sealed"
  | "not recorded"
  | "version between"
  | "manifest edited"
  | "seal removed"
  | "previous manifest edited"
  | "earlier manifest edited"
  | "earlier version missing"
  | "contradicted";
