/**
 * `npm run conformance:record`: writes the tslab conformance notebooks from
 * test/fixtures/conformance/cases.ts and records real tslab's outputs for each with
 * `jupyter nbconvert --to notebook --execute` (the tslab kernel registered with
 * `npx tslab install --python=/usr/bin/python3`) into test/fixtures/conformance/golden/.
 * `--write-only` only (re)writes the notebooks. Pass case names to record only those.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { CASES } from "../test/fixtures/conformance/cases";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const folder = join(root, "test", "fixtures", "conformance");
const notebooks = join(folder, "notebooks");
const golden = join(folder, "golden");
/** The last cell of every case: it always prints, so a silent last cell means a failure stopped the notebook. */
export const SENTINEL = 'console.log("end of case");';

const args = process.argv.slice(2);
const writeOnly = args.includes("--write-only");
const only = args.filter((arg) => !arg.startsWith("--"));

for (const [name, cells] of Object.entries(CASES)) writeFileSync(join(notebooks, `${name}.ipynb`), notebookJson([...cells, SENTINEL]));
process.stdout.write(`wrote ${Object.keys(CASES).length} notebooks to ${notebooks}\n`);

if (!writeOnly) {
  mkdirSync(golden, { recursive: true });
  const names = Object.keys(CASES).filter((name) => only.length === 0 || only.includes(name));
  const env = { ...process.env, PATH: `${join(root, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}` };
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < names.length) {
      const name = names[next++] as string;
      const out = join(golden, ".tmp", name);
      await promisify(execFile)(
        "/usr/bin/jupyter",
        ["nbconvert", "--to", "notebook", "--execute", "--allow-errors", "--ExecutePreprocessor.kernel_name=tslab", "--ExecutePreprocessor.timeout=60", "--output-dir", out, `${name}.ipynb`],
        { cwd: notebooks, env, timeout: 180_000 },
      );
      const executed = JSON.parse(readFileSync(join(out, `${name}.ipynb`), "utf8")) as { cells: Array<{ metadata: Record<string, unknown> }> };
      // Timestamps change every recording; nothing compares them.
      for (const cell of executed.cells) delete cell.metadata.execution;
      writeFileSync(join(golden, `${name}.ipynb`), `${JSON.stringify(executed, null, 1)}\n`);
      process.stdout.write(`recorded ${name}\n`);
    }
  };
  await Promise.all([lane(), lane()]);
  rmSync(join(golden, ".tmp"), { recursive: true, force: true });
}

function notebookJson(cells: readonly string[]): string {
  return `${JSON.stringify(
    {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" }, language_info: { name: "typescript" } },
      cells: cells.map((source, index) => ({ cell_type: "code", id: `cell-${index + 1}`, metadata: {}, execution_count: null, outputs: [], source })),
    },
    null,
    1,
  )}\n`;
}
