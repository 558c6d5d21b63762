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
 */
import { GlobalFonts } from "canvas";
import { CHART_MEASURE_FONTS } from "./theme";

const registered = new Set<string>();

/** Registers the theme's font files with the canvas (each file once per process). */
export function registerMeasureFonts(fonts: { readonly family: string | undefined; readonly files: readonly string[] } = CHART_MEASURE_FONTS): void {
  for (const file of fonts.files) {
    if (registered.has(file)) continue;
    registered.add(file);
    GlobalFonts.registerFromPath(file, fonts.family);
  }
}
