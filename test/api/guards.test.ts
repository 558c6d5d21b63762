// The notebook API's run-time guards: a value TypeScript did not see (an `any`, a JSON read) must be
// refused naming the field, never shown to readers as "undefined", "NaN" or "[object Object]".
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { notebook, type TslabLike } from "../../src/api/index";
import { RUN_CONTEXT, type RunContext } from "../../src/api/context";
import type { FigureRecord } from "../../src/api/types";
import { monteCarlo } from "../../src/model/index";
import { appendCell, tempProject, type TempProject } from "../project";

function session() {
  const figures: FigureRecord[] = [];
  const shown: string[] = [];
  const context: RunContext = {
    assumptions: { get: () => { throw new Error("none"); }, readIds: () => [], all: () => [], catalog: () => [] },
    montecarlo: { samples: 500, seed: 1 },
    recordFigure: (figure) => figures.push(figure),
    recordClaim: () => undefined,
  };
  const display = { markdown: (text: string) => shown.push(text), html: (text: string) => shown.push(text), raw: () => undefined };
  const tslab = { display, [RUN_CONTEXT]: context } as unknown as TslabLike;
  return { nb: notebook(tslab), figures, shown };
}

// What a cell passes when types are bypassed (any, JSON): the guards are for these.
const loose = <T>(value: unknown): T => value as T;

describe("nb.figure", () => {
  it("takes a monteCarlo output directly and records only the six summary numbers", () => {
    const { nb, figures, shown } = session();
    const result = monteCarlo(({ a }) => ({ cost: a * 2 }), { a: 3 }, { samples: 200, seed: 4 });
    expect(result.outputs.cost.samples).toBeInstanceOf(Float64Array);
    const figure = nb.figure({ id: "cost", label: "Cost", unit: "USD", format: "usd", summary: result.outputs.cost });
    expect(Object.keys(figure.summary ?? {}).sort()).toEqual(["mean", "p25", "p5", "p50", "p75", "p95"]);
    expect(figures[0]).toEqual(figure);
    expect(shown[0]).toContain("$6");
    void nb.md`It costs ${result.outputs.cost}.`;
    expect(shown[1]).toBe("It costs 6.") // every draw the same: the one number;
  });

  it("names the non-finite percentile of a genuinely bad summary", () => {
    const { nb } = session();
    const summary = { mean: 1, p5: 0.5, p25: 0.8, p50: 1, p75: 1.2, p95: Number.POSITIVE_INFINITY, samples: new Float64Array(3) };
    expect(() => nb.figure({ id: "x", label: "X", unit: "USD", format: "usd", summary })).toThrow('nb.figure("x"): "summary.p95" is Infinity, not a finite number');
    expect(() => nb.figure({ id: "x", label: "X", unit: "USD", format: "usd", summary: { ...summary, p95: 2, p25: Number.NaN } })).toThrow('"summary.p25" is NaN');
  });

  it("refuses an unknown format, a missing label or unit, a missing summary field, listing what to use", () => {
    const { nb, figures } = session();
    const base = { id: "cost", label: "Cost", unit: "USD", format: "usd" as const, value: 3 };
    expect(() => nb.figure({ ...base, format: loose("dollars") })).toThrow('nb.figure("cost"): "format" is "dollars"; use one of "usd", "multiple", "percent", "count", "year", "correlation", "number"');
    expect(() => nb.figure({ ...base, label: loose(undefined) })).toThrow('nb.figure("cost"): "label" is missing');
    expect(() => nb.figure({ ...base, unit: loose(undefined) })).toThrow('nb.figure("cost"): "unit" is missing');
    expect(() => nb.figure({ ...base, value: loose("3") })).toThrow('"value" is "3"; it must be a finite number');
    expect(() => nb.figure({ id: "cost", label: "Cost", unit: "USD", format: "usd", summary: loose({ p5: 1, p50: 2 }) })).toThrow('"summary.p95" is missing');
    expect(figures).toEqual([]);
  });

  it("refuses an id that is not one word (a space, a quote, markup), for figures, their alternatives and claims, with the word it could be", () => {
    const { nb, figures } = session();
    const base = { id: "cost", label: "Cost", unit: "USD", format: "usd" as const, value: 3 };
    const word = '; an id names its record in figures.json, claims.json, diffs and errata as written: use letters, digits, _, . and - only, starting with a letter or digit';
    expect(() => nb.figure({ ...base, id: "training cost" })).toThrow(`nb.figure("training cost"): "id" is "training cost"${word} (e.g. "training_cost")`);
    expect(() => nb.figure({ ...base, id: "<script>x</script>" })).toThrow(`"id" is "<script>x</script>"${word} (e.g. "script_x_script")`);
    expect(() => nb.figure({ ...base, id: "_private" })).toThrow('(e.g. "private")');
    expect(() => nb.figure({ ...base, id: "€€" })).toThrow(new RegExp(`"id" is "€€"${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    expect(() => nb.figure({ ...base, alternatives: [{ id: "fine", label: "a", value: 1 }, { id: "not fine", label: "b", value: 2 }] })).toThrow('nb.figure("cost"): "alternatives[1].id" is "not fine"');
    const claim = { id: "c d", claim: "A run", stated: { low: 1, high: 2 }, computed: { low: 1, high: 2 }, unit: "USD", format: "usd", verdict: "consistent", factor: 1 } as const;
    expect(() => nb.claim(claim)).toThrow('nb.claim("c d"): "id" is "c d"');
    expect(figures).toEqual([]);
    // Letters, digits, _ . - are ids as they were.
    for (const id of ["cost", "Cost2", "h100.usd-per_hour", "9th"]) expect(nb.figure({ ...base, id }).id).toBe(id);
  });
});

describe("an interval whose ends are swapped", () => {
  it("is refused by nb.claim, nb.fmt and nb.figure, naming the field, rather than shown as \"5–2\" or \"90% interval 9–0\"", () => {
    const { nb, shown } = session();
    const good = { id: "c", claim: "A run", stated: { low: 1, high: 2 }, computed: { low: 1, high: 2 }, unit: "MWh", format: "number", verdict: "consistent", factor: 1 } as const;
    expect(() => nb.claim({ ...good, stated: { low: 5, high: 2 } })).toThrow('nb.claim("c"): "stated.low" 5 is above "stated.high" 2; give the smaller end as low (were they swapped?)');
    expect(() => nb.claim({ ...good, computed: { low: 9, high: 1 } })).toThrow('nb.claim("c"): "computed.low" 9 is above "computed.high" 1');
    expect(() => nb.claim({ ...good, computed: { low: 1, high: 2, p50: 7 } })).toThrow('nb.claim("c"): "computed.p50" 7 is outside "computed.low"–"computed.high" (1–2)');
    expect(() => nb.fmt({ low: 3, high: 2 })).toThrow('nb.fmt: "value.low" 3 is above "value.high" 2');
    const summary = { mean: 1, p5: 9, p25: 1, p50: 1, p75: 1, p95: 0 };
    expect(() => nb.figure({ id: "f", label: "F", unit: "MWh", format: "number", summary })).toThrow('nb.figure("f"): "summary.p5" 9 is above "summary.p25" 1; a summary\'s percentiles rise');
    const alternative = { id: "alt", label: "Alt", summary: { ...summary, p5: 1, p50: 3, p95: 2 } };
    expect(() => nb.figure({ id: "f", label: "F", unit: "MWh", format: "number", value: 1, alternatives: [alternative] })).toThrow('nb.figure("f"): "alternatives.alt.summary.p50" 3 is above "alternatives.alt.summary.p95" 2');
    expect(shown).toEqual([]);
    // Equal ends are one number, a long tail may put the mean above p95, and a range in order is shown as before.
    expect(nb.fmt({ low: 2, high: 2 })).toBe("2");
    expect(nb.figure({ id: "g", label: "G", unit: "", format: "number", summary: { mean: 50, p5: 1, p25: 1, p50: 2, p75: 3, p95: 4 } }).summary?.mean).toBe(50);
    expect(nb.claim({ ...good, computed: { low: 1, high: 2, p50: 1.5 } }).computed.high).toBe(2);
  });
});

describe("a figure or summary put into a template literal nested in nb.md's", () => {
  // `${cheap ? `Small: ${figure}.` : "…"}` made the figure text before nb.md saw it: "[object Object]" reached the report.
  it("reads a figure as nb.md prints it, and refuses text with an object in it, saying what to do", () => {
    const { nb, shown } = session();
    const small = shown.length >= 0; // a condition the cell computes
    const figure = nb.figure({ id: "cost", label: "Cost", unit: "USD", format: "usd", value: 2.5e6 });
    void nb.md`Electricity: ${small ? `a small part, ${figure}.` : ""}`;
    expect(shown.at(-1)).toBe("Electricity: a small part, \\$2.5M.");
    const summary = { mean: 1, p5: 0.5, p25: 0.8, p50: 1, p75: 1.2, p95: 1.5 };
    expect(() => nb.md`Cost: ${small ? `about ${String(summary)}` : ""}`).toThrow('nb.md: value #1 contains "[object Object]": an object became text before nb.md saw it');
  });
});

describe("a figure's unit written again after it in nb.md", () => {
  // `${energy} MWh` showed "29,300 MWh (90% interval 19,500–44,500 MWh) MWh" to readers, and nothing said so.
  it("is refused at its placeholder, saying which unit, and a unit that only begins the same word is not", () => {
    const { nb, shown } = session();
    const energy = nb.figure({ id: "energy", label: "Energy", unit: "MWh", format: "number", value: 29300 });
    expect(() => nb.md`The run uses ${energy} MWh of electricity.`).toThrow('nb.md: value #1 is a figure that writes its own unit ("MWh"), and the text after it writes the unit again, so the reader sees "… MWh MWh"; take "MWh" out of the text after the ${…}');
    const perHour = nb.figure({ id: "rate", label: "Rate", unit: "USD/GPU-hour", format: "usd", value: 2.5 });
    expect(() => nb.md`At ${perHour}/GPU-hour, it is cheap.`).toThrow('writes its own unit ("/GPU-hour")');
    void nb.md`The run uses ${energy}; MWhs are not a unit here, and ${perHour} is the rate.`;
    expect(shown.at(-1)).toContain("29,300 MWh; MWhs are not a unit here");
  });
});

describe("nb.fmt, nb.md and nb.claim", () => {
  it("refuse an unknown format, a NaN and a claim without numbers", () => {
    const { nb } = session();
    expect(() => nb.fmt(3, loose("dollars"))).toThrow('nb.fmt: "format" is "dollars"');
    expect(() => nb.md`x ${Number.NaN}`).toThrow('nb.md: "value #1" is NaN');
    // "is a object"; and a model run's whole result, whose summaries are what prose wants, is said as that.
    expect(() => nb.md`x ${loose({ a: 1 })}`).toThrow("nb.md: value #1 is an object; interpolate a number");
    expect(() => nb.md`x ${loose({ summary: { cost_usd: {}, share: {} }, samples: {} })}`).toThrow("nb.md: value #1 is a model run's whole result; interpolate one of its summaries (e.g. run.summary.cost_usd), or a number");
    // nb.fmt wrote "n/a" into the prose, and the build passed, --strict too.
    expect(() => nb.fmt(Number.NaN, "usd")).toThrow('nb.fmt: "value" is NaN, not a finite number; check the model inputs that lead to it');
    expect(() => nb.fmt(-Infinity)).toThrow('nb.fmt: "value" is -Infinity, not a finite number');
    expect(() =>
      nb.claim({ id: "c", claim: "A run costs $1B", stated: loose({ low: 1e9 }), computed: { low: 1, high: 2 }, unit: "USD", format: "usd", verdict: "overstated", factor: 2 }),
    ).toThrow('nb.claim("c"): "stated.high" is missing');
    expect(() =>
      nb.claim({ id: "c", claim: "A run", stated: { low: 1, high: 2 }, computed: { low: 1, high: 2 }, unit: "USD", format: loose("usd$"), verdict: "consistent", factor: 1 }),
    ).toThrow('nb.claim("c"): "format" is "usd$"');
  });

  it("refuse a claim whose unit, verdict, note, drivers or computed.p50 the report could not use, naming the claim and the field", () => {
    const { nb } = session();
    const good = { id: "c", claim: "A run", stated: { low: 1, high: 2 }, computed: { low: 1, high: 2 }, unit: "USD", format: "usd", verdict: "consistent", factor: 1 } as const;
    const bad = (change: Record<string, unknown>) => () => nb.claim(loose({ ...good, ...change }));
    expect(bad({ unit: undefined })).toThrow('nb.claim("c"): "unit" is missing; give it as a non-empty string');
    expect(bad({ unit: 3 })).toThrow('nb.claim("c"): "unit" is 3');
    expect(bad({ verdict: undefined })).toThrow('nb.claim("c"): "verdict" is missing; use one of "consistent", "overstated", "understated", "unverifiable"');
    expect(bad({ verdict: "wrong" })).toThrow('nb.claim("c"): "verdict" is "wrong"');
    expect(bad({ note: { text: "x" } })).toThrow('nb.claim("c"): "note" is an object; give a string or leave it out');
    expect(bad({ drivers: "h100" })).toThrow('nb.claim("c"): "drivers" is "h100"');
    expect(bad({ drivers: [null] })).toThrow('nb.claim("c"): "drivers[0]" is null');
    expect(bad({ drivers: [{ id: "h100" }] })).toThrow('nb.claim("c"): "drivers[0].share" is missing');
    expect(bad({ computed: { low: 1, high: 2, p50: "1.5" } })).toThrow('nb.claim("c"): "computed.p50" is "1.5"');
    // An empty unit is a pure number, as for figures.
    expect(nb.claim(loose({ ...good, unit: "" })).unit).toBe("");
  });
});

describe("the guards in a build", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it("fail the cell with the field and the cell named, and the report shows no undefined/NaN", () => {
    project = tempProject();
    const cell = appendCell(project.root, "01-price.ipynb", 'const how: any = "dollars";\nnb.figure({ id: "bad", label: "Bad", unit: "USD", format: how, value: 3 });');
    const run = spawnSync("node", ["dist/cli.cjs", "build", "--no-pdf", "--root", project.root], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`notebooks/01-price.ipynb: cell ${cell}, line 2`);
    expect(run.stderr).toContain('nb.figure("bad"): "format" is "dollars"');
    const page = readFileSync(join(project.root, "out/build/report.html"), "utf8");
    expect(page).not.toMatch(/>[^<]*\b(undefined|NaN)\b[^<]*</);
    expect(page).not.toContain("[object Object]");
  }, 60_000);

  it("name the claim, the field and the cell of a claim without a unit, where the claims ledger used to crash the build", () => {
    project = tempProject();
    const cell = appendCell(
      project.root,
      "01-price.ipynb",
      'const loose: any = { id: "no_unit", claim: "Runs cost $1B", stated: { low: 1, high: 2 }, computed: { low: 1, high: 2 }, format: "usd", verdict: "consistent", factor: 1 };\nnb.claim(loose);',
    );
    const run = spawnSync("node", ["dist/cli.cjs", "build", "--no-pdf", "--root", project.root], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`notebooks/01-price.ipynb: cell ${cell}, line 2`);
    expect(run.stderr).toContain('nb.claim("no_unit"): "unit" is missing');
    expect(run.stderr).not.toContain("Cannot read properties");
  }, 60_000);
});
