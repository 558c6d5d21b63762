/**
 * Pages a test renders, opened as a reader opens them: written to a temp folder and loaded in real
 * Chromium at a given width (a phone's 390 px, a desktop's 1280 px). One browser per test file,
 * started on the first page opened; the browser and the folder go when the file's tests end.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Page } from "puppeteer-core";
import { afterAll } from "vitest";
import { launchChromium, type LaunchedChromium } from "../../src/report/chromium";

/**
 * Browser-side code, as text (the project compiles without the DOM library): the words (runs of
 * letters and digits) of the text under `root` (an element expression) that are laid out on more
 * than one line, i.e. split mid-word.
 */
export const wordsSplitUnder = (root: string, selector: string): string => `(() => {
  const split = [];
  for (const element of ${root}.querySelectorAll(${JSON.stringify(selector)})) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/[A-Za-z0-9]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) split.push(match[0]);
      }
    }
  }
  return split;
})()`;

export interface ReaderPages {
  /** Writes `html` as `name` in the folder; its file: URL. */
  write(name: string, html: string): string;
  /** A new tab at `url`, `width` px wide (844 px high), once the page has loaded. */
  open(url: string, width: number): Promise<Page>;
}

export function readerPages(prefix: string): ReaderPages {
  let chromium: Promise<LaunchedChromium> | undefined;
  let dir: string | undefined;
  afterAll(async () => {
    await (await chromium?.catch(() => undefined))?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return {
    write(name, html) {
      dir ??= mkdtempSync(join(tmpdir(), prefix));
      writeFileSync(join(dir, name), html);
      return pathToFileURL(join(dir, name)).href;
    },
    async open(url, width) {
      const tab = await (await (chromium ??= launchChromium())).browser.newPage();
      await tab.setViewport({ width, height: 844 });
      await tab.goto(url, { waitUntil: "load" });
      return tab;
    },
  };
}
