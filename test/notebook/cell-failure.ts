/**
 * A two-cell notebook (the notebook API's opening, then `cell`) run in a temp project for its error:
 * the run must fail. Under tslab, or in the real Deno runtime with Deno's kernelspec.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { executeNotebook } from "../../src/notebook/execute";
import { codeNotebookJson } from "../project";

const OPENING = 'import * as tslab from "tslab";\nimport { notebook } from "../dist/api.js";\nconst nb = notebook(tslab);';
const DENO_OPENING = 'import { notebook } from "../dist/api.js";\nconst nb = notebook(Deno.jupyter);';

export async function cellFailure(root: string, name: string, cell: string, kernel: "tslab" | "deno" = "tslab") {
  const file = join(root, "notebooks", `${name}-${kernel}.ipynb`);
  const json = JSON.parse(codeNotebookJson([kernel === "deno" ? DENO_OPENING : OPENING, cell])) as { metadata: Record<string, unknown> };
  if (kernel === "deno") json.metadata.kernelspec = { name: "deno", language: "typescript", display_name: "Deno" };
  writeFileSync(file, JSON.stringify(json));
  const run = await executeNotebook(file, { root });
  expect(run.status).toBe("failed");
  return run.error;
}
