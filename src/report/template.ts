/**
 * The page around the chapters: templates/report.html with its {{slots}} filled, the two
 * stylesheets and the chart runtime inlined, so the report is one file that loads nothing.
 * Every slot takes `Html`, so whatever reaches the page was escaped or explicitly marked raw.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { transformSync } from "esbuild";
import { html, rawHtml, type Html } from "./html";

export interface TemplateAssets {
  readonly page: string;
  readonly css: string;
  readonly printCss: string;
  /** The minified chart runtime. */
  readonly runtime: string;
}

export type TemplateSlots = Readonly<Record<string, Html>>;

let cachedAssets: TemplateAssets | undefined;

/** The tool's own folder (with templates/), found from this module whether run from src/ or dist/. */
export function toolRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, "templates", "report.html"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`fragtax: templates/report.html not found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** Read once per process: templates do not change during a build (or a watch session's rebuilds). */
export function loadTemplateAssets(): TemplateAssets {
  if (cachedAssets !== undefined) return cachedAssets;
  const templates = join(toolRoot(), "templates");
  const read = (name: string): string => readFileSync(join(templates, name), "utf8");
  // esbuild minifies the runtime once; it is plain ES5-compatible JS, so no bundling is needed.
  const runtime = transformSync(read("runtime.js"), { minify: true, loader: "js", target: "es2017" }).code;
  cachedAssets = { page: read("report.html"), css: read("report.css"), printCss: read("print.css"), runtime };
  return cachedAssets;
}

/** Fill every {{slot}}; a slot the template names but the caller did not give is an error. */
export function fillTemplate(page: string, slots: TemplateSlots): string {
  return page.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`templates/report.html: no value for {{${name}}}`);
    return value.value;
  });
}

/** Stylesheets and scripts go into <style>/<script>; neither may contain its own closing tag. */
export function inlineAsset(text: string, tag: "style" | "script"): Html {
  return rawHtml(text.replace(new RegExp(`</${tag}`, "gi"), `<\\/${tag}`));
}

export function assetSlots(assets: TemplateAssets): TemplateSlots {
  return {
    css: inlineAsset(assets.css, "style"),
    printCss: inlineAsset(assets.printCss, "style"),
    runtime: inlineAsset(assets.runtime, "script"),
  };
}

export const emptyHtml: Html = html``;
