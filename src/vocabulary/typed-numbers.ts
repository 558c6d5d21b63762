/**
 * What a number typed into words looks like, to the prose check (report/typed-numbers.ts) and to the
 * chart-text check alike: an amount, a share or a multiple ("$2.5M", "4.1%", "3×", "12 billion"), an
 * energy or a power with its unit's prefix ("40 GWh", "1.2 kW"; not a bare "W", which is also a
 * street's, a compass point's or a letter's), and
 * the interval names ("90% interval", "90% band") that are the report's level, not the model's number.
 */

/**
 * An amount, a share or a multiple, as words write it: not inside a word, a number, an id, a version or
 * a URL's query ("H100", "GPT-4.5", "?q=8%"); a range's second number is read ("10–20%", "10-20%").
 */
export const TYPED_NUMBER =
  /(?<![\w.,$/=?&])(?<![A-Za-z]-)(?:(?:US)?[$€£¥]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:[KMBT]\b|bn\b|thousand\b|million\b|billion\b|trillion\b))?|\d[\d,]*(?:\.\d+)?(?:\s?%|×|x\b|\s?(?:percent|pp|bps)\b|\s(?:thousand|million|billion|trillion)\b| ?(?:[kMGTP]Wh?|Wh)\b))/g;

export const mayHaveTypedNumber = (text: string): boolean => new RegExp(TYPED_NUMBER.source).test(text);

/** Whether `match`, followed by `after`, names an interval ("90% interval", "95% confidence interval", "90% band"). */
export const namesAnInterval = (match: string, after: string): boolean =>
  /%$/.test(match) && /^[\s-]?(?:(?:confidence|credible|prediction|uncertainty)\s)?(?:intervals?|bands?)\b/i.test(after);
