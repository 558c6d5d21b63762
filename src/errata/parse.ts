/**
 * The errata file → located errata. Pure: text in, entries out, or an `ErrataError` naming the file,
 * line and column of every problem (exit 2). References to sections, figures and versions are checked
 * later, against the build (check.ts).
 */
import { isMap, isScalar, isSeq, LineCounter, type Node } from "yaml";
import { z } from "zod";
import * as messages from "../messages/errata";
import { isCalendarDate } from "../util/dates";
import { plausibleName } from "../util/suggest";
import { MAX_ALIAS_VALUES, notYamlText, parseYamlDocument, plainYaml, yamlSyntaxProblem } from "../util/yaml-syntax";
import { yamlFileNotText } from "../messages/yaml";
import { located } from "../messages/location";
import { ErrataError } from "./errors";
import type { LocatedErratum } from "./types";

const text = z.string().trim().min(1, "must not be empty").max(4000, "is longer than 4,000 characters: keep a correction to a paragraph");
const Entry = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, "must be snake_case (a-z, 0-9, _), starting with a letter"),
  version: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(?:-\d+)?$/, { error: "must be a published version id like 2026-11-26", abort: true })
    .refine((id) => isCalendarDate(id.slice(0, 10)), "is not a calendar date (check the month and day)"),
  // Inner spaces are allowed: a section id begins with its chapter's file name, which may hold one ("my notes#top").
  section: z.string().regex(/^\S(?:[^\S\r\n]*\S)*$/, 'must be a section id like "05-who-pays#compute-spend" or "appendix-methods"'),
  figures: z.array(z.string().min(1)).default([]),
  was: text,
  now: text,
});

export const ERRATUM_FIELDS = ["id", "version", "section", "figures", "was", "now"] as const;

export function parseErrata(source: string, file: string): LocatedErratum[] {
  const notText = notYamlText(source);
  // An empty errata file is no errata, as one that lists none.
  if (notText === "binary") throw new ErrataError([located({ file, line: 1, column: 1 }, yamlFileNotText(file, notText, "the errata"))]);
  const lines = new LineCounter();
  const doc = parseYamlDocument(source, { lineCounter: lines, uniqueKeys: true });
  const pos = (node: Node | null | undefined): { line: number; column: number } => {
    const { line, col } = lines.linePos(node?.range?.[0] ?? 0);
    return { line, column: col };
  };
  const where = (node: Node | null | undefined) => ({ file, ...pos(node) });
  const yamlError = doc.errors[0];
  if (yamlError !== undefined) {
    const { line, column, detail } = yamlSyntaxProblem(source, yamlError);
    throw new ErrataError([messages.errataSyntax({ file, line, column }, detail)]);
  }
  // Aliases are resolved entry by entry below; a file whose aliases expand past the limit is refused here, located.
  const resolved = plainYaml(doc, source);
  if ("problem" in resolved) {
    const { line, column, detail } = resolved.problem;
    throw new ErrataError([messages.errataSyntax({ file, line, column }, detail)]);
  }
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return [];
  const list = isMap(root) ? root.get("errata", true) : undefined;
  const extra = isMap(root) ? root.items.find((pair) => !(isScalar(pair.key) && pair.key.value === "errata")) : undefined;
  if (!isMap(root) || extra !== undefined) throw new ErrataError([messages.errataNotAList(where((extra?.key as Node | undefined) ?? root))]);
  if (list === null || list === undefined || (isScalar(list) && list.value === null)) return [];
  if (!isSeq(list)) throw new ErrataError([messages.errataNotAList(where(list as Node))]);

  const problems: string[] = [];
  const entries: LocatedErratum[] = [];
  const firstLine = new Map<string, number>();
  for (const item of list.items) {
    const node = item as Node;
    const fields: Record<string, { line: number; column: number }> = { "": pos(node) };
    const fieldNode = (key: string): Node => (isMap(node) ? ((node.get(key, true) as Node | undefined) ?? node) : node);
    for (const key of ERRATUM_FIELDS) fields[key] = pos(fieldNode(key));
    const raw: unknown = node.toJS(doc, { maxAliasCount: MAX_ALIAS_VALUES });
    const rawId = raw !== null && typeof raw === "object" && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : undefined;
    const parsed = Entry.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.code === "unrecognized_keys" ? (issue.keys[0] ?? "") : String(issue.path[0] ?? "");
        const target = issue.code === "unrecognized_keys" && isMap(node) ? (node.items.find((p) => isScalar(p.key) && p.key.value === key)?.key as Node | undefined) : undefined;
        const at = target !== undefined ? pos(target) : (fields[key] ?? fields[""]!);
        // "Missing" only when the field is absent: a number where a string belongs is a wrong type.
        const absent = raw === null || typeof raw !== "object" || (raw as Record<string, unknown>)[key] === undefined;
        const detail = issue.code === "unrecognized_keys" ? messages.errataNotAField(ERRATUM_FIELDS, plausibleName(key, ERRATUM_FIELDS))
          : issue.code === "invalid_type" ? (absent ? "is missing" : `${issue.path.length > 1 ? "has an item that " : ""}${wrongType(issue.expected, valueAt(raw, issue.path))}`)
          : issue.message;
        const problem = messages.errataBadField({ file, ...at }, rawId, key, detail);
        // Two bad items of one list (figures: [1, 2]) are one problem at one place.
        if (!problems.includes(problem)) problems.push(problem);
      }
      continue;
    }
    const seen = firstLine.get(parsed.data.id);
    if (seen !== undefined) {
      problems.push(messages.errataDuplicateId({ file, ...fields.id! }, parsed.data.id, seen));
      continue;
    }
    firstLine.set(parsed.data.id, fields[""]!.line);
    entries.push({ ...parsed.data, at: { file, fields } });
  }
  const [first, ...rest] = problems;
  if (first !== undefined) throw new ErrataError([first, ...rest]);
  return entries;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined), raw);
}

/** "must be text, not a number": YAML reads 20261126 as a number and [a] as a list. */
function wrongType(expected: string, value: unknown): string {
  const kind = Array.isArray(value) ? "a list" : value === null ? "empty" : typeof value === "object" ? "a mapping" : typeof value === "boolean" ? "true/false" : `a ${typeof value}`;
  return `must be ${expected === "string" ? "text" : expected === "array" ? "a list" : `a ${expected}`}, not ${kind}`;
}
