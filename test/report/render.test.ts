import { describe, expect, it } from "vitest";
import { renderReport, type RenderedReport } from "../../src/report/render";
import { fixtureInput, renderFixture, SCRIPT_NOTE, visibleText } from "./fixture";
import { jsonScript } from "../../src/report/outputs";

describe("the rendered report (fixture: two executed chapters)", async () => {
  const report = await renderFixture();
  const page = report.html;

  it("has a title page, a table of contents and every chapter, numbered and titled", () => {
    expect(page).toContain('<h1 class="report-title">The Fragmentation Tax (fixture)</h1>');
    expect(page).toMatch(/<section class="chapter" id="chapter-1"[\s\S]*Chapter 1[\s\S]*<h1>What a training run costs<\/h1>/);
    expect(page).toMatch(/<section class="chapter" id="chapter-2"[\s\S]*<h1>Checking the essay\u2019s claims<\/h1>/);
    expect(page).toContain('<a href="#chapter-1"><span class="toc-number">1</span> What a training run costs</a>');
    expect(page).toContain('<a href="#inputs-and-method">Inputs and method</a>');
    expect(report.chapters.map((chapter) => chapter.number)).toEqual([1, 2]);
  });

  it("renders every Vega-Lite chart as inline SVG with its themed spec alongside", () => {
    expect(report.charts).toBe(2);
    // Each chart: the wide drawing and the phone one (see charts/accessible.ts), both inline SVG.
    const figures = page.match(/<figure class="output chart has-narrow"[^>]*><div class="chart-wide"><svg[\s\S]*?<div class="chart-narrow"><svg[\s\S]*?<\/figure>/g) ?? [];
    expect(figures).toHaveLength(2);
    for (const figure of figures) {
      expect(figure).toContain('<script type="application/vnd.vegalite.v5+json" class="chart-spec">');
      // Chart text asks for the face the page inlines (src/report/fonts.ts).
      expect(figure).toContain("Source Sans 3");
    }
    expect(page).toContain("Training run cost (USD millions)");
  });

  it("embeds a chart's spec with no raw reordering character and nothing that ends its script, reading back the same", () => {
    const spec = { title: "cost \u202edesrever</script><script>alert(1)</script>", description: "a\u2066b\u0085" };
    const script = jsonScript("application/vnd.vegalite.v5+json", spec);
    expect(script).not.toMatch(/[\u202e\u2066\u0085]/);
    expect(script).toContain("cost \\u202edesrever\\u003c/script>");
    expect(script.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(/>(.*)<\/script>$/s.exec(script)?.[1] ?? "")).toEqual(spec);
  });

  it("shows no NaN, undefined or [object Object] to readers", () => {
    const text = visibleText(page);
    expect(text).not.toMatch(/\bNaN\b/);
    expect(text).not.toMatch(/\bundefined\b(?!Thing)/);
    expect(text).not.toContain("[object Object]");
  });

  it("escapes data text: a <script> in an assumption note shows as text, a javascript: URL is not a link", () => {
    expect(page).toContain("Spot and reserved prices differ &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; vary by region");
    expect(page).not.toContain("<script>alert(");
    expect(visibleText(page)).toContain(SCRIPT_NOTE);
    expect(page).toContain("Vendor &lt;b&gt;disclosures&lt;/b&gt;");
    expect(page).not.toContain('href="javascript:');
    expect(page).toContain('<a href="https://example.com/essay">Analyst essay</a>');
  });

  it("renders markdown tables, footnotes and heading anchors", () => {
    expect(page).toMatch(/<table>\s*<thead>\s*<tr>\s*<th>Input<\/th>/);
    expect(page).toContain('class="footnote-ref"');
    expect(page).toContain('<h2 id="cost-by-scenario"');
  });

  it("hides code behind a per-cell <details> toggle, open only for the failed cell", () => {
    const toggles = page.match(/<details class="cell-source"( open)?>/g) ?? [];
    expect(toggles.length).toBeGreaterThanOrEqual(10);
    expect(toggles.filter((toggle) => toggle.includes("open"))).toHaveLength(1);
  });

  it("renders every output kind, with errors and stderr distinct from ordinary output", () => {
    expect(page).toContain('<img alt="" src="data:image/png;base64,iVBOR');
    // Inline SVG as the sanitizer writes it (sanitize.ts): the page's HTML parser reads <rect></rect> as <rect/>.
    expect(page).toContain('<rect width="40" height="20" fill="#35618f"></rect>');
    expect(page).toContain('<pre class="output output-text">2</pre>');
    expect(page).toContain('<pre class="output output-text">12 scenarios sampled\n</pre>');
    expect(page).toContain('<div class="output output-stderr" role="note"><pre>deprecated input');
    expect(page).toContain('<p class="output-error-title">ReferenceError: undefinedThing is not defined</p>');
    expect(page).not.toContain("\u001b[");
    expect(report.failedCells).toEqual([{ failed: "ran", chapter: 2, cell: 7, where: "notebooks/02-claims.ipynb: cell 7", message: "ReferenceError: undefinedThing is not defined" }]);
    expect(page).toContain("After the failed cell, the chapter goes on.");
  });

  it("shows figures and claims as distinct cards, and prose cites figures formatted", () => {
    expect(page).toContain('<strong class="fragtax-figure-value">$28.8M (90% interval $20.1M–$40.2M)</strong>');
    // A figure's card has an id a link can open, unique in the page as headings' are.
    expect(page).toMatch(/<div class="output output-html" id="figure-training_run_cost_usd"><div class="fragtax-figure[^"]*" data-figure-id="training_run_cost_usd">/);
    expect(page).toContain("A frontier training run costs about $28.8M (90% interval $20.1M–$40.2M)");
    expect(page).toContain('<span class="verdict-badge">overstated 3.5×</span>');
    expect(page).toContain('<span class="verdict-badge verdict-consistent">consistent</span>');
  });

  it("generates the appendices: assumptions, figures, claims, methods, provenance", () => {
    for (const title of ["Assumptions", "Headline figures", "Claims ledger", "Methods", "Provenance"]) {
      expect(page).toContain(`<h1>${title}</h1>`);
    }
    expect(page).toContain('<td role="cell" class="num" data-label="Value or range">$2–$3</td><td role="cell" data-label="Unit">USD/GPU-hour</td><td role="cell" data-label="Distribution">lognormal</td>');
    expect(page).toContain("<strong>2,000</strong> joint samples");
    expect(page).toContain("seed <code>7</code>");
    expect(page).toContain("0123456789abcdef0123456789abcdef01234567 (with uncommitted changes)");
    expect(page).toContain("ab".repeat(32));
  });

  it("is one self-contained file: no external URL in any src or href, CSS and runtime inline", () => {
    expect(page).not.toMatch(/\s(?:src|href)="(?!#|data:|https:\/\/example\.com\/essay")/);
    expect(page).not.toMatch(/<link\b/);
    expect(page).toContain("Content-Security-Policy");
    expect(page).toMatch(/<script>[^<]*data-runtime[^<]*<\/script>/);
  });
});

describe("chapter numbers and chart warnings", () => {
  it("uses a chapter's own number and leaves an unnumbered summary unnumbered", async () => {
    const { ownNumber } = await import("../../src/report/chapters");
    expect(ownNumber("1. The bill for a run")).toEqual({ number: "1", title: "The bill for a run" });
    expect(ownNumber("Summary")).toBeUndefined();
  });

  it("warns when two chapters' headings give them the same number (a copied chapter: 'Chapter 9' twice, unsaid)", async () => {
    const input = fixtureInput();
    const headed = (number: string) => (chapter: (typeof input.chapters)[number]) => ({
      ...chapter,
      notebook: { ...chapter.notebook, cells: [{ cell_type: "markdown" as const, metadata: {}, source: `# ${number}. Energy` }, ...chapter.notebook.cells] },
    });
    const [first, second] = input.chapters;
    if (first === undefined || second === undefined) throw new Error("fixture has two chapters");
    const twice = await renderReport({ ...input, chapters: [headed("9")(first), headed("9")(second)] });
    expect(twice.warnings).toContain(`${first.relativePath}, ${second.relativePath}: their first headings all number the chapter 9, so the page shows "Chapter 9" twice: renumber the heading ("# 9. …") of the chapter that was copied`);
    expect((await renderReport({ ...input, chapters: [headed("9")(first), headed("10")(second)] })).warnings.filter((w) => w.includes("number the chapter"))).toEqual([]);
  });

  it("warns of a chapter without a number between numbered ones, and of a number lower than the one before; not of an unnumbered summary first", async () => {
    const input = fixtureInput();
    const [first, second] = input.chapters;
    if (first === undefined || second === undefined) throw new Error("fixture has two chapters");
    const headed = (chapter: typeof first, heading: string, path: string) => ({
      ...chapter,
      relativePath: path,
      notebook: { ...chapter.notebook, cells: [{ cell_type: "markdown" as const, metadata: {}, source: `# ${heading}` }, ...chapter.notebook.cells] },
    });
    const numberWarnings = async (chapters: (typeof first)[]) => (await renderReport({ ...input, chapters })).warnings.filter((w) => /heading (gives no number|numbers it)/.test(w));
    const bare = await numberWarnings([headed(first, "8. Bill", "notebooks/08-bill.ipynb"), headed(second, "Energy", "notebooks/09-energy.ipynb"), headed(first, "10. End", "notebooks/10-end.ipynb")]);
    expect(bare).toEqual(['notebooks/09-energy.ipynb: its first heading gives no number, between chapters whose headings do, so the contents list it without one: number it ("# 9. …")']);
    const backwards = await numberWarnings([headed(first, "8. Bill", "notebooks/08-bill.ipynb"), headed(second, "12. Energy", "notebooks/09-energy.ipynb"), headed(first, "10. End", "notebooks/10-end.ipynb")]);
    expect(backwards).toEqual(["notebooks/10-end.ipynb: its first heading numbers it 10, after notebooks/09-energy.ipynb's 12: renumber the heading, or move the chapter in report.yaml"]);
    // The report's own shape: an unnumbered summary, then numbered chapters, then an unnumbered epilogue.
    expect(await numberWarnings([headed(first, "Summary", "notebooks/00-summary.ipynb"), headed(second, "1. Bill", "notebooks/01-bill.ipynb"), headed(first, "2. End", "notebooks/02-end.ipynb"), headed(second, "Epilogue", "notebooks/03-epilogue.ipynb")])).toEqual([]);
  });

  it("gives a figure's card an id once in the page, however many cells claim it", async () => {
    const input = fixtureInput();
    const [first, ...rest] = input.chapters;
    if (first === undefined) throw new Error("fixture has no chapter");
    const card = (id: string) => ({ output_type: "display_data" as const, metadata: {}, data: { "text/html": `<div class="fragtax-figure tex2jax_ignore" data-figure-id="${id}"><span class="fragtax-figure-label">Twice</span> <strong class="fragtax-figure-value">2</strong></div>` } });
    const cell = { cell_type: "code" as const, metadata: {}, execution_count: 9, source: "", outputs: [card("twice"), card("twice")] };
    const heading = { cell_type: "markdown" as const, metadata: {}, source: "## Figure twice" };
    const page = (await renderReport({ ...input, chapters: [{ ...first, notebook: { ...first.notebook, cells: [...first.notebook.cells, heading, cell] } }, ...rest] })).html;
    expect(page).toContain('<h2 id="figure-twice"');
    expect(page).toContain('<div class="output output-html" id="figure-twice-1">');
    expect(page).toContain('<div class="output output-html" id="figure-twice-2">');
  });

  it("gives each chapter the id of the number readers see, an unnumbered one its notebook's name, each once", async () => {
    const input = fixtureInput();
    const headed = (heading: string) => (chapter: (typeof input.chapters)[number]) => ({
      ...chapter,
      notebook: { ...chapter.notebook, cells: [{ cell_type: "markdown" as const, metadata: {}, source: `# ${heading}` }, ...chapter.notebook.cells] },
    });
    const [first, second] = input.chapters;
    if (first === undefined || second === undefined) throw new Error("fixture has two chapters");
    // A summary before chapter 1: by position, #chapter-2 was chapter 1, and a link to chapter 1 opened the summary.
    const summary = { ...headed("Summary")(first), relativePath: "notebooks/00-Summary.ipynb" };
    const page = (await renderReport({ ...input, chapters: [summary, headed("1. The bill")({ ...second, number: 2 })] })).html;
    expect(page).toContain('<section class="chapter" id="chapter-00-summary"');
    expect(page).toMatch(/<section class="chapter" id="chapter-1"[\s\S]*Chapter 1[\s\S]*<h1>The bill<\/h1>/);
    expect(page).toContain('<a href="#chapter-1"><span class="toc-number">1</span> The bill</a>');
    // A number two chapters give (warned of above) still gives two ids.
    const twice = (await renderReport({ ...input, chapters: [headed("9. Energy")(first), headed("9. Energy")({ ...second, number: 2 })] })).html;
    expect(twice).toContain('id="chapter-9"');
    expect(twice).toContain('id="chapter-9-2"');
  });

  it("shows a chapter title's markup as the text a reader sees, in its header and the contents, never as tags", async () => {
    const input = fixtureInput();
    const [first] = input.chapters;
    if (first === undefined) throw new Error("fixture has a chapter");
    const titled = { ...first, notebook: { ...first.notebook, cells: [{ cell_type: "markdown" as const, metadata: {}, source: '# 11. Who\'s paying <b>now</b> & *"why"* <script>x</script>' }, ...first.notebook.cells] } };
    const page = (await renderReport({ ...input, chapters: [titled] })).html;
    const shown = "Who\u2019s paying now &amp; \u201cwhy\u201d &lt;script&gt;x&lt;/script&gt;";
    expect(page).toContain(`<h1>${shown}</h1>`);
    expect(page).toContain(`<span class="toc-number">11</span> ${shown}</a>`);
    expect(page).not.toContain("&lt;b&gt;now");
  });

  it("shows, in place of a chart whose encoding names a field its data lacks, that error, and under one a transform reads it from, a note; the names as text", async () => {
    const input = fixtureInput();
    const [first, ...rest] = input.chapters;
    if (first === undefined) throw new Error("fixture has no chapter");
    const withChart = async (spec: Record<string, unknown>): Promise<RenderedReport> => {
      const chart = { cell_type: "code" as const, metadata: {}, execution_count: 9, source: "nb.chart(spec);", outputs: [{ output_type: "display_data" as const, metadata: {}, data: { "application/vnd.vegalite.v5+json": spec } }] };
      return renderReport({ ...input, chapters: [{ ...first, notebook: { ...first.notebook, cells: [...first.notebook.cells, chart] } }, ...rest] });
    };
    const data = { values: [{ region: "EU", cost: 1 }] };
    // A channel's field: the chart would be drawn empty, so it is not drawn; the cell fails (the build exits 1).
    const failed = await withChart({ data, mark: "bar", encoding: { x: { field: "region", type: "nominal" }, y: { field: "<b>cots</b>", type: "quantitative" } } });
    expect(failed.html).toMatch(/<div class="output output-error chart-error" role="alert"><p class="output-error-title">[^<]*: chart field &quot;&lt;b&gt;cots&lt;\/b&gt;&quot; \(at encoding\.y\.field\) is not in the chart&#39;s data/);
    const before = (await renderReport(input)).failedCells.map((cell) => cell.where);
    expect(failed.failedCells.map((cell) => cell.where)).toEqual([`${first.relativePath}: cell ${first.notebook.cells.length + 1}`, ...before]);
    // A field only a filter reads: drawn, with the note.
    const noted = await withChart({ data, transform: [{ filter: { field: "<b>cots</b>", gt: 0 } }], mark: "bar", encoding: { x: { field: "region", type: "nominal" }, y: { field: "cost", type: "quantitative" } } });
    expect(noted.html).toContain('<p class="chart-problem" role="note">This chart names a field its data does not have (&quot;&lt;b&gt;cots&lt;/b&gt;&quot;), so it is drawn without it.</p>');
    expect(noted.failedCells.map((cell) => cell.where)).toEqual(before);
    expect((await renderReport(input)).html).not.toContain(`<p class="chart-problem"`); // the fixture's own charts are whole
  });

  it("shows under a chart's located field error the cell's code frame, as the terminal does, its text escaped", async () => {
    const input = fixtureInput();
    const [first, ...rest] = input.chapters;
    if (first === undefined) throw new Error("fixture has no chapter");
    const spec = { data: { values: [{ region: "<i>EU</i>", cost: 1 }] }, mark: "bar", encoding: { x: { field: "region", type: "nominal" }, y: { field: "cots", type: "quantitative", title: "<script>x</script> $` $&" } } };
    const source = `const label = 1;\nnb.chart(${JSON.stringify(spec).replace(/"(\w+)":/g, "$1: ")});`;
    const chart = { cell_type: "code" as const, metadata: {}, execution_count: 9, source, outputs: [{ output_type: "display_data" as const, metadata: {}, data: { "application/vnd.vegalite.v5+json": spec } }] };
    const cell = first.notebook.cells.length + 1;
    const page = (await renderReport({ ...input, chapters: [{ ...first, notebook: { ...first.notebook, cells: [...first.notebook.cells, chart] } }, ...rest] })).html;
    const box = /<div class="output output-error chart-error" role="alert">(.*?)<\/div>/s.exec(page)?.[1] ?? "";
    expect(box).toMatch(new RegExp(`<p class="output-error-title">[^<]*: cell ${cell}, line 2, column \\d+: chart field &quot;cots&quot;`));
    // The cell is marked failed and its code shown open, as for a cell that threw.
    expect(page).toContain(`<div class="cell cell-code cell-failed" id="cell-c${first.number}-${cell}"><details class="cell-source" open>`);
    // The frame: the line before, the located line marked, and a caret under the field's name.
    const frame = /<pre>([^<]*)<\/pre>/.exec(box)?.[1] ?? "";
    // The line before, windowed as the located line is (it is shorter than the window's start).
    expect(frame.split("\n")[0]).toBe("  1 | \u2026");
    expect(frame).toContain("title: &quot;&lt;script&gt;x&lt;/s\u2026");
    const marked = frame.split("\n").find((line) => line.startsWith("&gt; 2 | "));
    expect(marked).toContain('field: &quot;cots&quot;');
    const caret = frame.split("\n").find((line) => /^ +\| +\^$/.test(line)) ?? "";
    const plain = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">");
    expect(plain(marked ?? "").slice(caret.indexOf("^"))).toMatch(/^"cots"/);
  });

  it("titles a failed cell's box with its located line, says it once, and draws its code frame for the page", async () => {
    const input = fixtureInput();
    const [first, ...rest] = input.chapters;
    if (first === undefined) throw new Error("fixture has no chapter");
    const cell = first.notebook.cells.length + 1;
    const source = `const a = 1;\nconst bill = nb.figure({ id: "bill", label: "The <b>bill</b>", value: 3, ${"unit: \"x\", ".repeat(8)}format: "dollars" });`;
    const column = source.split("\n")[1]!.indexOf('"dollars"') + 1;
    const located = `notebooks/x.ipynb: cell ${cell}, line 2, column ${column}: TS2322: Type '"dollars"' is not assignable to type 'NumberFormat'.`;
    // The traceback as the engine writes it: the located line, then the terminal's frame (the whole line, under 240 characters).
    const terminalFrame = ["  1 | const a = 1;", `> 2 | ${source.split("\n")[1]}`, `    | ${" ".repeat(column - 1)}^`];
    const failed = { cell_type: "code" as const, metadata: {}, execution_count: null, source, outputs: [{ output_type: "error" as const, ename: "TS2322", evalue: `Type '"dollars"' is not assignable to type 'NumberFormat'.`, traceback: [located, ...terminalFrame] }] };
    const page = (await renderReport({ ...input, chapters: [{ ...first, notebook: { ...first.notebook, cells: [...first.notebook.cells, failed] } }, ...rest] })).html;
    const box = /<div class="output output-error" role="alert">(.*?)<\/div>/s.exec(page)?.[1] ?? "";
    const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    // The title is where and what; the message is not said a second time under it.
    expect(unescape(/<p class="output-error-title">([^<]*)<\/p>/.exec(box)?.[1] ?? "")).toBe(located);
    const frame = unescape(/<pre>([^<]*)<\/pre>/.exec(box)?.[1] ?? "");
    expect(frame).not.toContain("TS2322");
    // The frame is the page's: the located line windowed, the caret ~24 characters in, under "dollars".
    const lines = frame.split("\n");
    const marked = lines.find((line) => line.startsWith("> 2 | ")) ?? "";
    const caret = lines.find((line) => /^ +\| +\^$/.test(line)) ?? "";
    expect(marked.length).toBeLessThan(90);
    expect(marked.slice(caret.indexOf("^"))).toMatch(/^"dollars"/);
    expect(caret.indexOf("^")).toBeLessThan(36);
    // The label's markup is text in the frame, never tags.
    expect(page).not.toContain("The <b>bill</b>");
  });

  it("marks the code cells after a failed one as not run, and only those", async () => {
    const input = fixtureInput();
    const [first, ...rest] = input.chapters;
    if (first === undefined) throw new Error("fixture has no chapter");
    const failed = { cell_type: "code" as const, metadata: {}, execution_count: 7, source: 'throw new Error("x");', outputs: [{ output_type: "error" as const, ename: "Error", evalue: "x", traceback: [] }] };
    const after = { cell_type: "code" as const, metadata: {}, execution_count: null, source: "const later = 1;", outputs: [] };
    const cells = [...first.notebook.cells, failed, after];
    const rendered = await renderReport({ ...input, chapters: [{ ...first, notebook: { ...first.notebook, cells } }, ...rest] });
    expect(rendered.html.match(/<p class="cell-not-run">[^<]*<\/p>/g)).toEqual([`<p class="cell-not-run">Not run: cell ${cells.length - 1} failed before it.</p>`]);
    expect((await renderReport(input)).html).not.toContain('<p class="cell-not-run">');
  });

  it("marks the code cells before one whose error stopped the notebook before any cell ran (a syntax error) as not run", async () => {
    // They showed their code and nothing else, as if they had run and said nothing.
    const input = fixtureInput();
    const [first, ...rest] = input.chapters;
    if (first === undefined) throw new Error("fixture has no chapter");
    const unrun = (source: string) => ({ cell_type: "code" as const, metadata: {}, execution_count: null, source, outputs: [] });
    const syntax = { ...unrun("const x = ;"), outputs: [{ output_type: "error" as const, ename: "SyntaxError", evalue: "Expression expected", traceback: [] }] };
    const cells = [unrun("const a = 1;"), unrun(""), unrun("nb.md`A`;"), syntax, unrun("const after = 2;")];
    const rendered = await renderReport({ ...input, chapters: [{ ...first, notebook: { ...first.notebook, cells } }, ...rest] });
    const notes = (rendered.html.match(/<p class="cell-not-run">[^<]*<\/p>/g) ?? []).slice(0, 3);
    const before = '<p class="cell-not-run">Not run: cell 4 has an error found before any cell runs (every cell is compiled first), so no cell of this notebook ran.</p>';
    // The two cells with code before it (not the empty one), and the one after it as before.
    expect(notes).toEqual([before, before, '<p class="cell-not-run">Not run: cell 4 failed before it.</p>']);
  });

  it("warns about NaN geometry and 'undefined' labels in a chart", async () => {
    const { renderChart } = await import("../../src/charts/render");
    const chart = await renderChart(
      { data: { values: [{ a: "x", b: 0 }, { b: 2 }] }, mark: "bar", encoding: { y: { field: "a", type: "nominal" }, x: { field: "b", type: "quantitative", scale: { type: "log" } } } },
      { where: "nb.ipynb: cell 3", baseDir: ".", root: ".", idPrefix: "vt" },
    );
    expect(chart.warnings.join("\n")).toMatch(/nb\.ipynb: cell 3: the chart (has NaN coordinates|shows the label)/);
  });
});
