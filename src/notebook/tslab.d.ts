/**
 * The `tslab` module as notebooks see it: `import * as tslab from "tslab"`. Same surface as tslab 1.0
 * (JupyterLab / VS Code with the tslab kernel) and as the engine's stand-in (`tslab-shim.ts`);
 * `fragtax check` resolves "tslab" to this file so notebooks type-check without tslab installed.
 * `raw` takes what tslab accepts (string or bytes); pass a JSON mime's object (a Vega-Lite spec)
 * through the notebook API's `chart()`, which does the cast once.
 */
export interface Versions {
  tslab: string;
  typescript: string;
  node: string;
}

/** The version strings of tslab (or the engine standing in for it) and its dependencies. */
export declare const versions: Versions;

export interface Display {
  javascript(s: string): void;
  html(s: string): void;
  markdown(s: string): void;
  latex(s: string): void;
  svg(s: string): void;
  png(b: Uint8Array): void;
  jpeg(b: Uint8Array): void;
  gif(b: Uint8Array): void;
  pdf(b: Uint8Array): void;
  text(s: string): void;
  raw(contentType: string, b: string | Uint8Array): void;
}

/** A new display that shows one output and overwrites it in place on every later call. */
export declare function newDisplay(): Display;

/** Displays rich content below the cell. */
export declare const display: Display;
