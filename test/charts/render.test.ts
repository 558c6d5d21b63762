/** The chart path on single specs: checks, data, ids, randomness, text, palette, size, interaction. */
import { resolve } from "node:path";
import { createCanvas } from "canvas";
import { describe, expect, it } from "vitest";
import { chartFiles, resolveChartData } from "../../src/charts/data";
import { missingFields } from "../../src/charts/fields";
import { scopeSvgIds } from "../../src/charts/ids";
import { renderChart } from "../../src/charts/render";
import { chartRows, MAX_CHART_ROWS } from "../../src/charts/rows";
import { schemaProblems } from "../../src/charts/schema";
import { plausibleName } from "../../src/util/suggest";
import { CHART_PALETTE } from "../../src/charts/theme";
import { visibleControls } from "../../src/format/control";
import { printTimeoutMs } from "../../src/report/pdf";
import { literalLocator } from "../../src/report/chart-outputs";

const baseDir = resolve(import.meta.dirname, "..", "fixtures", "charts-data");
const place = { where: "nb.ipynb: cell 2", baseDir, root: baseDir, idPrefix: "vt" };
const render = (spec: Record<string, unknown>) => renderChart(spec, place);
/** The error a chart fails with ("" when it is drawn). */
const failure = (spec: Record<string, unknown>): Promise<string> => render(spec).then(() => "", (error: unknown) => (error instanceof Error ? error.message : String(error)));

describe("spec checks", () => {
  it("locates a misspelled key anywhere in the spec with a did-you-mean", async () => {
    const cases: [Record<string, unknown>, string, string, string][] = [
      [{ mark: "bar", encoding: { x: { feild: "a", type: "nominal" } } }, "encoding.x", 'unknown key "feild"', "field"],
      [{ mark: "bar", encoding: { x: { field: "a", type: "nominal", axis: { titel: "A" } } } }, "encoding.x.axis", 'unknown key "titel"', "title"],
      [{ layer: [{ mark: "bar", encoding: { colr: { field: "a" } } }] }, "layer[0].encoding", 'unknown key "colr"', "color"],
      [{ mark: "bar", encoding: { x: { field: "a", type: "quantitive" } } }, "encoding.x.type", '"quantitive" is not one of', "quantitative"],
    ];
    for (const [spec, path, problem, suggestion] of cases) {
      const [first] = await schemaProblems({ data: { values: [{ a: 1 }] }, ...spec });
      expect(first?.path).toBe(path);
      expect(first?.problem).toContain(problem);
      expect(first?.suggestion).toBe(suggestion);
      expect(first?.fatal).toBe(true);
    }
    await expect(render({ data: { values: [{ a: 1 }] }, mark: "bar", encoding: { x: { feild: "a" } } })).rejects.toThrow(
      'nb.ipynb: cell 2: chart spec: unknown key "feild" at encoding.x; did you mean "field"?',
    );
  }, 60_000);

  it("lists every sure misspelling, each located at the key or value the cell wrote", async () => {
    const source = ['nb.chart({', '  data: { values: rows },', '  mark: "bar",', '  encoding: {', '    colr: { field: "a" },', '    x: { field: "a", type: "quantitive" },', "  },", "});"].join("\n");
    const locate = literalLocator("nb.ipynb", 2, source);
    const spec = { data: { values: [{ a: 1 }] }, mark: "bar", encoding: { colr: { field: "a" }, x: { field: "a", type: "quantitive" } } };
    const failure = await renderChart(spec, { ...place, locate }).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(failure.split("\n")).toEqual([
      'nb.ipynb: cell 2, line 6, column 28: chart spec: "quantitive" is not one of "quantitative", "ordinal", "temporal", "nominal" at encoding.x.type; did you mean "quantitative"?',
      'nb.ipynb: cell 2, line 5, column 5: chart spec: unknown key "colr" at encoding; did you mean "color"? (the schema reports 6 more, mostly the other forms it allows there)',
    ]);
  }, 60_000);

  it("accepts a valid spec and suggests only plausible words", async () => {
    expect(await schemaProblems({ data: { values: [{ a: 1 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal" } } })).toEqual([]);
    expect(plausibleName("titel", ["title", "time"])).toBe("title");
    expect(plausibleName("zzzzzz", ["title", "time"])).toBeUndefined();
  }, 60_000);

  it("fails a chart whose encoding names a field the inline data lacks, and not for fields transforms make", async () => {
    // vega-lite draws such a chart empty and says nothing: it fails, located, with the nearest column.
    const chart = failure({
      data: { values: [{ name: "a", size: 1 }] },
      transform: [{ calculate: "datum.size * 2", as: "double" }],
      mark: "bar",
      encoding: { x: { field: "name", type: "nominal" }, y: { field: "sise", type: "quantitative" }, color: { field: "double", type: "quantitative" } },
    });
    expect(await chart).toBe('nb.ipynb: cell 2: chart field "sise" (at encoding.y.field) is not in the chart\'s data; did you mean "size"? The data has: "name", "size", "double".');
    // A field that only a later row has is in the data (every row is read, not the first thousand).
    const values = [...Array.from({ length: 1500 }, (_, index) => ({ name: `n${index}` })), { name: "last", size: 2 }];
    expect((await render({ data: { values }, mark: "bar", encoding: { x: { field: "name", type: "nominal" }, y: { field: "size", type: "quantitative" } } })).warnings).toEqual([]);
  }, 60_000);

  it("fails a chart naming a column whose name holds \".\" or \"[\", which Vega-Lite reads as a path, with the name escaped; the escaped name draws", async () => {
    const data = { values: [{ "cost.usd": 1, "f[x": 2, name: "a" }] };
    expect(await failure({ data, mark: "bar", encoding: { x: { field: "name", type: "nominal" }, y: { field: "f[x", type: "quantitative" } } })).toBe(
      'nb.ipynb: cell 2: chart field "f[x" (at encoding.y.field) is a column of the chart\'s data, but Vega-Lite reads "." and "[" in a field as a path into nested data, so it finds nothing there; escape them with a backslash: field: "f\\\\[x" (or rename the column).',
    );
    expect(await failure({ data, mark: "bar", encoding: { x: { field: "name", type: "nominal" }, y: { field: "cost.usd", type: "quantitative" } } })).toContain('escape them with a backslash: field: "cost\\\\.usd"');
    expect((await render({ data, mark: "bar", encoding: { x: { field: "name", type: "nominal" }, y: { field: "cost\\.usd", type: "quantitative" } } })).warnings).toEqual([]);
  }, 60_000);

  it("fails a chart naming a field an aggregate transform dropped, and not for its groupby fields or the names it makes", async () => {
    // The aggregate keeps only its groupby fields and its `as` names: a tooltip on another column drew
    // nothing and was not flagged, as if the data's columns were all still there.
    const data = { values: [{ region: "eu", year: 2024, cost: 1 }] };
    const aggregate = { aggregate: [{ op: "sum", field: "cost", as: "total" }], groupby: ["region"] };
    const dropped = failure({
      data,
      transform: [aggregate],
      mark: "bar",
      encoding: { x: { field: "region", type: "nominal" }, y: { field: "total", type: "quantitative" }, tooltip: [{ field: "year", type: "ordinal" }] },
    });
    expect(await dropped).toContain('chart field "year" (at encoding.tooltip[0].field) is not in the chart\'s data');
    // A layer takes its parent's data through the parent's aggregate; a calculate after it adds a name.
    const layered = failure({
      data,
      transform: [aggregate, { calculate: "datum.total * 2", as: "double" }],
      layer: [
        { mark: "bar", encoding: { x: { field: "region", type: "nominal" }, y: { field: "double", type: "quantitative" } } },
        { mark: "text", encoding: { x: { field: "region", type: "nominal" }, text: { field: "cost", type: "quantitative" } } },
      ],
    });
    expect(await layered).toContain('chart field "cost" (at layer[1].encoding.text.field) is not in the chart\'s data');
  }, 60_000);

  it("fails a chart whose facet operator names a field the data lacks, row, column or wrapped, as for a channel's", async () => {
    // Before, only the channels were checked: a misspelt facet row drew panels headed "undefined".
    const data = { values: [{ name: "a", size: 1, region: "eu" }] };
    const inner = { mark: "bar", encoding: { x: { field: "name", type: "nominal" }, y: { field: "size", type: "quantitative" } } };
    expect(await failure({ data, facet: { row: { field: "regoin", type: "nominal" } }, spec: inner })).toContain('chart field "regoin" (at facet.row.field) is not in the chart\'s data; did you mean "region"?');
    expect(await failure({ data, facet: { field: "regon", type: "nominal" }, columns: 2, spec: inner })).toContain('chart field "regon" (at facet.field) is not in the chart\'s data; did you mean "region"?');
    const right = await render({ data, facet: { column: { field: "region", type: "nominal" } }, spec: inner });
    expect(right.warnings).toEqual([]);
  }, 60_000);

  it("warns about a field a calculate or filter expression, or a filter predicate, reads that the data lacks at its step", async () => {
    // vega computes `datum.prce * 100` to NaN and filters every row out of `datum.regoin == 'eu'`: the chart was drawn empty, unflagged.
    const data = { values: [{ region: "eu", price: 2 }] };
    const encoding = { x: { field: "region", type: "nominal" }, y: { field: "cents", type: "quantitative" } };
    const calculate = await render({ data, transform: [{ calculate: "datum.prce * 100", as: "cents" }], mark: "bar", encoding });
    expect(calculate.warnings).toEqual([expect.stringContaining('chart field "prce" (at transform[0].calculate) is not in the chart\'s data; did you mean "price"?')]);
    const bracketed = await render({ data, transform: [{ calculate: "datum.price * 100", as: "cents" }, { filter: "datum['regoin'] == 'eu'" }], mark: "bar", encoding });
    expect(bracketed.warnings).toEqual([expect.stringContaining('chart field "regoin" (at transform[1].filter) is not in the chart\'s data; did you mean "region"?')]);
    const predicate = await render({ data, transform: [{ filter: { field: "regon", equal: "eu" } }, { calculate: "datum.price * 100", as: "cents" }], mark: "bar", encoding });
    expect(predicate.warnings).toEqual([expect.stringContaining('chart field "regon" (at transform[0].filter.field) is not in the chart\'s data; did you mean "region"?')]);
    // A name an earlier step made reads fine; one a later step makes does not exist yet.
    const ordered = await render({ data, transform: [{ calculate: "datum.price * 100", as: "cents" }, { filter: "datum.cents > 0 && datum[\"region\"] != ''" }], mark: "bar", encoding });
    expect(ordered.warnings).toEqual([]);
    const early = await render({ data, transform: [{ filter: "datum.cents > 0" }, { calculate: "datum.price * 100", as: "cents" }], mark: "bar", encoding });
    expect(early.warnings).toEqual([expect.stringContaining('chart field "cents" (at transform[0].filter) is not in the chart\'s data')]);
    // The names a step makes are listed as written: a calculate's `as` has no `<as>_end` (a bin's has).
    const listed = failure({ data, transform: [{ calculate: "datum.price * 100", as: "cents" }, { bin: true, field: "price", as: "band" }], mark: "bar", encoding: { ...encoding, y: { field: "cent", type: "quantitative" } } });
    expect(await listed).toContain('The data has: "region", "price", "cents", "band", "band_end".');
    // Each is located at the name as the cell wrote it, inside the expression string too.
    const source = ["nb.chart({", '  transform: [{ calculate: "datum.prce * 100", as: "cents" }, { filter: "datum[\'regoin\'] == \'eu\'" }, { filter: { field: "regon", equal: "eu" } }],', "});"].join("\n");
    const transform = [{ calculate: "datum.prce * 100", as: "cents" }, { filter: "datum['regoin'] == 'eu'" }, { filter: { field: "regon", equal: "eu" } }];
    const located = await renderChart({ data, transform, mark: "bar", encoding }, { ...place, locate: literalLocator("nb.ipynb", 2, source) });
    expect(located.warnings.map((warning) => warning.split(": chart field")[0])).toEqual(["nb.ipynb: cell 2, line 2, column 35", "nb.ipynb: cell 2, line 2, column 80", "nb.ipynb: cell 2, line 2, column 121"]);
    // A lookup in a selection without `as` stores the selected row under the selection's name (the gallery's index chart reads `datum.index.price`).
    const selected = { data, transform: [{ lookup: "region", from: { param: "index", key: "region" } }, { calculate: "datum.index ? datum.index.price : 0", as: "base" }], mark: "bar", encoding: { ...encoding, y: { field: "base", type: "quantitative" } } };
    expect(missingFields(selected)).toEqual([]);
    expect(missingFields({ ...selected, transform: [{ lookup: "region", from: { param: "index", key: "region" }, as: "picked" }, selected.transform[1]] }).map(({ field }) => field)).toEqual(["index"]);
  }, 60_000);

  it("warns about a field a transform names as its input that the data lacks: fold, aggregate, window, bin, lookup and the others", () => {
    // vega folds, groups or bins an absent column to nothing (or one "undefined" group): the chart was drawn empty, unflagged.
    const data = { values: [{ region: "eu", price: 2, cost: 1 }] };
    const encoding = { x: { field: "key", type: "nominal" }, y: { field: "value", type: "quantitative" } };
    const missing = (transform: unknown[]): string[] => missingFields({ data, transform, mark: "bar", encoding }).map(({ field, path, suggestion }) => `${field} at ${path}${suggestion === undefined ? "" : ` (${suggestion}?)`}`);
    expect(missing([{ fold: ["price", "cots"] }])).toEqual(["cots at transform[0].fold[1] (cost?)"]);
    expect(missing([{ fold: ["price", "cost"] }])).toEqual([]);
    // A count's `"field": "*"` names no field (as vega-lite's own examples write it).
    expect(missing([{ aggregate: [{ op: "count", field: "*", as: "value" }], groupby: ["region"] }, { calculate: "datum.region", as: "key" }])).toEqual([]);
    expect(missing([{ aggregate: [{ op: "sum", field: "prices", as: "value" }, { op: "count", as: "n" }], groupby: ["regoin"] }, { calculate: "datum.regoin", as: "key" }])).toEqual([
      "prices at transform[0].aggregate[0].field (price?)",
      "regoin at transform[0].groupby[0] (region?)",
    ]);
    expect(missing([{ window: [{ op: "rank", as: "key" }, { op: "sum", field: "cost", as: "value" }], sort: [{ field: "prise" }], groupby: ["region"] }])).toEqual(["prise at transform[0].sort[0].field (price?)"]);
    expect(missing([{ joinaggregate: [{ op: "mean", field: "cst", as: "value" }], groupby: ["region"] }, { calculate: "'k'", as: "key" }])).toEqual(["cst at transform[0].joinaggregate[0].field (cost?)"]);
    expect(missing([{ bin: true, field: "prcie", as: "key" }, { extent: "cost", param: "span" }, { calculate: "1", as: "value" }])).toEqual(["prcie at transform[0].field (price?)"]);
    expect(missing([{ timeUnit: "year", field: "date", as: "key" }, { calculate: "1", as: "value" }])).toEqual(["date at transform[0].field"]);
    expect(missing([{ lookup: "regon", from: { data: { values: [] }, key: "region", fields: ["key", "value"] } }])).toEqual(["regon at transform[0].lookup (region?)"]);
    // A name an earlier step made is an input like any other.
    expect(missing([{ calculate: "datum.price * 2", as: "double" }, { fold: ["double", "cost"] }])).toEqual([]);
  });

  it("fails a chart naming a field a CSV or TSV file's header lacks, as for inline rows", async () => {
    for (const url of ["small.csv", "small.tsv"]) {
      expect(await failure({ data: { url }, mark: "bar", encoding: { x: { field: "name", type: "nominal" }, y: { field: "valeu", type: "quantitative" } } })).toContain('chart field "valeu" (at encoding.y.field) is not in the chart\'s data; did you mean "value"?');
    }
    const right = await render({ data: { url: "small.csv" }, mark: "bar", encoding: { x: { field: "name", type: "nominal" }, y: { field: "value", type: "quantitative" } } });
    expect(right.warnings).toEqual([]);
  });

  it("warns of a chart whose data has no rows, inline or in a file of a header alone (drawn as empty axes without a word)", async () => {
    const encoding = { x: { field: "name", type: "nominal" }, y: { field: "value", type: "quantitative" } };
    const empty = await render({ data: { values: [] }, mark: "bar", encoding });
    expect(empty.warnings).toContain("nb.ipynb: cell 2: the chart's data has no rows, so it draws its axes and nothing else; check what filtered them out, or leave the chart out when there is nothing to show");
    const header = await render({ data: { values: "name,value\n", format: { type: "csv" } }, mark: "bar", encoding });
    expect(header.warnings.some((w) => w.includes("has no rows"))).toBe(true);
    expect((await render({ data: { url: "small.csv" }, mark: "bar", encoding })).warnings).toEqual([]);
  });

  it("fails a chart of bare numbers (Monte Carlo samples) that names a field other than 'data', the one field Vega gives them", async () => {
    const samples = { values: [2.4, 2.5, 2.61] };
    // It drew an empty chart with only "NaN coordinates", no field named.
    expect(await failure({ data: samples, mark: "tick", encoding: { x: { field: "value", type: "quantitative" } } })).toContain('chart field "value" (at encoding.x.field) is not in the chart\'s data');
    expect((await render({ data: samples, mark: "tick", encoding: { x: { field: "data", type: "quantitative" } } })).warnings).toEqual([]);
    expect(missingFields({ data: { values: [[1, 2]] }, mark: "point", encoding: { x: { field: "0", type: "quantitative" } } })).toEqual([]); // an array row's fields are its indices
  });

  // Before: Vega's "Expression parse error: ({"Line1⏎Line2": format(…)})", naming neither the title nor the fix.
  it("fails a chart whose title has a line break, naming where and the list form, which draws", async () => {
    const data = { values: [{ a: 1, b: 2, c: "x" }] };
    const encoding = (x: unknown, color: unknown) => ({ x: { field: "a", type: "quantitative", title: x }, y: { field: "b", type: "quantitative" }, color: { field: "c", type: "nominal", legend: { title: color } } });
    expect(await failure({ data, mark: "bar", encoding: encoding("Line1\nLine2", "Legend") })).toBe(
      'nb.ipynb: cell 2: the Vega-Lite chart could not be rendered: the title at encoding.x.title has a line break, which Vega-Lite cannot draw (it writes a title into the chart\'s tooltip, where a line break ends the expression): write a title\'s lines as a list, title: ["first line", "second line"]',
    );
    expect(await failure({ layer: [{ data, mark: "bar", encoding: { ...encoding("X", "Legend"), y: { field: "b", type: "quantitative", title: "One\u2028Two" } } }] })).toContain("the title at layer[0].encoding.y.title has a line break");
    const drawn = await render({ data, mark: "bar", encoding: encoding(["Line1", "Line2"], ["One", "Two"]) });
    expect(drawn.markup).toContain("Line2");
    // A legend's or an axis's own title is not in the tooltip's expression: it draws as it did.
    expect(await failure({ data, mark: "bar", encoding: { ...encoding("X", "One\nTwo"), y: { field: "b", type: "quantitative", axis: { title: "Up\nDown" } } } })).toBe("");
  }, 60_000);

  it("never mutates the spec it renders", async () => {
    const spec = { data: { url: "small.csv" }, mark: "bar", encoding: { x: { field: "name", type: "nominal" }, y: { field: "value", type: "quantitative" } } };
    const copy = structuredClone(spec);
    await render(spec);
    expect(spec).toEqual(copy);
  });
});

describe("data and images by URL", () => {
  it("inlines csv, tsv and json (with format.property) files relative to the notebook and lists them", async () => {
    const spec = {
      vconcat: [
        { data: { url: "small.csv" }, mark: "bar", encoding: { x: { field: "name", type: "nominal" } } },
        { data: { url: "small.tsv" }, mark: "bar", encoding: { x: { field: "name", type: "nominal" } } },
        { data: { url: "nested.json", format: { property: "rows" } }, mark: "bar", encoding: { x: { field: "name", type: "nominal" } } },
      ],
    };
    const resolved = await resolveChartData(spec, baseDir, baseDir);
    expect(resolved.files.map((file) => file.split("/").pop())).toEqual(["nested.json", "small.csv", "small.tsv"]);
    expect(chartFiles(spec, baseDir, baseDir)).toEqual(resolved.files);
    const chart = await render(spec);
    for (const label of ["alpha", "beta", "gamma"]) expect(chart.markup).toContain(`>${label}</text>`);
  });

  it("refuses remote data and images with a message saying what to do, and a missing file names its path", async () => {
    const remote = { data: { url: "https://example.com/a.csv" }, mark: "bar" };
    await expect(render(remote)).rejects.toThrow(/data\.url "https:\/\/example\.com\/a\.csv" is remote; a report makes no network requests\. Save the file next to the notebook/);
    const image = { data: { values: [{ x: 1, img: "http://example.com/a.png" }] }, mark: "image", encoding: { x: { field: "x", type: "quantitative" }, url: { field: "img" } } };
    await expect(render(image)).rejects.toThrow(/the image "http:\/\/example\.com\/a\.png" is remote/);
    // Named relative to the project, in words (it said "(/abs/path/missing.csv: ENOENT)"), with what to do.
    await expect(render({ data: { url: "missing.csv" }, mark: "bar" })).rejects.toThrow('"missing.csv" was not found (missing.csv); paths are relative to the notebook\'s folder, as in JupyterLab. Correct the path or add the file.');
  });

  it("refuses data past the rows a chart may draw, at once, naming the sequence (a typo of 3e7 ran out of memory after a minute); a spec at the limit draws", async () => {
    const points = (stop: number) => ({ data: { sequence: { start: 0, stop, as: "x" } }, mark: "point", encoding: { x: { field: "x", type: "quantitative" } } });
    await expect(render(points(3e7))).rejects.toThrow(`its data has 30,000,000 rows (a sequence from 0 to 30000000 by 1), over the ${MAX_CHART_ROWS.toLocaleString("en-US")} a chart in the page may draw`);
    const values = Array.from({ length: MAX_CHART_ROWS + 1 }, (_, x) => ({ x }));
    await expect(render({ data: { values }, mark: "point", encoding: { x: { field: "x", type: "quantitative" } } })).rejects.toThrow("its data has 200,001 rows, over the 200,000");
    expect(chartRows({ datasets: { a: [1, 2] }, layer: [{ data: { values: [1] } }, { data: { sequence: { start: 10, stop: 0, step: -2 } } }] })).toEqual({ rows: 8, sequence: { start: 10, stop: 0, step: -2 } });
    expect((await render(points(50))).markup).toContain("<svg");
  });

  it("inlines local images of image marks as data: URIs", async () => {
    const chart = await render({ data: { values: [{ x: 1, img: "ffox.png" }] }, mark: { type: "image", width: 20, height: 20 }, encoding: { x: { field: "x", type: "quantitative" }, url: { field: "img" } } });
    expect(chart.markup).toMatch(/<image [^>]*xlink:href="data:image\/png;base64,iVBOR/);
    expect(chart.files.map((file) => file.split("/").pop())).toEqual(["ffox.png"]);
  });
});

describe("what is drawn", () => {
  it("scopes every id and reference to the chart, whatever vega's counters said", () => {
    const svg = '<svg><path fill="url(#gradient_3)"/><g clip-path="url(#clip7)"/><defs><linearGradient id="gradient_3"/><clipPath id="clip7"/></defs><use xlink:href="#clip7"/></svg>';
    const scoped = scopeSvgIds(svg, "vc1-2-o1");
    expect(scoped).toBe('<svg><path fill="url(#vc1-2-o1-1-gradient)"/><g clip-path="url(#vc1-2-o1-2-clip)"/><defs><linearGradient id="vc1-2-o1-1-gradient"/><clipPath id="vc1-2-o1-2-clip"/></defs><use xlink:href="#vc1-2-o1-2-clip"/></svg>');
    // The same chart numbered differently by another process scopes to the same text.
    expect(scopeSvgIds(svg.replace(/gradient_3/g, "gradient_0").replace(/clip7/g, "clip1"), "vc1-2-o1")).toBe(scoped);
  });

  it("rewrites ids and references only in the markup, never in the chart's text", async () => {
    const text = 'see id="zz" href="#q" url(#clip7)';
    const svg = `<svg><defs><clipPath id="clip7"/></defs><g clip-path="url(#clip7)" aria-label="url(#clip7)"><text>${text}</text></g></svg>`;
    expect(scopeSvgIds(svg, "vt")).toBe(`<svg><defs><clipPath id="vt-1-clip"/></defs><g clip-path="url(#vt-1-clip)" aria-label="url(#clip7)"><text>${text}</text></g></svg>`);
    // Through vega: a text mark's value reaches the SVG as text (its quotes unescaped) and in aria-labels.
    const chart = await render({ data: { values: [{ t: text, x: 1 }] }, mark: "text", encoding: { text: { field: "t" }, x: { field: "x", type: "quantitative" } } });
    expect(chart.markup).toContain(`>${text}</text>`);
    expect(chart.markup).toContain("url(#clip7)");
    expect(chart.markup).not.toMatch(/id="vt-\d+-zz"/);
  });

  it("gives byte-identical SVG for specs that use random numbers (bootstrap bands, jitter, sample)", async () => {
    const values = Array.from({ length: 200 }, (_, i) => ({ g: i % 4, v: (i * 37) % 101 }));
    const spec = {
      data: { values },
      transform: [{ sample: 60 }, { calculate: "random()", as: "jitter" }],
      layer: [
        { mark: "errorband", encoding: { x: { field: "g", type: "ordinal" }, y: { field: "v", type: "quantitative", aggregate: "ci0" }, y2: { field: "v", aggregate: "ci1" } } },
        { mark: "point", encoding: { x: { field: "g", type: "ordinal" }, y: { field: "jitter", type: "quantitative" } } },
      ],
    };
    const first = await render(spec);
    const second = await render(structuredClone(spec));
    expect(second.markup).toBe(first.markup);
    expect(Math.random()).not.toBe(Math.random()); // the global generator is given back
  });

  it("measures text with a real canvas: a label that fits is whole, one that does not is cut", async () => {
    const fits = "Hyperscaler capacity commitments"; // ~0.8 em per character would guess 282 px > 240
    const long = "An axis label far too long to fit in the space the theme allows for a label, surely";
    const chart = await render({ data: { values: [{ k: fits, v: 1 }, { k: long, v: 2 }] }, mark: "bar", encoding: { y: { field: "k", type: "nominal" }, x: { field: "v", type: "quantitative" } } });
    expect(chart.markup).toContain(`>${fits}</text>`);
    expect(chart.markup).not.toContain(`>${long}</text>`);
    expect(chart.markup).toMatch(/>An axis label far too long[^<]*…<\/text>/);
  });

  it("has at least ten distinct categorical colours and ten categories do not repeat one", async () => {
    expect(new Set(CHART_PALETTE).size).toBeGreaterThanOrEqual(10);
    const chart = await render({ data: { values: Array.from({ length: 10 }, (_, i) => ({ c: `c${i}`, v: i + 1 })) }, mark: "bar", encoding: { x: { field: "c", type: "nominal" }, y: { field: "v", type: "quantitative" }, color: { field: "c", type: "nominal" } } });
    const fills = [...chart.markup.matchAll(/aria-roledescription="bar" d="[^"]*" fill="([^"]+)"/g)].map((match) => match[1]);
    expect(fills).toHaveLength(10);
    expect(new Set(fills).size).toBe(10);
  });

  it("draws a chart of more than 20,000 marks as a PNG with its data downloadable, and says why", async () => {
    const values = Array.from({ length: 21_000 }, (_, i) => ({ x: i % 150, y: (i * 7919) % 1000 }));
    const chart = await render({ data: { values }, mark: "point", encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" } } });
    expect(chart.markup).toMatch(/^<img class="chart-raster" src="data:image\/png;base64,iVBOR[^"]+" width="\d+" height="\d+" alt="[^"]+"/);
    expect(chart.markup).toMatch(/<a download="chart-data\.csv" href="data:text\/csv;base64,[^"]+">Download the data of this chart \(21,000 rows\)<\/a>/);
    expect(chart.warnings.join("\n")).toMatch(/nb\.ipynb: cell 2: the chart was drawn as an image \(21,\d{3} marks, over 20,000\); its data can be downloaded under it/);
  }, 60_000);

  it("wraps a one-line legend wider than the column into rows, and says so", async () => {
    const values = Array.from({ length: 24 }, (_, i) => ({ series: `Industry number ${i}`, v: i }));
    const chart = await render({ width: 300, data: { values }, mark: "bar", encoding: { x: { field: "series", type: "nominal", axis: null }, y: { field: "v", type: "quantitative" }, color: { field: "series", type: "nominal" } } });
    expect(chart.width).toBeLessThanOrEqual(660);
    expect(chart.warnings.join("\n")).toMatch(/nb\.ipynb: cell 2: the chart was \d+ px wide, wider than the 660 px column; its legend was wrapped into rows \(now \d+ px\)/);
  });

  it("names interactive-only features and what the static page shows instead", async () => {
    const chart = await render({
      data: { values: [{ a: 1, b: 2, c: "x" }] },
      params: [
        { name: "brush", select: "interval" },
        { name: "pick", select: { type: "point", fields: ["c"] }, bind: "legend" },
        { name: "cutoff", value: 3, bind: { input: "range", min: 0, max: 10 } },
      ],
      mark: "point",
      encoding: { x: { field: "a", type: "quantitative" }, y: { field: "b", type: "quantitative" }, color: { field: "c", type: "nominal" } },
    });
    expect(chart.warnings).toEqual([
      'nb.ipynb: cell 2: the chart uses the selection "brush", which a static page cannot offer; the report shows the chart before anything is selected',
      'nb.ipynb: cell 2: the chart uses a legend-bound selection "pick", which a static page cannot offer; the report shows all categories, unselected',
      'nb.ipynb: cell 2: the chart uses an input bound to "cutoff", which a static page cannot offer; the report shows the chart at its initial value (3)',
    ]);
  });

  it("draws an animation at its first frame, not every frame at once, and says which", async () => {
    const values = [2001, 2000, 2002].flatMap((year) => ["a", "b", "c"].map((country, index) => ({ year, country, x: index + year - 2000, y: index })));
    const chart = await render({
      data: { values },
      params: [{ name: "frame", select: { type: "point", fields: ["year"], on: "timer" } }],
      transform: [{ filter: { param: "frame" } }],
      mark: "point",
      encoding: { x: { field: "x", type: "quantitative" }, y: { field: "y", type: "quantitative" }, time: { field: "year", type: "ordinal" } },
    });
    // Three countries in one year, not nine points of three years; the earliest year comes first.
    expect(chart.markup.match(/aria-roledescription="point"/g)).toHaveLength(3);
    expect([...chart.markup.matchAll(/aria-label="[^"]*year: (\d+)"/g)].map((match) => match[1])).toEqual(["2000", "2000", "2000"]);
    expect(chart.warnings).toEqual(['nb.ipynb: cell 2: the chart uses the animation "frame", which a static page cannot offer; the report shows its first frame only (year 2000)']);
  });

  it("gives each mark's tooltip text the encoding's titles and formats", async () => {
    const chart = await render({ data: { values: [{ a: "x", cost_usd: 12345.678 }] }, mark: "bar", encoding: { x: { field: "a", type: "nominal", title: "Scenario" }, y: { field: "cost_usd", type: "quantitative", title: "Cost (USD)", format: "$,.0f" } } });
    expect(chart.markup).toContain('aria-label="Scenario: x; Cost (USD): $12,346" role="graphics-symbol"');
  });

  it("gives a larger page more time to print", () => {
    expect(printTimeoutMs(1000)).toBeGreaterThanOrEqual(30_000);
    expect(printTimeoutMs(12_500_000)).toBeGreaterThan(printTimeoutMs(1000) + 100_000);
  });

  it("writes control and bidi characters of a chart's title, labels and aria-labels as visible escapes, and measures them so", async () => {
    const title = "Chart \u202eevil\u202c \u001b[31mred \u0000nul";
    const label = "label \u202etxet\u202c \u061c\u001b[31m";
    const chart = await render({ title, data: { values: [{ k: label, v: 1 }, { k: "Plain – ü text", v: 2 }] }, mark: "bar", encoding: { y: { field: "k", type: "nominal" }, x: { field: "v", type: "quantitative" } } });
    expect(visibleControls(chart.markup), "nothing is left to escape").toBe(chart.markup);
    expect(chart.markup).toContain(">Chart \\u202eevil\\u202c \\x1b[31mred \\x00nul</text>");
    expect(chart.markup).toContain(">label \\u202etxet\\u202c \\u061c\\x1b[31m</text>");
    expect(chart.markup).toContain('aria-label="v: 1; k: label \\u202etxet\\u202c \\u061c\\x1b[31m"');
    // Ordinary text is as written; the layout leaves the escapes their room.
    expect(chart.markup).toContain(">Plain – ü text</text>");
    const context = createCanvas(1, 1).getContext("2d");
    expect(context.measureText("a\u202eb").width).toBe(context.measureText("a\\u202eb").width);
  });

  it("keeps hostile text in data as text", async () => {
    const chart = await render({ data: { values: [{ k: "<script>alert(1)</script>", v: 1 }] }, mark: "bar", encoding: { y: { field: "k", type: "nominal" }, x: { field: "v", type: "quantitative" } } });
    expect(chart.markup).not.toContain("<script>");
    expect(chart.markup).toContain("&lt;script&gt;");
  });
});
