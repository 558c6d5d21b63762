/**
 * The diff between two snapshots (a published version, a git ref, or an assumptions file):
 * added / removed / changed assumptions, and every figure's p50 (p5, p95) before → after with
 * absolute and relative change, largest relative change first. Pure; rendering is in render.ts.
 */
import type { Assumption } from "../assumptions/types";
import type { AssumptionContent } from "../assumptions/content";
import { assumptionContent } from "../assumptions/content";
import { canonicalJson } from "../util/hash";
import type { FigureValues } from "../report/figures-file";
import { formatNumber } from "../format/number";
import type { NumberFormat } from "../api/types";
import { markReviewed, staleProse, type ProseGuard, type ProseSnapshot, type SectionProse } from "./prose-guard";
import { diffBuiltFrom, diffSections, type BuiltFrom, type BuiltFromDiff, type SectionsDiff } from "./built-from";
import { APPENDIX_HEADINGS } from "../report/appendices";
import type { Erratum } from "../errata/types";
import { diffClaims, type ClaimsDiff } from "./claims";
import { compareVersionIds } from "../vocabulary/version-ids";

export interface SectionReview {
  readonly section: string;
  readonly version: string;
}

export interface Snapshot {
  /** How the user named it: a version id, `git:<ref>` or a file path. */
  readonly label: string;
  readonly assumptions: readonly Assumption[];
  /** Absent when the source carries no figures (an assumptions file, a ref not built). */
  readonly figures?: readonly FigureValues[];
  /**
   * The notebooks where a code cell threw in the build that made `figures` (a git ref built with
   * --figures): a figure this side lacks that one of them declares on the other side may be one it
   * never got to, so it is said "not built" here, not added or removed.
   */
  readonly notBuiltIn?: readonly string[];
  /** Each figure's notebook, as figures.json records it (absent: not recorded, as in hand-made files). */
  readonly figureNotebooks?: ReadonlyMap<string, string>;
  /**
   * The data cut-off the version was built as of; null for a published version that did not record it
   * (older ones), absent for a side that has none (an assumptions file, a git ref).
   */
  readonly asOf?: string | null;
  /** Figures and claims with their sections, and the sections' prose hashes (published versions). */
  readonly prose?: ProseSnapshot;
  /**
   * The sections a publish acknowledged as re-read with figures moved under them (`--reviewed`), in
   * this version and every one before it, each with its version (published versions): a diff across
   * several versions marks those reviewed in any version after its older side.
   */
  readonly reviewed?: readonly SectionReview[];
  /** Corrections published with this side (published versions: every erratum up to and including it). */
  readonly errata?: readonly Erratum[];
  /** claims.json's rows as written (published versions, and a build being published). */
  readonly claims?: unknown;
  /** sections.json's rows (published versions, and a build being published); null: published before it. */
  readonly sections?: readonly SectionProse[] | null;
  /** The manifest's commit and tools (published versions, and a build being published). */
  readonly builtFrom?: BuiltFrom;
}

/** Fields compared, in the order they are reported. */
export const ASSUMPTION_FIELDS = ["label", "unit", "value", "range", "mode", "distribution", "kind", "source", "note", "support", "correlations"] as const;
export type AssumptionField = (typeof ASSUMPTION_FIELDS)[number];

export interface AssumptionChange {
  readonly id: string;
  readonly fields: readonly AssumptionField[];
  readonly before: AssumptionContent;
  readonly after: AssumptionContent;
}

export interface FigureDelta {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly format: FigureValues["format"];
  /** "missing": on one side only, the other side's build having had its notebook throw (`missingAt` names that side). */
  readonly status: "changed" | "unchanged" | "added" | "removed" | "missing";
  /** The side whose build did not make the figure (its notebook threw there): with status "missing" only. */
  readonly missingAt?: string;
  readonly before: { readonly p5?: number; readonly p50: number; readonly p95?: number } | null;
  readonly after: { readonly p5?: number; readonly p50: number; readonly p95?: number } | null;
  /** after.p50 − before.p50 (null unless both exist). */
  readonly absolute: number | null;
  /** absolute ÷ |before.p50|; null when a side is missing or before.p50 is 0, or the figure was redefined. */
  readonly relative: number | null;
  /**
   * What the figure is, where the sides differ (absent when they agree). A changed unit means the
   * numbers measure another quantity (USD → EUR, USD → USD million): absolute and relative are then
   * null, never a "move"; a changed label or format (how the number is written) keeps them.
   */
  readonly redefined?: readonly FigureRedefinition[];
  /**
   * Its medians under the model's structural alternatives, on each side, where they differ (absent
   * when they agree): the title page and the index show their spread beside the interval, so a move
   * there is a change a reader sees, though p50 stays.
   */
  readonly alternatives?: { readonly before: readonly AlternativeMedian[]; readonly after: readonly AlternativeMedian[] };
}

export interface AlternativeMedian {
  readonly id: string;
  readonly label: string;
  readonly p50: number;
}

/** The fields that say what a figure is, in the order they are reported. */
export const FIGURE_DEFINITION = ["label", "unit", "format"] as const;
export interface FigureRedefinition {
  readonly field: (typeof FIGURE_DEFINITION)[number];
  readonly before: string;
  readonly after: string;
}

/**
 * Whether the sides' numbers measure different quantities: the unit changed. A format is how the
 * same number is written (0.2 as "20%" or "0.2"), so a new format alone keeps the move.
 */
export function incomparable(delta: Pick<FigureDelta, "redefined">): boolean {
  return (delta.redefined ?? []).some((r) => r.field === "unit");
}

/** The figure as the older side defined it (its numbers are written in its own unit and format). */
export function beforeDefinition(delta: FigureDelta): { readonly label: string; readonly unit: string; readonly format: FigureValues["format"] } {
  const was = (field: FigureRedefinition["field"]): string | undefined => delta.redefined?.find((r) => r.field === field)?.before;
  return { label: was("label") ?? delta.label, unit: was("unit") ?? delta.unit, format: (was("format") ?? delta.format) as FigureValues["format"] };
}

export interface DiffResult {
  readonly from: string;
  readonly to: string;
  readonly assumptions: {
    readonly added: readonly AssumptionContent[];
    readonly removed: readonly AssumptionContent[];
    readonly changed: readonly AssumptionChange[];
  };
  /** null when either side has no figures. */
  readonly figures: readonly FigureDelta[] | null;
  /**
   * The sides whose figures are incomplete, each with the notebooks where a code cell threw in its
   * build (git refs built with --figures): their figures from there on were never made.
   */
  readonly figuresNotBuilt?: readonly { readonly side: string; readonly notebooks: readonly string[] }[];
  /** Both as-of dates, when either side records one (null: not recorded). */
  readonly asOf?: { readonly before: string | null; readonly after: string | null; readonly moved: boolean };
  /** Sections whose figures moved while their prose did not (published versions only). */
  readonly prose?: ProseGuard;
  /** Corrections the newer side carries that the older did not (published versions only). */
  readonly errata?: readonly Erratum[];
  /** The heading of each section the errata correct (section id → heading), where the newer side records it. */
  readonly errataHeadings?: Readonly<Record<string, string>>;
  /** Claims whose verdict turned, added or removed (published versions only). */
  readonly claims?: ClaimsDiff;
  /** Sections whose words were rewritten, added or removed (versions that both recorded their sections). */
  readonly sections?: SectionsDiff;
  /** The commits and tools the two versions were built from (published versions only). */
  readonly builtFrom?: BuiltFromDiff;
}

export function diffSnapshots(before: Snapshot, after: Snapshot): DiffResult {
  return {
    from: before.label,
    to: after.label,
    assumptions: diffAssumptions(before.assumptions, after.assumptions),
    figures: before.figures && after.figures ? diffFigures(before.figures, after.figures, notBuiltOn(before, after)) : null,
    ...defined("figuresNotBuilt", figuresNotBuilt(before, after)),
    ...asOfChange(before, after),
    ...(before.prose !== undefined && after.prose !== undefined
      ? { prose: markReviewed(staleProse(before.prose, after.prose, (value, format) => formatNumber(value, format as NumberFormat)), reviewsBetween(before, after)) }
      : {}),
    ...claimsBetween(before, after),
    ...errataBetween(before, after),
    ...defined("sections", diffSections(before.sections, after.sections)),
    ...defined("builtFrom", diffBuiltFrom(before.builtFrom, after.builtFrom)),
  };
}

/**
 * Where a figure on one side only was not built on the other (that side's build had its notebook
 * throw): the other side's label, or null (a real addition or removal, or nothing known).
 */
function notBuiltOn(before: Snapshot, after: Snapshot): (id: string, on: "before" | "after") => string | null {
  return (id, on) => {
    const [missingSide, presentSide] = on === "before" ? [before, after] : [after, before];
    const notebook = presentSide.figureNotebooks?.get(id);
    return notebook !== undefined && missingSide.notBuiltIn?.includes(notebook) === true ? missingSide.label : null;
  };
}

/** The sides whose build had a notebook throw (their figures are incomplete), with those notebooks; undefined when none. */
function figuresNotBuilt(before: Snapshot, after: Snapshot): DiffResult["figuresNotBuilt"] {
  const sides = [before, after].filter((side) => (side.notBuiltIn?.length ?? 0) > 0).map((side) => ({ side: side.label, notebooks: side.notBuiltIn ?? [] }));
  return before.figures && after.figures && sides.length > 0 ? sides : undefined;
}

/** `{ [key]: value }`, or nothing when the value is undefined (a result's optional parts are absent, not undefined). */
function defined<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * The newer side's errata that the older side did not already carry (by id); absent when there are
 * none, or when the older side is no published version (a git ref, a file): which corrections came
 * after it cannot be told, and listing every one ever published set old fixed text beside new numbers.
 */
function errataBetween(before: Snapshot, after: Snapshot): Pick<DiffResult, "errata" | "errataHeadings"> {
  if (after.errata === undefined || before.errata === undefined) return {};
  const known = new Set((before.errata ?? []).map((e) => e.id));
  const added = after.errata.filter((e) => !known.has(e.id));
  if (added.length === 0) return {};
  // The headings of the sections they correct, as the newer side has them: a reader got "01-training-run#a-second-route-…".
  const named = new Set(added.map((e) => e.section));
  const headings = Object.fromEntries([...Object.entries(APPENDIX_HEADINGS), ...(after.sections ?? []).map((s) => [s.id, s.heading] as const)].filter(([id]) => named.has(id)));
  return { errata: added, ...(Object.keys(headings).length > 0 && { errataHeadings: headings }) };
}

/** The reviews published after the older side, up to and including the newer (versions by their ids' order). */
function reviewsBetween(before: Snapshot, after: Snapshot): readonly SectionReview[] {
  return (after.reviewed ?? []).filter((review) => compareVersionIds(review.version, before.label) > 0 && compareVersionIds(review.version, after.label) <= 0);
}

/** Claims whose verdict turned, added or removed, when both sides are published versions with claims. */
function claimsBetween(before: Snapshot, after: Snapshot): Pick<DiffResult, "claims"> {
  if (before.claims === undefined || after.claims === undefined) return {};
  const claims = diffClaims(before.claims, after.claims);
  return claims === undefined ? {} : { claims };
}

/** Said when both sides are versions (a file or a ref has no as-of date to compare) and one recorded it. */
function asOfChange(before: Snapshot, after: Snapshot): Pick<DiffResult, "asOf"> {
  if (before.asOf === undefined || after.asOf === undefined) return {};
  const [b, a] = [before.asOf, after.asOf];
  if (b === null && a === null) return {};
  return { asOf: { before: b, after: a, moved: b !== a } };
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

const compareIds = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function diffAssumptions(before: readonly Assumption[], after: readonly Assumption[]): DiffResult["assumptions"] {
  const [old, now] = [byId(before), byId(after)];
  const added = after.filter((a) => !old.has(a.id)).map(assumptionContent).sort(compareIds);
  const removed = before.filter((a) => !now.has(a.id)).map(assumptionContent).sort(compareIds);
  const changed: AssumptionChange[] = [];
  for (const next of after) {
    const previous = old.get(next.id);
    if (!previous) continue;
    const [b, a] = [assumptionContent(previous), assumptionContent(next)];
    const fields = ASSUMPTION_FIELDS.filter((field) => canonicalJson(b[field] ?? null) !== canonicalJson(a[field] ?? null));
    if (fields.length > 0) changed.push({ id: next.id, fields, before: b, after: a });
  }
  return { added, removed, changed: changed.sort(compareIds) };
}

function values(figure: FigureValues): NonNullable<FigureDelta["before"]> {
  return { ...(figure.p5 === undefined ? {} : { p5: figure.p5 }), p50: figure.p50, ...(figure.p95 === undefined ? {} : { p95: figure.p95 }) };
}

function alternativeMedians(figure: FigureValues): AlternativeMedian[] {
  return (figure.alternatives ?? []).map((a) => ({ id: a.id, label: a.label, p50: a.p50 }));
}

/**
 * How far apart two numbers may be and still be the same figure: floating-point noise, not a change.
 * The same inputs reached by another order of operations (an assumption re-expressed as an offset
 * around the essay's value, a sum taken in another order) move the last bits of a double; listed as
 * "changed", such a figure showed readers "10% → 10%, −0.0000000000000014 pp". A billionth of the
 * figure is far below any format's precision and far above a double's rounding.
 */
const NOISE = 1e-9;

/**
 * The same number as a figure: equal, or within NOISE of each other and written the same in the
 * figure's format, so a move across a rounding boundary ("$999M" → "$1B", "12.3" → "12.4", the year
 * 2027.99999999 → 2028) is still a change a reader sees. A number that is not finite is the same only
 * as itself (Infinity − x is within any fraction of Infinity).
 */
export function sameNumber(a: number, b: number, format: NumberFormat): boolean {
  if (a === b) return true;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
  return Math.abs(a - b) <= NOISE * Math.max(Math.abs(a), Math.abs(b)) && formatNumber(a, format) === formatNumber(b, format);
}

function sameValues(a: NonNullable<FigureDelta["before"]>, b: NonNullable<FigureDelta["before"]>, format: NumberFormat): boolean {
  const same = (x: number | undefined, y: number | undefined): boolean => (x === undefined || y === undefined ? x === y : sameNumber(x, y, format));
  return same(a.p5, b.p5) && same(a.p50, b.p50) && same(a.p95, b.p95);
}

function sameAlternatives(a: readonly AlternativeMedian[], b: readonly AlternativeMedian[], format: NumberFormat): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i];
    return y !== undefined && x.id === y.id && x.label === y.label && sameNumber(x.p50, y.p50, format);
  });
}

/** `notBuiltOn`: the label of the side a one-sided figure was not built on (its notebook threw there), else null. */
export function diffFigures(before: readonly FigureValues[], after: readonly FigureValues[], notBuiltOn: (id: string, on: "before" | "after") => string | null = () => null): FigureDelta[] {
  const [old, now] = [byId(before), byId(after)];
  const ids = [...new Set([...old.keys(), ...now.keys()])];
  const deltas = ids.map((id): FigureDelta => {
    const [b, a] = [old.get(id), now.get(id)];
    const shown = (a ?? b) as FigureValues;
    const common = { id, label: shown.label, unit: shown.unit, format: shown.format };
    if (!b || !a) {
      const missingAt = notBuiltOn(id, b ? "after" : "before");
      const status = missingAt !== null ? "missing" : b ? "removed" : "added";
      return { ...common, status, ...(missingAt !== null && { missingAt }), before: b ? values(b) : null, after: a ? values(a) : null, absolute: null, relative: null };
    }
    const redefined = FIGURE_DEFINITION.filter((field) => b[field] !== a[field]).map((field) => ({ field, before: b[field], after: a[field] }));
    const [altBefore, altAfter] = [alternativeMedians(b), alternativeMedians(a)];
    const alternativesMoved = !sameAlternatives(altBefore, altAfter, a.format);
    const same = sameValues(values(a), values(b), a.format) && redefined.length === 0 && !alternativesMoved;
    const sides = {
      ...common,
      status: same ? "unchanged" : "changed",
      before: values(b),
      after: values(a),
      ...(redefined.length === 0 ? {} : { redefined }),
      ...(alternativesMoved ? { alternatives: { before: altBefore, after: altAfter } } : {}),
    } as const;
    if (incomparable(sides)) return { ...sides, absolute: null, relative: null };
    const absolute = a.p50 - b.p50;
    return { ...sides, absolute, relative: b.p50 === 0 ? null : absolute / Math.abs(b.p50) };
  });
  return deltas.sort(byLargestRelativeChange);
}

/**
 * Changed figures by |relative| (a change from 0 or of unit or format counts as largest), then added,
 * removed, not built on a side, unchanged; ties by id.
 */
function byLargestRelativeChange(a: FigureDelta, b: FigureDelta): number {
  const rank = { changed: 0, added: 1, removed: 2, missing: 3, unchanged: 4 } as const;
  if (rank[a.status] !== rank[b.status]) return rank[a.status] - rank[b.status];
  const size = (d: FigureDelta): number => (incomparable(d) ? Infinity : d.relative === null ? (d.absolute ? Infinity : 0) : Math.abs(d.relative));
  return size(b) - size(a) || compareIds(a, b);
}

export function isEmptyDiff(diff: DiffResult): boolean {
  const { added, removed, changed } = diff.assumptions;
  return added.length + removed.length + changed.length === 0 && (diff.figures ?? []).every((f) => f.status === "unchanged") && (diff.claims?.changed.length ?? 0) === 0;
}
