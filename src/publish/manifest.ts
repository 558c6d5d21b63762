/**
 * What a manifest's own fields must be, as publish, diff, verify and the index read them: their
 * shapes (`malformedField`), its seal (`manifestSha256`, the sha256 of its canonical content, written
 * by publish and checked by verify), and the cross-checks that need no seal (`contradictions`: its
 * date against its id and report.html, its headline against figures.json, its as-of date against
 * report.html), which are all a version published before the seal can be held to.
 *
 * The seal catches a field edited by hand (an as-of date, an erratum, a note); a manifest rewritten
 * wholesale, seal and all, is git's to catch (README: commit each version as it is published).
 */
import { figureValues, readFiguresJson, type FigureValues } from "../report/figures-file";
import { canonicalJson, sha256 } from "../util/hash";
import { isCalendarDate } from "../util/limits";
import { isRecord } from "../util/records";
import { VERSION_ID } from "../vocabulary/version-ids";

/** The manifest's sha256 of everything else in it (canonical JSON, so key order does not matter). */
export function manifestDigest(manifest: Readonly<Record<string, unknown>>): string {
  return sha256(canonicalJson({ ...manifest, manifestSha256: undefined }));
}

/** The manifest as publish writes it: with its own sha256. */
export function sealManifest<T extends object>(manifest: T): T & { readonly manifestSha256: string } {
  return { ...manifest, manifestSha256: manifestDigest(manifest as Readonly<Record<string, unknown>>) };
}

type Check = (value: unknown) => boolean;
const text: Check = (v) => typeof v === "string";
const date: Check = (v) => typeof v === "string" && isCalendarDate(v);
const number: Check = (v) => typeof v === "number" && Number.isFinite(v);
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const nullable = (check: Check): Check => (v) => v === null || check(v);
const texts: Check = (v) => Array.isArray(v) && v.every(text);

/** Each field path → what it must be; arrays are checked row by row (`headline[0].p50`). */
const FIELDS: Readonly<Record<string, Check>> = {
  id: text,
  date,
  note: optional(nullable(text)),
  publishedAt: text,
  builtAt: optional(nullable(text)),
  previous: nullable(text),
  asOf: optional(date),
  warnings: optional(texts),
  manifestSha256: optional(text),
  previousManifestSha256: optional(text),
  unsealedManifestSha256: optional((v) => isRecord(v) && Object.values(v).every(text)),
  buildSha256: optional(text),
  sourcesSha256: optional(text),
  git: isRecord,
  "git.commit": nullable(text),
  "git.dirty": nullable((v) => typeof v === "boolean"),
  tools: (v) => isRecord(v) && Object.values(v).every(text),
  assumptions: isRecord,
  "assumptions.file": text,
  "assumptions.sha256": text,
};
const HEADLINE: Readonly<Record<string, Check>> = { id: text, label: text, unit: text, format: text, p5: optional(number), p50: number, p95: optional(number), alternatives: optional(Array.isArray) };
const ERRATUM: Readonly<Record<string, Check>> = { id: text, version: text, section: text, was: text, now: text, figures: texts };

/** The first field (as a path, e.g. `asOf`, `headline[2].p50`) whose value is not what it must be. */
export function malformedField(manifest: Readonly<Record<string, unknown>>): string | undefined {
  const at = (path: string): unknown => path.split(".").reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), manifest);
  for (const [path, check] of Object.entries(FIELDS)) if (!check(at(path))) return path;
  const rows = (field: string, shape: Readonly<Record<string, Check>>, required: boolean): string | undefined => {
    const list = manifest[field];
    if (list === undefined && !required) return undefined;
    if (!Array.isArray(list)) return field;
    for (const [i, row] of list.entries()) {
      if (!isRecord(row)) return `${field}[${i}]`;
      for (const [key, check] of Object.entries(shape)) if (!check(row[key])) return `${field}[${i}].${key}`;
    }
    return undefined;
  };
  return rows("headline", HEADLINE, true) ?? rows("errata", ERRATUM, false) ?? proseField(manifest.prose);
}

function proseField(prose: unknown): string | undefined {
  if (prose === undefined) return undefined;
  if (!isRecord(prose) || !text(prose.guard) || !Array.isArray(prose.reviewed)) return "prose";
  const bad = prose.reviewed.findIndex((r) => !isRecord(r) || !text(r.section) || !text(r.heading) || !texts(r.movements));
  return bad < 0 ? undefined : `prose.reviewed[${bad}]`;
}

/** A field the version's own published files contradict: the field, and the file that says otherwise. */
export interface Contradiction {
  readonly field: string;
  readonly file: "manifest.json" | "figures.json" | "report.html";
}

/**
 * What the manifest says that the version's hashed files (or its id) do not bear out. `figures` and
 * `page` are the bytes of figures.json and report.html, already checked against their sha256s.
 */
export function contradictions(manifest: { readonly date: string; readonly asOf?: string; readonly headline: readonly FigureValues[] }, id: string, figures: string | undefined, page: string | undefined): Contradiction[] {
  const found: Contradiction[] = [];
  // `2026-05-01` and `2026-05-01-2` are versions of 2026-05-01.
  if (VERSION_ID.exec(id)?.[1] !== manifest.date) found.push({ field: "date", file: "manifest.json" });
  if (figures !== undefined) {
    const byId = figuresById(figures);
    const differs = byId === undefined ? undefined : manifest.headline.find((h) => byId.get(h.id) !== canonicalJson(h));
    if (differs !== undefined) found.push({ field: `headline "${differs.id}"`, file: "figures.json" });
  }
  if (page !== undefined) {
    const meta = (name: string): string | undefined => new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(page)?.[1];
    const pageDate = meta("fragtax-version-date");
    if (pageDate !== undefined && pageDate !== manifest.date) found.push({ field: "date", file: "report.html" });
    // A page records its cut-off (the version date when the build had none), pages before it did not:
    // a manifest's as-of date must be the page's, when the page has one.
    const pageAsOf = meta("fragtax-as-of");
    if (manifest.asOf !== undefined && pageAsOf !== undefined && pageAsOf !== manifest.asOf) found.push({ field: "asOf", file: "report.html" });
  }
  return found;
}

/** figures.json's rows as the headline copies them, canonical, by id; undefined when it is not JSON (nothing to hold the headline to). */
function figuresById(figures: string): Map<string, string> | undefined {
  try {
    return new Map(figureValues(readFiguresJson(JSON.parse(figures))).map((f) => [f.id, canonicalJson(f)]));
  } catch {
    return undefined;
  }
}
