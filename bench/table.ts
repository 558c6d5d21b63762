/** A benchmark result table, printed as Markdown so it can be pasted into notes as it is. */
export interface BenchTable {
  readonly title: string;
  readonly rows: ReadonlyArray<Readonly<Record<string, string | number>>>;
  readonly notes?: readonly string[];
}

export function formatTable(table: BenchTable): string {
  const columns = [...new Set(table.rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: string | number | undefined): string =>
    value === undefined ? "" : typeof value === "number" ? formatNumber(value) : value;
  const lines = [
    `## ${table.title}`,
    "",
    `| ${columns.join(" | ")} |`,
    `| ${columns.map(() => "---").join(" | ")} |`,
    ...table.rows.map((row) => `| ${columns.map((column) => cell(row[column])).join(" | ")} |`),
    ...(table.notes ?? []).map((note) => `\n${note}`),
  ];
  return lines.join("\n");
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

/** Median wall time in milliseconds of `runs` calls of `fn` (after one warm-up call). */
export async function medianMs(fn: () => unknown, runs = 5): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}
