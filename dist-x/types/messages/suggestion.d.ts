/**
 * The one wording of a suggestion (util/suggest.ts finds the names): `; did you mean "a", "b"?`,
 * appended to the message that names the unknown word, or nothing when there is no plausible name.
 */
export declare const didYouMean: (nearest: string | readonly string[] | undefined) => string;
