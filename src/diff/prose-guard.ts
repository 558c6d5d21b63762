/**
 * The stale-prose guard. Numbers regenerate; the static words around them (a chapter's markdown, the
 * fixed text of its `nb.md` templates; not its code) do not. Between two versions, a figure that moved
 * materially (its median by more than 10%) or a claim whose verdict changed, while the prose of the
 * section it sits in is byte-for-byte the same, points at words that may now be wrong: "prose to re-read".
 *
 *   1. index the previous version's figures, claims and section prose hashes
 *   2. for each current figure and claim with a section: did it move materially?
 *   3. if so, and its section's prose is unchanged (the same fingerprint under its id, or, for a new id
 *      such as a renamed notebook gives, the prose of some previous section) → that section is stale
 *
 * Versions published before sections were recorded cannot be checked: the result says so
 * (`status: "unavailable"`) rather than guessing. Pure: data in, data out.
 */
import * as diffMessages from "../messages/diff";

export interface SectionProse {
  readonly id: string;
  readonly notebook: string;
  readonly heading: string;
  /** v1 fingerprint: markdown and every string literal of the code (report/sections.ts). */
  readonly proseSha256: string;
  /** v2 fingerprint: markdown and the literal text of nb.md templates; absent in versions published before it. */
  readonly proseV2Sha256?: string;
}

/**
 * Whether two sections' words are the same: by the v2 fingerprint (prose only) when both recorded it,
 * else by v1, which every build still records. Never v2 against v1: they differ always, and "the words
 * changed" would switch the guard off for a whole version published before v2. Per pair, so a version
 * whose v2 fingerprints were recomputed from git only in part (legacy-sections.ts) compares each
 * section as well as it can. v1 errs the way it always did (a code-only edit reads as rewritten); it
 * is the fallback only for a version published before v2 whose notebooks git does not give back.
 */
export function sameProse(a: SectionProse, b: SectionProse): boolean {
  return a.proseV2Sha256 !== undefined && b.proseV2Sha256 !== undefined ? a.proseV2Sha256 === b.proseV2Sha256 : a.proseSha256 === b.proseSha256;
}

/** Whether every section records the v2 fingerprint (false for null: no sections at all). */
export function hasProseV2(sections: readonly SectionProse[] | null): boolean {
  return sections !== null && sections.every((s) => s.proseV2Sha256 !== undefined);
}

export interface ProseSnapshot {
  /** figures.json / claims.json rows as written (read leniently). */
  readonly figures: unknown;
  readonly claims: unknown;
  /** sections.json, or null when the version has none (published before the guard existed). */
  readonly sections: readonly SectionProse[] | null;
}

export interface Movement {
  readonly kind: "figure" | "claim";
  readonly id: string;
  /** "trailing multiple 99.9× → 33.3× (−67%)", "verdict consistent → overstated". */
  readonly text: string;
}

export interface StaleSection {
  readonly section: string;
  readonly notebook: string;
  readonly heading: string;
  readonly movements: readonly Movement[];
  /**
   * The published version whose `publish --reviewed` acknowledged this section's prose as re-read and
   * standing (its manifest says so): `diff` shows it with the section, not as if nobody had looked.
   */
  readonly reviewedIn?: string;
}

export type ProseGuard =
  | { readonly status: "checked"; readonly stale: readonly StaleSection[] }
  | { readonly status: "unavailable"; readonly reason: "no-previous" | "no-sections"; readonly stale: readonly [] };

/** A median moving by more than this fraction is material. */
export const MATERIAL_CHANGE = 0.1;

interface Row {
  readonly id: string;
  readonly label: string;
  readonly section?: string;
  readonly p50?: number;
  readonly unit?: string;
  readonly format?: string;
  readonly verdict?: string;
}

export function staleProse(before: ProseSnapshot | null, after: ProseSnapshot, format: (value: number, format: string) => string): ProseGuard {
  if (before === null) return { status: "unavailable", reason: "no-previous", stale: [] };
  if (before.sections === null) return { status: "unavailable", reason: "no-sections", stale: [] };
  const previous = before.sections;
  const oldSection = new Map(previous.map((s) => [s.id, s]));
  const nowSections = new Map((after.sections ?? []).map((s) => [s.id, s]));
  const movements = new Map<string, Movement[]>();
  // Unchanged prose: the fingerprint its id had; or, for an id the previous version did not have (a renamed
  // notebook or heading gives new ids), exactly the prose of some previous section.
  const unchanged = (current: SectionProse): boolean => {
    const was = oldSection.get(current.id);
    return was === undefined ? previous.some((old) => sameProse(old, current)) : sameProse(was, current);
  };
  const note = (section: string | undefined, movement: Movement | null): void => {
    if (section === undefined || movement === null) return;
    const current = nowSections.get(section);
    if (current === undefined || !unchanged(current)) return; // new or rewritten prose
    movements.set(section, [...(movements.get(section) ?? []), movement]);
  };
  const [oldFigures, oldClaims] = [byId(rows(before.figures, "figure")), byId(rows(before.claims, "claim"))];
  for (const figure of rows(after.figures, "figure")) note(figure.section, figureMovement(oldFigures.get(figure.id), figure, format));
  for (const claim of rows(after.claims, "claim")) note(claim.section, claimMovement(oldClaims.get(claim.id), claim, format));
  const stale = [...movements]
    .map(([section, list]) => {
      const info = nowSections.get(section) as SectionProse;
      return { section, notebook: info.notebook, heading: info.heading, movements: list };
    })
    .sort((a, b) => (a.section < b.section ? -1 : a.section > b.section ? 1 : 0));
  return { status: "checked", stale };
}

function figureMovement(before: Row | undefined, after: Row, format: (value: number, format: string) => string): Movement | null {
  if (before?.p50 === undefined || after.p50 === undefined) return null;
  // Another unit: the numbers measure another quantity, so the words about them are suspect, whatever
  // the numbers did. (Another format writes the same number otherwise: its move is judged as any other.)
  const redefined = (["unit"] as const).filter((field) => (before[field] ?? "") !== (after[field] ?? "")).map((field) => ({ field, before: before[field] ?? "", after: after[field] ?? "" }));
  if (redefined.length > 0) return { kind: "figure", id: after.id, text: `figure ${after.id}: ${diffMessages.diffFigureRedefined(redefined, false)}` };
  const relative = before.p50 === 0 ? (after.p50 === 0 ? 0 : Infinity) : (after.p50 - before.p50) / Math.abs(before.p50);
  if (!(Math.abs(relative) > MATERIAL_CHANGE)) return null;
  const f = (x: number): string => format(x, after.format ?? "number");
  const pct = Number.isFinite(relative) ? ` (${relative >= 0 ? "+" : "\u2212"}${Math.abs(Math.round(relative * 100))}%)` : "";
  return { kind: "figure", id: after.id, text: `figure ${after.id}: ${f(before.p50)} \u2192 ${f(after.p50)}${pct}` };
}

function claimMovement(before: Row | undefined, after: Row, format: (value: number, format: string) => string): Movement | null {
  if (before === undefined) return null;
  if (before.verdict !== after.verdict) return { kind: "claim", id: after.id, text: `claim ${after.id}: verdict ${before.verdict ?? "?"} \u2192 ${after.verdict ?? "?"}` };
  const moved = figureMovement(before, after, format);
  return moved === null ? null : { kind: "claim", id: after.id, text: moved.text.replace(/^figure /, "claim ").replace(/: /, ": model median ") };
}

/** figures.json rows (p50 or value) and claims.json rows (verdict, computed.p50 or the interval's midpoint). */
function rows(data: unknown, kind: "figure" | "claim"): Row[] {
  if (!Array.isArray(data)) return [];
  return data.flatMap((item: unknown): Row[] => {
    if (typeof item !== "object" || item === null) return [];
    const r = item as Record<string, unknown>;
    if (typeof r.id !== "string") return [];
    const computed = (typeof r.computed === "object" && r.computed !== null ? r.computed : {}) as Record<string, unknown>;
    const summary = (typeof r.summary === "object" && r.summary !== null ? r.summary : {}) as Record<string, unknown>;
    const p50 =
      kind === "figure"
        ? num(r.p50) ?? num(summary.p50) ?? num(r.value)
        : num(computed.p50) ?? (num(computed.low) !== undefined && num(computed.high) !== undefined ? ((num(computed.low) as number) + (num(computed.high) as number)) / 2 : undefined);
    return [
      {
        id: r.id,
        label: typeof r.label === "string" ? r.label : r.id,
        ...(typeof r.section === "string" ? { section: r.section } : {}),
        ...(p50 === undefined ? {} : { p50 }),
        ...(typeof r.unit === "string" ? { unit: r.unit } : {}),
        ...(typeof r.format === "string" ? { format: r.format } : {}),
        ...(typeof r.verdict === "string" ? { verdict: r.verdict } : {}),
      },
    ];
  });
}

function byId(list: readonly Row[]): Map<string, Row> {
  return new Map(list.map((row) => [row.id, row]));
}

function num(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** sections.json read leniently; null when absent or not a list of sections. */
export function parseSections(text: string | undefined): SectionProse[] | null {
  if (text === undefined) return null;
  try {
    const data = JSON.parse(text) as unknown;
    if (!Array.isArray(data)) return null;
    return data
      .filter(
        (s): s is SectionProse =>
          typeof s === "object" && s !== null && typeof (s as SectionProse).id === "string" && typeof (s as SectionProse).proseSha256 === "string",
      )
      .map((s) => (s.proseV2Sha256 === undefined || typeof s.proseV2Sha256 === "string" ? s : withoutV2(s)));
  } catch {
    return null;
  }
}

/** A section whose v2 fingerprint is not text (an edited file): compared by v1, as if it had none. */
function withoutV2(section: SectionProse): SectionProse {
  const { proseV2Sha256: _dropped, ...rest } = section;
  return rest;
}

/** `guard` with each stale section that version `version` was published having re-read (`--reviewed`) marked so. */
export function markReviewed(guard: ProseGuard, reviews: readonly { readonly section: string; readonly version: string }[]): ProseGuard {
  if (guard.status !== "checked" || reviews.length === 0) return guard;
  // The latest review of each section (a diff across versions may span several).
  const latest = new Map<string, string>();
  for (const review of reviews) latest.set(review.section, review.version);
  return { status: "checked", stale: guard.stale.map((section) => (latest.has(section.section) ? { ...section, reviewedIn: latest.get(section.section) as string } : section)) };
}
