/**
 * Adding a chapter to report.yaml without disturbing it. The `yaml` Document API finds the chapters
 * list and where its last entry ends; the new entry is spliced into the text right there, in the
 * list's own style (a block item with the same indent, or `, name` inside a flow list), so comments,
 * quoting, line breaks and every other byte of the file stay as the analyst wrote them. Pure.
 */
import { isScalar, isSeq } from "yaml";
import { parseYamlDocument } from "../util/yaml-syntax";
import * as messages from "../messages/scaffold";
import { InputError } from "../util/errors";

/** report.yaml without a chapters list to add to: the input is wrong, exit 2. */
export class ReportYamlEditError extends InputError {}

export function withChapterAdded(text: string, fileName: string, chapter: string): string {
  const document = parseYamlDocument(text);
  const chapters = document.get("chapters", true);
  const entry = /^[\w.-]+$/.test(chapter) ? chapter : JSON.stringify(chapter);
  // `chapters:` with nothing after it (or `~`): the first chapter, as a one-item list in its place.
  if (document.errors.length === 0 && isScalar(chapters) && chapters.value === null && chapters.range) {
    const [start, end] = chapters.range;
    return `${text.slice(0, start)}${text[start - 1] === ":" ? " " : ""}[${entry}]${start === end && text[end] === "#" ? " " : ""}${text.slice(end)}`;
  }
  if (document.errors.length > 0 || !isSeq(chapters) || chapters.range == null) throw new ReportYamlEditError(messages.reportYamlNoChapters(fileName));
  const last = chapters.items.at(-1);
  if (chapters.flow) {
    if (last === undefined) {
      const open = text.indexOf("[", chapters.range[0]);
      return `${text.slice(0, open + 1)}${entry}${text.slice(open + 1)}`;
    }
    const end = isScalar(last) && last.range ? last.range[1] : chapters.range[1] - 1;
    return `${text.slice(0, end)}, ${entry}${text.slice(end)}`;
  }
  if (!isScalar(last) || !last.range) throw new ReportYamlEditError(messages.reportYamlNoChapters(fileName));
  // After the last entry's line, so a comment on that line stays with its entry.
  const newline = text.indexOf("\n", last.range[1]);
  // A file with Windows line ends gets one on the new line too: before the line's "\r\n", not between.
  const crlf = newline > 0 && text[newline - 1] === "\r";
  const end = newline < 0 ? text.length : crlf ? newline - 1 : newline;
  const lineStart = text.lastIndexOf("\n", last.range[0]) + 1;
  const indent = /^(\s*)-\s*/.exec(text.slice(lineStart, last.range[0]))?.[1] ?? "  ";
  return `${text.slice(0, end)}${crlf ? "\r\n" : "\n"}${indent}- ${entry}${text.slice(end)}`;
}
