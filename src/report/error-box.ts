/**
 * A cell's error as the page shows it, in a box where the cell's output would be.
 *
 * Its title is where and what, in one line: the error's located line (`notebooks/x.ipynb: cell 4,
 * line 16, column 116: TS2322: …`), which the terminal prints first, rather than the bare "TS2322: …"
 * followed by the same words again with the place. Under it, the rest as the terminal has it (a stack,
 * an imported file's frame), but a code frame under a line located in this cell is drawn again for
 * the page (util/code-frame.ts PAGE_FRAME): the terminal's frame shows up to 240 characters of a line,
 * and in a box ~75 characters wide (~38 on a phone) the caret and the word it points at were off to
 * the right, with nothing to say the box scrolls.
 */
import type { ErrorOutput } from "../notebook/nbformat";
import { cellPlaceOf } from "../messages/location";
import { codeFrame, PAGE_FRAME } from "../util/code-frame";
import { html, type Html } from "../util/html";
import { stripAnsi } from "../format/control";

/** The cell the box stands in: its number, and its code (the frames' text). */
export interface ErrorPlace {
  readonly cell: number;
  readonly cellSource: string;
}

/** A line of a code frame: `> 16 | code`, `  15 | code`, `     |    ^`. */
const FRAME_LINE = /^(?:[> ] +\d+ \||\s+\|)/;

/** An error output (a failed cell) as a box: its located line as the title, then the rest, framed for the page. */
export function errorOutputHtml(output: ErrorOutput, place: ErrorPlace): Html {
  const title = `${output.ename}: ${output.evalue}`;
  const lines = pageFramed(stripAnsi(output.traceback.join("\n")).split("\n"), place);
  const first = lines[0]?.trim() ?? "";
  const titleLine = title.split("\n")[0]?.trim() ?? "";
  // Tracebacks begin with "Name: message", bare or located: either way that line is the title.
  if (first === title.trim() || (titleLine !== "" && first.endsWith(titleLine) && cellPlaceOf(first) !== undefined)) {
    return box("output output-error", first === title.trim() ? title : first, lines.slice(1));
  }
  return box("output output-error", title, lines);
}

/** A message the page found (a chart it cannot draw), located in the cell: its first line the title, with the cell's frame under it. */
export function locatedMessageHtml(className: string, message: string, place: ErrorPlace): Html {
  const lines = pageFramed(message.split("\n"), place, true);
  return box(className, lines[0] ?? message, lines.slice(1));
}

function box(className: string, title: string, rest: readonly string[]): Html {
  const body = rest.join("\n");
  return html`<div class="${className}" role="alert"><p class="output-error-title">${title}</p>${body.trim() === "" ? null : html`<pre>${body}</pre>`}</div>`;
}

/**
 * `lines` with the frame under each line located in this cell drawn for the page. `add` frames a
 * located line that has none under it (a message, not a traceback); otherwise only a frame the
 * terminal drew is replaced, so a line quoted in a stack stays as it is.
 */
function pageFramed(lines: readonly string[], place: ErrorPlace, add = false): string[] {
  const out: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    out.push(line);
    const at = cellPlaceOf(line);
    if (at === undefined || at.cell !== place.cell) continue;
    let after = index + 1;
    while (after < lines.length && FRAME_LINE.test(lines[after] as string)) after++;
    if (after === index + 1 && !add) continue;
    out.push(...codeFrame(place.cellSource, at.line, at.column, 2, PAGE_FRAME).split("\n"));
    index = after - 1;
  }
  return out;
}
