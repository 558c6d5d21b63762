/**
 * The report.yaml fields the engine needs (the assumptions file, Monte Carlo settings, the chapter
 * list), read leniently: a file `fragtax build` would refuse still gives its defaults here (and says
 * why, for `fragtax run` to warn), and the build reports the problem with its line. Its own module, with the YAML parser only: `fragtax run`
 * and `check` do not load report.yaml's schema library for three fields.
 */
import { dirname, resolve } from "node:path";
import { MAX_ALIAS_VALUES, parseYamlDocument } from "../util/yaml-syntax";
import { DEFAULT_MONTE_CARLO } from "../model/defaults";
import { plausibleName } from "../util/suggest";
import { REPORT_YAML_KEYS } from "./keys";

/**
 * What a single notebook run (`fragtax run`, `fragtax check`, Jupyter) needs from a report.yaml,
 * read leniently: a half-written report.yaml still lets a notebook run. Defaults as normalizeConfig's.
 */
export interface ReportFields {
  /** Absolute path of the assumptions file. */
  readonly assumptions: string;
  readonly montecarlo: { readonly samples: number; readonly seed: number };
  /** Absolute chapter paths, when report.yaml lists them. */
  readonly chapters: readonly string[] | undefined;
  /** Why report.yaml could not be read (the defaults stand in): `fragtax run` warns, and a build refuses it, located. */
  readonly unreadable?: string;
  /** What of a readable report.yaml the run set aside (a misspelt `montecarlo` key, a seed that is not a number): `fragtax run` warns. */
  readonly ignored?: readonly string[];
}

const MONTE_CARLO_KEYS = ["samples", "seed"];

/** What of `montecarlo` the lenient reading cannot use; a misspelt key ("sample") was silently the default. */
function ignoredMonteCarlo(value: unknown): string[] {
  if (value === undefined) return [];
  if (value === null || typeof value !== "object" || Array.isArray(value)) return ['"montecarlo" is not a map of samples and seed'];
  const mc = value as Record<string, unknown>;
  const unknown = Object.keys(mc)
    .filter((key) => !MONTE_CARLO_KEYS.includes(key))
    .map((key) => {
      const near = plausibleName(key, MONTE_CARLO_KEYS);
      return `unknown key "montecarlo.${key}"${near === undefined ? "" : `; did you mean "${near}"?`}`;
    });
  const notNumbers = MONTE_CARLO_KEYS.filter((key) => key in mc && typeof mc[key] !== "number").map((key) => `"montecarlo.${key}" is not a number`);
  return [...unknown, ...notNumbers];
}

export function reportFieldsLeniently(text: string, fileName: string): ReportFields {
  let data: Record<string, unknown> = {};
  let unreadable: string | undefined;
  try {
    const document = parseYamlDocument(text);
    // Not valid YAML: what the parser could make of it is no reading of the file (a half-written key).
    if (document.errors.length > 0) unreadable = "it is not valid YAML";
    const parsed: unknown = document.errors.length > 0 ? {} : document.toJS({ maxAliasCount: MAX_ALIAS_VALUES });
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
    else unreadable ??= "it is not a map of keys";
  } catch {
    unreadable = "its aliases expand too far"; // the only throw of a parsed document's toJS
  }
  const dir = dirname(resolve(fileName));
  const mc = data.montecarlo !== null && typeof data.montecarlo === "object" ? (data.montecarlo as Record<string, unknown>) : {};
  // A misspelt key ("montecarl") was set aside without a word, its settings with it: the build refuses it.
  const unknownKeys = Object.keys(data)
    .filter((key) => !(REPORT_YAML_KEYS as readonly string[]).includes(key))
    .map((key) => {
      const near = plausibleName(key, REPORT_YAML_KEYS);
      return `unknown key "${key}"${near === undefined ? "" : `; did you mean "${near}"?`}`;
    });
  const ignored = [...unknownKeys, ...ignoredMonteCarlo(data.montecarlo)];
  return {
    assumptions: resolve(dir, typeof data.assumptions === "string" ? data.assumptions : "assumptions.yaml"),
    montecarlo: {
      samples: typeof mc.samples === "number" ? mc.samples : DEFAULT_MONTE_CARLO.samples,
      seed: typeof mc.seed === "number" ? mc.seed : DEFAULT_MONTE_CARLO.seed,
    },
    chapters: Array.isArray(data.chapters) ? data.chapters.map((chapter) => resolve(dir, String(chapter))) : undefined,
    ...(unreadable !== undefined && { unreadable }),
    ...(ignored.length > 0 && { ignored }),
  };
}
