/**
 * Text measurement for charts. vega measures label widths with the `canvas` module when it can
 * import one (vega-canvas does `import("canvas")`) and otherwise guesses 0.8 em per character,
 * cutting labels that would fit. The project's `canvas` dependency is `@napi-rs/canvas` installed
 * under that name (package.json: "canvas": "npm:@napi-rs/canvas@…"): a Skia canvas whose native
 * binary ships in npm, exposing the `createCanvas`/`Canvas` vega looks for. It also rasterises very
 * large charts (raster.ts).
 *
 * Labels are measured with the fonts the page uses: the system's fonts matching CHART_FONT (the
 * same fontconfig match Chromium makes), plus any font files the theme names (CHART_MEASURE_FONTS),
 * e.g. the report's own web fonts.
 *
 * And they are measured as Chromium lays them out. Chromium on Linux at the page's 1× scale, which
 * prints the PDF, positions glyphs on whole pixels: every glyph's advance, and every kerning
 * adjustment between two glyphs, is rounded to a pixel (its canvas, HTML and SVG text agree, and so
 * does the PDF). Skia in @napi-rs/canvas returns fractional advances, 1–3% narrower at chart sizes,
 * so a label measured as fitting could overflow on the page. `wholePixelWidth` applies the same
 * rounding to the canvas's own per-glyph measurements.
 */
import { createCanvas, GlobalFonts } from "canvas";
import { CHART_MEASURE_FONTS } from "./theme";
import { visibleControls } from "../format/control";
import { keptWidths, PROBE } from "./measured-widths";
import { keepAtExit } from "../util/code-cache";

const registered = new Set<string>();

/** Registers the theme's font files with the canvas (each file once per process), measuring as Chromium does. */
export function registerMeasureFonts(fonts: { readonly family: string | undefined; readonly files: readonly string[] } = CHART_MEASURE_FONTS): void {
  measureOnWholePixels(fonts);
  for (const file of fonts.files) {
    if (registered.has(file)) continue;
    registered.add(file);
    GlobalFonts.registerFromPath(file, fonts.family);
  }
}

/**
 * The width of `text` laid out on whole pixels, from `measure` (fractional widths of any text in the
 * same font): the rounded advance of each character plus the rounded kerning of each neighbouring
 * pair (a pair's width less its two characters'; a ligature shows up there too). Pure.
 */
export function wholePixelWidth(text: string, measure: (text: string) => number): number {
  const characters = Array.from(text);
  let width = 0;
  for (let index = 0; index < characters.length; index += 1) {
    const character = characters[index] as string;
    const advance = measure(character);
    width += Math.round(advance);
    const next = characters[index + 1];
    if (next !== undefined) width += Math.round(measure(character + next) - advance - measure(next));
  }
  return width;
}

interface MeasuringContext {
  font: string;
  measureText(text: string): object;
}

let wholePixels = false;

/**
 * Makes `measureText` of this process's canvases (the one vega measures with, above all) report
 * whole-pixel widths. The per-font widths of characters and pairs are kept, so a label costs a few
 * map look-ups once its characters have been seen. The other metrics stay Skia's, measured only when
 * one is read (`LazyMetrics`): vega reads the width alone, and Skia's measurement of the whole label
 * (~16 µs; vega measures each truncated label several times) was half of what measuring cost.
 */
function measureOnWholePixels(fonts: { readonly family: string | undefined; readonly files: readonly string[] }): void {
  if (wholePixels) return;
  wholePixels = true;
  // The widths earlier processes measured in these fonts (measured-widths.ts), and this one's kept as it
  // exits (with the code caches: also when `fragtax dev` ends by its signal).
  const { widths, probes, keep } = keptWidths(fonts.family, fonts.files);
  keepAtExit(keep);
  const probed = new Set<string>();
  const prototype = Object.getPrototypeOf(createCanvas(1, 1).getContext("2d")) as MeasuringContext;
  const native = prototype.measureText;
  const metricNames = Object.getOwnPropertyNames(Object.getPrototypeOf(native.call(createCanvas(1, 1).getContext("2d"), ""))).filter((name) => name !== "constructor" && name !== "width");
  for (const name of metricNames) {
    Object.defineProperty(LazyMetrics.prototype, name, {
      get(this: LazyMetrics) {
        return (this[SKIA] ??= this[MEASURE]())[name as keyof object];
      },
      enumerable: true,
      configurable: true,
    });
  }
  prototype.measureText = function measureText(this: MeasuringContext, text: string) {
    const font = this.font;
    let known = widths.get(font);
    // A font's kept widths hold while its probe measures as it did (the face the canvas picks for it is the same).
    if (!probed.has(font)) {
      probed.add(font);
      const probe = (native.call(this, PROBE) as { width: number }).width;
      if (probes.get(font) !== probe) widths.delete(font);
      probes.set(font, probe);
      known = widths.get(font);
    }
    if (known === undefined) widths.set(font, (known = new Map()));
    const cache = known;
    const measure = (part: string): number => {
      let width = cache.get(part);
      if (width === undefined) cache.set(part, (width = (native.call(this, part) as { width: number }).width));
      return width;
    };
    // A chart shows control characters as visible escapes (render.ts): their width is the escape's.
    return new LazyMetrics(wholePixelWidth(visibleControls(String(text)), measure), () => native.call(this, text));
  };
}

const SKIA = Symbol("skia metrics");
const MEASURE = Symbol("measure");

/** A label's metrics: its whole-pixel width, and Skia's other metrics (getters on the prototype, made above) measured when first read. */
class LazyMetrics {
  [SKIA]: object | undefined;
  readonly [MEASURE]: () => object;
  constructor(
    readonly width: number,
    measure: () => object,
  ) {
    this[MEASURE] = measure;
  }
}
