/**
 * The loaded assumptions: lookup by id, read tracking per consumer (the incremental build keys each
 * notebook's cache on exactly what it read), what-if overrides, and a content hash.
 */
import * as msg from "../messages/assumptions";
import { AssumptionError, UnknownAssumptionError } from "./errors";
import type { AssumptionProblem } from "./errors";
import { describeSupport, supportOf, tailProblems, valueProblems, withinSupport } from "./rules";
import { assumptionContent, assumptionInfo } from "./content";
import { sha256 } from "../util/hash";
import { aboutRead, EVERY_ASSUMPTION, type Assumption, type AssumptionInfo, type AssumptionOverride, type Correlation, type DistributionKind, type ListingReader, type Total } from "./types";
import { totalProblem } from "./total-check";
import { nearestNames } from "../util/suggest";
import { whatIfSourceTitle } from "../vocabulary/what-if-sources";

export class AssumptionRegistry {
  readonly #byId: ReadonlyMap<string, Assumption>;
  readonly #all: readonly Assumption[];
  readonly #reads = new Map<string, string[]>();
  #catalog: readonly AssumptionInfo[] | undefined;

  /** `assumptions` must have unique ids (the loader guarantees it); they are kept in the given order. */
  constructor(
    assumptions: readonly Assumption[],
    readonly fileName: string,
    /** The file's `correlations:` (already attached to the assumptions they name). */
    readonly correlations: readonly Correlation[] = [],
    /** The file's `totals:`, checked again on overrides. */
    readonly totals: readonly Total[] = [],
  ) {
    this.#all = Object.freeze([...assumptions]);
    this.#byId = new Map(assumptions.map((a) => [a.id, a]));
  }

  /** Every assumption, in file order. Untracked. */
  all(): readonly Assumption[] {
    return this.#all;
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** The assumption, untracked; an unknown id throws `UnknownAssumptionError` naming the nearest ids. */
  get(id: string): Assumption {
    const found = this.#byId.get(id);
    if (found !== undefined) return found;
    const nearest = this.nearestIds(id);
    throw new UnknownAssumptionError(id, nearest, this.fileName, msg.unknownAssumption(id, nearest, this.fileName));
  }

  /**
   * Up to three defined ids plausibly meant by `id` (util/suggest.ts's rule); none rather than an
   * unrelated one (`nope` is not a typo of `datacenter_pue`).
   */
  nearestIds(id: string): readonly string[] {
    return nearestNames(id, [...this.#byId.keys()], { orClosest: false });
  }

  /**
   * A reader whose reads are recorded for `consumer` (e.g. a notebook path). A read is recorded before
   * the lookup, so a read of a missing id is remembered too. Several readers for one consumer add up.
   */
  reader(consumer: string): ListingReader {
    const own = new Set<string>();
    const shared = this.#reads.get(consumer) ?? [];
    this.#reads.set(consumer, shared);
    const read = (id: string): void => {
      if (own.has(id)) return;
      own.add(id);
      if (!shared.includes(id)) shared.push(id);
    };
    return {
      get: (id: string): Assumption => {
        read(id);
        return this.get(id);
      },
      // The list hands out every assumption whole, values included: each counts as read.
      all: (): readonly Assumption[] => {
        read(EVERY_ASSUMPTION);
        for (const assumption of this.#all) read(assumption.id);
        return this.#all;
      },
      catalog: (): readonly AssumptionInfo[] => {
        read(EVERY_ASSUMPTION);
        for (const assumption of this.#all) read(aboutRead(assumption.id));
        return (this.#catalog ??= Object.freeze(this.#all.map((assumption) => Object.freeze(assumptionInfo(assumption)))));
      },
      readIds: (): readonly string[] => [...own],
    };
  }

  /** Ids read by `consumer` through any of its readers, in first-read order. */
  readsBy(consumer: string): readonly string[] {
    return [...(this.#reads.get(consumer) ?? [])];
  }

  /** Consumers that asked for a reader, in first-request order. */
  consumers(): readonly string[] {
    return [...this.#reads.keys()];
  }

  /**
   * A new registry (with fresh read tracking) where each override replaces one assumption's value or
   * range. Validated like the file: unknown ids throw `UnknownAssumptionError`, a bad range throws an
   * `AssumptionError` located at the assumption's entry in the file.
   */
  withOverrides(overrides: readonly AssumptionOverride[]): AssumptionRegistry {
    const replaced = new Map<string, Assumption>();
    const problems: AssumptionProblem[] = [];
    for (const override of overrides) {
      const original = this.get(override.id);
      const candidate = applyOverride(original, override);
      const { file, line, column } = original.position;
      const found = [...valueProblems(candidate, true), ...supportProblems(original, override), ...tailProblems({ ...candidate, support: original.support })].slice(0, 1);
      problems.push(...found.map((p) => ({ file, line, column, id: original.id, text: msg.overrideProblem(this.fileName, p.message), reason: p.message })));
      replaced.set(original.id, candidate);
    }
    // A total any override touches must still hold: one scenario probability set alone breaks it.
    for (const total of this.totals) {
      const touched = total.of.find((id) => replaced.has(id));
      const problem = touched === undefined ? undefined : totalProblem(total, (id) => replaced.get(id) ?? this.#byId.get(id));
      if (touched === undefined || problem === undefined) continue;
      // A sum that misses says which members are left to set; a range in a total is wrong whatever the others are.
      const missed = total.of.every((id) => (replaced.get(id) ?? this.#byId.get(id))?.value !== undefined);
      const reason = missed ? msg.overrideBreaksTotal(problem, total.of.filter((id) => !replaced.has(id))) : problem;
      problems.push({ ...total.position, id: touched, text: msg.overrideProblem(this.fileName, reason), reason, place: "total" });
    }
    const [first, ...rest] = problems;
    if (first !== undefined) throw new AssumptionError([first, ...rest]);
    return new AssumptionRegistry(
      this.#all.map((a) => replaced.get(a.id) ?? a),
      this.fileName,
      this.correlations,
      this.totals,
    );
  }

  /** sha256 (hex) of the canonical content: every assumption without its position, sorted by id. */
  hash(): string {
    return this.hashOf([...this.#byId.keys()]);
  }

  /**
   * sha256 (hex) of the canonical content of just these ids (order and repeats ignored); an id the file
   * does not define hashes as absent, so defining it later changes the hash.
   */
  hashOf(ids: readonly string[]): string {
    const content = [...new Set(ids)].sort().map((id) => {
      const assumption = this.#byId.get(id);
      return [id, assumption === undefined ? null : assumptionContent(assumption)];
    });
    return sha256(JSON.stringify(content));
  }
}

/** An override's numbers outside what the original declaration allows (see `supportOf`). */
function supportProblems(original: Assumption, override: AssumptionOverride): { message: string }[] {
  const support = supportOf(original);
  if (support === null) return [];
  const numbers = "value" in override ? [override.value] : [override.low, override.high];
  const outside = numbers.find((x) => !withinSupport(x, support));
  return outside === undefined ? [] : [{ message: msg.outsideSupport(original.id, outside, support.because, describeSupport(support), support.guessed === true, support.max) }];
}

function applyOverride(original: Assumption, override: AssumptionOverride): Assumption {
  const { value: _value, range: _range, mode, source, ...kept } = original;
  // The source's title no longer vouches for the number: every citation of the input says so.
  const rest = { ...kept, source: Object.freeze({ ...source, title: whatIfSourceTitle(source.title) }) };
  if ("value" in override) return Object.freeze({ ...rest, value: override.value, distribution: "fixed" });
  // A fixed value given a range takes a shape: between two bounds (a probability, a correlation) the
  // range is the bounds themselves, as uniform (a normal's tails would run past them); otherwise
  // lognormal for a positive quantity, normal for one that reaches zero or below.
  const support = supportOf(original);
  const bounded = support?.min !== undefined && support.max !== undefined;
  const distribution: DistributionKind =
    original.distribution !== "fixed" ? original.distribution : bounded ? "uniform" : override.low > 0 ? "lognormal" : "normal";
  return Object.freeze({
    ...rest,
    range: Object.freeze({ low: override.low, high: override.high }),
    ...(mode === undefined ? {} : { mode }),
    distribution,
  });
}
