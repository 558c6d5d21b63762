/**
 * Labels are measured at build time with @napi-rs/canvas and drawn by the reader's browser: the two
 * must agree on the font and on how it is laid out (Chromium on whole pixels), or a label "that fits"
 * overflows (or one is cut needlessly). Compared here with real Chromium, which prints the PDF: its
 * canvas and the SVG text the charts are made of.
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

// Plain labels, and kerning pairs and ligatures (AV, To, Wa, fi, ffi).
const SAMPLES = ["Hyperscaler capacity commitments", "Cost of compute by scenario, today = 1", "Sovereignty premium (expected)", "AVAVAV To Wa fi fl ffi 2024"];

describe("text measurement", () => {
  it("measures the theme's font as Chromium lays it out (within 2%)", async () => {
    registerMeasureFonts();
    const context = createCanvas(1, 1).getContext("2d");
    const tab = await chromium.browser.newPage();
    // The page as the report gives it: the same font files, as web fonts.
    const faces = CHART_MEASURE_FONTS.files.map((file, index) => `@font-face { font-family: "${CHART_MEASURE_FONTS.family ?? ""}"; font-weight: ${index === 0 ? 400 : 700}; src: url(data:font/woff2;base64,${readFileSync(file).toString("base64")}) format("woff2"); }`);
    expect(faces.length).toBeGreaterThan(0);
    await tab.setContent(`<style>${faces.join("\n")}</style><p style='font-family: ${CHART_FONT}'>Hyperscaler <b>bold</b></p><svg id="chart" width="900" height="40"></svg>`);
    await tab.evaluate("document.fonts.ready.then(() => Promise.all([...document.fonts].map((face) => face.load())))");
    try {
      // The theme's label (400), title (600) and bold sizes.
      for (const font of [11, 12, 14].flatMap((size) => ["", "600 ", "bold "].map((weight) => `${weight}${size}px ${CHART_FONT}`))) {
        context.font = font;
        for (const text of SAMPLES) {
          const build = context.measureText(text).width;
          const page = (await tab.evaluate(`(() => {
            const c = document.createElement("canvas").getContext("2d");
            c.font = ${JSON.stringify(font)};
            const text = document.createElementNS("http://www.w3.org/2000/svg", "text");
            text.setAttribute("style", "font: " + ${JSON.stringify(font)});
            text.textContent = ${JSON.stringify(text)};
            document.getElementById("chart").append(text);
            const widths = [c.measureText(${JSON.stringify(text)}).width, text.getComputedTextLength()];
            text.remove();
            return widths;
          })()`)) as number[];
          for (const width of page) expect(Math.abs(build - width) / width, `${font}: "${text}" ${build} vs ${width}`).toBeLessThan(0.02);
        }
      }
    } finally {
      await tab.close();
    }
  }, 60_000);

  it("keeps Skia's other metrics of a label, measured when one is read", () => {
    registerMeasureFonts();
    const context = createCanvas(1, 1).getContext("2d");
    context.font = `11px ${CHART_FONT}`;
    const ours = context.measureText("Hyperscaler Ag") as unknown as Record<string, unknown>;
    expect(Number.isInteger(ours.width)).toBe(true);
    for (const name of ["actualBoundingBoxAscent", "actualBoundingBoxDescent", "fontBoundingBoxAscent", "fontBoundingBoxDescent", "actualBoundingBoxLeft", "actualBoundingBoxRight"]) {
      expect(typeof ours[name], name).toBe("number");
      expect(Number.isFinite(ours[name]), name).toBe(true);
    }
    // Ascent of a capital is above the baseline, a descender's below it.
    expect(ours.actualBoundingBoxAscent as number).toBeGreaterThan(5);
    expect(ours.actualBoundingBoxDescent as number).toBeGreaterThan(0);
    // The ink ends within a pixel or two of the (whole-pixel) advance.
    expect(Math.abs((ours.actualBoundingBoxRight as number) - (ours.width as number))).toBeLessThan(3);
  });
});
