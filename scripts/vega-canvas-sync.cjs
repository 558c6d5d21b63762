// vega-canvas for the CommonJS bundle of Vega (dist/vega.cjs, see bundle-cli.mjs): the same four
// functions, but `canvas` is required, not awaited at the top level (CommonJS has no top-level
// await). As vega-canvas does, a missing or unusable canvas package means no canvas (null).
"use strict";
let NodeCanvas = null;
try {
  NodeCanvas = require("canvas");
  if (!(NodeCanvas && NodeCanvas.createCanvas)) NodeCanvas = null;
} catch {
  NodeCanvas = null;
}

function domCanvas(w, h) {
  if (typeof document !== "undefined" && document.createElement) {
    const c = document.createElement("canvas");
    if (c && c.getContext) {
      c.width = w;
      c.height = h;
      return c;
    }
  }
  return null;
}

const domImage = () => (typeof Image !== "undefined" ? Image : null);

function nodeCanvas(w, h, type) {
  if (NodeCanvas) {
    try {
      return new NodeCanvas.Canvas(w, h, type);
    } catch {
      // null on error, as vega-canvas
    }
  }
  return null;
}

const nodeImage = () => (NodeCanvas && NodeCanvas.Image) || null;
const canvas = (w, h, type) => domCanvas(w, h) || nodeCanvas(w, h, type) || null;
const image = () => domImage() || nodeImage() || null;

module.exports = { canvas, domCanvas, image, nodeCanvas };
