/**
 * The notebook `fragtax new <name>` writes: a chapter that already works — the import cell, an
 * assumption read, a Monte Carlo, a headline figure, prose citing it, a chart — so an analyst starts
 * from something that passes `fragtax check`, builds, and runs unchanged in Jupyter, and replaces the
 * example with their own model. Pure: text in, text out.
 */
import { formatForUnit } from "../format/number";
import type { Notebook } from "../notebook/nbformat";
import { toMultiline, type KernelKind } from "../notebook/nbformat";
import { SCAFFOLD_NOTE } from "../vocabulary/scaffold";

export const CHAPTER_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * The longest chapter name. A file name may have 255 bytes (NAME_MAX on Linux and macOS, NTFS's 255
 * characters), and the names made from a chapter's are longer than its NN-<name>.ipynb: a crash-safe
 * write's temporary sibling (`.<file>.<pid>.<8 hex>.tmp`, util/atomic.ts, 23 more at most), a cell's
 * type-check file (`<file>.cell<N>.tsx`). 100 leaves room for all of them with any chapter number.
 */
/**
 * The chapter name a refused one likely means: "Energy" or "my chapter" as "energy" and "my-chapter"
 * (lowercase, a dash for each run of other characters, a leading number dropped); undefined when no
 * letter is left to start one.
 */
export function chapterNameLike(name: string): string | undefined {
  const meant = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/\.ipynb$/, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+|-+$/g, "");
  return CHAPTER_NAME.test(meant) ? meant : undefined;
}

export const CHAPTER_NAME_MAX = 100;

export interface ChapterSeed {
  /** 1, 2, …: the file is NN-<name>.ipynb. */
  readonly number: number;
  readonly name: string;
  /** The assumption the worked example reads. */
  readonly assumption: { readonly id: string; readonly label: string; readonly unit: string };
  /** The kernel it is for (tslab when absent): Deno's takes the API's run context from `Deno.jupyter`. */
  readonly kernel?: KernelKind;
}

/**
 * Each kernel's kernelspec and language_info as its own kernel writes them (tslab's, and `deno
 * jupyter`'s), so Jupyter does not rewrite the metadata on first save.
 */
const KERNEL_METADATA = {
  tslab: {
    kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" },
    language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/typescript", codemirror_mode: { name: "javascript", typescript: true }, version: "3.7.2" },
  },
  deno: {
    kernelspec: { name: "deno", display_name: "Deno", language: "typescript" },
    language_info: { name: "typescript", file_extension: ".ts", mimetype: "text/x.typescript", codemirror_mode: "typescript", nbconvert_exporter: "script", pygments_lexer: "typescript" },
  },
};

export function chapterFileName(number: number, name: string): string {
  return `${String(number).padStart(2, "0")}-${name}.ipynb`;
}

/** The notebook among `files` that is the chapter `name` whatever its number (`09-energy.ipynb` for "energy"), if any. */
export function chapterNamed(files: readonly string[], name: string): string | undefined {
  return files.find((file) => file.replace(/^\d+-/, "") === `${name}.ipynb`);
}

/** The next chapter number: one above the highest "NN-" among the notebook files and chapters named. */
export function nextChapterNumber(names: readonly string[]): number {
  const numbers = names.map((name) => /^(\d+)-/.exec(name)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  return numbers.length === 0 ? 1 : Math.max(...numbers) + 1;
}

/**
 * Abbreviations a chapter name is likely to hold, written as they are read: `gpu-budget` is titled
 * "GPU budget", not "Gpu budget". None is also an English word ("us" stays "us"). The title is the
 * author's to rewrite; this only spares the obvious edit.
 */
const ABBREVIATIONS = new Set(["ai", "api", "asic", "cpu", "eu", "gpu", "hbm", "llm", "ml", "tco", "tpu", "uk", "usd"]);

/** `gpu-budget` → "GPU budget": words from the name, the first capitalised, abbreviations in capitals. */
export function chapterTitle(name: string): string {
  const words = name.split("-").map((word) => (ABBREVIATIONS.has(word) ? word.toUpperCase() : word));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The new chapter as nbformat 4.5 JSON (tslab's kernel or Deno's, every cell with an id). */
export function chapterNotebook(seed: ChapterSeed): string {
  const { number, name, assumption, kernel = "tslab" } = seed;
  const prefix = `c${String(number).padStart(2, "0")}`;
  const figureId = `${name.replace(/-/g, "_")}_example`;
  const format = formatForUnit(assumption.unit);
  // Literals go through JSON.stringify: an assumption label with quotes or `${` stays a plain string.
  const id = JSON.stringify(assumption.id);
  const label = JSON.stringify(`Twice the input (${assumption.label})`);
  const unit = JSON.stringify(assumption.unit);
  const sources: Array<readonly ["markdown" | "code", string]> = [
    ["markdown", `# ${number}. ${chapterTitle(name)}\n\nOne or two sentences on the question this chapter answers. ${SCAFFOLD_NOTE}`],
    ["code", kernel === "deno" ? `import { notebook } from "../dist/api.js";\nimport { histogramBins, monteCarlo } from "../dist/model.js";\nconst nb = notebook(Deno.jupyter);` : `import * as tslab from "tslab";\nimport { notebook } from "../dist/api.js";\nimport { histogramBins, monteCarlo } from "../dist/model.js";\nconst nb = notebook(tslab);`],
    ["markdown", "## A worked example\n\nRead an assumption, run a model on it under uncertainty, and cite the result: every number in the prose below comes from the model, with its 90% interval."],
    [
      "code",
      `// Reading an assumption records the read: the build re-runs this chapter when its value changes.\n` +
        `const input = nb.assumptions.get(${id});\n` +
        `// A model is a pure function of named inputs; monteCarlo samples each from its distribution.\n` +
        `const result = monteCarlo(({ x }) => ({ twice: 2 * x }), { x: input }, nb.montecarlo);\n` +
        `const twice = nb.figure({ id: ${JSON.stringify(figureId)}, label: ${label}, unit: ${unit}, format: ${JSON.stringify(format)}, summary: result.outputs.twice });`,
    ],
    ["code", "nb.md`Doubling the input gives ${twice}: the median first, then the 90% interval.`;"],
    [
      "code",
      `nb.chart({\n` +
        `  title: "How the doubled input is spread",\n` +
        `  description: "Histogram of the Monte Carlo samples of the doubled input",\n` +
        `  width: 480, height: 160,\n` +
        `  data: { values: histogramBins(result.outputs.twice.samples, 30) },\n` +
        `  mark: "bar",\n` +
        `  encoding: {\n` +
        `    // The bins are made already (x0–x1): "binned" stands each bar on zero.\n` +
        `    x: { field: "x0", bin: "binned", type: "quantitative", title: ${JSON.stringify(`Twice the input (${assumption.unit})`)} },\n` +
        `    x2: { field: "x1" },\n` +
        `    y: { field: "count", type: "quantitative", title: "Samples" },\n` +
        `  },\n` +
        `});`,
    ],
  ];
  const notebook: Notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: KERNEL_METADATA[kernel],
    cells: sources.map(([type, text], index) => {
      const cellId = `${prefix}-${String(index).padStart(2, "0")}`;
      return type === "markdown"
        ? { id: cellId, cell_type: "markdown", metadata: {}, source: toMultiline(text) }
        : { id: cellId, cell_type: "code", metadata: {}, execution_count: null, outputs: [], source: toMultiline(text) };
    }),
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
