/**
 * What else differs between two published versions, beyond their assumptions, figures and claims: the
 * sections whose words were rewritten (their prose's fingerprint, as sections.json records it), added or
 * removed, and what each version was built from (its git commit, the tools' versions). Without it, a
 * version whose only change was its words or its code diffed as "no assumption changed, every figure
 * unchanged": true of its numbers, and silent about what did change.
 *
 * Pure: data in, data out. A side without sections.json (published before it) or without a manifest
 * (a file, a git ref) gives no comparison of that part, rather than a guess.
 */
import { sameProse, type SectionProse } from "./prose-guard";
import { byIdOrder } from "../util/order";

/** What a published version records of where it came from (its manifest's `git` and `tools`). */
export interface BuiltFrom {
  readonly commit: string | null;
  /** Whether the work tree had uncommitted changes; null when it was not known (no repository). */
  readonly dirty: boolean | null;
  readonly tools: Readonly<Record<string, string>>;
}

export interface SectionRef {
  readonly id: string;
  readonly notebook: string;
  readonly heading: string;
}

export interface SectionsDiff {
  /** Sections of both sides whose prose differs (the words; the numbers in them are the figures'). */
  readonly rewritten: readonly SectionRef[];
  readonly added: readonly SectionRef[];
  readonly removed: readonly SectionRef[];
  readonly unchanged: number;
}

export interface ToolChange {
  readonly name: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface BuiltFromDiff {
  readonly before: BuiltFrom;
  readonly after: BuiltFrom;
  /** The commit, or whether it had uncommitted changes, differs. */
  readonly codeChanged: boolean;
  /** Tools whose version differs, or that one side does not record, by name. */
  readonly tools: readonly ToolChange[];
}

const ref = (s: SectionProse): SectionRef => ({ id: s.id, notebook: s.notebook, heading: s.heading });

/** The sections rewritten, added and removed between two versions' sections.json; undefined when either has none. */
export function diffSections(before: readonly SectionProse[] | null | undefined, after: readonly SectionProse[] | null | undefined): SectionsDiff | undefined {
  if (before == null || after == null) return undefined;
  const old = new Map(before.map((s) => [s.id, s]));
  const now = new Set(after.map((s) => s.id));
  // By the guard's own comparison (prose-guard.ts): a section it asks to re-read is never listed as rewritten.
  const rewritten = after.filter((s) => old.has(s.id) && !sameProse(old.get(s.id) as SectionProse, s)).map(ref).sort(byIdOrder);
  const added = after.filter((s) => !old.has(s.id)).map(ref).sort(byIdOrder);
  const removed = before.filter((s) => !now.has(s.id)).map(ref).sort(byIdOrder);
  return { rewritten, added, removed, unchanged: after.length - rewritten.length - added.length };
}

/** What the two versions were built from, compared; undefined when either side records nothing. */
export function diffBuiltFrom(before: BuiltFrom | undefined, after: BuiltFrom | undefined): BuiltFromDiff | undefined {
  if (before === undefined || after === undefined) return undefined;
  const names = [...new Set([...Object.keys(before.tools), ...Object.keys(after.tools)])].sort();
  const tools = names.map((name) => ({ name, before: before.tools[name] ?? null, after: after.tools[name] ?? null })).filter((t) => t.before !== t.after);
  return { before, after, codeChanged: before.commit !== after.commit || before.dirty !== after.dirty, tools };
}
