/**
 * Hostile text in assumption fields reaching `fragtax diff`: terminal escapes are shown, never
 * obeyed; HTML stays text; replacement patterns stay literal.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { terminalText } from "../../src/util/terminal";
import { fragtax, makeProject } from "../published-project";

const dir = mkdtempSync(join(tmpdir(), "fragtax-hostile-diff-"));
let root = "";
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  if (root) rmSync(root, { recursive: true, force: true });
});

const ESCAPES = "\u001b[2J\u001b]0;pwned\u0007\u001b[31m";
const entry = (label: string, note: string, value: number): string => `assumptions:
  - id: price_usd
    label: ${JSON.stringify(label)}
    unit: USD
    value: ${value}
    source: { title: ${JSON.stringify(`Source ${ESCAPES} <script>alert(1)</script>`)}, url: "https://example.com/", date: 2026-05-01 }
    note: ${JSON.stringify(note)}
`;

describe("fragtax diff with hostile assumption fields", () => {
  it("prints control characters as visible escapes, in text, and keeps HTML and $ patterns literal", async () => {
    root = await makeProject();
    const before = join(dir, "before.yaml");
    const after = join(dir, "after.yaml");
    writeFileSync(before, entry(`Price ${ESCAPES}`, "old note", 1));
    const label = `Price ${ESCAPES} new \u202eX\u0085`;
    writeFileSync(after, entry(label, "new $` $& <img src=x onerror=alert(2)> \u001b[8mhidden", 2));
    const text = await fragtax(["diff", before, after], { cwd: root });
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain("\u001b");
    expect(text.stdout).not.toContain("\u0007");
    expect(text.stdout).toContain(terminalText(label));
    expect(text.stdout).toContain("\\x1b[8mhidden");
    expect(text.stdout).toContain("new $` $& <img src=x onerror=alert(2)>");

    const json = await fragtax(["diff", before, after, "--json"], { cwd: root });
    expect(JSON.parse(json.stdout).assumptions.changed[0].after.label).toBe(label);
    // The same JSON, with what would act on a terminal written as escapes (a right-to-left override reversed the line).
    for (const char of ["\u001b", "\u0007", "\u202e", "\u0085"]) expect(json.stdout).not.toContain(char);
    expect(json.stdout).toContain("\\u202eX\\u0085");

    const page = join(dir, "diff.html");
    expect((await fragtax(["diff", before, after, "--html", page], { cwd: root })).code).toBe(0);
    const html = readFileSync(page, "utf8");
    expect(html).not.toMatch(/<script>alert|<img src=x/);
    expect(html).toContain("$` $&amp;");
    // A replaced run of words reads "old → new" as text too (copied, or read aloud, del and ins are not announced).
    const note = /<b>note<\/b>: ([^]*?)<\/div>/.exec(html)?.[1] ?? "";
    expect(note.replace(/<[^>]+>/g, "")).toMatch(/^old note → new \$` \$&amp;/);
    // Escaping is not its only guard: the page carries the report's policy, with no script allowed.
    expect(html.replace(/&#39;|&#x27;/g, "'")).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*script-src 'none'/);
  });

  it("keeps a label or note with a line break on its line of the listing: the break is shown as \\x0a, never a line of its own", async () => {
    root ||= await makeProject();
    const before = join(dir, "before-lines.yaml");
    const after = join(dir, "after-lines.yaml");
    writeFileSync(before, entry("Price\nwarning: forged label", "old note", 1));
    writeFileSync(after, entry("Price", "note\nok 2026-12-01 (6 files match its manifest)", 2));
    const text = await fragtax(["diff", before, after], { cwd: root });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("label: Price\\x0awarning: forged label → Price");
    expect(text.stdout).toContain("note: old note → note\\x0aok 2026-12-01 (6 files match its manifest)");
    expect(text.stdout.split("\n").filter((line) => /^(warning|ok) /.test(line))).toEqual([]);
  });
});

