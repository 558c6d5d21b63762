/**
 * Calendar dates as the project writes them: ISO `YYYY-MM-DD`, and only days that exist
 * (2026-02-30 is rejected, not rolled over to March). One home for report.yaml, assumptions and publish.
 */

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True for an ISO date naming a real calendar day. */
export function isCalendarDate(date: string): boolean {
  if (!ISO_DATE_PATTERN.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/**
 * Today's date as YYYY-MM-DD, the later of this machine's local date and the UTC date (east of
 * Greenwich the local one can be a day ahead, west of it a day behind): a date after it is in the
 * future by either reckoning, so neither a user's local today nor the UTC default is refused.
 */
export function latestToday(now: Date): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  const local = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const utc = now.toISOString().slice(0, 10);
  return local > utc ? local : utc;
}
