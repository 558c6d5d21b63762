/**
 * Line and column (both from 1) of an offset in a text: the one home for turning offsets into the
 * positions errors name. A line ends at "\n" (a "\r" before it is the end of that line's text).
 */

export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

/** The position of one offset. Scans the text before it: for many offsets into one text, `lineIndex`. */
export function lineColumn(text: string, offset: number): LineColumn {
  const before = text.slice(0, offset);
  const lines = before.split("\n");
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** Positions of many offsets into one text: the line starts are found once, each lookup is a binary search. */
export function lineIndex(text: string): (offset: number) => LineColumn {
  const starts = [0];
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 };
  };
}

/** The offset of a 1-based line and column in `text`, or -1 when the line is not that long. */
export function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  for (let current = 1; current < line; current += 1) {
    start = text.indexOf("\n", start) + 1;
    if (start === 0) return -1;
  }
  const end = text.indexOf("\n", start);
  const offset = start + column - 1;
  return offset < (end < 0 ? text.length : end) ? offset : -1;
}
