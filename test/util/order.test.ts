/**
 * The order the tool writes lists in (util/order.ts): by code unit, the same on every machine. With
 * `localeCompare`, figures.json and the appendices followed the user's locale: in Czech "cha" sorts
 * after "ha", so the same inputs built elsewhere gave another file.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it, vi } from "vitest";
import type { FigureRecord } from "../../src/api/types";
import { figuresJson } from "../../src/report/figures-file";
import { byCodeUnits, byEntryKey, byIdOrder } from "../../src/util/order";

const figure = (id: string): FigureRecord => ({ id, label: id, unit: "USD", format: "usd", value: 1 });

describe("the order of written lists", () => {
  it("is by code unit: capitals before lower case, digits before '_'", () => {
    expect(["ha", "cha", "a_1", "a1", "B"].sort(byCodeUnits)).toEqual(["B", "a1", "a_1", "cha", "ha"]);
    expect([{ id: "b" }, { id: "a" }].sort(byIdOrder).map((r) => r.id)).toEqual(["a", "b"]);
    expect(Object.entries({ z: 1, a: 2 }).sort(byEntryKey)).toEqual([["a", 2], ["z", 1]]);
  });

  it("of figures.json does not ask the locale (localeCompare is never called)", () => {
    const localeCompare = vi.spyOn(String.prototype, "localeCompare").mockImplementation(() => {
      throw new Error("a locale-dependent order");
    });
    try {
      const ids = (JSON.parse(figuresJson(["ha", "cha", "a_1", "a1"].map(figure))) as { id: string }[]).map((f) => f.id);
      expect(ids).toEqual(["a1", "a_1", "cha", "ha"]);
    } finally {
      localeCompare.mockRestore();
    }
  });

  it("is the same in a Czech locale, where localeCompare puts 'cha' after 'ha'", () => {
    const script = `
      const { byCodeUnits } = await import(${JSON.stringify(new URL("../../src/util/order.ts", import.meta.url).href)});
      console.log(JSON.stringify({ locale: ["cha", "ha"].sort((a, b) => a.localeCompare(b)), ours: ["ha", "cha"].sort(byCodeUnits) }));`;
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", env: { ...process.env, LC_ALL: "cs_CZ.UTF-8" } });
    expect(child.stderr).toBe("");
    const { locale, ours } = JSON.parse(child.stdout) as { locale: string[]; ours: string[] };
    expect(locale).toEqual(["ha", "cha"]); // the locale's order: what the lists followed before
    expect(ours).toEqual(["cha", "ha"]);
  });
});
