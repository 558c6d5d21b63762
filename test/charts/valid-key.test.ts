/**
 * The key under which a spec the Vega-Lite schema accepted is remembered (charts/cache.ts
 * `validSpecKey`) leaves out the rows of inline data and keeps their kinds: the schema checks nothing
 * else of them. A rebuild whose charts only changed numbers then validates nothing; a change the
 * schema does see (a row of another kind, any other field) is validated again.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { noSpecRemembered, useChartCache, validSpecKey } from "../../src/charts/cache";
import { renderChart } from "../../src/charts/render";

const dir = mkdtempSync(join(tmpdir(), "fragtax-valid-key-"));
afterAll(() => {
  useChartCache(undefined);
  rmSync(dir, { recursive: true, force: true });
});

const bars = (values: unknown[], mark = "bar") => ({
  $schema: "https://vega.github.io/schema/vega-lite/v5.json",
  data: { values },
  mark,
  encoding: { x: { field: "k", type: "nominal" }, y: { field: "n", type: "quantitative" } },
});

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
    const valid = await renderChart(bars([3, 4]), place);
    expect(valid.warnings.filter((w) => w.includes("chart spec:"))).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.startsWith("valid-"))).toHaveLength(1);
    const mixed = await renderChart(bars([3, "four"]), place);
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
      await renderChart(bars([5, 6]), { where: "nb.ipynb: cell 2", baseDir: tmpdir(), root: tmpdir(), idPrefix: "vc1-2-o1" });
      expect(await noSpecRemembered()).toBe(false);
    } finally {
      useChartCache(dir);
      rmSync(fresh, { recursive: true, force: true });
    }
  });
});
