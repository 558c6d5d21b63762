/**
 * Messages of `fragtax publish` about what it is given: a version date it cannot take. (Its other
 * messages, older, are in versions.ts.)
 */

/** `--date ""` shown as such, not as a missing word. */
const shownDate = (date: string): string => (date === "" ? '""' : date);

export const publishBadDate = (date: string, years: { readonly min: number; readonly max: number }): string =>
  `--date ${shownDate(date)}: expected a calendar date as YYYY-MM-DD between ${years.min} and ${years.max} (e.g. 2026-05-01)`;

export const publishDateAfterToday = (date: string, today: string): string =>
  `--date ${date} is after today (${today} on this machine): a version cannot be dated before the newest one, so a date in the future would block every publish until then; give --date ${today} or earlier, or no --date for today`;

export const publishAsOfAfterToday = (asOf: string, today: string): string =>
  `this build's data cut-off (as of ${asOf}) is after today (${today} on this machine): a version is dated no earlier than its data and no later than today; correct asOf in report.yaml and run \`fragtax build\` again`;
