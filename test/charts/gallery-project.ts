/**
 * A report project of ten diverse gallery charts (layered, facet, concat with a brush, geoshape,
 * heatmap, boxplot, legend-bound selection, a 42,000-point map, an animation, image marks), each
 * pasted into a notebook cell as an analyst copies it from the gallery, with the data files it
 * names copied next to the notebook from `vega-datasets`.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { packageDir } from "../../src/package-version";
import { tempProject, type TempProject } from "../project";

export const GALLERY_CHARTS = [
  "layer_line_errorband_ci",
  "trellis_bar",
  "interactive_overview_detail",
  "geo_choropleth",
  "rect_heatmap",
  "boxplot_minmax_2D_vertical",
  "interactive_legend",
  "geo_circle",
  "animated_gapminder",
  "scatter_image",
] as const;

const specs = resolve(import.meta.dirname, "..", "fixtures", "gallery", "specs");

export function galleryProject(): TempProject {
  const project = tempProject("charts");
  const notebooks = join(project.root, "notebooks");
  const datasets = join(packageDir("vega-datasets"), "data");
  mkdirSync(join(notebooks, "data"), { recursive: true });
  const cells = GALLERY_CHARTS.map((name) => {
    const text = readFileSync(join(specs, `${name}.vl.json`), "utf8");
    for (const match of text.matchAll(/"(?:url|img)":\s*"data\/([^"]+)"/g)) copyFileSync(join(datasets, match[1] ?? ""), join(notebooks, "data", match[1] ?? ""));
    return { cell_type: "code", id: name.replace(/_/g, "-"), metadata: {}, execution_count: null, outputs: [], source: `nb.chart(${text.trim()});` };
  });
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" }, language_info: { name: "typescript" } },
    cells: [
      { cell_type: "markdown", id: "title", metadata: {}, source: "# Gallery" },
      { cell_type: "code", id: "setup", metadata: {}, execution_count: null, outputs: [], source: 'import * as tslab from "tslab";\nimport { notebook } from "../dist/api.js";\nconst nb = notebook(tslab);' },
      ...cells,
    ],
  };
  writeFileSync(join(notebooks, "01-gallery.ipynb"), JSON.stringify(notebook, null, 1));
  writeFileSync(join(notebooks, "report.yaml"), "title: Gallery charts\nassumptions: assumptions.yaml\nchapters:\n  - 01-gallery.ipynb\noutputs: { html: true, pdf: true }\nmontecarlo: { samples: 100, seed: 1 }\n");
  return project;
}
