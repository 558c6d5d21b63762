/** Messages of a what-if build: `--set` and `--assumptions` overrides, refused or applied, and the page's banner. */
import { didYouMean } from "./suggestion";
import { quote } from "./quote";

export const unknownOverrideId = (where: string, id: string, nearest: readonly string[]): string =>
  `${where}: unknown assumption ${quote(id)}${nearest.length === 0 ? "; no assumption id is close to it (the ids are those of the assumptions file)" : didYouMean(nearest)}`;

export const overrideRejected = (given: string, reason: string, definedAt: string, place: "assumption" | "total" = "assumption"): string =>
  `${given}: ${reason} (${place === "total" ? "the total is declared" : "the assumption is defined"} at ${definedAt})`;

/** For `--what-if` given to `command`: the flags a what-if is asked with, and that only `fragtax build` takes them. */
export const whatIfFlags = (command: string | undefined): string =>
  command === undefined || command === "build"
    ? "a what-if build is asked for with --set id=value (or id=low..high), repeated for each assumption, or --assumptions FILE (see fragtax build --help)"
    : `fragtax ${command} makes no what-if; a what-if build is \`fragtax build --set id=value\` (or id=low..high, repeated for each assumption) or \`fragtax build --assumptions FILE\` (see fragtax build --help)`;

/** An id both the overrides file and --set give: --set wins (`described`: the file's, as `id = 2..3`). */
export const setOverridesFile = (described: string, file: string): string => `${file}'s ${described} is not used: --set gives that id too, and --set wins`;

export const malformedSetFlag = (flag: string): string =>
  `--set ${flag}: expected id=value or id=low..high, e.g. --set h100_usd_per_gpu_hour=2.5..3.5`;

export const malformedOverrideValue = (where: string, id: string, text: string): string =>
  `${where}: ${quote(text)} is not a number or a low..high range for ${id} (e.g. 2.5 or 2..3)${writtenOtherwise(text)}`;

/**
 * How a value was likely meant, when it is written another way: with its unit (`60%`, `$0.10`,
 * `1.2kW`: digits alone are the assumption's own unit, as in assumptions.yaml), with a decimal comma
 * (`2,5`), or as a range with a dash (`2.5-3.5`).
 */
const writtenOtherwise = (text: string): string => {
  const trimmed = text.trim();
  const percent = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(trimmed)?.[1];
  if (percent !== undefined) return `; write digits alone, in the assumption's unit: ${Number(percent) / 100} for ${trimmed}`;
  // Three digits after a comma read as a thousands separator as well as a decimal comma: both are said.
  if (/^-?\d{1,3}(?:,\d{3})+(?:\.\.-?\d{1,3}(?:,\d{3})+)?$/.test(trimmed)) return `; write ${trimmed.replace(/,/g, "")} (no thousands separator), or ${trimmed.replace(/,(?=\d{3}(?:\D|$))/g, ".")} if the comma was a decimal point`;
  if (/^-?\d+,\d+(?:\.\.-?\d+,\d+)?$/.test(trimmed)) return `; write a decimal point: ${trimmed.replace(/,/g, ".")}`;
  const dashed = /^(\d+(?:\.\d+)?)\s*[-–]\s*(\d+(?:\.\d+)?)$/.exec(trimmed);
  if (dashed !== null) return `; write a range with two dots: ${dashed[1]}..${dashed[2]}`;
  return /\d/.test(text) && /[$€£%a-zA-Z]/.test(text.replace(/e[+-]?\d/gi, "")) ? "; write digits alone, in the assumption's unit (no sign or unit: the entry's \"unit\" is it)" : "";
};

export const overrideNotANumber = (where: string, id: string, given: string): string =>
  `${where}: ${given} for ${id} is not a number (quoted, or text); write the number without quotes, as the assumptions file does`;

/** `2...3`: split at its first two dots it read as the reversed range 2..0.3. */
export const overrideThreeDots = (where: string, id: string, text: string, meant: string): string =>
  `${where}: ${quote(text)} has three dots; a range for ${id} is written with two: ${meant}`;

/** `1e-400`: a number too small for a double reads as 0, which the user never typed. */
export const overrideUnderflows = (where: string, id: string, text: string): string =>
  `${where}: ${quote(text)} is too small to be a number here (it underflows to 0) for ${id}; give 0 if you mean it, or a larger value`;

export const overrideNotFinite = (where: string, id: string, text: string): string =>
  `${where}: ${quote(text)} is too large to be a number here (it overflows to infinity) for ${id}; give a finite value`;

export const overrideRangeHalf = (where: string, id: string, missing: "low" | "high"): string =>
  `${where}: the range for ${id} has no ${missing}; give both, e.g. { low: 2, high: 3 }`;

export const duplicateSetFlag = (id: string, flags: readonly string[]): string =>
  `--set ${id} is given ${flags.length} times (${flags.map((flag) => `--set ${flag}`).join(", ")}); give it once`;

export const overrideRangeReversed = (where: string, id: string, low: number, high: number): string =>
  `${where}: the range for ${id} is reversed (${low}..${high}); write low..high`;

/**
 * A field of a what-if file that the build would not apply: a what-if overrides values and ranges;
 * anything else (a distribution, a correlation, a total, a source) is the assumptions file's to change.
 */
export const whatIfFieldNotApplied = (where: string, field: string, original: string | undefined): string =>
  `${where}: ${field} ${original === undefined ? "is not read by a what-if" : `differs from ${original}, and a what-if does not apply it`}: a what-if overrides only an assumption's value or range (id: 2.5, id: 2..3, or an entry's value: / range: { low, high }); change ${original ?? "the assumptions file"} itself for the rest, or remove the field`;

/**
 * A what-if a thousandfold or more off the file's value: likely a unit slip (billions typed as ones).
 * `typed`: the what-if's value, or its range's ends; the example is it at the file's scale, its digits as
 * typed ("5" for a count of thousands: "e.g. 5e3"), not a fixed "30e9" beside a GPU count.
 */
export const whatIfScaleSlip = (times: number, typed: readonly number[]): string => {
  const power = Math.round(Math.log10(times));
  const written = (x: number): string => {
    // Too small: the digits typed with the scale after them ("30" → "30e9").
    if (power < 0 && !String(x).includes("e")) return `${String(x)}e${-power}`;
    const meant = x / 10 ** power;
    const [mantissa = "", exponent = "0"] = meant.toExponential().split("e");
    return Math.abs(meant) >= 1e4 || (Math.abs(meant) < 1e-3 && meant !== 0) ? `${Number(Number(mantissa).toPrecision(3))}e${Number(exponent)}` : String(Number(meant.toPrecision(3)));
  };
  return `${power < 0 ? `about 1e${-power} times smaller` : `about 1e${power} times larger`} than the file's: if a scale was meant, write it out (e.g. ${typed.map(written).join("..")})`;
};

/** A map-form what-if written as an entry's `value:` inside braces (`id: { value: 3 }`). */
export const whatIfValueInMap = (where: string, id: string, value: string): string =>
  `${where}: ${id}: { value: ${value} } mixes a what-if's two forms: write "${id}: ${value}" for a value, or "${id}: { low: …, high: … }" (or "${id}: 2..3") for a range`;

/** A what-if override that gives an assumption the value or range it has in the file: not a what-if. */
export const overrideChangesNothing = (described: string, file: string): string => `${described} is ${file}'s own: it overrides nothing`;

/** `--assumptions FILE` whose values and ranges are all the assumptions file's: a normal build, said so. */
export const whatIfFileOverridesNothing = (file: string, original: string): string =>
  `${file} overrides nothing (every value and range in it is ${original}'s): this is a normal build`;

export const whatIfIdTwice = (where: string, id: string, first: string): string =>
  `${where}: ${id} is overridden twice in this file (first at ${first}); keep one`;

export const whatIfValueAndRange = (where: string, id: string): string =>
  `${where}: ${id} has both a value and a range; give one (a value is fixed, a range is sampled)`;

export const overridesFileEmpty = (): string => "the file is empty: write one id: value (or id: low..high) per line, or edit a copy of the assumptions file";

export const overridesNotAList = (): string => '"assumptions" is not a list: as in the assumptions file, a list of entries, each with its id and a value or range';

export const notAPlainFile = (): string => "it is a device or a folder, not a file; give a YAML file";

export const unreadableOverridesFile = (where: string, detail: string): string =>
  `${where}: cannot read overrides: ${detail}`;

export const whatIfBannerTitle = (): string => "What-if build — not the published analysis";

export const whatIfBannerLead = (sources: readonly string[]): string =>
  `These assumptions were overridden for this build only (${sources.join(", ")}); the assumptions file was not changed.`;
