/**
 * What a report.pdf is printed with besides its page (build/print-step.ts `PrintSettings`): a build
 * keeps or reuses the PDF only when these are its own. report.html says neither the paper nor
 * anything only the PDF's metadata carries, so a PDF of another paper was kept as "the page is unchanged".
 */
import { describe, expect, it } from "vitest";
import { printSettings, settingsChanged } from "../../src/build/print-step";
import type { PdfOptions } from "../../src/report/pdf";

const options: PdfOptions = { title: "T", versionDate: "2026-05-01", paper: "Letter", author: "A", subtitle: "S", publishedAt: new Date("2026-05-01T10:00:00Z"), log: () => undefined, timeoutMs: 5 };

describe("a print's settings", () => {
  it("are the paper and what the header, footer and metadata carry, not when or how it was printed", () => {
    expect(printSettings(options)).toEqual({ title: "T", versionDate: "2026-05-01", paper: "Letter", author: "A", subtitle: "S" });
    expect(printSettings({ ...options, versionId: "2026-05-01-2", keywords: ["k"] })).toMatchObject({ versionId: "2026-05-01-2", keywords: ["k"] });
  });

  it("a build's own (read back from its log's JSON) are unchanged, whenever it ran", () => {
    const recorded: unknown = JSON.parse(JSON.stringify(printSettings(options)));
    expect(settingsChanged(recorded, printSettings({ ...options, publishedAt: new Date() }))).toEqual([]);
  });

  it("another paper is named with both sizes; another setting by its name; none recorded is said", () => {
    const recorded: unknown = JSON.parse(JSON.stringify(printSettings(options)));
    expect(settingsChanged(recorded, printSettings({ ...options, paper: "A4" }))).toEqual([{ name: "paper", was: "Letter", now: "A4" }]);
    const { author: _author, ...withoutAuthor } = options;
    expect(settingsChanged(recorded, printSettings(withoutAuthor))).toEqual([{ name: "author" }]);
    expect(settingsChanged(recorded, printSettings({ ...options, subtitle: "S2", keywords: ["k"] }))).toEqual([{ name: "keywords" }, { name: "subtitle" }]);
    expect(settingsChanged(undefined, printSettings(options))).toEqual([{ name: "unrecorded" }]);
  });
});
