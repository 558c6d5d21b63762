/**
 * Calendar dates as the project writes them: ISO `YYYY-MM-DD`, and only days that exist
 * (2026-02-30 is rejected, not rolled over to March). One home for report.yaml, assumptions and publish.
 */
export declare const ISO_DATE_PATTERN: RegExp;
/** True for an ISO date naming a real calendar day. */
export declare function isCalendarDate(date: string): boolean;
/**
 * Today's date as YYYY-MM-DD, the later of this machine's local date and the UTC date (east of
 * Greenwich the local one can be a day ahead, west of it a day behind): a date after it is in the
 * future by either reckoning, so neither a user's local today nor the UTC default is refused.
 */
export declare function latestToday(now: Date): string;
