/**
 * Hostile text in a figure's label (a headline figure, so in the manifest too), a claim and a heading, through a real build and publish: every
 * JSON file either writes (out/build/*.json, the version's claims.json, sections.json and manifest.json)
 * holds no character a terminal acts on (an 8-bit CSI, a right-to-left override, an isolate), only their
 * `\uXXXX` escapes, so `cat claims.json` shows text; and each file parses back to the same strings.
 * publish writes claims.json and sections.json anew: it wrote the C1 control the build had escaped.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendCell, appendMarkdown, tempProject, type TempProject } from "../project";
import { fragtax } from "../published-project";

const ACTIVE = ["\u009b", "\u202e", "\u2066", "\u2069", "\u0085"];
const LABEL = "Cost \u009b31mred \u202eesrever \u2066isolated\u2069";
const CLAIM = "Stated \u009b2J cleared \u202ereversed \u0085next";
const HEADING = "Section \u202ereversed";

let project: TempProject;
let version = "";

beforeAll(async () => {
  project = tempProject();
  appendMarkdown(project.root, "01-price.ipynb", `## ${HEADING}`);
  appendCell(project.root, "01-price.ipynb", [
    `nb.figure({ id: "hostile_json_figure", label: ${JSON.stringify(LABEL)}, unit: "USD", format: "usd", value: 1 });`,
    `void nb.claim({ id: "hostile_json_claim", claim: ${JSON.stringify(CLAIM)}, stated: { low: 1, high: 2 }, computed: { low: 1, high: 2 }, unit: "USD", format: "usd", verdict: "consistent", factor: 1 });`,
  ].join("\n"));
  const built = await fragtax(["build", "--root", project.root], { cwd: project.root });
  expect(built.code, built.stderr).toBe(0);
  const published = await fragtax(["publish", "--root", project.root, "--accept-warnings"], { cwd: project.root });
  expect(published.code, published.stderr).toBe(0);
  const [id = ""] = readdirSync(join(project.root, "out", "reports")).filter((name) => /^\d{4}-\d{2}-\d{2}/.test(name));
  version = join(project.root, "out", "reports", id);
}, 180_000);

afterAll(() => project?.remove());

const jsonFiles = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith(".json")).map((name) => join(dir, name));

describe("JSON files with hostile text in their strings", () => {
  it("hold the escapes, not the characters, in the build's files and the published version's", () => {
    const files = [...jsonFiles(join(project.root, "out", "build")), ...jsonFiles(version)];
    expect(files.map((file) => file.slice(project.root.length).replace(/\d{4}-\d{2}-\d{2}/, "<version>"))).toEqual(expect.arrayContaining(["/out/build/claims.json", "/out/build/figures.json", "/out/reports/<version>/claims.json", "/out/reports/<version>/sections.json", "/out/reports/<version>/manifest.json"]));
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const char of ACTIVE) expect(text.includes(char), `${file} holds U+${char.charCodeAt(0).toString(16)}`).toBe(false);
    }
    // The strings are there, as escapes a JSON reader turns back into them.
    expect(readFileSync(join(version, "claims.json"), "utf8")).toContain("\\u009b2J cleared \\u202ereversed \\u0085next");
  });

  it("parse back to the same strings", () => {
    const claims = JSON.parse(readFileSync(join(version, "claims.json"), "utf8")) as ReadonlyArray<{ id: string; claim: string }>;
    expect(claims.find((claim) => claim.id === "hostile_json_claim")?.claim).toBe(CLAIM);
    const figures = JSON.parse(readFileSync(join(version, "figures.json"), "utf8")) as ReadonlyArray<{ id: string; label: string }>;
    expect(figures.find((figure) => figure.id === "hostile_json_figure")?.label).toBe(LABEL);
    const manifest = JSON.parse(readFileSync(join(version, "manifest.json"), "utf8")) as { headline: ReadonlyArray<{ id: string; label: string }> };
    expect(manifest.headline.find((figure) => figure.id === "hostile_json_figure")?.label).toBe(LABEL);
    expect(readFileSync(join(version, "sections.json"), "utf8")).toContain("Section \\u202ereversed");
  });

  it("still verify: the manifest's seal and digests hold for the escaped files", async () => {
    const verified = await fragtax(["verify", "--root", project.root], { cwd: project.root });
    expect(verified.code, verified.stderr).toBe(0);
  });
});
