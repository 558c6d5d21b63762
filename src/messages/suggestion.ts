/**
 * The one wording of a suggestion (util/suggest.ts finds the names): `; did you mean "a", "b"?`,
 * appended to the message that names the unknown word, or nothing when there is no plausible name.
 */
import { quote } from "./quote";
export const didYouMean = (nearest: string | readonly string[] | undefined): string => {
  const names = (typeof nearest === "string" ? [nearest] : (nearest ?? [])).filter((name) => name !== "");
  return names.length === 0 ? "" : `; did you mean ${names.map((name) => `${quote(name)}`).join(", ")}?`;
};
