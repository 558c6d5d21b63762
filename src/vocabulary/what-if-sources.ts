/**
 * The source of an input a what-if build replaced. A chapter cites an input by its source's title
 * ("valued the company at $500B (Bloomberg, 'OpenAI Valued at $852 Billion…')"), and under a what-if
 * the title no longer vouches for the number beside it. The registry gives the replaced input this
 * title, so every citation of it, in every chapter and appendix, says the number is the what-if's; the
 * report's library reads it back to keep a generic title in lower case inside a sentence.
 */
export const WHAT_IF_SOURCE_PREFIX = "a what-if value in place of ";

export const whatIfSourceTitle = (title: string): string => (title.startsWith(WHAT_IF_SOURCE_PREFIX) ? title : `${WHAT_IF_SOURCE_PREFIX}${title}`);
