/**
 * Labels are measured at build time with @napi-rs/canvas and drawn by the reader's browser: the two
 * must agree on the font, or a label "that fits" overflows (or one is cut needlessly). Compared here
 * with real Chromium, which prints the PDF.
 */
import { createCanvas } from "canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { registerMeasureFonts } from "../../src/charts/canvas";
import { CHART_FONT, CHART_MEASURE_FONTS } from "../../src/charts/theme";
import { launchChromium, type LaunchedChromium } from "../../src/report/chromium";

let chromium: LaunchedChromium;
beforeAll(async () => {
  chromium = await launchChromium();
}, 60_000);
afterAll(async () => {
  await chromium.close();
});

const SAMPLES = ["Hyperscaler capacity commitments", "Cost of compute by scenario, today = 1", "Sovereignty premium (expected)"];

describe("text measurement", () => {
  it("measures the theme's font as Chromium does (within 4%)", async () => {
    registerMeasureFonts();
    const context = createCanvas(1, 1).getContext("2d");
    const tab = await chromium.browser.newPage();
    // The page as the report gives it: the same font files, as web fonts.
    const faces = CHART_MEASURE_FONTS.files.map((file, index) => `@font-face { font-family: "${CHART_MEASURE_FONTS.family ?? ""}"; font-weight: ${index === 0 ? 400 : 700}; src: url(data:font/woff2;base64,${readFileSync(file).toString("base64")}) format("woff2"); }`);
    expect(faces.length).toBeGreaterThan(0);
    await tab.setContent(`<style>${faces.join("\n")}</style><p style='font-family: ${CHART_FONT}'>Hyperscaler</p>`);
    await tab.evaluate("document.fonts.ready.then(() => Promise.all([...document.fonts].map((face) => face.load())))");
    try {
      for (const size of [11, 12, 14]) {
        const font = `${size}px ${CHART_FONT}`;
        context.font = font;
        for (const text of SAMPLES) {
          const build = context.measureText(text).width;
          const page = (await tab.evaluate(`(() => { const c = document.createElement("canvas").getContext("2d"); c.font = ${JSON.stringify(font)}; return c.measureText(${JSON.stringify(text)}).width; })()`)) as number;
          expect(Math.abs(build - page) / page, `${font}: "${text}" ${build} vs ${page}`).toBeLessThan(0.04); // Skia and Chromium shape the same woff2 slightly differently (kerning, hinting): up to ~3%
        }
      }
    } finally {
      await tab.close();
    }
  }, 60_000);
});
