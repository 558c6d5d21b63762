/**
 * The engine's stand-in for `import * as tslab from "tslab"`: the same display API as tslab 1.0
 * (`display.*`, `newDisplay()`, `versions`), sending each display to a sink instead of a Jupyter
 * kernel socket, plus the run context under `Symbol.for("fragtax.run-context")`.
 *
 * As in tslab, each display call sends exactly one mime type; binary data (png/jpeg/gif/pdf) is
 * base64-encoded; a non-string payload of `raw` (a Vega-Lite spec) stays JSON data, which is what
 * nbformat stores for `application/*+json` mimes. A display made by `newDisplay()` has an id:
 * its first call adds an output, later calls replace that output in place.
 */
import { randomBytes } from "node:crypto";
import type { MimeBundle } from "./nbformat";
import { RUN_CONTEXT, type RunContext } from "./run-context";

export interface DisplaySink {
  display(data: MimeBundle, displayId: string | undefined, update: boolean): void;
}

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
  raw(contentType: string, b: unknown): void;
}

export interface TslabShim {
  readonly display: Display;
  newDisplay(): Display;
  readonly versions: { readonly tslab: string; readonly typescript: string; readonly node: string };
  readonly [RUN_CONTEXT]?: RunContext;
}

export function createTslabShim(sink: DisplaySink, versions: TslabShim["versions"], context?: RunContext): TslabShim {
  const shim = {
    display: makeDisplay(sink, undefined),
    newDisplay: () => makeDisplay(sink, randomBytes(8).toString("hex")),
    versions: Object.freeze({ ...versions }),
  };
  if (context !== undefined) Object.defineProperty(shim, RUN_CONTEXT, { value: context, enumerable: false });
  return Object.freeze(shim);
}

function makeDisplay(sink: DisplaySink, id: string | undefined): Display {
  let shown = false;
  const raw = (contentType: string, b: unknown): void => {
    const update = id !== undefined && shown;
    shown = true;
    sink.display({ [contentType]: encode(b) }, id, update);
  };
  const text = (mime: string) => (s: string) => raw(mime, s);
  const binary = (mime: string) => (b: Uint8Array) => raw(mime, b);
  return {
    javascript: text("text/javascript"),
    html: text("text/html"),
    markdown: text("text/markdown"),
    latex: text("text/latex"),
    svg: text("image/svg+xml"),
    png: binary("image/png"),
    jpeg: binary("image/jpeg"),
    gif: binary("image/gif"),
    pdf: binary("application/pdf"),
    text: text("text/plain"),
    raw,
  };
}

/** Bytes → base64 (as tslab does); anything else → plain JSON data (objects from the realm included). */
function encode(b: unknown): unknown {
  if (b instanceof Uint8Array || ArrayBuffer.isView(b)) {
    const view = b as ArrayBufferView;
    return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString("base64");
  }
  if (typeof b === "string" || b === undefined) return b;
  return JSON.parse(JSON.stringify(b)) as unknown;
}
