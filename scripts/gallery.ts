/**
 * `npm run gallery`: the Vega-Lite example gallery through the real chart path (schema check, local
 * data inlined, theme, seeded render, reflow of wide charts, the phone drawing, id scoping; no chart
 * cache), as a build draws each chart. The 633 specs of vega-lite's
 * `examples/specs/*.vl.json` are vendored in test/fixtures/gallery/specs (with vega-lite's licence);
 * their `data/…` URLs resolve in the `vega-datasets` package, as the gallery's own page resolves them.
 * Three specs point at the datasets on a CDN: the runner maps those URLs to the same local files
 * (a report refuses remote URLs). Prints ok / warned / failed per spec and the time percentiles,
 * wall and CPU (this process's CPU time: steadier than wall on a busy machine), with the load average;
 * `--json FILE` also writes every result.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { renderChart } from "../src/charts/render";
import { packageDir } from "../src/package-version";

interface Result {
  readonly spec: string;
  readonly status: "ok" | "warned" | "failed";
  /** Wall time and this process's CPU time (user + system, all threads) for the chart and its phone drawing. */
  readonly ms: number;
  readonly cpuMs: number;
  readonly kind: string;
  readonly detail: string;
}

const folder = join(import.meta.dirname, "..", "test", "fixtures", "gallery", "specs");
const datasets = packageDir("vega-datasets");
const only = process.argv.slice(2).filter((arg) => !arg.startsWith("--") && arg.endsWith(".vl.json"));
const jsonAt = process.argv.indexOf("--json");
const files = readdirSync(folder).filter((name) => name.endsWith(".vl.json") && (only.length === 0 || only.includes(name))).sort();

const CDN = /^https:\/\/cdn\.jsdelivr\.net\/npm\/vega-datasets@[^/]+\//;
const localise = (text: string): string => text.replace(/"url":\s*"([^"]+)"/g, (whole, url: string) => (CDN.test(url) ? `"url": "${url.replace(CDN, "")}"` : whole));

const results: Result[] = [];
// Warm-up: the first chart pays for loading vega and the schema validator, not for rendering.
await renderChart({ data: { values: [{ a: 1 }] }, mark: "point", encoding: { x: { field: "a", type: "quantitative" } } }, { where: "warm-up", baseDir: datasets, root: datasets, idPrefix: "w" });
for (const file of files) {
  const spec = JSON.parse(localise(readFileSync(join(folder, file), "utf8"))) as Record<string, unknown>;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const cpuMs = (): number => {
    const used = process.cpuUsage(cpu);
    return (used.user + used.system) / 1000;
  };
  try {
    const chart = await renderChart(spec, { where: file, baseDir: datasets, root: datasets, idPrefix: `g${results.length}` });
    const ms = performance.now() - started;
    const kind = chart.markup.startsWith("<img") ? "png" : "svg";
    const truncated = [...chart.markup.matchAll(/<text[^>]*>([^<]*…)<\/text>/g)].length;
    const detail = [...chart.warnings, ...(truncated > 0 ? [`${truncated} label(s) end in "…"`] : [])].join(" | ");
    results.push({ spec: file, status: chart.warnings.length > 0 ? "warned" : "ok", ms, cpuMs: cpuMs(), kind, detail });
  } catch (error) {
    results.push({ spec: file, status: "failed", ms: performance.now() - started, cpuMs: cpuMs(), kind: "-", detail: error instanceof Error ? error.message : String(error) });
  }
}

const sorted = (key: "ms" | "cpuMs"): number[] => results.map((result) => result[key]).sort((a, b) => a - b);
const percentile = (times: readonly number[], p: number): string => (times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0).toFixed(0);
const count = (status: Result["status"]): number => results.filter((result) => result.status === status).length;
for (const result of results) {
  if (result.status !== "ok") process.stdout.write(`${result.status.padEnd(6)} ${result.spec}  ${result.detail.slice(0, 300)}\n`);
}
// The machine's load matters to wall times; CPU times (this process only) are the steadier measure.
const load = loadavg().map((value) => value.toFixed(1)).join(" ");
process.stdout.write(`\n| specs | ok | warned | failed | rasterised | | p50 ms | p95 ms | max ms (spec) |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n`);
for (const [label, key] of [["wall", "ms"], ["CPU", "cpuMs"]] as const) {
  const times = sorted(key);
  const slowest = results.reduce((a, b) => (b[key] > a[key] ? b : a), results[0] as Result);
  process.stdout.write(
    `| ${results.length} | ${count("ok")} | ${count("warned")} | ${count("failed")} | ${results.filter((result) => result.kind === "png").length} | ${label} | ${percentile(times, 50)} | ${percentile(times, 95)} | ${(times.at(-1) ?? 0).toFixed(0)} (${slowest.spec}) |\n`,
  );
}
process.stdout.write(`\nload average (1, 5, 15 min) at the end: ${load}\n`);
if (jsonAt > 0 && process.argv[jsonAt + 1] !== undefined) writeFileSync(process.argv[jsonAt + 1] as string, `${JSON.stringify(results, null, 2)}\n`);
process.exitCode = count("failed") > 0 ? 1 : 0;
