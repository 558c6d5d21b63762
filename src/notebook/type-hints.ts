/**
 * What to write instead, after a type error about a value of one of the notebook API's closed lists
 * (number formats, verdicts): TypeScript names only the type (`'"usdd"' is not assignable to parameter
 * of type 'NumberFormat | undefined'`), not the values it allows. `check`, `run` and `build` append it.
 */
import { NUMBER_FORMATS } from "../format/number";
import { closedListHint } from "../messages/notebook";
import { nearestNames } from "../util/suggest";
import { VERDICTS } from "../vocabulary/results";

/** The API's closed lists, by the type TypeScript names in an error about them. */
const CHOICES: ReadonlyArray<{ readonly type: string; readonly what: string; readonly values: readonly string[] }> = [
  { type: "NumberFormat", what: "A format", values: NUMBER_FORMATS },
  { type: "Verdict", what: "A verdict", values: VERDICTS },
];

/**
 * The hint for a type error's message: only when that type is what the value should have been (the
 * target, not the value's own type) and TypeScript did not suggest a value itself. Empty otherwise.
 */
export function typeErrorHint(message: string): string {
  if (/Did you mean/.test(message)) return "";
  // The first line of the message chain whose target is one of the lists (a chain ends in the property's).
  const lines = message.split("\n").map((line) => line.trim());
  const at = lines
    .map((line) => ({ line, members: /(?:parameter of type|to type) '([^']*)'\.?$/.exec(line)?.[1]?.split(" | ") ?? [] }))
    .map(({ line, members }) => ({ line, choice: CHOICES.find(({ type }) => members.includes(type)) }))
    .find(({ choice }) => choice !== undefined);
  const choice = at?.choice;
  if (at === undefined || choice === undefined) return "";
  const given = /^(?:Argument of )?[Tt]ype '"([^"]*)"'/.exec(at.line)?.[1];
  return closedListHint(choice.what, choice.values, given === undefined ? undefined : nearestNames(given, choice.values, { count: 1, orClosest: false })[0]);
}
