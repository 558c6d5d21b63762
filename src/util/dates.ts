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
