/**
 * `npm run bench`: runs every `bench/*.bench.ts` in name order and prints its tables.
 * Each file default-exports `async () => BenchTable[]`. Rows carry their own ratios against a
 * baseline measured in the same run; nothing here asserts a time.
 */
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";
import type { BenchTable } from "./table";
import { formatTable } from "./table";

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => only.length === 0 || only.some((filter) => name.includes(filter)))
  .sort();

// Each file's own time too: the whole bench must stay under 3 minutes, and this says which part grew.
const started = performance.now();
for (const file of files) {
  const fileStarted = performance.now();
  const module = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchTable[]> };
  process.stdout.write(`\n# ${file}\n`);
  for (const table of await module.default()) process.stdout.write(`\n${formatTable(table)}\n`);
  process.stdout.write(`\n(${file}: ${seconds(fileStarted)})\n`);
}
process.stdout.write(`\nbench: ${seconds(started)} in all (npm run bench also bundles the CLI first)\n`);

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}
