/**
 * Model runs kept by the engine (src/notebook/model-runs.ts), seen from real notebook runs: a model a
 * project module exports is computed once and served to later runs; a change to the bundled code,
 * a model made in a cell or an export a cell changed is computed. The model counts its evaluations
 * on the notebook's global object, so each run shows whether it computed.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { executeNotebook } from "../../src/notebook/execute";
import { FileSystemError } from "../../src/util/fs-errors";
import type { CodeCell } from "../../src/notebook/nbformat";
import { codeNotebookJson, tempProject } from "../project";

const project = tempProject();
mkdirSync(join(project.root, "notebooks", "lib"));
writeFileSync(join(project.root, "package.json"), "{}\n"); // a project: the engine caches in out/.cache/
afterAll(() => project.remove());

const MODELS = (factor: number) => `import type { ReportModel } from "../../dist/model.js";
const counted = (globalThis as { evaluations?: number });
export const COST: ReportModel<"price" | "hours", "cost"> = {
  ids: { price: "h100_usd_per_gpu_hour", hours: "run_gpu_hours" },
  evaluate: (x) => {
    counted.evaluations = (counted.evaluations ?? 0) + 1;
    return { cost: ${factor} * x.price * x.hours };
  },
};
`;

const OPENING = 'import * as tslab from "tslab";\nimport { notebook } from "../dist/api.js";\nimport { runModel } from "../dist/model.js";\nimport { COST } from "./lib/models";\nconst nb = notebook(tslab);\nconst counted = globalThis as { evaluations?: number };';
/** A cell's text: how many evaluations its run made, and the run's median and first sample. */
const RUN = (model: string, name = "run") => `counted.evaluations = 0;\nconst ${name} = runModel(${model}, nb.assumptions, nb.montecarlo);\n\`\${counted.evaluations} \${${name}.summary.cost.p50} \${${name}.samples.cost[7]}\``;

function write(cells: readonly string[]): string {
  const file = join(project.root, "notebooks", "kept.ipynb");
  writeFileSync(file, codeNotebookJson(cells));
  return file;
}

async function results(file: string): Promise<string[]> {
  const run = await executeNotebook(file);
  expect(run.error).toBeUndefined();
  return run.executed.cells
    .filter((cell): cell is CodeCell => cell.cell_type === "code")
    .slice(1)
    .map((cell) => String((cell.outputs[0] as { data?: Record<string, unknown> } | undefined)?.data?.["text/plain"]));
}

/** Evaluations of a kept run: the draws run-memo.ts checks before it takes the run. */
const CHECKED = 4;
const evaluations = (text: string | undefined): number => Number(text?.replace(/^'/, "").split(" ")[0]);
const numbers = (text: string | undefined): string => text?.replace(/^'/, "").split(" ").slice(1).join(" ") ?? "";

describe("model runs the engine keeps", () => {
  it("computes an exported model once: later runs take the kept run, with the same numbers", async () => {
    writeFileSync(join(project.root, "notebooks", "lib", "models.ts"), MODELS(1));
    const file = write([OPENING, RUN("COST")]);
    const [first] = await results(file);
    expect(evaluations(first)).toBe(2001); // 2,000 samples and the first draw that finds the outputs' names
    expect(readdirSync(join(project.root, "out", ".cache", "engine", "model-runs"))).toHaveLength(1);
    const [second] = await results(file);
    expect(evaluations(second)).toBe(CHECKED); // only the check of a few draws
    expect(numbers(second)).toBe(numbers(first));
    expect((await executeNotebook(file)).modelRuns).toEqual({ kept: 1, computed: 0 });
  });

  it("computes again when the bundled code changes", async () => {
    const file = write([OPENING, RUN("COST")]);
    const [kept] = await results(file);
    expect(evaluations(kept)).toBe(CHECKED);
    writeFileSync(join(project.root, "notebooks", "lib", "models.ts"), MODELS(2));
    const [changed] = await results(file);
    expect(evaluations(changed)).toBe(2001);
    expect(Number(numbers(changed).split(" ")[0])).toBeCloseTo(2 * Number(numbers(kept).split(" ")[0]), 6);
  });

  it("never keeps a model made in a cell, nor an exported one a cell changed", async () => {
    writeFileSync(join(project.root, "notebooks", "lib", "models.ts"), MODELS(1));
    const file = write([
      OPENING,
      RUN("COST"),
      "const LOCAL = { ids: COST.ids, evaluate: COST.evaluate };\n" + RUN("LOCAL", "local"),
      "Object.assign(COST, { evaluate: (x: { price: number; hours: number }) => { counted.evaluations = (counted.evaluations ?? 0) + 1; return { cost: 3 * x.price * x.hours }; } });\n" + RUN("COST", "changed"),
    ]);
    await results(file);
    const [kept, local, changed] = await results(file);
    expect(evaluations(kept)).toBe(CHECKED);
    expect(evaluations(local)).toBe(2001);
    expect(numbers(local)).toBe(numbers(kept));
    expect(evaluations(changed)).toBe(2001);
    expect(Number(numbers(changed).split(" ")[0])).toBeCloseTo(3 * Number(numbers(kept).split(" ")[0]), 6);
  });

  it("computes again when the exported model no longer gives the kept numbers (module state a cell changed)", async () => {
    writeFileSync(join(project.root, "notebooks", "lib", "models.ts"), `${MODELS(1)}
let scale = 1;
/** Not pure: the model reads state a cell can change (ReportModel asks for pure models; this one is caught). */
export const setScale = (value: number): void => {
  scale = value;
};
export const SCALED: ReportModel<"price" | "hours", "cost"> = { ids: COST.ids, evaluate: (x) => ({ cost: scale * COST.evaluate(x).cost }) };
`);
    const opening = OPENING.replace('import { COST } from "./lib/models";', 'import { COST, SCALED, setScale } from "./lib/models";');
    const file = write([opening, RUN("SCALED"), `setScale(5);\n${RUN("SCALED", "scaled")}`]);
    // The same model on the same draws, so the same key: the kept run is read, its first checked draw
    // differs, and the run is computed (1 + 2,001 evaluations) and kept in its place.
    const [first, firstScaled] = await results(file);
    expect(evaluations(first)).toBe(2001);
    expect(evaluations(firstScaled)).toBe(1 + 2001);
    expect(Number(numbers(firstScaled).split(" ")[0])).toBeCloseTo(5 * Number(numbers(first).split(" ")[0]), 6);
    // Each cell now finds the other's run kept, and neither takes it.
    const [again, againScaled] = await results(file);
    expect([evaluations(again), evaluations(againScaled)]).toEqual([1 + 2001, 1 + 2001]);
    expect([numbers(again), numbers(againScaled)]).toEqual([numbers(first), numbers(firstScaled)]);
    expect((await executeNotebook(file)).modelRuns).toEqual({ kept: 0, computed: 2 }); // what the build's line says
  });

  it("computes again when a file or variable the model's module read as it loaded changes", async () => {
    // The bundle's hash cannot see a table a module reads from disk, nor a rate from the environment.
    const lib = join(project.root, "notebooks", "lib");
    const read = 'import { readFileSync } from "node:fs";\nconst FACTOR = Number(readFileSync("lib/factor.txt", "utf8")) * Number(process.env.FRAGTAX_TEST_RATE);\n';
    writeFileSync(join(lib, "models.ts"), read + MODELS(1).replace("cost: 1 *", "cost: FACTOR *"));
    const file = write([OPENING, RUN("COST")]);
    const median = async (): Promise<number> => Number(numbers((await results(file))[0]).split(" ")[0]);
    writeFileSync(join(lib, "factor.txt"), "1");
    process.env.FRAGTAX_TEST_RATE = "1";
    try {
      const first = await median();
      writeFileSync(join(lib, "factor.txt"), "2");
      expect(await median()).toBeCloseTo(2 * first, 6);
      process.env.FRAGTAX_TEST_RATE = "3";
      expect(await median()).toBeCloseTo(6 * first, 6);
    } finally {
      delete process.env.FRAGTAX_TEST_RATE;
    }
  });

  it("computes again when a cell changes any field of an exported model, not only ids and evaluate", async () => {
    // A model written as an object literal that reads its own constants through the export.
    const lib = join(project.root, "notebooks", "lib");
    writeFileSync(join(lib, "models.ts"), MODELS(1).replace("export const COST: ReportModel<\"price\" | \"hours\", \"cost\">", "export const COST: ReportModel<\"price\" | \"hours\", \"cost\"> & { params: { factor: number } }").replace("ids: {", "params: { factor: 1 },\n  ids: {").replace("cost: 1 *", "cost: COST.params.factor *"));
    const file = write([OPENING, RUN("COST"), "COST.params.factor = 2;\n" + RUN("COST", "doubled")]);
    await results(file);
    const [kept, doubled] = await results(file);
    expect(evaluations(kept)).toBe(CHECKED);
    expect(evaluations(doubled)).toBe(2001);
    expect(Number(numbers(doubled).split(" ")[0])).toBeCloseTo(2 * Number(numbers(kept).split(" ")[0]), 6);
  });

  it("computes again a model built on another export when a cell changes that one", async () => {
    // TAXED's own fields are as exported, but its evaluate calls COST's, which the cell replaced.
    const taxed = '\nexport const TAXED: ReportModel<"price" | "hours", "cost"> = { ids: COST.ids, evaluate: (x) => ({ cost: 1.1 * COST.evaluate(x).cost }) };\n';
    writeFileSync(join(project.root, "notebooks", "lib", "models.ts"), MODELS(1) + taxed);
    const opening = OPENING.replace("import { COST }", "import { COST, TAXED }");
    const file = write([opening, RUN("TAXED"), "Object.assign(COST, { evaluate: (x: { price: number; hours: number }) => ({ cost: 2 * x.price * x.hours }) });\n" + RUN("TAXED", "doubled")]);
    await results(file);
    const [kept, doubled] = await results(file);
    expect(evaluations(kept)).toBe(CHECKED);
    expect(Number(numbers(doubled).split(" ")[0])).toBeCloseTo(2 * Number(numbers(kept).split(" ")[0]), 6);
  });

  it("computes again when a cell changes data the model's module exports", async () => {
    // A rate table beside the model, as a report's lib would have it; the cell's what-if doubles it.
    const rates = "\nexport const RATES = { factor: 1 };\n";
    writeFileSync(join(project.root, "notebooks", "lib", "models.ts"), rates + MODELS(1).replace("cost: 1 *", "cost: RATES.factor *"));
    const opening = OPENING.replace("import { COST }", "import { COST, RATES }");
    const file = write([opening, RUN("COST"), "RATES.factor = 2;\n" + RUN("COST", "doubled")]);
    await results(file);
    const [kept, doubled] = await results(file);
    expect(evaluations(kept)).toBe(CHECKED);
    expect(Number(numbers(doubled).split(" ")[0])).toBeCloseTo(2 * Number(numbers(kept).split(" ")[0]), 6);
  });

  it("a run's file the folder refuses (a folder in its place): the notebook ends with the located error every cache gives", async () => {
    writeFileSync(join(project.root, "notebooks", "lib", "models.ts"), MODELS(1));
    const file = write([OPENING, RUN("COST")]);
    const folder = join(project.root, "out", ".cache", "engine", "model-runs");
    rmSync(folder, { recursive: true }); // the earlier tests' runs
    await results(file); // kept
    const runs = readdirSync(folder).filter((name) => name.endsWith(".bin"));
    expect(runs).toHaveLength(1);
    const blocked = join(folder, runs[0] ?? "");
    rmSync(blocked);
    mkdirSync(join(blocked, "in-the-way"), { recursive: true });
    const failure = await executeNotebook(file).then(
      () => undefined,
      (error: unknown) => error,
    );
    rmSync(blocked, { recursive: true });
    expect(failure).toBeInstanceOf(FileSystemError); // an input error: exit 2
    expect((failure as FileSystemError).message).toBe(
      `the engine's kept model runs (out/.cache/engine/model-runs): cannot use ${blocked} (EISDIR): it is a folder, but a file is needed there: remove or rename that folder, or give the path of a file`,
    );
    expect(evaluations((await results(file))[0])).toBe(2001); // with the folder gone, computed and kept again
    expect(readdirSync(folder)).toEqual(runs);
  });

  it("keeps nothing without the compile cache, and reads nothing kept", async () => {
    writeFileSync(join(project.root, "notebooks", "lib", "models.ts"), MODELS(1));
    const file = write([OPENING, RUN("COST")]);
    await results(file); // kept, with the cache
    const folder = join(project.root, "out", ".cache", "engine", "model-runs");
    const before = readdirSync(folder).sort();
    for (let i = 0; i < 2; i++) {
      const run = await executeNotebook(file, { cache: false });
      const cell = run.executed.cells.filter((c): c is CodeCell => c.cell_type === "code")[1];
      expect(evaluations(String((cell?.outputs[0] as { data?: Record<string, unknown> }).data?.["text/plain"]))).toBe(2001);
    }
    expect(readdirSync(folder).sort()).toEqual(before); // the earlier runs' folder, untouched
  });
});
