/**
 * The one home of what HTML from a notebook may keep in the report: markdown cells' inline HTML and
 * the `text/html` and `image/svg+xml` outputs a cell displays (tslab.display.html / svg,
 * Deno.jupyter.html). The report is a page a reader opens and a page the build's Chromium prints, so
 * nothing a notebook writes may run, navigate, or make either of them load anything: the page's
 * Content-Security-Policy stops scripts, but not a `<meta http-equiv="refresh">`, and a `<link>` or
 * an external `<use href>` would be a request. Comments are dropped too, so a notebook cannot plant
 * one of the markers `fragtax publish` fills in (`<!-- fragtax:what-changed -->`).
 */
import sanitizeHtml from "sanitize-html";
import { visibleControlsInProse } from "../format/control";

/** Attributes any kept element may carry: none of them can load or run anything. */
const GLOBAL_ATTRIBUTES = ["id", "class", "title", "lang", "dir", "role", "aria-*"];

/** What a markdown cell's HTML may keep: markdown's own output (tables, footnotes, anchors, code) and inline HTML that cannot run. */
const MARKDOWN: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "details", "summary", "del", "ins"],
  allowedAttributes: {
    "*": GLOBAL_ATTRIBUTES,
    a: ["href", "name", "target", "rel"],
    img: ["src", "alt", "width", "height"],
    td: ["style", "colspan", "rowspan"],
    th: ["style", "colspan", "rowspan", "scope"],
    ol: ["start", "reversed", "type"],
    details: ["open"],
  },
  // markdown-it aligns table columns with text-align; nothing else may be styled from a cell.
  allowedStyles: { "*": { "text-align": [/^(?:left|right|center)$/] } },
  allowedSchemes: ["http", "https", "mailto"],
  // An image is shown only from the page's own bytes (markdown-images.ts inlines a local one): a
  // relative src has no file beside the page, and an http(s) one would be a request the policy blocks.
  allowedSchemesByTag: { img: ["data"] },
  // A tag that is not allowed (<script>, <iframe>, <style>) is shown as the text it was, not run or hidden.
  disallowedTagsMode: "escape",
};

/** Inline SVG's drawing elements, lower-case as the parser gives them (the page's HTML parser restores `linearGradient`). */
const SVG_TAGS = [
  "svg", "g", "defs", "symbol", "use", "title", "desc", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
  "text", "tspan", "textpath", "lineargradient", "radialgradient", "stop", "clippath", "mask", "marker", "pattern", "image",
];

const SVG_ATTRIBUTES = [
  "xmlns", "xmlns:xlink", "version", "viewbox", "preserveaspectratio", "width", "height", "x", "y", "x1", "y1", "x2", "y2",
  "cx", "cy", "r", "rx", "ry", "fx", "fy", "d", "points", "transform", "pathlength", "fill", "fill-opacity", "fill-rule",
  "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin",
  "stroke-miterlimit", "opacity", "visibility", "display", "vector-effect", "color", "font-family", "font-size", "font-weight",
  "font-style", "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing", "text-decoration",
  "dx", "dy", "rotate", "textlength", "lengthadjust", "startoffset", "offset", "stop-color", "stop-opacity", "gradientunits",
  "gradienttransform", "spreadmethod", "clip-path", "clip-rule", "clippathunits", "mask", "maskunits", "maskcontentunits",
  "marker-start", "marker-mid", "marker-end", "markerwidth", "markerheight", "markerunits", "refx", "refy", "orient",
  "patternunits", "patterncontentunits", "patterntransform", "href", "xlink:href",
];

/**
 * The functions a kept value may call: colours, SVG transforms and a reference to a fragment of the
 * same output (`url(#grad)`). Anything else (`url(https:…)`, `image-set(…)`, `attr()`, `var()`) could
 * load something, and a backslash could spell one in CSS escapes (`u\\72l(…)`), so neither is kept.
 */
const SAFE_FUNCTION = String.raw`(?:rgba?|hsla?)\([\d\s.,%]+\)|(?:translate|rotate|scale|matrix|skewx|skewy)\([-\d\s.,e]+\)|url\(\s*(['"]?)#[\w.-]+\1\s*\)`;

/**
 * Colours, plain keywords, lengths, font names and lists (a dash array), and the safe functions: a
 * value never names a url() other than a fragment, an image-set() or an @import. For styles and for
 * presentation attributes, which are read as CSS.
 */
const STYLE_VALUE = new RegExp(String.raw`^(?:[\w\s#.,%'"+-]|${SAFE_FUNCTION})*$`, "i");

/**
 * Elements removed with everything inside them: their content is code, CSS or another document
 * (foreignObject would put HTML inside a drawing), never text a reader should see.
 */
const REMOVED_WITH_CONTENT = ["script", "style", "metadata", "foreignobject", "iframe", "object", "embed", "template", "noscript", "textarea", "select", "option", "math", "head"];

const RASTER_DATA = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]*$/i;

/** What a displayed `text/html` or `image/svg+xml` output may keep: tables, basic formatting and inline SVG drawing. */
const OUTPUT: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "details", "summary", "del", "ins", "figure", "figcaption", ...SVG_TAGS],
  allowedAttributes: {
    "*": [...GLOBAL_ATTRIBUTES, "style", "data-*", ...SVG_ATTRIBUTES],
    a: ["href", "name"],
    img: ["src", "alt", "width", "height"],
    td: ["colspan", "rowspan", "align", "valign"],
    th: ["colspan", "rowspan", "scope", "align", "valign"],
    ol: ["start", "reversed", "type"],
    details: ["open"],
  },
  allowedStyles: {
    "*": Object.fromEntries(
      [
        ...["color", "background-color", "text-align", "vertical-align", "font", "font-family", "font-size", "font-weight", "font-style", "text-decoration", "white-space"],
        ...["fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-dasharray", "stroke-dashoffset", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit"],
        ...["opacity", "visibility", "display", "text-anchor", "dominant-baseline", "stop-color", "stop-opacity", "clip-path", "mask", "marker-start", "marker-mid", "marker-end"],
      ].map((property) => [property, [STYLE_VALUE]]),
    ),
  },
  allowedSchemes: ["http", "https", "mailto"],
  // An image is shown only from the output's own bytes: an http(s) src would be a request.
  allowedSchemesByTag: { img: ["data"], image: ["data"] },
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // sanitize-html skips a disallowed "non-text" tag's whole subtree, nested tags included.
  nonTextTags: REMOVED_WITH_CONTENT,
  transformTags: { "*": (tagName, attribs) => ({ tagName, attribs: referencesKept(tagName, attribs) }) },
};

/**
 * An element's attributes without external references: `url(…)` only to a fragment (`url(#grad)`),
 * an SVG `href` only to a fragment (`<use href="#dot">`) or, on `<image>` and `<img>`, to a raster
 * data: URL. `<a href>` keeps its link (following it is the reader's choice; the scheme check drops javascript:).
 */
function referencesKept(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Attributes {
  const kept: sanitizeHtml.Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    // Presentation attributes are read as CSS: the same rule as a style value (`a href` is a link, checked by scheme).
    // (A style is checked declaration by declaration, by allowedStyles; CSS escapes are refused in it too.)
    if (value.includes("\\") && !(tagName === "a" && name === "href")) continue;
    if (name !== "style" && !(tagName === "a" && name === "href") && value.includes("(") && !STYLE_VALUE.test(value)) continue;
    const image = tagName === "image" || tagName === "img";
    if (name === "src" || name === "xlink:href" || (name === "href" && tagName !== "a")) {
      if (!(image ? RASTER_DATA.test(value) : value.startsWith("#"))) continue;
    }
    kept[name] = value;
  }
  return kept;
}

// Control characters and bidi overrides (ESC, NUL, a right-to-left override) are shown as visible
// escapes, as everywhere a reader sees text (format/control.ts): an override would draw the rest of a
// paragraph reversed. After sanitizing, so no markup can be made of them. The direction marks of
// Arabic and Hebrew writing (LRM, RLM, ALM) are kept: they are how such prose places its punctuation.

/**
 * A markdown cell's rendered HTML, as Jupyter sanitizes markdown. Each `<img>` src is replaced by its
 * inlined `data:` URI from `images` (keyed by the src as written) or kept when it is one already;
 * any other src is dropped and listed in `unplaced`, so the caller can say so instead of the page
 * showing a broken image.
 */
export function sanitizeMarkdownHtml(html: string, images: ReadonlyMap<string, string> = new Map(), unplaced: string[] = []): string {
  const placeImage = (tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag => {
    const { src, ...rest } = attribs;
    if (src === undefined) return { tagName, attribs };
    const uri = images.get(src) ?? (/^\s*data:/i.test(src) ? src : undefined);
    if (uri === undefined) unplaced.push(src);
    return { tagName, attribs: uri === undefined ? rest : { ...rest, src: uri } };
  };
  return visibleControlsInProse(sanitizeHtml(html, { ...MARKDOWN, transformTags: { img: placeImage } }));
}

/**
 * A displayed `text/html` or `image/svg+xml` output, made safe to place in the report. An `<img>` whose
 * src is no data: URI is dropped by the sanitizer (a broken image, said nowhere): its src is listed in
 * `unplaced`, for the caller to say so.
 */
export function sanitizeOutputHtml(html: string, unplaced: string[] = []): string {
  // The policy's own transform still keeps every tag's attributes free of external references: this only notes an img's src first.
  const noted = (tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag => {
    if (tagName === "img" && attribs.src !== undefined && !RASTER_DATA.test(attribs.src)) unplaced.push(attribs.src);
    return { tagName, attribs: referencesKept(tagName, attribs) };
  };
  return visibleControlsInProse(sanitizeHtml(html, { ...OUTPUT, transformTags: { "*": noted } }));
}
