/**
 * The page around the chapters: templates/report.html with its {{slots}} filled, the two
 * stylesheets and the chart runtime inlined, so the report is one file that loads nothing.
 * Every slot takes `Html`, so whatever reaches the page was escaped or explicitly marked raw.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { html, rawHtml, type Html } from "../util/html";
import { sha256 } from "../util/hash";
import { contentSecurityPolicy } from "./csp";
import { templateMissingSlot } from "../messages/report";
import { toolRoot } from "../util/paths";
import { toolCacheDir, writeToolCache } from "../util/tool-cache";

export interface TemplateAssets {
  readonly page: string;
  readonly css: string;
  readonly printCss: string;
  /** The minified chart runtime. */
  readonly runtime: string;
}

export type TemplateSlots = Readonly<Record<string, Html>>;

let cached: { readonly stamp: string; readonly assets: TemplateAssets } | undefined;

const TEMPLATE_FILES = ["report.html", "report.css", "print.css", "runtime.js"] as const;

/**
 * Read once and kept while the files are unchanged: a build reads them once, and `fragtax dev`
 * (many builds in one process, watching templates/) picks up an edit on its next rebuild.
 */
export function loadTemplateAssets(): TemplateAssets {
  const templates = join(toolRoot(), "templates");
  const stamp = TEMPLATE_FILES.map((name) => statSync(join(templates, name)).mtimeMs).join(",");
  if (cached?.stamp === stamp) return cached.assets;
  const read = (name: string): string => readFileSync(join(templates, name), "utf8");
  const runtime = minifiedRuntime(read("runtime.js"));
  cached = { stamp, assets: { page: read("report.html"), css: read("report.css"), printCss: read("print.css"), runtime } };
  return cached.assets;
}

/**
 * esbuild minifies the runtime (plain ES5-compatible JS, no bundling needed). The result is kept in
 * node_modules/.cache/fragtax/ by content, so a build whose runtime.js did not change loads neither
 * esbuild nor minifies (a no-op rebuild's budget is 0.5 s).
 */
function minifiedRuntime(source: string): string {
  const require = createRequire(import.meta.url);
  const esbuildVersion = (require("esbuild/package.json") as { version: string }).version;
  const key = sha256(`${esbuildVersion}\0${source}`).slice(0, 16);
  const file = join(toolCacheDir(), `runtime-${key}.js`);
  if (existsSync(file)) return readFileSync(file, "utf8");
  const { transformSync } = require("esbuild") as typeof import("esbuild");
  const code = transformSync(source, { minify: true, loader: "js", target: "es2017" }).code;
  writeToolCache(file, code);
  return code;
}

/** Fill every {{slot}}; a slot the template names but the caller did not give is an error. */
export function fillTemplate(page: string, slots: TemplateSlots): string {
  return page.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(templateMissingSlot(name));
    return value.value;
  });
}

/** Stylesheets and scripts go into <style>/<script>; neither may contain its own closing tag. */
export function inlineAsset(text: string, tag: "style" | "script"): Html {
  return rawHtml(text.replace(new RegExp(`</${tag}`, "gi"), `<\\/${tag}`));
}

export function assetSlots(assets: TemplateAssets): TemplateSlots {
  const runtime = inlineAsset(assets.runtime, "script");
  return {
    css: inlineAsset(assets.css, "style"),
    printCss: inlineAsset(assets.printCss, "style"),
    runtime,
    // The runtime is the page's only script: the policy lets exactly its text run (report/csp.ts).
    policy: rawHtml(contentSecurityPolicy({ scripts: [runtime.value] })), // hashes and keywords only: nothing to escape
  };
}

export const emptyHtml: Html = html``;
