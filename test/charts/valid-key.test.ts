/**
 * The key under which a spec the Vega-Lite schema accepted is remembered (charts/cache.ts
 * `validSpecKey`) leaves out the rows of inline data and keeps their kinds: the schema checks nothing
 * else of them; and every other number by its class against the constants the schema compares numbers
 * with. A rebuild whose charts only changed numbers then validates nothing; a change the schema does
 * see (a row of another kind, a number across one of its bounds, any other field) is validated again.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { noSpecRemembered, useChartCache, validSpecKey } from "../../src/charts/cache";
import { writesBehindSettled } from "../../src/util/atomic";
import { renderChart } from "../../src/charts/render";
import { schemaProblems } from "../../src/charts/schema";
import { comparedNumbers, numberClass, validityText } from "../../src/charts/valid-key";
import { packageDir, packageVersion } from "../../src/package-version";
import { toolCacheDir } from "../../src/util/tool-cache";

const schema: unknown = JSON.parse(readFileSync(join(packageDir("vega-lite"), "build", "vega-lite-schema.json"), "utf8"));

const dir = mkdtempSync(join(tmpdir(), "fragtax-valid-key-"));
afterAll(async () => {
  await writesBehindSettled(); // the drawings are written behind, as in a build (util/atomic.ts)
  useChartCache(undefined);
  rmSync(dir, { recursive: true, force: true });
});

const bars = (values: unknown[], mark = "bar") => ({
  $schema: "https://vega.github.io/schema/vega-lite/v5.json",
  data: { values },
  mark,
  encoding: { x: { field: "k", type: "nominal" }, y: { field: "n", type: "quantitative" } },
});

/** Bare values, drawn as Vega gives them: one field, "data". */
const numbers = (values: unknown[]) => ({ ...bars(values), mark: "tick", encoding: { x: { field: "data", type: "quantitative" } } });

describe("validSpecKey", () => {
  it("is the same when only the rows' values change, in data and in datasets", () => {
    expect(validSpecKey(bars([{ k: "a", n: 3 }]))).toBe(validSpecKey(bars([{ k: "b", n: 4.5 }, { k: "c", n: -1 }])));
    const layered = (n: number) => ({ layer: [{ data: { values: [n, n + 1] }, mark: "tick" }], datasets: { d: [{ x: n }] } });
    expect(validSpecKey(layered(1))).toBe(validSpecKey(layered(7)));
  });

  it("differs when a row is of another kind, or anything but the rows changes", () => {
    const key = validSpecKey(bars([1, 2]));
    expect(validSpecKey(bars([1, "two"]))).not.toBe(key);
    expect(validSpecKey(bars([1, null]))).not.toBe(key);
    expect(validSpecKey(bars([1, 2], "bat"))).not.toBe(key);
    expect(validSpecKey({ ...bars([1, 2]), data: { values: [1, 2], format: { type: "json" } } })).not.toBe(key);
  });

  it("a remembered spec does not hide a schema problem in rows of another kind", async () => {
    useChartCache(dir);
    const place = { where: "nb.ipynb: cell 1", baseDir: tmpdir(), root: tmpdir(), idPrefix: "vc1-1-o1" };
    const valid = await renderChart(numbers([3, 4]), place);
    expect(valid.warnings.filter((w) => w.includes("chart spec:"))).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.startsWith("valid-"))).toHaveLength(1);
    const mixed = await renderChart(numbers([3, "four"]), place);
    expect(mixed.warnings.join("\n")).toContain("nb.ipynb: cell 1: chart spec: must be number at data.values[1]");
  });

  it("a cache that remembers no valid spec says so (a build then loads the validator with the chart libraries)", async () => {
    const fresh = mkdtempSync(join(tmpdir(), "fragtax-valid-none-"));
    try {
      useChartCache(undefined);
      expect(await noSpecRemembered()).toBe(true);
      useChartCache(join(fresh, "not-made-yet"));
      expect(await noSpecRemembered()).toBe(true);
      useChartCache(fresh);
      expect(await noSpecRemembered()).toBe(true);
      await renderChart(numbers([5, 6]), { where: "nb.ipynb: cell 2", baseDir: tmpdir(), root: tmpdir(), idPrefix: "vc1-2-o1" });
      expect(await noSpecRemembered()).toBe(false);
    } finally {
      await writesBehindSettled(); // the drawings are written behind, as in a build (util/atomic.ts)
      useChartCache(dir);
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});

describe("numbers by class", () => {
  const compared = comparedNumbers(schema);
  const line = (max: number, opacity = 0.5) => ({
    data: { values: [{ x: 1, y: 2 }] },
    mark: { type: "line", opacity },
    encoding: { x: { field: "x", type: "quantitative", scale: { domain: [0, max] } }, y: { field: "y", type: "quantitative" } },
  });

  it("the Vega-Lite schema's constants are found, and its numbers can be classed", () => {
    expect(compared).not.toBeNull();
    // opacity's bounds, the angles', a font weight of the enum, and no property name taken for a keyword
    for (const constant of [0, 1, -360, 360, 400, 900]) expect(compared).toContain(constant);
    expect(compared).toEqual([...(compared ?? [])].sort((a, b) => a - b));
  });

  it("a number moved within its class keeps the key; one across a bound, to a bound, or to a fraction does not", () => {
    const c = compared ?? [];
    // a one-assumption rebuild: the axis domain the model gives moves
    expect(validityText(line(19245.043488732845), c)).toBe(validityText(line(22308.462534651764), c));
    expect(validityText(line(100, 0.5), c)).not.toBe(validityText(line(100, 1.5), c)); // across opacity's maximum
    expect(numberClass(1, c)).not.toBe(numberClass(0.999, c)); // equal to a bound
    expect(numberClass(3, c)).not.toBe(numberClass(3.5, c)); // whole or not
    expect(numberClass(-0, c)).toBe(numberClass(0, c));
  });

  it("a string cannot pass for a number's class, nor numbers of another form for classes", () => {
    const c = compared ?? [];
    expect(validityText({ width: numberClass(5, c) }, c)).not.toBe(validityText({ width: 5 }, c));
    expect(validityText({ width: 5 }, null)).not.toBe(validityText({ width: 6 }, null));
  });

  it("a schema that compares numbers with each other or divides them is not classed", () => {
    expect(comparedNumbers({ properties: { n: { type: "number", minimum: 3, maximum: 9.5 }, e: { enum: [1, "a", [7]] }, c: { const: { k: 11 } } } })).toEqual([1, 3, 7, 9.5, 11]);
    expect(comparedNumbers({ properties: { minimum: { type: "number" } } })).toEqual([]);
    expect(comparedNumbers({ properties: { n: { type: "number", multipleOf: 5 } } })).toBeNull();
    expect(comparedNumbers({ items: { type: "number" }, uniqueItems: true })).toBeNull();
  });

  it("the install records the constants when it reads the schema, and a spec across a bound is still validated", async () => {
    await schemaProblems({ mark: "point" });
    const recorded = join(toolCacheDir(), `vega-lite-${packageVersion("vega-lite")}-compared-numbers.json`);
    expect(existsSync(recorded)).toBe(true);
    expect((JSON.parse(readFileSync(recorded, "utf8")) as { compared: unknown }).compared).toEqual(compared);
    const fresh = mkdtempSync(join(tmpdir(), "fragtax-valid-class-"));
    try {
      useChartCache(fresh);
      const place = { where: "nb.ipynb: cell 3", baseDir: tmpdir(), root: tmpdir(), idPrefix: "vc1-3-o1" };
      expect((await renderChart(line(10), place)).warnings.filter((w) => w.includes("chart spec:"))).toEqual([]);
      expect((await renderChart(line(11), place)).warnings.filter((w) => w.includes("chart spec:"))).toEqual([]);
      expect(readdirSync(fresh).filter((f) => f.startsWith("valid-"))).toHaveLength(1); // one key: the second was not validated
      expect((await renderChart(line(10, 1.5), place)).warnings.join("\n")).toContain("nb.ipynb: cell 3: chart spec:");
      expect(readdirSync(fresh).filter((f) => f.startsWith("valid-"))).toHaveLength(1);
    } finally {
      await writesBehindSettled(); // the drawings are written behind, as in a build (util/atomic.ts)
      useChartCache(dir);
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
