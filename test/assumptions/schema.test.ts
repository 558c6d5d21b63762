import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { assumptionsSchemaText, SCHEMA_PATH } from "../../scripts/assumptions-schema";

describe("assumptions JSON Schema", () => {
  it("the committed notebooks/assumptions.schema.json equals the one generated from the zod schema (npm run schema)", async () => {
    expect(await readFile(SCHEMA_PATH, "utf8")).toBe(assumptionsSchemaText());
  });

  it("describes the fields editors should complete", () => {
    const schema = JSON.parse(assumptionsSchemaText()) as {
      properties: { assumptions: { items: { properties: Record<string, unknown>; required: string[] } } };
      additionalProperties: boolean;
    };
    const entry = schema.properties.assumptions.items;
    expect(Object.keys(entry.properties)).toEqual(["id", "label", "unit", "value", "range", "mode", "distribution", "kind", "source", "note", "support"]);
    expect(entry.required).toEqual(expect.arrayContaining(["id", "label", "unit", "kind", "source"]));
    expect(entry.properties.distribution).toMatchObject({ enum: ["lognormal", "normal", "uniform", "triangular", "fixed"] });
    expect(schema.additionalProperties).toBe(false);
    // An editor refuses what the build refuses: a source url that is not http(s).
    const url = (entry.properties.source as { properties: { url: { pattern: string } } }).properties.url;
    const web = new RegExp(url.pattern);
    expect(["https://example.com/r", "HTTP://a.b"].every((address) => web.test(address))).toBe(true);
    expect(["javascript:alert(1)", "data:text/html,x", "ftp://a.b"].some((address) => web.test(address))).toBe(false);
  });
});
