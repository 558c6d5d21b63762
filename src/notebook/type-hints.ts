/**
 * What to write instead, after a type error about a value of one of the notebook API's closed lists
 * (number formats, verdicts): TypeScript names only the type (`'"usdd"' is not assignable to parameter
 * of type 'NumberFormat | undefined'`), not the values it allows. `check`, `run` and `build` append it.
 */
import { NUMBER_FORMATS } from "../format/number";
import { schemaPropertiesOf } from "../charts/schema";
import * as messages from "../messages/notebook";
import { nearestNames, plausibleName } from "../util/suggest";
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
  if (/^Cannot find name 'Deno'\.?$/.test(message)) return messages.denoInTslabHint();
  const excess = chartKeyHint(message);
  if (excess !== "") return excess;
  if (isSpecVariable(message)) return messages.chartSpecVariableHint();
  const claim = claimVerdictHint(message);
  if (claim !== "") return claim;
  // The first line of the message chain whose target is one of the lists (a chain ends in the property's).
  const lines = message.split("\n").map((line) => line.trim());
  const at = lines
    .map((line) => ({ line, members: /(?:parameter of type|to type) '([^']*)'\.?$/.exec(line)?.[1]?.split(" | ") ?? [] }))
    .map(({ line, members }) => ({ line, choice: CHOICES.find(({ type }) => members.includes(type)) }))
    .find(({ choice }) => choice !== undefined);
  const choice = at?.choice;
  if (at === undefined || choice === undefined) return "";
  const given = /^(?:Argument of )?[Tt]ype '"([^"]*)"'/.exec(at.line)?.[1];
  return messages.closedListHint(choice.what, choice.values, given === undefined ? undefined : nearestNames(given, choice.values, { count: 1, orClosest: false })[0]);
}

/**
 * `nb.claim({ … })` without its verdict or factor: TypeScript lists the properties missing from the
 * API's record type (`… from type 'Omit<ClaimRecord, …>': verdict, factor`), not where they come from.
 */
function claimVerdictHint(message: string): string {
  const many = /is missing the following properties from type '[^']*Claim(?:Record|Input)\b[^']*': ([^.\n]+)/.exec(message)?.[1];
  const one = /Property '(verdict|factor)' is missing in type '[^']*' but required in type '[^']*Claim(?:Record|Input)\b/.exec(message)?.[1];
  const missing = [...(many?.split(/,\s*/) ?? []), ...(one === undefined ? [] : [one])].filter((name) => name === "verdict" || name === "factor");
  if (missing.length === 0) return "";
  return `${message.trimEnd().endsWith(".") ? "" : "."}${messages.claimVerdictHint(missing)}`;
}

/**
 * A chart spec built in a variable, then given to `nb.chart`: its literals widened (`mark: string`), or
 * made readonly by `as const`, it fits no member of Vega-Lite's union, and TypeScript's five lines
 * about `TopLevelUnitSpec<Field>` name neither the cause nor the fix. An object literal in the call is
 * checked key by key instead (chartKeyHint).
 */
function isSpecVariable(message: string): boolean {
  return /^Argument of type '(?:\{|readonly )/.test(message) && /parameter of type '(?:VegaLite)?TopLevelSpec'/.test(message);
}

/**
 * A misspelt key in a chart spec written in a cell (`y: { feild: "a" }`): TypeScript suggests no name
 * for an object literal checked against a union (TS2353 names the union of vega-lite's types), so the
 * nearest property those types allow is taken from vega-lite's schema, where each type is a definition.
 */
function chartKeyHint(message: string): string {
  const excess = /'([^']+)' does not exist in type '([^']+)'/.exec(message);
  if (excess === null) return "";
  const [, key = "", union = ""] = excess;
  const near = plausibleName(key, schemaPropertiesOf(topLevelMembers(union)));
  return near === undefined ? "" : messages.chartKeyHint(near);
}

/** `A | B<C | D> | E` → A, B<C | D>, E. */
function topLevelMembers(union: string): string[] {
  const members: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < union.length; i++) {
    const char = union[i];
    if (char === "<" || char === "(" || char === "{") depth += 1;
    else if (char === ">" || char === ")" || char === "}") depth -= 1;
    else if (char === "|" && depth === 0) {
      members.push(union.slice(start, i).trim());
      start = i + 1;
    }
  }
  members.push(union.slice(start).trim());
  return members.filter((member) => member !== "");
}
